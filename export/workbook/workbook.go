// Package workbook exports a plan to an Excel workbook that is a live model
// (README.md, "The workbook"): a Summary sheet comparing the scenarios and, per scenario,
// one sheet per enabled module whose monthly tables are formulas over named,
// styled input cells. Every formula cell also carries the engine's number as
// its cached value, so viewers that do not recalculate show the right figures.
//
// The package uses excelize and the scenario engine only; it never touches a
// display.
package workbook

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"scaleplan/scenario"
	"scaleplan/scenario/atomicfile"
)

// Options tunes an export.
type Options struct {
	// Progress, if not nil, is called after each sheet with the number of
	// steps done and the total: from the writing goroutine, or during a
	// simulation from its goroutines, one call at a time.
	Progress func(done, total int)
	// Simulate runs the Monte Carlo simulation of every scenario with
	// ranges (the plan's simulation setting) and gives it a Simulation
	// sheet (simulation.go); about a second a scenario at 10,000 runs.
	Simulate bool
	// Context, if not nil, stops the export when it is cancelled: between
	// sheets, and within a simulation. The error then wraps the context's
	// (errors.Is(err, context.Canceled)), and WriteFile leaves no file.
	Context context.Context
	// Compare, if not empty, limits the Summary to these scenarios (indexes
	// into the plan's), in this order; the first is the baseline the deltas
	// are against. Every scenario still gets its module sheets.
	Compare []int
}

// Write validates and computes the plan with scenario.ComputePlan and writes
// the workbook (xlsx) to w. The sheets' cells wait in a temporary file in
// the system's temporary folder (see rowStore), so memory stays bounded
// whatever the plan's size.
func Write(w io.Writer, p *scenario.Plan, opt Options) error {
	return write(w, p, opt, "")
}

// write is Write with the temporary file in folder tmp ("" for the
// system's).
func write(w io.Writer, p *scenario.Plan, opt Options, tmp string) error {
	if p == nil {
		return errors.New("workbook: no plan")
	}
	results, err := scenario.ComputePlan(p)
	if err != nil {
		return fmt.Errorf("workbook: %w", err)
	}
	scratch, done, err := atomicfile.Scratch(tmp)
	if err != nil {
		return fmt.Errorf("workbook: %w", err)
	}
	defer done()
	rows := newRowStore(scratch)
	defer rows.close()
	b, err := build(p, results, opt, rows)
	if err != nil {
		return fmt.Errorf("workbook: %w", err)
	}
	defer b.f.Close()
	var skeleton bytes.Buffer // the package with empty sheets: small
	if _, err := b.f.WriteTo(&skeleton); err != nil {
		return fmt.Errorf("workbook: write: %w", err)
	}
	if err := b.finishPackage(w, skeleton.Bytes()); err != nil {
		return fmt.Errorf("workbook: write: %w", err)
	}
	b.step()
	return nil
}

// WriteFile writes the workbook atomically (scenario/atomicfile), streaming
// it into a temporary file beside path that replaces path when complete,
// so a failed or interrupted export never leaves a half-written file. It
// fails early, with a clear error, when path cannot be written (a missing
// folder, a folder or a special file at path).
func WriteFile(path string, p *scenario.Plan, opt Options) error {
	target, _, err := atomicfile.Target(path)
	if err != nil {
		return fmt.Errorf("workbook: %w", err)
	}
	var werr error // an error of the workbook, not of the file
	err = atomicfile.Write(path, func(w io.Writer) (err error) {
		// a panic is an error of the workbook: returned, it has the
		// temporary file removed like any other
		defer func() {
			if r := recover(); r != nil {
				werr = fmt.Errorf("workbook: internal error: %v", r)
				err = werr
			}
		}()
		werr = write(w, p, opt, filepath.Dir(target))
		return werr
	})
	if werr != nil {
		return werr
	}
	if err != nil {
		return fmt.Errorf("workbook: %w", err) // the error names path
	}
	return nil
}

// builder carries what every sheet writer needs.
type builder struct {
	f      *excelize.File
	st     *styles
	plan   *scenario.Plan
	done   int
	opt    Options
	all    int
	sheets []*sheet    // written so far (their names; their cells are in rows)
	months map[int]int // style of each month number, shown with its date
	rows   *rowStore
}

// scenarioSheets records where a scenario's module sheets put the cells the
// Summary links to, by metric key.
type scenarioSheets struct {
	refs map[string]string
	// monthly and cells locate what the Finance sheet reads from the
	// module sheets, by the ref* keys of finance.go.
	monthly     map[string]monthlyRef
	cells       map[string]string
	viralActive func(month int) string // qualified cell of active users in month m; nil without viral sheet
	// at gives, for each metric whose value depends on the month it is
	// taken at, a formula (with qualified references) for the metric at
	// month m before the scenario's horizon: the Summary compares
	// scenarios at their common month (scenario.CommonMonth).
	at map[string]func(m int) string
}

func build(p *scenario.Plan, results []*scenario.Result, opt Options, rows *rowStore) (*builder, error) {
	f := excelize.NewFile()
	st, err := newStyles(f, p.Currency)
	if err != nil {
		f.Close()
		return nil, err
	}
	b := &builder{f: f, st: st, plan: p, opt: opt, all: countSheets(p, opt) + 1, rows: rows}
	// the plan's name titles the workbook (File → Properties, the title bar
	// of some viewers) as it titles the Summary sheet
	if err := f.SetDocProps(&excelize.DocProperties{Title: p.Name, Creator: "Scaleplan"}); err != nil {
		f.Close()
		return nil, err
	}
	if err := b.buildAll(results); err != nil {
		f.Close()
		return nil, err
	}
	return b, nil
}

// countSheets counts the progress steps of the sheets: one a sheet, and
// simSteps more for each simulation.
func countSheets(p *scenario.Plan, opt Options) int {
	n := 1
	if len(p.Experiments) > 0 {
		n++
	}
	for i := range p.Scenarios {
		for _, m := range moduleSheets {
			if m.enabled(&p.Scenarios[i]) {
				n++
			}
		}
		if opt.Simulate && len(p.Scenarios[i].Ranges) > 0 {
			n += 1 + simSteps
		}
	}
	return n
}

func (b *builder) buildAll(results []*scenario.Result) error {
	prefixes := sheetPrefixes(b.plan)
	all := make([]scenarioSheets, len(results))
	// The Summary sheet links to module sheets, so it is laid out last but
	// created first to stay the first tab.
	if err := b.f.SetSheetName("Sheet1", summaryName); err != nil {
		return err
	}
	for i, r := range results {
		s := &b.plan.Scenarios[i]
		ss, err := b.scenarioSheets(prefixes[i], s, r)
		if err != nil {
			return fmt.Errorf("scenario %q: %w", s.Name, err)
		}
		all[i] = ss
	}
	if err := b.summary(results, all); err != nil {
		return fmt.Errorf("summary: %w", err)
	}
	if len(b.plan.Experiments) > 0 {
		if err := b.add(b.experimentsSheet(b.plan.Experiments)); err != nil {
			return fmt.Errorf("experiments: %w", err)
		}
	}
	full := true
	return b.f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &full})
}

func (b *builder) scenarioSheets(prefix string, s *scenario.Scenario, r *scenario.Result) (scenarioSheets, error) {
	ss := scenarioSheets{refs: map[string]string{}, monthly: map[string]monthlyRef{}, cells: map[string]string{},
		at: map[string]func(int) string{}}
	for _, m := range moduleSheets {
		if !m.enabled(s) {
			continue
		}
		if err := b.add(m.write(b, prefix+m.suffix, s, r, &ss)); err != nil {
			return ss, err
		}
	}
	if b.simulates(s) {
		if err := b.add(b.simulationSheet(prefix+suffixSimulation, s)); err != nil {
			return ss, err
		}
	}
	return ss, nil
}

// add writes a finished sheet and reports progress; it stops the export
// when its context is cancelled.
func (b *builder) add(sh *sheet) error {
	if err := b.cancelled(); err != nil {
		return err
	}
	if err := sh.flush(b.f, b.rows); err != nil {
		return err
	}
	b.sheets = append(b.sheets, sh)
	b.step()
	return nil
}

// cancelled is the export's context's error, if it is done.
func (b *builder) cancelled() error {
	if b.opt.Context == nil {
		return nil
	}
	return b.opt.Context.Err()
}

func (b *builder) step() {
	b.done++
	if b.opt.Progress != nil {
		b.opt.Progress(b.done, b.all)
	}
}

// Layout shared by the module sheets: a title, a subtitle, the table header
// on row headRow (frozen with the rows above), inputs in columns A:B.
const (
	headRow  = 4
	firstRow = 5
	labelCol = 1
	valueCol = 2
)

// heading writes the sheet title and subtitle.
func (b *builder) heading(sh *sheet, title, subtitle string) {
	sh.text(1, 1, title, b.st.title)
	sh.text(1, 2, subtitle, b.st.subtitle)
	sh.freezeRow = headRow
	sh.heights[headRow] = 30 // headings wrap to two lines
}

// chartWidth is the width in pixels of columns 1..last, so a chart placed
// in column A stays clear of a table starting after last.
func chartWidth(sh *sheet, last int) uint {
	var w float64
	for c := 1; c <= last; c++ {
		if x, ok := sh.widths[c]; ok {
			w += x
		} else {
			w += 9.14
		}
	}
	return uint(w*7 + 0.5)
}

// section writes a bold block heading in column A.
func (b *builder) section(sh *sheet, r int, title string) {
	sh.text(labelCol, r, title, b.st.section)
	sh.text(valueCol, r, "", b.st.section)
}

// namedInput is an input cell of a sheet's input block: its label, its
// defined name, its value and its style.
type namedInput struct {
	label, name string
	v           float64
	style       int
}

// inputs writes ins from firstRow down with input.
func (b *builder) inputs(sh *sheet, ins []namedInput) {
	for i, in := range ins {
		b.input(sh, firstRow+i, in.label, in.name, in.v, in.style)
	}
}

// input writes an input row: label, value cell styled as input, and a
// sheet-scoped name for the value cell.
func (b *builder) input(sh *sheet, r int, label, name string, v float64, style int) string {
	sh.text(labelCol, r, label, b.st.label)
	sh.num(valueCol, r, v, style)
	sh.define(name, abs(valueCol, r))
	return abs(valueCol, r)
}

// derived writes a labelled formula row with an optional name.
func (b *builder) derived(sh *sheet, r int, label, name, f string, cached any, style int) string {
	sh.text(labelCol, r, label, b.st.label)
	sh.formula(valueCol, r, f, cached, style)
	if name != "" {
		sh.define(name, abs(valueCol, r))
	}
	return abs(valueCol, r)
}

// header writes table headings on headRow from column c.
func (b *builder) header(sh *sheet, c int, titles ...string) {
	for i, t := range titles {
		sh.text(c+i, headRow, t, b.st.header)
	}
}

// between returns a validation rule for numbers from lo to hi.
func between(lo, hi float64, whole bool, msg string) *excelize.DataValidation {
	dv := excelize.NewDataValidation(true)
	t := excelize.DataValidationTypeDecimal
	if whole {
		t = excelize.DataValidationTypeWhole
	}
	_ = dv.SetRange(lo, hi, t, excelize.DataValidationOperatorBetween)
	dv.SetError(excelize.DataValidationErrorStyleStop, "Out of range", msg)
	return dv
}

// inRange returns the validation rule of the input at path (below the
// scenario, "viral.inviteConversion"), from scenario's limits table; label
// names the input in the message. Excel's bounds are inclusive: an open
// upper bound is moved inward by a millionth (by 1 for whole numbers); an
// open lower bound stays (Excel writes a millionth above 0 with an exponent,
// which it refuses in a rule), so the rule lets the bound itself through.
// It is nil for a path the table lacks.
func inRange(path, label string) *excelize.DataValidation {
	l, ok := scenario.LimitOf(path)
	if !ok {
		return nil
	}
	lo, hi := l.Min, l.Max
	step := 1e-6
	if l.Whole {
		step = 1
	}
	below, above, whole := "", "", ""
	if l.MinOpen {
		above = "above "
	}
	if l.MaxOpen {
		hi, below = hi-step*math.Max(1, math.Abs(hi)), "below "
	}
	if l.Whole {
		whole = "whole numbers from "
	}
	msg := fmt.Sprintf("%s: %s%s%s to %s%s", label, whole, above,
		formatBound(l.Min, l.Percent), below, formatBound(l.Max, l.Percent))
	return between(lo, hi, l.Whole, msg)
}

// formatBound writes a bound for a message: −99%, 1,000.
func formatBound(v float64, pct bool) string {
	return strings.Replace(scenario.FormatInput(v, pct), "-", "−", 1)
}

// list returns a drop-down validation rule.
func list(msg string, items ...string) *excelize.DataValidation {
	dv := excelize.NewDataValidation(true)
	_ = dv.SetDropList(items)
	dv.SetError(excelize.DataValidationErrorStyleStop, "Not allowed", msg)
	return dv
}

// lineChart builds a line chart of series over the month column (months
// long), width pixels wide.
func lineChart(title string, width uint, months int, cats string, series []excelize.ChartSeries, numFmt string) *excelize.Chart {
	return &excelize.Chart{
		// A scatter chart over the month numbers: its month axis is a value
		// axis, so every engine spaces the labels and keeps them horizontal
		// (a category axis with one label a month prints them as stacked
		// digits in LibreOffice, which ignores the label skip).
		Type:      excelize.Scatter,
		Series:    series,
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: title, Font: &excelize.Font{Bold: true, Size: 11}}}},
		Dimension: excelize.ChartDimension{Width: 560, Height: chartHeightPx},
		Legend:    excelize.ChartLegend{Position: "bottom"},
		XAxis: excelize.ChartAxis{Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Month"}}},
			Minimum: ptr(0.0), Maximum: ptr(float64(months)), Font: axisFont},
		YAxis:        excelize.ChartAxis{MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: numFmt}, Font: axisFont},
		ShowBlanksAs: "gap",
	}
}

// axisFont is the charts' axis labels: dark enough to read on paper.
var axisFont = excelize.Font{Color: "404040", Size: 9}

// series is one chart series: name cell, categories and values ranges, all
// on sheet sh.
func series(sh string, nameCell, cats, vals string) excelize.ChartSeries {
	return excelize.ChartSeries{Name: qualify(sh, nameCell), Categories: qualify(sh, cats), Values: qualify(sh, vals),
		Marker: excelize.ChartMarker{Symbol: "none"}, Line: excelize.LineOptions{Type: excelize.LineSolid, Width: 2}}
}

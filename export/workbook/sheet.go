package workbook

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"scaleplan/scenario"
)

// sheet collects one worksheet in memory (cells, widths, names, validation,
// charts); flush hands the decoration to excelize and writes the cells as
// XML to a rowStore, keeping each formula's cached value with the right
// type (a number stays a number, a text result stays text, #N/A an error).
type sheet struct {
	name        string
	rows        [][]any // rows[r-1][c-1]: nil, excelize.Cell
	widths      map[int]float64
	outline     []int // columns grouped at outline level 1
	hidden      []int // columns hidden (still plotted: charts include hidden cells); give them a width
	freezeRow   int   // rows 1..freezeRow stay visible
	freezeCol   int   // columns 1..freezeCol stay visible
	fitWide     int   // print this many pages wide (landscape); 0 = no fit
	print       *printSetup
	written     int // rows written (rows is dropped once they are)
	heights     map[int]float64
	names       []excelize.DefinedName
	validations []*excelize.DataValidation
	conds       []condFormat
	charts      []placedChart
	err         error // text too long for its cell (see text)
	// extra, if set, adds cells to rows 1..extraRows as they are written,
	// after the row's own (which end before the extra ones start), without
	// keeping them: a large table (the simulation's samples) streams.
	extra     func(r int, cells []any) []any
	extraRows int
}

// condFormat is a conditional format on a range.
type condFormat struct {
	sqref string
	rules []excelize.ConditionalFormatOptions
}

// naCached is the cached value of a formula whose result is #N/A, written
// as the error value #N/A.
type naCached struct{}

type placedChart struct {
	cell  string
	chart *excelize.Chart
}

func newSheet(name string) *sheet {
	return &sheet{name: name, widths: map[int]float64{}, heights: map[int]float64{}, fitWide: 1}
}

// put stores a cell at column c, row r (1-based).
func (s *sheet) put(c, r int, cell excelize.Cell) {
	for len(s.rows) < r {
		s.rows = append(s.rows, nil)
	}
	row := s.rows[r-1]
	for len(row) < c {
		row = append(row, nil)
	}
	row[c-1] = cell
	s.rows[r-1] = row
}

// text writes user or fixed text; the stream writer stores it as an inline
// string, so text starting with = + - @ is never read as a formula.
// Control characters other than tab and line feed (which XML cannot hold)
// become U+FFFD; text longer than a cell holds is an error of the sheet,
// never cut short.
func (s *sheet) text(c, r int, t string, style int) {
	if n := utf16Len(t); n > excelize.TotalCellChars && s.err == nil {
		s.err = fmt.Errorf("sheet %q: cell %s: %d characters of text; a cell holds at most %d", s.name, cellName(c, r), n, excelize.TotalCellChars)
	}
	t = strings.Map(func(r rune) rune {
		if scenario.IsControl(r, true) {
			return '\uFFFD'
		}
		return r
	}, t)
	s.put(c, r, excelize.Cell{StyleID: style, Value: t})
}

// num writes a plain number (an input or a value that is not a formula).
// Non-finite numbers are never written: they become the text "n/a".
func (s *sheet) num(c, r int, v float64, style int) {
	s.put(c, r, excelize.Cell{StyleID: style, Value: finite(v)})
}

// formula writes a formula with its cached value (a float64, an int or a
// string; nil for none).
func (s *sheet) formula(c, r int, f string, cached any, style int) {
	if v, ok := cached.(float64); ok {
		cached = finite(v)
	}
	if v, ok := cached.(int); ok {
		cached = float64(v)
	}
	if _, ok := cached.(naCached); ok {
		cached = errNA
	}
	s.put(c, r, excelize.Cell{StyleID: style, Formula: f, Value: cached})
}

// formulaRef writes a formula like formula and returns its absolute reference.
func (s *sheet) formulaRef(c, r int, f string, cached any, style int) string {
	s.formula(c, r, f, cached, style)
	return abs(c, r)
}

// utf16Len counts what a spreadsheet counts: UTF-16 code units.
func utf16Len(t string) int {
	n := 0
	for _, r := range t {
		n += utf16.RuneLen(r)
	}
	return n
}

// finite returns v, or "n/a" when v is NaN or infinite.
func finite(v float64) any {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "n/a"
	}
	return v
}

// define adds a sheet-scoped defined name for an absolute range of this sheet.
func (s *sheet) define(name, ref string) {
	s.names = append(s.names, excelize.DefinedName{Name: name, RefersTo: qualify(s.name, ref), Scope: s.name})
}

// named is the qualified cell of the sheet's defined name, for formulas
// on other sheets (a sheet-scoped name is not visible from them).
func (s *sheet) named(name string) string {
	for _, dn := range s.names {
		if dn.Name == name {
			return dn.RefersTo
		}
	}
	panic("workbook: no name " + name + " on sheet " + s.name) // a bug of this package
}

// width sets the width of columns from..to.
func (s *sheet) width(from, to int, w float64) {
	for c := from; c <= to; c++ {
		s.widths[c] = w
	}
}

// validate adds a data validation rule on sqref; a nil rule adds nothing.
func (s *sheet) validate(sqref string, dv *excelize.DataValidation) {
	if dv == nil {
		return
	}
	dv.Sqref = sqref
	s.validations = append(s.validations, dv)
}

// conditional adds conditional formatting rules on sqref.
func (s *sheet) conditional(sqref string, rules ...excelize.ConditionalFormatOptions) {
	s.conds = append(s.conds, condFormat{sqref, rules})
}

// chart places a native chart with its top-left corner at cell.
func (s *sheet) chart(cell string, ch *excelize.Chart) {
	s.charts = append(s.charts, placedChart{cell, ch})
}

// flush adds the sheet to f with its decoration (widths, panes, page
// setup, validation, charts), and its cells to rows; then it drops the
// cells, so that memory holds one sheet's cells at a time.
func (s *sheet) flush(f *excelize.File, rows *rowStore) error {
	if s.err != nil {
		return s.err
	}
	if _, err := f.NewSheet(s.name); err != nil {
		return fmt.Errorf("sheet %q: %w", s.name, err)
	}
	if err := s.decorate(f); err != nil {
		return err
	}
	if s.freezeRow > 0 || s.freezeCol > 0 {
		top := cellName(s.freezeCol+1, s.freezeRow+1)
		if err := f.SetPanes(s.name, &excelize.Panes{Freeze: true, XSplit: s.freezeCol, YSplit: s.freezeRow,
			TopLeftCell: top, ActivePane: activePane(s.freezeRow, s.freezeCol),
			Selection: []excelize.Selection{{SQRef: top, ActiveCell: top, Pane: activePane(s.freezeRow, s.freezeCol)}}}); err != nil {
			return fmt.Errorf("sheet %q: panes: %w", s.name, err)
		}
	}
	if err := rows.add(s); err != nil {
		return fmt.Errorf("sheet %q: %w", s.name, err)
	}
	s.written = len(s.rows)
	s.rows = nil
	return nil
}

func activePane(row, col int) string {
	switch {
	case row > 0 && col > 0:
		return "bottomRight"
	case row > 0:
		return "bottomLeft"
	default:
		return "topRight"
	}
}

// decorate adds what is not a cell: column widths, page setup, validation,
// conditional formats, charts.
func (s *sheet) decorate(f *excelize.File) error {
	if err := s.columns(f); err != nil {
		return fmt.Errorf("sheet %q: columns: %w", s.name, err)
	}
	if s.print != nil {
		if err := s.print.apply(f, s); err != nil {
			return fmt.Errorf("sheet %q: print setup: %w", s.name, err)
		}
	} else if s.fitWide > 0 {
		if err := f.SetPageLayout(s.name, &excelize.PageLayoutOptions{Orientation: ptr("landscape"),
			FitToWidth: ptr(s.fitWide), FitToHeight: ptr(0)}); err != nil {
			return fmt.Errorf("sheet %q: page layout: %w", s.name, err)
		}
		if err := f.SetSheetProps(s.name, &excelize.SheetPropsOptions{FitToPage: ptr(true)}); err != nil {
			return fmt.Errorf("sheet %q: page fit: %w", s.name, err)
		}
	}
	for _, dv := range s.validations {
		if err := f.AddDataValidation(s.name, dv); err != nil {
			return fmt.Errorf("sheet %q: validation %s: %w", s.name, dv.Sqref, err)
		}
	}
	for _, cf := range s.conds {
		if err := f.SetConditionalFormat(s.name, cf.sqref, cf.rules); err != nil {
			return fmt.Errorf("sheet %q: conditional format %s: %w", s.name, cf.sqref, err)
		}
	}
	for _, pc := range s.charts {
		if err := f.AddChart(s.name, pc.cell, pc.chart); err != nil {
			return fmt.Errorf("sheet %q: chart: %w", s.name, err)
		}
	}
	return nil
}

// columns sets widths and outline levels on the empty sheet, before charts
// are anchored (their anchors depend on the widths); the stream writer
// writes them out. excelize puts each column it is told about first, so
// walk from the right to leave them sorted, as Excel requires.
func (s *sheet) columns(f *excelize.File) error {
	outlined, hidden := map[int]bool{}, map[int]bool{}
	for _, c := range s.outline {
		outlined[c] = true
	}
	for _, c := range s.hidden {
		hidden[c] = true
	}
	for c := maxKey(s.widths); c >= 1; c-- {
		if w, ok := s.widths[c]; ok {
			if err := f.SetColWidth(s.name, colName(c), colName(c), w); err != nil {
				return err
			}
		}
		if outlined[c] {
			if err := f.SetColOutlineLevel(s.name, colName(c), 1); err != nil {
				return err
			}
		}
		if hidden[c] {
			if err := f.SetColVisible(s.name, colName(c), false); err != nil {
				return err
			}
		}
	}
	return nil
}

func maxKey(m map[int]float64) int {
	n := 0
	for k := range m {
		n = max(n, k)
	}
	return n
}

// cellName is "B7" for column 2, row 7.
func cellName(c, r int) string {
	return colName(c) + strconv.Itoa(r)
}

// abs is the absolute reference "$B$7".
func abs(c, r int) string {
	return "$" + colName(c) + "$" + strconv.Itoa(r)
}

// absRange is "$B$7:$B$9".
func absRange(c1, r1, c2, r2 int) string {
	return abs(c1, r1) + ":" + abs(c2, r2)
}

// rel is "B7:B9" (relative).
func rng(c1, r1, c2, r2 int) string {
	return cellName(c1, r1) + ":" + cellName(c2, r2)
}

func colName(c int) string {
	if c >= 1 && c < len(colNames) {
		return colNames[c]
	}
	n, err := excelize.ColumnNumberToName(c)
	if err != nil {
		panic(err) // columns are computed by this package and always valid
	}
	return n
}

// colNames caches the names of the first columns: a large export names
// millions of cells, and excelize's conversion dominated its profile.
var colNames = func() []string {
	names := make([]string, 1025)
	for c := 1; c < len(names); c++ {
		n, err := excelize.ColumnNumberToName(c)
		if err != nil {
			panic(err)
		}
		names[c] = n
	}
	return names
}()

// qualify prefixes a reference with its quoted sheet name: 'It”s Base'!$A$1.
func qualify(sheetName, ref string) string {
	return "'" + strings.ReplaceAll(sheetName, "'", "''") + "'!" + ref
}

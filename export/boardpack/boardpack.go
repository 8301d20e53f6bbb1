// Package boardpack writes a board pack for a plan: pack.pdf on 16:9
// landscape pages (a cover, a page per scenario, the comparison table with
// deltas, the overlay charts, the assumptions that differ and an appendix
// of every input), the workbook with its Summary limited to the compared
// scenarios, every chart as PNG and SVG, and the comparison table as CSV.
// The pack is written into a temporary folder beside the target and renamed
// into place, so a failure never leaves a half-written pack.
package boardpack

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"scaleplan/export/chart"
	"scaleplan/export/workbook"
	"scaleplan/scenario"
)

// MaxScenarios is how many scenarios a pack compares.
const MaxScenarios = 6

// The files of a pack folder.
const (
	PDFName      = "pack.pdf"
	WorkbookName = "workbook.xlsx"
	CSVName      = "comparison.csv"
	ChartsDir    = "charts"
)

// Options choose what a pack shows.
type Options struct {
	// Compare lists the scenarios compared (indexes into the plan's), the
	// baseline first; empty means the plan's first MaxScenarios.
	Compare []int
	// Date is printed on the cover; zero means today.
	Date time.Time
	// Progress, if not nil, is called after each step with the steps done
	// and the total, from the writing goroutine.
	Progress func(done, total int)
	// Context, if not nil, stops the pack when it is cancelled, between
	// charts and files: the error then wraps the context's, and no folder
	// is left.
	Context context.Context
	// Simulate runs the Monte Carlo simulation (the plan's runs and seed)
	// of every compared scenario with ranges: its charts then show the
	// P10–P90 band and its page the cash to raise to survive 9 futures in
	// 10. The pack's workbook then holds the Simulation sheet of every
	// scenario with ranges (it simulates them itself, as an export does).
	Simulate bool
}

// Compared checks and completes opt.Compare for plan p: every index in
// range and listed once, at most MaxScenarios.
func (opt Options) Compared(p *scenario.Plan) ([]int, error) {
	if len(opt.Compare) == 0 {
		idx := make([]int, min(len(p.Scenarios), MaxScenarios))
		for i := range idx {
			idx[i] = i
		}
		return idx, nil
	}
	if len(opt.Compare) > MaxScenarios {
		return nil, fmt.Errorf("boardpack: %d scenarios chosen; a pack compares at most %d", len(opt.Compare), MaxScenarios)
	}
	seen := map[int]bool{}
	for _, i := range opt.Compare {
		if i < 0 || i >= len(p.Scenarios) {
			return nil, fmt.Errorf("boardpack: no scenario %d (the plan has %d)", i, len(p.Scenarios))
		}
		if seen[i] {
			return nil, fmt.Errorf("boardpack: scenario %q is chosen twice", p.Scenarios[i].Name)
		}
		seen[i] = true
	}
	return opt.Compare, nil
}

// Write writes the board pack of plan p into the folder dir, which must
// not exist yet (or be empty). Nothing is left at dir if it fails.
func Write(dir string, p *scenario.Plan, opt Options) (err error) {
	if p == nil {
		return errors.New("boardpack: no plan")
	}
	idx, err := opt.Compared(p)
	if err != nil {
		return err
	}
	if err := checkTarget(dir); err != nil {
		return err
	}
	results, err := scenario.ComputePlan(p)
	if err != nil {
		return fmt.Errorf("boardpack: %w", err)
	}
	if opt.Date.IsZero() {
		opt.Date = time.Now()
	}
	// the steps: simulations, charts (at most two a scenario and the
	// overlays, counted exactly once the pack is laid out) and three files
	steps := &progress{fn: opt.Progress, ctx: opt.Context, total: 2*len(idx) + len(chart.Panels(chart.KindCompare)) + 3}
	sims, err := simulate(opt, p, idx, steps)
	if err != nil {
		return err
	}
	pk := newPack(p, results, sims, idx, opt.Date)
	steps.total = steps.done + len(pk.charts) + 3
	tmp, err := os.MkdirTemp(filepath.Dir(dir), "."+filepath.Base(dir)+".*.tmp")
	if err != nil {
		return fmt.Errorf("boardpack: %w", err)
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	// runs first: a panic becomes the error, so the folder goes too
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("boardpack: internal error: %v", r)
		}
	}()
	if err := pk.writeCharts(filepath.Join(tmp, ChartsDir), steps); err != nil {
		return err
	}
	if err := pk.writeFile(tmp, PDFName, pk.writePDF, steps); err != nil {
		return err
	}
	wb := func(buf *bytes.Buffer) error {
		return workbook.Write(buf, p, workbook.Options{Compare: idx, Context: opt.Context, Simulate: opt.Simulate})
	}
	if err := pk.writeFile(tmp, WorkbookName, wb, steps); err != nil {
		return err
	}
	csvOut := func(buf *bytes.Buffer) error { return pk.table.WriteCSV(buf) }
	if err := pk.writeFile(tmp, CSVName, csvOut, steps); err != nil {
		return err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return fmt.Errorf("boardpack: %w", err)
	}
	if err := beforePlace(); err != nil {
		return err
	}
	if err := place(tmp, dir); err != nil {
		return err
	}
	return nil
}

// beforePlace runs when the pack is complete in its temporary folder;
// tests make it fail.
var beforePlace = func() error { return nil }

// checkTarget refuses a dir that exists and is not an empty folder, or
// whose parent folder does not exist.
func checkTarget(dir string) error {
	if strings.TrimSpace(dir) == "" {
		return errors.New("boardpack: no folder given")
	}
	parent := filepath.Dir(dir)
	if st, err := os.Stat(parent); err != nil || !st.IsDir() {
		return fmt.Errorf("boardpack: %s: the folder it goes in does not exist", dir)
	}
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("boardpack: %w", err)
	case !st.IsDir():
		return fmt.Errorf("boardpack: %s is a file; give a new folder for the pack", dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("boardpack: %w", err)
	}
	if len(entries) > 0 {
		return fmt.Errorf("boardpack: %s already holds files; give a new or empty folder for the pack", dir)
	}
	return nil
}

// place renames the finished pack folder tmp to dir (replacing an empty
// folder there).
func place(tmp, dir string) error {
	if st, err := os.Stat(dir); err == nil && st.IsDir() {
		if err := os.Remove(dir); err != nil { // fails unless empty
			return fmt.Errorf("boardpack: %w", err)
		}
	}
	if err := os.Rename(tmp, dir); err != nil {
		return fmt.Errorf("boardpack: %w", err)
	}
	return nil
}

// writeFile renders one file of the pack into folder dir.
func (pk *pack) writeFile(dir, name string, render func(*bytes.Buffer) error, steps *progress) error {
	if err := steps.cancelled(); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := render(&buf); err != nil {
		return fmt.Errorf("boardpack: %s: %w", name, err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("boardpack: %w", err)
	}
	steps.step()
	return nil
}

// simulate runs, when opt.Simulate asks for it, the simulation of every
// scenario of idx with ranges; the result is parallel to p.Scenarios (nil
// where none ran), or nil.
func simulate(opt Options, p *scenario.Plan, idx []int, steps *progress) ([]*scenario.SimResult, error) {
	if !opt.Simulate {
		return nil, nil
	}
	for _, i := range idx {
		if len(p.Scenarios[i].Ranges) > 0 {
			steps.total++
		}
	}
	ctx := opt.Context
	if ctx == nil {
		ctx = context.Background()
	}
	set := p.SimulationOrDefault()
	sims := make([]*scenario.SimResult, len(p.Scenarios))
	for _, i := range idx {
		s := &p.Scenarios[i]
		if len(s.Ranges) == 0 {
			continue
		}
		r, err := scenario.Simulate(ctx, s, p.Currency, scenario.SimOptions{Runs: set.Runs, Seed: set.Seed})
		if err != nil {
			return nil, fmt.Errorf("boardpack: %s: %w", s.Name, err)
		}
		sims[i] = r
		steps.step()
	}
	return sims, nil
}

// progress counts steps and reports them; ctx (may be nil) is the
// pack's, which cancelled says is done.
type progress struct {
	fn          func(done, total int)
	done, total int
	ctx         context.Context
}

// cancelled is the error that stops a cancelled pack, or nil.
func (p *progress) cancelled() error {
	if p.ctx == nil || p.ctx.Err() == nil {
		return nil
	}
	return fmt.Errorf("boardpack: %w", p.ctx.Err())
}

func (p *progress) step() {
	p.done++
	if p.fn != nil {
		p.fn(p.done, p.total)
	}
}

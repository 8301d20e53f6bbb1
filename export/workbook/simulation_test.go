package workbook

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scaleplan/scenario"
)

// rangedPlan is the sample plan with ranges on Base (one input of each
// distribution) and on Conservative (one, uniform), none on Aggressive,
// simulated runs times with seed 4.
func rangedPlan(t testing.TB, runs int) *scenario.Plan {
	t.Helper()
	p := samplePlan(t)
	for i := range p.Scenarios {
		p.Scenarios[i].Ranges = nil
	}
	p.Scenarios[0].Ranges = map[string]scenario.Range{
		"viral.inviteConversion":           {Low: 0.12, High: 0.28},
		"viral.monthlyChurn":               {Low: 0.02, High: 0.05, Dist: scenario.DistTriangular},
		"sales.aeQuotaPerMonth":            {Low: 35000, High: 60000, Dist: scenario.DistNormal},
		"fulfillment.models[3PL].perOrder": {Low: 4, High: 6.5, Dist: scenario.DistUniform},
	}
	p.Scenarios[2].Ranges = map[string]scenario.Range{"viral.inviteConversion": {Low: 0.1, High: 0.2, Dist: scenario.DistUniform}}
	p.Simulation = &scenario.Simulation{Runs: runs, Seed: 4}
	return p
}

// exportSim writes p's workbook with opt (Simulate on) and opens it.
func exportSim(t testing.TB, p *scenario.Plan, opt Options) *excelize.File {
	t.Helper()
	opt.Simulate = true
	var buf bytes.Buffer
	if err := Write(&buf, p, opt); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// findRow returns the first row whose column A is label (1-based), or 0.
func findRow(t testing.TB, f *excelize.File, sheet, label string) int {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if len(r) > 0 && r[0] == label {
			return i + 1
		}
	}
	return 0
}

// headerCol returns the column (1-based) of a heading on the header row.
func headerCol(t testing.TB, f *excelize.File, sheet, heading string) int {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	return slices.Index(rows[headRow-1], heading) + 1
}

// column reads the raw numbers of column c from row from on, until a blank.
func column(t testing.TB, f *excelize.File, sheet string, c, from int) []float64 {
	t.Helper()
	cols, err := f.GetCols(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	var out []float64
	for _, v := range cols[c-1][from-1:] {
		if v == "" {
			break
		}
		x, err := strconv.ParseFloat(v, 64)
		if err != nil {
			t.Fatalf("column %d: %q", c, v)
		}
		out = append(out, x)
	}
	return out
}

// typ7 is the p-percentile as Excel's PERCENTILE.INC takes it: rank
// h = p·(n−1) of the sorted values, interpolated between its neighbours.
func typ7(values []float64, p float64) float64 {
	v := slices.Sorted(slices.Values(values))
	h := p * float64(len(v)-1)
	lo := int(h)
	if lo+1 >= len(v) {
		return v[lo]
	}
	return v[lo] + (h-float64(lo))*(v[lo+1]-v[lo])
}

// TestSimulationSheet: a Simulation sheet for each scenario with ranges
// (none for Aggressive), with the run count, the seed, one sample row per
// run, the horizon percentiles as PERCENTILE.INC over the sample column
// whose cached values are the engine's and the percentiles of the sample
// column taken here, the odds and the cash needed as the engine finds
// them.
func TestSimulationSheet(t *testing.T) {
	if len(suffixSimulation) > longestSuffix() {
		t.Fatalf("%q is longer than the module sheets' suffixes, which leave room for scenario names", suffixSimulation)
	}
	p := rangedPlan(t, 150)
	f := exportSim(t, p, Options{})
	list := strings.Join(f.GetSheetList(), "|")
	if !strings.Contains(list, "Base - Finance|Base - Simulation|Aggressive - Viral") ||
		!strings.Contains(list, "Conservative - Finance|Conservative - Simulation") || strings.Contains(list, "Aggressive - Simulation") {
		t.Fatalf("sheets %s", list)
	}
	const sh = "Base - Simulation"
	want, err := scenario.Simulate(context.Background(), &p.Scenarios[0], p.Currency, scenario.SimOptions{Runs: 150, Seed: 4})
	if err != nil {
		t.Fatal(err)
	}
	if r := findRow(t, f, sh, "Runs"); r == 0 || num(t, f, sh, cellName(2, r)) != 150 {
		t.Errorf("no run count of 150 (row %d)", r)
	}
	if r := findRow(t, f, sh, "Seed"); r == 0 {
		t.Error("no seed")
	} else if v, _ := f.GetCellValue(sh, cellName(2, r)); v != "4" {
		t.Errorf("seed %q", v)
	}
	run := headerCol(t, f, sh, "Run")
	if runs := column(t, f, sh, run, firstRow); len(runs) != 150 || runs[0] != 1 || runs[149] != 150 {
		t.Fatalf("%d sample rows", len(runs))
	}
	if got := headerCol(t, f, sh, "fulfillment.models[3PL].perOrder"); got != run+1 {
		t.Errorf("the first input's column %d, want %d", got, run+1)
	}
	active := column(t, f, sh, headerCol(t, f, sh, "Active users at month 36"), firstRow)
	r := findRow(t, f, sh, "Active users")
	band := want.Series[scenario.OutputActive][35]
	for j, c := range []struct{ p, engine float64 }{{0.1, band.P10}, {0.5, band.P50}, {0.9, band.P90}} {
		cell := cellName(2+j, r)
		fo, _ := f.GetCellFormula(sh, cell)
		if !strings.HasPrefix(fo, "_xlfn.PERCENTILE.INC($") || !strings.HasSuffix(fo, "$5:$"+colName(headerCol(t, f, sh, "Active users at month 36"))+"$154,"+strconv.FormatFloat(c.p, 'f', -1, 64)+")") {
			t.Errorf("%s: formula %q", cell, fo)
		}
		got := num(t, f, sh, cell)
		if !near(c.engine, got) || !near(typ7(active, c.p), got) {
			t.Errorf("P%g of active users: cached %g, engine %g, the column's %g", c.p*100, got, c.engine, typ7(active, c.p))
		}
	}
	if r := findRow(t, f, sh, "To survive 9 futures in 10, raise (P90)"); r == 0 || !near(num(t, f, sh, cellName(2, r)), want.CashNeeded.P90) {
		t.Errorf("cash needed P90 (row %d), want %g", r, want.CashNeeded.P90)
	}
	// the odds in the engine's order, one row each, after their header
	odds := findRow(t, f, sh, "Odds (share of runs)")
	for i, pr := range want.Probabilities {
		if v, _ := f.GetCellValue(sh, cellName(1, odds+1+i)); v != pr.Title || !near(num(t, f, sh, cellName(3, odds+1+i)), pr.P) {
			t.Errorf("odds row %d: %q, want %q %g", i, v, pr.Title, pr.P)
		}
	}
	// the bands by month: month 1's P50 of cash
	cash := headerCol(t, f, sh, "Cash P50")
	if got := num(t, f, sh, cellName(cash, firstRow)); !near(got, want.Series[scenario.OutputCash][0].P50) {
		t.Errorf("month 1 cash P50 %g, want %g", got, want.Series[scenario.OutputCash][0].P50)
	}
}

// TestNoSimulationSheet: a plan without ranges gets no Simulation sheet,
// and neither does a ranged plan exported without Simulate.
func TestNoSimulationSheet(t *testing.T) {
	p := rangedPlan(t, 50)
	for i := range p.Scenarios {
		p.Scenarios[i].Ranges = nil
	}
	for _, f := range []*excelize.File{exportSim(t, p, Options{}), openBytes(t, rangedPlan(t, 50))} {
		for _, name := range f.GetSheetList() {
			if strings.HasSuffix(name, suffixSimulation) {
				t.Errorf("sheet %q", name)
			}
		}
	}
}

// TestSimulationSampleCap: with more runs than the cap, the sheet holds
// the first cap runs, says so, and gives the horizon percentiles as the
// engine's values over every run (a formula over the kept rows would be
// another number).
func TestSimulationSampleCap(t *testing.T) {
	if maxSampleRows != 100_000 {
		t.Fatalf("the cap is %d rows, the issue's is 100,000", maxSampleRows)
	}
	defer func(n int) { maxSampleRows = n }(maxSampleRows)
	maxSampleRows = 40
	p := rangedPlan(t, 130)
	f := exportSim(t, p, Options{})
	const sh = "Base - Simulation"
	run := headerCol(t, f, sh, "Run")
	if runs := column(t, f, sh, run, firstRow); len(runs) != 40 || runs[39] != 40 {
		t.Fatalf("%d sample rows, want 40", len(runs))
	}
	note, _ := f.GetCellValue(sh, cellName(run, headRow-1))
	if note != "The first 40 runs of 130 (at most 40 rows)" {
		t.Errorf("note above the samples %q", note)
	}
	if r := findRow(t, f, sh, "The sheet holds the first 40 of the 130 runs (at most 40 rows); every other figure is over all runs."); r == 0 {
		t.Error("no cap note in the summary")
	}
	want, _ := scenario.Simulate(context.Background(), &p.Scenarios[0], p.Currency, scenario.SimOptions{Runs: 130, Seed: 4})
	r := findRow(t, f, sh, "Active users")
	if fo, _ := f.GetCellFormula(sh, cellName(3, r)); fo != "" || !near(num(t, f, sh, cellName(3, r)), want.Series[scenario.OutputActive][35].P50) {
		t.Errorf("capped P50 %q %g, want the engine's %g", fo, num(t, f, sh, cellName(3, r)), want.Series[scenario.OutputActive][35].P50)
	}
}

// TestSimulationProgressAndCancel: progress rises to its total with the
// simulations counted; a cancelled context stops the export with
// context.Canceled.
func TestSimulationProgressAndCancel(t *testing.T) {
	p := rangedPlan(t, 200)
	var steps []int
	total := 0
	exportSim(t, p, Options{Progress: func(done, all int) { steps = append(steps, done); total = all }})
	if want := countSheets(p, Options{}) + 1 + 2*(1+simSteps); total != want || steps[len(steps)-1] != total {
		t.Errorf("progress ends at %d of %d, want %d", steps[len(steps)-1], total, want)
	}
	for i := 1; i < len(steps); i++ {
		if steps[i] != steps[i-1]+1 {
			t.Fatalf("progress went %d → %d", steps[i-1], steps[i])
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := Write(&bytes.Buffer{}, p, Options{Simulate: true, Context: ctx})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled export: %v", err)
	}
}

// simWorkbook writes a workbook with Simulation sheets (400 runs) for
// testRecalc, which recalculates it with the other workbooks in one run of
// each engine.
func simWorkbook(t *testing.T, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "simulation.xlsx")
	if err := WriteFile(path, rangedPlan(t, 400), Options{Simulate: true}); err != nil {
		t.Fatal(err)
	}
	return path
}

// checkSimulationRecalc: the engine recalculated every formula of the
// Simulation workbook, the percentiles over the samples included, and got
// the engine's numbers.
func checkSimulationRecalc(t *testing.T, engine, file, recalculated string) {
	t.Helper()
	cells := formulaCells(t, file)
	n := 0
	for _, c := range cells {
		if strings.Contains(c.formula, "PERCENTILE.INC") {
			n++
		}
	}
	if n != 2*6*3 {
		t.Errorf("%d percentile formulas, want 36 (6 outputs × 3 in 2 sheets)", n)
	}
	count, bad := compareCells(cells, cachedOf(cells), values(t, recalculated, cells))
	report(t, engine, filepath.Base(file), count, bad)
}

// TestSimulationCharts: each Simulation sheet (Base and Conservative have
// ranges) charts active users and cash over the months, three series
// each (P10, P50, P90) read from the sheet's own band columns.
func TestSimulationCharts(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, rangedPlan(t, 100), Options{Simulate: true}); err != nil {
		t.Fatal(err)
	}
	titles := map[string]int{}
	for name, x := range chartParts(t, buf.Bytes()) {
		for _, title := range []string{"Active users: P10, P50 and P90", "Cash: P10, P50 and P90"} {
			if !strings.Contains(x, title) {
				continue
			}
			titles[title]++
			if n := strings.Count(x, "<ser>"); n != 3 {
				t.Errorf("%s (%s): %d series, want 3", name, title, n)
			}
			// the bands table: months in G5:G40 (36 months from row 5),
			// then P10, P50, P90 of each output, active users first (H:J)
			if title == "Active users: P10, P50 and P90" && strings.Contains(x, "Base - Simulation") {
				for _, ref := range []string{"$G$5:$G$40", "$H$5:$H$40", "$I$5:$I$40", "$J$5:$J$40"} {
					if !strings.Contains(x, "Base - Simulation&#39;!"+ref) {
						t.Errorf("%s (%s): no series over %s", name, title, ref)
					}
				}
			}
		}
	}
	for _, title := range []string{"Active users: P10, P50 and P90", "Cash: P10, P50 and P90"} {
		if titles[title] != 2 {
			t.Errorf("%q: %d charts, want 2 (Base, Conservative)", title, titles[title])
		}
	}
}

// TestSimulationWithEveryModuleOff: a scenario keeps its ranges with
// every module switched off; it has no outputs to band or chart, and the
// export still writes its Simulation sheet (no charts) instead of failing.
func TestSimulationWithEveryModuleOff(t *testing.T) {
	p := rangedPlan(t, 50)
	s := &p.Scenarios[2] // Conservative: ranged
	s.Viral.Enabled, s.Sales.Enabled, s.Fulfillment.Enabled, s.Markets.Enabled, s.Finance.Enabled = false, false, false, false, false
	path := filepath.Join(t.TempDir(), "off.xlsx")
	if err := WriteFile(path, p, Options{Simulate: true}); err != nil {
		t.Fatalf("export: %v", err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if !slices.Contains(f.GetSheetList(), "Conservative - Simulation") {
		t.Errorf("no Conservative - Simulation among %v", f.GetSheetList())
	}
}

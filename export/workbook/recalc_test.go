package workbook

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scaleplan/scenario"
)

// cellChange sets an input cell found by its sheet-scoped name (plus a row
// and column offset inside a named range).
type cellChange struct {
	sheet, name string
	dr, dc      int
	value       float64
}

// TestRecalc: LibreOffice and Gnumeric each recalculate every formula of
// the exported workbooks (ignoring the cached values) and get the app's
// numbers, for the sample plan, the edge plans and the awkward-names plan;
// then, with input cells changed in the workbook, they get what the app
// computes for the same change.
func TestRecalc(t *testing.T) {
	for _, e := range engines {
		t.Run(e.name, func(t *testing.T) { testRecalc(t, e) })
	}
}

func testRecalc(t *testing.T, e engine) {
	dir, out := t.TempDir(), t.TempDir()
	plans := []struct {
		file string
		plan *scenario.Plan
	}{
		{"sample.xlsx", samplePlan(t)},
		{"edge-viral.xlsx", edgeViralPlan(t)},
		{"edge-sales.xlsx", salesPlan(t)},
		{"names.xlsx", namesPlan(t)},
		{"unequal.xlsx", unequalPlan(t)},
	}
	checkEdgePlans(t, plans[1].plan, plans[2].plan)
	var files []string
	for _, p := range plans {
		files = append(files, writeTemp(t, dir, p.file, p.plan))
	}

	sample, sampleChanged := samplePlan(t), samplePlan(t)
	base := &sampleChanged.Scenarios[0]
	base.Viral.InviteConversion = 0.25
	base.Sales.AEQuotaPerMonth = 60000
	base.Fulfillment.Models[1].PerOrder = 5.2
	base.Markets.Markets[0].Scores[base.Markets.Factors[0].ID] = 1
	base.Finance.StartingCash = 900000
	base.Finance.FundingRounds[0].Month, base.Finance.FundingRounds[0].Amount = 9, 3e6
	samePlannedModels(t, sample, sampleChanged)
	salesChanged := salesPlan(t)
	salesChanged.Scenarios[1].Sales.AEQuotaPerMonth = 90000
	salesChanged.Scenarios[1].Sales.RampMonths = 2
	changed := []struct {
		file, from string
		want       *scenario.Plan
		changes    []cellChange
	}{
		{"sample-changed.xlsx", files[0], sampleChanged, []cellChange{
			{"Base - Viral", "InviteConversion", 0, 0, 0.25},
			{"Base - Sales", "AEQuota", 0, 0, 60000},
			{"Base - Fulfillment", "ModelPerOrder", 1, 0, 5.2},
			{"Base - Markets", "Scores", 0, 0, 1},
			{"Base - Finance", "StartingCash", 0, 0, 900000},
			{"Base - Finance", "RoundMonths", 0, 0, 9},
			{"Base - Finance", "RoundAmounts", 0, 0, 3e6},
		}},
		{"sales-changed.xlsx", files[2], salesChanged, []cellChange{
			{"Ramp 6 - Sales", "AEQuota", 0, 0, 90000},
			{"Ramp 6 - Sales", "RampMonths", 0, 0, 2},
		}},
	}
	for _, c := range changed {
		files = append(files, changeInputs(t, c.from, filepath.Join(dir, c.file), c.changes))
	}
	// Inputs that invalidate the recommended plan (a value): the checks say so.
	files = append(files, changeInputs(t, files[0], filepath.Join(dir, "plan-invalid.xlsx"), []cellChange{
		{"Base - Fulfillment", "ModelSetup", 2, 0, 0},             // the rule's own warehouse now costs no setup
		{"Conservative - Fulfillment", "ModelCapacity", 1, 0, 10}, // the plan's 3PL can ship 10 orders
	}))
	sim := len(files) // a workbook with Simulation sheets (simulation_test.go), in the same engine run
	files = append(files, simWorkbook(t, dir))
	recalc := e.recalc(t, out, files...)
	checkSimulationRecalc(t, e.name, files[sim], recalc[sim])
	checkPlanChecks(t, recalc[sim-1], map[string][3]string{
		"Base - Fulfillment":         {"TRUE", "FALSE", "Re-export from Scaleplan"},
		"Conservative - Fulfillment": {"FALSE", "FALSE", "Re-export from Scaleplan"},
		"Aggressive - Fulfillment":   {"TRUE", "TRUE", "OK"},
	})

	for i, p := range plans {
		cells := formulaCells(t, files[i])
		n, bad := compareCells(cells, cachedOf(cells), values(t, recalc[i], cells))
		report(t, e.name, p.file, n, bad)
	}
	for i, c := range changed {
		// The engine's numbers for the changed plan are the cached values of
		// a fresh export of it (checked against the engine by TestCachedValues).
		fresh := writeTemp(t, t.TempDir(), "fresh.xlsx", c.want)
		cells := formulaCells(t, fresh)
		got := values(t, recalc[len(plans)+i], cells)
		n, bad := compareCells(cells, cachedOf(cells), got)
		report(t, e.name, c.file, n, bad)
		if changedCells(cells, formulaCells(t, c.from)) == 0 {
			t.Errorf("%s: the changes moved no formula cell", c.file)
		}
		if c.file == "sample-changed.xlsx" && changedCellsOf(cells, formulaCells(t, c.from), "Base - Finance") < 36 {
			t.Errorf("%s: the AE quota, starting cash and round should move cash in every month", c.file)
		}
	}
}

func report(t *testing.T, engine, file string, n int, bad []string) {
	t.Helper()
	t.Logf("%s: %d formula cells recalculated by %s", file, n, engine)
	if n < 100 {
		t.Errorf("%s: only %d formula cells", file, n)
	}
	for _, b := range bad {
		t.Errorf("%s: %s", file, b)
	}
}

func cachedOf(cells []formulaCell) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = c.value
	}
	return out
}

// changedCellsOf counts the cells of one sheet whose cached value differs
// between two exports.
func changedCellsOf(a, b []formulaCell, sheet string) int {
	n := 0
	for i := range min(len(a), len(b)) {
		if a[i].sheet == sheet && !same(a[i].value, b[i].value) {
			n++
		}
	}
	return n
}

// changedCells counts cells whose cached value differs between two exports.
func changedCells(a, b []formulaCell) int {
	n := 0
	for i := range min(len(a), len(b)) {
		if !same(a[i].value, b[i].value) {
			n++
		}
	}
	return n
}

// changeInputs copies the workbook at from to path with input cells changed.
func changeInputs(t *testing.T, from, path string, changes []cellChange) string {
	t.Helper()
	f, err := excelize.OpenFile(from)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, c := range changes {
		cell := namedCell(t, f, c.sheet, c.name, c.dr, c.dc)
		if err := f.SetCellValue(c.sheet, cell, c.value); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// namedCell finds the top-left cell of a sheet-scoped name, offset by dr rows
// and dc columns.
func namedCell(t *testing.T, f *excelize.File, sheet, name string, dr, dc int) string {
	t.Helper()
	for _, dn := range f.GetDefinedName() {
		if dn.Scope != sheet || dn.Name != name {
			continue
		}
		ref := dn.RefersTo[strings.LastIndex(dn.RefersTo, "!")+1:]
		ref = strings.ReplaceAll(strings.Split(ref, ":")[0], "$", "")
		c, r, err := excelize.CellNameToCoordinates(ref)
		if err != nil {
			t.Fatal(err)
		}
		return cellName(c+dc, r+dr)
	}
	t.Fatalf("no name %s in %s", name, sheet)
	return ""
}

// checkEdgePlans makes sure the edge plans test what they claim.
func checkEdgePlans(t *testing.T, viral, sales *scenario.Plan) {
	t.Helper()
	rs, err := scenario.ComputePlan(viral)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rs {
		v := viral.Scenarios[i].Viral
		last := r.Viral.Months[len(r.Viral.Months)-1]
		if v.K() != 1 || last.CumulativeSignups != v.MarketSize {
			t.Errorf("%s: K = %v, signups %v of market %v: want K = 1 and the cap reached", r.Name, v.K(), last.CumulativeSignups, v.MarketSize)
		}
	}
	rs, err = scenario.ComputePlan(sales)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		for _, e := range r.Sales.StageEntries {
			if e.Month == nil {
				t.Errorf("%s never reaches %s", r.Name, e.Stage)
			}
		}
	}
}

// samePlannedModels requires the cost-optimal plan (a value in the
// workbook) to stay the same under the change, so every formula can agree.
func samePlannedModels(t *testing.T, a, b *scenario.Plan) {
	t.Helper()
	ra, err := scenario.ComputePlan(a)
	if err != nil {
		t.Fatal(err)
	}
	rb, err := scenario.ComputePlan(b)
	if err != nil {
		t.Fatal(err)
	}
	for i := range ra {
		for m := range ra[i].Fulfillment.Months {
			if ra[i].Fulfillment.Months[m].Planned != rb[i].Fulfillment.Months[m].Planned {
				t.Fatalf("the change moves the recommended plan (month %d); pick another change", m+1)
			}
		}
	}
}

// checkPlanChecks reads the plan checks of fulfillment sheets (feasible,
// no dearer, status) from a recalculated workbook.
func checkPlanChecks(t *testing.T, path string, want map[string][3]string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for sheet, w := range want {
		row := labelRow(t, f, sheet, "Recommended plan still feasible (capacity)")
		for i := range 3 {
			got := boolText(str(t, f, sheet, cellName(valueCol, row+i)))
			if got != w[i] {
				t.Errorf("%s!%s = %q, want %q", sheet, cellName(valueCol, row+i), got, w[i])
			}
		}
	}
}

// labelRow is findRow for a row that must be there.
func labelRow(t *testing.T, f *excelize.File, sheet, label string) int {
	t.Helper()
	r := findRow(t, f, sheet, label)
	if r == 0 {
		t.Fatalf("%s: no row %q", sheet, label)
	}
	return r
}

// boolText spells a raw boolean cell value as TRUE or FALSE.
func boolText(v string) string {
	return map[string]string{"1": "TRUE", "0": "FALSE"}[v] + map[bool]string{true: v}[v != "1" && v != "0"]
}

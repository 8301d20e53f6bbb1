package workbook

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scaleplan/scenario"
)

// TestSummaryRelativeDeltaNegativeBaseline: Δ % divides by the size of the
// baseline, so going from -100 to 50 is +150%, not -150%. Evaluated by
// excelize's calculator on the exported formula.
func TestSummaryRelativeDeltaNegativeBaseline(t *testing.T) {
	f := openBytes(t, samplePlan(t))
	// Row firstRow: Base's value in B, Aggressive's in C, its Δ in D, Δ % in E.
	if err := f.SetCellValue(summaryName, "B5", -100); err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellValue(summaryName, "C5", 50); err != nil {
		t.Fatal(err)
	}
	for cell, want := range map[string]float64{"D5": 150, "E5": 1.5} {
		v, err := f.CalcCellValue(summaryName, cell, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatalf("%s: %v", cell, err)
		}
		got, err := strconv.ParseFloat(v, 64)
		if err != nil || got != want {
			t.Errorf("Summary!%s = %q, want %v", cell, v, want)
		}
	}
}

// TestSummaryComparedScenarios: with Options.Compare the Summary lists only
// those scenarios, baseline first, and its Δ formulas subtract the
// baseline's column: Base against Conservative at the horizon is the
// difference of the two scenarios' own metrics.
func TestSummaryComparedScenarios(t *testing.T) {
	p := samplePlan(t)
	var buf bytes.Buffer
	if err := Write(&buf, p, Options{Compare: []int{2, 0}}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for cell, want := range map[string]string{"A4": "Metric", "B4": "Conservative", "C4": "Base", "D4": "Δ", "F4": ""} {
		if got, _ := f.GetCellValue(summaryName, cell); got != want {
			t.Errorf("Summary!%s = %q, want %q", cell, got, want)
		}
	}
	rs, err := scenario.ComputePlan(p)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows(summaryName)
	for r, row := range rows {
		if len(row) == 0 || row[0] != "ARR at horizon" {
			continue
		}
		cell := fmt.Sprintf("D%d", r+1)
		formula, _ := f.GetCellFormula(summaryName, cell)
		if wantF := fmt.Sprintf(`IF(AND(ISNUMBER(C%d),ISNUMBER($B$%d)),C%d-$B$%d,"")`, r+1, r+1, r+1, r+1); formula != wantF {
			t.Errorf("Summary!%s = %s, want %s", cell, formula, wantF)
		}
		v, err := f.GetCellValue(summaryName, cell, excelize.Options{RawCellValue: true}) // the cached value
		if err != nil {
			t.Fatal(err)
		}
		got, _ := strconv.ParseFloat(v, 64)
		want := rs[0].Sales.Months[len(rs[0].Sales.Months)-1].ARR - rs[2].Sales.Months[len(rs[2].Sales.Months)-1].ARR
		if math.Abs(got-want) > 1e-6*math.Abs(want) || want == 0 {
			t.Errorf("Summary!%s = %v, want Base − Conservative = %v", cell, got, want)
		}
		return
	}
	t.Error("no ARR at horizon row")
}

// TestSummaryCommonMonth: with horizons of 60, 36 and 48 months the Summary
// compares at month 36, says so, shows each scenario's own horizon, and
// takes Base's figures at month 36 — the same as a run of Base that stops
// at month 36 (the models run forward in time), not its month-60 figures.
func TestSummaryCommonMonth(t *testing.T) {
	p := unequalPlan(t)
	f := openBytes(t, p)
	for cell, want := range map[string]string{"B3": "60-month horizon", "C3": "36-month horizon", "F3": "48-month horizon"} {
		if got, _ := f.GetCellValue(summaryName, cell); got != want {
			t.Errorf("Summary!%s = %q, want %q", cell, got, want)
		}
	}
	if note, _ := f.GetCellValue(summaryName, "A3"); !strings.HasPrefix(note, "Compared at month 36, the shortest horizon") {
		t.Errorf("Summary!A3 = %q, want the common month", note)
	}
	short := p.Scenarios[0]
	short.HorizonMonths = 36
	r36, err := scenario.Compute(&short, p.Currency)
	if err != nil {
		t.Fatal(err)
	}
	long := p.Scenarios[0]
	r60, err := scenario.Compute(&long, p.Currency)
	if err != nil {
		t.Fatal(err)
	}
	minCash := long.Finance.StartingCash
	for _, m := range r60.Finance.Months[:36] {
		minCash = math.Min(minCash, m.Cash)
	}
	want := map[string]float64{
		"ARR at month 36":          r36.Sales.Months[35].ARR,
		"Active users at month 36": r36.Viral.Months[35].Active,
		"Cumulative signups":       r36.Viral.Months[35].CumulativeSignups,
		"Sales team cost":          r36.Sales.TotalCost,
		// the fulfillment plan stays the one chosen for 60 months, so cash
		// is the 60-month run's own month 36
		"Cash at month 36": r60.Finance.Months[35].Cash,
		"Minimum cash":     minCash,
	}
	if r60.Sales.Months[59].ARR == r36.Sales.Months[35].ARR || r60.Sales.TotalCost == r36.Sales.TotalCost {
		t.Fatal("the fixture's months 37–60 change nothing: the test could not fail")
	}
	rows, _ := f.GetRows(summaryName)
	seen := 0
	for r, row := range rows {
		if len(row) == 0 {
			continue
		}
		w, ok := want[row[0]]
		if !ok {
			continue
		}
		seen++
		cell := fmt.Sprintf("B%d", r+1)
		v, _ := f.GetCellValue(summaryName, cell, excelize.Options{RawCellValue: true})
		got, _ := strconv.ParseFloat(v, 64)
		if math.Abs(got-w) > 1e-6*math.Max(1, math.Abs(w)) {
			t.Errorf("%s (Summary!%s) = %v, want Base at month 36 = %v", row[0], cell, got, w)
		}
		if formula, _ := f.GetCellFormula(summaryName, cell); formula == "" {
			t.Errorf("%s (Summary!%s) is not a formula", row[0], cell)
		}
	}
	if seen != len(want) {
		t.Errorf("found %d of the %d rows %v", seen, len(want), want)
	}
}

package workbook

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
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

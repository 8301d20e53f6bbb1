package workbook

import (
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"
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

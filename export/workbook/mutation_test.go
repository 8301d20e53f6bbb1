package workbook

// Tests added after a mutation audit: each one kills a hand-made mutation
// that the other tests (including the LibreOffice recalculation) let survive.

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scaleplan/scenario"
)

// TestViralChartHasBothSeries: the viral sheet's chart shows active users
// and cumulative signups, two series.
func TestViralChartHasBothSeries(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, samplePlan(t), Options{}); err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for _, e := range z.File {
		if !strings.HasPrefix(e.Name, "xl/charts/chart") {
			continue
		}
		r, err := e.Open()
		if err != nil {
			t.Fatal(err)
		}
		x, _ := io.ReadAll(r)
		r.Close()
		if !bytes.Contains(x, []byte("Active users and cumulative signups")) {
			continue
		}
		found++
		if n := bytes.Count(x, []byte("<ser>")); n != 2 {
			t.Errorf("%s: %d series, want 2 (active users, cumulative signups)", e.Name, n)
		}
	}
	if found != 3 {
		t.Errorf("%d viral charts, want one per sample scenario (3)", found)
	}
}

// TestGoalMetAtExactlyTheGoal: active users equal to the goal have reached
// it. With no invites, churn or paid users, 1,000 seed users stay 1,000 in
// every month, so a goal of 1,000 is met in month 1 and every month after.
func TestGoalMetAtExactlyTheGoal(t *testing.T) {
	p := samplePlan(t)
	s := &p.Scenarios[0]
	s.Viral = scenario.Viral{Enabled: true, SeedUsers: 1000, CycleDays: 14, InviteMode: scenario.InviteOnce, GoalUsers: 1000}
	p.Scenarios = p.Scenarios[:1]
	f := openBytes(t, p)
	sheet := s.Name + suffixViral
	for m := 1; m <= s.HorizonMonths; m++ {
		if got := num(t, f, sheet, cellName(vGoal, firstRow+m-1)); got != 1 {
			t.Fatalf("%s month %d: goal met = %v, want 1", sheet, m, got)
		}
	}
	if got := num(t, f, sheet, "B27"); got != 1 {
		t.Errorf("%s!B27 (month the goal is reached) = %v, want 1", sheet, got)
	}
}

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

// TestRateValidationBounds: rates are entered as fractions of 1 (100%).
func TestRateValidationBounds(t *testing.T) {
	f := openBytes(t, samplePlan(t))
	dvs, err := f.GetDataValidations("Base" + suffixViral)
	if err != nil {
		t.Fatal(err)
	}
	for _, dv := range dvs {
		if dv.Sqref == "B7" {
			if dv.Formula1 != "0" || dv.Formula2 != "1" {
				t.Errorf("invite conversion validation %q to %q, want 0 to 1", dv.Formula1, dv.Formula2)
			}
			return
		}
	}
	t.Error("no validation on the invite conversion")
}

// TestWriteFileReplacesAtomically: a second export over the same file
// renames a new file over it (never rewrites the old one in place, which
// a crash could leave half-written); a parent that is a file is reported
// as such before any work.
func TestWriteFileReplacesAtomically(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "plan.xlsx")
	p := samplePlan(t)
	if err := WriteFile(path, p, Options{}); err != nil {
		t.Fatal(err)
	}
	before, _ := os.Stat(path)
	if err := WriteFile(path, p, Options{}); err != nil {
		t.Fatal(err)
	}
	after, _ := os.Stat(path)
	if before == nil || after == nil || os.SameFile(before, after) {
		t.Error("the second export rewrote the workbook in place; want a new file renamed over it")
	}
	notDir := filepath.Join(dir, "file")
	if err := os.WriteFile(notDir, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := WriteFile(filepath.Join(notDir, "x.xlsx"), p, Options{})
	if err == nil || !strings.Contains(err.Error(), "is not a folder") {
		t.Errorf("parent is a file: %v", err)
	}
}

package workbook

import (
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Tolerances of the recalculation checks.
const (
	relTol = 1e-9
	absTol = 1e-9
)

// loProfile is a LibreOffice user profile that recalculates every formula
// when it loads an xlsx file (never trusting cached values).
const loProfile = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`

// engine is a spreadsheet program that recalculates workbooks: recalc
// converts each file (recalculating every formula, never trusting cached
// values) into outDir and returns the outputs.
type engine struct {
	name   string
	recalc func(t testing.TB, outDir string, files ...string) []string
}

// engines are the independent spreadsheet engines the recalculation tests
// run: no Excel is available here, so two engines that agree are the evidence
// that the formulas mean what the app computes.
var engines = []engine{
	{"LibreOffice", func(t testing.TB, outDir string, files ...string) []string {
		return convert(t, "xlsx", outDir, files...)
	}},
	{"Gnumeric", recalcGnumeric},
}

// needTool returns the path of a program `make deps` installs, skipping the
// test when it is missing outside CI and failing under CI.
func needTool(t testing.TB, name, pkg string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err == nil {
		return path
	}
	if os.Getenv("CI") == "" {
		t.Skipf("%s (%s) is not installed; run `make deps`", name, pkg)
	}
	t.Fatalf("%s (%s) is required under CI: %v", name, pkg, err)
	return ""
}

// needSoffice returns the soffice path (LibreOffice).
func needSoffice(t testing.TB) string {
	t.Helper()
	return needTool(t, "soffice", "LibreOffice")
}

// convert runs one soffice process over all files, converting each to
// format (xlsx recalculates them) into outDir, and returns the outputs.
func convert(t testing.TB, format, outDir string, files ...string) []string {
	t.Helper()
	soffice := needSoffice(t)
	profile := t.TempDir()
	if err := os.MkdirAll(filepath.Join(profile, "user"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(profile, "user", "registrymodifications.xcu"), []byte(loProfile), 0o644); err != nil {
		t.Fatal(err)
	}
	args := append([]string{"-env:UserInstallation=file://" + profile, "--headless", "--norestore", "--calc",
		"--convert-to", format, "--outdir", outDir}, files...)
	cmd := exec.Command(soffice, args...)
	cmd.Env = append(os.Environ(), "LANG=en_US.UTF-8")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	outs := make([]string, len(files))
	for i, f := range files {
		base := filepath.Base(f)
		outs[i] = filepath.Join(outDir, base[:len(base)-len(filepath.Ext(base))]+"."+format)
		if _, err := os.Stat(outs[i]); err != nil {
			t.Fatalf("soffice did not write %s: %v", outs[i], err)
		}
	}
	return outs
}

// recalcGnumeric recalculates each file with Gnumeric's ssconvert --recalc
// and writes it back as xlsx into outDir.
func recalcGnumeric(t testing.TB, outDir string, files ...string) []string {
	t.Helper()
	ssconvert := needTool(t, "ssconvert", "Gnumeric")
	outs := make([]string, len(files))
	for i, f := range files {
		outs[i] = filepath.Join(outDir, filepath.Base(f))
		cmd := exec.Command(ssconvert, "--recalc", "--export-type=Gnumeric_Excel:xlsx2", f, outs[i])
		cmd.Env = append(os.Environ(), "LANG=en_US.UTF-8")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("ssconvert %s: %v\n%s", f, err, out)
		}
		if _, err := os.Stat(outs[i]); err != nil {
			t.Fatalf("ssconvert did not write %s: %v", outs[i], err)
		}
	}
	return outs
}

// formulaCell is one formula cell of a workbook with its cached value.
type formulaCell struct {
	sheet, cell, formula, value string
}

// formulaCells lists every formula cell of the workbook at path.
func formulaCells(t testing.TB, path string) []formulaCell {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []formulaCell
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c := range row {
				ref := cellName(c+1, r+1)
				fo, err := f.GetCellFormula(sh, ref)
				if err != nil {
					t.Fatal(err)
				}
				if fo != "" {
					out = append(out, formulaCell{sh, ref, fo, row[c]})
				}
			}
		}
	}
	return out
}

// values reads the raw values of cells from the workbook at path.
func values(t testing.TB, path string, cells []formulaCell) []string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := make([]string, len(cells))
	for i, c := range cells {
		v, err := f.GetCellValue(c.sheet, c.cell, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		out[i] = v
	}
	return out
}

// isError reports whether a cell value is a spreadsheet error (#N/A,
// #VALUE!, #NAME?, #DIV/0!, #REF!, #NUM!, #NULL!).
func isError(v string) bool {
	switch v {
	case "#N/A", "#VALUE!", "#NAME?", "#DIV/0!", "#REF!", "#NUM!", "#NULL!":
		return true
	}
	return false
}

// same reports whether two cell values agree: numbers to relTol (absTol
// near zero), anything else exactly.
func same(want, got string) bool {
	a, errA := strconv.ParseFloat(want, 64)
	b, errB := strconv.ParseFloat(got, 64)
	if errA != nil || errB != nil {
		return want == got
	}
	d := math.Abs(a - b)
	return d <= absTol || d <= relTol*math.Max(math.Abs(a), math.Abs(b))
}

// compareCells checks that every formula cell in cells has value want in
// got; it returns the number of cells compared and the first mismatches.
// #N/A is handled explicitly: it is right only in a chart-data cell (a
// formula calling NA()) where the engine says the model is infeasible (the
// cached value is #N/A too); any other error value is a mismatch.
func compareCells(cells []formulaCell, want, got []string) (int, []string) {
	var bad []string
	for i, c := range cells {
		ok := same(want[i], got[i])
		if isError(want[i]) || isError(got[i]) {
			ok = want[i] == errNA && got[i] == errNA && strings.Contains(c.formula, "NA()")
		}
		if !ok && len(bad) < 20 {
			bad = append(bad, fmt.Sprintf("%s!%s = %s: want %q, got %q", c.sheet, c.cell, c.formula, want[i], got[i]))
		}
	}
	return len(cells), bad
}

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scaleplan/assets"
	"scaleplan/scenario"
)

func TestExport(t *testing.T) {
	dir := t.TempDir()
	plan := writeTemp(t, "sample.scaleplan", assets.SamplePlan)
	bad := writeTemp(t, "bad.scaleplan", []byte(strings.Replace(string(assets.SamplePlan), `"inviteConversion": 0.2,`, `"inviteConversion": 1.5,`, 1)))
	ok := filepath.Join(dir, "out.xlsx")
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"ok", []string{"export", plan, "-o", ok}, exitOK, ""},
		{"flags first", []string{"export", "-o", ok, plan}, exitOK, ""},
		{"no output", []string{"export", plan}, exitUsage, "usage:"},
		{"two plans", []string{"export", plan, plan, "-o", ok}, exitUsage, "usage:"},
		{"bad flag", []string{"export", "--nope", plan}, exitUsage, ""},
		{"missing plan", []string{"export", filepath.Join(dir, "none.scaleplan"), "-o", ok}, exitBad, "scaleplan-cli export:"},
		{"invalid plan", []string{"export", bad, "-o", filepath.Join(dir, "bad.xlsx")}, exitBad, "inviteConversion"},
		{"missing folder", []string{"export", plan, "-o", filepath.Join(dir, "no", "such", "out.xlsx")}, exitBad, "cannot write"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCLI(tt.args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tt.code, stderr)
			}
			if !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stderr %q does not mention %q", stderr, tt.stderr)
			}
			for _, line := range strings.Split(strings.TrimSpace(stderr), "\n") {
				if strings.Contains(line, "goroutine") || strings.Contains(line, "panic") {
					t.Errorf("stack trace on stderr: %s", stderr)
				}
			}
		})
	}
	f, err := excelize.OpenFile(ok)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sample, err := scenario.Decode(assets.SamplePlan)
	if err != nil {
		t.Fatal(err)
	}
	want := 17 // Summary + 15 module sheets (5 per scenario) + Experiments
	for _, s := range sample.Scenarios {
		if len(s.Ranges) > 0 {
			want++ // its Simulation sheet
		}
	}
	if got := f.GetSheetList(); len(got) != want || got[0] != "Summary" || got[want-1] != "Experiments" {
		t.Errorf("sheets = %v, want Summary + 15 module sheets (5 per scenario) + a Simulation sheet per scenario with ranges + Experiments", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "bad.xlsx")); !os.IsNotExist(err) {
		t.Errorf("an invalid plan left a workbook behind: %v", err)
	}
}

// TestExportExtensionAnyCase: ".XLSX" is an Excel workbook too.
func TestExportExtensionAnyCase(t *testing.T) {
	plan := writeTemp(t, "p.scaleplan", assets.SamplePlan)
	out := filepath.Join(t.TempDir(), "PLAN.XLSX")
	if code, _, stderr := runCLI("export", plan, "-o", out); code != exitOK {
		t.Fatalf("export to .XLSX: exit %d: %s", code, stderr)
	}
	if fi, err := os.Stat(out); err != nil || fi.Size() == 0 {
		t.Errorf("no workbook written: %v", err)
	}
}

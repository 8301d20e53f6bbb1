package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"scaleplan/assets"
)

func TestBoardpack(t *testing.T) {
	dir := t.TempDir()
	plan := writeTemp(t, "sample.scaleplan", assets.SamplePlan)
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
		head   []string // the CSV's scenario columns
	}{
		{"all", []string{"boardpack", plan, "-o", filepath.Join(dir, "all")}, exitOK, "wrote the board pack of Base, Aggressive, Conservative", "", []string{"Base", "Aggressive", "Conservative"}},
		{"chosen with a baseline", []string{"boardpack", plan, "-o", filepath.Join(dir, "two"), "--scenarios", "aggressive,Base", "--baseline", "Base"}, exitOK, "(baseline Base)", "", []string{"Base", "Aggressive"}},
		{"baseline outside the list", []string{"boardpack", plan, "-o", filepath.Join(dir, "joined"), "--scenarios", "Aggressive", "--baseline", "Conservative"}, exitOK, "", "", []string{"Conservative", "Aggressive"}},
		{"no folder", []string{"boardpack", plan}, exitUsage, "", "usage:", nil},
		{"named twice", []string{"boardpack", plan, "-o", filepath.Join(dir, "x"), "--scenarios", "Base,base"}, exitUsage, "", `--scenarios names "Base" more than once`, nil},
		{"unknown scenario", []string{"boardpack", plan, "-o", filepath.Join(dir, "y"), "--scenarios", "Base,Stretch"}, exitBad, "", `--scenarios: no scenario named "Stretch"`, nil},
		{"unknown baseline", []string{"boardpack", plan, "-o", filepath.Join(dir, "z"), "--baseline", "Stretch"}, exitBad, "", `--baseline: no scenario named "Stretch"`, nil},
		{"folder in use", []string{"boardpack", plan, "-o", dir}, exitBad, "", "already holds files", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(tt.args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tt.code, stderr)
			}
			if !strings.Contains(stdout, tt.stdout) || !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stdout %q, stderr %q; want %q and %q", stdout, stderr, tt.stdout, tt.stderr)
			}
			if tt.head == nil {
				return
			}
			out := tt.args[slices.Index(tt.args, "-o")+1]
			f, err := os.Open(filepath.Join(out, "comparison.csv"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			head, err := csv.NewReader(f).Read()
			if err != nil || !slices.Equal(head[2:2+len(tt.head)], tt.head) {
				t.Errorf("CSV head %q, want scenarios %q", head, tt.head)
			}
			for _, name := range []string{"pack.pdf", "workbook.xlsx", "charts"} {
				if _, err := os.Stat(filepath.Join(out, name)); err != nil {
					t.Error(err)
				}
			}
		})
	}
	for _, name := range []string{"x", "y", "z"} {
		if _, err := os.Stat(filepath.Join(dir, name)); !os.IsNotExist(err) {
			t.Errorf("a refused pack left %s behind", name)
		}
	}
}

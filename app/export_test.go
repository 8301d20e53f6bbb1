package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestExportWorkbook(t *testing.T) {
	for _, tc := range []struct {
		name string
		path func(t *testing.T) string
		ok   bool
	}{
		{"writes the file", func(t *testing.T) string { return filepath.Join(t.TempDir(), "plan.xlsx") }, true},
		{"missing folder", func(t *testing.T) string { return filepath.Join(t.TempDir(), "nope", "plan.xlsx") }, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := tc.path(t)
			fractions := make(chan float64, 1000)
			result := make(chan error, 1)
			ExportWorkbook(path, samplePlan(t), func(f float64) { fractions <- f }, func(err error) { result <- err })
			var err error
			select {
			case err = <-result:
			case <-time.After(60 * time.Second):
				t.Fatal("export did not finish within 60 s")
			}
			close(fractions)
			if !tc.ok {
				if err == nil || !strings.HasPrefix(err.Error(), "export: ") {
					t.Errorf("error %v, want a wrapped export error", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
				t.Fatalf("workbook file: %v", err)
			}
			last := -1.0
			for f := range fractions {
				if f < last || f < 0 || f > 1 {
					t.Errorf("progress %v after %v", f, last)
				}
				last = f
			}
			if last != 1 {
				t.Errorf("final progress %v, want 1", last)
			}
		})
	}
}

package app

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"scaleplan/scenario"
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
			ExportWorkbook(context.Background(), path, samplePlan(t), func(f float64) { fractions <- f }, func(err error) { result <- err })
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

// TestExportBoardPack: the pack is written off the caller's goroutine with
// progress to 1, and a second pack goes beside the first.
func TestExportBoardPack(t *testing.T) {
	root := t.TempDir()
	dir := FreeFolder(root, "Plan board pack")
	var last float64
	done := make(chan error, 1)
	ExportBoardPack(context.Background(), dir, samplePlan(t), []int{1, 0}, func(f float64) { last = f }, func(err error) { done <- err })
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if last != 1 {
		t.Errorf("progress ended at %v", last)
	}
	if _, err := os.Stat(filepath.Join(dir, "pack.pdf")); err != nil {
		t.Error(err)
	}
	if got := FreeFolder(root, "Plan board pack"); got != filepath.Join(root, "Plan board pack 2") {
		t.Errorf("next folder %s", got)
	}
}

// TestExportWorkbookSimulates: a scenario with ranges gets its Simulation
// sheet (the plan's runs and seed), with the progress rising to 1; the
// others get none.
func TestExportWorkbookSimulates(t *testing.T) {
	p := samplePlan(t)
	for i := range p.Scenarios {
		p.Scenarios[i].Ranges = nil
	}
	p.Scenarios[1].Ranges = map[string]scenario.Range{"viral.inviteConversion": {Low: 0.15, High: 0.3}}
	p.Simulation = &scenario.Simulation{Runs: 200, Seed: 3}
	path := filepath.Join(t.TempDir(), "plan.xlsx")
	fractions := make(chan float64, 1000)
	result := make(chan error, 1)
	ExportWorkbook(context.Background(), path, p, func(f float64) { fractions <- f }, func(err error) { result <- err })
	select {
	case err := <-result:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(60 * time.Second):
		t.Fatal("export did not finish within 60 s")
	}
	close(fractions)
	last := -1.0
	for f := range fractions {
		if f < last {
			t.Errorf("progress %v after %v", f, last)
		}
		last = f
	}
	if last != 1 {
		t.Errorf("final progress %v, want 1", last)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var sims []string
	for _, name := range f.GetSheetList() {
		if strings.HasSuffix(name, " - Simulation") {
			sims = append(sims, name)
		}
	}
	if strings.Join(sims, ",") != "Aggressive - Simulation" {
		t.Errorf("simulation sheets %v, want Aggressive's alone", sims)
	}
}

// TestExportCancelled: a cancelled context reaches both exports: done
// gets context.Canceled, and neither the workbook nor the pack's folder
// is there.
func TestExportCancelled(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	result := make(chan error, 2)
	ExportWorkbook(ctx, filepath.Join(dir, "plan.xlsx"), samplePlan(t), nil, func(err error) { result <- err })
	ExportBoardPack(ctx, filepath.Join(dir, "pack"), samplePlan(t), nil, nil, func(err error) { result <- err })
	for range 2 {
		if err := <-result; !errors.Is(err, context.Canceled) {
			t.Errorf("cancelled export: %v, want context.Canceled", err)
		}
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("left behind: %v", left)
	}
}

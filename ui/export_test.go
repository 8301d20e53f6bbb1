package ui

import (
	"path/filepath"
	"testing"

	"scaleplan/scenario"
)

// Quit waits for a running export before it closes the window.
func TestQuitWaitsForExport(t *testing.T) {
	u, path := newTestUI(t)
	quits := 0
	u.exit = func() { quits++ }
	var finish func(error)
	prev := exportWorkbook
	exportWorkbook = func(_ string, _ *scenario.Plan, _ func(float64), done func(error)) { finish = done }
	t.Cleanup(func() { exportWorkbook = prev })
	u.exports.excelTo(filepath.Join(filepath.Dir(path), "plan.xlsx"), nil)
	u.quit()
	if quits != 0 {
		t.Fatal("quit while the export was being written")
	}
	finish(nil)
	if quits != 1 {
		t.Errorf("after the export finished: quits=%d, want 1", quits)
	}
}

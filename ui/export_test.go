package ui

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"scaleplan/scenario"
)

// Quit waits for a running export before it closes the window.
func TestQuitWaitsForExport(t *testing.T) {
	u, path := newTestUI(t)
	quits := 0
	u.exit = func() { quits++ }
	var finish func(error)
	prev := exportWorkbook
	exportWorkbook = func(_ context.Context, _ string, _ *scenario.Plan, _ func(float64), done func(error)) { finish = done }
	t.Cleanup(func() { exportWorkbook = prev })
	u.exports.excelTo(filepath.Join(filepath.Dir(path), "plan.xlsx"), nil)
	u.files.quit()
	if quits != 0 {
		t.Fatal("quit while the export was being written")
	}
	finish(nil)
	if quits != 1 {
		t.Errorf("after the export finished: quits=%d, want 1", quits)
	}
}

// Cancel in the export's dialog cancels the export's context; the export
// ends with context.Canceled, the dialog goes, and the status line says
// nothing was written (no error dialog).
func TestCancelExport(t *testing.T) {
	u, path := newTestUI(t)
	prev := exportWorkbook
	t.Cleanup(func() { exportWorkbook = prev })
	var finish func(error)
	var ctx context.Context
	exportWorkbook = func(c context.Context, _ string, _ *scenario.Plan, _ func(float64), done func(error)) {
		ctx, finish = c, done
	}
	var got error
	u.exports.excelTo(filepath.Join(filepath.Dir(path), "plan.xlsx"), func(err error) { got = err })
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no progress dialog")
	}
	cancel := findButton(top, "Cancel")
	if cancel == nil {
		t.Fatal("the progress dialog has no Cancel")
	}
	test.Tap(cancel)
	if ctx.Err() == nil {
		t.Fatal("Cancel did not cancel the export")
	}
	finish(fmt.Errorf("export: %w", ctx.Err()))
	if !errors.Is(got, context.Canceled) {
		t.Errorf("done got %v", got)
	}
	if u.win.Canvas().Overlays().Top() != nil {
		t.Error("a dialog is still open after the cancelled export")
	}
	if msg := u.status.Text; msg != "Export to Excel: cancelled, nothing was written." {
		t.Errorf("status %q", msg)
	}
}

// findButton is the button labelled text under o, or nil.
func findButton(o fyne.CanvasObject, text string) *widget.Button {
	switch x := o.(type) {
	case *widget.Button:
		if x.Text == text {
			return x
		}
	case *fyne.Container:
		for _, c := range x.Objects {
			if b := findButton(c, text); b != nil {
				return b
			}
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			if b := findButton(c, text); b != nil {
				return b
			}
		}
	}
	return nil
}

// Escape in an export's progress dialog is its Cancel.
func TestEscapeCancelsExport(t *testing.T) {
	u, path := newTestUI(t)
	prev := exportWorkbook
	t.Cleanup(func() { exportWorkbook = prev })
	var ctx context.Context
	exportWorkbook = func(c context.Context, _ string, _ *scenario.Plan, _ func(float64), _ func(error)) { ctx = c }
	u.exports.excelTo(filepath.Join(filepath.Dir(path), "plan.xlsx"), nil)
	press(u, fyne.KeyEscape)
	if ctx.Err() == nil {
		t.Error("Escape did not cancel the export")
	}
}

package ui

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"scaleplan/app"
	"scaleplan/export/chart"
)

// exports are File → Export to Excel… and Export Chart…: a file is asked
// for, then written off the UI thread (quitting waits for it).
type exports struct{ u *UI }

// exportWorkbook writes the Excel workbook on a goroutine; its callbacks
// come back through onUI in excelTo (tests replace it).
var exportWorkbook = app.ExportWorkbook

// excel asks for a file and writes the workbook with a progress dialog.
func (e *exports) excel() {
	u := e.u
	if exportWorkbook == nil {
		showInfo(u.win, "Export to Excel", "Excel export is not available in this build.")
		return
	}
	e.askSavePath("Export to Excel", strings.TrimSuffix(u.s.Doc().Name(), app.Extension)+".xlsx", []string{".xlsx"}, func(path string) {
		e.excelTo(path, nil)
	})
}

// excelTo writes the workbook to path off the UI thread, with a
// progress dialog; done (if set) runs on the UI thread afterwards.
func (e *exports) excelTo(path string, done func(error)) {
	plan := e.u.s.Doc().Snapshot()
	e.withProgress("Export to Excel", path, func(ctx context.Context, progress func(float64), finished func(error)) {
		exportWorkbook(ctx, path, plan, progress, finished)
	}, func(secs float64) string {
		return fmt.Sprintf("Exported %s in %.1f s.", filepath.Base(path), secs)
	}, done)
}

// withProgress runs an export started by work off the UI thread: a
// progress dialog with Cancel while it runs, the session told it is
// running (quitting waits for it), then an error dialog or the status line
// said(seconds) (or that it was cancelled, which leaves no file), and done
// (if set), on the UI thread.
func (e *exports) withProgress(title, target string, work func(ctx context.Context, progress func(float64), finished func(error)), said func(secs float64) string, done func(error)) {
	u := e.u
	ctx, cancel := context.WithCancel(context.Background())
	prog := newExportProgress(title, "Writing "+filepath.Base(target)+"…", cancel, u.win)
	u.s.ExportStarted()
	start := time.Now()
	work(ctx, func(f float64) {
		onUI(func() { prog.bar.SetValue(f) })
	}, func(err error) {
		onUI(func() {
			defer u.s.ExportDone()
			defer cancel()
			prog.d.Hide()
			switch {
			case errors.Is(err, context.Canceled):
				u.say(title+": cancelled, nothing was written.", app.Info)
			case err != nil:
				u.showError(title, err)
			default:
				u.say(said(time.Since(start).Seconds()), app.Info)
			}
			if done != nil {
				done(err)
			}
		})
	})
}

// exportProgress is an export's dialog: what it writes, a progress bar
// and Cancel.
type exportProgress struct {
	d      *dialog.CustomDialog
	bar    *widget.ProgressBar
	cancel *widget.Button
}

// newExportProgress shows the dialog; Cancel calls cancel and says the
// export is stopping (the export's end hides the dialog).
func newExportProgress(title, msg string, cancel func(), w fyne.Window) *exportProgress {
	p := &exportProgress{bar: widget.NewProgressBar()}
	label := widget.NewLabel(msg)
	p.cancel = widget.NewButton("Cancel", func() {
		cancel()
		p.cancel.Disable()
		label.SetText("Cancelling…")
	})
	p.d = dialog.NewCustomWithoutButtons(title, container.NewVBox(label, p.bar), w)
	p.d.SetButtons([]fyne.CanvasObject{p.cancel})
	p.d.Resize(fyne.NewSize(420, 0))
	dialogKeys(w, p.d, func() {}, func() {
		if !p.cancel.Disabled() {
			p.cancel.OnTapped()
		}
	})
	p.d.Show()
	return p
}

// charts saves the current tab's charts as PNG, SVG or PDF: a module's
// panels, Compare's overlays, or a tab's own chart (the Risk tab's
// tornado).
func (e *exports) charts() {
	u := e.u
	if x, ok := u.currentScreen().(ownChartExporter); ok {
		name, write, why := x.chartFile()
		if write == nil {
			showInfo(u.win, "Export Chart", why)
			return
		}
		e.saveChart(safeName(u.s.Scenario().Name)+"-"+name+".png", write)
		return
	}
	in := u.results()
	if in.Plan == nil {
		showInfo(u.win, "Export Chart", "The charts are still being computed.")
		return
	}
	k := chart.KindViral // a tab without charts of its own exports the viral loop's
	if e, ok := u.currentScreen().(chartExporter); ok {
		k, in = e.exportChart(in)
	}
	e.saveChart(fmt.Sprintf("%s-%s.png", safeName(u.s.Scenario().Name), k), func(path string) error {
		return chart.WriteFile(path, k, in, chart.Light())
	})
}

// saveChart asks where to save a chart (name suggested) and writes it
// there with write, off the UI thread.
func (e *exports) saveChart(name string, write func(path string) error) {
	u := e.u
	e.askSavePath("Export Chart", name, []string{".png", ".svg", ".pdf"}, func(path string) {
		if ext := strings.ToLower(filepath.Ext(path)); ext != ".png" && ext != ".svg" && ext != ".pdf" {
			path += ".png"
		}
		u.s.ExportStarted()
		work(u, func() error { return write(path) }, func(err error) {
			defer u.s.ExportDone()
			if err != nil {
				u.showError("Export Chart", err)
				return
			}
			u.say("Saved chart "+filepath.Base(path)+".", app.Info)
		})
	})
}

// askSavePath asks for a file to write and passes its path to fn.
func (e *exports) askSavePath(title, name string, exts []string, fn func(path string)) {
	u := e.u
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showError(title, err)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		fn(path)
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	d.SetFileName(name)
	d.SetTitleText(title)
	startIn(d, u.s.Doc().Path())
	showFileDialog(d)
}

// exportBoardPack writes a board pack on a goroutine (tests replace it).
var exportBoardPack = app.ExportBoardPack

// boardPack asks for a folder and writes the board pack of the scenarios
// the Compare tab compares (its baseline first) into a new folder in it,
// "<plan> board pack", with a progress dialog.
func (e *exports) boardPack() {
	u := e.u
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil {
			u.showError("Export Board Pack", err)
			return
		}
		if l == nil {
			return
		}
		name := strings.TrimSuffix(u.s.Doc().Name(), app.Extension) + " board pack"
		e.boardPackTo(app.FreeFolder(l.Path(), name), nil)
	}, u.win)
	d.SetTitleText("Export Board Pack: choose the folder to put it in")
	startIn(d, u.s.Doc().Path())
	showFileDialog(d)
}

// boardPackTo writes the pack into dir off the UI thread; done (if set)
// runs on the UI thread afterwards.
func (e *exports) boardPackTo(dir string, done func(error)) {
	plan, chosen := e.u.s.Doc().Snapshot(), e.u.comparedScenarios()
	e.withProgress("Export Board Pack", dir, func(ctx context.Context, progress func(float64), finished func(error)) {
		exportBoardPack(ctx, dir, plan, chosen, progress, finished)
	}, func(secs float64) string {
		return fmt.Sprintf("Wrote the board pack %s in %.1f s.", filepath.Base(dir), secs)
	}, done)
}

// comparedScenarios are the scenarios the Compare tab compares, its
// baseline first (nil before the first results: the pack takes the first
// six).
func (u *UI) comparedScenarios() []int {
	for _, sc := range u.screens {
		if c, ok := sc.(*compare); ok && c.in.Plan != nil && len(c.in.Plan.Scenarios) == len(u.s.Doc().Plan().Scenarios) {
			return c.compared(u.s.Doc().Plan())
		}
	}
	return nil
}

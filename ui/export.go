package ui

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

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
	u := e.u
	prog := dialog.NewProgress("Export to Excel", "Writing "+filepath.Base(path)+"…", u.win)
	prog.Show()
	u.s.ExportStarted()
	start := time.Now()
	exportWorkbook(path, u.s.Doc().Snapshot(), func(f float64) {
		onUI(func() { prog.SetValue(f) })
	}, func(err error) {
		onUI(func() {
			defer u.s.ExportDone()
			prog.Hide()
			if err != nil {
				u.showError("Export to Excel", err)
			} else {
				u.say(fmt.Sprintf("Exported %s in %.1f s.", filepath.Base(path), time.Since(start).Seconds()), app.Info)
			}
			if done != nil {
				done(err)
			}
		})
	})
}

// charts saves the current tab's charts as PNG, SVG or PDF.
func (e *exports) charts() {
	u := e.u
	in := u.results()
	if in.Plan == nil {
		showInfo(u.win, "Export Chart", "The charts are still being computed.")
		return
	}
	k := chart.KindViral // a tab without charts of its own exports the viral loop's
	if e, ok := u.currentScreen().(chartExporter); ok {
		k, in = e.exportChart(in)
	}
	name := fmt.Sprintf("%s-%s.png", safeName(u.s.Scenario().Name), k)
	e.askSavePath("Export Chart", name, []string{".png", ".svg", ".pdf"}, func(path string) {
		if ext := strings.ToLower(filepath.Ext(path)); ext != ".png" && ext != ".svg" && ext != ".pdf" {
			path += ".png"
		}
		u.s.ExportStarted()
		work(u, func() error { return chart.WriteFile(path, k, in, chart.Light()) }, func(err error) {
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
	u := e.u
	prog := dialog.NewProgress("Export Board Pack", "Writing "+filepath.Base(dir)+"…", u.win)
	prog.Show()
	u.s.ExportStarted()
	start := time.Now()
	exportBoardPack(dir, u.s.Doc().Snapshot(), u.comparedScenarios(), func(f float64) {
		onUI(func() { prog.SetValue(f) })
	}, func(err error) {
		onUI(func() {
			defer u.s.ExportDone()
			prog.Hide()
			if err != nil {
				u.showError("Export Board Pack", err)
			} else {
				u.say(fmt.Sprintf("Wrote the board pack %s in %.1f s.", filepath.Base(dir), time.Since(start).Seconds()), app.Info)
			}
			if done != nil {
				done(err)
			}
		})
	})
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

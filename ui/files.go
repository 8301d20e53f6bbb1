package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"scaleplan/app"
	"scaleplan/export/chart"
	"scaleplan/scenario"
)

// Start opens path (or, if empty or unreadable, the sample plan) and, if a
// crash left a draft behind, offers to recover it. Call it once, before
// the window is shown.
func (u *UI) Start(path string) {
	dr, derr := u.drafts.Pending()
	u.recovering = dr != nil
	var doc *app.Document
	var openErr error
	if path != "" {
		doc, openErr = app.OpenDocument(path)
		if openErr == nil {
			u.recent.Add(doc.Path())
		}
	}
	if doc == nil {
		d, err := app.SampleDocument()
		if err != nil {
			d = app.NewDocument(scenario.NewPlan("Untitled"), "")
		}
		doc = d
	}
	u.setDocument(doc)
	if openErr != nil {
		u.showError("Open "+path, openErr)
	}
	if derr != nil {
		u.showError("Recover draft", derr)
	}
	if dr != nil {
		u.offerRecovery(dr)
	}
}

// offerRecovery asks whether to restore the draft a crash left.
func (u *UI) offerRecovery(dr *app.Draft) {
	name := "an untitled plan"
	if dr.Path != "" {
		name = filepath.Base(dr.Path)
	}
	msg := widget.NewLabel(fmt.Sprintf("Scaleplan did not close normally. Unsaved changes to %s from %s were kept.\n"+
		"Recover them? (Discard keeps a copy aside, just in case.)", name, dr.Saved.Local().Format("2 Jan 2006 15:04")))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm("Recover unsaved work?", "Recover", "Discard", msg, func(ok bool) {
		u.answerRecovery(dr, ok)
	}, u.win)
	d.Resize(fyne.NewSize(520, 200))
	d.Show()
}

// answerRecovery restores the draft (ok) or sets it aside.
func (u *UI) answerRecovery(dr *app.Draft, ok bool) {
	u.recovering = false
	if ok {
		u.setDocument(u.drafts.Recover(dr))
		return
	}
	if err := u.drafts.Discard(); err != nil {
		u.showError("Discard draft", err)
	}
}

// confirmUnsaved runs next once unsaved work is saved or knowingly dropped;
// a save still being written finishes first. On "Don't Save" the draft is
// kept: next clears it when it replaces or closes the plan
// (showDocument, quit), so nothing is lost if next changes its mind.
func (u *UI) confirmUnsaved(next func()) {
	if u.busy() {
		u.whenIdle(func() { u.confirmUnsaved(next) })
		return
	}
	if !u.doc.Dirty() {
		next()
		return
	}
	msg := widget.NewLabel(fmt.Sprintf("Save the changes to “%s” before closing it?", u.doc.Name()))
	var d *dialog.CustomDialog
	d = dialog.NewCustomWithoutButtons("Unsaved changes", msg, u.win)
	save := widget.NewButton("Save", func() {
		d.Hide()
		u.saveThen(func(ok bool) {
			if ok {
				next()
			}
		})
	})
	save.Importance = widget.HighImportance
	dont := widget.NewButton("Don't Save", func() {
		d.Hide()
		next() // next clears the draft once the work is really dropped
	})
	cancel := widget.NewButton("Cancel", func() { d.Hide() })
	d.SetButtons([]fyne.CanvasObject{cancel, dont, save})
	d.Show()
}

// newPlan starts an untitled plan with one default scenario.
func (u *UI) newPlan() {
	u.confirmUnsaved(func() {
		u.showDocument(app.NewDocument(scenario.NewPlan("Untitled"), ""))
	})
}

// showDocument replaces the open plan with d, once the user has saved or
// dropped the old one: the old plan's draft goes with it (unless the
// recover question for a previous session's draft is still open).
func (u *UI) showDocument(d *app.Document) {
	if !u.recovering {
		if err := u.drafts.Clear(); err != nil {
			fyne.LogError("clear draft", err)
		}
	}
	u.setDocument(d)
}

var planFilter = storage.NewExtensionFileFilter([]string{app.Extension})

// openDialog asks for a plan file and opens it. The file is chosen and
// read first: unsaved work is asked about only when there is a plan to
// replace it with, so cancelling or a failed open changes nothing.
func (u *UI) openDialog() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			u.showError("Open", err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		u.openPath(path)
	}, u.win)
	d.SetFilter(planFilter)
	u.startIn(d, u.doc.Path())
	showFileDialog(d)
}

// openRecent opens a file of the Open Recent menu.
func (u *UI) openRecent(path string) { u.openPath(path) }

// openPath reads path on a goroutine, then asks about unsaved work and
// shows it. A file that fails to open is reported and leaves the plan on
// screen, and its draft, as they were.
func (u *UI) openPath(path string) {
	type res struct {
		d   *app.Document
		err error
	}
	work(u, func() res {
		d, err := app.OpenDocument(path)
		return res{d, err}
	}, func(r res) {
		if r.err != nil {
			u.showError("Open "+filepath.Base(path), r.err)
			u.recent.Remove(path)
			u.menu.refresh()
			return
		}
		u.confirmUnsaved(func() {
			u.recent.Add(r.d.Path())
			u.showDocument(r.d)
		})
	})
}

// save writes the document to its file, asking for one if it has none.
func (u *UI) save() { u.saveThen(nil) }

// saveThen saves (asking for a file if there is none) and passes done
// whether the plan reached the file.
func (u *UI) saveThen(done func(bool)) {
	if done == nil {
		done = func(bool) {}
	}
	if u.doc.Path() == "" {
		u.saveAs(done)
		return
	}
	j, err := u.doc.StartSave()
	if err != nil {
		done(u.saved(u.doc, err))
		return
	}
	u.writeSave(j, done)
}

// writeSave writes j off the UI thread (DESIGN §2: never block the UI
// thread on file work), then records the result on the UI thread.
func (u *UI) writeSave(j *app.SaveJob, done func(bool)) {
	doc := u.doc
	u.status.SetText("Saving " + filepath.Base(j.Path()) + "…")
	finish := func(error) {
		ok := u.saved(doc, doc.FinishSave(j))
		done(ok)
		u.runWhenIdle()
	}
	work(u, j.Write, finish)
}

// busy reports whether a save or an export is still being written.
func (u *UI) busy() bool {
	return (u.doc != nil && u.doc.Saving()) || u.exports > 0
}

// whenIdle runs fn now, or once the saves and exports still being written
// are done (quitting and closing the plan wait for them).
func (u *UI) whenIdle(fn func()) {
	if !u.busy() {
		fn()
		return
	}
	u.afterIdle = append(u.afterIdle, fn)
}

// runWhenIdle runs what waited for saves and exports, once none is running.
func (u *UI) runWhenIdle() {
	if u.busy() {
		return
	}
	fns := u.afterIdle
	u.afterIdle = nil
	for _, fn := range fns {
		fn()
	}
}

// exportStarted and exportDone count the exports being written.
func (u *UI) exportStarted() { u.exports++ }

func (u *UI) exportDone() {
	u.exports--
	u.runWhenIdle()
}

// saved finishes a save of doc: error dialog, or recent files updated and
// the draft cleared (kept and rescheduled if edits came in meanwhile).
func (u *UI) saved(doc *app.Document, err error) bool {
	if err != nil {
		u.showError("Save", err)
		u.updateStatus()
		return false
	}
	u.recent.Add(doc.Path())
	if doc == u.doc {
		if doc.Dirty() {
			u.drafts.Schedule(doc)
		} else if err := u.drafts.Clear(); err != nil {
			fyne.LogError("clear draft", err)
		}
	}
	u.menu.refresh()
	u.updateStatus()
	return true
}

// saveAs asks for a file name and saves there.
func (u *UI) saveAs(done func(bool)) {
	if done == nil {
		done = func(bool) {}
	}
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showError("Save As", err)
			done(false)
			return
		}
		if w == nil {
			done(false)
			return
		}
		path := w.URI().Path()
		w.Close()
		j, err := u.doc.StartSaveAs(path)
		if err != nil {
			done(u.saved(u.doc, err))
			return
		}
		u.writeSave(j, done)
	}, u.win)
	d.SetFilter(planFilter)
	name := u.doc.Name()
	if !strings.HasSuffix(name, app.Extension) {
		name = "plan" + app.Extension
	}
	d.SetFileName(name)
	u.startIn(d, u.doc.Path())
	showFileDialog(d)
}

// showFileDialog shows d at a comfortable size. FileDialog.Resize before
// Show panics in fyne 2.8 (its MinSize reads the not yet created window),
// so the size is set after.
func showFileDialog(d *dialog.FileDialog) {
	d.Show()
	d.Resize(fyne.NewSize(900, 600))
}

// startIn opens a file dialog in the folder of path, if it has one.
func (u *UI) startIn(d *dialog.FileDialog, path string) {
	dir := ""
	if path != "" {
		dir = filepath.Dir(path)
	} else if wd, err := os.Getwd(); err == nil {
		dir = wd
	}
	if dir == "" {
		return
	}
	if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
		d.SetLocation(l)
	}
}

// quit closes the window, asking about unsaved work first. A save or an
// export still being written finishes first.
func (u *UI) quit() {
	if u.quitting {
		return // already waiting for a save
	}
	if u.busy() {
		u.quitting = true
		u.status.SetText("Finishing the save or export before quitting…")
		u.whenIdle(func() {
			u.quitting = false
			u.quit()
		})
		return
	}
	u.confirmUnsaved(func() {
		if !u.recovering {
			if err := u.drafts.Clear(); err != nil {
				fyne.LogError("clear draft", err)
			}
		}
		u.rc.Close()
		u.exit()
	})
}

// exportWorkbook writes the Excel workbook on a goroutine (app.ExportWorkbook,
// set in export.go).
var exportWorkbook func(path string, p *scenario.Plan, progress func(float64), done func(error))

// exportExcel asks for a file and writes the workbook with a progress dialog.
func (u *UI) exportExcel() {
	if exportWorkbook == nil {
		dialog.ShowInformation("Export to Excel", "Excel export is not available in this build.", u.win)
		return
	}
	u.askSavePath("Export to Excel", strings.TrimSuffix(u.doc.Name(), app.Extension)+".xlsx", []string{".xlsx"}, func(path string) {
		u.exportExcelTo(path, nil)
	})
}

// exportExcelTo writes the workbook to path off the UI thread, with a
// progress dialog; done (if set) runs on the UI thread afterwards.
func (u *UI) exportExcelTo(path string, done func(error)) {
	prog := dialog.NewProgress("Export to Excel", "Writing "+filepath.Base(path)+"…", u.win)
	prog.Show()
	u.exportStarted()
	start := time.Now()
	exportWorkbook(path, u.doc.Snapshot(), func(f float64) {
		onUI(func() { prog.SetValue(f) })
	}, func(err error) {
		onUI(func() {
			defer u.exportDone()
			prog.Hide()
			if err != nil {
				u.showError("Export to Excel", err)
			} else {
				u.status.SetText(fmt.Sprintf("Exported %s in %.1f s.", filepath.Base(path), time.Since(start).Seconds()))
			}
			if done != nil {
				done(err)
			}
		})
	})
}

// exportChart saves the current tab's charts as PNG, SVG or PDF.
func (u *UI) exportChart() {
	k := u.currentScreen().kind()
	if k == "" {
		k = chart.KindViral
	}
	if u.in.Plan == nil {
		dialog.ShowInformation("Export Chart", "The charts are still being computed.", u.win)
		return
	}
	in := u.in
	if c, ok := u.currentScreen().(*compare); ok {
		in = c.chartInput() // the chosen baseline and scenarios
	}
	name := fmt.Sprintf("%s-%s.png", safeName(u.doc.Plan().Scenarios[u.sel].Name), k)
	u.askSavePath("Export Chart", name, []string{".png", ".svg", ".pdf"}, func(path string) {
		if ext := strings.ToLower(filepath.Ext(path)); ext != ".png" && ext != ".svg" && ext != ".pdf" {
			path += ".png"
		}
		u.exportStarted()
		work(u, func() error { return chart.WriteFile(path, k, in, chart.Light()) }, func(err error) {
			defer u.exportDone()
			if err != nil {
				u.showError("Export Chart", err)
				return
			}
			u.status.SetText("Saved chart " + filepath.Base(path) + ".")
		})
	})
}

// askSavePath asks for a file to write and passes its path to fn.
func (u *UI) askSavePath(title, name string, exts []string, fn func(path string)) {
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
	u.startIn(d, u.doc.Path())
	showFileDialog(d)
}

func safeName(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < ' ' {
			return '-'
		}
		return r
	}, s)
	if s == "" {
		return "chart"
	}
	return s
}

var errNoScenario = errors.New("no scenario")

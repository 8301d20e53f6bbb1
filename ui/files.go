package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"scaleplan/app"
	"scaleplan/scenario"
)

// files are the window's file work: open, save, save as, recent files,
// crash recovery and quitting with unsaved changes (File menu, the window's
// close button).
type files struct{ u *UI }

// Start opens path (or, if empty or unreadable, the sample plan) and, if a
// crash left a draft behind, offers to recover it. Call it once, before
// the app runs (cmd/scaleplan shows the window first).
func (u *UI) Start(path string) {
	dr, derr := u.s.Drafts().Pending()
	u.s.SetRecovering(dr != nil)
	var doc *app.Document
	var openErr error
	if path != "" {
		doc, openErr = app.OpenDocument(path)
		if openErr == nil {
			u.s.Recent().Add(doc.Path())
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
		u.files.offerRecovery(dr)
	}
}

// offerRecovery asks whether to restore the draft a crash left.
func (f *files) offerRecovery(dr *app.Draft) {
	u := f.u
	name := "an untitled plan"
	if dr.Path != "" {
		name = filepath.Base(dr.Path)
	}
	msg := widget.NewLabel(fmt.Sprintf("Scaleplan did not close normally. Unsaved changes to %s from %s were kept.\n"+
		"Recover them? (Discard keeps a copy aside, just in case.)", name, dr.Saved.Local().Format("2 Jan 2006 15:04")))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm("Recover unsaved work?", "Recover", "Discard", msg, func(ok bool) {
		f.answerRecovery(dr, ok)
	}, u.win)
	dialogKeys(u.win, d, d.Confirm, d.Hide) // Escape: Discard, which keeps a copy aside
	d.Resize(fyne.NewSize(520, 200))
	d.Show()
}

// answerRecovery restores the draft (ok) or sets it aside.
func (f *files) answerRecovery(dr *app.Draft, ok bool) {
	u := f.u
	u.s.SetRecovering(false)
	if ok {
		u.setDocument(u.s.Drafts().Recover(dr))
		return
	}
	if err := u.s.Drafts().Discard(); err != nil {
		u.showError("Discard draft", err)
	}
}

// confirmUnsaved runs next once unsaved work is saved or knowingly dropped;
// a save still being written finishes first. On "Don't Save" the draft is
// kept: next clears it when it replaces or closes the plan
// (showDocument, quit), so nothing is lost if next changes its mind.
func (f *files) confirmUnsaved(next func()) {
	u := f.u
	if u.s.Busy() {
		u.s.WhenIdle(func() { f.confirmUnsaved(next) })
		return
	}
	if !u.s.Doc().Dirty() {
		next()
		return
	}
	msg := widget.NewLabel(fmt.Sprintf("Save the changes to “%s” before closing it?", u.s.Doc().Name()))
	var d *dialog.CustomDialog
	d = dialog.NewCustomWithoutButtons("Unsaved changes", msg, u.win)
	save := widget.NewButton("Save", func() {
		d.Hide()
		f.saveThen(func(ok bool) {
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
	dialogKeys(u.win, d, save.OnTapped, cancel.OnTapped)
	d.Show()
}

// newPlan starts an untitled plan with one default scenario.
func (f *files) newPlan() {
	f.confirmUnsaved(func() {
		f.showDocument(app.NewDocument(scenario.NewPlan("Untitled"), ""))
	})
}

// showDocument replaces the open plan with d, once the user has saved or
// dropped the old one: the old plan's draft goes with it (unless the
// recover question for a previous session's draft is still open).
func (f *files) showDocument(d *app.Document) {
	u := f.u
	if err := u.s.DropDraft(); err != nil {
		fyne.LogError("clear draft", err)
	}
	u.setDocument(d)
}

var planFilter = storage.NewExtensionFileFilter([]string{app.Extension})

// openDialog asks for a plan file and opens it. The file is chosen and
// read first: unsaved work is asked about only when there is a plan to
// replace it with, so cancelling or a failed open changes nothing.
func (f *files) openDialog() {
	u := f.u
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
		f.openPath(path)
	}, u.win)
	d.SetFilter(planFilter)
	startIn(d, u.s.Doc().Path())
	showFileDialog(d)
}

// openRecent opens a file of the Open Recent menu.
func (f *files) openRecent(path string) { f.openPath(path) }

// openPath reads path on a goroutine, then asks about unsaved work and
// shows it. A file that fails to open is reported and leaves the plan on
// screen, and its draft, as they were.
func (f *files) openPath(path string) {
	u := f.u
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
			u.s.Recent().Remove(path)
			u.menu.refresh()
			return
		}
		f.confirmUnsaved(func() {
			u.s.Recent().Add(r.d.Path())
			f.showDocument(r.d)
		})
	})
}

// save writes the document to its file, asking for one if it has none.
func (f *files) save() { f.saveThen(nil) }

// saveThen saves (asking for a file if there is none) and passes done
// whether the plan reached the file.
func (f *files) saveThen(done func(bool)) {
	u := f.u
	if done == nil {
		done = func(bool) {}
	}
	if u.s.Doc().Path() == "" {
		f.saveAs(done)
		return
	}
	j, err := u.s.Doc().StartSave()
	if err != nil {
		done(f.saved(u.s.Doc(), err))
		return
	}
	f.writeSave(j, done)
}

// writeSave writes j off the UI thread (docs/ARCHITECTURE.md, "Data flow in the app": never block the UI
// thread on file work), then records the result on the UI thread.
func (f *files) writeSave(j *app.SaveJob, done func(bool)) {
	u := f.u
	doc := u.s.Doc()
	u.say("Saving "+filepath.Base(j.Path())+"…", app.Info)
	finish := func(error) {
		ok := f.saved(doc, doc.FinishSave(j))
		done(ok)
		u.s.RunWhenIdle()
	}
	work(u, j.Write, finish)
}

// saved finishes a save of doc: error dialog, or recent files updated and
// the draft cleared (kept and rescheduled if edits came in meanwhile).
func (f *files) saved(doc *app.Document, err error) bool {
	u := f.u
	if err != nil {
		u.showError("Save", err)
		u.updateStatus()
		return false
	}
	if err := u.s.Saved(doc); err != nil {
		fyne.LogError("clear draft", err)
	}
	u.menu.refresh()
	u.updateStatus()
	return true
}

// saveAs asks for a file name and saves there.
func (f *files) saveAs(done func(bool)) {
	u := f.u
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
		j, err := u.s.Doc().StartSaveAs(path)
		if err != nil {
			done(f.saved(u.s.Doc(), err))
			return
		}
		f.writeSave(j, done)
	}, u.win)
	d.SetFilter(planFilter)
	name := u.s.Doc().Name()
	if !strings.HasSuffix(name, app.Extension) {
		name = "plan" + app.Extension
	}
	d.SetFileName(name)
	startIn(d, u.s.Doc().Path())
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
func startIn(d *dialog.FileDialog, path string) {
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
func (f *files) quit() {
	u := f.u
	if u.s.QuitWhenIdle(f.quit) {
		u.say("Finishing the save or export before quitting…", app.Info)
		return
	}
	f.confirmUnsaved(func() {
		if err := u.s.DropDraft(); err != nil {
			fyne.LogError("clear draft", err)
		}
		u.rc.Close()
		u.exit()
	})
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

// Package app holds Scaleplan's application state without widgets: the open
// document with its undo/redo history and dirty flag and its edits (the
// scenario and module list edits), the window's session (the selected
// scenario, the results shown, the status bar's message, the saves and
// exports that quitting waits for), autosaved drafts and crash recovery,
// the recent files list, recompute scheduling off the UI thread and file
// export.
//
// It imports fyne only for its root interfaces (fyne.Preferences,
// fyne.Storage), so it builds and tests without cgo or a display. Everything
// here except Drafts and Recomputer is meant to be used from one goroutine,
// the UI's.
package app

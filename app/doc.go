// Package app holds Scaleplan's application state without widgets: the open
// document with its undo/redo history and dirty flag, autosaved drafts and
// crash recovery, the recent files list, recompute scheduling off the UI
// thread and file export.
//
// It imports fyne only for its root interfaces (fyne.Preferences,
// fyne.Storage), so it builds and tests without cgo or a display. Everything
// here except Drafts and Recomputer is meant to be used from one goroutine,
// the UI's.
package app

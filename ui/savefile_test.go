package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
)

// Fyne's save dialog opens (os.Create: creates or truncates) the chosen
// file before calling back. saveAs and askSavePath only take its path and
// write elsewhere when the name lacks the extension, so "renamed" leaves
// an empty stray file "renamed" beside "renamed.scaleplan" (the same for
// Export Chart with "chart" → "chart" + "chart.png"). Worse, choosing an
// existing file truncates it before the atomic write starts: if that
// write then fails, the old content is already gone.
func TestSaveAsLeavesNoEmptyStrayFile(t *testing.T) {
	u, path := newTestUI(t)
	u.files.saveAs(nil)
	fileNameEntry(t, u).SetText("renamed")
	test.Tap(dialogButton(t, u, "Save"))
	dir := filepath.Dir(path)
	if _, err := os.Stat(filepath.Join(dir, "renamed.scaleplan")); err != nil {
		t.Fatalf("not saved: %v (status %q)", err, u.status.Text)
	}
	if fi, err := os.Stat(filepath.Join(dir, "renamed")); err == nil {
		t.Errorf("stray file %q of %d bytes left beside the plan", fi.Name(), fi.Size())
	}
}

// Choosing an existing file in the save dialog no longer empties it before
// the app writes: the dialog's writer, closed unwritten, changes nothing,
// so a write that fails leaves the previous file whole.
func TestSaveDialogWriterLeavesExistingFile(t *testing.T) {
	newTestUI(t) // installs the file repository of the app
	path := filepath.Join(t.TempDir(), "keep.scaleplan")
	if err := os.WriteFile(path, []byte("previous"), 0o644); err != nil {
		t.Fatal(err)
	}
	w, err := storage.Writer(storage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "previous" {
		t.Errorf("the file holds %q after an unwritten writer closed", got)
	}
	w, _ = storage.Writer(storage.NewFileURI(path))
	fmt.Fprint(w, "new")
	w.Close()
	if got, _ := os.ReadFile(path); string(got) != "new" {
		t.Errorf("a written writer left %q", got)
	}
}

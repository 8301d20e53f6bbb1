package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"scaleplan/app"
)

// A failing autosave is only reported when something else refreshes the
// status bar: the write happens on the timer ~0.7 s after the last edit,
// so the failure of the last edit's draft is never shown while the user
// reads or thinks.
func TestAutosaveFailureIsShown(t *testing.T) {
	a := test.NewTempApp(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "p.scaleplan")
	sample, _ := os.ReadFile(filepath.Join("..", "assets", "sample.scaleplan"))
	if err := os.WriteFile(path, sample, 0o644); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "not-a-dir")
	if err := os.WriteFile(bad, nil, 0o644); err != nil { // the drafts "folder" is a file
		t.Fatal(err)
	}
	w := a.NewWindow("test")
	u := New(a, w, Options{DraftsDir: bad, Synchronous: true})
	u.Start(path)
	paste(num(t, u, "viral.seedUsers"), "4242")
	if err := u.s.Drafts().Flush(); err == nil { // what the timer does
		t.Fatal("draft write succeeded")
	}
	if !strings.Contains(u.status.Text, "Autosave") {
		t.Errorf("autosave is failing but the status bar says %q", u.status.Text)
	}
}

// TestEditDuringSaveKeepsDraft: an edit typed while a save is being
// written is not in the file, so when the save finishes its draft must
// stay (and be written), not be cleared with the saved state's.
func TestEditDuringSaveKeepsDraft(t *testing.T) {
	u, _ := newTestUI(t)
	typeInto(num(t, u, "viral.seedUsers"), "4321")
	j, err := u.s.Doc().StartSave()
	if err != nil {
		t.Fatal(err)
	}
	typeInto(num(t, u, "viral.paidCAC"), "31") // while the file is written
	j.Write()
	if !u.files.saved(u.s.Doc(), u.s.Doc().FinishSave(j)) {
		t.Fatal("save failed")
	}
	if !u.s.Doc().Dirty() {
		t.Fatal("the edit made during the save should keep the plan dirty")
	}
	if err := u.s.Drafts().Flush(); err != nil {
		t.Fatal(err)
	}
	dr, err := app.NewDrafts(filepath.Dir(u.s.Drafts().Path())).Pending()
	if err != nil || dr == nil {
		t.Fatalf("no draft of the edit made during the save: %v", err)
	}
	if got := dr.Plan.Scenarios[0].Viral.PaidCAC; got != 31 {
		t.Errorf("draft paid CAC = %v, want 31", got)
	}
}

// TestNewPlanWaitsForRunningSave: New while a save is still being written
// waits for it; the saved plan is then clean, so the new plan replaces it
// without asking, and the file holds the edit.
func TestNewPlanWaitsForRunningSave(t *testing.T) {
	u, path := newTestUI(t)
	typeInto(num(t, u, "viral.seedUsers"), "4321")
	old := u.s.Doc()
	j, err := u.s.Doc().StartSave()
	if err != nil {
		t.Fatal(err)
	}
	u.files.newPlan()
	if u.s.Doc() != old {
		t.Fatal("New replaced the plan while its save was still being written")
	}
	j.Write()
	u.files.saved(u.s.Doc(), u.s.Doc().FinishSave(j))
	u.s.RunWhenIdle()
	if u.s.Doc() == old || u.s.Doc().Path() != "" || len(u.s.Doc().Plan().Scenarios) != 1 {
		t.Fatalf("after the save: path %q, %d scenarios; want the new untitled plan", u.s.Doc().Path(), len(u.s.Doc().Plan().Scenarios))
	}
	if n := len(u.win.Canvas().Overlays().List()); n != 0 {
		t.Errorf("%d dialogs open; the saved plan needs no question", n)
	}
	o, err := app.OpenDocument(path)
	if err != nil || o.Plan().Scenarios[0].Viral.SeedUsers != 4321 {
		t.Errorf("saved file: %v", err)
	}
}

// TestDiscardRecoverySetsDraftAside: answering Discard to the recovery
// question keeps the draft as draft.discarded-<time>.json (README).
func TestDiscardRecoverySetsDraftAside(t *testing.T) {
	u, path := newTestUI(t)
	typeInto(num(t, u, "viral.seedUsers"), "4242")
	if err := u.s.Drafts().Flush(); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Dir(u.s.Drafts().Path())
	a := test.NewTempApp(t)
	u2 := New(a, a.NewWindow("again"), Options{DraftsDir: dir, Synchronous: true})
	u2.Start(path)
	dr, err := u2.s.Drafts().Pending()
	if err != nil || dr == nil {
		t.Fatalf("pending draft: %v %v", dr, err)
	}
	u2.files.answerRecovery(dr, false)
	entries, _ := os.ReadDir(dir)
	var aside []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "draft.discarded-") && strings.HasSuffix(e.Name(), ".json") {
			aside = append(aside, e.Name())
		}
	}
	if len(aside) != 1 {
		t.Fatalf("files %v; want one draft.discarded-*.json", entries)
	}
	b, err := os.ReadFile(filepath.Join(dir, aside[0]))
	if err != nil || !strings.Contains(string(b), "4242") {
		t.Errorf("the discarded draft does not hold the typed value: %v", err)
	}
	if cur(u2).Viral.SeedUsers == 4242 {
		t.Error("Discard applied the draft")
	}
}

// TestSaveAsAddsRecentFile: a plan saved under a new name is first in
// File → Open Recent.
func TestSaveAsAddsRecentFile(t *testing.T) {
	u, _ := newTestUI(t)
	typeInto(num(t, u, "viral.seedUsers"), "4321")
	path := filepath.Join(t.TempDir(), "renamed.scaleplan")
	j, err := u.s.Doc().StartSaveAs(path)
	if err != nil {
		t.Fatal(err)
	}
	j.Write()
	if !u.files.saved(u.s.Doc(), u.s.Doc().FinishSave(j)) {
		t.Fatal("save failed")
	}
	if got := u.s.Recent().Stored(); len(got) == 0 || got[0] != path {
		t.Errorf("recent files %v; want %s first", got, path)
	}
}

package app

// Tests added after a mutation audit: each one kills a hand-made mutation
// that the other tests let survive.

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"scaleplan/scenario"
)

// TestUndoBreaksMergingWithEarlierSteps: after an undo, typing into the same
// field again within the merge window must be a new undo step, even when
// older steps are left on the stack (merging into the older step would lose
// the undone-and-retyped edit's own step).
func TestUndoBreaksMergingWithEarlierSteps(t *testing.T) {
	d, clock := sampleDoc(t)
	if err := d.Edit("Rename", func(p *scenario.Plan) error { p.Scenarios[0].Name = "Renamed"; return nil }); err != nil {
		t.Fatal(err)
	}
	clock.add(100 * time.Millisecond)
	if err := setConversion(d, 0.31); err != nil {
		t.Fatal(err)
	}
	d.Undo() // back to "Renamed", conversion as in the sample
	clock.add(100 * time.Millisecond)
	if err := setConversion(d, 0.32); err != nil {
		t.Fatal(err)
	}
	// One undo must take back only the retyped value, keeping the rename.
	if !d.Undo() {
		t.Fatal("nothing to undo")
	}
	if got := d.Plan().Scenarios[0].Name; got != "Renamed" {
		t.Errorf("after one undo the scenario is called %q, want %q (the retyped edit merged into the rename's step)", got, "Renamed")
	}
	if got, want := conversion(d.Plan()), conversion(samplePlan(t)); got != want {
		t.Errorf("after one undo conversion = %v, want the sample's %v", got, want)
	}
	if d.UndoLabel() != "Rename" {
		t.Errorf("UndoLabel = %q, want %q", d.UndoLabel(), "Rename")
	}
}

// replacedFile writes path twice with write and reports whether the second
// write replaced the file (a new file renamed over the path, which is what
// makes a write atomic) rather than rewriting the old one in place.
func replacedFile(t *testing.T, path string, write func() error) bool {
	t.Helper()
	if err := write(); err != nil {
		t.Fatal(err)
	}
	before, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := write(); err != nil {
		t.Fatal(err)
	}
	after, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return !os.SameFile(before, after)
}

// TestSaveReplacesFileAtomically: Save writes a temporary file and renames
// it over the plan, so a crash mid-save never leaves a half-written plan.
// Rewriting the file in place would keep the same file (inode).
func TestSaveReplacesFileAtomically(t *testing.T) {
	d, _ := sampleDoc(t)
	path := filepath.Join(t.TempDir(), "p.scaleplan")
	v := 0.2
	if !replacedFile(t, path, func() error {
		v += 0.01
		if err := setConversion(d, v); err != nil {
			return err
		}
		return d.SaveAs(path)
	}) {
		t.Error("the second save rewrote the plan file in place; want a new file renamed over it")
	}
	if o, err := OpenDocument(path); err != nil || conversion(o.Plan()) != v {
		t.Errorf("reopened: %v", err)
	}
}

// TestDraftReplacesFileAtomically: the autosaved draft is written the same
// way, so a crash while autosaving cannot corrupt the only copy of the work.
func TestDraftReplacesFileAtomically(t *testing.T) {
	d, _ := sampleDoc(t)
	drafts := NewDrafts(t.TempDir())
	v := 0.2
	if !replacedFile(t, drafts.Path(), func() error {
		v += 0.01
		if err := setConversion(d, v); err != nil {
			return err
		}
		drafts.Schedule(d)
		return drafts.Flush()
	}) {
		t.Error("the second draft write rewrote draft.json in place; want a new file renamed over it")
	}
	dr, err := NewDrafts(filepath.Dir(drafts.Path())).Pending()
	if err != nil || dr == nil || conversion(dr.Plan) != v {
		t.Errorf("Pending = %v, %v; want the latest draft", dr, err)
	}
}

package app

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"scaleplan/scenario"
)

// newSession opens the sample plan, saved at a temporary path, in a
// session with its own drafts folder and recent files.
func newSession(t *testing.T) (*Session, string) {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "plan.scaleplan")
	if err := scenario.WriteFile(path, samplePlan(t)); err != nil {
		t.Fatal(err)
	}
	d, err := OpenDocument(path)
	if err != nil {
		t.Fatal(err)
	}
	s := NewSession(NewDrafts(filepath.Join(dir, "drafts")), NewRecent(newMemPrefs()))
	s.SetDocument(d)
	return s, path
}

func TestSessionWaitsForExportsAndSaves(t *testing.T) {
	s, _ := newSession(t)
	ran := 0
	s.WhenIdle(func() { ran++ })
	if ran != 1 {
		t.Fatalf("idle: ran %d times, want at once", ran)
	}
	s.ExportStarted()
	s.ExportStarted()
	s.WhenIdle(func() { ran++ })
	s.ExportDone()
	if ran != 1 || !s.Busy() {
		t.Fatalf("one export of two done: ran %d, busy %v; want to wait", ran, s.Busy())
	}
	j, err := s.Doc().StartSave()
	if err != nil {
		t.Fatal(err)
	}
	s.ExportDone()
	if ran != 1 || !s.Busy() {
		t.Fatalf("exports done, save running: ran %d, busy %v; want to wait", ran, s.Busy())
	}
	j.Write()
	s.RunWhenIdle() // too early: the save is not finished
	if ran != 1 {
		t.Fatal("ran before the save was finished")
	}
	if err := s.Doc().FinishSave(j); err != nil {
		t.Fatal(err)
	}
	s.RunWhenIdle()
	s.RunWhenIdle()
	if ran != 2 || s.Busy() {
		t.Errorf("after the save: ran %d, busy %v; want 2 and idle", ran, s.Busy())
	}
}

func TestSessionQuitWaitsOnce(t *testing.T) {
	s, _ := newSession(t)
	quits := 0
	var quit func()
	quit = func() {
		if !s.QuitWhenIdle(quit) {
			quits++
		}
	}
	quit()
	if quits != 1 {
		t.Fatalf("idle: %d quits, want 1", quits)
	}
	s.ExportStarted()
	quit()
	quit() // asked twice while the export is written
	if quits != 1 {
		t.Fatalf("busy: %d quits, want still 1", quits)
	}
	s.ExportDone()
	if quits != 2 {
		t.Errorf("after the export: %d quits, want 2 (one more)", quits)
	}
}

func TestSessionComputedDropsLateResults(t *testing.T) {
	s, _ := newSession(t)
	old := s.Changed()
	rs, err := scenario.ComputePlan(old)
	if err != nil {
		t.Fatal(err)
	}
	if fresh, show := s.Computed(old, rs, nil); !fresh || !show {
		t.Fatalf("results of the plan asked for: fresh %v show %v", fresh, show)
	}
	if p, got := s.Results(); p != old || len(got) != 3 {
		t.Fatalf("results shown: plan %p (want %p), %d results", p, old, len(got))
	}
	if err := s.Doc().AddStage(0); err != nil {
		t.Fatal(err)
	}
	now := s.Changed()
	if fresh, _ := s.Computed(old, rs, nil); fresh {
		t.Error("late results of an older plan were taken")
	}
	bad := errors.New("no stages")
	if fresh, show := s.Computed(now, nil, bad); !fresh || show {
		t.Errorf("an error: fresh %v show %v; want fresh, nothing to show", fresh, show)
	}
	if p, _ := s.Results(); p != old {
		t.Error("an error replaced the results shown")
	}
	if msg, sev := s.Status(nil); msg != "Cannot compute: no stages" || sev != Problem {
		t.Errorf("status %q %v", msg, sev)
	}
	s.SetDocument(NewDocument(scenario.NewPlan("Untitled"), ""))
	if p, rs := s.Results(); p != nil || rs != nil {
		t.Error("a new document shows the old one's results")
	}
}

func TestSessionSelection(t *testing.T) {
	s, _ := newSession(t)
	if s.Select(3) || s.Select(-1) || s.Selected() != 0 {
		t.Fatalf("selected %d after selecting rows that do not exist", s.Selected())
	}
	if !s.Select(2) || s.Scenario().Name != "Conservative" {
		t.Fatalf("selected %d (%s), want 2 Conservative", s.Selected(), s.Scenario().Name)
	}
	// Typing into one field merges, but not across a selection.
	d := s.Doc()
	for i, v := range []float64{0.3, 0.31} {
		if i == 1 {
			s.Select(2)
		}
		if err := d.EditField("Edit", "k", func(p *scenario.Plan) error { p.Scenarios[2].Viral.InviteConversion = v; return nil }); err != nil {
			t.Fatal(err)
		}
	}
	d.Undo()
	if got := d.Plan().Scenarios[2].Viral.InviteConversion; got != 0.3 {
		t.Errorf("one undo after selecting between two edits gave %v, want 0.3", got)
	}
	if err := d.DeleteScenario(2); err != nil {
		t.Fatal(err)
	}
	s.Changed()
	if s.Selected() != 1 {
		t.Errorf("after deleting the selected last scenario, selected %d, want 1", s.Selected())
	}
}

func TestSessionDrafts(t *testing.T) {
	s, path := newSession(t)
	draft := s.Drafts().Path()
	exists := func() bool { _, err := os.Stat(draft); return err == nil }
	if err := setConversion(s.Doc(), 0.3); err != nil {
		t.Fatal(err)
	}
	s.Changed()
	if err := s.Drafts().Flush(); err != nil || !exists() {
		t.Fatalf("no draft after an edit: %v", err)
	}
	// While the recover question is open, nothing touches the draft.
	s.SetRecovering(true)
	if err := s.DropDraft(); err != nil || !exists() {
		t.Fatalf("the draft went while recovering: %v", err)
	}
	s.SetRecovering(false)
	// A save with an edit made meanwhile keeps a draft of that edit.
	j, _ := s.Doc().StartSave()
	if err := setConversion(s.Doc(), 0.4); err != nil {
		t.Fatal(err)
	}
	j.Write()
	if err := s.Doc().FinishSave(j); err != nil {
		t.Fatal(err)
	}
	if err := s.Saved(s.Doc()); err != nil {
		t.Fatal(err)
	}
	if got := s.Recent().Stored(); len(got) != 1 || got[0] != path {
		t.Errorf("recent %v, want %s", got, path)
	}
	if err := s.Drafts().Flush(); err != nil || !exists() {
		t.Fatalf("the draft of the edit made during the save went: %v", err)
	}
	// A clean save removes it.
	if err := s.Doc().Save(); err != nil {
		t.Fatal(err)
	}
	if err := s.Saved(s.Doc()); err != nil || exists() {
		t.Errorf("after a clean save the draft is still there: %v", err)
	}
}

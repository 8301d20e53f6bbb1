package app

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"scaleplan/scenario"
)

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// TestAutosaveAndRecoverAfterCrash types a value, lets the debounced autosave
// write the draft, then "crashes" (drops every object) and starts again over
// the same folder.
func TestAutosaveAndRecoverAfterCrash(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(t.TempDir(), "mine.scaleplan")
	d, _ := sampleDoc(t)
	if err := d.SaveAs(file); err != nil {
		t.Fatal(err)
	}
	drafts := NewDrafts(dir)
	d.OnChange(func() { drafts.Schedule(d) })
	start := time.Now()
	if err := setConversion(d, 0.37); err != nil {
		t.Fatal(err)
	}
	eventually(t, 3*time.Second, "no draft written", func() bool { return fileExists(drafts.Path()) })
	t.Logf("draft written %v after the edit", time.Since(start).Round(time.Millisecond))
	if err := drafts.LastError(); err != nil {
		t.Fatal(err)
	}

	// crash: nothing is flushed or cleared; a new process looks at the folder
	again := NewDrafts(dir)
	dr, err := again.Pending()
	if err != nil || dr == nil {
		t.Fatalf("Pending = %v, %v; want the draft", dr, err)
	}
	if dr.Path != file || conversion(dr.Plan) != 0.37 || time.Since(dr.Saved) > time.Minute {
		t.Errorf("draft path %q value %v saved %v", dr.Path, conversion(dr.Plan), dr.Saved)
	}
	r := again.Recover(dr)
	if !r.Dirty() || r.Path() != file || conversion(r.Plan()) != 0.37 || r.Title() != "*mine.scaleplan — Scaleplan" {
		t.Errorf("recovered: dirty=%v path=%q value=%v title=%q", r.Dirty(), r.Path(), conversion(r.Plan()), r.Title())
	}
	if err := r.Save(); err != nil || r.Dirty() {
		t.Fatalf("saving the recovered document: %v", err)
	}
	if err := again.Clear(); err != nil || fileExists(again.Path()) {
		t.Errorf("Clear: %v; draft still there: %v", err, fileExists(again.Path()))
	}
	if dr, err := again.Pending(); dr != nil || err != nil {
		t.Errorf("after Clear, Pending = %v, %v", dr, err)
	}
	if o, err := OpenDocument(file); err != nil || conversion(o.Plan()) != 0.37 {
		t.Errorf("reopened: %v", err)
	}
}

func TestSteadyTypingStillAutosaves(t *testing.T) {
	dir := t.TempDir()
	a := NewDrafts(dir)
	a.delay, a.maxWait = 300*time.Millisecond, 600*time.Millisecond
	// The loop leaves a write scheduled: cancel it (and wait for one in
	// flight) before the folder is removed, or the removal can race it.
	t.Cleanup(func() { a.Clear() })
	d, _ := sampleDoc(t)
	v := 0.2
	eventually(t, 10*time.Second, "no draft while typing steadily", func() bool {
		v += 0.0001
		setConversion(d, v)
		a.Schedule(d) // every ~10 ms, far more often than the debounce delay
		return fileExists(a.Path())
	})
}

func TestFlushAndClear(t *testing.T) {
	dir := t.TempDir()
	a := NewDrafts(dir)
	d, _ := sampleDoc(t)
	if err := a.Flush(); err != nil || fileExists(a.Path()) {
		t.Fatalf("Flush with nothing scheduled: %v", err)
	}
	setConversion(d, 0.31)
	a.Schedule(d)
	setConversion(d, 0.32) // after Schedule: the snapshot was taken at call time
	if err := a.Flush(); err != nil {
		t.Fatal(err)
	}
	dr, err := NewDrafts(dir).Pending()
	if err != nil || dr == nil || conversion(dr.Plan) != 0.31 || dr.Path != "" {
		t.Fatalf("Pending = %+v, %v; want the 0.31 snapshot of an untitled plan", dr, err)
	}

	a.Schedule(d)
	if err := a.Clear(); err != nil || fileExists(a.Path()) {
		t.Fatalf("Clear: %v", err)
	}
	time.Sleep(a.delay + 200*time.Millisecond) // the cancelled write must not come back
	if fileExists(a.Path()) {
		t.Error("a write scheduled before Clear recreated the draft")
	}
}

func TestScheduleCleanDocumentRemovesDraft(t *testing.T) {
	a := NewDrafts(t.TempDir())
	d, _ := sampleDoc(t)
	setConversion(d, 0.31)
	a.Schedule(d)
	a.Flush()
	d.Undo() // clean again: nothing to recover
	a.Schedule(d)
	if err := a.Flush(); err != nil || fileExists(a.Path()) {
		t.Errorf("draft of a clean document: %v, exists=%v", err, fileExists(a.Path()))
	}
}

func TestCorruptDraftIsMovedAside(t *testing.T) {
	p := samplePlan(t)
	plan := string(mustEncode(t, p))
	newerPlan := strings.Replace(plan, `"version": 2`, `"version": 7`, 1)
	wrap := func(version, plan string) string {
		return `{"format": "scaleplan-draft", "version": ` + version + `, "path": "", "saved": "2025-01-01T00:00:00Z", "plan": ` + plan + `}`
	}
	for _, tc := range []struct{ name, content, want string }{
		{"garbage", "\x00\x01 not json", "invalid character"},
		{"truncated", wrap("1", plan)[:200], "unexpected end of JSON"},
		{"empty", "", "empty"},
		{"other format", `{"format": "something"}`, "not a Scaleplan draft"},
		{"newer draft", wrap("2", plan), "newer version"},
		{"newer plan", wrap("1", newerPlan), "newer version"},
		{"invalid plan", wrap("1", strings.Replace(plan, `"horizonMonths": 36`, `"horizonMonths": 0`, 1)), "horizonMonths"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			a := NewDrafts(dir)
			if err := os.WriteFile(a.Path(), []byte(tc.content), 0o644); err != nil {
				t.Fatal(err)
			}
			dr, err := a.Pending()
			if dr != nil || err == nil || !strings.Contains(strings.Split(err.Error(), "(kept as")[0], tc.want) {
				t.Fatalf("Pending = %v, %v; want an error mentioning %q", dr, err, tc.want)
			}
			aside, _ := filepath.Glob(filepath.Join(dir, "draft.corrupt-*.json"))
			if len(aside) != 1 || !strings.Contains(err.Error(), aside[0]) {
				t.Fatalf("moved aside: %q; error %v should name it", aside, err)
			}
			if b, _ := os.ReadFile(aside[0]); string(b) != tc.content {
				t.Error("the moved draft's content changed")
			}
			if dr, err := a.Pending(); dr != nil || err != nil {
				t.Errorf("second Pending = %v, %v; want nothing", dr, err)
			}
		})
	}
}

func TestDraftWriteErrorIsReportedAndRetried(t *testing.T) {
	parent := t.TempDir()
	blocker := filepath.Join(parent, "storage")
	if err := os.WriteFile(blocker, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	a := NewDrafts(filepath.Join(blocker, "drafts")) // its parent is a file: cannot be created
	d, _ := sampleDoc(t)
	setConversion(d, 0.41)
	a.Schedule(d)
	err := a.Flush()
	if err == nil || !strings.HasPrefix(err.Error(), "autosave: ") || a.LastError() == nil {
		t.Fatalf("Flush = %v, LastError = %v; want the write error", err, a.LastError())
	}
	// the folder becomes writable: the failed draft is written on the next Flush
	os.Remove(blocker)
	if err := a.Flush(); err != nil || a.LastError() != nil {
		t.Fatalf("retry: %v / %v", err, a.LastError())
	}
	dr, err := NewDrafts(filepath.Join(blocker, "drafts")).Pending()
	if err != nil || dr == nil || conversion(dr.Plan) != 0.41 {
		t.Errorf("Pending after retry = %v, %v", dr, err)
	}
}

func TestPendingWithoutDraft(t *testing.T) {
	for _, dir := range []string{t.TempDir(), filepath.Join(t.TempDir(), "never-created")} {
		if dr, err := NewDrafts(dir).Pending(); dr != nil || err != nil {
			t.Errorf("%s: Pending = %v, %v", dir, dr, err)
		}
	}
}

func TestRecoverUntitled(t *testing.T) {
	p := samplePlan(t)
	r := NewDrafts(t.TempDir()).Recover(&Draft{Plan: p})
	if !r.Dirty() || r.Path() != "" || r.Title() != "*Untitled — Scaleplan" {
		t.Errorf("recovered untitled: dirty=%v path=%q title=%q", r.Dirty(), r.Path(), r.Title())
	}
	if err := r.Save(); !errors.Is(err, ErrUntitled) {
		t.Errorf("Save: %v", err)
	}
	_ = scenario.Version
}

func TestEmptyDraftsDirIsNotTheWorkingDirectory(t *testing.T) {
	a := NewDrafts("")
	if !filepath.IsAbs(a.Path()) || a.Path() != filepath.Join(DefaultDraftsDir(), DraftFile) {
		t.Errorf("NewDrafts(\"\").Path() = %q", a.Path())
	}
}

// TestPreviousDraftIsNeverLost: a new session that schedules before asking
// Pending (the UI shows the sample plan first) must not destroy the crash
// draft of the previous session.
func TestPreviousDraftIsNeverLost(t *testing.T) {
	dir := t.TempDir()
	old := NewDrafts(dir)
	d, _ := sampleDoc(t)
	setConversion(d, 0.44)
	old.Schedule(d)
	if err := old.Flush(); err != nil {
		t.Fatal(err)
	}
	crashDraft, _ := os.ReadFile(old.Path())

	// next session: a clean document is scheduled before Pending is asked
	next := NewDrafts(dir)
	clean, _ := sampleDoc(t)
	next.Schedule(clean)
	if err := next.Flush(); err != nil {
		t.Fatal(err)
	}
	if dr, err := next.Pending(); err != nil || dr == nil || conversion(dr.Plan) != 0.44 {
		t.Fatalf("Pending after a clean Schedule = %v, %v; want the crash draft", dr, err)
	}

	// a third session writes new work without asking Pending: the old draft is kept aside
	third := NewDrafts(dir)
	setConversion(clean, 0.45)
	third.Schedule(clean)
	if err := third.Flush(); err != nil {
		t.Fatal(err)
	}
	aside, _ := filepath.Glob(filepath.Join(dir, "draft.unrecovered-*.json"))
	if len(aside) != 1 {
		t.Fatalf("unrecovered drafts kept aside: %q", aside)
	}
	if b, _ := os.ReadFile(aside[0]); string(b) != string(crashDraft) {
		t.Error("the kept draft differs from the crash draft")
	}
	if dr, err := NewDrafts(dir).Pending(); err != nil || conversion(dr.Plan) != 0.45 {
		t.Errorf("Pending = %v, %v; want the new draft", dr, err)
	}

	// Clear in a session that never asked Pending also keeps the draft aside
	fourth := NewDrafts(dir)
	if err := fourth.Clear(); err != nil {
		t.Fatal(err)
	}
	if aside, _ := filepath.Glob(filepath.Join(dir, "draft.unrecovered-*.json")); len(aside) != 2 {
		t.Errorf("unrecovered drafts after Clear: %q", aside)
	}
}

// TestDraftSurvivesWhileRecoveryIsOffered follows the UI's start: Pending
// finds the crash draft, a clean sample plan is shown and scheduled while the
// "Recover?" dialog is open. The draft must stay on disk until the user
// answers: a second crash at that moment must not lose it.
func TestDraftSurvivesWhileRecoveryIsOffered(t *testing.T) {
	for _, answer := range []string{"crash again", "recover", "discard"} {
		t.Run(answer, func(t *testing.T) {
			dir := t.TempDir()
			prev := NewDrafts(dir)
			typed, _ := sampleDoc(t)
			setConversion(typed, 0.46)
			prev.Schedule(typed)
			if err := prev.Flush(); err != nil {
				t.Fatal(err)
			}

			a := NewDrafts(dir)
			dr, err := a.Pending()
			if err != nil || dr == nil {
				t.Fatalf("Pending = %v, %v", dr, err)
			}
			shown, _ := sampleDoc(t)
			a.Schedule(shown) // clean
			if err := a.Flush(); err != nil {
				t.Fatal(err)
			}
			switch answer {
			case "recover":
				r := a.Recover(dr)
				a.Schedule(r)
				if err := a.Flush(); err != nil {
					t.Fatal(err)
				}
			case "discard":
				if err := a.Discard(); err != nil {
					t.Fatal(err)
				}
				if fileExists(a.Path()) {
					t.Error("Discard left the draft to recover")
				}
				aside, _ := filepath.Glob(filepath.Join(dir, "draft.discarded-*.json"))
				if len(aside) != 1 {
					t.Errorf("Discard kept %d copies aside, want 1", len(aside))
				}
				return
			}
			got, err := NewDrafts(dir).Pending()
			if err != nil || got == nil || conversion(got.Plan) != 0.46 {
				t.Errorf("after %s: Pending = %v, %v; want the typed work", answer, got, err)
			}
		})
	}
}

func TestOnErrorReportsFailureAndRecovery(t *testing.T) {
	d, _ := sampleDoc(t)
	dir := filepath.Join(t.TempDir(), "drafts")
	if err := os.WriteFile(dir, nil, 0o644); err != nil { // the folder is a file
		t.Fatal(err)
	}
	drafts := NewDrafts(dir)
	var got []error
	drafts.OnError(func(err error) { got = append(got, err) })
	setConversion(d, 0.3)
	drafts.Schedule(d)
	if err := drafts.Flush(); err == nil || len(got) != 1 || got[0] == nil {
		t.Fatalf("failed write: err %v, reported %v", err, got)
	}
	if err := os.Remove(dir); err != nil {
		t.Fatal(err)
	}
	if err := drafts.Flush(); err != nil || len(got) != 2 || got[1] != nil {
		t.Fatalf("retried write: err %v, reported %v", err, got)
	}
	drafts.Schedule(d)
	drafts.Flush()
	if len(got) != 2 {
		t.Errorf("a success after a success was reported: %v", got)
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

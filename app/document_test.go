package app

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"scaleplan/scenario"
)

func TestSaveOpenRoundTrip(t *testing.T) {
	d, _ := sampleDoc(t)
	if err := setConversion(d, 0.25); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "plan")
	if err := d.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	if want := path + ".scaleplan"; d.Path() != want {
		t.Errorf("Path() = %q, want %q", d.Path(), want)
	}
	if d.Dirty() || d.Title() != "plan.scaleplan — Scaleplan" {
		t.Errorf("after SaveAs: dirty=%v title=%q", d.Dirty(), d.Title())
	}
	o, err := OpenDocument(d.Path())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(o.Plan(), d.Plan()) {
		t.Error("opened plan differs from the saved one")
	}
	if o.Dirty() || o.CanUndo() || o.CanRedo() || o.Path() != d.Path() {
		t.Errorf("opened: dirty=%v undo=%v redo=%v path=%q", o.Dirty(), o.CanUndo(), o.CanRedo(), o.Path())
	}
	if conversion(o.Plan()) != 0.25 {
		t.Errorf("conversion = %v, want 0.25", conversion(o.Plan()))
	}
}

func TestSaveAsExtension(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct{ in, want string }{
		{"a", "a.scaleplan"},
		{"b.scaleplan", "b.scaleplan"},
		{"c.SCALEPLAN", "c.SCALEPLAN"},
		{"d.json", "d.json.scaleplan"},
	} {
		d, _ := sampleDoc(t)
		if err := d.SaveAs(filepath.Join(dir, tc.in)); err != nil {
			t.Fatal(err)
		}
		if got := filepath.Base(d.Path()); got != tc.want {
			t.Errorf("SaveAs(%q): file %q, want %q", tc.in, got, tc.want)
		}
		if _, err := os.Stat(d.Path()); err != nil {
			t.Error(err)
		}
	}
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	valid := string(mustEncode(t, samplePlan(t)))
	for _, tc := range []struct {
		name, content, want string
		check               func(error) bool
	}{
		{"missing", "", "no such file", func(err error) bool { return errors.Is(err, os.ErrNotExist) }},
		{"syntax", `{"format": "scaleplan", "version": 1,,}`, "line 1", nil},
		{"newer", `{"format": "scaleplan", "version": 99, "scenarios": []}`, "newer version", func(err error) bool { return errors.Is(err, scenario.ErrNewerVersion) }},
		{"invalid", strings.Replace(valid, `"inviteConversion": 0.2`, `"inviteConversion": 1.5`, 1), "scenarios[0].viral.inviteConversion", func(err error) bool {
			var es scenario.Errors
			return errors.As(err, &es) && es[0].Path == "scenarios[0].viral.inviteConversion"
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, tc.name+".scaleplan")
			if tc.content != "" {
				if tc.name == "invalid" && tc.content == valid {
					t.Fatal("sample plan has no inviteConversion 0.2 to break")
				}
				os.WriteFile(path, []byte(tc.content), 0o644)
			}
			d, err := OpenDocument(path)
			if err == nil || d != nil {
				t.Fatalf("OpenDocument = %v, %v; want an error", d, err)
			}
			if !strings.HasPrefix(err.Error(), "open: ") || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q should start with \"open: \" and mention %q", err, tc.want)
			}
			if tc.check != nil && !tc.check(err) {
				t.Errorf("error %q has the wrong kind", err)
			}
		})
	}
}

func mustEncode(t *testing.T, p *scenario.Plan) []byte {
	t.Helper()
	b, err := scenario.Encode(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestNameAndTitle(t *testing.T) {
	d, _ := sampleDoc(t)
	if d.Name() != "Untitled" || d.Title() != "Untitled — Scaleplan" {
		t.Errorf("untitled: %q %q", d.Name(), d.Title())
	}
	setConversion(d, 0.3)
	if d.Title() != "*Untitled — Scaleplan" {
		t.Errorf("dirty untitled title %q", d.Title())
	}
	d2 := NewDocument(samplePlan(t), "/tmp/x/sample.scaleplan")
	if d2.Name() != "sample.scaleplan" || d2.Title() != "sample.scaleplan — Scaleplan" {
		t.Errorf("titled: %q %q", d2.Name(), d2.Title())
	}
}

// TestDirtyTracking walks edit/undo/redo/save and checks the dirty flag and
// the value after each step.
func TestDirtyTracking(t *testing.T) {
	d, clock := sampleDoc(t)
	d.path = filepath.Join(t.TempDir(), "p.scaleplan")
	orig := conversion(d.Plan())
	steps := []struct {
		do    func() error
		dirty bool
		value float64
	}{
		{func() error { return setConversion(d, 0.3) }, true, 0.3},
		{undo(d), false, orig},
		{redo(d), true, 0.3},
		{d.Save, false, 0.3},
		{func() error { clock.add(2 * time.Second); return setConversion(d, 0.4) }, true, 0.4},
		{undo(d), false, 0.3}, // back to the saved state: clean
		{undo(d), true, orig}, // Save kept the history
		{redo(d), false, 0.3},
		{redo(d), true, 0.4},
		{d.Save, false, 0.4},
	}
	for i, s := range steps {
		if err := s.do(); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
		if d.Dirty() != s.dirty || conversion(d.Plan()) != s.value {
			t.Fatalf("step %d: dirty=%v value=%v, want %v %v", i, d.Dirty(), conversion(d.Plan()), s.dirty, s.value)
		}
		if strings.HasPrefix(d.Title(), "*") != s.dirty {
			t.Fatalf("step %d: title %q", i, d.Title())
		}
	}
}

func undo(d *Document) func() error {
	return func() error {
		if !d.Undo() {
			return errors.New("nothing to undo")
		}
		return nil
	}
}

func redo(d *Document) func() error {
	return func() error {
		if !d.Redo() {
			return errors.New("nothing to redo")
		}
		return nil
	}
}

func TestEditMerging(t *testing.T) {
	type edit struct {
		label string
		after time.Duration // clock advance before the edit
		undo  bool          // undo instead of editing
		plain bool          // Edit instead of EditField
	}
	e := func(label string, after time.Duration) edit { return edit{label: label, after: after} }
	for _, tc := range []struct {
		name   string
		edits  []edit
		undos  int // undo steps expected afterwards
		labels string
	}{
		{"typing in one field merges", []edit{e("A", 0), e("A", 300*time.Millisecond), e("A", 900*time.Millisecond)}, 1, "A"},
		{"a pause of 1 s starts a new step", []edit{e("A", 0), e("A", time.Second)}, 2, "A,A"},
		{"another label starts a new step", []edit{e("A", 0), e("B", 100*time.Millisecond), e("A", 100*time.Millisecond)}, 3, "A,B,A"},
		{"plain edits never merge", []edit{{label: "P", plain: true}, {label: "P", after: 100 * time.Millisecond, plain: true}}, 2, "P,P"},
		{"undo breaks merging", []edit{e("A", 0), e("A", 100*time.Millisecond), {undo: true}, e("A", 100*time.Millisecond)}, 1, "A"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, clock := sampleDoc(t)
			v := 0.1
			for _, ed := range tc.edits {
				if ed.undo {
					d.Undo()
					continue
				}
				clock.add(ed.after)
				v += 0.01
				set := func(p *scenario.Plan) error { p.Scenarios[0].Viral.InviteConversion = v; return nil }
				edit := func() error { return d.EditField(ed.label, ed.label, set) }
				if ed.plain {
					edit = func() error { return d.Edit(ed.label, set) }
				}
				err := edit()
				if err != nil {
					t.Fatal(err)
				}
			}
			var labels []string
			for d.CanUndo() {
				labels = append([]string{d.UndoLabel()}, labels...)
				d.Undo()
			}
			if len(labels) != tc.undos || strings.Join(labels, ",") != tc.labels {
				t.Errorf("undo steps %q, want %d: %q", labels, tc.undos, tc.labels)
			}
			if d.Dirty() || !reflect.DeepEqual(d.Plan(), samplePlan(t)) {
				t.Error("undoing everything should restore the opened plan, clean")
			}
		})
	}
}

func TestSaveBreaksMerging(t *testing.T) {
	d, clock := sampleDoc(t)
	d.path = filepath.Join(t.TempDir(), "p.scaleplan")
	setConversion(d, 0.3)
	if err := d.Save(); err != nil {
		t.Fatal(err)
	}
	clock.add(100 * time.Millisecond)
	setConversion(d, 0.4)
	d.Undo()
	if d.Dirty() || conversion(d.Plan()) != 0.3 {
		t.Errorf("undo after save+edit: dirty=%v value=%v; want the saved state", d.Dirty(), conversion(d.Plan()))
	}
}

func TestInvalidEditChangesNothing(t *testing.T) {
	boom := errors.New("boom")
	for _, tc := range []struct {
		name  string
		fn    func(p *scenario.Plan) error
		check func(t *testing.T, err error)
	}{
		{"out of range", func(p *scenario.Plan) error { p.Scenarios[1].Viral.InviteConversion = 1.5; return nil },
			func(t *testing.T, err error) {
				var es scenario.Errors
				if !errors.As(err, &es) || len(es) != 1 || es[0].Path != "scenarios[1].viral.inviteConversion" {
					t.Errorf("error %#v, want scenario.Errors at scenarios[1].viral.inviteConversion", err)
				}
			}},
		{"duplicate name", func(p *scenario.Plan) error { p.Scenarios[1].Name = p.Scenarios[0].Name; return nil },
			func(t *testing.T, err error) {
				var es scenario.Errors
				if !errors.As(err, &es) || es[0].Path != "scenarios[1].name" {
					t.Errorf("error %v, want scenarios[1].name", err)
				}
			}},
		{"fn fails after mutating", func(p *scenario.Plan) error { p.Scenarios[0].Name = "Changed"; return boom },
			func(t *testing.T, err error) {
				if err != boom {
					t.Errorf("error %v, want fn's own error", err)
				}
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, _ := sampleDoc(t)
			calls := 0
			d.OnChange(func() { calls++ })
			before := d.Plan()
			err := d.Edit("Edit", tc.fn)
			tc.check(t, err)
			if d.Plan() != before || !reflect.DeepEqual(before, samplePlan(t)) {
				t.Error("the plan changed")
			}
			if d.Dirty() || d.CanUndo() || calls != 0 {
				t.Errorf("dirty=%v canUndo=%v listener calls=%d; want nothing to happen", d.Dirty(), d.CanUndo(), calls)
			}
		})
	}
}

func TestNoOpEditDoesNothing(t *testing.T) {
	d, _ := sampleDoc(t)
	calls := 0
	d.OnChange(func() { calls++ })
	if err := setConversion(d, conversion(d.Plan())); err != nil {
		t.Fatal(err)
	}
	if d.Dirty() || d.CanUndo() || calls != 0 {
		t.Errorf("no-op edit: dirty=%v canUndo=%v calls=%d", d.Dirty(), d.CanUndo(), calls)
	}
}

func TestEditClearsRedoAndSnapshotIsACopy(t *testing.T) {
	d, _ := sampleDoc(t)
	setConversion(d, 0.3)
	d.Undo()
	if !d.CanRedo() || d.RedoLabel() != "Edit Invite conversion" {
		t.Fatalf("redo %v %q", d.CanRedo(), d.RedoLabel())
	}
	setConversion(d, 0.35)
	if d.CanRedo() || d.RedoLabel() != "" {
		t.Error("a new edit should clear redo")
	}
	s := d.Snapshot()
	s.Scenarios[0].Viral.InviteConversion = 0.9
	s.Scenarios[0].Sales.Stages[0].Name = "X"
	if conversion(d.Plan()) != 0.35 || d.Plan().Scenarios[0].Sales.Stages[0].Name == "X" {
		t.Error("changing a snapshot changed the document")
	}
}

func TestOnChangeRunsAfterEveryChange(t *testing.T) {
	d, _ := sampleDoc(t)
	var titles []string
	d.OnChange(func() { titles = append(titles, d.Title()) })
	setConversion(d, 0.3)
	d.Undo()
	d.Redo()
	if err := d.SaveAs(filepath.Join(t.TempDir(), "t")); err != nil {
		t.Fatal(err)
	}
	d.Save()
	want := []string{"*Untitled — Scaleplan", "Untitled — Scaleplan", "*Untitled — Scaleplan", "t.scaleplan — Scaleplan", "t.scaleplan — Scaleplan"}
	if !reflect.DeepEqual(titles, want) {
		t.Errorf("titles seen by listeners %q, want %q", titles, want)
	}
}

func TestSaveFailureKeepsWork(t *testing.T) {
	bad := unwritableDir(t)
	d, _ := sampleDoc(t)
	good := filepath.Join(t.TempDir(), "good.scaleplan")
	if err := d.SaveAs(good); err != nil {
		t.Fatal(err)
	}
	setConversion(d, 0.33)
	calls := 0
	d.OnChange(func() { calls++ })

	err := d.SaveAs(filepath.Join(bad, "plan.scaleplan"))
	if err == nil || !strings.HasPrefix(err.Error(), "save as: ") {
		t.Fatalf("SaveAs into %s: error %v, want a wrapped error", bad, err)
	}
	var pe *os.PathError
	if !errors.As(err, &pe) {
		t.Errorf("error %v should wrap the *os.PathError", err)
	}
	if d.Path() != good || !d.Dirty() || conversion(d.Plan()) != 0.33 || !d.CanUndo() || calls != 0 {
		t.Errorf("after failed SaveAs: path=%q dirty=%v value=%v undo=%v calls=%d", d.Path(), d.Dirty(), conversion(d.Plan()), d.CanUndo(), calls)
	}
	if o, err := OpenDocument(good); err != nil || conversion(o.Plan()) == 0.33 {
		t.Errorf("the old file should be untouched: %v", err)
	}

	d.path = filepath.Join(bad, "plan.scaleplan") // Save to a path that went bad
	if err := d.Save(); err == nil || !strings.HasPrefix(err.Error(), "save: ") || !d.Dirty() {
		t.Errorf("Save: error %v dirty %v", err, d.Dirty())
	}
	d.path = good
	if err := d.Save(); err != nil || d.Dirty() {
		t.Errorf("Save after fixing the path: %v dirty=%v", err, d.Dirty())
	}
}

func TestSaveUntitled(t *testing.T) {
	d, _ := sampleDoc(t)
	setConversion(d, 0.3)
	if err := d.Save(); !errors.Is(err, ErrUntitled) || !d.Dirty() {
		t.Errorf("Save untitled: %v dirty=%v", err, d.Dirty())
	}
	if err := d.SaveAs("  "); err == nil {
		t.Error("SaveAs with a blank name should fail")
	}
}

func TestAtomicSaveLeavesNoTempFiles(t *testing.T) {
	dir := t.TempDir()
	d, _ := sampleDoc(t)
	for i := 0; i < 3; i++ {
		if err := d.SaveAs(filepath.Join(dir, "p")); err != nil {
			t.Fatal(err)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("folder holds %d files, want only p.scaleplan", len(entries))
	}
}

func TestSampleDocument(t *testing.T) {
	d, err := SampleDocument()
	if err != nil {
		t.Fatal(err)
	}
	if d.Dirty() || d.Path() != "" || len(d.Plan().Scenarios) != 3 {
		t.Errorf("sample: dirty=%v path=%q scenarios=%d", d.Dirty(), d.Path(), len(d.Plan().Scenarios))
	}
}

// A panic in an edit function (an index past the end of a slice, as the
// UI's table cells can produce) escapes Document.Edit and takes the app
// down; Edit should turn it into an error and leave the plan unchanged.
func TestEditRecoversPanic(t *testing.T) {
	d, _ := sampleDoc(t)
	var err error
	func() {
		defer func() {
			if v := recover(); v != nil {
				t.Fatalf("Edit let a panic through: %v", v)
			}
		}()
		err = d.Edit("Edit Stage name", func(p *scenario.Plan) error {
			p.Scenarios[0].Sales.Stages[99].Name = "x"
			return nil
		})
	}()
	if err == nil || d.Dirty() {
		t.Errorf("err %v, dirty %v: want an error and no change", err, d.Dirty())
	}
}

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

// TestEditTypingIsOneStep: an edit typed slowly (seconds between keys) is
// one undo step until EndMerge; typing back to the starting value removes
// the step and leaves a saved document clean.
func TestEditTypingIsOneStep(t *testing.T) {
	d := NewDocument(scenario.NewPlan("P"), "")
	clock := time.Unix(0, 0)
	d.now = func() time.Time { return clock }
	set := func(v float64) {
		t.Helper()
		clock = clock.Add(5 * time.Second) // far beyond MergeWindow
		if err := d.EditTyping("Edit Seed users", "s/viral.seedUsers", func(p *scenario.Plan) error {
			p.Scenarios[0].Viral.SeedUsers = v
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	start := d.Plan().Scenarios[0].Viral.SeedUsers
	set(1)
	set(12)
	set(123)
	if n := len(d.undo); n != 1 {
		t.Fatalf("%d undo steps after one slow edit, want 1", n)
	}
	set(start) // typed back to where the edit began
	if d.CanUndo() || d.Dirty() {
		t.Errorf("an edit that undid itself: can undo %v, dirty %v; want neither", d.CanUndo(), d.Dirty())
	}
	set(7)
	d.EndMerge()
	set(8) // a new edit
	if n := len(d.undo); n != 2 {
		t.Fatalf("%d undo steps after two edits, want 2", n)
	}
	d.Undo()
	if got := d.Plan().Scenarios[0].Viral.SeedUsers; got != 7 {
		t.Errorf("undo of the second edit gives %v, want 7", got)
	}
	d.Undo()
	if got := d.Plan().Scenarios[0].Viral.SeedUsers; got != start {
		t.Errorf("undo of the first edit gives %v, want %v", got, start)
	}
}

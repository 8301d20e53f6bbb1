package ui

// Review findings as tests: each one reproduced a defect and now guards
// its fix.

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"scaleplan/scenario"
)

// A focused entry of a table row that an undo removes stays focused (fyne
// keeps focus on detached widgets; Ctrl+Z is a main-menu shortcut, so it
// reaches the document even while an entry has the focus). Typing then
// runs the detached field's setter with a row index past the end:
// index out of range inside Document.Edit, which does not recover, so the
// app crashes.
func TestReviewTypingIntoRowRemovedByUndoPanics(t *testing.T) {
	u, _ := newTestUI(t)
	u.tabs.SelectIndex(2) // Sales team
	n := len(cur(u).Sales.Stages)
	if err := u.editScenario("Add stage", func(s *scenario.Scenario) error {
		s.Sales.Stages = append(s.Sales.Stages, scenario.Stage{Name: "New", MinARR: 1e9})
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	name := findField(t, u, fmt.Sprintf("sales.stages[%d].name", n)).(*field[string])
	u.win.Canvas().Focus(name.entry)
	if u.win.Canvas().Focused() != name.entry {
		t.Fatal("could not focus the new row's name")
	}
	u.undo() // Ctrl+Z: the row goes away, the entry keeps the focus
	if got := len(cur(u).Sales.Stages); got != n {
		t.Fatalf("undo left %d stages, want %d", got, n)
	}
	var crash any
	func() {
		defer func() { crash = recover() }()
		// What the desktop driver does with a key press: the focused
		// object gets the rune.
		if f := u.win.Canvas().Focused(); f != nil {
			f.TypedRune('x')
		}
	}()
	if crash != nil {
		t.Fatalf("typing after undo panicked: %v", crash)
	}
	if u.win.Canvas().Focused() == name.entry {
		t.Errorf("a removed row's entry still has the keyboard focus: keystrokes go nowhere")
	}
}

// The Delete confirmation remembers the scenario by index. Main-menu
// shortcuts (Ctrl+Z, Ctrl+D, Ctrl+Shift+Z) still run while a dialog is
// open, so if the plan changes before "Yes", another scenario is deleted
// than the one the dialog named.
func TestReviewDeleteConfirmDeletesNamedScenario(t *testing.T) {
	u, _ := newTestUI(t)
	u.selectScenario(1) // Aggressive
	u.moveScenario(-1)  // [Aggressive, Base, Conservative], Aggressive selected
	named := cur(u).Name
	u.deleteScenario() // "Delete “Aggressive”?"
	if !strings.Contains(dialogText(u), named) {
		t.Fatalf("dialog says %q", dialogText(u))
	}
	u.undo() // Ctrl+Z while the dialog is open: [Base, Aggressive, Conservative]
	test.Tap(dialogButton(t, u, "Yes"))
	for _, s := range u.doc.Plan().Scenarios {
		if s.Name == named {
			t.Fatalf("asked to delete %q, but it is still there; the plan now has %v", named, names(u))
		}
	}
}

func names(u *UI) []string {
	var out []string
	for _, s := range u.doc.Plan().Scenarios {
		out = append(out, s.Name)
	}
	return out
}

// Edits with the same label within a second merge into one undo step even
// when they are in different scenarios (or different cells of a table,
// which all share labels such as "Edit Score"): one Undo then reverts
// work the user did not mean to revert, in a scenario not on screen.
func TestReviewUndoDoesNotMergeAcrossScenarios(t *testing.T) {
	u, _ := newTestUI(t)
	base := cur(u).Viral.SeedUsers
	paste(num(t, u, "viral.seedUsers"), "1111")
	u.selectScenario(1)
	paste(num(t, u, "viral.seedUsers"), "2222")
	u.undo()
	ss := u.doc.Plan().Scenarios
	if ss[0].Viral.SeedUsers != 1111 {
		t.Errorf("one undo in scenario %q also reverted %q's seed users (%v → %v)",
			ss[1].Name, ss[0].Name, 1111.0, ss[0].Viral.SeedUsers)
	}
	_ = base
}

// Open… asked "Save changes?" before the file was chosen, and "Don't
// Save" deleted the draft at once; if the user then cancelled the file
// dialog (or the file failed to open) the unsaved plan stayed on screen,
// dirty, with no draft: a crash then lost it. Now the file is chosen and
// read first, and the draft goes only when the new plan is shown.
func TestReviewDontSaveThenCancelOpenKeepsDraft(t *testing.T) {
	u, path := newTestUI(t)
	paste(num(t, u, "viral.seedUsers"), "4242")
	if err := u.drafts.Flush(); err != nil {
		t.Fatal(err)
	}
	keeps := func(when string) {
		t.Helper()
		if !u.doc.Dirty() || cur(u).Viral.SeedUsers != 4242 {
			t.Fatalf("%s: the plan was replaced", when)
		}
		if _, err := os.Stat(u.drafts.Path()); err != nil {
			t.Fatalf("%s: the plan on screen is unsaved but its draft is gone: %v", when, err)
		}
	}
	u.openDialog()
	test.Tap(dialogButton(t, u, "Cancel")) // the file dialog
	keeps("after cancelling Open…")

	u.openRecent(filepath.Join(filepath.Dir(path), "gone.scaleplan"))
	if strings.Contains(dialogText(u), "Save the changes") {
		t.Error("asked about unsaved changes for a file that cannot open")
	}
	keeps("after a failed open")
	test.Tap(dialogButton(t, u, "OK")) // the error

	other := filepath.Join(filepath.Dir(path), "other.scaleplan")
	sample, _ := os.ReadFile(path)
	if err := os.WriteFile(other, sample, 0o644); err != nil {
		t.Fatal(err)
	}
	u.openRecent(other)
	test.Tap(dialogButton(t, u, "Don't Save"))
	if u.doc.Path() != other || u.doc.Dirty() {
		t.Fatalf("Don't Save: showing %q (dirty %v), want %q", u.doc.Path(), u.doc.Dirty(), other)
	}
	if _, err := os.Stat(u.drafts.Path()); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the dropped plan's draft is still there: %v", err)
	}
}

// A failing autosave is only reported when something else refreshes the
// status bar: the write happens on the timer ~0.7 s after the last edit,
// so the failure of the last edit's draft is never shown while the user
// reads or thinks.
func TestReviewAutosaveFailureIsShown(t *testing.T) {
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
	if err := u.drafts.Flush(); err == nil { // what the timer does
		t.Fatal("draft write succeeded")
	}
	if !strings.Contains(u.status.Text, "Autosave") {
		t.Errorf("autosave is failing but the status bar says %q", u.status.Text)
	}
}

// Fyne's save dialog opens (os.Create: creates or truncates) the chosen
// file before calling back. saveAs and askSavePath only take its path and
// write elsewhere when the name lacks the extension, so "renamed" leaves
// an empty stray file "renamed" beside "renamed.scaleplan" (the same for
// Export Chart with "chart" → "chart" + "chart.png"). Worse, choosing an
// existing file truncates it before the atomic write starts: if that
// write then fails, the old content is already gone.
func TestReviewSaveAsLeavesNoEmptyStrayFile(t *testing.T) {
	u, path := newTestUI(t)
	u.saveAs(nil)
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

// A cell of a row that is gone refuses the edit without panicking and
// without a message; the remove button of the last row, pressed again
// from the keyboard after its row went, loses the focus instead.
func TestReviewDetachedRowCellsAreHarmless(t *testing.T) {
	u, _ := newTestUI(t)
	u.tabs.SelectIndex(2) // Sales team
	n := len(cur(u).Sales.Stages)
	last := findField(t, u, fmt.Sprintf("sales.stages[%d].name", n-1)).(*field[string])
	stages := u.screens[2].(*module).inputs()[len(u.screens[2].(*module).inputs())-1].(*table)
	del := stages.grid.Objects[len(stages.grid.Objects)-1].(*widget.Button)
	u.win.Canvas().Focus(del)
	del.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace}) // removes the last stage
	if got := len(cur(u).Sales.Stages); got != n-1 {
		t.Fatalf("%d stages after remove, want %d", got, n-1)
	}
	if u.win.Canvas().Focused() != nil {
		t.Errorf("the removed row's button keeps the focus")
	}
	del.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace}) // a second press must not remove another stage
	last.entry.SetText("ghost")
	if got := len(cur(u).Sales.Stages); got != n-1 || u.doc.UndoLabel() != "Remove stage" {
		t.Errorf("detached cells edited the plan: %d stages, undo %q", got, u.doc.UndoLabel())
	}
	if strings.Contains(u.status.Text, "invalid") || stages.note.Visible() {
		t.Errorf("a detached cell reported an error: %q / %q", u.status.Text, stages.note.Text)
	}
}

// Choosing an existing file in the save dialog no longer empties it before
// the app writes: the dialog's writer, closed unwritten, changes nothing,
// so a write that fails leaves the previous file whole.
func TestReviewSaveDialogWriterLeavesExistingFile(t *testing.T) {
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

// Main-menu shortcuts do nothing while a dialog is open.
func TestReviewShortcutsWaitForDialogs(t *testing.T) {
	u, _ := newTestUI(t)
	n := len(u.doc.Plan().Scenarios)
	u.deleteScenario()
	menuItem(t, u, "Duplicate Scenario").Action() // Ctrl+D
	if got := len(u.doc.Plan().Scenarios); got != n {
		t.Errorf("Ctrl+D under the Delete dialog made %d scenarios, want %d", got, n)
	}
	test.Tap(dialogButton(t, u, "No"))
	menuItem(t, u, "Duplicate Scenario").Action()
	if got := len(u.doc.Plan().Scenarios); got != n+1 {
		t.Errorf("Ctrl+D with no dialog made %d scenarios, want %d", got, n+1)
	}
}

// menuItem finds the main-menu item labelled label.
func menuItem(t *testing.T, u *UI, label string) *fyne.MenuItem {
	t.Helper()
	for _, m := range u.menu.m.Items {
		for _, it := range m.Items {
			if it.Label == label {
				return it
			}
		}
	}
	t.Fatalf("no menu item %q", label)
	return nil
}

// Undo and redo keep the selected scenario selected, not its position.
func TestReviewUndoKeepsSelectedScenario(t *testing.T) {
	u, _ := newTestUI(t)
	u.selectScenario(2)
	name := cur(u).Name
	u.moveScenario(-1)
	u.undo()
	if cur(u).Name != name {
		t.Errorf("after undoing a move, %q is selected, want %q", cur(u).Name, name)
	}
	u.redo()
	if cur(u).Name != name || u.sel != 1 {
		t.Errorf("after redo, %q (row %d) is selected, want %q at row 1", cur(u).Name, u.sel, name)
	}
}

// Results computed from an older plan than the one last asked for are
// dropped, so they never show under another scenario.
func TestReviewLateResultsAreDropped(t *testing.T) {
	u, _ := newTestUI(t)
	old := u.doc.Snapshot()
	rs, err := scenario.ComputePlan(old)
	if err != nil {
		t.Fatal(err)
	}
	u.newPlan()
	if len(u.in.Plan.Scenarios) != 1 {
		t.Fatalf("new plan has %d scenarios", len(u.in.Plan.Scenarios))
	}
	u.computed(old, rs, nil) // the sample's results arrive late
	if u.in.Plan != u.asked {
		t.Errorf("late results of the previous plan are shown")
	}
}

// Quit waits for a running export before it closes the window.
func TestReviewQuitWaitsForExport(t *testing.T) {
	u, path := newTestUI(t)
	quits := 0
	u.exit = func() { quits++ }
	var finish func(error)
	prev := exportWorkbook
	exportWorkbook = func(_ string, _ *scenario.Plan, _ func(float64), done func(error)) { finish = done }
	t.Cleanup(func() { exportWorkbook = prev })
	u.exportExcelTo(filepath.Join(filepath.Dir(path), "plan.xlsx"), nil)
	u.quit()
	if quits != 0 {
		t.Fatal("quit while the export was being written")
	}
	finish(nil)
	if quits != 1 {
		t.Errorf("after the export finished: quits=%d, want 1", quits)
	}
}

// The Compare table is rebuilt only while its tab shows, and catches up
// when the tab is selected.
func TestReviewCompareTableWaitsForItsTab(t *testing.T) {
	u, _ := newTestUI(t)
	c := u.screens[5].(*compare)
	u.tabs.SelectIndex(5)
	u.tabs.SelectIndex(0)
	before := c.table.Objects
	paste(num(t, u, "viral.seedUsers"), "4242")
	if len(before) == 0 || &c.table.Objects[0] != &before[0] {
		t.Fatal("the hidden Compare table was rebuilt")
	}
	u.tabs.SelectIndex(5)
	if &c.table.Objects[0] == &before[0] || c.stale {
		t.Error("showing the Compare tab did not bring its table up to date")
	}
}

package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// The Delete confirmation remembers the scenario by index. Main-menu
// shortcuts (Ctrl+Z, Ctrl+D, Ctrl+Shift+Z) still run while a dialog is
// open, so if the plan changes before "Yes", another scenario is deleted
// than the one the dialog named.
func TestDeleteConfirmDeletesNamedScenario(t *testing.T) {
	u, _ := newTestUI(t)
	u.selectScenario(1)     // Aggressive
	u.list.moveScenario(-1) // [Aggressive, Base, Conservative], Aggressive selected
	named := cur(u).Name
	u.list.deleteScenario() // "Delete “Aggressive”?"
	if !strings.Contains(dialogText(u), named) {
		t.Fatalf("dialog says %q", dialogText(u))
	}
	u.menu.undo() // Ctrl+Z while the dialog is open: [Base, Aggressive, Conservative]
	test.Tap(dialogButton(t, u, "Yes"))
	for _, s := range u.s.Doc().Plan().Scenarios {
		if s.Name == named {
			t.Fatalf("asked to delete %q, but it is still there; the plan now has %v", named, names(u))
		}
	}
}

func names(u *UI) []string {
	var out []string
	for _, s := range u.s.Doc().Plan().Scenarios {
		out = append(out, s.Name)
	}
	return out
}

// Edits with the same label within a second merge into one undo step even
// when they are in different scenarios (or different cells of a table,
// which all share labels such as "Edit Score"): one Undo then reverts
// work the user did not mean to revert, in a scenario not on screen.
func TestUndoDoesNotMergeAcrossScenarios(t *testing.T) {
	u, _ := newTestUI(t)
	base := cur(u).Viral.SeedUsers
	paste(num(t, u, "viral.seedUsers"), "1111")
	u.selectScenario(1)
	paste(num(t, u, "viral.seedUsers"), "2222")
	u.menu.undo()
	ss := u.s.Doc().Plan().Scenarios
	if ss[0].Viral.SeedUsers != 1111 {
		t.Errorf("one undo in scenario %q also reverted %q's seed users (%v → %v)",
			ss[1].Name, ss[0].Name, 1111.0, ss[0].Viral.SeedUsers)
	}
	_ = base
}

// Undo and redo keep the selected scenario selected, not its position.
func TestUndoKeepsSelectedScenario(t *testing.T) {
	u, _ := newTestUI(t)
	u.selectScenario(2)
	name := cur(u).Name
	u.list.moveScenario(-1)
	u.menu.undo()
	if cur(u).Name != name {
		t.Errorf("after undoing a move, %q is selected, want %q", cur(u).Name, name)
	}
	u.menu.redo()
	if cur(u).Name != name || u.s.Selected() != 1 {
		t.Errorf("after redo, %q (row %d) is selected, want %q at row 1", cur(u).Name, u.s.Selected(), name)
	}
}

// The list's More button holds the actions that are not buttons, and
// they act on the selected scenario: Move Down moves Base below
// Aggressive.
func TestMoreMenuMovesScenario(t *testing.T) {
	u, _ := newTestUI(t)
	var labels []string
	var down func()
	for _, it := range u.list.moreItems() {
		if it.IsSeparator {
			continue
		}
		labels = append(labels, it.Label)
		if it.Label == "Move Down" {
			down = it.Action
		}
	}
	if got, want := strings.Join(labels, ", "), "Duplicate, Rename…, Delete…, Move Up, Move Down"; got != want {
		t.Fatalf("More holds %s, want %s", got, want)
	}
	down()
	var names []string
	for _, s := range u.s.Doc().Plan().Scenarios {
		names = append(names, s.Name)
	}
	if got := strings.Join(names, ", "); got != "Aggressive, Base, Conservative" {
		t.Errorf("after Move Down: %s", got)
	}
	if got := u.s.Scenario().Name; got != "Base" {
		t.Errorf("selected %s after the move, want Base", got)
	}
}

package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"scaleplan/scenario"
)

// A focused entry of a table row that an undo removes stays focused (fyne
// keeps focus on detached widgets; Ctrl+Z is a main-menu shortcut, so it
// reaches the document even while an entry has the focus). Typing then
// runs the detached field's setter with a row index past the end:
// index out of range inside Document.Edit, which does not recover, so the
// app crashes.
func TestTypingIntoRowRemovedByUndoDoesNotPanic(t *testing.T) {
	u, _ := newTestUI(t)
	u.tabs.SelectIndex(tabIndex(t, "Sales team"))
	n := len(cur(u).Sales.Stages)
	if err := u.s.Doc().EditScenario(u.s.Selected(), "Add stage", func(s *scenario.Scenario) error {
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
	u.menu.undo() // Ctrl+Z: the row goes away, the entry keeps the focus
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

// A cell of a row that is gone refuses the edit without panicking and
// without a message; the remove button of the last row, pressed again
// from the keyboard after its row went, loses the focus instead.
func TestDetachedRowCellsAreHarmless(t *testing.T) {
	u, _ := newTestUI(t)
	u.tabs.SelectIndex(tabIndex(t, "Sales team"))
	n := len(cur(u).Sales.Stages)
	last := findField(t, u, fmt.Sprintf("sales.stages[%d].name", n-1)).(*field[string])
	stages := u.screens[tabIndex(t, "Sales team")].(*module).inputs()[len(u.screens[tabIndex(t, "Sales team")].(*module).inputs())-1].(*table)
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
	if got := len(cur(u).Sales.Stages); got != n-1 || u.s.Doc().UndoLabel() != "Remove stage" {
		t.Errorf("detached cells edited the plan: %d stages, undo %q", got, u.s.Doc().UndoLabel())
	}
	if strings.Contains(u.status.Text, "invalid") || stages.note.Text != "" {
		t.Errorf("a detached cell reported an error: %q / %q", u.status.Text, stages.note.Text)
	}
}

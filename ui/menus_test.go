package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// Main-menu shortcuts do nothing while a dialog is open.
func TestShortcutsWaitForDialogs(t *testing.T) {
	u, _ := newTestUI(t)
	n := len(u.s.Doc().Plan().Scenarios)
	u.list.deleteScenario()
	menuItem(t, u, "Duplicate Scenario").Action() // Ctrl+D
	if got := len(u.s.Doc().Plan().Scenarios); got != n {
		t.Errorf("Ctrl+D under the Delete dialog made %d scenarios, want %d", got, n)
	}
	test.Tap(dialogButton(t, u, "No"))
	menuItem(t, u, "Duplicate Scenario").Action()
	if got := len(u.s.Doc().Plan().Scenarios); got != n+1 {
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

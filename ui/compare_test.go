package ui

import (
	"testing"
)

// The Compare table is rebuilt only while its tab shows, and catches up
// when the tab is selected.
func TestCompareTableWaitsForItsTab(t *testing.T) {
	u, _ := newTestUI(t)
	c := u.screens[tabIndex(t, "Compare")].(*compare)
	u.tabs.SelectIndex(tabIndex(t, "Compare"))
	u.tabs.SelectIndex(tabIndex(t, "Overview"))
	before := c.table.right.Objects
	paste(num(t, u, "viral.seedUsers"), "4242")
	if len(before) == 0 || &c.table.right.Objects[0] != &before[0] {
		t.Fatal("the hidden Compare table was rebuilt")
	}
	u.tabs.SelectIndex(tabIndex(t, "Compare"))
	if &c.table.right.Objects[0] == &before[0] || c.stale {
		t.Error("showing the Compare tab did not bring its table up to date")
	}
}

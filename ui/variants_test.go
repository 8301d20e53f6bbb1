package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// listText is what the scenario list's row id shows.
func listText(u *UI, id int) string {
	rows := u.list.familyRows()
	return rowText(u.s.Doc().Plan(), rows[id])
}

// TestNewVariantAndResetToBase: Edit → New Variant makes a variant listed
// below its base; typing into one of its fields marks the field as its own
// with Reset to base; a base edit reaches its other fields; Reset to base
// brings the base's value back and unmarks the field.
func TestNewVariantAndResetToBase(t *testing.T) {
	u, _ := newTestUI(t)
	menuItem(t, u, "New Variant").Action()
	if cur(u).Name != "Base variant" || !cur(u).IsVariant() || u.s.Selected() != 1 {
		t.Fatalf("selected %q (variant %v) at %d", cur(u).Name, cur(u).IsVariant(), u.s.Selected())
	}
	if got := listText(u, 1); got != "└ Base variant" {
		t.Errorf("list row 1 %q", got)
	}
	conv := num(t, u, "viral.inviteConversion")
	base := u.s.Doc().Plan().Scenarios[0].Viral.InviteConversion
	reset, label := overrideControls(t, conv)
	if reset.Visible() {
		t.Fatal("an inherited field offers Reset to base")
	}
	typeInto(conv, "31%")
	if cur(u).Viral.InviteConversion != 0.31 || !reset.Visible() || label.Text != "Invite conversion (%) (own)" {
		t.Fatalf("after typing: %v, reset shown %v, label %q", cur(u).Viral.InviteConversion, reset.Visible(), label.Text)
	}
	u.tabs.SelectIndex(tabIndex(t, "Overview")) // a hidden tab loads when shown
	if ov := u.screens[0].(*overview); !strings.Contains(labelsIn(ov.variant), "viral.inviteConversion") {
		t.Errorf("the Overview does not list the override: %q", labelsIn(ov.variant))
	}
	// a base edit flows into the variant's inherited seed users
	u.selectScenario(0)
	typeInto(num(t, u, "viral.seedUsers"), "2,500")
	if got := u.s.Doc().Plan().Scenarios[1].Viral.SeedUsers; got != 2500 {
		t.Errorf("the variant's seed users %v, want the base's new 2,500", got)
	}
	u.selectScenario(1)
	test.Tap(reset)
	if cur(u).Viral.InviteConversion != base || conv.entry.Text != formatNumber(true)(base) || reset.Visible() || label.Text != "Invite conversion (%)" {
		t.Errorf("after reset: %v (entry %q), reset shown %v, label %q; want the base's %v", cur(u).Viral.InviteConversion, conv.entry.Text, reset.Visible(), label.Text, base)
	}
	if u.s.Doc().UndoLabel() != "Reset to base (viral.inviteConversion)" {
		t.Errorf("undo %q", u.s.Doc().UndoLabel())
	}
}

// overrideControls returns a field's Reset to base button and its label.
func overrideControls(t *testing.T, f *field[float64]) (*widget.Button, *widget.Label) {
	t.Helper()
	if f.reset == nil || f.label == nil {
		t.Fatal("the field has no override controls")
	}
	return f.reset, f.label
}

// labelsIn joins the texts of the labels inside o.
func labelsIn(o fyne.CanvasObject) string {
	var b strings.Builder
	for _, x := range test.LaidOutObjects(o) {
		if l, ok := x.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
	}
	return b.String()
}

// TestDeleteBaseAsksToDetach: deleting a base names its variants and
// offers Detach and Delete; the variant keeps its inputs.
func TestDeleteBaseAsksToDetach(t *testing.T) {
	u, _ := newTestUI(t)
	u.list.newVariant()
	typeInto(num(t, u, "viral.inviteConversion"), "33%")
	u.selectScenario(0)
	u.list.deleteScenario()
	if txt := dialogText(u); !strings.Contains(txt, "is the base of “Base variant”") {
		t.Fatalf("dialog says %q", txt)
	}
	test.Tap(dialogButton(t, u, "Detach and Delete"))
	if got := names(u); strings.Join(got, ",") != "Base variant,Aggressive,Conservative" {
		t.Fatalf("scenarios %v", got)
	}
	if s := u.s.Doc().Plan().Scenarios[0]; s.IsVariant() || s.Viral.InviteConversion != 0.33 {
		t.Errorf("detached variant: variant %v, conversion %v", s.IsVariant(), s.Viral.InviteConversion)
	}
}

// TestExportBoardPackFromMenu: File → Export Board Pack… writes the pack
// of the compared scenarios off the UI thread and says so.
func TestExportBoardPackFromMenu(t *testing.T) {
	u, path := newTestUI(t)
	dir := filepath.Join(filepath.Dir(path), "pack")
	done := make(chan error, 1)
	u.exports.boardPackTo(dir, func(err error) { done <- err })
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "pack.pdf")); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(u.status.Text, "Wrote the board pack pack") {
		t.Errorf("status %q", u.status.Text)
	}
	if menuItem(t, u, "Export Board Pack…") == nil {
		t.Error("no menu item")
	}
}

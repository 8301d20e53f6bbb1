package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// typeKeys types s into a field character by character, as a person does,
// after focusing it (the edit begins with the first keystroke).
func typeKeys[T comparable](u *UI, f *field[T], s string) {
	u.win.Canvas().Focus(f.entry)
	f.entry.SetText("")
	test.Type(f.entry, s)
}

// "30%" typed into Starting SDRs passes through "3" and "30", which are
// valid; "30%" is not a whole number, so the model goes back to the 0 the
// field held before the edit, never 30.
func TestInvalidTextLeavesThePreEditValue(t *testing.T) {
	u, _ := newTestUI(t)
	sdrs := findField(t, u, "sales.startingTeam.sdrs").(*field[int])
	costBefore := cur(u).Sales.Costs.SDR
	typeKeys(u, sdrs, "30%")
	if got := cur(u).Sales.StartingTeam.SDRs; got != 0 {
		t.Errorf("30%% in SDRs: the model has %d SDRs, want the pre-edit 0", got)
	}
	if !sdrs.invalid || sdrs.entry.Text != "30%" {
		t.Errorf("the field shows %q, invalid %v: want the typed text kept and marked", sdrs.entry.Text, sdrs.invalid)
	}
	if cur(u).Sales.Costs.SDR != costBefore {
		t.Errorf("the SDR cost moved")
	}

	// 150% passes through 1% and 15%; the model keeps the 20% it had.
	conv := num(t, u, "viral.inviteConversion")
	typeKeys(u, conv, "150%")
	if got := cur(u).Viral.InviteConversion; got != 0.2 {
		t.Errorf("150%% in conversion: the model has %v, want the pre-edit 0.2", got)
	}
	if !strings.Contains(conv.msg, "0% and 100%") || strings.Contains(conv.msg, "1.5") {
		t.Errorf("message %q: want it in percent", conv.msg)
	}
}

// Escape puts back the value the edit began with, in the entry and the
// model, and clears the message; the edit leaves nothing to undo.
func TestEscapeRestoresThePreEditValue(t *testing.T) {
	u, _ := newTestUI(t)
	seed := num(t, u, "viral.seedUsers")
	before := cur(u).Viral.SeedUsers
	typeKeys(u, seed, "12")
	if cur(u).Viral.SeedUsers != 12 {
		t.Fatalf("typing 12: model %v", cur(u).Viral.SeedUsers)
	}
	seed.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if got := cur(u).Viral.SeedUsers; got != before {
		t.Errorf("after Escape the model has %v, want %v", got, before)
	}
	if seed.entry.Text != formatNumber(false)(before) || seed.invalid {
		t.Errorf("after Escape the entry shows %q (invalid %v), want %q", seed.entry.Text, seed.invalid, formatNumber(false)(before))
	}
	if u.s.Doc().CanUndo() {
		t.Errorf("an edit cancelled with Escape left %q to undo", u.s.Doc().UndoLabel())
	}
	// Escape on invalid text too.
	typeKeys(u, seed, "1x")
	seed.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if seed.invalid || seed.msg != "" || cur(u).Viral.SeedUsers != before {
		t.Errorf("Escape on invalid text: invalid %v, message %q, model %v", seed.invalid, seed.msg, cur(u).Viral.SeedUsers)
	}
}

// One edit is one undo step, however many keystrokes (and invalid
// moments) it has; Enter ends it, so the next typing is another step.
func TestOneEditIsOneUndoStep(t *testing.T) {
	u, _ := newTestUI(t)
	conv := num(t, u, "viral.inviteConversion")
	typeKeys(u, conv, "15x") // 1%, 15%, then invalid
	conv.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	if got := cur(u).Viral.InviteConversion; got != 0.15 {
		t.Fatalf("model %v, want 0.15", got)
	}
	conv.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	typeKeys(u, conv, "35%")
	d := u.s.Doc()
	d.Undo()
	if got := cur(u).Viral.InviteConversion; got != 0.15 {
		t.Errorf("one undo after two edits: %v, want 0.15", got)
	}
	d.Undo()
	if got := cur(u).Viral.InviteConversion; got != 0.2 {
		t.Errorf("two undos: %v, want the original 0.2", got)
	}
	if d.CanUndo() {
		t.Errorf("more than two undo steps for two edits: %q", d.UndoLabel())
	}
}

// The status bar names the invalid field with its tab, the tab is marked,
// and tapping the status bar goes to the field.
func TestStatusNamesTheFieldAndGoesThere(t *testing.T) {
	u, _ := newTestUI(t)
	sdrs := findField(t, u, "sales.startingTeam.sdrs").(*field[int])
	typeKeys(u, sdrs, "30%")
	if !strings.Contains(u.status.Text, "Sales team › Starting SDRs: ") || !strings.Contains(u.status.Text, "not a percentage") {
		t.Errorf("status %q: want it to name Sales team › Starting SDRs and why", u.status.Text)
	}
	sales := tabIndex(t, "Sales team")
	if u.tabs.Items[sales].Icon != theme.ErrorIcon() {
		t.Errorf("the Sales team tab is not marked")
	}
	if u.tabs.Items[tabIndex(t, "Viral loop")].Icon != nil {
		t.Errorf("the Viral loop tab is marked without an invalid field")
	}
	u.tabs.SelectIndex(tabIndex(t, "Overview"))
	u.win.Canvas().Unfocus()
	test.Tap(u.status)
	if u.tabs.SelectedIndex() != sales {
		t.Errorf("tapping the status bar shows tab %d, want Sales team (%d)", u.tabs.SelectedIndex(), sales)
	}
	if u.win.Canvas().Focused() != sdrs.entry {
		t.Errorf("tapping the status bar did not put the cursor in Starting SDRs")
	}
	// fixing it clears the name and the mark
	typeKeys(u, sdrs, "2")
	if strings.Contains(u.status.Text, "Starting SDRs") || u.tabs.Items[sales].Icon != nil {
		t.Errorf("after fixing: status %q, tab icon %v", u.status.Text, u.tabs.Items[sales].Icon)
	}
}

// A message appearing below a field does not move the fields below it.
func TestMessagesDoNotMoveFields(t *testing.T) {
	u, _ := newTestUI(t)
	u.tabs.SelectIndex(tabIndex(t, "Viral loop"))
	seed := num(t, u, "viral.seedUsers")
	next := num(t, u, "viral.invitesPerUser")
	d := fyne.CurrentApp().Driver()
	before := d.AbsolutePositionForObject(next.entry)
	typeKeys(u, seed, "oops, a long message follows this text")
	if !seed.invalid {
		t.Fatal("the text is not invalid")
	}
	u.win.Content().Refresh()
	if after := d.AbsolutePositionForObject(next.entry); after != before {
		t.Errorf("the next field moved from %v to %v when the message appeared", before, after)
	}
}

// The plan's name is editable on the Overview; an empty name is refused.
func TestPlanNameIsEditable(t *testing.T) {
	u, _ := newTestUI(t)
	name := u.screens[tabIndex(t, "Overview")].(*overview).fields[2].(*planField).field
	typeKeys(u, name, "Series A plan")
	if got := u.s.Doc().Plan().Name; got != "Series A plan" {
		t.Errorf("plan name %q, want Series A plan", got)
	}
	name.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // the edit ends
	typeKeys(u, name, " ")
	if got := u.s.Doc().Plan().Name; got != "Series A plan" || !name.invalid {
		t.Errorf("a blank name: plan name %q, invalid %v", got, name.invalid)
	}
}

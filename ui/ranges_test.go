package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"scaleplan/scenario"
)

// clearRanges takes every range off the plan (the sample may have some),
// as a starting state that is no undo step.
func clearRanges(t *testing.T, u *UI) {
	t.Helper()
	for i := range u.s.Doc().Plan().Scenarios {
		for _, path := range scenario.RangePaths(&u.s.Doc().Plan().Scenarios[i]) {
			if err := u.s.Doc().ClearRange(i, path); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestRangeButtonsOnRealValuedFieldsOnly: Invite conversion (a rate) has
// Range…; Ramp (whole months) and plan-level fields do not.
func TestRangeButtonsOnRealValuedFieldsOnly(t *testing.T) {
	u, _ := newTestUI(t)
	if !rangeable(num(t, u, "viral.inviteConversion")) || !rangeable(num(t, u, "sales.averageACV")) {
		t.Error("real-valued inputs should take a range")
	}
	if _, isNum := findField(t, u, "sales.rampMonths").(*field[float64]); isNum {
		t.Error("Ramp (months) is a whole-number field: it must have no Range…")
	}
}

// TestRangeDialog: the dialog refuses bad text with a located message
// and no Set; a good range is one undoable edit, shown under the field;
// Clear takes it off again.
func TestRangeDialog(t *testing.T) {
	u, _ := newTestUI(t)
	clearRanges(t, u)
	conv := num(t, u, "viral.inviteConversion")
	rd := openRangeDialog(conv, "Invite conversion")
	if rd == nil {
		t.Fatal("no dialog")
	}
	if rd.low.Text != "16%" || rd.high.Text != "24%" {
		t.Errorf("a new range starts at %q..%q, want 16%%..24%% (±20%% of the value 20%%)", rd.low.Text, rd.high.Text)
	}
	rd.high.SetText("lots")
	if !strings.HasPrefix(rd.msg.Text, "High:") || !rd.set.Disabled() {
		t.Errorf("text that is no number: message %q, Set disabled %v", rd.msg.Text, rd.set.Disabled())
	}
	rd.high.SetText("25%")
	rd.low.SetText("30%")
	if rd.msg.Text != "Low: must be at most high (25%), got 30%" || !rd.set.Disabled() {
		t.Errorf("low above high: message %q, Set disabled %v", rd.msg.Text, rd.set.Disabled())
	}
	rd.low.SetText("21%")
	if !strings.Contains(rd.msg.Text, "20%") || !rd.set.Disabled() {
		t.Errorf("a range above the value 20%%: message %q, Set disabled %v", rd.msg.Text, rd.set.Disabled())
	}
	rd.low.SetText("15%")
	rd.high.SetText("30%")
	rd.dist.SetSelected(distNames[scenario.DistUniform])
	if rd.msg.Text != "" || rd.set.Disabled() {
		t.Fatalf("a good range: message %q, Set disabled %v", rd.msg.Text, rd.set.Disabled())
	}
	test.Tap(rd.set)
	want := scenario.Range{Low: 0.15, High: 0.30, Dist: scenario.DistUniform}
	if got := cur(u).Ranges["viral.inviteConversion"]; got != want {
		t.Fatalf("range %+v, want %+v", got, want)
	}
	if u.win.Canvas().Overlays().Top() != nil {
		t.Error("Set should close the dialog")
	}
	if l := u.s.Doc().UndoLabel(); l != "Set range (viral.inviteConversion)" {
		t.Errorf("undo label %q", l)
	}
	if got := rangeLine(u.s.Doc().Plan(), 0, "viral.inviteConversion", true); got != "Range 15–30%, uniform" {
		t.Errorf("the field's range line says %q", got)
	}
	rd = openRangeDialog(conv, "Invite conversion")
	test.Tap(dialogButton(t, u, "Clear"))
	if _, ok := cur(u).Ranges["viral.inviteConversion"]; ok {
		t.Error("Clear left the range")
	}
	u.s.Doc().Undo()
	if got := cur(u).Ranges["viral.inviteConversion"]; got != want {
		t.Errorf("undoing Clear gave %+v", got)
	}
}

// TestTableRanges: a table's numbers take a range through the Range…
// under the table, keyed by the row's name, and the table lists it.
func TestTableRanges(t *testing.T) {
	u, _ := newTestUI(t)
	clearRanges(t, u)
	var models *table
	for _, in := range u.screens[tabIndex(t, "Fulfillment")].(editor).inputs() {
		if tb, ok := in.(*table); ok && tb.ranges != nil && tb.ranges.prefix == "fulfillment.models" {
			models = tb
		}
	}
	if models == nil {
		t.Fatal("the fulfillment models table has no Range…")
	}
	u.tabs.SelectIndex(tabIndex(t, "Fulfillment"))
	models.ranges.open()
	var pick *widget.Select
	for _, o := range overlayObjects(u) {
		if s, ok := o.(*widget.Select); ok {
			pick = s
		}
	}
	if pick == nil || !slices.Contains(pick.Options, "3PL per order") {
		t.Fatalf("the picker offers %v, want 3PL per order among them", pick.Options)
	}
	pick.SetSelected("3PL per order")
	test.Tap(dialogButton(t, u, "Range…"))
	var low, high *fieldEntry
	for _, o := range overlayObjects(u) {
		if e, ok := o.(*fieldEntry); ok {
			if low == nil {
				low = e
			} else if high == nil {
				high = e
			}
		}
	}
	if low == nil || high == nil {
		t.Fatal("no Range dialog after the picker")
	}
	low.SetText("4")
	high.SetText("6.5")
	test.Tap(dialogButton(t, u, "Set"))
	want := scenario.Range{Low: 4, High: 6.5}
	if got := cur(u).Ranges["fulfillment.models[3PL].perOrder"]; got != want {
		t.Fatalf("range %+v, want %+v on the 3PL row's per-order cost", got, want)
	}
	if got := models.ranges.line.Text; got != "Ranges: 3PL per order: 4–6.5, lognormal" {
		t.Errorf("the table's ranges line says %q", got)
	}
}

// TestFactorWeightRange: a market factor's weight takes a range through
// the Range… under the factors, named by the factor, keyed by its id.
func TestFactorWeightRange(t *testing.T) {
	u, _ := newTestUI(t)
	clearRanges(t, u)
	var mx *matrix
	for _, in := range u.screens[tabIndex(t, "Markets")].(editor).inputs() {
		if m, ok := in.(*matrix); ok {
			mx = m
		}
	}
	if mx == nil || mx.weights == nil {
		t.Fatal("the markets tab has no Range… for factor weights")
	}
	u.tabs.SelectIndex(tabIndex(t, "Markets"))
	f := cur(u).Markets.Factors[0]
	label := f.Name + " weight"
	mx.weights.open()
	var pick *widget.Select
	for _, o := range overlayObjects(u) {
		if s, ok := o.(*widget.Select); ok {
			pick = s
		}
	}
	if pick == nil || !slices.Contains(pick.Options, label) {
		t.Fatalf("the picker offers %v, want %q among them", pick.Options, label)
	}
	pick.SetSelected(label)
	test.Tap(dialogButton(t, u, "Range…"))
	var entries []*fieldEntry
	for _, o := range overlayObjects(u) {
		if e, ok := o.(*fieldEntry); ok {
			entries = append(entries, e)
		}
	}
	if len(entries) < 2 {
		t.Fatal("no Range dialog after the picker")
	}
	entries[0].SetText("0.5")
	entries[1].SetText("2")
	test.Tap(dialogButton(t, u, "Set"))
	want := scenario.Range{Low: 0.5, High: 2}
	if got := cur(u).Ranges["markets.factors["+f.ID+"].weight"]; got != want {
		t.Fatalf("range %+v, want %+v on %s", got, want, label)
	}
	if got := mx.weights.line.Text; got != "Ranges: "+label+": 0.5–2, lognormal" {
		t.Errorf("the factors' ranges line says %q", got)
	}
}

package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// newBaseVariant makes a variant of Base and selects it.
func newBaseVariant(t *testing.T) *UI {
	t.Helper()
	u, _ := newTestUI(t)
	menuItem(t, u, "New Variant").Action()
	if !cur(u).IsVariant() {
		t.Fatal("no variant selected")
	}
	return u
}

// TestOwnSwitchAndChoice: a variant's own module switch and invite mode are
// marked "(own)" with Reset to base, which brings back the base's value
// and clears the mark; the base's own switch is never marked.
func TestOwnSwitchAndChoice(t *testing.T) {
	u := newBaseVariant(t)
	on := findField(t, u, "fulfillment.enabled").(*toggle)
	own := on.own
	if own.reset.Visible() || strings.Contains(on.check.Text, "(own)") {
		t.Fatal("an inherited switch is marked")
	}
	test.Tap(on.check) // switch fulfillment off in the variant only
	if cur(u).Fulfillment.Enabled || !u.s.Doc().Plan().Scenarios[0].Fulfillment.Enabled {
		t.Fatal("the tap did not switch the variant alone")
	}
	if on.check.Text != "Model fulfillment (own)" || !own.reset.Visible() {
		t.Errorf("own switch: text %q, reset shown %v", on.check.Text, own.reset.Visible())
	}
	test.Tap(own.reset)
	if !cur(u).Fulfillment.Enabled || on.check.Text != "Model fulfillment" || own.reset.Visible() || !on.check.Checked {
		t.Errorf("after reset: enabled %v, checked %v, text %q, reset shown %v", cur(u).Fulfillment.Enabled, on.check.Checked, on.check.Text, own.reset.Visible())
	}

	mode := findField(t, u, "viral.inviteMode").(*choice)
	mode.radio.SetSelected("Every cycle")
	label, reset := mode.label, mode.own.reset
	if label.Text != "Invites are sent (own)" || !reset.Visible() || cur(u).Viral.InviteMode == u.s.Doc().Plan().Scenarios[0].Viral.InviteMode {
		t.Fatalf("own choice: label %q, reset shown %v, mode %q", label.Text, reset.Visible(), cur(u).Viral.InviteMode)
	}
	test.Tap(reset)
	if label.Text != "Invites are sent" || reset.Visible() || mode.radio.Selected != "Once, after joining" {
		t.Errorf("after reset: label %q, reset shown %v, selected %q", label.Text, reset.Visible(), mode.radio.Selected)
	}
	u.selectScenario(0)
	if on.check.Text != "Model fulfillment" {
		t.Errorf("the base's switch reads %q", on.check.Text)
	}
}

// TestOwnTableCells: a variant's own model cost, founders-sell switch and
// market score are outlined and listed under their table with the base's
// value and Reset to base; a reset restores the base's value and the
// outline goes; a new stage overrides the whole list, outlining every
// stage cell.
func TestOwnTableCells(t *testing.T) {
	u := newBaseVariant(t)
	base := u.s.Doc().Plan().Scenarios[0]
	cost := num(t, u, "fulfillment.models[1].perOrder")
	models := tableOf(t, u, "Fulfillment")
	if outline(t, models, cost.entry).Visible() {
		t.Fatal("an inherited cell is outlined")
	}
	typeInto(cost, "4")
	u.win.Canvas().Unfocus()
	if !outline(t, models, cost.entry).Visible() {
		t.Error("the variant's own per-order cost is not outlined")
	}
	listed := labelsIn(models.own.box)
	if !strings.Contains(listed, "fulfillment.models[3PL].perOrder") || !strings.Contains(listed, "4   (Base: 5)") {
		t.Errorf("the models table lists %q", listed)
	}
	test.Tap(resetIn(t, models.own.box))
	if got := cur(u).Fulfillment.Models[1].PerOrder; got != base.Fulfillment.Models[1].PerOrder || outline(t, models, cost.entry).Visible() || len(models.own.box.Objects) != 0 {
		t.Errorf("after reset: per order %v, outlined %v, listed %d", got, outline(t, models, cost.entry).Visible(), len(models.own.box.Objects))
	}

	fs := findField(t, u, "sales.stages[0].foundersSell").(*toggle)
	stages := tableOf(t, u, "Sales team")
	test.Tap(fs.check)
	if !outline(t, stages, fs.check).Visible() || !strings.Contains(labelsIn(stages.own.box), "sales.stages[Founder Sales].foundersSell") {
		t.Errorf("own founders-sell: outlined %v, listed %q", outline(t, stages, fs.check).Visible(), labelsIn(stages.own.box))
	}
	test.Tap(resetIn(t, stages.own.box))
	if cur(u).Sales.Stages[0].FoundersSell != base.Sales.Stages[0].FoundersSell || outline(t, stages, fs.check).Visible() {
		t.Error("reset did not bring back the base's founders-sell")
	}

	f0 := cur(u).Markets.Factors[0].ID
	score := findField(t, u, "markets.markets[0].scores["+f0+"]").(*field[int])
	mx := u.screens[tabIndex(t, "Markets")].(*module).fields[1].(*matrix)
	typeInto(score, "1")
	u.win.Canvas().Unfocus()
	if !outline(t, mx.table, score.entry).Visible() || !strings.Contains(labelsIn(mx.own.box), "].scores["+f0+"]") {
		t.Errorf("own score: outlined %v, listed %q", outline(t, mx.table, score.entry).Visible(), labelsIn(mx.own.box))
	}

	// a stage added in the variant: the list is its own, every cell outlined
	if err := u.s.Doc().AddStage(u.s.Selected()); err != nil {
		t.Fatal(err)
	}
	u.tabs.SelectIndex(tabIndex(t, "Sales team")) // the table is rebuilt when shown
	name := findField(t, u, "sales.stages[0].name").(*field[string])
	if !outline(t, stages, name.entry).Visible() || !strings.Contains(labelsIn(stages.own.box), "sales.stages\n") {
		t.Errorf("whole-list override: first name outlined %v, listed %q", outline(t, stages, name.entry).Visible(), labelsIn(stages.own.box))
	}
}

// tableOf is the first table among the inputs of the tab titled tab.
func tableOf(t *testing.T, u *UI, tab string) *table {
	t.Helper()
	for _, in := range u.screens[tabIndex(t, tab)].(*module).fields {
		if tb, ok := in.(*table); ok {
			return tb
		}
	}
	t.Fatalf("no table on %s", tab)
	return nil
}

// outline is the outline of the cell of tb that holds o.
func outline(t *testing.T, tb *table, o fyne.CanvasObject) *canvas.Rectangle {
	t.Helper()
	for _, c := range tb.grid.Objects {
		if st, ok := c.(*fyne.Container); ok && len(st.Objects) == 2 && st.Objects[0] == o {
			if r, ok := st.Objects[1].(*canvas.Rectangle); ok {
				return r
			}
		}
	}
	t.Fatal("the cell has no outline")
	return nil
}

// resetIn is the first Reset to base button inside o.
func resetIn(t *testing.T, o fyne.CanvasObject) *widget.Button {
	t.Helper()
	for _, x := range test.LaidOutObjects(o) {
		if b, ok := x.(*widget.Button); ok && b.Text == "Reset to base" {
			return b
		}
	}
	t.Fatal("no Reset to base")
	return nil
}

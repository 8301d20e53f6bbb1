package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// wheelOver turns the mouse wheel down by one notch (as the GLFW driver
// reports it, -dy) with the pointer at the middle of o, as fyne's test
// driver delivers it: to the innermost scrollable under the pointer.
func wheelOver(u *UI, o fyne.CanvasObject, dy float32) {
	d := fyne.CurrentApp().Driver()
	pos := d.AbsolutePositionForObject(o).Add(fyne.NewPos(o.Size().Width/2, o.Size().Height/2))
	test.Scroll(u.win.Canvas(), pos, 0, -dy)
}

// TestWheelOverANumberScrollsTheForm: with the pointer over a number
// field in the middle of an edit, the wheel scrolls the form; the field
// keeps its text, its focus and the value, and the edit goes on as one
// undo step. Invalid text typed before the wheel is kept too.
func TestWheelOverANumberScrollsTheForm(t *testing.T) {
	u, _ := newTestUI(t)
	u.win.Resize(fyne.NewSize(1280, 720))
	cac := num(t, u, "viral.paidCAC")
	m := u.screens[tabIndex(t, "Viral loop")].(*module)
	before := cur(u).Viral.PaidCAC
	typeKeys(u, cac, "12")
	top := m.scroll.Offset.Y
	wheelOver(u, cac.entry, 40)
	if m.scroll.Offset.Y <= top {
		t.Fatalf("the wheel over the field left the form at %.0f (was %.0f)", m.scroll.Offset.Y, top)
	}
	if cac.entry.Text != "12" || cur(u).Viral.PaidCAC != 12 {
		t.Errorf("after the wheel the field shows %q and the model %v, want 12 and 12", cac.entry.Text, cur(u).Viral.PaidCAC)
	}
	if u.win.Canvas().Focused() != cac.entry {
		t.Errorf("the wheel took the focus from the field being edited")
	}
	test.Type(cac.entry, "5") // the same edit goes on
	u.win.Canvas().Unfocus()
	if got := cur(u).Viral.PaidCAC; got != 125 {
		t.Fatalf("after typing on: model %v, want 125", got)
	}
	u.s.Doc().Undo()
	if got := cur(u).Viral.PaidCAC; got != before {
		t.Errorf("one undo: model %v, want the pre-edit %v (the wheel split the edit)", got, before)
	}

	// Invalid text stays, marked, with the pre-edit value in the model.
	seed := num(t, u, "viral.seedUsers")
	seedBefore := cur(u).Viral.SeedUsers
	typeKeys(u, seed, "30%x")
	at := m.scroll.Offset.Y
	wheelOver(u, seed.entry, -40)
	if m.scroll.Offset.Y >= at {
		t.Errorf("the wheel up over the field left the form at %.0f (was %.0f)", m.scroll.Offset.Y, at)
	}
	if seed.entry.Text != "30%x" || !seed.invalid || cur(u).Viral.SeedUsers != seedBefore {
		t.Errorf("after the wheel: field %q invalid %v, model %v; want the typed text kept and %v", seed.entry.Text, seed.invalid, cur(u).Viral.SeedUsers, seedBefore)
	}
}

// TestNoSingleLineEntryTakesTheWheel: every one-line entry on every tab
// (fields, table cells, experiment results) holds no scroller of its own,
// so the wheel over it reaches the screen's scroller.
func TestNoSingleLineEntryTakesTheWheel(t *testing.T) {
	u, _ := newTestUI(t)
	n := 0
	for i := range u.screens {
		u.tabs.SelectIndex(i)
		walkObjects(u.screens[i].content(), func(o fyne.CanvasObject) {
			e := asEntry(o)
			if e == nil || e.MultiLine {
				return
			}
			n++
			for _, in := range test.WidgetRenderer(o.(fyne.Widget)).Objects() {
				walkObjects(in, func(x fyne.CanvasObject) {
					if _, ok := x.(fyne.Scrollable); ok && x.Visible() {
						t.Errorf("%s: the entry showing %q scrolls its text and takes the wheel", tabs[i].title, e.Text)
					}
				})
			}
		})
	}
	if n < 50 {
		t.Errorf("found %d one-line entries, want the sample's fields and cells", n)
	}
}

// asEntry is o's entry, if o is one.
func asEntry(o fyne.CanvasObject) *widget.Entry {
	switch e := o.(type) {
	case *widget.Entry:
		return e
	case *fieldEntry:
		return &e.Entry
	}
	return nil
}

// walkObjects calls f on o and everything inside it: containers'
// objects and widgets' renderers' objects.
func walkObjects(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	f(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walkObjects(c, f)
		}
	case fyne.Widget:
		if asEntry(o) != nil {
			return // an entry's insides are checked by the caller
		}
		for _, c := range test.WidgetRenderer(x).Objects() {
			walkObjects(c, f)
		}
	}
}

// TestWheelOverATableScrollsTheForm: the wheel over a cell of a table
// that scrolls sideways (Fulfillment's models at 1280×720) scrolls the
// form down, not the table sideways, and every such table on every tab
// hands the wheel to its screen's scroller.
func TestWheelOverATableScrollsTheForm(t *testing.T) {
	u, _ := newTestUI(t)
	u.win.Resize(fyne.NewSize(1280, 720))
	cell := num(t, u, "fulfillment.models[1].perOrder")
	m := u.screens[tabIndex(t, "Fulfillment")].(*module)
	var side *sideScroll
	walkObjects(m.left, func(o fyne.CanvasObject) {
		if s, ok := o.(*sideScroll); ok && side == nil {
			side = s
		}
	})
	if side == nil || side.Content.MinSize().Width <= side.Size().Width {
		t.Fatal("the models table does not scroll sideways at 1280×720; the test needs it to")
	}
	typeKeys(u, cell, "6x")
	top := m.scroll.Offset.Y
	wheelOver(u, cell.entry, 40)
	if m.scroll.Offset.Y <= top || side.Offset.X != 0 {
		t.Errorf("the wheel over a cell: form at %.0f (was %.0f), table sideways at %.0f; want the form down and the table still", m.scroll.Offset.Y, top, side.Offset.X)
	}
	if cell.entry.Text != "6x" || !cell.invalid {
		t.Errorf("after the wheel the cell shows %q (invalid %v), want the typed 6x kept", cell.entry.Text, cell.invalid)
	}
	for i := range u.screens {
		u.tabs.SelectIndex(i)
		walkObjects(u.screens[i].content(), func(o fyne.CanvasObject) {
			if s, ok := o.(*sideScroll); ok && s.outer == nil {
				t.Errorf("%s: a table scrolling sideways keeps the vertical wheel", tabs[i].title)
			}
		})
	}
}

package ui

import (
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"
)

// TestLazyTabMinSize: a tab never shown has no minimum size, so the
// window's layout does not measure it; once shown it has its content's.
func TestLazyTabMinSize(t *testing.T) {
	content := widget.NewLabel("a label with some width")
	want := content.MinSize()
	box := lazyTab(content, false)
	if got := box.MinSize(); got != (fyne.Size{}) {
		t.Errorf("never shown: min size %v, want zero", got)
	}
	box.Show()
	if got := box.MinSize(); got != want {
		t.Errorf("shown: min size %v, want the content's %v", got, want)
	}
	box.Hide()
	if got := box.MinSize(); got != want {
		t.Errorf("hidden again: min size %v, want the content's %v", got, want)
	}
	if got := lazyTab(content, true).MinSize(); got != want {
		t.Errorf("the first tab: min size %v, want the content's %v", got, want)
	}
}

// TestPendingLoads: every screen is stale after a load is asked for; a
// forced load stays forced until taken; taking clears it.
func TestPendingLoads(t *testing.T) {
	var p pendingLoads
	p.mark(3, false)
	p.mark(3, true)
	p.mark(3, false)
	if !p.dropsText(1) {
		t.Error("a forced load was forgotten by a later unforced one")
	}
	if force, ok := p.take(1); !ok || !force {
		t.Errorf("take(1) = %v, %v; want forced, pending", force, ok)
	}
	if _, ok := p.take(1); ok || p.dropsText(1) {
		t.Error("screen 1 still pending after take")
	}
	if _, ok := p.take(7); ok {
		t.Error("take past the end reported a load")
	}
}

// TestHiddenInvalidTextIsDroppedOnSelect: invalid text left on a tab that
// is then hidden is no longer counted once another scenario is selected
// (the tab drops it when it shows that scenario), and is gone when the
// tab is shown again.
func TestHiddenInvalidTextIsDroppedOnSelect(t *testing.T) {
	u, _ := newTestUI(t)
	conv := num(t, u, "viral.inviteConversion")
	typeInto(conv, "abc")
	u.tabs.SelectIndex(tabIndex(t, "Sales team"))
	if n := u.invalidCount(); n != 1 || !strings.Contains(u.status.Text, "Viral loop › Invite conversion: ") {
		t.Fatalf("viral tab hidden with invalid text: count %d, status %q", n, u.status.Text)
	}
	u.selectScenario(1)
	if n := u.invalidCount(); n != 0 {
		t.Errorf("after selecting another scenario: %d invalid, want 0", n)
	}
	u.tabs.SelectIndex(tabIndex(t, "Viral loop"))
	if conv.entry.Text == "abc" || conv.bad() {
		t.Errorf("shown again: entry %q, invalid %v; want the scenario's value", conv.entry.Text, conv.bad())
	}
}

// countingWidget counts its renderers.
type countingWidget struct {
	widget.BaseWidget
	created int
}

func (c *countingWidget) CreateRenderer() fyne.WidgetRenderer {
	c.created++
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Black))
}

// TestLazyTabBuiltWhenShown: refreshing a tab that was never shown (as
// AppTabs does to every tab when it is created and on a theme change)
// builds nothing of its content; the first layout at a size, before the
// tab shows, puts the content in, and a refresh then reaches it.
func TestLazyTabBuiltWhenShown(t *testing.T) {
	w := &countingWidget{}
	w.ExtendBaseWidget(w)
	box := lazyTab(w, false)
	box.Refresh()
	box.Resize(fyne.Size{}) // laid out before it has a size
	if w.created != 0 || len(box.Objects) != 0 {
		t.Fatalf("never shown: %d renderers, %d objects in the box; want none", w.created, len(box.Objects))
	}
	box.Resize(fyne.NewSize(300, 200))
	box.Show()
	box.Refresh()
	if w.created != 1 || len(box.Objects) != 1 || w.Size() != fyne.NewSize(300, 200) {
		t.Errorf("shown: %d renderers, %d objects, content size %v; want 1, 1, 300×200", w.created, len(box.Objects), w.Size())
	}
}

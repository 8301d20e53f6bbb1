package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"scaleplan/export/chart"
	"scaleplan/scenario"
)

// TestTabsFollowTheRegistry: the window's tabs are the registry's rows, in
// order, and each screen implements exactly the interfaces it fills (no
// stubs): the Overview has inputs and results but no charts, Compare has
// charts but no inputs, Risk shows results only when shown, every module
// tab all four.
func TestTabsFollowTheRegistry(t *testing.T) {
	u, _ := newTestUI(t)
	if len(u.tabs.Items) != len(tabs) {
		t.Fatalf("%d tabs, registry has %d rows", len(u.tabs.Items), len(tabs))
	}
	for i, tb := range tabs {
		if got := u.tabs.Items[i].Text; got != tb.title {
			t.Errorf("tab %d is %q, want %q", i, got, tb.title)
		}
		sc := u.screens[i]
		_, ed := sc.(editor)
		_, vw := sc.(viewer)
		_, ch := sc.(charted)
		_, ex := sc.(chartExporter)
		want := [4]bool{true, true, true, true}
		switch tb.title {
		case "Overview":
			want = [4]bool{true, true, false, false}
		case "Compare":
			want = [4]bool{false, true, true, true}
		case "Risk": // the simulation and the questions asked of the model; no inputs of its own
			want = [4]bool{false, true, true, false}
		case "Experiments": // plan-level: its own inputs and curve, no scenario results
			want = [4]bool{true, false, true, false}
		}
		if got := [4]bool{ed, vw, ch, ex}; got != want {
			t.Errorf("%s: editor, viewer, charted, chartExporter = %v, want %v", tb.title, got, want)
		}
	}
}

// probe is a made-up module's screen: it records what the window asks
// of it.
type probe struct {
	label  *widget.Label
	loaded string // the name of the scenario last loaded
	shown  int    // results shown
	active bool
}

func (p *probe) content() fyne.CanvasObject { return p.label }
func (p *probe) inputs() []input            { return nil }
func (p *probe) load(s *scenario.Scenario, _ bool) {
	p.loaded = s.Name
}
func (p *probe) show(chart.Input)  { p.shown++ }
func (p *probe) setActive(on bool) { p.active = on }

// TestNewTabIsOneRow: a row added to the registry is a tab, whose screen
// gets the selected scenario, the results and its visibility like the
// others, and whose module is named in the milestone timeline.
func TestNewTabIsOneRow(t *testing.T) {
	p := &probe{label: widget.NewLabel("probe")}
	saved := tabs
	at := tabIndex(t, "Compare")
	tabs = append(append(append([]tab(nil), saved[:at]...),
		tab{title: "Probe", module: "probe", milestone: "Probing", make: func(*UI) screen { return p }}), saved[at:]...)
	t.Cleanup(func() { tabs = saved })
	u, _ := newTestUI(t)
	i := tabIndex(t, "Probe")
	if i != at || u.tabs.Items[i].Text != "Probe" || u.tabs.Items[i+1].Text != "Compare" {
		t.Fatalf("probe tab at %d; tabs %v", i, u.tabs.Items)
	}
	// A hidden screen loads the selected scenario when its tab is shown.
	if p.loaded != "" || p.shown == 0 || p.active {
		t.Fatalf("after start: loaded %q, shown %d, active %v; want nothing loaded yet, results, hidden", p.loaded, p.shown, p.active)
	}
	shown := p.shown
	u.selectScenario(1)
	if p.loaded != "" || p.shown == shown {
		t.Errorf("after selecting Aggressive: loaded %q, shown %d times (was %d)", p.loaded, p.shown, shown)
	}
	u.tabs.SelectIndex(i)
	if !p.active || p.loaded != "Aggressive" {
		t.Errorf("the probe tab shows: active %v, loaded %q; want active, Aggressive", p.active, p.loaded)
	}
	u.selectScenario(2)
	if p.loaded != "Conservative" {
		t.Errorf("selecting Conservative while the probe tab shows: loaded %q", p.loaded)
	}
	u.tabs.SelectIndex(0)
	if p.active {
		t.Error("the probe tab is hidden but its screen was not told")
	}
	if got := moduleName("probe"); got != "Probing" {
		t.Errorf("timeline name %q, want Probing", got)
	}
}

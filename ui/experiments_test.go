package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"scaleplan/scenario"
	"scaleplan/scenario/experiment"
)

// experimentsTab shows the Experiments tab and returns its screen.
func experimentsTab(t *testing.T, u *UI) *experimentsScreen {
	t.Helper()
	for i, sc := range u.screens {
		if x, ok := sc.(*experimentsScreen); ok {
			u.tabs.SelectIndex(i)
			return x
		}
	}
	t.Fatal("no Experiments tab")
	return nil
}

func expEntry(t *testing.T, u *UI, key string) *expField[float64] {
	t.Helper()
	return findField(t, u, "experiment."+key).(*expField[float64])
}

// typeText focuses the entry (an edit begins), clears it and types s.
func typeText(f interface{ entryOf() *focusEntry }, s string) {
	f.entryOf().FocusGained()
	f.entryOf().SetText("")
	test.Type(f.entryOf(), s)
}

// A founder plans a test (the worked check of docs/MODELS.md §9: 20% baseline, +25%, 1,000 visitors
// a day → 1,094 per arm, 3 days), reads a running result early (warned),
// records the final result (+12%, significant), applies it to Base's invite
// conversion and sees the new scenario and what it is worth.
func TestExperimentPlanReadApply(t *testing.T) {
	u, _ := newTestUI(t)
	x := experimentsTab(t, u)
	sample := u.s.Doc().Plan().Experiments
	if x.id != sample[0].ID || x.list.Length() != 3 || x.detail.Hidden || !strings.Contains(x.planning.Text, "6,510 visitors per arm to tell 20% from 22%") {
		t.Fatalf("the sample's first experiment is not shown: selected %q", x.id)
	}
	if err := u.s.Doc().Edit("Clear", func(p *scenario.Plan) error { p.Experiments = nil; return nil }); err != nil {
		t.Fatal(err)
	}
	if !x.detail.Hidden || !x.empty.Visible() || x.id != "" {
		t.Fatal("an empty backlog does not say so")
	}
	test.Tap(x.addBtn)
	es := u.s.Doc().Plan().Experiments
	if len(es) != 1 || es[0].Name != "Experiment 1" || x.id != es[0].ID || x.detail.Hidden {
		t.Fatalf("after New: %+v, selected %q", es, x.id)
	}
	typeText(findField(t, u, "experiment.name").(*expField[string]), "Invite copy")
	typeText(expEntry(t, u, "baselineRate"), "20%")
	typeText(expEntry(t, u, "minDetectableEffect"), "25%")
	typeText(expEntry(t, u, "dailyVisitors"), "1,000")
	for _, want := range []string{"1,094 visitors per arm", "2,188 in total", "3 days at 1,000 visitors a day"} {
		if !strings.Contains(x.planning.Text, want) {
			t.Errorf("planning %q lacks %q", x.planning.Text, want)
		}
	}
	if x.curve.rendered == 0 || x.curve.img.Image == nil {
		t.Error("the sample-size curve is not drawn")
	}

	// A running test read early is flagged.
	x.status.SetSelected(experiment.StatusRunning)
	x.counts.set(t, "600", "120", "640", "160")
	if x.peek.Hidden || !strings.Contains(x.peek.Text, "600 of the planned 1,094 visitors per arm") {
		t.Errorf("peeking warning %q (hidden %v)", x.peek.Text, x.peek.Hidden)
	}
	if !x.applyBtn.Disabled() || x.impact.Text != "Apply waits until the test reaches its sample size." {
		t.Errorf("an early read can be applied: %q", x.impact.Text)
	}
	// The final result: 10,000/1,000 vs 10,000/1,120, +12%, p < 0.01.
	x.counts.set(t, "10,000", "1000", "10000", "1120")
	x.status.SetSelected(experiment.StatusDone)
	e := *x.selected()
	if e.Status != experiment.StatusDone || e.Result == nil || e.Result.VariantConversions != 1120 || e.Result.ControlVisitors != 10000 {
		t.Fatalf("experiment %+v, result %+v", e, e.Result)
	}
	if !x.peek.Hidden || !strings.Contains(x.reading.Text, "Lift +12.0%") || !strings.Contains(x.reading.Text, ": significant at α = 5%") {
		t.Errorf("reading %q, warning %q", x.reading.Text, x.peek.Text)
	}
	if !x.applyBtn.Disabled() {
		t.Error("Apply is enabled without a target")
	}
	x.target.SetSelected("Base")
	x.input.SetSelected("viral.inviteConversion")
	if x.applyBtn.Disabled() || !strings.HasPrefix(x.impact.Text, "If applied: viral.inviteConversion from 0.2 to 0.224.") {
		t.Fatalf("apply disabled %v, impact %q", x.applyBtn.Disabled(), x.impact.Text)
	}
	test.Tap(x.applyBtn)
	ss := u.s.Doc().Plan().Scenarios
	if len(ss) != 4 || ss[1].Name != "Base + Invite copy" || u.s.Selected() != 1 {
		t.Fatalf("scenarios %v, selected %d", names(u), u.s.Selected())
	}
	if !strings.Contains(ss[1].Notes, `From experiment "Invite copy": viral.inviteConversion from 0.2 to 0.224 (lift +12.0%`) {
		t.Errorf("note %q", ss[1].Notes)
	}
	for _, want := range []string{"Applied as “Base + Invite copy”", "Active users at horizon: ", "ARR at horizon: "} {
		if !strings.Contains(x.impact.Text, want) {
			t.Errorf("impact %q lacks %q", x.impact.Text, want)
		}
	}
	if got := u.list.list.Length(); got != 4 {
		t.Errorf("the scenario list shows %d scenarios", got)
	}
	u.s.Doc().Undo()
	if len(u.s.Doc().Plan().Scenarios) != 3 {
		t.Errorf("undo left %v", names(u))
	}
}

// Invalid text shows its message, keeps the model, and counts in the status bar.
func TestExperimentInvalidInput(t *testing.T) {
	u, _ := newTestUI(t)
	x := experimentsTab(t, u)
	test.Tap(x.addBtn)
	if x.selected().Name != "Experiment 1" {
		t.Fatalf("New selected %q", x.selected().Name)
	}
	base := expEntry(t, u, "baselineRate")
	typeText(base, "150%")
	if !base.bad() || x.selected().BaselineRate != 0.1 || u.invalidCount() != 1 {
		t.Fatalf("bad %v, baseline %v, invalid %d", base.bad(), x.selected().BaselineRate, u.invalidCount())
	}
	mde := expEntry(t, u, "minDetectableEffect")
	typeText(mde, "0")
	if !mde.bad() {
		t.Error("an effect of 0 is accepted")
	}
	x.counts.set(t, "100", "101", "100", "5")
	if !x.counts.bad() || !strings.Contains(x.counts.msg.Text, "Control conversions: must not be above the 100 visitors, got 101") {
		t.Errorf("result message %q", x.counts.msg.Text)
	}
	x.counts.set(t, "100", "", "", "")
	if !strings.Contains(x.counts.msg.Text, "Enter all four counts") || x.selected().Result != nil {
		t.Errorf("partial result: %q", x.counts.msg.Text)
	}
	typeText(base, "20%")
	if base.bad() || x.selected().BaselineRate != 0.2 {
		t.Error("valid text after invalid is not applied")
	}
	// Escape puts back the value the edit began with.
	typeText(base, "35%")
	base.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if base.entry.Text != "20%" || x.selected().BaselineRate != 0.2 {
		t.Errorf("after Escape: %q, %v", base.entry.Text, x.selected().BaselineRate)
	}
}

// set types the four counts of a result.
func (r *resultInput) set(t *testing.T, counts ...string) {
	t.Helper()
	for i, c := range counts {
		r.entries[i].SetText(c)
	}
}

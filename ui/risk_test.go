package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"scaleplan/scenario"
)

// riskTab shows the Risk tab and returns its screen.
func riskTab(t *testing.T, u *UI) *riskScreen {
	t.Helper()
	u.tabs.SelectIndex(tabIndex(t, "Risk"))
	return u.screens[tabIndex(t, "Risk")].(*riskScreen)
}

// TestRiskTab: without ranges the tab says what to do; after Simulate it
// says the odds of the milestones in dated sentences; an edit marks it out
// of date. With a zero-width range every run is the plan itself, whose
// active users reach the 25,000 goal in month 31 (the Viral loop chart
// marks it), so the goal is reached by month 36 in every future and by
// month 24 in none.
func TestRiskTab(t *testing.T) {
	u, _ := newTestUI(t)
	clearRanges(t, u)
	r := riskTab(t, u)
	if !r.empty.Visible() || !strings.Contains(r.empty.Text, "Add a range to an input (Range… beside a field), then Simulate") {
		t.Fatalf("empty state %q", r.empty.Text)
	}
	d := u.s.Doc()
	v := cur(u).Viral.InviteConversion
	if err := d.SetRange(0, "viral.inviteConversion", scenario.Range{Low: v, High: v, Dist: scenario.DistUniform}); err != nil {
		t.Fatal(err)
	}
	if err := d.SetSimulation(scenario.Simulation{Runs: 50, Seed: 9}); err != nil {
		t.Fatal(err)
	}
	u.simulate()
	if r.empty.Visible() || !r.results.Visible() {
		t.Fatal("after Simulate the tab still shows its empty state")
	}
	for _, want := range []string{
		"Active users reach the goal by Dec 2029 (month 36): 100%",
		"Active users reach the goal by Dec 2028 (month 24): 0%",
		"Cash runs out by Dec 2027 (month 12): ",
	} {
		if !strings.Contains(r.odds.Text, want) {
			t.Errorf("milestones:\n%s\nwant a line %q", r.odds.Text, want)
		}
	}
	if !strings.HasPrefix(r.about.Text, "50 runs with seed 9") {
		t.Errorf("about %q", r.about.Text)
	}
	typeKeys(u, num(t, u, "viral.seedUsers"), "1200")
	r = riskTab(t, u)
	if !strings.HasPrefix(r.about.Text, "Out of date") {
		t.Errorf("after an edit the tab says %q, want it out of date", r.about.Text)
	}
}

// TestRiskAnalysis: the tornado puts an input with no effect on active
// users (quota attainment) last with zero swing; goal seek finds the
// plan's own conversion for the plan's own outcome and says when no
// conversion reaches a target; thresholds answer in a sentence.
func TestRiskAnalysis(t *testing.T) {
	u, _ := newTestUI(t)
	clearRanges(t, u)
	d := u.s.Doc()
	for path, rg := range map[string]scenario.Range{
		"viral.inviteConversion": {Low: 0.12, High: 0.28},
		"sales.quotaAttainment":  {Low: 0.5, High: 0.9, Dist: scenario.DistUniform},
	} {
		if err := d.SetRange(0, path, rg); err != nil {
			t.Fatal(err)
		}
	}
	r := riskTab(t, u)
	a := r.analysis
	a.tornadoOut.SetSelected("Active users")
	lines := strings.Split(a.tornado.words.Text, "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[1], "Invite conversion 12% to 28%") || !strings.HasPrefix(lines[2], "Quota attainment 50% to 90%") || !strings.HasSuffix(lines[2], "(swing 0)") {
		t.Errorf("tornado:\n%s", a.tornado.words.Text)
	}

	// the cash needed beyond the rounds is a measure of its own: Base's
	// sample plan never runs short, so no ranged input moves it from $0
	a.tornadoOut.SetSelected("Cash needed beyond rounds")
	if w := a.tornado.words.Text; !strings.HasPrefix(w, "Cash needed beyond rounds at month 36 with every input at its value: $0.") {
		t.Errorf("cash needed tornado:\n%s", w)
	}

	conv := slices.Index(a.inputs, "viral.inviteConversion")
	a.seekIn.SetSelectedIndex(conv)
	a.seekOut.SetSelected("Active users")
	base := u.results().Results[0].Viral.Months
	a.seekTarget.SetText(scenario.FormatCount(base[len(base)-1].Active))
	a.seek()
	if !strings.HasPrefix(a.seekAnswer.Text, "Invite conversion of 20% or more brings active users to") || !strings.HasSuffix(a.seekAnswer.Text, "the plan has 20%.") {
		t.Errorf("goal seek for the plan's own outcome: %q", a.seekAnswer.Text)
	}
	a.seekTarget.SetText("1bn")
	a.seek()
	if !strings.HasPrefix(a.seekAnswer.Text, "No value of Invite conversion from 0% to 100% brings active users to 1,000,000,000") {
		t.Errorf("an unreachable target: %q", a.seekAnswer.Text)
	}
	a.seekMonth.SetText("99")
	a.seek()
	if !strings.HasPrefix(a.seekAnswer.Text, "By month: the month must be a whole number from 1 to 36") {
		t.Errorf("month 99 of 36: %q", a.seekAnswer.Text)
	}

	a.decision.SetSelected(decisionNames[scenario.DecisionPlannedModel])
	a.decIn.SetSelectedIndex(slices.Index(a.inputs, "fulfillment.models[3PL].perOrder"))
	a.decMonth.SetText("12")
	a.thresholds()
	if !strings.Contains(a.decAnswer.Text, "stays the planned fulfillment model in month 12 while 3PL per order is") {
		t.Errorf("thresholds: %q", a.decAnswer.Text)
	}
}

// TestInputTextWritesMoneyWithItsCurrency: the Risk tab's sentences write
// an amount with the plan's currency ("below $4.10"), a rate as a percentage.
func TestInputTextWritesMoneyWithItsCurrency(t *testing.T) {
	for _, c := range []struct {
		path string
		v    float64
		want string
	}{
		{"fulfillment.models[3PL].perOrder", 4.1, "$4.10"},
		{"finance.startingCash", 1_500_000, "$1,500,000"},
		{"viral.inviteConversion", 0.2, "20%"},
		{"viral.invitesPerUser", 3, "3"},
	} {
		if got := inputText(c.path, c.v, "USD"); got != c.want {
			t.Errorf("inputText(%s, %g) = %q, want %q", c.path, c.v, got, c.want)
		}
	}
}

// File → Export Chart… on the Risk tab writes the tornado shown (not the
// viral loop's charts); before a tornado is drawn it says why not.
func TestRiskExportsTheTornado(t *testing.T) {
	u, _ := newTestUI(t)
	clearRanges(t, u)
	r := riskTab(t, u)
	if _, write, why := r.chartFile(); write != nil || !strings.Contains(why, "tornado") {
		t.Errorf("no tornado yet: write %v, why %q", write != nil, why)
	}
	if err := u.s.Doc().SetRange(0, "viral.inviteConversion", scenario.Range{Low: 0.12, High: 0.28}); err != nil {
		t.Fatal(err)
	}
	r.analysis.tornadoOut.SetSelected("Active users")
	name, write, _ := r.chartFile()
	if write == nil || name != "tornado" {
		t.Fatalf("with a tornado: name %q, write %v", name, write != nil)
	}
	path := filepath.Join(t.TempDir(), "t.svg")
	if err := write(path); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	if !strings.Contains(string(data), "<svg") || !strings.Contains(string(data), "What moves") {
		t.Errorf("the file is no tornado chart: %.80q", data)
	}
}

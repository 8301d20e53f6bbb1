package ui

import (
	"strings"
	"testing"

	"scaleplan/scenario"
)

// simulateAll gives every scenario of u's plan a range on invite
// conversion and on other costs, and simulates the plan with runs runs
// (as Simulate does, but on the test's goroutine), handing the outcome to
// the UI as Simulate's end does.
func simulateAll(t testing.TB, u *UI, runs int) {
	t.Helper()
	d := u.s.Doc()
	for i := range d.Plan().Scenarios {
		if err := d.SetRange(i, "viral.inviteConversion", scenario.Range{Low: 0.12, High: 0.3}); err != nil {
			t.Fatal(err)
		}
		if err := d.SetRange(i, "finance.otherCostsPerMonth", scenario.Range{Low: 50000, High: 150000}); err != nil {
			t.Fatal(err)
		}
	}
	if err := d.SetSimulation(scenario.Simulation{Runs: runs, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	job, err := u.s.StartSimulation()
	if err != nil {
		t.Fatal(err)
	}
	u.simulated(job, job.Run())
}

// rowCells returns the cells of the Compare table's row labelled label.
func rowCells(t *testing.T, c *compare, label string) []cmpCell {
	t.Helper()
	for _, r := range c.model.rows {
		if r.label == label {
			return r.cells
		}
	}
	var ls []string
	for _, r := range c.model.rows {
		ls = append(ls, r.label)
	}
	t.Fatalf("no row %q in %q", label, ls)
	return nil
}

// TestCompareShowsP50sAndOdds: after a simulation, Compare writes each
// scenario's P50 under the metrics the simulated series give (the median
// of the simulation's band at that month) and a row per milestone with its
// share of runs; Copy Table carries the P50s. An edit to one scenario
// makes its simulation stale: its P50s and odds go, the note says to
// simulate again, and its charts draw faint bands; the others keep theirs.
func TestCompareShowsP50sAndOdds(t *testing.T) {
	u, _ := newTestUI(t)
	i := tabIndex(t, "Compare")
	u.tabs.SelectIndex(i)
	c := u.screens[i].(*compare)
	simulateAll(t, u, 300)
	idx := c.chartInput().Compare
	for _, row := range []struct {
		label, output string
		month         int
	}{{"Active users, month 12", scenario.OutputActive, 12}, {"ARR, month 24", scenario.OutputARR, 24}} {
		cells := rowCells(t, c, row.label)
		for j, si := range idx {
			sr, _ := u.s.Simulation(u.s.Doc().Plan().Scenarios[si].ID)
			want := sr.Series[row.output][row.month-1]
			if want.Month != row.month {
				t.Fatalf("band %d is month %d", row.month-1, want.Month)
			}
			m := scenario.Metric{Unit: scenario.UnitCount, Value: want.P50, OK: true}
			if row.output == scenario.OutputARR {
				m.Unit = scenario.UnitMoney
			}
			if w := "P50 " + formatMetricOn(m, u.s.Doc().Plan()); cells[j].p50 != w {
				t.Errorf("%s, %s: %q, want %q", row.label, u.s.Doc().Plan().Scenarios[si].Name, cells[j].p50, w)
			}
		}
	}
	// a metric no series gives: the simulation's per-run metric
	kCells := rowCells(t, c, "Viral coefficient K")
	for j, si := range idx {
		sr, _ := u.s.Simulation(u.s.Doc().Plan().Scenarios[si].ID)
		m := scenario.Metric{Unit: scenario.UnitRatio, Value: sr.Metrics[scenario.MetricViralK].P50, OK: true}
		if w := "P50 " + formatMetricOn(m, u.s.Doc().Plan()); kCells[j].p50 != w {
			t.Errorf("K of %s: %q, want %q", u.s.Doc().Plan().Scenarios[si].Name, kCells[j].p50, w)
		}
	}
	if cells := rowCells(t, c, "Odds over 300 runs"); len(cells) != 0 {
		t.Errorf("the odds heading has cells %v", cells)
	}
	cash := rowCells(t, c, "Cash runs out by month 36")
	for j, si := range idx {
		sr, _ := u.s.Simulation(u.s.Doc().Plan().Scenarios[si].ID)
		for _, p := range sr.Probabilities {
			if p.Event == scenario.EventCashOut && p.Month == 36 && cash[j].value != formatShare(p.P) {
				t.Errorf("cash-out odds of %s: %q, want %q", u.s.Doc().Plan().Scenarios[si].Name, cash[j].value, formatShare(p.P))
			}
		}
	}
	if tsv := c.model.tsv(); !strings.Contains(strings.SplitN(tsv, "\n", 2)[0], "P50") {
		t.Errorf("Copy Table's header has no P50 column: %q", strings.SplitN(tsv, "\n", 2)[0])
	}
	if !strings.Contains(c.common.Text, "P50: the median") {
		t.Errorf("note %q", c.common.Text)
	}

	// edit the baseline: its simulation is stale
	base := idx[0]
	u.selectScenario(base)
	paste(num(t, u, "viral.seedUsers"), "4242")
	u.tabs.SelectIndex(i)
	cells := rowCells(t, c, "Active users, month 12")
	if cells[0].p50 != "" || cells[1].p50 == "" {
		t.Errorf("after the edit: baseline P50 %q, other %q", cells[0].p50, cells[1].p50)
	}
	name := u.s.Doc().Plan().Scenarios[base].Name
	if !strings.Contains(c.common.Text, name+" changed since the last simulation") {
		t.Errorf("note %q", c.common.Text)
	}
	if cash := rowCells(t, c, "Cash runs out by month 36"); cash[0].value != "—" {
		t.Errorf("stale baseline's odds %q", cash[0].value)
	}
	in := u.results()
	if len(in.SimStale) != len(in.Plan.Scenarios) || !in.SimStale[base] || in.SimStale[idx[1]] {
		t.Errorf("stale marks %v, want only scenario %d", in.SimStale, base)
	}
}

func TestFormatShare(t *testing.T) {
	for p, want := range map[float64]string{0: "0%", 0.004: "<1%", 0.005: "1%", 0.224: "22%", 0.996: ">99%", 1: "100%"} {
		if got := formatShare(p); got != want {
			t.Errorf("formatShare(%g) = %q, want %q", p, got, want)
		}
	}
}

package scenario

import (
	"strings"
	"testing"
)

// TestCompareAtTheShortestHorizon: with Aggressive run to month 60 and Base
// to 36, every figure is taken at month 36. The models run forward in time,
// so Aggressive's figures at month 36 are those of the same scenario run
// with a 36-month horizon (viral, sales, markets), its paid spend is 36
// months of paidUsersPerMonth × paidCAC, and labels say "at month 36".
func TestCompareAtTheShortestHorizon(t *testing.T) {
	p := samplePlan(t)
	for i := range p.Scenarios {
		p.Scenarios[i].Finance.Enabled = false
	}
	base, aggr := &p.Scenarios[0], &p.Scenarios[1]
	aggr.HorizonMonths = 60
	rs, err := ComputePlan(p)
	if err != nil {
		t.Fatal(err)
	}
	c := CompareScenarios([]*Scenario{base, aggr}, rs[:2])
	if c.Month != 36 || !c.Unequal() || c.Horizons[0] != 36 || c.Horizons[1] != 60 {
		t.Fatalf("common month %d, horizons %v", c.Month, c.Horizons)
	}
	short := *aggr
	short.HorizonMonths = 36
	r36, err := Compute(&short, p.Currency)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]Metric{}
	for _, m := range Metrics(&short, r36) {
		want[m.Key] = m
	}
	got := map[string]Metric{}
	for _, m := range c.Metrics[1] {
		got[m.Key] = m
	}
	for _, key := range []string{"viral.activeHorizon", "viral.cumulative", "viral.paidSpend", "sales.arrHorizon",
		"sales.stage", "sales.heads", "sales.cost", "fulfillment.orders", "markets.top"} {
		g, w := got[key], want[key]
		if g.Value != w.Value || g.Text != w.Text || g.OK != w.OK {
			t.Errorf("%s at month 36 = %v %q, want the 36-month run's %v %q", key, g.Value, g.Text, w.Value, w.Text)
		}
	}
	v := aggr.Viral
	if w := 36 * v.PaidUsersPerMonth * v.PaidCAC; got["viral.paidSpend"].Value != w {
		t.Errorf("paid spend over 36 months = %v, want 36 × %v × %v = %v", got["viral.paidSpend"].Value, v.PaidUsersPerMonth, v.PaidCAC, w)
	}
	// the full 60-month run is untouched
	if n := len(rs[1].Viral.Months); n != 60 {
		t.Errorf("the result was cut: %d months", n)
	}
	if l := got["sales.arrHorizon"].Label; !strings.Contains(l, "month 36") {
		t.Errorf("label %q, want it to name month 36", l)
	}
	// the recommended fulfillment plan is costed to month 36: its monthly
	// costs and setups over months 1..36 of the full run
	sum := 0.0
	for _, fm := range rs[1].Fulfillment.Months[:36] {
		sum += fm.PlannedCost + fm.PlannedSetup
	}
	if g := got["fulfillment.cost"].Value; !near(g, sum, 1e-12) {
		t.Errorf("fulfillment cost to month 36 = %v, want %v", g, sum)
	}

	// equal horizons: labels unchanged, figures those of Metrics
	same := CompareScenarios([]*Scenario{base, &p.Scenarios[2]}, []*Result{rs[0], rs[2]})
	if same.Unequal() || same.Metrics[0][0].Label != Metrics(base, rs[0])[0].Label {
		t.Errorf("equal horizons changed the labels")
	}
}

// TestCompareFinanceAtTheCommonMonth: cash at the common month is the full
// run's cash in that month (every monthly line is the same), whatever
// funding or market entries come later.
func TestCompareFinanceAtTheCommonMonth(t *testing.T) {
	p := samplePlan(t)
	s := &p.Scenarios[0]
	s.Finance.Enabled = true
	s.HorizonMonths = 48
	s.Finance.FundingRounds = append(s.Finance.FundingRounds, FundingRound{Name: "Late", Month: 40, Amount: 5e6})
	rs, err := ComputePlan(p)
	if err != nil {
		t.Fatal(err)
	}
	_, r := At(s, rs[0], 30)
	if n := len(r.Finance.Months); n != 30 {
		t.Fatalf("%d finance months at month 30", n)
	}
	if g, w := r.Finance.CashAtHorizon(), rs[0].Finance.Months[29].Cash; !near(g, w, 1e-12) {
		t.Errorf("cash at month 30 = %v, want the full run's %v", g, w)
	}
}

// TestMonthDeltasAreMonths: reaching a stage in month 21 instead of 18 is
// 3 months later, not +16.7%.
func TestMonthDeltasAreMonths(t *testing.T) {
	base := Metric{Key: "sales.stage.First Sales Hire", Unit: UnitMonth, Value: 18, OK: true}
	m := base
	m.Value = 21
	d := Compare(base, m)
	if !d.OK || d.Abs != 3 || d.RelOK {
		t.Errorf("delta %+v, want 3 months and no percentage", d)
	}
	arr := Metric{Key: "sales.arrHorizon", Unit: UnitMoney, Value: 200, OK: true}
	more := arr
	more.Value = 250
	if d := Compare(arr, more); !d.RelOK || d.Rel != 0.25 {
		t.Errorf("money delta %+v, want +25%%", d)
	}
}

// TestCompareSetIsKeptWithThePlan: the compared set and baseline survive a
// save and open, and a plan without one writes no "compare" key.
func TestCompareSetIsKeptWithThePlan(t *testing.T) {
	p := samplePlan(t)
	data, err := Encode(p)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), `"compare"`) {
		t.Errorf("a plan without a comparison writes one")
	}
	p.Compare = &CompareSet{Baseline: p.Scenarios[2].ID, Scenarios: []string{p.Scenarios[0].ID}}
	data, err = Encode(p)
	if err != nil {
		t.Fatal(err)
	}
	q, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	if q.Compare == nil || q.Compare.Baseline != p.Scenarios[2].ID || len(q.Compare.Scenarios) != 1 || q.Compare.Scenarios[0] != p.Scenarios[0].ID {
		t.Errorf("compare set after a round trip: %+v", q.Compare)
	}
	c := q.Clone()
	c.Compare.Scenarios[0] = "changed"
	if q.Compare.Scenarios[0] == "changed" {
		t.Errorf("Clone shares the compared list")
	}
}

// TestNewScenarioHasThePlansMarkets: a new scenario has the article's five
// factors and the plan's markets, scored as in the first scenario on the
// factors of the same name.
func TestNewScenarioHasThePlansMarkets(t *testing.T) {
	p := samplePlan(t)
	s := p.NewScenario("Fresh")
	src := p.Scenarios[0].Markets
	if len(s.Markets.Factors) != 5 || len(s.Markets.Markets) != len(src.Markets) || len(src.Markets) == 0 {
		t.Fatalf("%d factors, %d markets; want 5 and the plan's %d", len(s.Markets.Factors), len(s.Markets.Markets), len(src.Markets))
	}
	m, want := s.Markets.Markets[0], src.Markets[0]
	if m.Name != want.Name || m.ID == want.ID {
		t.Errorf("first market %q (id %s), want %q with a new id", m.Name, m.ID, want.Name)
	}
	f := s.Markets.Factors[0]
	var srcID string
	for _, g := range src.Factors {
		if g.Name == f.Name {
			srcID = g.ID
		}
	}
	if m.Scores[f.ID] != want.Scores[srcID] {
		t.Errorf("%s on %s: %v, want the plan's %v", m.Name, f.Name, m.Scores[f.ID], want.Scores[srcID])
	}
	if s.Viral.K() != 1 { // the article's example: 5 invites × 20%
		t.Errorf("K = %v, want the article's 1", s.Viral.K())
	}
	r, err := Compute(&s, "USD")
	if err != nil || r.Markets == nil || len(r.Markets.Ranking) != len(src.Markets) {
		t.Errorf("the new scenario's markets do not rank: %v", err)
	}
}

// TestDeltaGoodByDirection: more ARR is good, more cost is bad, an earlier
// month is good where earlier is better, and a head count is neither.
func TestDeltaGoodByDirection(t *testing.T) {
	for _, tc := range []struct {
		abs    float64
		better Better
		want   int
	}{
		{+5, BetterHigher, 1}, {-5, BetterHigher, -1}, {+5, BetterLower, -1}, {-3, BetterLower, 1},
		{+5, BetterNone, 0}, {0, BetterHigher, 0},
	} {
		if got := (Delta{Abs: tc.abs, OK: true}).Good(tc.better); got != tc.want {
			t.Errorf("Δ %+v with %q better: %d, want %d", tc.abs, tc.better, got, tc.want)
		}
	}
}

package chart

// Tests added after a mutation audit: the other chart tests check that
// every panel renders; these check what a panel shows (series, legend,
// bands, labels), each expectation taken from the model's meaning or the
// sample's report, not from the drawing code.

import (
	"math"
	"strings"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"

	"scaleplan/scenario"
)

// built runs panel pn's builder on a fresh context (without drawing).
func built(t *testing.T, pn Panel, in Input) *ctx {
	t.Helper()
	c := newCtx(in, Light(), defaultSize)
	if err := builders[pn](c); err != nil {
		t.Fatalf("%s: %v", pn, err)
	}
	return c
}

func legendLabels(c *ctx) []string {
	var out []string
	for _, e := range c.legend {
		out = append(out, e.label)
	}
	return out
}

func lines(items []plot.Plotter) []*plotter.Line {
	var out []*plotter.Line
	for _, it := range items {
		if l, ok := it.(*plotter.Line); ok {
			out = append(out, l)
		}
	}
	return out
}

func allBars(items []plot.Plotter) []*bars {
	var out []*bars
	for _, it := range items {
		if b, ok := it.(*bars); ok {
			out = append(out, b)
		}
	}
	return out
}

func vlineLabels(items []plot.Plotter) []string {
	var out []string
	for _, it := range items {
		if v, ok := it.(*vlines); ok {
			for _, l := range v.Lines {
				out = append(out, l.Label)
			}
		}
	}
	return out
}

func sameColor(a, b interface{ RGBA() (r, g, b, a uint32) }) bool {
	r1, g1, b1, a1 := a.RGBA()
	r2, g2, b2, a2 := b.RGBA()
	return r1 == r2 && g1 == g2 && b1 == b2 && a1 == a2
}

// TestCompareBaselineFirstColoursByPlace: without Input.Compare every
// scenario is overlaid once, the one shown first as the thicker baseline;
// each keeps the colour of its place in the plan; the month axis spans the
// longest horizon; the cost panel shows the recommended plan's cost.
func TestCompareBaselineFirstColoursByPlace(t *testing.T) {
	p, _ := sample(t)
	p.Scenarios[0].HorizonMonths = 48 // Base (overlaid second) runs longest; the others 36
	rs, err := scenario.ComputePlan(p)
	if err != nil {
		t.Fatal(err)
	}
	c := built(t, CompareARR, Input{Plan: p, Results: rs, Scenario: 2})
	want := []string{"Conservative (baseline)", "Base", "Aggressive"}
	if got := legendLabels(c); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("legend %q, want %q", got, want)
	}
	ls := lines(c.items)
	if len(ls) != 3 {
		t.Fatalf("%d lines, want 3", len(ls))
	}
	for k, plan := range []int{2, 0, 1} {
		if !sameColor(ls[k].Color, Light().Palette[plan]) {
			t.Errorf("line %d (%s) not in palette colour %d", k, p.Scenarios[plan].Name, plan)
		}
	}
	if !(ls[0].Width > ls[1].Width && ls[1].Width == ls[2].Width) {
		t.Errorf("widths %v %v %v: the baseline should be the one thicker line", ls[0].Width, ls[1].Width, ls[2].Width)
	}
	if c.p.X.Max != 48 {
		t.Errorf("month axis ends at %v, want 48 (the longest horizon)", c.p.X.Max)
	}

	cc := built(t, CompareCost, Input{Plan: p, Results: rs, Scenario: 0})
	l := lines(cc.items)[0]
	months := rs[0].Fulfillment.Months
	if len(l.XYs) != len(months) {
		t.Fatalf("%d points for %d months", len(l.XYs), len(months))
	}
	for k, m := range months {
		if l.XYs[k].X != float64(m.Month)-0.5 || l.XYs[k].Y != m.PlannedCost {
			t.Fatalf("point %d = %v, want (%v, planned cost %v)", k, l.XYs[k], float64(m.Month)-0.5, m.PlannedCost)
		}
	}
}

// TestViralSourcesSeries: new users stack viral on paid, churned users go
// below zero, and all three are in the legend.
func TestViralSourcesSeries(t *testing.T) {
	p, rs := sample(t)
	c := built(t, ViralSources, Input{Plan: p, Results: rs})
	if got := strings.Join(legendLabels(c), "|"); got != "viral|paid|churned" {
		t.Errorf("legend %q", got)
	}
	months := rs[0].Viral.Months
	var paid, viral, churn bool
	for _, b := range allBars(c.items) {
		if len(b.Values) != len(months) {
			continue
		}
		pOK, vOK, cOK := b.Base == nil, len(b.Base) == len(months), b.Base == nil
		for i, m := range months {
			pOK = pOK && b.Values[i] == m.NewPaid
			vOK = vOK && b.Values[i] == m.NewViral && b.Base[i] == m.NewPaid
			cOK = cOK && b.Values[i] == -m.Churned && m.Churned > 0
		}
		paid, viral, churn = paid || pOK, viral || vOK, churn || cOK
	}
	if !paid || !viral || !churn {
		t.Errorf("bars: paid %v, viral on paid %v, churned below zero %v; want all", paid, viral, churn)
	}
}

// TestViralGoalLine: the sample's Base reaches its 25,000-user goal in
// month 31 (the report says so); the growth panel draws and labels it.
func TestViralGoalLine(t *testing.T) {
	p, rs := sample(t)
	c := built(t, ViralGrowth, Input{Plan: p, Results: rs})
	found := false
	for _, it := range c.items {
		if h, ok := it.(*hline); ok && h.Y == 25000 {
			found = true
			if h.Label != "goal 25k · reached in month 31" {
				t.Errorf("goal label %q", h.Label)
			}
		}
	}
	if !found {
		t.Error("no goal line at 25,000 users")
	}
}

// TestCycleNote: the note appears only when months hold different numbers
// of viral cycles, and gives the range.
func TestCycleNote(t *testing.T) {
	vr := func(months int, cycleMonths ...int) *scenario.ViralResult {
		r := &scenario.ViralResult{Months: make([]scenario.ViralMonth, months)}
		for _, m := range cycleMonths {
			r.Cycles = append(r.Cycles, scenario.ViralCycle{Month: m})
		}
		return r
	}
	if got := cycleNote(vr(3, 1, 1, 2, 2, 3, 3)); got != "" {
		t.Errorf("even cycles: %q, want no note", got)
	}
	if got := cycleNote(vr(3, 1, 1, 2, 3, 3)); got != " (1–2 viral cycles a month)" {
		t.Errorf("uneven cycles: %q", got)
	}
}

// TestBarWidth: gaps between monthly bars while there is room (up to five
// years), none beyond.
func TestBarWidth(t *testing.T) {
	for h, want := range map[int]float64{12: 0.75, 36: 0.75, 60: 0.75, 61: 1, 240: 1} {
		if got := barWidth(h); got != want {
			t.Errorf("barWidth(%d) = %v, want %v", h, got, want)
		}
	}
}

// TestSalesStageBandsAndHeads: the sample's Base is in Founder Sales for
// months 1–17, First Sales Hire from 18, Build Sales Machine from 34 (the
// report's stage months): three bands. Its team has AEs, SDRs and a VP but
// never a manager, stacked on each other.
func TestSalesStageBandsAndHeads(t *testing.T) {
	p, rs := sample(t)
	c := built(t, SalesARR, Input{Plan: p, Results: rs})
	type bd struct {
		x0, x1 float64
		label  string
	}
	var got []bd
	for _, it := range c.behind {
		if b, ok := it.(*band); ok {
			got = append(got, bd{b.X0, b.X1, b.Label})
		}
	}
	want := []bd{{0, 17, "Founder Sales"}, {17, 33, "First Sales Hire"}, {33, 36, "Build Sales Machine"}}
	if len(got) != len(want) {
		t.Fatalf("bands %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("band %d = %v, want %v", i, got[i], want[i])
		}
	}

	h := built(t, SalesHeads, Input{Plan: p, Results: rs})
	if l := strings.Join(legendLabels(h), "|"); l != "AEs|SDRs|VP Sales|ramped-AE equivalents" {
		t.Errorf("heads legend %q", l)
	}
	bs := allBars(h.items)
	if len(bs) != 3 {
		t.Fatalf("%d head bars, want 3 (no managers)", len(bs))
	}
	for i, m := range rs[0].Sales.Months {
		if bs[1].Base[i] != float64(m.AEs) || bs[2].Base[i] != float64(m.AEs+m.SDRs) {
			t.Fatalf("month %d: SDRs stand on %v, VP on %v; want %d and %d", m.Month, bs[1].Base[i], bs[2].Base[i], m.AEs, m.AEs+m.SDRs)
		}
	}
}

// TestCostPerOrderCapacityAndSwitches: Self-fulfillment ships at most
// 1,500 orders a month: its solid curve stops there, a dashed one goes on.
// The monthly panel marks the recommended switches (Self-fulfillment in
// month 1, 3PL in month 10) and only the rule-of-thumb switch that differs
// (Own warehouse in month 30), and says what the rule of thumb costs.
func TestCostPerOrderCapacityAndSwitches(t *testing.T) {
	p, rs := sample(t)
	c := built(t, FulfillmentCostPerOrder, Input{Plan: p, Results: rs})
	self := Light().Palette[0]
	var solidMax, dashed float64
	for _, l := range lines(c.items) {
		if !sameColor(l.Color, self) {
			continue
		}
		for _, xy := range l.XYs {
			if l.Dashes == nil {
				solidMax = math.Max(solidMax, xy.X)
			} else {
				dashed = math.Max(dashed, xy.X)
			}
		}
	}
	if solidMax != 1500 || dashed <= 1500 {
		t.Errorf("Self-fulfillment: solid up to %v, dashed up to %v; want 1500 and beyond", solidMax, dashed)
	}

	m := built(t, FulfillmentMonthly, Input{Plan: p, Results: rs})
	want := "Self-fulfillment from month 1|3PL from month 10|rule: Own warehouse from month 30"
	if got := strings.Join(vlineLabels(m.items), "|"); got != want {
		t.Errorf("switch lines %q, want %q", got, want)
	}
	if got := legendLabels(m); len(got) != 2 || got[1] != "rule of thumb, $117k" {
		t.Errorf("legend %q; want the rule of thumb's $116,880 total", got)
	}
	a := built(t, FulfillmentMonthly, Input{Plan: p, Results: rs, Scenario: 1}) // Aggressive: saves $0
	if got := legendLabels(a); len(got) != 2 || got[1] != "rule of thumb: the same plan" {
		t.Errorf("Aggressive legend %q", got)
	}
}

// TestEnvelopeIgnoresInfeasibleModels: a model over its capacity cannot be
// the cheapest choice, so it does not hide a break-even on the envelope.
func TestEnvelopeIgnoresInfeasibleModels(t *testing.T) {
	models := []scenario.FulfillmentModel{
		{Name: "Tiny", PerOrder: 1, Capacity: 100},
		{Name: "B", FixedMonthly: 1000, PerOrder: 5},
		{Name: "C", FixedMonthly: 3000, PerOrder: 3},
	}
	be := []scenario.BreakEven{{From: "B", To: "C", Orders: 1000}} // 1000+5·1000 = 3000+3·1000
	if got := envelopeBreakEvens(models, be); len(got) != 1 {
		t.Errorf("envelope %v, want the B↔C break-even at 1,000", got)
	}
}

// TestMarketBarsMatchNames: each row's bar is as long as the weighted score
// of the market named on that row, best on top.
func TestMarketBarsMatchNames(t *testing.T) {
	p, rs := sample(t)
	c := built(t, MarketScores, Input{Plan: p, Results: rs})
	rk := rs[0].Markets.Ranking
	ticks := c.p.Y.Tick.Marker.Ticks(0, 0)
	if len(ticks) != len(rk) || ticks[len(ticks)-1].Label != rk[0].Name {
		t.Fatalf("rows %v; want %d markets, %s on top", ticks, len(rk), rk[0].Name)
	}
	weighted := map[string]float64{}
	for _, m := range rk {
		weighted[m.Name] = m.Weighted
	}
	for _, tk := range ticks {
		sum := 0.0
		for _, b := range allBars(c.items) {
			sum += b.Values[int(tk.Value)]
		}
		if math.Abs(sum-weighted[tk.Label]) > 1e-9 {
			t.Errorf("row %v (%s): bar %v, want weighted score %v", tk.Value, tk.Label, sum, weighted[tk.Label])
		}
	}
}

// TestMarketLabels: factor weights are shown only when they differ; tied
// scores say so.
func TestMarketLabels(t *testing.T) {
	same := []scenario.Factor{{Name: "Size", Weight: 1}, {Name: "Ease", Weight: 1}}
	if got := factorLabel(same[0], same); got != "Size" {
		t.Errorf("equal weights: %q", got)
	}
	diff := []scenario.Factor{{Name: "Size", Weight: 2}, {Name: "Ease", Weight: 1}}
	if got := factorLabel(diff[0], diff); got != "Size ×2" {
		t.Errorf("different weights: %q", got)
	}
	if got := scoreLabel(scenario.MarketScore{Weighted: 3.6, Rank: 2, Tied: true}); got != "3.60 · #2 tied" {
		t.Errorf("tied: %q", got)
	}
	if got := scoreLabel(scenario.MarketScore{Weighted: 3.8, Rank: 1}); got != "3.80 · #1" {
		t.Errorf("not tied: %q", got)
	}
}

// TestScenarioOutOfRangeMessage: one past the last scenario is reported as
// out of range, not as an internal error.
func TestScenarioOutOfRangeMessage(t *testing.T) {
	p, rs := sample(t)
	_, err := Plot(SalesARR, Input{Plan: p, Results: rs, Scenario: len(p.Scenarios)}, Light())
	if err == nil || !strings.Contains(err.Error(), "scenario 3 out of range (the plan has 3)") {
		t.Errorf("error %v", err)
	}
}

package chart

import (
	"math"
	"strings"
	"testing"

	"gonum.org/v1/plot/plotter"

	"scaleplan/scenario"
)

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

// TestMonthlyCostIncludesSetups: the monthly cost lines pay each model's
// setup in the month the plan adopts it, so they add up to the totals in
// the legend. Base adopts Self-fulfillment in month 1 and 3PL in month 10;
// the rule of thumb moves to Own warehouse in month 30.
func TestMonthlyCostIncludesSetups(t *testing.T) {
	p, rs := sample(t)
	models := p.Scenarios[0].Fulfillment.Models
	setup := map[string]float64{}
	for _, m := range models {
		setup[m.Name] = m.SetupCost
	}
	fr := rs[0].Fulfillment
	c := built(t, FulfillmentMonthly, Input{Plan: p, Results: rs})
	ls := lines(c.items)
	if len(ls) != 2 {
		t.Fatalf("%d lines, want the recommended plan and the rule of thumb", len(ls))
	}
	rec, rule := ls[0], ls[1]
	for _, tc := range []struct {
		name  string
		xys   []float64
		total float64
		adopt map[int]string // month → model adopted
	}{
		{"recommended", ys(rec.XYs), fr.TotalCost, map[int]string{1: "Self-fulfillment", 10: "3PL"}},
		{"rule of thumb", ys(rule.XYs), fr.RuleOfThumbCost, map[int]string{1: "Self-fulfillment", 10: "3PL", 30: "Own warehouse"}},
	} {
		sum := 0.0
		for _, y := range tc.xys {
			sum += y
		}
		if math.Abs(sum-tc.total) > 1e-6*tc.total {
			t.Errorf("%s: the monthly line adds up to %v, the legend's total is %v", tc.name, sum, tc.total)
		}
		for month, model := range tc.adopt {
			m := fr.Months[month-1]
			base := m.PlannedCost
			if tc.name != "recommended" {
				base = m.RuleCost
			}
			if got := tc.xys[month-1] - base; math.Abs(got-setup[model]) > 1e-9 {
				t.Errorf("%s, month %d: %v above the running cost, want %s's setup %v", tc.name, month, got, model, setup[model])
			}
		}
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

// ys lists the Y values of points.
func ys(xys plotter.XYs) []float64 {
	out := make([]float64, len(xys))
	for i, xy := range xys {
		out[i] = xy.Y
	}
	return out
}

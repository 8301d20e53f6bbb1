package chart

import (
	"math"
	"strings"
	"testing"

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

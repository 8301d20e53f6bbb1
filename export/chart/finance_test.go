package chart

import (
	"strings"
	"testing"
)

// financeCtx builds panel b for scenario i of the sample and returns what
// it drew: its legend labels and its vertical lines' labels.
func financeCtx(t *testing.T, i int, b builder) (legend, marks []string) {
	t.Helper()
	p, rs := sample(t)
	c := newCtx(Input{Plan: p, Results: rs, Scenario: i}, Light(), defaultSize)
	if err := b(c); err != nil {
		t.Fatal(err)
	}
	for _, e := range c.legend {
		legend = append(legend, e.label)
	}
	for _, it := range c.items {
		if v, ok := it.(*vlines); ok {
			for _, l := range v.Lines {
				marks = append(marks, l.Label)
			}
		}
	}
	return legend, marks
}

// TestFinanceCashMarks: the sample's Aggressive scenario runs out of cash
// in month 9 (September 2027, before its Series A in month 12): the chart
// flags it and marks the round; Base never runs out, so nothing is flagged.
func TestFinanceCashMarks(t *testing.T) {
	legend, marks := financeCtx(t, 1, financeCash)
	if got := strings.Join(marks, "|"); got != "Series A $4M|cash runs out · Sep 2027" {
		t.Errorf("Aggressive marks %q", got)
	}
	if got := strings.Join(legend, "|"); got != "cash|funding round|cash runs out" {
		t.Errorf("Aggressive legend %q", got)
	}
	legend, marks = financeCtx(t, 0, financeCash)
	if strings.Contains(strings.Join(legend, "|")+strings.Join(marks, "|"), "runs out") {
		t.Errorf("Base never runs out: legend %q, marks %q", legend, marks)
	}
}

// TestFinanceFlowsLegend: Base pays no referral rewards, so its stack has
// no such layer; Aggressive (rewards of $2 + $2) has one.
func TestFinanceFlowsLegend(t *testing.T) {
	base, _ := financeCtx(t, 0, financeFlows)
	agg, _ := financeCtx(t, 1, financeFlows)
	if strings.Contains(strings.Join(base, "|"), "referral rewards") || !strings.Contains(strings.Join(agg, "|"), "referral rewards") {
		t.Errorf("legends: Base %q, Aggressive %q", base, agg)
	}
	if base[0] != "revenue" {
		t.Errorf("revenue should lead the legend: %q", base)
	}
}

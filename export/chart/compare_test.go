package chart

import (
	"strings"
	"testing"

	"scaleplan/scenario"
)

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
		if l.XYs[k].X != float64(m.Month)-0.5 || l.XYs[k].Y != m.PlannedCost+m.PlannedSetup {
			t.Fatalf("point %d = %v, want (%v, planned cost %v + setup %v)", k, l.XYs[k], float64(m.Month)-0.5, m.PlannedCost, m.PlannedSetup)
		}
	}
}

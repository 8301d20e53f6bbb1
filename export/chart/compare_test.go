package chart

import (
	"fmt"
	"hash/fnv"
	"strings"
	"testing"

	"scaleplan/scenario"
)

// TestCompareBaselineFirst: without Input.Compare every
// scenario is overlaid once, the one shown first as the thicker baseline;
// each has its identity colour; the month axis spans the
// longest horizon; the cost panel shows the recommended plan's cost.
func TestCompareBaselineFirst(t *testing.T) {
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
	cols := c.identityColors([]int{2, 0, 1})
	for k, plan := range []int{2, 0, 1} {
		if !sameColor(ls[k].Color, Light().Palette[cols[plan]]) {
			t.Errorf("line %d (%s) not in its identity colour %d", k, p.Scenarios[plan].Name, cols[plan])
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

// TestCompareColoursFollowTheScenario: a scenario keeps its colour when
// another is inserted before it or the list is reordered; the compared
// lines all differ in colour, and in dash pattern, so lines that coincide
// stay distinguishable.
func TestCompareColoursFollowTheScenario(t *testing.T) {
	p, rs := sample(t)
	colourOf := func(p *scenario.Plan, rs []*scenario.Result, idx []int) map[string]string {
		c := built(t, CompareARR, Input{Plan: p, Results: rs, Scenario: idx[0], Compare: idx})
		out := map[string]string{}
		for k, l := range lines(c.items) {
			r, g, b, _ := l.Color.RGBA()
			out[p.Scenarios[idx[k]].Name] = fmt.Sprint(r, g, b)
		}
		return out
	}
	before := colourOf(p, rs, []int{0, 1, 2})
	// insert a copy of Base at the front and move Conservative up
	// The new scenario's id is chosen not to clash with the others' colours
	// (a clash moves one of the two to the next free colour, in id order).
	n := uint32(len(Light().Palette))
	hashOf := func(id string) uint32 { h := fnv.New32a(); h.Write([]byte(id)); return h.Sum32() % n }
	fresh := p.Scenarios[0].Duplicate("New")
	for k := 0; ; k++ {
		fresh.ID = fmt.Sprintf("00000000-0000-4000-8000-%012d", k)
		clash := false
		for _, s := range p.Scenarios {
			clash = clash || hashOf(s.ID) == hashOf(fresh.ID)
		}
		if !clash {
			break
		}
	}
	q := *p
	q.Scenarios = []scenario.Scenario{fresh, p.Scenarios[2], p.Scenarios[0], p.Scenarios[1]}
	qs, err := scenario.ComputePlan(&q)
	if err != nil {
		t.Fatal(err)
	}
	after := colourOf(&q, qs, []int{2, 3, 1, 0})
	for _, name := range []string{"Base", "Aggressive", "Conservative"} {
		if before[name] != after[name] {
			t.Errorf("%s changed colour when a scenario was inserted: %s → %s", name, before[name], after[name])
		}
	}
	seen := map[string]bool{}
	for _, c := range after {
		if seen[c] {
			t.Errorf("two compared scenarios share a colour: %v", after)
		}
		seen[c] = true
	}
	c := built(t, CompareARR, Input{Plan: &q, Results: qs, Scenario: 2, Compare: []int{2, 3, 1, 0}})
	dashes := map[string]bool{}
	for _, l := range lines(c.items) {
		dashes[fmt.Sprint(l.Dashes)] = true
	}
	if len(dashes) != 4 {
		t.Errorf("%d dash patterns for 4 lines, want 4", len(dashes))
	}
}

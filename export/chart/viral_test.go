package chart

import (
	"strings"
	"testing"

	"scaleplan/scenario"
)

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

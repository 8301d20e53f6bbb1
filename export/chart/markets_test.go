package chart

import (
	"math"
	"testing"

	"scaleplan/scenario"
)

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

package scenario

import (
	"testing"
)

func marketsOf(weights []float64, scores map[string][]float64, order []string) Markets {
	var mk Markets
	for i, w := range weights {
		mk.Factors = append(mk.Factors, Factor{ID: string(rune('a' + i)), Name: "F", Weight: w})
	}
	for _, name := range order {
		m := Market{ID: name, Name: name, Scores: map[string]float64{}}
		for i, s := range scores[name] {
			m.Scores[mk.Factors[i].ID] = s
		}
		mk.Markets = append(mk.Markets, m)
	}
	return mk
}

func TestMarketsWeightedRanking(t *testing.T) {
	mk := marketsOf([]float64{2, 1, 0}, map[string][]float64{
		"A": {5, 1, 1}, // (10 + 1) / 3 = 3.667, total 7
		"B": {3, 5, 5}, // (6 + 5) / 3 = 3.667, total 13: ties A
		"C": {4, 4, 1}, // (8 + 4) / 3 = 4, total 9
		"D": {1, 1, 5}, // 3 / 3 = 1, total 7
	}, []string{"A", "B", "C", "D"})
	r := ComputeMarkets(mk)
	want := []struct {
		name     string
		weighted float64
		total    float64
		rank     int
		tied     bool
	}{{"C", 4, 9, 1, false}, {"A", 11.0 / 3, 7, 2, true}, {"B", 11.0 / 3, 13, 2, true}, {"D", 1, 7, 4, false}}
	for i, w := range want {
		g := r.Ranking[i]
		if g.Name != w.name || !near(g.Weighted, w.weighted, 1e-12) || g.Total != w.total || g.Rank != w.rank || g.Tied != w.tied {
			t.Errorf("ranking[%d] = %+v, want %+v", i, g, w)
		}
	}
	if r.Winner != "C" || r.WinnerTied {
		t.Errorf("winner = %s (tied %v), want C", r.Winner, r.WinnerTied)
	}
}

// TestMarketsFloatTie: 0.1·1 + 0.2·1 + 0.7·3 and 0.1·2 + 0.2·4 + 0.7·2 are
// both 2.4 on paper but differ in floating point; they must still tie.
func TestMarketsFloatTie(t *testing.T) {
	ws := []float64{0.1, 0.2, 0.7}
	sum := func(s []float64) float64 {
		v := 0.0
		for i := range ws {
			v += ws[i] * s[i]
		}
		return v
	}
	x, y := []float64{1, 1, 3}, []float64{2, 4, 2}
	if sum(x) == sum(y) {
		t.Fatal("test setup: the sums should differ in floating point")
	}
	mk := marketsOf(ws, map[string][]float64{"X": x, "Y": y, "Z": {1, 1, 1}}, []string{"Z", "Y", "X"})
	r := ComputeMarkets(mk)
	if r.Ranking[0].Rank != 1 || r.Ranking[1].Rank != 1 || !r.Ranking[0].Tied || !r.Ranking[1].Tied {
		t.Errorf("X and Y must share rank 1: %+v", r.Ranking)
	}
	if r.Ranking[2].Rank != 3 || r.Ranking[2].Tied || r.Ranking[2].Name != "Z" {
		t.Errorf("Z must be rank 3, untied: %+v", r.Ranking[2])
	}
	if !r.WinnerTied {
		t.Error("the winner shares its score: WinnerTied should be true")
	}
}

func TestMarketsThreeWayTieAndOrder(t *testing.T) {
	mk := marketsOf([]float64{1}, map[string][]float64{"P": {2}, "Q": {2}, "R": {2}, "S": {5}}, []string{"P", "Q", "R", "S"})
	r := ComputeMarkets(mk)
	ranks := []int{r.Ranking[0].Rank, r.Ranking[1].Rank, r.Ranking[2].Rank, r.Ranking[3].Rank}
	if !equalInts(ranks, []int{1, 2, 2, 2}) || r.Ranking[1].Name != "P" || r.Ranking[3].Name != "R" {
		t.Errorf("ranking = %+v; want S first, then P, Q, R sharing rank 2 in input order", r.Ranking)
	}
}

// Zero-weight factors count in the total but not in the weighted score; the
// ranking and winner follow the weighted score.
func TestMarketsZeroWeightFactors(t *testing.T) {
	mk := marketsOf([]float64{0, 2, 1}, map[string][]float64{
		"X": {5, 1, 1}, // total 7, weighted (0 + 2 + 1)/3 = 1
		"Y": {1, 2, 2}, // total 5, weighted (4 + 2)/3 = 2
		"Z": {3, 1, 4}, // total 8, weighted (2 + 4)/3 = 2
	}, []string{"X", "Y", "Z"})
	r := ComputeMarkets(mk)
	want := []MarketScore{
		{ID: "Y", Name: "Y", Total: 5, Weighted: 2, Rank: 1, Tied: true},
		{ID: "Z", Name: "Z", Total: 8, Weighted: 2, Rank: 1, Tied: true},
		{ID: "X", Name: "X", Total: 7, Weighted: 1, Rank: 3},
	}
	for i, w := range want {
		g := r.Ranking[i]
		if g.Name != w.Name || g.Total != w.Total || !near(g.Weighted, w.Weighted, 1e-12) || g.Rank != w.Rank || g.Tied != w.Tied {
			t.Errorf("ranking[%d] = %+v, want %+v", i, g, w)
		}
	}
	if r.Winner != "Y" || !r.WinnerTied {
		t.Errorf("winner %q tied %v, want Y tied", r.Winner, r.WinnerTied)
	}
	// one positive weight: the weighted score is that factor's score
	mk = marketsOf([]float64{0, 0, 3}, map[string][]float64{"P": {5, 5, 2}, "Q": {1, 1, 3}}, []string{"P", "Q"})
	r = ComputeMarkets(mk)
	if r.Winner != "Q" || r.Ranking[0].Weighted != 3 || r.Ranking[1].Weighted != 2 || r.Ranking[1].Total != 12 || r.WinnerTied {
		t.Errorf("single weight: %+v", r)
	}
}

// Near-tie chains: with weights 1 and 6e-10, markets scoring (3,3), (3,4),
// (3,5) have weighted scores 3, 3 + 6e-10, 3 + 1.2e-9: neighbours are within
// the 1e-9 tie tolerance, the ends are not. Whatever grouping is chosen, the
// ranking must list scores best first (no market above one that beats it by
// more than 1e-9), and ranks must not depend on the order markets are listed.
func TestMarketsNearTieChainIsOrderIndependent(t *testing.T) {
	scores := map[string][]float64{"A": {3, 3}, "B": {3, 4}, "C": {3, 5}}
	var first map[string]int
	for _, order := range [][]string{{"A", "B", "C"}, {"C", "A", "B"}, {"B", "C", "A"}, {"C", "B", "A"}} {
		r := ComputeMarkets(marketsOf([]float64{1, 6e-10}, scores, order))
		for i := range r.Ranking {
			for j := i + 1; j < len(r.Ranking); j++ {
				if r.Ranking[j].Weighted > r.Ranking[i].Weighted+TieTolerance {
					t.Errorf("input order %v ranks %s (%.10f) above %s (%.10f): the tolerance comparator is not a strict weak order",
						order, r.Ranking[i].Name, r.Ranking[i].Weighted, r.Ranking[j].Name, r.Ranking[j].Weighted)
				}
			}
		}
		ranks := map[string]int{}
		for _, m := range r.Ranking {
			ranks[m.Name] = m.Rank
		}
		if first == nil {
			first = ranks
			continue
		}
		for name, rank := range ranks {
			if first[name] != rank {
				t.Errorf("ranks depend on input order: %v gives %v, first order gave %v", order, ranks, first)
			}
		}
	}
}

package scenario

import "testing"

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

package scenario

import (
	"math"
	"sort"
)

// TieTolerance is how close two weighted scores must be to share a rank.
const TieTolerance = 1e-9

// ComputeMarkets scores and ranks the markets (DESIGN.md §4.4): total is the
// sum of scores, weighted is Σ w·s / Σ w, rank 1 is best, and scores within
// TieTolerance share a rank (1, 1, 3) and are flagged as tied. mk must be valid.
func ComputeMarkets(mk Markets) *MarketsResult {
	var wsum float64
	for _, f := range mk.Factors {
		wsum += f.Weight
	}
	ranking := make([]MarketScore, len(mk.Markets))
	for i, m := range mk.Markets {
		var total, weighted float64
		for _, f := range mk.Factors {
			s := m.Scores[f.ID]
			total += s
			weighted += f.Weight * s
		}
		if wsum > 0 {
			weighted /= wsum
		}
		ranking[i] = MarketScore{ID: m.ID, Name: m.Name, Total: total, Weighted: weighted}
	}
	sort.SliceStable(ranking, func(a, b int) bool {
		return ranking[a].Weighted > ranking[b].Weighted+TieTolerance
	})
	for i := range ranking {
		ranking[i].Rank = i + 1
		if i > 0 && math.Abs(ranking[i].Weighted-ranking[i-1].Weighted) <= TieTolerance {
			ranking[i].Rank = ranking[i-1].Rank
			ranking[i].Tied, ranking[i-1].Tied = true, true
		}
	}
	r := &MarketsResult{Ranking: ranking}
	if len(ranking) > 0 {
		r.Winner, r.WinnerTied = ranking[0].Name, ranking[0].Tied
	}
	return r
}

package scenario

import (
	"cmp"
	"slices"
)

// TieTolerance is how close two weighted scores must be to share a rank.
const TieTolerance = 1e-9

// ComputeMarkets scores and ranks the markets (docs/MODELS.md §4): total is the
// sum of scores, weighted is Σ w·s / Σ w, rank 1 is best, and scores within
// TieTolerance share a rank (1, 1, 3) and are flagged as tied. mk must be valid.
func ComputeMarkets(mk Markets) *MarketsResult { return computeMarkets(nil, mk) }

// computeMarkets is ComputeMarkets into r's storage, which it reuses when r
// is not nil (a FastEvaluator's result from its previous compute).
func computeMarkets(r *MarketsResult, mk Markets) *MarketsResult {
	if r == nil {
		r = &MarketsResult{}
	}
	var wsum float64
	for _, f := range mk.Factors {
		wsum += f.Weight
	}
	ranking := slices.Grow(r.Ranking[:0], len(mk.Markets))[:len(mk.Markets)]
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
	// Sort by the exact score, then group: a market ties with the first
	// (best) market of the current group when within the tolerance of it, so
	// ranks never depend on the order markets are listed in.
	slices.SortStableFunc(ranking, func(a, b MarketScore) int { return cmp.Compare(b.Weighted, a.Weighted) })
	lead := 0
	for i := range ranking {
		if i > 0 && ranking[lead].Weighted-ranking[i].Weighted <= TieTolerance {
			ranking[i].Rank = ranking[lead].Rank
			ranking[i].Tied, ranking[lead].Tied = true, true
			continue
		}
		lead = i
		ranking[i].Rank = i + 1
	}
	*r = MarketsResult{Ranking: ranking}
	if len(ranking) > 0 {
		r.Winner, r.WinnerTied = ranking[0].Name, ranking[0].Tied
	}
	return r
}

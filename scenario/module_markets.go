package scenario

import "fmt"

// Metric keys of the markets module.
const (
	MetricMarketsTop   = "markets.top"
	MetricMarketsScore = "markets.score"
)

// marketsModule is market expansion's row in the module registry.
var marketsModule = Module{
	Name:     ModuleMarkets,
	Title:    "Markets",
	Enabled:  func(s *Scenario) bool { return s.Markets.Enabled },
	Defaults: func(s *Scenario) { s.Markets = Markets{Enabled: true, Factors: DefaultFactors(), Markets: []Market{}} },
	Limits: map[string]Limit{
		"markets.factors[].weight":   {Max: 1000},
		"markets.markets[].scores[]": {Min: 1, Max: 5, Whole: true},
	},
	Clone: func(c *Scenario) {
		c.Markets.Factors = append([]Factor(nil), c.Markets.Factors...)
		markets := make([]Market, len(c.Markets.Markets))
		for i, m := range c.Markets.Markets {
			scores := make(map[string]float64, len(m.Scores))
			for k, v := range m.Scores {
				scores[k] = v
			}
			m.Scores = scores
			markets[i] = m
		}
		c.Markets.Markets = markets
	},
	Validate: func(c *checker, s *Scenario) { validateMarkets(c, s.Markets) },
	Compute: func(s *Scenario, r *Result) error {
		r.Markets = computeMarkets(r.Markets, s.Markets)
		return nil
	},
	Milestones: marketsMilestones,
	Metrics:    marketsMetrics,
	Summary:    marketsSummary,
	Events:     noEvents,
}

// marketsMilestones names the top market at month 0.
func marketsMilestones(_ *Scenario, r *Result, _ string) []Milestone {
	mk := r.Markets
	if mk == nil || mk.Winner == "" {
		return nil
	}
	tie := ""
	if mk.WinnerTied {
		tie = " (tied)"
	}
	return []Milestone{milestone(0, ModuleMarkets, fmt.Sprintf("top market: %s, weighted score %.2f%s", mk.Winner, mk.Ranking[0].Weighted, tie))}
}

func marketsMetrics(_ *Scenario, r *Result) []Metric {
	l := &metricList{module: ModuleMarkets}
	mk := r.Markets
	ok := mk != nil && len(mk.Ranking) > 0
	top := ""
	if ok {
		top = mk.Winner
	}
	l.text(MetricMarketsTop, "Top market", top, ok)
	l.val(MetricMarketsScore, "Top market's weighted score", UnitRatio, BetterHigher, pick(ok, func() float64 { return mk.Ranking[0].Weighted }), ok)
	return l.ms
}

// marketsSummary: the ranking, one market a line.
func marketsSummary(_ *Scenario, r *Result, _ Calendar, _ string) []string {
	if r.Markets == nil {
		return nil
	}
	var out []string
	for _, m := range r.Markets.Ranking {
		tie := ""
		if m.Tied {
			tie = " (tie)"
		}
		out = append(out, fmt.Sprintf("%d. %s: weighted %.2f, total %.0f%s", m.Rank, m.Name, m.Weighted, m.Total, tie))
	}
	return out
}

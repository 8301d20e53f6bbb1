package app

import "scaleplan/scenario"

// Labels of the finance list edits.
const (
	LabelAddRound        = "Add funding round"
	LabelRemoveRound     = "Remove funding round"
	LabelAddExpansion    = "Add market entry"
	LabelRemoveExpansion = "Remove market entry"
)

// AddFundingRound appends a funding round to scenario i: "Round N" (the
// first free N from the number of rounds + 1) of $1M, six months after the
// last round (month 6 for the first), within the horizon.
func (d *Document) AddFundingRound(i int) error {
	return d.EditScenario(i, LabelAddRound, func(s *scenario.Scenario) error {
		f := &s.Finance
		taken := make([]string, len(f.FundingRounds))
		month := 0
		for k, r := range f.FundingRounds {
			taken[k] = r.Name
			month = max(month, r.Month)
		}
		f.FundingRounds = append(f.FundingRounds, scenario.FundingRound{
			Name:   freeName("Round", len(f.FundingRounds)+1, takenIn(taken)),
			Month:  min(month+6, s.HorizonMonths),
			Amount: 1e6,
		})
		return nil
	})
}

// RemoveFundingRound removes funding round r of scenario i.
func (d *Document) RemoveFundingRound(i, r int) error {
	return d.EditScenario(i, LabelRemoveRound, func(s *scenario.Scenario) error {
		f := &s.Finance
		if r < 0 || r >= len(f.FundingRounds) {
			return ErrRowGone
		}
		f.FundingRounds = append(f.FundingRounds[:r:r], f.FundingRounds[r+1:]...)
		return nil
	})
}

// AddExpansion appends a market entry to scenario i: the best-ranked market
// not entered yet (else "Market N"), in month 12 (or the horizon), costing
// $20k once — the article's translation tier — and $10k a month.
func (d *Document) AddExpansion(i int) error {
	return d.EditScenario(i, LabelAddExpansion, func(s *scenario.Scenario) error {
		f := &s.Finance
		taken := make([]string, len(f.Expansions))
		for k, e := range f.Expansions {
			taken[k] = e.Name
		}
		name := ""
		if s.Markets.Enabled {
			for _, m := range scenario.ComputeMarkets(s.Markets).Ranking {
				if !takenIn(taken)(m.Name) {
					name = m.Name
					break
				}
			}
		}
		if name == "" {
			name = freeName("Market", len(f.Expansions)+1, takenIn(taken))
		}
		f.Expansions = append(f.Expansions, scenario.Expansion{
			Name: name, Month: min(12, s.HorizonMonths), OneOffCost: 20000, MonthlyCost: 10000,
		})
		return nil
	})
}

// RemoveExpansion removes market entry r of scenario i.
func (d *Document) RemoveExpansion(i, r int) error {
	return d.EditScenario(i, LabelRemoveExpansion, func(s *scenario.Scenario) error {
		f := &s.Finance
		if r < 0 || r >= len(f.Expansions) {
			return ErrRowGone
		}
		f.Expansions = append(f.Expansions[:r:r], f.Expansions[r+1:]...)
		return nil
	})
}

package app

import (
	"errors"
	"fmt"
	"strings"

	"scaleplan/scenario"
)

// Labels of the module list edits, as UndoLabel and RedoLabel report them.
const (
	LabelAddStage        = "Add stage"
	LabelRemoveStage     = "Remove stage"
	LabelAddModel        = "Add fulfillment model"
	LabelRemoveModel     = "Remove model"
	LabelAddThreshold    = "Add threshold"
	LabelRemoveThreshold = "Remove threshold"
	LabelAddFactor       = "Add factor"
	LabelRemoveFactor    = "Remove factor"
	LabelAddMarket       = "Add market"
	LabelRemoveMarket    = "Remove market"
)

// ErrRowGone is returned by an edit of a list row (a stage, a model, a
// factor, a market) that the plan no longer has: an undo removed it while
// its widget was still on screen. Nothing changes; there is nothing to
// report to the user.
var ErrRowGone = errors.New("the row is gone")

// EditScenario applies fn to scenario i as one undoable edit (see Edit:
// the result must validate, or nothing changes).
func (d *Document) EditScenario(i int, label string, fn func(s *scenario.Scenario) error) error {
	return d.Edit(label, func(p *scenario.Plan) error {
		if i < 0 || i >= len(p.Scenarios) {
			return fmt.Errorf("no scenario %d (the plan has %d)", i, len(p.Scenarios))
		}
		return fn(&p.Scenarios[i])
	})
}

// AddStage appends a sales stage to scenario i: "Stage N" (the first free
// N from the number of stages + 1), at twice the last stage's minimum ARR
// (at least $1M), with the last stage's heads.
func (d *Document) AddStage(i int) error {
	return d.EditScenario(i, LabelAddStage, func(s *scenario.Scenario) error {
		st := s.Sales.Stages
		taken := make([]string, len(st))
		for k, x := range st {
			taken[k] = x.Name
		}
		next := scenario.Stage{Name: freeName("Stage", len(st)+1, takenIn(taken)), MinARR: 1e6}
		if n := len(st); n > 0 {
			next.MinARR = max(1e6, st[n-1].MinARR*2)
			next.AEs, next.SDRs, next.VP, next.Managers = st[n-1].AEs, st[n-1].SDRs, st[n-1].VP, st[n-1].Managers
		}
		s.Sales.Stages = append(st, next)
		return nil
	})
}

// RemoveStage removes sales stage r of scenario i (ErrRowGone if there is
// no such stage).
func (d *Document) RemoveStage(i, r int) error {
	return d.EditScenario(i, LabelRemoveStage, func(s *scenario.Scenario) error {
		if r < 0 || r >= len(s.Sales.Stages) {
			return ErrRowGone
		}
		s.Sales.Stages = append(s.Sales.Stages[:r:r], s.Sales.Stages[r+1:]...)
		return nil
	})
}

// AddFulfillmentModel appends a fulfillment model to scenario i: "Model N"
// (the first free N from the number of models + 1), $1,000 a month and $3
// an order.
func (d *Document) AddFulfillmentModel(i int) error {
	return d.EditScenario(i, LabelAddModel, func(s *scenario.Scenario) error {
		ms := s.Fulfillment.Models
		taken := make([]string, len(ms))
		for k, x := range ms {
			taken[k] = x.Name
		}
		s.Fulfillment.Models = append(ms, scenario.FulfillmentModel{
			Name: freeName("Model", len(ms)+1, takenIn(taken)), FixedMonthly: 1000, PerOrder: 3})
		return nil
	})
}

// RemoveFulfillmentModel removes fulfillment model r of scenario i, and the
// rule-of-thumb thresholds past the last model left (there is one fewer
// threshold than models at most).
func (d *Document) RemoveFulfillmentModel(i, r int) error {
	return d.EditScenario(i, LabelRemoveModel, func(s *scenario.Scenario) error {
		f := &s.Fulfillment
		if r < 0 || r >= len(f.Models) {
			return ErrRowGone
		}
		f.Models = append(f.Models[:r:r], f.Models[r+1:]...)
		if n := max(len(f.Models)-1, 0); len(f.RuleOfThumb) > n {
			f.RuleOfThumb = f.RuleOfThumb[:n]
		}
		return nil
	})
}

// AddThreshold appends a rule-of-thumb threshold to scenario i: ten times
// the last one, or 100 orders a month for the first.
func (d *Document) AddThreshold(i int) error {
	return d.EditScenario(i, LabelAddThreshold, func(s *scenario.Scenario) error {
		t := s.Fulfillment.RuleOfThumb
		next := 100.0
		if len(t) > 0 {
			next = t[len(t)-1] * 10
		}
		s.Fulfillment.RuleOfThumb = append(t, next)
		return nil
	})
}

// RemoveThreshold removes the last rule-of-thumb threshold of scenario i
// (nothing, if it has none).
func (d *Document) RemoveThreshold(i int) error {
	return d.EditScenario(i, LabelRemoveThreshold, func(s *scenario.Scenario) error {
		if t := s.Fulfillment.RuleOfThumb; len(t) > 0 {
			// a copy, empty as nil, as Clone makes it: removing from
			// none must compare equal, and be no undo step
			s.Fulfillment.RuleOfThumb = append([]float64(nil), t[:len(t)-1]...)
		}
		return nil
	})
}

// AddFactor appends a market factor of weight 1 to scenario i: "Factor N"
// (the first free N from the number of factors + 1), every market scoring
// it 3.
func (d *Document) AddFactor(i int) error {
	return d.EditScenario(i, LabelAddFactor, func(s *scenario.Scenario) error {
		mk := &s.Markets
		taken := make([]string, len(mk.Factors))
		for k, x := range mk.Factors {
			taken[k] = x.Name
		}
		f := scenario.Factor{ID: scenario.NewID(), Name: freeName("Factor", len(mk.Factors)+1, takenIn(taken)), Weight: 1}
		mk.Factors = append(mk.Factors, f)
		for k := range mk.Markets {
			if mk.Markets[k].Scores == nil {
				mk.Markets[k].Scores = map[string]float64{}
			}
			mk.Markets[k].Scores[f.ID] = 3
		}
		return nil
	})
}

// RemoveFactor removes factor c of scenario i and every market's score of it.
func (d *Document) RemoveFactor(i, c int) error {
	return d.EditScenario(i, LabelRemoveFactor, func(s *scenario.Scenario) error {
		mk := &s.Markets
		if c < 0 || c >= len(mk.Factors) {
			return ErrRowGone
		}
		id := mk.Factors[c].ID
		mk.Factors = append(mk.Factors[:c:c], mk.Factors[c+1:]...)
		for k := range mk.Markets {
			delete(mk.Markets[k].Scores, id)
		}
		return nil
	})
}

// AddMarket appends a market to scenario i: "Market N" (the first free N
// from the number of markets + 1), scoring 3 on every factor.
func (d *Document) AddMarket(i int) error {
	return d.EditScenario(i, LabelAddMarket, func(s *scenario.Scenario) error {
		mk := &s.Markets
		taken := make([]string, len(mk.Markets))
		for k, x := range mk.Markets {
			taken[k] = x.Name
		}
		mk.Markets = append(mk.Markets, scenario.NewMarket(freeName("Market", len(mk.Markets)+1, takenIn(taken)), mk.Factors))
		return nil
	})
}

// RemoveMarket removes market r of scenario i.
func (d *Document) RemoveMarket(i, r int) error {
	return d.EditScenario(i, LabelRemoveMarket, func(s *scenario.Scenario) error {
		mk := &s.Markets
		if r < 0 || r >= len(mk.Markets) {
			return ErrRowGone
		}
		mk.Markets = append(mk.Markets[:r:r], mk.Markets[r+1:]...)
		return nil
	})
}

// freeName returns "<prefix> N" for the first N ≥ from that taken refuses.
// It names new scenarios, stages, models, factors and markets.
func freeName(prefix string, from int, taken func(string) bool) string {
	for n := from; ; n++ {
		if name := fmt.Sprintf("%s %d", prefix, n); !taken(name) {
			return name
		}
	}
}

// takenIn returns a check that a name is one of names, comparing them as
// validation does (case and surrounding spaces ignored).
func takenIn(names []string) func(string) bool {
	return func(name string) bool {
		key := strings.ToLower(strings.TrimSpace(name))
		for _, n := range names {
			if strings.ToLower(strings.TrimSpace(n)) == key {
				return true
			}
		}
		return false
	}
}

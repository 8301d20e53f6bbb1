package scenario

import (
	"context"
	"fmt"
	"math"
	"strings"
)

// Decision keys: the choices of a plan whose thresholds can be sought
// (docs/MODELS.md §7).
const (
	// DecisionPlannedModel is the fulfillment model the recommended plan
	// uses in a month.
	DecisionPlannedModel = "fulfillment.planned"
	// DecisionWinningMarket is the market ranked first.
	DecisionWinningMarket = "markets.winner"
	// DecisionCashOut is the month cash runs out (or that it never does
	// within the horizon).
	DecisionCashOut = "finance.cashOutMonth"
)

// decision is one row of the decisions table: its module, whether it is
// read at a month, and how a computed run states it.
type decision struct {
	module  string
	atMonth bool
	state   func(r *Result, month int) string
}

// decisions is the one table of decisions whose thresholds can be found.
var decisions = map[string]decision{
	DecisionPlannedModel: {module: ModuleFulfillment, atMonth: true, state: func(r *Result, m int) string {
		return r.Fulfillment.Months[m-1].Planned
	}},
	DecisionWinningMarket: {module: ModuleMarkets, state: func(r *Result, _ int) string {
		w := r.Markets.Winner
		if r.Markets.WinnerTied {
			var tied []string
			for _, m := range r.Markets.Ranking {
				if m.Rank == 1 {
					tied = append(tied, m.Name)
				}
			}
			w = strings.Join(tied, " and ") + " (tied)"
		}
		return w
	}},
	DecisionCashOut: {module: ModuleFinance, state: func(r *Result, _ int) string {
		if m := r.Finance.CashOutMonth; m != nil {
			return fmt.Sprintf("month %d", *m)
		}
		return "never"
	}},
}

// Decisions lists the decision keys, for pickers and messages.
func Decisions() []string {
	return []string{DecisionPlannedModel, DecisionWinningMarket, DecisionCashOut}
}

// Threshold is one value of an input at which a decision changes: Below
// holds for values just under it, Above just over it.
type Threshold struct {
	Value float64 `json:"value"`
	Below string  `json:"below"`
	Above string  `json:"above"`
}

// Thresholds are the input values at which one decision of a plan changes,
// across the input's valid range, with every other input at its value.
type Thresholds struct {
	Input    string `json:"input"`
	Decision string `json:"decision"`
	// Month is the month the decision is read at (the fulfillment plan's
	// model); 0 for decisions of the whole horizon.
	Month int `json:"month"`
	// Current is the input's value in the plan and State the decision
	// there ("3PL", "Germany", "month 14", "never").
	Current float64 `json:"current"`
	State   string  `json:"state"`
	// Min and Max are the input's valid range, searched.
	Min float64 `json:"min"`
	Max float64 `json:"max"`
	// Percent says the input is a rate (shown as a percentage).
	Percent bool `json:"-"`
	// Crossings are the thresholds found, in rising order of Value.
	Crossings []Threshold `json:"thresholds"`
	// Uncomputable, when set, names the values the models could not
	// compute: a change among them would not have been seen.
	Uncomputable *Uncomputable `json:"-"`
}

// FindThresholds finds the values of input (a real-valued input path) at
// which decision (a Decisions key) changes, within the input's valid
// range, with every other input of s at its value; s must be valid with
// its variant inputs resolved. month (1..horizon, 0 = the horizon) is the
// month of DecisionPlannedModel; the other decisions ignore it. It scans
// the valid range (scanPoints) and bisects each change of state it finds
// to a relative 1e-13; two changes closer together than the scan's spacing
// can be missed. It stops with ctx's error when ctx is cancelled.
func FindThresholds(ctx context.Context, s *Scenario, decisionKey, input string, month int) (*Thresholds, error) {
	t, err := findThresholds(ctx, s, decisionKey, input, month)
	if err != nil {
		return nil, fmt.Errorf("thresholds: %w", err)
	}
	return t, nil
}

func findThresholds(ctx context.Context, s *Scenario, decisionKey, input string, month int) (*Thresholds, error) {
	d, ok := decisions[decisionKey]
	if !ok {
		return nil, fmt.Errorf("no decision %q (decisions: %s)", decisionKey, strings.Join(Decisions(), ", "))
	}
	if m, _ := ModuleNamed(d.module); !m.Enabled(s) {
		return nil, fmt.Errorf("decision %q: the %s module is off", decisionKey, m.Title)
	}
	month, err := monthOrHorizon(s, month)
	if err != nil {
		return nil, err
	}
	p := newEvaluator(ctx, s)
	in, err := p.input(input)
	if err != nil {
		return nil, err
	}
	state := func(x float64) (string, error) {
		r, err := p.at(in, x)
		if err != nil {
			return "", err
		}
		return d.state(r, month), nil
	}
	t := &Thresholds{Input: input, Decision: decisionKey, Current: in.value, Percent: in.limit.Percent, Crossings: []Threshold{}}
	if d.atMonth {
		t.Month = month
	}
	t.Min, t.Max = ends(in.limit)
	if t.State, err = state(in.value); err != nil {
		return nil, err
	}
	xs, states, bad, err := scan(in, state)
	if err != nil {
		return nil, err
	}
	t.Uncomputable = bad
	for i := 1; i < len(xs); i++ {
		if states[i] == states[i-1] {
			continue
		}
		found, err := changes(xs[i-1], xs[i], states[i-1], states[i], state)
		if err != nil {
			return nil, err
		}
		t.Crossings = append(t.Crossings, found...)
	}
	return t, nil
}

// maxChanges bounds the changes sought between two scan points (a cash-out
// month can change once for every month of the horizon).
const maxChanges = MaxHorizon + 1

// changes finds the changes of state between a, in state sa, and b, in
// state sb: it bisects to the first change from sa and goes on from there
// until the state it reaches is sb. A state left and re-entered between a
// and b is not seen.
func changes(a, b float64, sa, sb string, state func(float64) (string, error)) ([]Threshold, error) {
	var out []Threshold
	for sa != sb && len(out) < maxChanges {
		above := sb // the state at the bracket's upper end
		lo, hi, err := bisect(a, b, func(x float64) (bool, error) {
			st, err := state(x)
			if err == nil && st != sa {
				above = st
			}
			return st != sa, err
		})
		if err != nil {
			return nil, err
		}
		out = append(out, Threshold{Value: lo + (hi-lo)/2, Below: sa, Above: above})
		a, sa = hi, above
	}
	return out, nil
}

// Sentence says in words how far the input may move before the decision
// changes, from the plan's value: "3PL stays the planned fulfillment model
// in month 12 while fulfillment.models[3PL].perOrder is below 4.1". label
// names the input for people ("the 3PL per-order fee"; "" for its path);
// format writes one of its values ("$4.10"; nil for a plain number or a
// percentage).
func (t *Thresholds) Sentence(label string, format func(float64) string) string {
	if label == "" {
		label = t.Input
	}
	if format == nil {
		format = func(v float64) string { return FormatInput(roundSig(v, 6), t.Percent) }
	}
	lower, upper := math.Inf(-1), math.Inf(1)
	for _, c := range t.Crossings {
		switch {
		case c.Value <= t.Current:
			lower = c.Value
		case c.Value > t.Current && math.IsInf(upper, 1):
			upper = c.Value
		}
	}
	var while string
	switch {
	case !math.IsInf(lower, 0) && !math.IsInf(upper, 0):
		while = fmt.Sprintf("while %s is between %s and %s", label, format(lower), format(upper))
	case !math.IsInf(upper, 0):
		while = fmt.Sprintf("while %s is below %s", label, format(upper))
	case !math.IsInf(lower, 0):
		while = fmt.Sprintf("while %s is above %s", label, format(lower))
	default:
		while = fmt.Sprintf("for every %s from %s to %s", label, format(t.Min), format(t.Max))
	}
	return t.stateText() + " " + while
}

// stateText says the decision at the plan's value, as the start of a
// sentence.
func (t *Thresholds) stateText() string {
	switch t.Decision {
	case DecisionPlannedModel:
		return fmt.Sprintf("%s stays the planned fulfillment model in month %d", t.State, t.Month)
	case DecisionWinningMarket:
		return fmt.Sprintf("%s stays the winning market", t.State)
	}
	if t.State == "never" {
		return "Cash never runs out within the horizon"
	}
	return "Cash runs out in " + t.State
}

package scenario

import (
	"fmt"
	"maps"
	"math"
	"strings"
)

// Limit is the valid range of one numeric input: Min ≤ v ≤ Max, with
// MinOpen (v > Min) or MaxOpen (v < Max) where the bound itself is refused.
// Whole marks inputs stored as whole numbers; Percent marks rates, which
// people type and read as percentages; Money marks amounts in the plan's
// currency.
type Limit struct {
	Min, Max         float64
	MinOpen, MaxOpen bool
	Whole            bool
	Percent          bool
	Money            bool
}

// MaxRampMonths is the longest AE ramp, in months: the sales model tracks
// seats by tenure month up to it.
const MaxRampMonths = 24

// scenarioLimits are the ranges of the scenario's own inputs; each module
// lists its inputs' ranges in its registry row.
var scenarioLimits = map[string]Limit{
	"horizonMonths": {Min: 1, Max: MaxHorizon, Whole: true},
}

// limits maps every numeric input, by its path below the scenario with list
// indexes dropped ("fulfillment.models[].perOrder"), to its valid range:
// scenarioLimits and every module's Limits. Validation, the app's range
// hints and the workbook's data validation all read it;
// TestLimitsEnforced checks each bound against validation.
var limits map[string]Limit

// init assembles limits (in init, as the rows' validation reads it).
func init() {
	limits = maps.Clone(scenarioLimits)
	for _, m := range modules {
		maps.Copy(limits, m.Limits)
	}
}

// LimitOf returns the valid range of the input at path, below the scenario
// ("viral.inviteConversion", "fulfillment.models[3].perOrder"); list
// indexes and map keys in brackets are ignored.
func LimitOf(path string) (Limit, bool) {
	l, ok := limits[Unindexed(path)]
	return l, ok
}

// Limits returns a copy of the whole table, keyed like LimitOf's paths with
// their indexes dropped.
func Limits() map[string]Limit { return maps.Clone(limits) }

// Unindexed drops what is inside brackets: "a[2].b" → "a[].b".
func Unindexed(path string) string {
	var b strings.Builder
	skip := false
	for _, r := range path {
		switch {
		case r == '[':
			skip = true
			b.WriteRune(r)
		case r == ']':
			skip = false
			b.WriteRune(r)
		case !skip:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Check returns nil when v is in range, else an error saying what is valid.
func (l Limit) Check(v float64) error {
	switch {
	case l.MinOpen:
		if !(v > l.Min && v <= l.Max) {
			return fmt.Errorf("must be above %s and at most %s, got %s", num(l.Min), num(l.Max), num(v))
		}
	case l.MaxOpen:
		if !(v >= l.Min && v < l.Max) {
			return fmt.Errorf("must be at least %s and below %s, got %s", num(l.Min), num(l.Max), num(v))
		}
	default:
		if !(v >= l.Min && v <= l.Max) {
			return fmt.Errorf("must be between %s and %s, got %s", num(l.Min), num(l.Max), num(v))
		}
	}
	if l.Whole && v != math.Trunc(v) {
		return fmt.Errorf("must be a whole number, got %s", num(v))
	}
	return nil
}

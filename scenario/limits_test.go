package scenario

import (
	"encoding/json"
	"math"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// quietScenario is a valid scenario whose extremes stay computable, with
// an item in every list: no order growth, one market scored on every
// factor, a funding round and an expansion.
func quietScenario(t *testing.T) Scenario {
	t.Helper()
	s := NewScenario("Limits")
	s.Fulfillment.Volume.MonthlyGrowth = 0
	s.Markets.Markets = []Market{NewMarket("Germany", s.Markets.Factors)}
	s.Finance.FundingRounds = []FundingRound{{Name: "Seed", Month: 3, Amount: 1e6}}
	s.Finance.Expansions = []Expansion{{Name: "Germany", Month: 6, OneOffCost: 5e4, MonthlyCost: 1e4}}
	if errs := ValidateScenario(&s, ""); len(errs) > 0 {
		t.Fatalf("base scenario: %v", errs)
	}
	return s
}

// setAt returns a copy of s with the number at path (a limits-table key)
// set to v, going through the plan file's JSON so that the test does not
// share the validator's idea of paths. A list's index is the first item for
// a lower bound and the last for an upper one (stage thresholds and
// rule-of-thumb thresholds must rise); a map key is the first factor's ID.
// It returns the concrete path, as an error would locate it.
func setAt(t *testing.T, s Scenario, key string, v float64, last bool) (Scenario, string) {
	t.Helper()
	raw, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	var node any = doc
	var at []string
	parts := strings.Split(key, ".")
	for i, part := range parts {
		name, listed := strings.CutSuffix(part, "[]")
		obj := node.(map[string]any)
		final := i == len(parts)-1
		if !listed {
			at = append(at, name)
			if final {
				obj[name] = v
			} else {
				node = obj[name]
			}
			continue
		}
		switch items := obj[name].(type) {
		case []any:
			idx := 0
			if last {
				idx = len(items) - 1
			}
			at = append(at, name+"["+strconv.Itoa(idx)+"]")
			if final {
				items[idx] = v
			} else {
				node = items[idx]
			}
		case map[string]any: // scores, keyed by factor ID
			id := s.Markets.Factors[0].ID
			at = append(at, name+"["+id+"]")
			items[id] = v
		default:
			t.Fatalf("%s: %s is not a list", key, name)
		}
	}
	raw, err = json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	var out Scenario
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("%s = %v: %v", key, v, err)
	}
	return out, strings.Join(at, ".")
}

// refusedAt reports whether validating s locates an error exactly at path.
func refusedAt(s *Scenario, path string) (bool, string) {
	for _, e := range ValidateScenario(s, "") {
		if e.Path == path {
			return true, e.Msg
		}
	}
	return false, ""
}

// TestLimitsEnforced: every range in the limits table is what validation
// enforces: each bound is accepted (refused where open), a value just past
// it is refused, and, past an open bound, a value just inside is accepted.
func TestLimitsEnforced(t *testing.T) {
	base := quietScenario(t)
	keys := make([]string, 0, len(limits))
	for k := range limits {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, key := range keys {
		l := limits[key]
		step := func(bound float64) float64 {
			if l.Whole {
				return 1
			}
			return math.Max(math.Abs(bound)*1e-9, 1e-6)
		}
		try := func(v float64, last, want bool) {
			t.Helper()
			s, path := setAt(t, base.Clone(), key, v, last)
			refused, msg := refusedAt(&s, path)
			if refused == want {
				t.Errorf("%s = %v: accepted %v (%s), the table says %+v", path, v, !refused, msg, l)
			}
		}
		try(l.Max, true, !l.MaxOpen)
		try(l.Max+step(l.Max), true, false)
		if l.MaxOpen {
			try(l.Max-step(l.Max), true, true)
		}
		try(l.Min, false, !l.MinOpen)
		try(l.Min-step(l.Min), false, false)
		if l.MinOpen {
			try(l.Min+step(l.Min), false, true)
		}
		if l.Whole && key == "markets.markets[].scores[]" { // the only whole number stored as a float
			try(l.Min+0.5, false, false)
		}
	}
}

// TestLimitsCoverEveryNumber: every number input of a scenario has a row in
// the table (the validator reports a missing one as an internal error, so a
// new input without a row fails here before a user meets it).
func TestLimitsCoverEveryNumber(t *testing.T) {
	s := quietScenario(t)
	raw, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	var walk func(prefix string, v any)
	walk = func(prefix string, v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, c := range x {
				p := k
				if prefix != "" {
					p = prefix + "." + k
				}
				if strings.HasSuffix(prefix, ".scores") { // a map of scores by factor ID
					p = strings.TrimSuffix(prefix, ".scores") + ".scores[]"
				}
				walk(p, c)
			}
		case []any:
			for _, c := range x {
				walk(prefix+"[]", c)
			}
		case float64:
			if strings.HasSuffix(prefix, "[].month") { // a month of the horizon, checked against it
				return
			}
			if _, ok := LimitOf(prefix); !ok {
				t.Errorf("number input %s has no row in the limits table", prefix)
			}
		}
	}
	walk("", doc)
}

func TestLimitOfIgnoresIndexes(t *testing.T) {
	for path, want := range map[string]Limit{
		"viral.inviteConversion":           {Max: 1, Percent: true},
		"fulfillment.models[3].perOrder":   {Max: MaxMoney, Money: true},
		"markets.markets[0].scores[abc]":   {Min: 1, Max: 5, Whole: true},
		"sales.rampMonths":                 {Max: 24, Whole: true},
		"fulfillment.ruleOfThumb[1]":       {Max: MaxOrders, MinOpen: true},
		"viral.monthlyChurn":               {Max: 1, MaxOpen: true, Percent: true},
		"fulfillment.volume.monthlyGrowth": {Min: -0.99, Max: 10, Percent: true},
	} {
		if got, ok := LimitOf(path); !ok || got != want {
			t.Errorf("LimitOf(%q) = %+v, %v; want %+v", path, got, ok, want)
		}
	}
	if _, ok := LimitOf("viral.inviteMode"); ok {
		t.Error("LimitOf(viral.inviteMode): a text input has no range")
	}
}

package ui

import (
	"math"
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"scaleplan/scenario"
)

// entryOf returns the entry of a found field of any kind.
func entryOf(t *testing.T, p pathed) (*widget.Entry, bool) {
	t.Helper()
	switch f := p.(type) {
	case *field[float64]:
		return &f.entry.Entry, false
	case *field[int]:
		return &f.entry.Entry, true
	}
	t.Fatalf("%s: not a number field", p.where())
	return nil, false
}

// computable prepares the sample scenario so a field's extreme values are
// computable as well as in range: validation also refuses plans whose orders
// would pass scenario.MaxOrders (12% growth over 240 months does).
var computable = map[string]func(*scenario.Scenario){
	"horizonMonths": func(s *scenario.Scenario) {
		s.Fulfillment.Volume.MonthlyGrowth = 0
		s.Finance.FundingRounds, s.Finance.Expansions = nil, nil // months 1..horizon
	},
	"fulfillment.volume.startOrdersPerMonth": func(s *scenario.Scenario) { s.Fulfillment.Volume.MonthlyGrowth = 0 },
	"fulfillment.volume.monthlyGrowth": func(s *scenario.Scenario) {
		s.HorizonMonths = 1
		s.Finance.FundingRounds, s.Finance.Expansions = nil, nil
	},
}

// TestHintsMatchValidation checks every range hint against the scenario
// package: both bounds are accepted (or refused where open) and values just
// beyond them are refused, through the real fields.
func TestHintsMatchValidation(t *testing.T) {
	// A ranged input also refuses values outside its range (docs/MODELS.md
	// §7); the hints show the valid range, so the plan opened has no
	// ranges (not an edit: the Undo below would take that back).
	u, _ := newTestUIWithoutRanges(t)
	for key, l := range limits {
		path := strings.ReplaceAll(key, "[]", "[0]")
		if key == "fulfillment.ruleOfThumb[]" {
			path = "fulfillment.ruleOfThumb[1]" // must stay above [0]
		}
		if setup, ok := computable[key]; ok {
			if err := u.s.Doc().Edit("setup", func(pl *scenario.Plan) error { setup(&pl.Scenarios[u.s.Selected()]); return nil }); err != nil {
				t.Fatalf("%s: setup: %v", key, err)
			}
			u.loadInputs(true)
		}
		p := findField(t, u, path)
		e, whole := entryOf(t, p)
		eps := math.Max(math.Abs(l.hi)*1e-9, 1e-6)
		if whole {
			eps = 1
		}
		try := func(v float64, want bool) {
			t.Helper()
			text := scenario.FormatInput(v, l.pct)
			e.SetText(text)
			if ok := !p.bad(); ok != want {
				t.Errorf("%s = %s: accepted %v, hint %q says %v", path, text, ok, l.hint(), want)
			}
		}
		try(l.hi, !l.hiOpen)
		try(l.hi+eps, false)
		if l.hiOpen {
			try(l.hi-eps, true)
		}
		if key != "fulfillment.ruleOfThumb[]" {
			try(l.lo, !l.loOpen)
			try(l.lo-eps, false)
			if l.loOpen {
				try(l.lo+eps, true)
			}
		}
		u.s.Doc().Undo() // keep later fields' neighbours valid
		for u.s.Doc().CanUndo() {
			u.s.Doc().Undo()
		}
		u.loadInputs(true)
	}
}

func TestHintText(t *testing.T) {
	for _, c := range []struct {
		l    limit
		want string
	}{
		{limit{lo: 1, hi: scenario.MaxHorizon}, "1–240"},
		{limit{hi: 1, hiOpen: true, pct: true}, "0–<100%"},
		{limit{hi: scenario.MaxMoney, loOpen: true}, "> 0, ≤ 1tn"},
		{limit{lo: -0.99, hi: 10, pct: true}, "−99–1,000%"},
		{limit{hi: scenario.MaxCount}, "0–1bn"},
	} {
		if got := c.l.hint(); got != c.want {
			t.Errorf("hint %+v = %q, want %q", c.l, got, c.want)
		}
	}
	if hintFor("markets.factors[3].weight") != "0–1,000" || hintFor("nope") != "" {
		t.Errorf("hintFor: %q", hintFor("markets.factors[3].weight"))
	}
}

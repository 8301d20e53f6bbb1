package app

import (
	"testing"

	"scaleplan/scenario"
)

// TestFinanceListEdits adds and removes funding rounds and market entries
// of the sample's Base scenario (Series A, $4M in month 12; Germany in
// month 13); each is one undo step under its label.
func TestFinanceListEdits(t *testing.T) {
	for _, tc := range []struct {
		name  string
		op    func(d *Document) error
		label string
		check func(t *testing.T, f scenario.Finance)
	}{
		{"add round", func(d *Document) error { return d.AddFundingRound(0) }, LabelAddRound, func(t *testing.T, f scenario.Finance) {
			want := scenario.FundingRound{Name: "Round 2", Month: 18, Amount: 1e6}
			if len(f.FundingRounds) != 2 || f.FundingRounds[1] != want {
				t.Errorf("rounds %+v, want a 2nd %+v", f.FundingRounds, want)
			}
		}},
		{"remove round", func(d *Document) error { return d.RemoveFundingRound(0, 0) }, LabelRemoveRound, func(t *testing.T, f scenario.Finance) {
			if len(f.FundingRounds) != 0 {
				t.Errorf("rounds %+v, want none", f.FundingRounds)
			}
		}},
		{"add market entry: the best market not entered yet", func(d *Document) error { return d.AddExpansion(0) }, LabelAddExpansion, func(t *testing.T, f scenario.Finance) {
			// Germany (entered) ranks first, the United Kingdom second
			want := scenario.Expansion{Name: "United Kingdom", Month: 12, OneOffCost: 20000, MonthlyCost: 10000}
			if len(f.Expansions) != 2 || f.Expansions[1] != want {
				t.Errorf("expansions %+v, want a 2nd %+v", f.Expansions, want)
			}
		}},
		{"remove market entry", func(d *Document) error { return d.RemoveExpansion(0, 0) }, LabelRemoveExpansion, func(t *testing.T, f scenario.Finance) {
			if len(f.Expansions) != 0 {
				t.Errorf("expansions %+v, want none", f.Expansions)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, _ := sampleDoc(t)
			before := d.Plan().Clone()
			if err := tc.op(d); err != nil {
				t.Fatal(err)
			}
			tc.check(t, d.Plan().Scenarios[0].Finance)
			if got := d.UndoLabel(); got != tc.label {
				t.Errorf("undo label %q, want %q", got, tc.label)
			}
			d.Undo()
			if len(d.Plan().Scenarios[0].Finance.FundingRounds) != len(before.Scenarios[0].Finance.FundingRounds) ||
				len(d.Plan().Scenarios[0].Finance.Expansions) != len(before.Scenarios[0].Finance.Expansions) {
				t.Error("undo did not give the plan back")
			}
		})
	}
	d, _ := sampleDoc(t)
	if err := d.RemoveFundingRound(0, 5); err != ErrRowGone {
		t.Errorf("removing a round that is gone: %v, want ErrRowGone", err)
	}
	// a round added to a short horizon stays inside it
	if err := d.EditScenario(0, "shorten", func(s *scenario.Scenario) error {
		s.HorizonMonths, s.Finance.Expansions = 14, nil
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if err := d.AddFundingRound(0); err != nil || d.Plan().Scenarios[0].Finance.FundingRounds[1].Month != 14 {
		t.Errorf("round on a 14-month horizon: %v, %+v", err, d.Plan().Scenarios[0].Finance.FundingRounds)
	}
}

package scenario

import (
	"strings"
	"testing"
)

func TestValidateReportsEveryProblemWithItsPath(t *testing.T) {
	p := NewPlan("t")
	s := &p.Scenarios[0]
	s.HorizonMonths = 0
	s.Viral.InviteConversion = 1.5
	s.Viral.CycleDays = 0
	s.Viral.InviteMode = "sometimes"
	s.Sales.Stages[2].MinARR = 500000 // below the previous stage's 1M
	s.Sales.StartingTeam.AEs = -1
	s.Fulfillment.Models[1].Name = "self-fulfillment " // duplicate after trimming and case
	s.Fulfillment.RuleOfThumb = []float64{1000, 100}
	s.Markets.Factors[0].Weight = -1
	m := NewMarket("Germany", s.Markets.Factors)
	m.Scores[s.Markets.Factors[1].ID] = 3.5
	m.Scores["not-a-factor"] = 2
	delete(m.Scores, s.Markets.Factors[2].ID)
	s.Markets.Markets = append(s.Markets.Markets, m)
	err := p.Validate()
	if err == nil {
		t.Fatal("want errors")
	}
	want := []string{
		"scenarios[0].horizonMonths: must be between 1 and 240, got 0",
		"scenarios[0].viral.inviteConversion: must be between 0 and 1, got 1.5",
		"scenarios[0].viral.cycleDays: must be between 1 and 365, got 0",
		`scenarios[0].viral.inviteMode: must be "once" or "continuous", got "sometimes"`,
		"scenarios[0].sales.startingTeam.aes: must be between 0 and 100000, got -1",
		"scenarios[0].sales.stages[2].minARR: must be above the previous stage's 1e+06, got 500000",
		`scenarios[0].fulfillment.models[1].name: another model is already called "self-fulfillment "`,
		"scenarios[0].fulfillment.ruleOfThumb[1]: must be above the previous threshold 1000, got 100",
		"scenarios[0].markets.factors[0].weight: must be between 0 and 1000, got -1",
		"scenarios[0].markets.markets[0].scores[" + s.Markets.Factors[1].ID + `]: score for "Competition Level" must be a whole number from 1 to 5, got 3.5`,
		"scenarios[0].markets.markets[0].scores[" + s.Markets.Factors[2].ID + `]: no score for factor "Regulatory Complexity"`,
		"scenarios[0].markets.markets[0].scores[not-a-factor]: no factor has this id",
	}
	msg := err.Error()
	for _, w := range want {
		if !strings.Contains(msg, w) {
			t.Errorf("missing %q in:\n%s", w, msg)
		}
	}
	if n := len(err.(Errors)); n != len(want) {
		t.Errorf("%d errors, want %d:\n%s", n, len(want), msg)
	}
}

func TestValidatePlanLevel(t *testing.T) {
	p := NewPlan("t")
	p.Scenarios = append(p.Scenarios, p.Scenarios[0].Clone())
	p.Currency = "usd"
	msg := p.Validate().Error()
	for _, w := range []string{`currency: must be a three-letter ISO code`, `scenarios[1].id: duplicate id`, `scenarios[1].name: another scenario is already called "Base"`} {
		if !strings.Contains(msg, w) {
			t.Errorf("missing %q in:\n%s", w, msg)
		}
	}
	q := NewPlan("t")
	q.Scenarios[0].Fulfillment.Volume.Source = VolumeViral
	q.Scenarios[0].Viral.Enabled = false
	if err := q.Validate(); err == nil || !strings.Contains(err.Error(), "fulfillment.volume.source") {
		t.Errorf("viral volume without the viral module: %v", err)
	}
	q.Scenarios[0].Markets.Factors[0].ID = ""
	if err := q.Validate(); err == nil || !strings.Contains(err.Error(), "markets.factors[0].id: missing") {
		t.Errorf("missing id: %v", err)
	}
}

func TestDuplicateRemapsScores(t *testing.T) {
	s := NewScenario("Base")
	s.Markets.Markets = append(s.Markets.Markets, NewMarket("DE", s.Markets.Factors))
	s.Markets.Markets[0].Scores[s.Markets.Factors[0].ID] = 5
	d := s.Duplicate("Copy")
	if d.ID == s.ID || d.Markets.Factors[0].ID == s.Markets.Factors[0].ID {
		t.Fatal("duplicate must have new ids")
	}
	if d.Markets.Markets[0].Scores[d.Markets.Factors[0].ID] != 5 {
		t.Error("scores must follow the new factor ids")
	}
	d.Sales.Stages[0].Name = "changed"
	if s.Sales.Stages[0].Name == "changed" {
		t.Error("duplicate shares the stages slice")
	}
	p := &Plan{Format: Format, Version: Version, Currency: "EUR", StartMonth: "2027-01", FiscalYearStartMonth: 1, Scenarios: []Scenario{s, d}}
	if err := p.Validate(); err != nil {
		t.Error(err)
	}
}

// TestValidateRefusesPlansThatCannotCompute: inputs each in range whose
// combination makes a model explode or run out of capacity are refused with
// a located error, so an edit that leads there keeps the last good plan.
func TestValidateRefusesPlansThatCannotCompute(t *testing.T) {
	tests := []struct {
		name   string
		change func(s *Scenario)
		want   string
	}{
		{"orders explode", func(s *Scenario) { s.HorizonMonths, s.Fulfillment.Volume.MonthlyGrowth = 240, 10 },
			// 40 × 11^(m−1) first passes 1e12 at m − 1 = 10 (11^10 = 2.59e10, × 40 = 1.04e12)
			"scenarios[0].fulfillment.volume: month 11: orders pass 1e+12 a month"},
		{"over capacity", func(s *Scenario) {
			s.Fulfillment.Models = s.Fulfillment.Models[:1] // self-fulfillment only, 1,500 a month
			s.Fulfillment.RuleOfThumb = nil
			// 40 × 1.12^(m−1) > 1,500 once m − 1 > ln 37.5 / ln 1.12 = 31.98: month 33, 40 × 1.12^32 = 1,503
		}, "scenarios[0].fulfillment.models: month 33: no fulfillment model can ship 1,503 orders"},
		{"viral explodes", func(s *Scenario) {
			s.Viral.InviteMode, s.Viral.InvitesPerUser, s.Viral.InviteConversion, s.HorizonMonths = InviteContinuous, 20, 1, 240
		}, "scenarios[0].viral: signups pass 1e+12 by month"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := NewPlan("t")
			tc.change(&p.Scenarios[0])
			err := p.Validate()
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
}

func TestValidateBoundaries(t *testing.T) {
	tests := []struct {
		name   string
		change func(s *Scenario)
		want   string // "" = valid
	}{
		{"churn just below 100%", func(s *Scenario) { s.Viral.MonthlyChurn = 0.999 }, ""},
		{"churn 100%", func(s *Scenario) { s.Viral.MonthlyChurn = 1 }, "viral.monthlyChurn: must be at least 0 and below 1, got 1"},
		{"first stage above 0", func(s *Scenario) { s.Sales.Stages[0].MinARR = 1 }, "sales.stages[0].minARR: the first stage must start at 0, got 1"},
		{"equal stage thresholds", func(s *Scenario) { s.Sales.Stages[2].MinARR = 1e6 }, "sales.stages[2].minARR: must be above the previous stage's"},
		{"ramp 24", func(s *Scenario) { s.Sales.RampMonths = 24 }, ""},
		{"ramp 25", func(s *Scenario) { s.Sales.RampMonths = 25 }, "sales.rampMonths: must be between 0 and 24, got 25"},
		{"attainment 200%", func(s *Scenario) { s.Sales.QuotaAttainment = 2 }, ""},
		{"ACV 0", func(s *Scenario) { s.Sales.AverageACV = 0 }, "sales.averageACV: must be above 0"},
		{"more thresholds than models allow", func(s *Scenario) { s.Fulfillment.RuleOfThumb = []float64{10, 100, 1000} }, "fulfillment.ruleOfThumb: has 3 thresholds for 3 models; at most 2"},
		{"no stages", func(s *Scenario) { s.Sales.Stages = nil }, "sales.stages: must list 1 to 12 stages, got 0"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := NewPlan("t")
			tc.change(&p.Scenarios[0])
			err := p.Validate()
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("want valid, got %v", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), "scenarios[0]."+tc.want)):
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
}

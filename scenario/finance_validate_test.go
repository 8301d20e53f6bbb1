package scenario

import (
	"math"
	"strings"
	"testing"
)

// TestFinanceValidation: every finance and calendar input out of its range
// is refused with its path and what would be valid.
func TestFinanceValidation(t *testing.T) {
	tests := []struct {
		name string
		edit func(p *Plan)
		want string
	}{
		{"round before month 1", func(p *Plan) { p.Scenarios[0].Finance.FundingRounds[0].Month = 0 },
			"scenarios[0].finance.fundingRounds[0].month: must be a month from 1 to the horizon 36, got 0"},
		{"round after the horizon", func(p *Plan) { p.Scenarios[1].Finance.FundingRounds[0].Month = 37 },
			"scenarios[1].finance.fundingRounds[0].month: must be a month from 1 to the horizon 36, got 37"},
		{"round of nothing", func(p *Plan) { p.Scenarios[0].Finance.FundingRounds[0].Amount = 0 },
			"scenarios[0].finance.fundingRounds[0].amount: must be above 0"},
		{"round without a name", func(p *Plan) { p.Scenarios[0].Finance.FundingRounds[0].Name = " " },
			"scenarios[0].finance.fundingRounds[0].name: must not be empty"},
		{"two rounds of one name", func(p *Plan) {
			f := &p.Scenarios[0].Finance
			f.FundingRounds = append(f.FundingRounds, FundingRound{Name: "series a", Month: 20, Amount: 1})
		}, `scenarios[0].finance.fundingRounds[1].name: another funding round is already called "series a"`},
		{"margin above 1", func(p *Plan) { p.Scenarios[0].Finance.SubscriptionGrossMargin = 1.2 },
			"scenarios[0].finance.subscriptionGrossMargin: must be between 0 and 1, got 1.2"},
		{"negative order margin", func(p *Plan) { p.Scenarios[2].Finance.OrderGrossMargin = -0.1 },
			"scenarios[2].finance.orderGrossMargin: must be between 0 and 1, got -0.1"},
		{"negative cash", func(p *Plan) { p.Scenarios[0].Finance.StartingCash = -5 },
			"scenarios[0].finance.startingCash: must be between 0 and 1e+12, got -5"},
		{"infinite cost", func(p *Plan) { p.Scenarios[0].Finance.OtherCostsPerMonth = math.Inf(1) },
			"scenarios[0].finance.otherCostsPerMonth: must be between 0 and 1e+12, got +Inf"},
		{"NaN share", func(p *Plan) { p.Scenarios[0].Finance.PayingShare = math.NaN() },
			"scenarios[0].finance.payingShare: must be between 0 and 1, got NaN"},
		{"growth above 500%", func(p *Plan) { p.Scenarios[0].Finance.OtherCostsGrowth = 6 },
			"scenarios[0].finance.otherCostsGrowth: must be between 0 and 5, got 6"},
		{"churn above 1", func(p *Plan) { p.Scenarios[0].Finance.AnnualCustomerChurn = 1.5 },
			"scenarios[0].finance.annualCustomerChurn: must be between 0 and 1, got 1.5"},
		{"negative alert", func(p *Plan) { p.Scenarios[0].Finance.RunwayAlertMonths = -1 },
			"scenarios[0].finance.runwayAlertMonths: must be between 0 and 120, got -1"},
		{"negative buffer", func(p *Plan) { p.Scenarios[0].Finance.MinCashBuffer = -1 },
			"scenarios[0].finance.minCashBuffer: must be between 0 and 1e+12, got -1"},
		{"negative reward", func(p *Plan) { p.Scenarios[1].Finance.RefereeReward = -2 },
			"scenarios[1].finance.refereeReward: must be between 0 and 1e+12, got -2"},
		{"expansion after the horizon", func(p *Plan) { p.Scenarios[1].Finance.Expansions[1].Month = 99 },
			"scenarios[1].finance.expansions[1].month: must be a month from 1 to the horizon 36, got 99"},
		{"negative one-off", func(p *Plan) { p.Scenarios[1].Finance.Expansions[0].OneOffCost = -1 },
			"scenarios[1].finance.expansions[0].oneOffCost: must be between 0 and 1e+12, got -1"},
		{"too many rounds", func(p *Plan) {
			p.Scenarios[0].Finance.FundingRounds = make([]FundingRound, MaxFundingRounds+1)
		}, "scenarios[0].finance.fundingRounds: must list at most 50 rounds, got 51"},
		{"start month 13", func(p *Plan) { p.StartMonth = "2027-13" }, `startMonth: month must be 01 to 12, got "2027-13"`},
		{"start month with a slash", func(p *Plan) { p.StartMonth = "2027/01" }, `startMonth: must be a month written YYYY-MM, such as 2027-01, got "2027/01"`},
		{"start month without a year", func(p *Plan) { p.StartMonth = "27-01" }, `startMonth: must be a month written YYYY-MM`},
		{"start month empty", func(p *Plan) { p.StartMonth = "" }, `startMonth: must be a month written YYYY-MM`},
		{"start month signed", func(p *Plan) { p.StartMonth = "2027-+1" }, `startMonth: must be a month written YYYY-MM`},
		{"start year 1066", func(p *Plan) { p.StartMonth = "1066-10" }, `startMonth: year must be between 1970 and 2999`},
		{"fiscal year from month 0", func(p *Plan) { p.FiscalYearStartMonth = 0 }, "fiscalYearStartMonth: must be a month number from 1 (January) to 12, got 0"},
		{"fiscal year from month 13", func(p *Plan) { p.FiscalYearStartMonth = 13 }, "fiscalYearStartMonth: must be a month number from 1 (January) to 12, got 13"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := samplePlan(t)
			tc.edit(p)
			err := p.Validate()
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %v\nwant it to contain %q", err, tc.want)
			}
		})
	}
}

// TestFinanceValidationBoundaries: the ends of every range are valid.
func TestFinanceValidationBoundaries(t *testing.T) {
	p := samplePlan(t)
	p.Scenarios[0].Ranges = nil // the ends lie outside the sample's ranges
	f := &p.Scenarios[0].Finance
	f.StartingCash, f.PayingShare, f.SubscriptionGrossMargin, f.ConsumerGrossMargin, f.OrderGrossMargin = 0, 1, 1, 0, 1
	f.AnnualCustomerChurn, f.OtherCostsGrowth, f.RunwayAlertMonths, f.MinCashBuffer = 1, 5, 120, MaxMoney
	f.FundingRounds = []FundingRound{{Name: "first", Month: 1, Amount: MaxMoney}, {Name: "last", Month: 36, Amount: 1}}
	f.Expansions = []Expansion{{Name: "x", Month: 36}}
	p.StartMonth, p.FiscalYearStartMonth = "2999-12", 12
	if err := p.Validate(); err != nil {
		t.Error(err)
	}
}

package scenario

import "fmt"

// Metric keys of the finance module.
const (
	MetricFinanceCashHorizon      = "finance.cashHorizon"
	MetricFinanceMinCash          = "finance.minCash"
	MetricFinanceCashOutMonth     = "finance.cashOutMonth"
	MetricFinanceCashNeeded       = "finance.cashNeeded"
	MetricFinanceBreakEvenMonth   = "finance.breakEvenMonth"
	MetricFinanceRunway           = "finance.runway"
	MetricFinanceBurnMultiple     = "finance.burnMultiple"
	MetricFinanceLTVToCACConsumer = "finance.ltvToCacConsumer"
	MetricFinanceLTVToCACB2B      = "finance.ltvToCacB2B"
	MetricFinancePaybackConsumer  = "finance.paybackConsumer"
	MetricFinancePaybackB2B       = "finance.paybackB2B"
)

// financeModule is the cash and unit economics row in the module registry.
// It reads the viral, sales and fulfillment results, so it comes after them.
var financeModule = Module{
	Name:     ModuleFinance,
	Title:    "Finance",
	Enabled:  func(s *Scenario) bool { return s.Finance.Enabled },
	Defaults: func(s *Scenario) { s.Finance = DefaultFinance() },
	Limits: map[string]Limit{
		"finance.startingCash":             {Max: MaxMoney, Money: true},
		"finance.payingShare":              {Max: 1, Percent: true},
		"finance.arpuPerMonth":             {Max: MaxMoney, Money: true},
		"finance.averageOrderValue":        {Max: MaxMoney, Money: true},
		"finance.subscriptionGrossMargin":  {Max: 1, Percent: true},
		"finance.consumerGrossMargin":      {Max: 1, Percent: true},
		"finance.orderGrossMargin":         {Max: 1, Percent: true},
		"finance.referrerReward":           {Max: MaxMoney, Money: true},
		"finance.refereeReward":            {Max: MaxMoney, Money: true},
		"finance.annualCustomerChurn":      {Max: 1, Percent: true},
		"finance.otherCostsPerMonth":       {Max: MaxMoney, Money: true},
		"finance.otherCostsGrowth":         {Max: MaxOtherCostsGrowth, Percent: true},
		"finance.runwayAlertMonths":        {Max: MaxRunwayAlert},
		"finance.minCashBuffer":            {Max: MaxMoney, Money: true},
		"finance.fundingRounds[].amount":   {Max: MaxMoney, MinOpen: true, Money: true},
		"finance.expansions[].oneOffCost":  {Max: MaxMoney, Money: true},
		"finance.expansions[].monthlyCost": {Max: MaxMoney, Money: true},
	},
	Clone: func(c *Scenario) {
		c.Finance.FundingRounds = append([]FundingRound{}, c.Finance.FundingRounds...)
		c.Finance.Expansions = append([]Expansion{}, c.Finance.Expansions...)
	},
	Validate: func(c *checker, s *Scenario) { validateFinance(c, s.Finance, s.HorizonMonths) },
	Compute: func(s *Scenario, r *Result) error {
		r.Finance = computeFinanceInto(r.Finance, s, r)
		return nil
	},
	Milestones: func(s *Scenario, r *Result, currency string) []Milestone {
		if r.Finance == nil {
			return nil
		}
		var out []Milestone
		financeMilestones(s.Finance, r.Finance, currency, func(month int, module, format string, a ...any) {
			out = append(out, milestone(month, module, fmt.Sprintf(format, a...)))
		})
		return out
	},
	Metrics: func(_ *Scenario, r *Result) []Metric { return financeMetrics(r.Finance) },
	Summary: financeSummary,
	Outputs: []Output{
		{Key: OutputCash, Title: "Cash", Unit: UnitMoney, Value: func(r *Result, m int) float64 { return r.Finance.Months[m-1].Cash }},
	},
	Events: financeEvents,
}

// financeSummary is the cash story of FinanceStory.
func financeSummary(s *Scenario, r *Result, cal Calendar, currency string) []string {
	if r.Finance == nil {
		return nil
	}
	return FinanceStory(s.Finance, r.Finance, cal, currency)
}

// financeEvents: cash runs out by month 12, 24 and the horizon; LTV/CAC of
// every kind of customer the plan has is at least 3.
func financeEvents(s *Scenario, r *Result) []Event {
	f := r.Finance
	var out []Event
	for _, m := range eventMonths(s.HorizonMonths) {
		out = append(out, Event{Key: EventCashOut, Title: "Cash runs out", Month: m, Happened: byMonth(f.CashOutMonth, m)})
	}
	u := f.UnitEconomics
	if u.Consumer != nil || u.B2B != nil {
		ok := (u.Consumer == nil || u.Consumer.Healthy()) && (u.B2B == nil || u.B2B.Healthy())
		out = append(out, Event{Key: EventLTVToCAC, Title: "LTV/CAC ≥ 3", Month: s.HorizonMonths, Happened: ok})
	}
	return out
}

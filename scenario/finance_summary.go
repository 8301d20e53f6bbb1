package scenario

import "fmt"

// financeMilestones dates the finance module's events: funding rounds,
// market entries, the month cash runs out, the month to raise by (runway
// below the alert), the month from which cash flow stays positive, and the
// months each kind of customer's LTV/CAC passes 3.
func financeMilestones(f Finance, r *FinanceResult, currency string, add func(int, string, string, ...any)) {
	for _, fr := range f.FundingRounds {
		add(fr.Month, ModuleFinance, "%s: raise %s", fr.Name, FormatMoneyCompact(fr.Amount, currency))
	}
	for _, e := range f.Expansions {
		add(e.Month, ModuleFinance, "enter %s: %s one-off, %s a month", e.Name,
			FormatMoneyCompact(e.OneOffCost, currency), FormatMoneyCompact(e.MonthlyCost, currency))
	}
	if r.RaiseByMonth != nil {
		add(*r.RaiseByMonth, ModuleFinance, "raise by now: runway below %s months", num(f.RunwayAlertMonths))
	}
	if r.CashOutMonth != nil {
		keep := ""
		if f.MinCashBuffer > 0 {
			keep = " to keep " + FormatMoneyCompact(f.MinCashBuffer, currency) + " in the bank"
		}
		add(*r.CashOutMonth, ModuleFinance, "cash runs out: raise %s more%s", FormatMoneyCompact(r.CashNeeded, currency), keep)
	}
	if r.BreakEvenMonth != nil {
		add(*r.BreakEvenMonth, ModuleFinance, "cash-flow positive from here on")
	}
	if m := r.LTVPassMonth.Consumer; m != nil {
		add(*m, ModuleFinance, "consumer LTV/CAC passes 3")
	}
	if m := r.LTVPassMonth.B2B; m != nil {
		add(*m, ModuleFinance, "B2B LTV/CAC passes 3")
	}
}

// financeMetrics are the finance module's comparison metrics: cash at the
// horizon, minimum cash, cash-out month, cash needed, break-even month,
// runway, burn multiple, and both kinds' LTV/CAC and CAC payback.
func financeMetrics(r *FinanceResult) []Metric {
	on := r != nil
	get := func(f func() float64) float64 { return pick(on, f) }
	month := func(p func() *int) (float64, bool) {
		if !on || p() == nil {
			return 0, false
		}
		return float64(*p()), true
	}
	ratioOf := func(p func() *float64) (float64, bool) {
		if !on || p() == nil {
			return 0, false
		}
		return *p(), true
	}
	metric := func(key, label string, u Unit, v float64, ok bool) Metric {
		return Metric{Key: key, Module: ModuleFinance, Label: label, Unit: u, Value: v, OK: ok, Better: financeBetter[key]}
	}
	cashOut, cashOutOK := month(func() *int { return r.CashOutMonth })
	breakEven, breakEvenOK := month(func() *int { return r.BreakEvenMonth })
	runway, runwayOK := ratioOf(func() *float64 { return r.RunwayMonths })
	burn, burnOK := ratioOf(func() *float64 { return r.BurnMultiple })
	consumer, consumerOK := ratioOf(func() *float64 { return unitRatio(r.UnitEconomics.Consumer) })
	b2b, b2bOK := ratioOf(func() *float64 { return unitRatio(r.UnitEconomics.B2B) })
	payC, payCOK := ratioOf(func() *float64 { return payback(r.UnitEconomics.Consumer) })
	payB, payBOK := ratioOf(func() *float64 { return payback(r.UnitEconomics.B2B) })
	return []Metric{
		metric(MetricFinanceCashHorizon, "Cash at horizon", UnitMoney, get(r.CashAtHorizon), on),
		metric(MetricFinanceMinCash, "Minimum cash", UnitMoney, get(func() float64 { return r.MinCash }), on),
		withText(metric(MetricFinanceCashOutMonth, "Cash runs out", UnitMonth, cashOut, cashOutOK), on && !cashOutOK, "never"),
		metric(MetricFinanceCashNeeded, "Cash needed beyond rounds", UnitMoney, get(func() float64 { return r.CashNeeded }), on),
		metric(MetricFinanceBreakEvenMonth, "Cash-flow positive from", UnitMonth, breakEven, breakEvenOK),
		withText(metric(MetricFinanceRunway, "Runway at horizon (months)", UnitRatio, runway, runwayOK), on && !runwayOK, "not burning"),
		metric(MetricFinanceBurnMultiple, "Burn multiple (last quarter)", UnitRatio, burn, burnOK),
		metric(MetricFinanceLTVToCACConsumer, "Consumer LTV/CAC", UnitRatio, consumer, consumerOK),
		metric(MetricFinanceLTVToCACB2B, "B2B LTV/CAC", UnitRatio, b2b, b2bOK),
		metric(MetricFinancePaybackConsumer, "Consumer payback (months)", UnitRatio, payC, payCOK),
		metric(MetricFinancePaybackB2B, "B2B payback (months)", UnitRatio, payB, payBOK),
	}
}

// withText gives a metric that does not exist the text that says why,
// where when is true ("never" for a cash-out month, "not burning").
func withText(m Metric, when bool, text string) Metric {
	if when {
		m.Text = text
	}
	return m
}

func payback(u *UnitEconomics) *float64 {
	if u == nil {
		return nil
	}
	return u.PaybackMonths
}

// financeBetter says which way each finance metric improves: a later
// cash-out month is better, an earlier break-even, a shorter payback.
var financeBetter = map[string]Better{
	MetricFinanceCashHorizon: BetterHigher, MetricFinanceMinCash: BetterHigher,
	MetricFinanceCashOutMonth: BetterHigher, MetricFinanceCashNeeded: BetterLower,
	MetricFinanceBreakEvenMonth: BetterLower, MetricFinanceRunway: BetterHigher,
	MetricFinanceBurnMultiple: BetterLower, MetricFinanceLTVToCACConsumer: BetterHigher,
	MetricFinanceLTVToCACB2B: BetterHigher, MetricFinancePaybackConsumer: BetterLower,
	MetricFinancePaybackB2B: BetterLower,
}

func unitRatio(u *UnitEconomics) *float64 {
	if u == nil {
		return nil
	}
	return u.LTVToCAC
}

// YearMetrics are the finance module's fiscal-year totals as comparison
// metrics: revenue and net cash flow of each fiscal year of the calendar
// ("finance.revenue.FY2027"). None without finance.
func YearMetrics(r *Result, cal Calendar) []Metric {
	if r.Finance == nil {
		return nil
	}
	var ms []Metric
	for _, y := range FinanceYears(r.Finance, cal) {
		span := y.Label
		if y.Months() < 12 {
			span = fmt.Sprintf("%s (%d months)", y.Label, y.Months())
		}
		ms = append(ms,
			Metric{Key: "finance.revenue." + y.Label, Module: ModuleFinance, Label: "Revenue " + span, Unit: UnitMoney, Value: y.Revenue.Total(), OK: true},
			Metric{Key: "finance.net." + y.Label, Module: ModuleFinance, Label: "Net cash flow " + span, Unit: UnitMoney, Value: y.NetCashFlow, OK: true})
	}
	return ms
}

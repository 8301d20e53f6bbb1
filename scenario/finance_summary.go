package scenario

import (
	"fmt"
	"strings"
)

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

// FinanceStory tells a scenario's cash in a few lines for a text report,
// months dated on cal: where cash ends and bottoms out, whether and when it
// runs out and what to raise by when, when cash flow turns positive, and
// both kinds of unit economics.
func FinanceStory(f Finance, r *FinanceResult, cal Calendar, currency string) []string {
	money := func(v float64) string { return FormatMoneyCompact(v, currency) }
	when := func(m int) string {
		if m == 0 {
			return "the start"
		}
		return fmt.Sprintf("%s (m%d)", cal.Label(m), m)
	}
	h := len(r.Months)
	burn := r.Months[h-1].Burn
	flow := fmt.Sprintf("burning %s a month", money(burn))
	if burn <= 0 {
		flow = fmt.Sprintf("earning %s a month", money(-burn))
	}
	out := []string{fmt.Sprintf("cash %s at %s, lowest %s at %s; %s at the horizon (trailing quarter)",
		money(r.CashAtHorizon()), when(h), money(r.MinCash), when(r.MinCashMonth), flow)}
	var rounds []string
	for _, fr := range f.FundingRounds {
		rounds = append(rounds, fmt.Sprintf("%s %s in %s", fr.Name, money(fr.Amount), cal.Label(fr.Month)))
	}
	if len(rounds) > 0 {
		out = append(out, "rounds: "+joinComma(rounds))
	}
	switch {
	case r.CashOutMonth != nil:
		line := fmt.Sprintf("runs out in %s: raise %s more", when(*r.CashOutMonth), money(r.CashNeeded))
		if r.RaiseByMonth != nil {
			line += fmt.Sprintf(", by %s (runway below %s months)", when(*r.RaiseByMonth), num(f.RunwayAlertMonths))
		}
		out = append(out, line)
	case r.RaiseByMonth != nil:
		out = append(out, fmt.Sprintf("cash lasts the horizon, but runway falls below %s months in %s", num(f.RunwayAlertMonths), when(*r.RaiseByMonth)))
	default:
		out = append(out, "cash lasts the horizon")
	}
	line := "never cash-flow positive within the horizon"
	if r.BreakEvenMonth != nil {
		line = "cash-flow positive from " + when(*r.BreakEvenMonth)
	}
	if r.RunwayMonths != nil {
		line += fmt.Sprintf("; runway %.1f months at the horizon", *r.RunwayMonths)
	}
	if r.BurnMultiple != nil {
		line += fmt.Sprintf("; burn multiple %.2f", *r.BurnMultiple)
	}
	out = append(out, line)
	for _, u := range []struct {
		kind string
		ue   *UnitEconomics
	}{{"consumer", r.UnitEconomics.Consumer}, {"B2B", r.UnitEconomics.B2B}} {
		if u.ue != nil {
			out = append(out, u.kind+" "+unitLine(u.ue, currency))
		}
	}
	return out
}

// unitLine is "LTV/CAC 2.84 (CAC $6.17, LTV $17.50, payback 11.7 months)",
// with "n/a" where a figure does not exist.
func unitLine(u *UnitEconomics, currency string) string {
	show := func(p *float64, f func(float64) string) string {
		if p == nil {
			return "n/a"
		}
		return f(*p)
	}
	money := func(v float64) string {
		if v < 100 {
			return moneyCents(v, currency)
		}
		return FormatMoney(v, currency)
	}
	ratio := func(v float64) string { return fmt.Sprintf("%.2f", v) }
	months := func(v float64) string { return fmt.Sprintf("%.1f months", v) }
	test := ""
	if u.Healthy() {
		test = ", passes LTV ≥ 3 × CAC"
	}
	return fmt.Sprintf("LTV/CAC %s (CAC %s, LTV %s, payback %s%s)", show(u.LTVToCAC, ratio), show(u.CAC, money), show(u.LTV, money), show(u.PaybackMonths, months), test)
}

// moneyCents writes a small amount with cents: $6.17.
func moneyCents(v float64, currency string) string {
	whole := FormatMoney(v, currency)
	digits := FormatCount(v)
	if i := strings.LastIndex(whole, digits); i >= 0 {
		return whole[:i] + fmt.Sprintf("%.2f", v) + whole[i+len(digits):]
	}
	return whole
}

func joinComma(xs []string) string { return strings.Join(xs, ", ") }

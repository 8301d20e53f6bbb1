package scenario

import (
	"fmt"
	"strings"
)

// Metric keys of the sales module.
const (
	MetricSalesARR12      = "sales.arr12"
	MetricSalesARR24      = "sales.arr24"
	MetricSalesARRHorizon = "sales.arrHorizon"
	MetricSalesStage      = "sales.stage"
	MetricSalesHeads      = "sales.heads"
	MetricSalesCost       = "sales.cost"
)

// salesStageEntry prefixes the key of the month a sales stage is entered.
const salesStageEntry = "sales.stage."

// SalesStageEntryKey is the metric key of the month stage is entered.
func SalesStageEntryKey(stage string) string { return salesStageEntry + stage }

// StageOfEntryKey returns the stage whose entry month key names, and
// whether key is such a key.
func StageOfEntryKey(key string) (string, bool) {
	if !strings.HasPrefix(key, salesStageEntry) {
		return "", false
	}
	return strings.TrimPrefix(key, salesStageEntry), true
}

// salesModule is the sales team's row in the module registry.
var salesModule = Module{
	Name:    ModuleSales,
	Title:   "Sales team",
	Enabled: func(s *Scenario) bool { return s.Sales.Enabled },
	Defaults: func(s *Scenario) {
		s.Sales = Sales{
			Enabled: true, StartingARR: 250000, AverageACV: 24000, FounderNewARRPerMonth: 40000,
			AEQuotaPerMonth: 50000, QuotaAttainment: 0.8, RampMonths: 4, AnnualRepAttrition: 0.2,
			MaxHiresPerMonth: 2, AnnualNetRevenueRetention: 1.1, ARRGoal: 10e6,
			Costs:  RoleCosts{AE: 14000, SDR: 7000, VP: 25000, Manager: 18000},
			Stages: DefaultStages(),
		}
	},
	Limits: map[string]Limit{
		"sales.startingARR":               {Max: MaxMoney, Money: true},
		"sales.averageACV":                {Max: MaxMoney, MinOpen: true, Money: true},
		"sales.founderNewARRPerMonth":     {Max: MaxMoney, Money: true},
		"sales.aeQuotaPerMonth":           {Max: MaxMoney, Money: true},
		"sales.quotaAttainment":           {Max: 2, Percent: true},
		"sales.rampMonths":                {Max: MaxRampMonths, Whole: true},
		"sales.annualRepAttrition":        {Max: 1, Percent: true},
		"sales.maxHiresPerMonth":          {Max: 1000, Whole: true},
		"sales.annualNetRevenueRetention": {Max: 3, Percent: true},
		"sales.arrGoal":                   {Max: MaxMoney, Money: true},
		"sales.startingTeam.aes":          {Max: MaxHeads, Whole: true},
		"sales.startingTeam.sdrs":         {Max: MaxHeads, Whole: true},
		"sales.startingTeam.vp":           {Max: MaxHeads, Whole: true},
		"sales.startingTeam.managers":     {Max: MaxHeads, Whole: true},
		"sales.costs.ae":                  {Max: MaxMoney, Money: true},
		"sales.costs.sdr":                 {Max: MaxMoney, Money: true},
		"sales.costs.vp":                  {Max: MaxMoney, Money: true},
		"sales.costs.manager":             {Max: MaxMoney, Money: true},
		"sales.stages[].minARR":           {Max: MaxMoney, Money: true},
		"sales.stages[].aes":              {Max: MaxHeads, Whole: true},
		"sales.stages[].sdrs":             {Max: MaxHeads, Whole: true},
		"sales.stages[].vp":               {Max: MaxHeads, Whole: true},
		"sales.stages[].managers":         {Max: MaxHeads, Whole: true},
	},
	Clone:    func(c *Scenario) { c.Sales.Stages = append([]Stage(nil), c.Sales.Stages...) },
	Validate: func(c *checker, s *Scenario) { validateSales(c, s.Sales) },
	Compute: func(s *Scenario, r *Result) error {
		r.Sales = computeSales(r.Sales, s.Sales, s.HorizonMonths)
		return nil
	},
	Milestones: salesMilestones,
	Metrics:    salesMetrics,
	Summary:    salesSummary,
	Outputs: []Output{
		{Key: OutputARR, Title: "ARR", Unit: UnitMoney, Value: func(r *Result, m int) float64 { return r.Sales.Months[m-1].ARR }},
	},
	Events: salesEvents,
}

// salesMilestones dates each stage when ARR reaches its threshold: the
// stage is in force from the next month, since a month's stage follows the
// previous month's ARR. Stages in force from the start appear once, at month 0.
func salesMilestones(s *Scenario, r *Result, currency string) []Milestone {
	sr := r.Sales
	if sr == nil {
		return nil
	}
	start := 0
	for i, e := range sr.StageEntries {
		if e.Month != nil && *e.Month == 1 {
			start = i
		}
	}
	out := []Milestone{milestone(0, ModuleSales, fmt.Sprintf("%s stage (ARR %s)", sr.StageEntries[start].Stage, FormatMoneyCompact(s.Sales.StartingARR, currency)))}
	for i, e := range sr.StageEntries {
		if e.Month == nil || *e.Month == 1 {
			continue
		}
		out = append(out, milestone(*e.Month-1, ModuleSales, fmt.Sprintf("ARR reaches %s: %s stage from month %d",
			FormatMoneyCompact(s.Sales.Stages[i].MinARR, currency), e.Stage, *e.Month)))
	}
	return out
}

func salesMetrics(s *Scenario, r *Result) []Metric {
	l := &metricList{module: ModuleSales}
	sr := r.Sales
	for _, m := range []struct {
		key   string
		month int
		label string
	}{
		{MetricSalesARR12, 12, "ARR, month 12"},
		{MetricSalesARR24, 24, "ARR, month 24"},
		{MetricSalesARRHorizon, s.HorizonMonths, "ARR at horizon"},
	} {
		ok := sr != nil && m.month <= s.HorizonMonths
		l.val(m.key, m.label, UnitMoney, BetterHigher, pick(ok, func() float64 { return sr.Months[min(m.month, s.HorizonMonths)-1].ARR }), ok)
	}
	if sr == nil {
		l.text(MetricSalesStage, "Stage at horizon", "", false)
		l.val(MetricSalesHeads, "Sales heads at horizon", UnitCount, BetterNone, 0, false)
		l.val(MetricSalesCost, "Sales team cost", UnitMoney, BetterLower, 0, false)
		return l.ms
	}
	l.text(MetricSalesStage, "Stage at horizon", sr.Months[len(sr.Months)-1].Stage, true)
	for _, e := range sr.StageEntries {
		ok := e.Month != nil
		l.val(SalesStageEntryKey(e.Stage), "Month reaching "+e.Stage, UnitMonth, BetterLower, pick(ok, func() float64 { return float64(*e.Month) }), ok)
	}
	h := sr.HeadsAtHorizon
	l.val(MetricSalesHeads, "Sales heads at horizon", UnitCount, BetterNone, float64(h.AEs+h.SDRs+h.VP+h.Managers), true)
	l.val(MetricSalesCost, "Sales team cost", UnitMoney, BetterLower, sr.TotalCost, true)
	return l.ms
}

// salesEvents: each stage after the first reached by month 12, 24 and the
// horizon.
func salesEvents(s *Scenario, r *Result) []Event {
	months := eventMonths(s.HorizonMonths)
	out := make([]Event, 0, max(len(r.Sales.StageEntries)-1, 0)*len(months))
	for i, e := range r.Sales.StageEntries {
		if i == 0 {
			continue
		}
		key, title := EventStageReached+"["+e.Stage+"]", e.Stage+" reached"
		for _, m := range months {
			out = append(out, Event{Key: key, Title: title, Month: m, Happened: byMonth(e.Month, m)})
		}
	}
	return out
}

// salesSummary: ARR and team at the horizon, stage entries, cost and
// efficiency, and the AEs the ARR goal needs.
func salesSummary(s *Scenario, r *Result, _ Calendar, currency string) []string {
	sr := r.Sales
	if sr == nil {
		return nil
	}
	money := func(v float64) string { return FormatMoney(v, currency) }
	last := sr.Months[len(sr.Months)-1]
	h := sr.HeadsAtHorizon
	var parts []string
	for _, e := range sr.StageEntries {
		if e.Month != nil {
			parts = append(parts, fmt.Sprintf("%s m%d", e.Stage, *e.Month))
		} else {
			parts = append(parts, e.Stage+" not reached")
		}
	}
	eff := "n/a"
	if sr.Efficiency != nil {
		eff = fmt.Sprintf("%.2f", *sr.Efficiency)
	}
	out := []string{
		fmt.Sprintf("ARR %s at month %d (%s)", money(last.ARR), last.Month, last.Stage),
		fmt.Sprintf("team: %d AEs, %d SDRs, %d VP, %d managers (%.1f ramped AEs)", h.AEs, h.SDRs, h.VP, h.Managers, last.RampedAEs),
		"stages: " + strings.Join(parts, ", "),
		fmt.Sprintf("cost %s; efficiency (net new ARR / cost, last quarter) %s", money(sr.TotalCost), eff),
	}
	if sr.NaiveAENeed != nil {
		adj := "n/a"
		if sr.RampAdjustedAENeed != nil {
			adj = fmt.Sprintf("%.1f", *sr.RampAdjustedAENeed)
		}
		out = append(out, fmt.Sprintf("AEs to book %s a year: naive %.1f, ramp-adjusted %s", money(s.Sales.ARRGoal), *sr.NaiveAENeed, adj))
	}
	return out
}

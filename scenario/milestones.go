package scenario

import (
	"fmt"
	"sort"
)

// Milestones lists a scenario's dated events from every enabled module, in
// month order: the K class and goal of the viral loop, sales stage entries,
// volume crossing the rule-of-thumb thresholds and the recommended plan's
// switches, the top market, and the finance module's rounds, market
// entries and cash events. Month 0 is the starting state; amounts are
// in currency.
func Milestones(s *Scenario, r *Result, currency string) []Milestone {
	out := []Milestone{}
	add := func(month int, module, format string, a ...any) {
		out = append(out, Milestone{Month: month, Module: module, Text: fmt.Sprintf(format, a...)})
	}
	if v := r.Viral; v != nil {
		add(0, ModuleViral, "K = %.2f: %s", v.K, v.Class)
		if v.GoalMonth != nil {
			add(*v.GoalMonth, ModuleViral, "active users reach the goal of %s", FormatCount(s.Viral.GoalUsers))
		}
	}
	if sr := r.Sales; sr != nil {
		salesMilestones(s.Sales, sr, currency, add)
	}
	if f := r.Fulfillment; f != nil {
		fulfillmentMilestones(s.Fulfillment, f, add)
	}
	if mk := r.Markets; mk != nil && mk.Winner != "" {
		tie := ""
		if mk.WinnerTied {
			tie = " (tied)"
		}
		add(0, ModuleMarkets, "top market: %s, weighted score %.2f%s", mk.Winner, mk.Ranking[0].Weighted, tie)
	}
	if fr := r.Finance; fr != nil {
		financeMilestones(s.Finance, fr, currency, add)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Month < out[j].Month })
	return out
}

// salesMilestones dates each stage when ARR reaches its threshold: the
// stage is in force from the next month, since a month's stage follows the
// previous month's ARR. Stages in force from the start appear once, at month 0.
func salesMilestones(s Sales, r *SalesResult, currency string, add func(int, string, string, ...any)) {
	start := 0
	for i, e := range r.StageEntries {
		if e.Month != nil && *e.Month == 1 {
			start = i
		}
	}
	add(0, ModuleSales, "%s stage (ARR %s)", r.StageEntries[start].Stage, FormatMoneyCompact(s.StartingARR, currency))
	for i, e := range r.StageEntries {
		if e.Month == nil || *e.Month == 1 {
			continue
		}
		add(*e.Month-1, ModuleSales, "ARR reaches %s: %s stage from month %d",
			FormatMoneyCompact(s.Stages[i].MinARR, currency), e.Stage, *e.Month)
	}
}

func fulfillmentMilestones(f Fulfillment, r *FulfillmentResult, add func(int, string, string, ...any)) {
	prev := 0.0
	for _, m := range r.Months {
		for _, t := range f.RuleOfThumb {
			switch {
			case m.Month > 1 && prev < t && m.Orders >= t:
				add(m.Month, ModuleFulfillment, "orders pass %s/mo: rule of thumb says %s", FormatCount(t), m.RuleOfThumb)
			case m.Month > 1 && prev >= t && m.Orders < t:
				add(m.Month, ModuleFulfillment, "orders fall below %s/mo: rule of thumb says %s", FormatCount(t), m.RuleOfThumb)
			}
		}
		prev = m.Orders
	}
	for i, sw := range r.Switches {
		if i == 0 {
			add(sw.Month, ModuleFulfillment, "start with %s (cost-optimal)", sw.Model)
			continue
		}
		add(sw.Month, ModuleFulfillment, "switch to %s (cost-optimal)", sw.Model)
	}
}

package scenario

import (
	"errors"
	"fmt"
	"strings"
)

// Metric keys of the fulfillment module.
const (
	MetricFulfillmentOrders  = "fulfillment.orders"
	MetricFulfillmentModel   = "fulfillment.model"
	MetricFulfillmentCost    = "fulfillment.cost"
	MetricFulfillmentSavings = "fulfillment.savings"
)

// fulfillmentModule is the fulfillment model's row in the module registry.
// It reads the viral loop's result when its volume source is "viral".
var fulfillmentModule = Module{
	Name:    ModuleFulfillment,
	Title:   "Fulfillment",
	Enabled: func(s *Scenario) bool { return s.Fulfillment.Enabled },
	Defaults: func(s *Scenario) {
		s.Fulfillment = Fulfillment{
			Enabled:     true,
			Volume:      Volume{Source: VolumeManual, StartOrdersPerMonth: 40, MonthlyGrowth: 0.12, OrdersPerActiveUser: 0.1},
			Models:      DefaultModels(),
			RuleOfThumb: DefaultRuleOfThumb(),
		}
	},
	Limits: map[string]Limit{
		"fulfillment.volume.startOrdersPerMonth": {Max: MaxOrders},
		"fulfillment.volume.monthlyGrowth":       {Min: -0.99, Max: 10, Percent: true},
		"fulfillment.volume.ordersPerActiveUser": {Max: 1000},
		"fulfillment.models[].fixedMonthly":      {Max: MaxMoney, Money: true},
		"fulfillment.models[].perOrder":          {Max: MaxMoney, Money: true},
		"fulfillment.models[].setupCost":         {Max: MaxMoney, Money: true},
		"fulfillment.models[].capacity":          {Max: MaxOrders},
		"fulfillment.ruleOfThumb[]":              {Max: MaxOrders, MinOpen: true},
	},
	Clone: func(c *Scenario) {
		c.Fulfillment.Models = append([]FulfillmentModel(nil), c.Fulfillment.Models...)
		c.Fulfillment.RuleOfThumb = append([]float64(nil), c.Fulfillment.RuleOfThumb...)
	},
	Validate: func(c *checker, s *Scenario) { validateFulfillment(c, s.Fulfillment, s.Viral.Enabled) },
	Compute: func(s *Scenario, r *Result) error {
		f, err := computeFulfillment(r.Fulfillment, s.Fulfillment, s.HorizonMonths, r.Viral)
		if err != nil {
			field := "volume"
			if errors.Is(err, ErrOverCapacity) {
				field = "models"
			}
			return FieldError{Path: field, Msg: err.Error()}
		}
		r.Fulfillment = f
		return nil
	},
	Milestones: fulfillmentMilestones,
	Metrics:    fulfillmentMetrics,
	Summary:    fulfillmentSummary,
	Events:     noEvents,
	Outputs: []Output{
		{Key: OutputOrders, Title: "Orders a month", Unit: UnitCount, Value: func(r *Result, m int) float64 { return r.Fulfillment.Months[m-1].Orders }},
		{Key: OutputPlannedCost, Title: "Fulfillment cost (planned)", Unit: UnitMoney, Value: func(r *Result, m int) float64 { return r.Fulfillment.Months[m-1].PlannedCost }},
	},
}

// fulfillmentMilestones dates volume crossing the rule-of-thumb thresholds
// and the recommended plan's switches.
func fulfillmentMilestones(s *Scenario, r *Result, _ string) []Milestone {
	fr := r.Fulfillment
	if fr == nil {
		return nil
	}
	var out []Milestone
	add := func(month int, format string, a ...any) {
		out = append(out, milestone(month, ModuleFulfillment, fmt.Sprintf(format, a...)))
	}
	prev := 0.0
	for _, m := range fr.Months {
		for _, t := range s.Fulfillment.RuleOfThumb {
			switch {
			case m.Month > 1 && prev < t && m.Orders >= t:
				add(m.Month, "orders pass %s/mo: rule of thumb says %s", FormatCount(t), m.RuleOfThumb)
			case m.Month > 1 && prev >= t && m.Orders < t:
				add(m.Month, "orders fall below %s/mo: rule of thumb says %s", FormatCount(t), m.RuleOfThumb)
			}
		}
		prev = m.Orders
	}
	for i, sw := range fr.Switches {
		if i == 0 {
			add(sw.Month, "start with %s (cost-optimal)", sw.Model)
			continue
		}
		add(sw.Month, "switch to %s (cost-optimal)", sw.Model)
	}
	return out
}

func fulfillmentMetrics(_ *Scenario, r *Result) []Metric {
	l := &metricList{module: ModuleFulfillment}
	f := r.Fulfillment
	last := func() FulfillmentMonth { return f.Months[len(f.Months)-1] }
	l.val(MetricFulfillmentOrders, "Orders/month at horizon", UnitCount, BetterHigher, pick(f != nil, func() float64 { return last().Orders }), f != nil)
	planned := ""
	if f != nil {
		planned = last().Planned
	}
	l.text(MetricFulfillmentModel, "Fulfillment model at horizon", planned, f != nil)
	l.val(MetricFulfillmentCost, "Fulfillment cost (optimal plan)", UnitMoney, BetterLower, pick(f != nil, func() float64 { return f.TotalCost }), f != nil)
	l.val(MetricFulfillmentSavings, "Savings vs rule of thumb", UnitMoney, BetterHigher, pick(f != nil, func() float64 { return f.Savings }), f != nil)
	return l.ms
}

// fulfillmentSummary: volume and cheapest model at the horizon, the
// cost-optimal plan against the rule of thumb, the break-evens.
func fulfillmentSummary(_ *Scenario, r *Result, _ Calendar, currency string) []string {
	fr := r.Fulfillment
	if fr == nil {
		return nil
	}
	money := func(v float64) string { return FormatMoney(v, currency) }
	last := fr.Months[len(fr.Months)-1]
	var plan []string
	for _, sw := range fr.Switches {
		plan = append(plan, fmt.Sprintf("%s (m%d)", sw.Model, sw.Month))
	}
	out := []string{
		fmt.Sprintf("%s orders/month at month %d, cheapest %s", FormatCount(last.Orders), last.Month, last.Cheapest),
		"cost-optimal plan: " + strings.Join(plan, " → "),
		fmt.Sprintf("cost %s vs rule of thumb %s: saves %s", money(fr.TotalCost), money(fr.RuleOfThumbCost), money(fr.Savings)),
	}
	for _, b := range fr.BreakEvens {
		out = append(out, fmt.Sprintf("break-even %s ↔ %s at %s orders/month", b.From, b.To, FormatCount(b.Orders)))
	}
	return out
}

package scenario

import "fmt"

// Metric keys of the viral module.
const (
	MetricViralK             = "viral.k"
	MetricViralClass         = "viral.class"
	MetricViralActive12      = "viral.active12"
	MetricViralActive24      = "viral.active24"
	MetricViralActiveHorizon = "viral.activeHorizon"
	MetricViralCumulative    = "viral.cumulative"
	MetricViralPaidSpend     = "viral.paidSpend"
)

// viralModule is the viral loop's row in the module registry.
var viralModule = Module{
	Name:    ModuleViral,
	Title:   "Viral loop",
	Enabled: func(s *Scenario) bool { return s.Viral.Enabled },
	Defaults: func(s *Scenario) {
		s.Viral = Viral{
			Enabled: true, SeedUsers: 1000, InvitesPerUser: 5, InviteConversion: 0.2,
			CycleDays: 14, InviteMode: InviteOnce, MonthlyChurn: 0.03,
			PaidUsersPerMonth: 200, PaidCAC: 25, GoalUsers: 100000,
		}
	},
	Limits: map[string]Limit{
		"viral.seedUsers":         {Max: MaxCount},
		"viral.invitesPerUser":    {Max: 1000},
		"viral.inviteConversion":  {Max: 1, Percent: true},
		"viral.cycleDays":         {Min: 1, Max: MaxCycleDay},
		"viral.monthlyChurn":      {Max: 1, MaxOpen: true, Percent: true},
		"viral.paidUsersPerMonth": {Max: MaxCount},
		"viral.paidCAC":           {Max: MaxMoney, Money: true},
		"viral.marketSize":        {Max: MaxUsers},
		"viral.goalUsers":         {Max: MaxUsers},
	},
	Clone:    func(*Scenario) {},
	Validate: func(c *checker, s *Scenario) { validateViral(c, s.Viral) },
	Compute: func(s *Scenario, r *Result) error {
		v, err := computeViral(r.Viral, s.Viral, s.HorizonMonths)
		r.Viral = v
		return err
	},
	Milestones: viralMilestones,
	Metrics:    viralMetrics,
	Summary:    viralSummary,
	Outputs: []Output{
		{Key: OutputActive, Title: "Active users", Unit: UnitCount, Value: func(r *Result, m int) float64 { return r.Viral.Months[m-1].Active }},
		{Key: OutputSignups, Title: "Cumulative signups", Unit: UnitCount, Value: func(r *Result, m int) float64 { return r.Viral.Months[m-1].CumulativeSignups }},
	},
	Events: viralEvents,
}

// viralMilestones dates the K class (month 0) and the goal.
func viralMilestones(s *Scenario, r *Result, _ string) []Milestone {
	v := r.Viral
	if v == nil {
		return nil
	}
	out := []Milestone{milestone(0, ModuleViral, fmt.Sprintf("K = %.2f: %s", v.K, v.Class))}
	if v.GoalMonth != nil {
		out = append(out, milestone(*v.GoalMonth, ModuleViral, "active users reach the goal of "+FormatCount(s.Viral.GoalUsers)))
	}
	return out
}

func viralMetrics(s *Scenario, r *Result) []Metric {
	l := &metricList{module: ModuleViral}
	v := r.Viral
	l.val(MetricViralK, "Viral coefficient K", UnitRatio, BetterHigher, s.Viral.K(), v != nil)
	l.text(MetricViralClass, "K class", ClassOf(s.Viral.K()), v != nil)
	for _, m := range []struct {
		key   string
		month int
		label string
	}{
		{MetricViralActive12, 12, "Active users, month 12"},
		{MetricViralActive24, 24, "Active users, month 24"},
		{MetricViralActiveHorizon, s.HorizonMonths, "Active users at horizon"},
	} {
		ok := v != nil && m.month <= s.HorizonMonths
		l.val(m.key, m.label, UnitCount, BetterHigher, pick(ok, func() float64 { return v.Months[min(m.month, s.HorizonMonths)-1].Active }), ok)
	}
	l.val(MetricViralCumulative, "Cumulative signups", UnitCount, BetterHigher, pick(v != nil, func() float64 { return v.Months[len(v.Months)-1].CumulativeSignups }), v != nil)
	l.val(MetricViralPaidSpend, "Paid acquisition spend", UnitMoney, BetterLower, pick(v != nil, func() float64 { return v.TotalPaidSpend }), v != nil)
	return l.ms
}

// viralEvents: the goal reached by month 12, 24 and the horizon (none
// without a goal).
func viralEvents(s *Scenario, r *Result) []Event {
	if s.Viral.GoalUsers <= 0 {
		return nil
	}
	var out []Event
	for _, m := range eventMonths(s.HorizonMonths) {
		out = append(out, Event{Key: EventGoalReached, Title: "Active users reach the goal", Month: m, Happened: byMonth(r.Viral.GoalMonth, m)})
	}
	return out
}

// viralSummary: K and its class, users at the horizon, the goal, spend.
func viralSummary(s *Scenario, r *Result, _ Calendar, currency string) []string {
	v := r.Viral
	if v == nil {
		return nil
	}
	amp := "unbounded"
	if v.Amplification != nil {
		amp = fmt.Sprintf("%.2f×", *v.Amplification)
	}
	last := v.Months[len(v.Months)-1]
	out := []string{
		fmt.Sprintf("K = %.2f (%s), amplification %s", v.K, v.Class, amp),
		fmt.Sprintf("active users %s, cumulative signups %s at month %d", FormatCount(last.Active), FormatCount(last.CumulativeSignups), last.Month),
	}
	switch {
	case s.Viral.GoalUsers <= 0:
	case v.GoalMonth != nil:
		out = append(out, fmt.Sprintf("goal of %s active users reached in month %d", FormatCount(s.Viral.GoalUsers), *v.GoalMonth))
	default:
		out = append(out, fmt.Sprintf("goal of %s active users not reached", FormatCount(s.Viral.GoalUsers)))
	}
	cac := "n/a"
	if v.EffectiveCAC != nil {
		cac = FormatMoneyCents(*v.EffectiveCAC, currency)
	}
	return append(out, fmt.Sprintf("paid spend %s, effective CAC %s", FormatMoney(v.TotalPaidSpend, currency), cac))
}

package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"scaleplan/scenario"
)

func init() {
	register(command{Name: "report", Usage: "report PLAN", Run: runReport})
}

func runReport(args []string, stdout, stderr io.Writer) int {
	path, code := onePlan("report", flag.NewFlagSet("report", flag.ContinueOnError), args, stderr)
	if code != exitOK {
		return code
	}
	p, rs, err := loadPlan(path)
	if err != nil {
		return fail(stderr, "report", exitBad, err)
	}
	writeReport(stdout, p, rs)
	return exitOK
}

// writeReport prints a plan's summary, each scenario's modules and
// milestones, and the comparison table.
func writeReport(w io.Writer, p *scenario.Plan, rs []*scenario.Result) {
	fmt.Fprintf(w, "%s  (%s, %d scenarios)\n", p.Name, p.Currency, len(p.Scenarios))
	for i, r := range rs {
		s := &p.Scenarios[i]
		fmt.Fprintf(w, "\n== %s  (%d months) ==\n", s.Name, s.HorizonMonths)
		if s.Notes != "" {
			fmt.Fprintf(w, "%s\n", s.Notes)
		}
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		money := func(v float64) string { return scenario.FormatMoney(v, p.Currency) }
		if r.Viral != nil {
			reportViral(tw, s, r.Viral, money)
		}
		if r.Sales != nil {
			reportSales(tw, s, r.Sales, money)
		}
		if r.Fulfillment != nil {
			reportFulfillment(tw, r.Fulfillment, money)
		}
		if r.Markets != nil {
			reportMarkets(tw, r.Markets)
		}
		tw.Flush()
		fmt.Fprintln(w, "\nMilestones")
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		cal := p.Calendar()
		for _, m := range r.Milestones {
			fmt.Fprintf(tw, "  %s\t%s\t%s\n", milestoneDate(cal, m.Month), m.Module, m.Text)
		}
		tw.Flush()
	}
	if len(rs) > 1 {
		reportComparison(w, p, rs)
	}
}

// milestoneDate dates a milestone for people, with its month number for
// those who work with them: "May 2028 (m17)"; month 0 is the start.
func milestoneDate(cal scenario.Calendar, m int) string {
	if m <= 0 {
		return "start"
	}
	return fmt.Sprintf("%s (m%d)", cal.Label(m), m)
}

func reportViral(w io.Writer, s *scenario.Scenario, v *scenario.ViralResult, money func(float64) string) {
	amp := "unbounded"
	if v.Amplification != nil {
		amp = fmt.Sprintf("%.2f×", *v.Amplification)
	}
	fmt.Fprintf(w, "Viral loop\tK = %.2f (%s), amplification %s\n", v.K, v.Class, amp)
	last := v.Months[len(v.Months)-1]
	fmt.Fprintf(w, "\tactive users %s, cumulative signups %s at month %d\n",
		scenario.FormatCount(last.Active), scenario.FormatCount(last.CumulativeSignups), last.Month)
	switch {
	case s.Viral.GoalUsers <= 0:
	case v.GoalMonth != nil:
		fmt.Fprintf(w, "\tgoal of %s active users reached in month %d\n", scenario.FormatCount(s.Viral.GoalUsers), *v.GoalMonth)
	default:
		fmt.Fprintf(w, "\tgoal of %s active users not reached\n", scenario.FormatCount(s.Viral.GoalUsers))
	}
	cac := "n/a"
	if v.EffectiveCAC != nil {
		cac = money2(*v.EffectiveCAC, money)
	}
	fmt.Fprintf(w, "\tpaid spend %s, effective CAC %s\n", money(v.TotalPaidSpend), cac)
}

// money2 formats small amounts with cents.
func money2(v float64, money func(float64) string) string {
	if v >= 100 {
		return money(v)
	}
	s := money(v)
	return strings.TrimSuffix(s, scenario.FormatCount(v)) + fmt.Sprintf("%.2f", v)
}

func reportSales(w io.Writer, s *scenario.Scenario, r *scenario.SalesResult, money func(float64) string) {
	last := r.Months[len(r.Months)-1]
	fmt.Fprintf(w, "Sales team\tARR %s at month %d (%s)\n", money(last.ARR), last.Month, last.Stage)
	h := r.HeadsAtHorizon
	fmt.Fprintf(w, "\tteam: %d AEs, %d SDRs, %d VP, %d managers (%.1f ramped AEs)\n", h.AEs, h.SDRs, h.VP, h.Managers, last.RampedAEs)
	var parts []string
	for _, e := range r.StageEntries {
		if e.Month != nil {
			parts = append(parts, fmt.Sprintf("%s m%d", e.Stage, *e.Month))
		} else {
			parts = append(parts, e.Stage+" not reached")
		}
	}
	fmt.Fprintf(w, "\tstages: %s\n", strings.Join(parts, ", "))
	eff := "n/a"
	if r.Efficiency != nil {
		eff = fmt.Sprintf("%.2f", *r.Efficiency)
	}
	fmt.Fprintf(w, "\tcost %s; efficiency (net new ARR / cost, last quarter) %s\n", money(r.TotalCost), eff)
	if r.NaiveAENeed != nil {
		adj := "n/a"
		if r.RampAdjustedAENeed != nil {
			adj = fmt.Sprintf("%.1f", *r.RampAdjustedAENeed)
		}
		fmt.Fprintf(w, "\tAEs to book %s a year: naive %.1f, ramp-adjusted %s\n", money(s.Sales.ARRGoal), *r.NaiveAENeed, adj)
	}
}

func reportFulfillment(w io.Writer, r *scenario.FulfillmentResult, money func(float64) string) {
	last := r.Months[len(r.Months)-1]
	fmt.Fprintf(w, "Fulfillment\t%s orders/month at month %d, cheapest %s\n", scenario.FormatCount(last.Orders), last.Month, last.Cheapest)
	var plan []string
	for _, sw := range r.Switches {
		plan = append(plan, fmt.Sprintf("%s (m%d)", sw.Model, sw.Month))
	}
	fmt.Fprintf(w, "\tcost-optimal plan: %s\n", strings.Join(plan, " → "))
	fmt.Fprintf(w, "\tcost %s vs rule of thumb %s: saves %s\n", money(r.TotalCost), money(r.RuleOfThumbCost), money(r.Savings))
	for _, b := range r.BreakEvens {
		fmt.Fprintf(w, "\tbreak-even %s ↔ %s at %s orders/month\n", b.From, b.To, scenario.FormatCount(b.Orders))
	}
}

func reportMarkets(w io.Writer, r *scenario.MarketsResult) {
	for i, m := range r.Ranking {
		label := ""
		if i == 0 {
			label = "Markets"
		}
		tie := ""
		if m.Tied {
			tie = " (tie)"
		}
		fmt.Fprintf(w, "%s\t%d. %s: weighted %.2f, total %.0f%s\n", label, m.Rank, m.Name, m.Weighted, m.Total, tie)
	}
}

// reportComparison prints the metrics of every scenario side by side, with
// deltas against the first.
func reportComparison(w io.Writer, p *scenario.Plan, rs []*scenario.Result) {
	fmt.Fprintf(w, "\n== Comparison (deltas vs %s) ==\n", p.Scenarios[0].Name)
	all := make([][]scenario.Metric, len(rs))
	for i, r := range rs {
		all[i] = scenario.Metrics(&p.Scenarios[i], r)
	}
	width := 0
	for _, m := range all[0] {
		width = max(width, utf8.RuneCountInString(m.Label))
	}
	pad := func(s string) string { return s + strings.Repeat(" ", width-utf8.RuneCountInString(s)) }
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%s\t", pad("metric"))
	for _, s := range p.Scenarios {
		fmt.Fprintf(tw, "%s\t", s.Name)
	}
	fmt.Fprintln(tw)
	for k, base := range all[0] {
		fmt.Fprintf(tw, "%s\t", pad(base.Label))
		for i := range all {
			m := metricByKey(all[i], base.Key, k)
			cell := formatMetric(m, p.Currency)
			if i > 0 {
				cell += formatDelta(scenario.Compare(base, m), m.Unit)
			}
			fmt.Fprintf(tw, "%s\t", cell)
		}
		fmt.Fprintln(tw)
	}
	tw.Flush()
}

func metricByKey(ms []scenario.Metric, key string, hint int) scenario.Metric {
	if hint < len(ms) && ms[hint].Key == key {
		return ms[hint]
	}
	for _, m := range ms {
		if m.Key == key {
			return m
		}
	}
	return scenario.Metric{Key: key}
}

// formatDelta renders a delta: months as a number of months, plain ratios
// as a difference, amounts and counts as a percentage.
func formatDelta(d scenario.Delta, u scenario.Unit) string {
	switch {
	case !d.OK || d.Abs == 0:
		return ""
	case u == scenario.UnitMonth:
		return fmt.Sprintf(" (%+.0f mo)", d.Abs)
	case u == scenario.UnitRatio:
		return fmt.Sprintf(" (%+.2f)", d.Abs)
	case d.RelOK:
		return fmt.Sprintf(" (%+.0f%%)", d.Rel*100)
	}
	return ""
}

// formatMetric renders a metric value for a table cell.
func formatMetric(m scenario.Metric, currency string) string {
	if !m.OK {
		return "–"
	}
	switch m.Unit {
	case scenario.UnitText:
		return m.Text
	case scenario.UnitMoney:
		return scenario.FormatMoney(m.Value, currency)
	case scenario.UnitCount:
		return scenario.FormatCount(m.Value)
	case scenario.UnitMonth:
		return fmt.Sprintf("m%.0f", m.Value)
	default:
		return fmt.Sprintf("%.2f", m.Value)
	}
}

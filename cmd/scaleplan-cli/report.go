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
		for _, m := range scenario.Modules() {
			for j, line := range m.Summary(s, r, p.Calendar(), p.Currency) {
				label := ""
				if j == 0 {
					label = m.Title
				}
				fmt.Fprintf(tw, "%s\t%s\n", label, line)
			}
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

// reportComparison prints the metrics of every scenario side by side, with
// deltas against the first, all at the shortest horizon (docs/MODELS.md §5).
func reportComparison(w io.Writer, p *scenario.Plan, rs []*scenario.Result) {
	fmt.Fprintf(w, "\n== Comparison (deltas vs %s) ==\n", p.Scenarios[0].Name)
	ss := make([]*scenario.Scenario, len(p.Scenarios))
	for i := range p.Scenarios {
		ss[i] = &p.Scenarios[i]
	}
	c := scenario.CompareScenarios(ss, rs)
	if c.Unequal() {
		fmt.Fprintf(w, "Figures at month %d, the shortest horizon compared; totals over months 1–%d.\n", c.Month, c.Month)
	}
	all := c.Metrics
	width := 0
	for _, m := range all[0] {
		width = max(width, utf8.RuneCountInString(m.Label))
	}
	pad := func(s string) string { return s + strings.Repeat(" ", width-utf8.RuneCountInString(s)) }
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%s\t", pad("metric"))
	for _, s := range p.Scenarios {
		fmt.Fprintf(tw, "%s (%d mo)\t", s.Name, s.HorizonMonths)
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

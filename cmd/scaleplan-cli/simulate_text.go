package main

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"text/tabwriter"

	"scaleplan/scenario"
)

// writeSimText prints one scenario's simulation for people: the spread of
// every output at the horizon, the odds of its milestones, the cash to
// raise, and how often each market wins and each fulfillment model is
// planned.
func writeSimText(w io.Writer, p *scenario.Plan, s *scenario.Scenario, res *scenario.SimResult) {
	cal := p.Calendar()
	fmt.Fprintf(w, "\n== %s: %s runs, seed %d ==\n", s.Name, scenario.FormatCount(float64(res.Runs)), res.Seed)
	fmt.Fprintf(w, "Ranges on %s\n", strings.Join(res.Inputs, ", "))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "At %s\tP10\tP50\tP90\t\n", milestoneDate(cal, s.HorizonMonths))
	for _, o := range scenario.ScenarioOutputs(s) {
		bands := res.Series[o.Key]
		if len(bands) == 0 {
			continue
		}
		b := bands[len(bands)-1]
		f := func(v float64) string { return simValue(v, o.Unit, p.Currency) }
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t\n", o.Title, f(b.P10), f(b.P50), f(b.P90))
	}
	tw.Flush()
	if len(res.Probabilities) > 0 {
		fmt.Fprintln(w, "Odds")
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		for _, pr := range res.Probabilities {
			fmt.Fprintf(tw, "  %s by %s\t%s\n", pr.Title, milestoneDate(cal, pr.Month), pct(pr.P))
		}
		tw.Flush()
	}
	if c := res.CashNeeded; c != nil {
		if c.P90 <= 0 {
			fmt.Fprintln(w, "Cash: 9 futures in 10 survive without raising more")
		} else {
			fmt.Fprintf(w, "Cash: to survive 9 futures in 10, raise %s (half of them need %s)\n",
				scenario.FormatMoneyCompact(c.P90, p.Currency), scenario.FormatMoneyCompact(c.P50, p.Currency))
		}
	}
	if len(res.MarketWins) > 0 {
		fmt.Fprintf(w, "Market ranked first: %s\n", shares(res.MarketWins))
	}
	if len(res.PlannedModelAtHorizon) > 0 {
		fmt.Fprintf(w, "Fulfillment planned at %s: %s\n", milestoneDate(cal, s.HorizonMonths), shares(res.PlannedModelAtHorizon))
	}
}

// simValue writes an output's value in its unit.
func simValue(v float64, u scenario.Unit, currency string) string {
	if u == scenario.UnitMoney {
		return scenario.FormatMoney(v, currency)
	}
	return scenario.FormatCount(v)
}

// shares writes names with their shares, largest first (ties by name):
// "US 61.0%, UK 39.0%".
func shares(m map[string]float64) string {
	names := slices.Sorted(maps.Keys(m))
	slices.SortStableFunc(names, func(a, b string) int {
		switch {
		case m[a] > m[b]:
			return -1
		case m[a] < m[b]:
			return 1
		}
		return 0
	})
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = n + " " + pct(m[n])
	}
	return strings.Join(parts, ", ")
}

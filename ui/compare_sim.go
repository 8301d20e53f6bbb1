package ui

import (
	"fmt"
	"math"
	"strings"

	"scaleplan/export/chart"
	"scaleplan/scenario"
)

// What Compare shows of the compared scenarios' simulations (Simulate):
// the P50 under each numeric metric (SimResult.Metrics, or the simulated
// series when the figures are taken before the horizon), and a row per
// milestone event with the share of runs in which it happens. A stale
// simulation (the scenario changed since) shows neither: the note above
// the table says to simulate again.

// seriesMetric is where a comparison metric sits in a simulation's
// series: an output at a month (0: the month Compare takes its figures at).
type seriesMetric struct {
	output string
	month  int
}

// seriesMetrics are the metrics whose P50 the simulated series give.
var seriesMetrics = map[string]seriesMetric{
	scenario.MetricViralActive12:      {scenario.OutputActive, 12},
	scenario.MetricViralActive24:      {scenario.OutputActive, 24},
	scenario.MetricViralActiveHorizon: {scenario.OutputActive, 0},
	scenario.MetricViralCumulative:    {scenario.OutputSignups, 0},
	scenario.MetricSalesARR12:         {scenario.OutputARR, 12},
	scenario.MetricSalesARR24:         {scenario.OutputARR, 24},
	scenario.MetricSalesARRHorizon:    {scenario.OutputARR, 0},
	scenario.MetricFulfillmentOrders:  {scenario.OutputOrders, 0},
	scenario.MetricFinanceCashHorizon: {scenario.OutputCash, 0},
}

// metricP50 returns the median over a simulation's runs of metric key,
// read at month at (the month Compare takes its figures at) of a scenario
// whose horizon is horizon, and the share of runs where the metric exists.
// At the horizon it is the simulation's own per-run metric (every numeric
// metric); before it (unequal horizons), what the simulated series give.
func metricP50(sr *scenario.SimResult, key string, at, horizon int) (float64, float64, bool) {
	if sr == nil {
		return 0, 0, false
	}
	if mp, ok := sr.Metrics[key]; ok && at == horizon && mp.Share > 0 {
		return mp.P50, mp.Share, true
	}
	v, ok := seriesP50(sr, key, at)
	return v, 1, ok
}

// seriesP50 is metricP50 from the simulated series.
func seriesP50(sr *scenario.SimResult, key string, at int) (float64, bool) {
	sm, ok := seriesMetrics[key]
	if !ok {
		return 0, false
	}
	m := sm.month
	if m == 0 {
		m = at
	}
	for _, b := range sr.Series[sm.output] {
		if b.Month == m {
			return b.P50, true
		}
	}
	return 0, false
}

// freshSim returns scenario i's simulation if it is current, nil if it
// has none or it is stale.
func freshSim(in chart.Input, i int) *scenario.SimResult {
	if i >= len(in.Sims) || (i < len(in.SimStale) && in.SimStale[i]) {
		return nil
	}
	return in.Sims[i]
}

// simNote says what the table shows of the simulations: "" when none of
// the compared scenarios has one.
func simNote(in chart.Input, idx []int) string {
	var stale, fresh []string
	for _, i := range idx {
		if i >= len(in.Sims) || in.Sims[i] == nil {
			continue
		}
		if freshSim(in, i) == nil {
			stale = append(stale, in.Plan.Scenarios[i].Name)
			continue
		}
		fresh = append(fresh, in.Plan.Scenarios[i].Name)
	}
	switch {
	case len(stale) > 0:
		return fmt.Sprintf("%s changed since the last simulation: Simulate again for its P50s and odds (its charts' bands are faint until then).", strings.Join(stale, ", "))
	case len(fresh) > 0:
		return "P50: the median over the simulation's runs; odds: the share of runs in which a milestone happens."
	}
	return ""
}

// oddsRows are the milestone events of the compared scenarios'
// simulations, under a heading, each with the share of runs in which it
// happens in every scenario that has it (the baseline's events first).
func oddsRows(in chart.Input, idx []int) []cmpRow {
	type event struct{ key, label string }
	var events []event
	seen := map[string]bool{}
	shares := make([]map[string]float64, len(idx))
	runs := 0
	for j, i := range idx {
		sr := freshSim(in, i)
		if sr == nil {
			continue
		}
		runs = max(runs, sr.Runs)
		shares[j] = map[string]float64{}
		for _, p := range sr.Probabilities {
			k := fmt.Sprintf("%s@%d", p.Event, p.Month)
			shares[j][k] = p.P
			if !seen[k] {
				seen[k] = true
				events = append(events, event{k, fmt.Sprintf("%s by month %d", p.Title, p.Month)})
			}
		}
	}
	if len(events) == 0 {
		return nil
	}
	rows := []cmpRow{{label: fmt.Sprintf("Odds over %s runs", scenario.FormatCount(float64(runs))), heading: true}}
	for _, e := range events {
		r := cmpRow{label: e.label}
		for j := range idx {
			v := "—"
			if p, ok := shares[j][e.key]; ok {
				v = formatShare(p)
			}
			r.cells = append(r.cells, cmpCell{value: v})
		}
		rows = append(rows, r)
	}
	return rows
}

// formatShare writes a share of runs as a percentage: "22%", "<1%" and
// ">99%" where rounding would say 0 or 100 of something that happened in
// some runs but not all.
func formatShare(p float64) string {
	switch {
	case p > 0 && p < 0.005:
		return "<1%"
	case p < 1 && p > 0.995:
		return ">99%"
	}
	return fmt.Sprintf("%.0f%%", math.Round(p*100))
}

// p50Text is the P50 Compare writes under scenario i's metric key (its
// figure in row), read at month at: "" without a current simulation or
// where the simulation does not give it; a metric that exists in some
// runs only (a goal month) says in how many.
func (c *compare) p50Text(key string, row map[string]scenario.Metric, i, at int) string {
	m, ok := row[key]
	if !ok || !m.OK {
		return ""
	}
	v, share, ok := metricP50(freshSim(c.in, i), key, at, c.in.Plan.Scenarios[i].HorizonMonths)
	if !ok {
		return ""
	}
	if m.Unit == scenario.UnitMonth {
		v = math.Round(v) // a median month between two months
	}
	m.Value = v
	t := "P50 " + formatMetricOn(m, c.in.Plan)
	if share < 1 {
		t += " (" + formatShare(share) + " of runs)" // a month only the runs that reach it have
	}
	return t
}

package ui

import (
	"slices"
	"strconv"
	"strings"

	"scaleplan/scenario"
)

// limit is the valid range of an input as scenario's validation checks it:
// lo ≤ v ≤ hi, with loOpen (v > lo) or hiOpen (v < hi) where the bound
// itself is refused. pct marks rates, shown as percentages.
type limit struct {
	lo, hi         float64
	loOpen, hiOpen bool
	pct            bool
}

// inTables are the lists the tabs lay out as tables rather than forms:
// their cells show no range hint.
var inTables = []string{"sales.stages[].", "fulfillment.models[].", "markets.markets[].", "finance.fundingRounds[].", "finance.expansions[]."}

// limits maps the path (below the scenario) of every input a form shows to
// its valid range: scenario's limits table, for the modules that have a tab
// (and the scenario's own inputs), outside the tables.
var limits map[string]limit

// init reads the limits (in init, as the tabs' forms read them).
func init() {
	limits = map[string]limit{}
	for key, l := range scenario.Limits() {
		module, _, nested := strings.Cut(key, ".")
		if nested && !slices.ContainsFunc(tabs, func(t tab) bool { return t.module == module }) ||
			slices.ContainsFunc(inTables, func(t string) bool { return strings.HasPrefix(key, t) }) {
			continue
		}
		limits[key] = limitOf(l)
	}
}

func limitOf(l scenario.Limit) limit {
	return limit{lo: l.Min, hi: l.Max, loOpen: l.MinOpen, hiOpen: l.MaxOpen, pct: l.Percent}
}

// limitFor returns the range of the input at path; list indexes are
// ignored ("markets.factors[2].weight" is "markets.factors[].weight").
func limitFor(path string) (limit, bool) {
	l, ok := limits[scenario.Unindexed(path)]
	return l, ok
}

// hintFor is the range hint shown beside the input at path ("" if none).
func hintFor(path string) string {
	l, ok := limitFor(path)
	if !ok {
		return ""
	}
	return l.hint()
}

// hint writes the range for a founder: "0–1,000", "0–100%", "0–<100%",
// "> 0, ≤ 1tn".
func (l limit) hint() string {
	lo, hi := hintNumber(l.lo, l.pct), hintNumber(l.hi, l.pct)
	unit := ""
	if l.pct {
		lo, hi, unit = strings.TrimSuffix(lo, "%"), strings.TrimSuffix(hi, "%"), "%"
	}
	switch {
	case l.loOpen:
		return "> " + lo + unit + ", ≤ " + hi + unit
	case l.hiOpen:
		return lo + "–<" + hi + unit
	}
	return lo + "–" + hi + unit
}

// hintNumber writes a bound: rates as percentages, large numbers compactly
// (1M, 1bn, 1tn).
func hintNumber(v float64, pct bool) string {
	if pct {
		return strings.Replace(scenario.FormatInput(v, true), "-", "−", 1)
	}
	if v >= 1e12 {
		return strconv.FormatFloat(v/1e12, 'f', -1, 64) + "tn"
	}
	if v >= 1e6 {
		return scenario.FormatCompact(v)
	}
	return scenario.FormatInput(v, false)
}

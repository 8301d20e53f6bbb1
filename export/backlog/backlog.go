// Package backlog writes a plan's growth experiment backlog as CSV: the
// article's template fields, each experiment's design, sample size and
// duration, and the reading of its result (docs/MODELS.md
// §9).
package backlog

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"scaleplan/scenario"
	"scaleplan/scenario/experiment"
)

// Header is the CSV's first row. Rates and lifts are fractions (0.2).
var Header = []string{"id", "name", "owner", "status", "start", "end", "metric", "hypothesis",
	"baselineRate", "minDetectableEffect", "alpha", "power", "dailyVisitors", "variantShare",
	"perArm", "total", "days",
	"controlVisitors", "controlConversions", "variantVisitors", "variantConversions",
	"controlRate", "variantRate", "lift", "liftLow", "liftHigh", "pValue", "significant", "readEarly",
	"appliesToScenario", "appliesToInput"}

// WriteCSV writes one row per experiment of p after Header. Cells with no
// value (days without traffic, a reading without a result, a lift without
// control conversions) are empty. Text that a spreadsheet would read as a
// formula (starting with = + - @) is written after a single quote.
func WriteCSV(w io.Writer, p *scenario.Plan) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(Header); err != nil {
		return fmt.Errorf("backlog: %w", err)
	}
	for i, e := range p.Experiments {
		if err := cw.Write(row(p, e)); err != nil {
			return fmt.Errorf("backlog: experiment %d: %w", i+1, err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("backlog: %w", err)
	}
	return nil
}

// row is one experiment's cells, in Header's order.
func row(p *scenario.Plan, e experiment.Experiment) []string {
	d := e.Design
	out := []string{e.ID, text(e.Name), text(e.Owner), e.Status, e.Start, e.End, text(e.Metric), text(e.Hypothesis),
		num(d.BaselineRate), num(d.MinDetectableEffect), num(d.Alpha), num(d.Power), num(d.DailyVisitors), num(d.VariantShare)}
	if s, err := d.Size(); err == nil {
		days := ""
		if s.Days != nil {
			days = strconv.FormatInt(*s.Days, 10)
		}
		out = append(out, strconv.FormatInt(s.PerArm, 10), strconv.FormatInt(s.Total, 10), days)
	} else {
		out = append(out, "", "", "")
	}
	out = append(out, reading(e)...)
	scenarioName, input := "", ""
	if t := e.AppliesTo; t != nil {
		scenarioName, input = t.ScenarioID, t.Input
		for _, s := range p.Scenarios {
			if strings.EqualFold(s.ID, t.ScenarioID) {
				scenarioName = s.Name
			}
		}
	}
	return append(out, text(scenarioName), text(input))
}

// reading is the result's counts and what they say (12 cells).
func reading(e experiment.Experiment) []string {
	o := e.Result
	if o == nil {
		return make([]string, 12)
	}
	out := []string{strconv.Itoa(o.ControlVisitors), strconv.Itoa(o.ControlConversions), strconv.Itoa(o.VariantVisitors), strconv.Itoa(o.VariantConversions),
		num(float64(o.ControlConversions) / float64(o.ControlVisitors)), num(float64(o.VariantConversions) / float64(o.VariantVisitors))}
	r, err := e.Read()
	_, p := experiment.ZTest(*o)
	lift := []string{"", "", ""}
	if err == nil {
		lift = []string{num(r.Lift), num(r.LiftLow), num(r.LiftHigh)}
	}
	out = append(out, lift...)
	early := e.Peeking().Early
	return append(out, num(p), strconv.FormatBool(p < e.Alpha), strconv.FormatBool(early))
}

// num writes a number in the shortest form that reads back exactly.
func num(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// text defuses user text a spreadsheet would run as a formula.
func text(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

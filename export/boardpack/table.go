package boardpack

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"scaleplan/scenario"
)

// Table is the comparison table of the compared scenarios: one row per
// comparison metric (scenario.Metrics), one column per scenario, the
// baseline first, each other cell with its delta against the baseline.
type Table struct {
	Currency  string
	Scenarios []string
	Rows      []Row
}

// Row is one metric across the compared scenarios.
type Row struct {
	Key, Label string
	Unit       scenario.Unit
	Metrics    []scenario.Metric
	Deltas     []scenario.Delta // against the baseline; the baseline's own is zero
}

// NewTable builds the comparison table of scenarios idx of p (baseline
// first) from their results.
func NewTable(p *scenario.Plan, results []*scenario.Result, idx []int) Table {
	t := Table{Currency: p.Currency}
	all := make([][]scenario.Metric, len(idx))
	for k, i := range idx {
		t.Scenarios = append(t.Scenarios, p.Scenarios[i].Name)
		all[k] = scenario.Metrics(&p.Scenarios[i], results[i])
	}
	seen := map[string]bool{}
	for _, ms := range all {
		for _, m := range ms {
			if seen[m.Key] {
				continue
			}
			seen[m.Key] = true
			row := Row{Key: m.Key, Label: m.Label, Unit: m.Unit}
			for k := range idx {
				got := find(all[k], m.Key)
				row.Metrics = append(row.Metrics, got)
				row.Deltas = append(row.Deltas, scenario.Compare(find(all[0], m.Key), got))
			}
			t.Rows = append(t.Rows, row)
		}
	}
	return t
}

func find(ms []scenario.Metric, key string) scenario.Metric {
	for _, m := range ms {
		if m.Key == key {
			return m
		}
	}
	return scenario.Metric{Key: key}
}

// WriteCSV writes the table with plain numbers (full precision, no
// grouping or currency symbols), so spreadsheets read them as numbers: a
// column per scenario, then for every scenario but the baseline its delta
// and relative delta. A value that does not exist is an empty cell.
func (t Table) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	head := []string{"metric", "key"}
	head = append(head, t.Scenarios...)
	for _, s := range t.Scenarios[1:] {
		head = append(head, s+" Δ", s+" Δ %")
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	for _, r := range t.Rows {
		line := []string{r.Label, r.Key}
		for _, m := range r.Metrics {
			line = append(line, rawMetric(m))
		}
		for _, d := range r.Deltas[1:] {
			abs, rel := "", ""
			if d.OK {
				abs = plain(d.Abs)
				if d.RelOK {
					rel = plain(d.Rel)
				}
			}
			line = append(line, abs, rel)
		}
		if err := cw.Write(line); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func rawMetric(m scenario.Metric) string {
	switch {
	case !m.OK:
		return ""
	case m.Unit == scenario.UnitText:
		return m.Text
	}
	return plain(m.Value)
}

func plain(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// formatMetric writes a metric for a page (scenario.FormatMetric), compact
// from ten million on.
func formatMetric(m scenario.Metric, currency string) string {
	return scenario.FormatMetric(m, currency, 1e7)
}

// formatDelta writes a delta for a page: months as months earlier or
// later, ratios as a difference, amounts and counts as a percentage (or
// the difference when the baseline is zero). "" when there is none.
func formatDelta(d scenario.Delta, u scenario.Unit, currency string) string {
	if !d.OK || u == scenario.UnitText {
		return ""
	}
	if d.Abs == 0 {
		return "same"
	}
	sign := "+"
	if d.Abs < 0 {
		sign = "−"
	}
	switch {
	case u == scenario.UnitMonth:
		return fmt.Sprintf("%s%s mo", sign, scenario.FormatCount(math.Abs(d.Abs)))
	case u == scenario.UnitRatio:
		return fmt.Sprintf("%s%.2f", sign, math.Abs(d.Abs))
	case d.RelOK:
		return fmt.Sprintf("%s%s%%", sign, strconv.FormatFloat(math.Abs(d.Rel)*100, 'f', 1, 64))
	}
	return sign + formatMetric(scenario.Metric{Unit: u, Value: math.Abs(d.Abs), OK: true}, currency)
}

// FormatInput writes an input's JSON value for the assumption and
// appendix tables: numbers grouped with up to six significant digits,
// switches as on/off, lists by their names or values.
func FormatInput(raw json.RawMessage) string {
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return string(raw)
	}
	return formatAny(v)
}

func formatAny(v any) string {
	switch x := v.(type) {
	case nil:
		return "—"
	case bool:
		if x {
			return "on"
		}
		return "off"
	case float64:
		return scenario.FormatInput(x, false)
	case string:
		return x
	case []any:
		if len(x) == 0 {
			return "none"
		}
		parts := make([]string, len(x))
		for i, e := range x {
			if o, ok := e.(map[string]any); ok {
				parts[i] = fmt.Sprint(o["name"])
				continue
			}
			parts[i] = formatAny(e)
		}
		return fmt.Sprintf("%d: %s", len(x), strings.Join(parts, ", "))
	case map[string]any:
		return fmt.Sprintf("%d entries", len(x))
	}
	return fmt.Sprint(v)
}

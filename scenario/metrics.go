package scenario

import "math"

// Unit says how a metric's value reads.
type Unit int

// Units of comparison metrics.
const (
	UnitCount Unit = iota // users, orders, heads
	UnitMoney             // in the plan's currency
	UnitRatio             // a plain number such as K or efficiency
	UnitMonth             // a month number
	UnitText              // a name: Text holds it, Value is unused
)

// Better says which way a metric improves, for a reader of a comparison.
type Better string

// Directions of metrics.
const (
	BetterNone   Better = ""       // neither: a name, a head count, a class
	BetterHigher Better = "higher" // more users, more ARR, more savings
	BetterLower  Better = "lower"  // lower cost, an earlier month
)

// Metric keys are each module's name, a dot and the figure; each module
// declares its keys as Metric… constants in its row's file.

// Metric is one comparison figure of a scenario. OK is false where the value
// does not exist (module off, goal never reached); Text holds names.
type Metric struct {
	Key    string  `json:"key"`
	Module string  `json:"module"`
	Label  string  `json:"label"`
	Unit   Unit    `json:"unit"`
	Value  float64 `json:"value"`
	Text   string  `json:"text,omitempty"`
	OK     bool    `json:"ok"`
	Better Better  `json:"better,omitempty"`
}

// Delta is a metric against the baseline's: Abs = value − base, Rel =
// Abs / |base| (RelOK false when base is 0 or either value is missing).
type Delta struct {
	Abs   float64 `json:"abs"`
	Rel   float64 `json:"rel"`
	OK    bool    `json:"ok"`
	RelOK bool    `json:"relOK"`
}

// Metrics returns the comparison metrics of every module (docs/MODELS.md
// §5 and §6), in registry order and with fixed keys, so scenarios line up
// row by row.
func Metrics(s *Scenario, r *Result) []Metric {
	var ms []Metric
	for _, m := range modules {
		ms = append(ms, m.Metrics(s, r)...)
	}
	return ms
}

// metricList collects one module's metrics.
type metricList struct {
	module string
	ms     []Metric
}

// metricsPerModule is room for one module's metrics, so that a list is
// allocated once (the simulation asks for them in every run).
const metricsPerModule = 16

// val adds a number; a missing or non-finite value is not OK.
func (l *metricList) val(key, label string, u Unit, better Better, v float64, ok bool) {
	if !ok || math.IsNaN(v) || math.IsInf(v, 0) {
		v, ok = 0, false
	}
	if l.ms == nil {
		l.ms = make([]Metric, 0, metricsPerModule)
	}
	l.ms = append(l.ms, Metric{Key: key, Module: l.module, Label: label, Unit: u, Value: v, OK: ok, Better: better})
}

// text adds a name.
func (l *metricList) text(key, label, t string, ok bool) {
	if l.ms == nil {
		l.ms = make([]Metric, 0, metricsPerModule)
	}
	l.ms = append(l.ms, Metric{Key: key, Module: l.module, Label: label, Unit: UnitText, Text: t, OK: ok})
}

func pick(ok bool, f func() float64) float64 {
	if !ok {
		return 0
	}
	return f()
}

// Compare returns the delta of metric m against base (same key). A
// difference of month numbers is a number of months, never a percentage
// (RelOK is false).
func Compare(base, m Metric) Delta {
	if !base.OK || !m.OK || m.Unit == UnitText {
		return Delta{}
	}
	d := Delta{Abs: m.Value - base.Value, OK: true}
	if base.Value != 0 && m.Unit != UnitMonth {
		d.Rel, d.RelOK = d.Abs/math.Abs(base.Value), true
	}
	return d
}

// Good says whether a delta is an improvement by the metric's direction:
// 1 better, -1 worse, 0 neither (no direction, or no change).
func (d Delta) Good(b Better) int {
	if !d.OK || d.Abs == 0 {
		return 0
	}
	switch {
	case b == BetterHigher && d.Abs > 0, b == BetterLower && d.Abs < 0:
		return 1
	case b == BetterHigher, b == BetterLower:
		return -1
	}
	return 0
}

// FormatMetric writes a metric for people, the one format of the app's
// tiles and tables and the board pack's pages: money with its currency
// and counts grouped, or compactly ($3.46M, 12.5M) from compactFrom in
// absolute value on (0: never); months as "month 12"; ratios with at most
// two decimals (0.6, 1.25); names as they are. A metric that does not
// exist is written as its reason when it has one ("never", "not
// burning"), else "not reached" for a month and "—" for the rest.
func FormatMetric(m Metric, currency string, compactFrom float64) string {
	if !m.OK {
		switch {
		case m.Text != "":
			return m.Text
		case m.Unit == UnitMonth:
			return "not reached"
		}
		return "—"
	}
	compact := compactFrom > 0 && math.Abs(m.Value) >= compactFrom
	switch m.Unit {
	case UnitMoney:
		if compact {
			return FormatMoneyCompact(m.Value, currency)
		}
		return FormatMoney(m.Value, currency)
	case UnitCount:
		if compact {
			return FormatCompact(m.Value)
		}
		return FormatCount(m.Value)
	case UnitMonth:
		return "month " + FormatCount(m.Value)
	case UnitText:
		if m.Text == "" {
			return "—"
		}
		return m.Text
	}
	v := math.Round(m.Value*100) / 100
	if v == 0 {
		v = 0 // not "-0" for a small negative ratio
	}
	return FormatInput(v, false)
}

package scenario

import (
	"fmt"
	"slices"
)

// Output keys: a module's name and the monthly key of its result in
// `compute --json` (docs/MODELS.md §7, docs/CLI.md).
const (
	OutputActive      = "viral.active"
	OutputSignups     = "viral.cumulativeSignups"
	OutputARR         = "sales.arr"
	OutputOrders      = "fulfillment.orders"
	OutputPlannedCost = "fulfillment.plannedCost"
	OutputCash        = "finance.cash"
)

// Output is one monthly series of a module's result: what the simulation
// draws bands of, what a tornado measures and what goal seek aims at.
type Output struct {
	// Key names the output: "viral.active".
	Key string
	// Title names it for people: "Active users".
	Title string
	// Unit says how its values read (count or money).
	Unit Unit
	// Value returns the output in month m (1-based) of r, whose module is on.
	Value func(r *Result, m int) float64
}

// Event is one yes/no outcome of a run at a month, such as "cash runs out
// by month 24": the simulation reports the share of runs where it happened.
type Event struct {
	// Key names the event: "finance.cashOut", "sales.stageReached[Series A]".
	Key string `json:"event"`
	// Title says it for people: "Cash runs out".
	Title string `json:"-"`
	// Month is the month by which it happens (the horizon for "at all").
	Month int `json:"month"`
	// Happened reports the outcome in this run.
	Happened bool `json:"-"`
}

// Event keys (Key of Event); a stage's key adds the stage's name in
// brackets.
const (
	EventGoalReached  = "viral.goalReached"
	EventStageReached = "sales.stageReached"
	EventCashOut      = "finance.cashOut"
	EventLTVToCAC     = "finance.ltvToCacAtLeast3"
)

// Outputs returns every module's outputs, in registry order.
func Outputs() []Output {
	var out []Output
	for _, m := range modules {
		out = append(out, m.Outputs...)
	}
	return out
}

// OutputNamed returns the output with key.
func OutputNamed(key string) (Output, bool) {
	for _, m := range modules {
		if i := slices.IndexFunc(m.Outputs, func(o Output) bool { return o.Key == key }); i >= 0 {
			return m.Outputs[i], true
		}
	}
	return Output{}, false
}

// ScenarioOutputs returns the outputs of s's enabled modules, in registry
// order.
func ScenarioOutputs(s *Scenario) []Output {
	var out []Output
	for _, m := range modules {
		if m.Enabled(s) {
			out = append(out, m.Outputs...)
		}
	}
	return out
}

// OutputSeries returns output key's value in every month of r, or an error
// when no module has that output or its module is off in r.
func OutputSeries(s *Scenario, r *Result, key string) ([]float64, error) {
	o, ok := OutputNamed(key)
	if !ok {
		return nil, fmt.Errorf("no output %q (outputs: %s)", key, outputKeys())
	}
	m, _ := ModuleNamed(moduleOf(key))
	if !m.Enabled(s) {
		return nil, fmt.Errorf("output %q: the %s module is off", key, m.Title)
	}
	out := make([]float64, r.Horizon)
	for i := range out {
		out[i] = o.Value(r, i+1)
	}
	return out, nil
}

// moduleOf returns the module name at the start of a key ("viral.active").
func moduleOf(key string) string {
	for i := range key {
		if key[i] == '.' || key[i] == '[' {
			return key[:i]
		}
	}
	return key
}

// outputKeys lists every output key, for messages.
func outputKeys() string {
	var s string
	for i, o := range Outputs() {
		if i > 0 {
			s += ", "
		}
		s += o.Key
	}
	return s
}

// ScenarioEvents returns the outcomes of every enabled module's events in
// one computed run of s.
func ScenarioEvents(s *Scenario, r *Result) []Event {
	var out []Event
	for _, m := range modules {
		if m.Enabled(s) {
			out = append(out, m.Events(s, r)...)
		}
	}
	return out
}

// noEvents is the Events of a module without yes/no outcomes of its own.
func noEvents(*Scenario, *Result) []Event { return nil }

// eventMonths returns the months events are checked at: 12, 24 and the
// horizon, those within the horizon, each once.
func eventMonths(horizon int) []int {
	var out []int
	for _, m := range []int{12, 24} {
		if m < horizon {
			out = append(out, m)
		}
	}
	return append(out, horizon)
}

// byMonth reports whether a month that may not exist is at most m.
func byMonth(month *int, m int) bool { return month != nil && *month <= m }

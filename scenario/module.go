package scenario

import "errors"

// Module is what one model of a scenario (viral loop, sales team, …) tells
// the engine: a row of the registry. Validation, Compute, Milestones,
// Metrics, NewScenario and Clone walk the registry, so they know no module
// by name.
//
// To add a module (say "finance"):
//
//  1. In plan.go, add its inputs as a field of Scenario (`json:"finance"`,
//     with an Enabled flag); in result.go, add its result as a field of
//     Result (nil while the module is off).
//  2. In files of its own (finance.go, module_finance.go), write the
//     model, its name constant, its metric keys as constants, and a Module
//     value whose funcs read and write those two fields: Limits holds the
//     range of every numeric input, which Validate checks with c.in;
//     Compute may read the results of every module listed before it.
//  3. Add the row to modules below, after the modules it reads.
//
// Then export/chart (registry in chart.go), export/workbook (modules.go)
// and ui (tabs.go) take a row each for its panels, sheet and tab; the CLI's
// report and chart read the registries and need no edit.
//
// Every func of a row must be set; Metrics, Milestones and Summary are
// also called with the module off (its result nil) and must cope.
type Module struct {
	// Name is the module's key: its field in the plan file, the first part
	// of its input paths and metric keys, and Milestone.Module.
	Name string
	// Title names the module for people ("Viral loop").
	Title string
	// Enabled reports whether the scenario has the module switched on.
	Enabled func(s *Scenario) bool
	// Defaults sets the module's inputs in a new scenario.
	Defaults func(s *Scenario)
	// Limits are the valid ranges of the module's numeric inputs, keyed by
	// their paths below the scenario without indexes ("viral.cycleDays",
	// "fulfillment.models[].perOrder"); every number needs one, and
	// validation checks it with c.in.
	Limits map[string]Limit
	// Clone deep-copies the module's lists and maps in c, a shallow copy
	// of a scenario.
	Clone func(c *Scenario)
	// Validate checks the module's inputs; c is located at the module.
	Validate func(c *checker, s *Scenario)
	// Compute runs the model into r; it is called only when the module is
	// enabled and every input is valid, after the modules listed before it.
	// Its error is located at the module, or at a FieldError's Path
	// (below the scenario) when it returns one.
	Compute func(s *Scenario, r *Result) error
	// Milestones returns the module's dated events; amounts are in currency.
	Milestones func(s *Scenario, r *Result, currency string) []Milestone
	// Metrics returns the module's comparison metrics, always the same
	// keys in the same order; with the module off, they are not OK.
	Metrics func(s *Scenario, r *Result) []Metric
	// Summary returns a few lines on the module's result for a text
	// report, months dated on cal, amounts in currency; none with the
	// module off.
	Summary func(s *Scenario, r *Result, cal Calendar, currency string) []string
	// Outputs are the module's monthly series that the simulation's bands,
	// the tornado and goal seek read (outputs.go); none for a module
	// without a time series.
	Outputs []Output
	// Events returns the yes/no outcomes of one computed run whose odds the
	// simulation reports (outputs.go), always the same events in the same
	// order for a scenario (noEvents for none). Called only with the module on.
	Events func(s *Scenario, r *Result) []Event
}

// modules is the registry, in dependency order: a module's Compute may read
// the results of the modules before it.
var modules = []Module{viralModule, salesModule, fulfillmentModule, marketsModule, financeModule}

// Modules returns the registry's rows, in dependency order.
func Modules() []Module { return append([]Module(nil), modules...) }

// ModuleNamed returns the module called name.
func ModuleNamed(name string) (Module, bool) {
	for _, m := range modules {
		if m.Name == name {
			return m, true
		}
	}
	return Module{}, false
}

// computeModules runs every enabled module into r, in registry order, and
// returns the first failure located under prefix.
func computeModules(s *Scenario, r *Result, prefix string) *FieldError {
	for _, m := range modules {
		if !m.Enabled(s) {
			continue
		}
		if err := m.Compute(s, r); err != nil {
			fe := FieldError{Path: m.Name, Msg: err.Error()}
			if errors.As(err, &fe) {
				fe.Path = m.Name + "." + fe.Path
			}
			if prefix != "" {
				fe.Path = prefix + "." + fe.Path
			}
			return &fe
		}
	}
	return nil
}

// milestone returns a milestone of module.
func milestone(month int, module, text string) Milestone {
	return Milestone{Month: month, Module: module, Text: text}
}

package workbook

import (
	"testing"

	"scaleplan/scenario"
)

// TestModuleSheetsRegistry: every row shows a scenario module, in the
// engine's order, under a suffix of its own; the sheet count and the room
// left for scenario names follow the rows.
func TestModuleSheetsRegistry(t *testing.T) {
	order := map[string]int{}
	for i, m := range scenario.Modules() {
		order[m.Name] = i
	}
	suffixes := map[string]bool{}
	last := -1
	for _, m := range moduleSheets {
		i, ok := order[m.module]
		if !ok {
			t.Errorf("sheet %q shows no scenario module (%s)", m.suffix, m.module)
		}
		if i < last {
			t.Errorf("sheet of %s comes after a module it precedes in the engine", m.module)
		}
		last = i
		if suffixes[m.suffix] {
			t.Errorf("suffix %q used twice", m.suffix)
		}
		suffixes[m.suffix] = true
	}
	if maxPrefix != maxSheetName-len(" - Fulfillment") {
		t.Errorf("maxPrefix = %d", maxPrefix)
	}
	p := scenario.NewPlan("t")
	p.Scenarios = append(p.Scenarios, scenario.NewScenario("Lean"))
	p.Scenarios[1].Sales.Enabled = false
	p.Scenarios[1].Markets.Enabled = false
	if got := countSheets(p); got != 1+5+3 {
		t.Errorf("countSheets = %d, want the summary and 8 module sheets", got)
	}
}

package workbook

import (
	"strconv"
	"strings"
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
	if got := countSheets(p, Options{}); got != 1+5+3 {
		t.Errorf("countSheets = %d, want the summary and 8 module sheets", got)
	}
}

// TestInRangeFollowsLimits: the workbook's data validation takes scenario's
// limits: closed bounds as they are, an open upper one moved inward (Excel's
// are inclusive), whole numbers as whole, and nothing for an input without
// one.
func TestInRangeFollowsLimits(t *testing.T) {
	for _, c := range []struct {
		path, typ, lo, hi, msg string
	}{
		{"viral.inviteConversion", "decimal", "0", "1", "Invite conversion: 0% to 100%"},
		{"viral.monthlyChurn", "decimal", "0", "0.999999", "Monthly churn: 0% to below 100%"},
		{"sales.rampMonths", "whole", "0", "24", "Ramp: whole numbers from 0 to 24"},
		{"fulfillment.volume.monthlyGrowth", "decimal", "-0.99", "10", "Monthly growth: −99% to 1,000%"},
		{"sales.averageACV", "decimal", "0", "1000000000000", "ACV: above 0 to 1,000,000,000,000"},
	} {
		dv := inRange(c.path, c.msg[:strings.Index(c.msg, ":")])
		if dv == nil {
			t.Errorf("%s: no rule", c.path)
			continue
		}
		if dv.Type != c.typ || !sameNumber(dv.Formula1, c.lo) || !sameNumber(dv.Formula2, c.hi) || dv.Error == nil || *dv.Error != c.msg {
			t.Errorf("%s: %s %s..%s %q, want %s %s..%s %q", c.path, dv.Type, dv.Formula1, dv.Formula2, deref(dv.Error), c.typ, c.lo, c.hi, c.msg)
		}
	}
	if inRange("viral.inviteMode", "Invite mode") != nil {
		t.Error("a rule for an input without a range")
	}
}

// sameNumber compares two numbers written as text (excelize writes 17
// significant digits).
func sameNumber(a, b string) bool {
	x, err1 := strconv.ParseFloat(a, 64)
	y, err2 := strconv.ParseFloat(b, 64)
	return err1 == nil && err2 == nil && x == y
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

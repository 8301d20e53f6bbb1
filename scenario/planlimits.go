package scenario

import (
	"fmt"
	"math"
)

// Limits on the work a plan asks for (docs/CLI.md, "Limits and hostile input"): a real plan
// has a handful of scenarios, and every one of them may run 240 months of
// one-day viral cycles (7,306 cycles); these bound what a crafted file can
// make the engine, the exports and the headless command do.
const (
	// MaxScenarios bounds the scenarios of a plan.
	MaxScenarios = 200
	// MaxPlanCycles bounds the viral cycles all scenarios of a plan
	// simulate together (each cycle is a row of the workbook).
	MaxPlanCycles = 1000000
)

// ViralCycles is the number of cycles the viral loop simulates over
// horizon months, cycle 0 (the seed users) included: one every cycleDays
// up to the horizon's last day.
func ViralCycles(cycleDays float64, horizon int) int {
	return int(math.Floor(float64(horizon)*DaysPerMonth/cycleDays+1e-9)) + 1
}

// planSize checks the number of scenarios and the viral cycles they
// simulate in all, and reports whether the plan is small enough to be
// checked scenario by scenario.
func (c *checker) planSize(p *Plan) bool {
	switch n := len(p.Scenarios); {
	case n == 0:
		c.fail("scenarios", "a plan needs at least one scenario")
		return true
	case n > MaxScenarios:
		c.fail("scenarios", "a plan holds at most %d scenarios, got %d", MaxScenarios, n)
		return false
	}
	total := 0
	for i, s := range p.Scenarios {
		v := s.Viral
		if !v.Enabled || !(v.CycleDays >= 1 && v.CycleDays <= MaxCycleDay) || s.HorizonMonths < 1 || s.HorizonMonths > MaxHorizon {
			continue // validation says what is wrong
		}
		total += ViralCycles(v.CycleDays, s.HorizonMonths)
		if total > MaxPlanCycles {
			c.sub(fmt.Sprintf("scenarios[%d]", i), func(c *checker) {
				c.fail("viral.cycleDays", "the viral loops of scenarios 1 to %d simulate %s cycles; a plan simulates at most %s (use longer cycles, shorter horizons or fewer scenarios)",
					i+1, FormatCount(float64(total)), FormatCount(MaxPlanCycles))
			})
			return false
		}
	}
	return true
}

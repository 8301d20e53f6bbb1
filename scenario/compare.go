package scenario

import (
	"fmt"
	"strings"
)

// CommonMonth is the month every scenario of ss reaches: the shortest
// horizon among them (0 when ss is empty).
func CommonMonth(ss []*Scenario) int {
	m := 0
	for i, s := range ss {
		if i == 0 || s.HorizonMonths < m {
			m = s.HorizonMonths
		}
	}
	return m
}

// At returns scenario s and its result r as they stand at month m
// (1 ≤ m ≤ s's horizon): the scenario with horizon m, and the result cut to
// months 1..m with every figure "at horizon" and every total taken at m.
// The models run forward in time, so months 1..m are the same as in the
// full run; the fulfillment plan stays the one chosen for the full horizon,
// costed to month m. r is not changed.
func At(s *Scenario, r *Result, m int) (*Scenario, *Result) {
	if m < 1 || m >= s.HorizonMonths {
		return s, r
	}
	sc := *s
	sc.HorizonMonths = m
	out := *r
	out.Horizon = m
	if r.Viral != nil {
		out.Viral = viralAt(r.Viral, s.Viral, m)
	}
	if r.Sales != nil {
		out.Sales = salesAt(r.Sales, s.Sales, m)
	}
	if r.Fulfillment != nil {
		out.Fulfillment = fulfillmentAt(r.Fulfillment, m)
	}
	if r.Finance != nil {
		out.Finance = ComputeFinance(&sc, &out)
	}
	out.Milestones = nil
	for _, ms := range r.Milestones {
		if ms.Month <= m {
			out.Milestones = append(out.Milestones, ms)
		}
	}
	return &sc, &out
}

func viralAt(r *ViralResult, v Viral, m int) *ViralResult {
	out := *r
	out.Months = r.Months[:m]
	out.Cycles = nil
	for _, c := range r.Cycles {
		if c.Month <= m {
			out.Cycles = append(out.Cycles, c)
		}
	}
	summarizeViral(&out, v)
	return &out
}

func salesAt(r *SalesResult, s Sales, m int) *SalesResult {
	out := &SalesResult{Months: r.Months[:m]}
	for _, e := range r.StageEntries {
		if e.Month != nil && *e.Month > m {
			e.Month = nil
		}
		out.StageEntries = append(out.StageEntries, e)
	}
	summarizeSales(out, s)
	return out
}

func fulfillmentAt(r *FulfillmentResult, m int) *FulfillmentResult {
	out := *r
	out.Months = r.Months[:m]
	out.TotalCost, out.RuleOfThumbCost = 0, 0
	for _, fm := range out.Months {
		out.TotalCost += fm.PlannedCost + fm.PlannedSetup
		out.RuleOfThumbCost += fm.RuleCost + fm.RuleSetup
	}
	out.Savings = out.RuleOfThumbCost - out.TotalCost
	out.Switches = switchesTo(r.Switches, m)
	out.RuleSwitches = switchesTo(r.RuleSwitches, m)
	return &out
}

func switchesTo(sw []Switch, m int) []Switch {
	var out []Switch
	for _, s := range sw {
		if s.Month <= m {
			out = append(out, s)
		}
	}
	return out
}

// Comparison is scenarios' metrics side by side at a common month, so that
// no figure sets one scenario's month 60 against another's month 36.
type Comparison struct {
	// Month is the common month: the shortest horizon compared. Figures "at
	// horizon" are taken there and totals run over months 1..Month.
	Month int
	// Horizons are the scenarios' own horizons, in order.
	Horizons []int
	// Metrics are each scenario's metrics, in order, rows aligned by key.
	Metrics [][]Metric
}

// Unequal reports whether the compared horizons differ (so the figures are
// taken before some scenario's horizon).
func (c Comparison) Unequal() bool {
	for _, h := range c.Horizons {
		if h != c.Month {
			return true
		}
	}
	return false
}

// CompareScenarios takes every scenario's metrics at the common month. When the
// horizons differ, labels that say "at horizon" say "at month N" instead.
func CompareScenarios(ss []*Scenario, rs []*Result) Comparison {
	c := Comparison{Month: CommonMonth(ss)}
	for i, s := range ss {
		c.Horizons = append(c.Horizons, s.HorizonMonths)
		sa, ra := At(s, rs[i], c.Month)
		c.Metrics = append(c.Metrics, Metrics(sa, ra))
	}
	if c.Unequal() {
		at := fmt.Sprintf("at month %d", c.Month)
		for _, ms := range c.Metrics {
			for k := range ms {
				ms[k].Label = strings.ReplaceAll(ms[k].Label, "at horizon", at)
			}
		}
	}
	return c
}

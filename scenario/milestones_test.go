package scenario

import (
	"strings"
	"testing"
)

func TestMilestonesOfSample(t *testing.T) {
	p := samplePlan(t)
	rs, err := ComputePlan(p)
	if err != nil {
		t.Fatal(err)
	}
	base := rs[0]
	for i := 1; i < len(base.Milestones); i++ {
		if base.Milestones[i].Month < base.Milestones[i-1].Month {
			t.Fatalf("milestones out of order: %+v", base.Milestones)
		}
	}
	// Base: orders 40 × 1.12^(m−1) first reach 100 in month 10 (40 × 1.12^9 = 110.9; month 9 gives 99.0)
	want := []string{
		"K = 0.60: sustainable",
		"orders pass 100/mo: rule of thumb says 3PL",
		"ARR reaches $1M: First Sales Hire stage from month 18",
		"top market: Germany",
	}
	var all []string
	for _, m := range base.Milestones {
		all = append(all, m.Text)
	}
	joined := strings.Join(all, "\n")
	for _, w := range want {
		if !strings.Contains(joined, w) {
			t.Errorf("missing milestone %q in\n%s", w, joined)
		}
	}
	for _, m := range base.Milestones {
		if strings.HasPrefix(m.Text, "orders pass 100/mo") && m.Month != 10 {
			t.Errorf("100 orders passed in month %d, want 10", m.Month)
		}
		// ARR first reaches $1M in month 17, so the stage applies from month 18
		if strings.HasPrefix(m.Text, "ARR reaches $1M") && (m.Month != 17 || base.Sales.Months[16].ARR < 1e6 || base.Sales.Months[15].ARR >= 1e6) {
			t.Errorf("$1M milestone in month %d", m.Month)
		}
	}
}

func TestMilestonesSkipDisabledModules(t *testing.T) {
	s := NewScenario("x")
	s.Viral.Enabled, s.Sales.Enabled, s.Markets.Enabled = false, false, false
	r, err := Compute(&s, "USD")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range r.Milestones {
		if m.Module != ModuleFulfillment {
			t.Errorf("milestone from a disabled module: %+v", m)
		}
	}
	if r.Viral != nil || r.Sales != nil || r.Markets != nil {
		t.Error("disabled modules must have nil results")
	}
}

func TestMetricsAndDeltas(t *testing.T) {
	p := samplePlan(t)
	rs, err := ComputePlan(p)
	if err != nil {
		t.Fatal(err)
	}
	base := Metrics(&p.Scenarios[0], rs[0])
	agg := Metrics(&p.Scenarios[1], rs[1])
	if len(base) != len(agg) {
		t.Fatalf("metric lists differ in length: %d vs %d", len(base), len(agg))
	}
	byKey := func(ms []Metric, key string) Metric {
		for _, m := range ms {
			if m.Key == key {
				return m
			}
		}
		t.Fatalf("no metric %s", key)
		return Metric{}
	}
	if m := byKey(base, "viral.k"); !near(m.Value, 0.6, 1e-12) {
		t.Errorf("K = %v", m.Value)
	}
	if m := byKey(base, "sales.arrHorizon"); m.Value != rs[0].Sales.ARRAtHorizon {
		t.Errorf("ARR at horizon = %v", m.Value)
	}
	d := Compare(byKey(base, "viral.k"), byKey(agg, "viral.k"))
	if !d.OK || !near(d.Abs, 1.1-0.6, 1e-12) || !near(d.Rel, 0.5/0.6, 1e-12) {
		t.Errorf("delta K = %+v", d)
	}
	if d := Compare(Metric{Value: 0, OK: true}, Metric{Value: 5, OK: true}); !d.OK || d.RelOK {
		t.Errorf("a zero baseline has no relative delta: %+v", d)
	}
	// a negative baseline (savings below zero): −50 against −100 is 50 better, +50%
	if d := Compare(Metric{Value: -100, OK: true}, Metric{Value: -50, OK: true}); d.Abs != 50 || d.Rel != 0.5 {
		t.Errorf("delta against a negative baseline = %+v, want abs 50, rel +0.5", d)
	}
	s := NewScenario("short")
	s.HorizonMonths = 6
	r, _ := Compute(&s, "USD")
	if m := Metrics(&s, r); byKey(m, "viral.active12").OK {
		t.Error("month 12 of a 6-month horizon must not be OK")
	}
}

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
	s.Viral.Enabled, s.Sales.Enabled, s.Markets.Enabled, s.Finance.Enabled = false, false, false, false
	r, err := Compute(&s, "USD")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range r.Milestones {
		if m.Module != ModuleFulfillment {
			t.Errorf("milestone from a disabled module: %+v", m)
		}
	}
	if r.Viral != nil || r.Sales != nil || r.Markets != nil || r.Finance != nil {
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

// Milestones of threshold crossings, up and down, exactly at a threshold.
func TestThresholdMilestones(t *testing.T) {
	up := manualFulfillment(DefaultModels(), 25, 1) // 25, 50, 100
	up.RuleOfThumb = []float64{50, 500}
	down := manualFulfillment(DefaultModels(), 100, -0.5) // 100, 50, 25
	down.RuleOfThumb = []float64{50, 500}
	for _, c := range []struct {
		name string
		f    Fulfillment
		want Milestone
	}{
		{"up", up, Milestone{Month: 2, Module: ModuleFulfillment, Text: "orders pass 50/mo: rule of thumb says 3PL"}},
		{"down", down, Milestone{Month: 3, Module: ModuleFulfillment, Text: "orders fall below 50/mo: rule of thumb says Self-fulfillment"}},
	} {
		s := NewScenario("x")
		s.HorizonMonths = 3
		s.Viral.Enabled, s.Sales.Enabled, s.Markets.Enabled = false, false, false
		s.Fulfillment = c.f
		r, err := Compute(&s, "USD")
		if err != nil {
			t.Fatal(err)
		}
		var crossings []Milestone
		for _, m := range r.Milestones {
			if strings.HasPrefix(m.Text, "orders ") {
				crossings = append(crossings, m)
			}
		}
		if len(crossings) != 1 || crossings[0] != c.want {
			t.Errorf("%s: crossings %+v, want %+v", c.name, crossings, c.want)
		}
	}
}

// docs/MODELS.md §5: "month 17: ARR reaches $1M, First Sales Hire
// stage". A stage milestone should carry the plan's currency and, when it
// says "ARR reaches X", be dated in the month ARR reaches X.
func TestStageMilestoneTextAndMonth(t *testing.T) {
	s := NewScenario("x")
	s.HorizonMonths = 12
	s.Viral.Enabled, s.Fulfillment.Enabled, s.Markets.Enabled = false, false, false
	s.Sales = oneStageSales(Team{}, 0, 0)
	s.Sales.Stages = DefaultStages()
	s.Sales.FounderNewARRPerMonth = 100000
	r, err := Compute(&s, "USD")
	if err != nil {
		t.Fatal(err)
	}
	// ARR(m) = 100k·m: $1M is reached in month 10, so First Sales Hire is in
	// force from month 11 (stage from ARR(m−1)).
	var ms Milestone
	for _, m := range r.Milestones {
		if strings.Contains(m.Text, "First Sales Hire") {
			ms = m
		}
	}
	if ms.Month != 11 && ms.Month != 10 {
		t.Fatalf("First Sales Hire milestone %+v, want month 10 or 11", ms)
	}
	t.Run("currency", func(t *testing.T) {
		if !strings.Contains(ms.Text, "$1M") {
			t.Error("stage milestone money has no currency: " + ms.Text + ` (design: "ARR reaches $1M, First Sales Hire stage")`)
		}
	})
	t.Run("month", func(t *testing.T) {
		if strings.Contains(ms.Text, "ARR reaches") && r.Sales.Months[ms.Month-2].ARR >= 1e6 {
			t.Errorf("milestone %q is dated month %d but ARR reached $1M in month %d (%v)",
				ms.Text, ms.Month, ms.Month-1, r.Sales.Months[ms.Month-2].ARR)
		}
	})
}

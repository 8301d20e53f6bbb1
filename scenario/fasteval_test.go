package scenario

import (
	"context"
	"encoding/json"
	"math"
	"strings"
	"testing"
)

// computeWith computes a copy of s with the inputs at paths set to vals,
// through the public Compute, milestones dropped.
func computeWith(t *testing.T, s *Scenario, cur string, paths []string, vals []float64) *Result {
	t.Helper()
	c := s.Clone()
	for j, p := range paths {
		if err := SetInput(&c, p, vals[j]); err != nil {
			t.Fatal(err)
		}
	}
	r, err := Compute(&c, cur)
	if err != nil {
		t.Fatalf("Compute with %v = %v: %v", paths, vals, err)
	}
	r.Milestones = nil
	return r
}

// TestFastEvaluatorMatchesCompute: an evaluator that computes run after run,
// reusing its buffers, gives byte for byte the JSON of Compute on a fresh
// copy with the same inputs, for a manual and a viral volume (the sample's
// Base and Aggressive) and inputs drawn as the simulation draws them.
func TestFastEvaluatorMatchesCompute(t *testing.T) {
	for _, idx := range []int{0, 1} {
		p := samplePlan(t)
		s := p.Scenarios[idx].Clone()
		s.HorizonMonths = 60
		s.Ranges = map[string]Range{
			"viral.inviteConversion":           {Low: 0.05, High: 0.5},
			"viral.monthlyChurn":               {Low: 0.01, High: 0.2, Dist: DistTriangular},
			"sales.aeQuotaPerMonth":            {Low: 10000, High: 90000, Dist: DistNormal},
			"fulfillment.models[3PL].perOrder": {Low: 1, High: 9, Dist: DistUniform},
			"finance.otherCostsPerMonth":       {Low: 1000, High: 90000},
			"fulfillment.volume.monthlyGrowth": {Low: 0.01, High: 0.3},
		}
		paths := RangePaths(&s)
		ev := NewFastEvaluator(&s)
		vals := make([]float64, len(paths))
		for i := range 12 {
			src := runSource(3, i)
			for j, path := range paths {
				sm, err := newSampler(&s, path, s.Ranges[path])
				if err != nil {
					t.Fatal(err)
				}
				vals[j] = sm.draw(src)
				if err := ev.Set(path, vals[j]); err != nil {
					t.Fatal(err)
				}
			}
			got, err := ev.Compute()
			if err != nil {
				t.Fatal(err)
			}
			gb, _ := json.Marshal(got)
			wb, _ := json.Marshal(computeWith(t, &s, p.Currency, paths, vals))
			if string(gb) != string(wb) {
				t.Fatalf("%s run %d: the evaluator and Compute differ for %v = %v", s.Name, i, paths, vals)
			}
		}
	}
}

// TestSimulateRunsAreComputeRuns: a few runs' samples, read back, are
// exactly what Compute gives for the inputs they drew.
func TestSimulateRunsAreComputeRuns(t *testing.T) {
	s, cur := rangedBase(t, 36)
	sim, err := Simulate(context.Background(), s, cur, SimOptions{Runs: 300, Seed: 11, Samples: true, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	n := len(sim.Samples.Inputs)
	for _, i := range []int{0, 1, 157, 299} {
		row := sim.Samples.Row(i)
		r := computeWith(t, s, cur, sim.Samples.Inputs, row[:n])
		for o, key := range sim.Samples.Outputs {
			series, err := OutputSeries(s, r, key)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := row[n+o], series[len(series)-1]; got != want {
				t.Errorf("run %d: %s at the horizon %g, Compute %g", i, key, got, want)
			}
		}
	}
}

// TestFastEvaluatorRefuses: a value outside the input's range, a fraction for
// a whole number and a path that names no number are refused; an input
// whose validity depends on another is checked when computing, as Compute
// checks it.
func TestFastEvaluatorRefuses(t *testing.T) {
	s, _ := rangedBase(t, 24)
	ev := NewFastEvaluator(s)
	for _, c := range []struct {
		path string
		v    float64
		want string
	}{
		{"viral.inviteConversion", 1.5, "between 0 and 1"},
		{"sales.rampMonths", 2.5, "whole number"},
		{"viral.inviteMode", 1, `input path "viral.inviteMode": not a number`},
		{"viral.nothing", 1, `input path "viral.nothing": no input "nothing" here`},
	} {
		if err := ev.Set(c.path, c.v); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Set(%s, %g) = %v, want an error with %q", c.path, c.v, err, c.want)
		}
	}
	stage := s.Sales.Stages[1].Name
	if err := ev.Set("sales.stages["+stage+"].minARR", s.Sales.Stages[2].MinARR+1); err != nil {
		t.Fatal(err)
	}
	if _, err := ev.Compute(); err == nil || !strings.Contains(err.Error(), "sales.stages[2].minARR") {
		t.Fatalf("a stage above the next computed: %v", err)
	}
}

// TestCrossCheckedInputs: every real-valued input not in crossChecked is
// valid at both ends of its Limit whatever the other inputs, so a drawn
// value clamped to its limit needs no validation. (Checked on the sample's
// scenarios: any input at either end, the others at their values.)
func TestCrossCheckedInputs(t *testing.T) {
	p := samplePlan(t)
	for _, s := range p.Scenarios {
		paths := FloatInputs(&s)
		for _, f := range s.Markets.Factors {
			paths = append(paths, "markets.factors["+f.ID+"].weight")
		}
		for _, path := range paths {
			l, ok := LimitOf(path)
			if !ok {
				t.Fatalf("%s has no limit", path)
			}
			if crossChecked[Unindexed(path)] {
				continue
			}
			for _, v := range []float64{clampTo(math.Inf(-1), l), clampTo(math.Inf(1), l)} {
				c := s.Clone()
				if err := SetInput(&c, path, v); err != nil {
					t.Fatal(err)
				}
				if errs := validateFields(&c, ""); len(errs) > 0 {
					t.Errorf("%s = %g is within its limit but invalid: %v (list it in crossChecked)", path, v, errs)
				}
			}
		}
	}
}

// BenchmarkFastEvaluatorBase120 is one run of BenchmarkSimulateBase120 without
// the simulation around it: the sample's Base at 120 months, one ranged
// input set and the scenario computed.
func BenchmarkFastEvaluatorBase120(b *testing.B) {
	s, _ := rangedBase(b, 120)
	ev := NewFastEvaluator(s)
	v := s.Viral.InviteConversion
	for b.Loop() {
		if err := ev.Set("viral.inviteConversion", v); err != nil {
			b.Fatal(err)
		}
		if _, err := ev.Compute(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkComputeBase120 is Compute on the same scenario, for comparison.
func BenchmarkComputeBase120(b *testing.B) {
	s, cur := rangedBase(b, 120)
	for b.Loop() {
		if _, err := Compute(s, cur); err != nil {
			b.Fatal(err)
		}
	}
}

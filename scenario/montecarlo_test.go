package scenario

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"
)

// rangedBase returns the sample's Base scenario over horizon months with
// ranges on a few inputs founders argue about.
func rangedBase(t testing.TB, horizon int) (*Scenario, string) {
	t.Helper()
	p := samplePlan(t)
	s := p.Scenarios[0].Clone()
	s.HorizonMonths = horizon
	s.Ranges = map[string]Range{
		"viral.inviteConversion":           {Low: 0.12, High: 0.28},
		"viral.monthlyChurn":               {Low: 0.02, High: 0.05, Dist: DistTriangular},
		"sales.aeQuotaPerMonth":            {Low: 35000, High: 60000, Dist: DistNormal},
		"fulfillment.models[3PL].perOrder": {Low: 4, High: 6.5, Dist: DistUniform},
	}
	return &s, p.Currency
}

func TestSimulateSameResultWhateverTheWorkers(t *testing.T) {
	s, cur := rangedBase(t, 36)
	var outs [][]byte
	for _, w := range []int{1, 2, 3} {
		r, err := Simulate(context.Background(), s, cur, SimOptions{Runs: 500, Seed: 7, Workers: w, Samples: true})
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(r)
		b2, _ := json.Marshal(r.Samples)
		outs = append(outs, append(b, b2...))
	}
	for i := 1; i < len(outs); i++ {
		if string(outs[i]) != string(outs[0]) {
			t.Fatalf("workers %d and 1 differ", i+1)
		}
	}
	other, err := Simulate(context.Background(), s, cur, SimOptions{Runs: 500, Seed: 8, Samples: true})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(other.Samples)
	if string(b) == string(outs[0][len(outs[0])-len(b):]) {
		t.Fatal("seeds 7 and 8 drew the same samples")
	}
}

func TestSimulateZeroWidthRangesGiveTheDeterministicLine(t *testing.T) {
	s, cur := rangedBase(t, 24)
	for p := range s.Ranges {
		v, _ := InputValue(s, p)
		s.Ranges[p] = Range{Low: v, High: v, Dist: s.Ranges[p].Dist}
	}
	det, err := Compute(s, cur)
	if err != nil {
		t.Fatal(err)
	}
	sim, err := Simulate(context.Background(), s, cur, SimOptions{Runs: 50, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range ScenarioOutputs(s) {
		want, _ := OutputSeries(s, det, o.Key)
		for m, b := range sim.Series[o.Key] {
			if b.P10 != want[m] || b.P50 != want[m] || b.P90 != want[m] {
				t.Fatalf("%s month %d: bands %+v, deterministic %g", o.Key, m+1, b, want[m])
			}
		}
	}
	if got := sim.CashNeeded; got == nil || got.P50 != det.Finance.CashNeeded || got.P90 != det.Finance.CashNeeded {
		t.Fatalf("cash needed %+v, deterministic %g", got, det.Finance.CashNeeded)
	}
}

func TestSimulateCancels(t *testing.T) {
	s, cur := rangedBase(t, 36)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Simulate(ctx, s, cur, SimOptions{Runs: 1000, Seed: 1}); err == nil {
		t.Fatal("a cancelled simulation returned a result")
	}
}

func TestQuantileIsPercentileInc(t *testing.T) {
	// Excel: PERCENTILE.INC({1,2,3,4,5,6,7,8,9,10}, 0.1) = 1.9, 0.5 → 5.5, 0.9 → 9.1.
	xs := []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	for p, want := range map[float64]float64{0.1: 1.9, 0.5: 5.5, 0.9: 9.1, 0: 1, 1: 10} {
		if got := quantile(xs, p); !reflect.DeepEqual(round9(got), want) {
			t.Errorf("quantile(%g) = %g, want %g", p, got, want)
		}
	}
}

func round9(x float64) float64 { return float64(int64(x*1e9+0.5)) / 1e9 }

// BenchmarkSimulateBase120 is issue 12's target: 10,000 runs of the
// sample's Base scenario at 120 months.
func BenchmarkSimulateBase120(b *testing.B) {
	s, cur := rangedBase(b, 120)
	for b.Loop() {
		if _, err := Simulate(context.Background(), s, cur, SimOptions{Runs: 10000, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}

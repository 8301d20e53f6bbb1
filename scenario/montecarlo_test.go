package scenario

import (
	"context"
	"encoding/json"
	"math"
	"reflect"
	"slices"
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

// TestSimulateMetricsZeroWidth: with every range of zero width, each
// numeric metric's P50 is the deterministic metric, in every run or none.
func TestSimulateMetricsZeroWidth(t *testing.T) {
	s, cur := rangedBase(t, 36)
	for p := range s.Ranges {
		v, _ := InputValue(s, p)
		s.Ranges[p] = Range{Low: v, High: v, Dist: s.Ranges[p].Dist}
	}
	det, err := Compute(s, cur)
	if err != nil {
		t.Fatal(err)
	}
	sim, err := Simulate(context.Background(), s, cur, SimOptions{Runs: 40, Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	numeric := 0
	for _, m := range Metrics(s, det) {
		got, ok := sim.Metrics[m.Key]
		if m.Unit == UnitText {
			if ok {
				t.Errorf("text metric %s has a P50", m.Key)
			}
			continue
		}
		numeric++
		want := MetricP50{}
		if m.OK {
			want = MetricP50{P50: m.Value, Share: 1}
		}
		if !ok || got != want {
			t.Errorf("%s: %+v, deterministic %+v", m.Key, got, want)
		}
	}
	if numeric < 20 || len(sim.Metrics) != numeric {
		t.Fatalf("%d numeric metrics, %d P50s", numeric, len(sim.Metrics))
	}
}

// TestSimulateMetricsByHand: K = invites per user × conversion, so with
// the conversion uniform on 0.1..0.3 and 5 invites, K's median over the
// runs is 5 × the median conversion drawn (1.0 give or take sampling error:
// the median of n uniform draws on a width of 0.2 has a standard error of
// 0.1/√n). A metric that exists only in some runs (the month cash runs
// out) exists in the share of runs where the event "cash runs out by the
// horizon" happened.
func TestSimulateMetricsByHand(t *testing.T) {
	s, cur := rangedBase(t, 36)
	s.Viral.InvitesPerUser = 5
	s.Ranges = map[string]Range{
		"viral.inviteConversion":     {Low: 0.1, High: 0.3, Dist: DistUniform},
		"finance.otherCostsPerMonth": {Low: 10000, High: 400000, Dist: DistUniform},
	}
	const runs = 4001
	sim, err := Simulate(context.Background(), s, cur, SimOptions{Runs: runs, Seed: 9, Samples: true})
	if err != nil {
		t.Fatal(err)
	}
	conv := make([]float64, runs)
	at := slices.Index(sim.Samples.Inputs, "viral.inviteConversion")
	for i := range conv {
		conv[i] = sim.Samples.Row(i)[at]
	}
	slices.Sort(conv)
	k := sim.Metrics[MetricViralK]
	if want := 5 * conv[runs/2]; k.Share != 1 || k.P50 != want {
		t.Errorf("K: %+v, want P50 %g = 5 × the median conversion drawn, share 1", k, want)
	}
	if se := 5 * 0.1 / math.Sqrt(runs); math.Abs(k.P50-1) > 5*se {
		t.Errorf("K's median %g is more than 5 standard errors (%g) from 1", k.P50, se)
	}
	out := sim.Metrics[MetricFinanceCashOutMonth]
	i := slices.IndexFunc(sim.Probabilities, func(p Probability) bool { return p.Event == EventCashOut && p.Month == 36 })
	if i < 0 || out.Share != sim.Probabilities[i].P || out.Share <= 0 || out.Share >= 1 {
		t.Fatalf("cash-out month exists in %g of the runs; cash runs out in %+v", out.Share, sim.Probabilities)
	}
	if out.P50 < 1 || out.P50 > 36 {
		t.Errorf("median cash-out month %g", out.P50)
	}
}

// TestCashNeededSentence: the Risk tab's and the board pack's line, for
// finance off, nothing to raise, and amounts at P90 and P50.
func TestCashNeededSentence(t *testing.T) {
	tests := []struct {
		c    *CashNeeded
		want string
	}{
		{nil, "Finance is off in this scenario."},
		{&CashNeeded{P50: 0, P90: 0}, "Cash holds out in at least 9 futures of 10 with the planned rounds: nothing more to raise."},
		{&CashNeeded{P50: 0, P90: 250_000}, "To survive 9 futures in 10, raise $250k more than the planned rounds (half the futures need nothing more)."},
		{&CashNeeded{P50: 300_000, P90: 1_200_000}, "To survive 9 futures in 10, raise $1.2M more than the planned rounds (to survive half of them, $300k)."},
	}
	for _, tt := range tests {
		r := &SimResult{CashNeeded: tt.c}
		if got := r.CashNeededSentence("USD"); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.c, got, tt.want)
		}
	}
}

package scenario

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"runtime"
	"slices"
	"sync"
	"testing"
)

// TestPassStoreIsMemoryStore: a simulation whose rows do not fit its memory
// budget, found in passes, gives byte for byte the result of one that keeps
// every row, on 1 worker and on 3.
func TestPassStoreIsMemoryStore(t *testing.T) {
	s, cur := rangedBase(t, 24)
	s.Ranges["finance.otherCostsPerMonth"] = Range{Low: 10000, High: 400000, Dist: DistUniform}
	want, err := Simulate(context.Background(), s, cur, SimOptions{Runs: 3000, Seed: 4})
	if err != nil {
		t.Fatal(err)
	}
	wb, _ := json.Marshal(want)
	wm, _ := json.Marshal(want.Metrics)
	for _, workers := range []int{1, 3} {
		got, err := Simulate(context.Background(), s, cur, SimOptions{Runs: 3000, Seed: 4, Workers: workers, MemoryBudget: 1 << 20})
		if err != nil {
			t.Fatal(err)
		}
		gb, _ := json.Marshal(got)
		gm, _ := json.Marshal(got.Metrics)
		if string(gb) != string(wb) || string(gm) != string(wm) {
			t.Fatalf("%d workers: in passes\n%s\n%s\nin memory\n%s\n%s", workers, gb, gm, wb, wm)
		}
	}
}

// TestPassStoreTiesAndSpikes: columns of one value, of a few values
// repeated thousands of times, of values that differ in their last bits
// only, and with missing values, give the quantiles of sorting them.
func TestPassStoreTiesAndSpikes(t *testing.T) {
	const runs = 20000
	cols := []func(i int) float64{
		func(int) float64 { return 7 },
		func(i int) float64 { return float64(i % 3) },
		func(i int) float64 { return math.Float64frombits(math.Float64bits(1) + uint64(i%5)) },
		func(i int) float64 { return 1 + float64(i%7919)*1e-15 },
		func(i int) float64 {
			if i%4 == 0 {
				return math.NaN()
			}
			return -float64(i) * 1.5
		},
		func(i int) float64 { return math.Copysign(0, float64(i%2)-0.5) },
	}
	specs := make([][]float64, len(cols))
	for c := range specs {
		specs[c] = []float64{0, 0.1, 0.5, 0.9, 1}
	}
	mem := newColumnStore(specs, runs, 0, 2)
	pass := newColumnStore(specs, runs, 1, 2)
	if _, ok := pass.(*passStore); !ok {
		t.Fatal("a budget of 1 byte kept the rows in memory")
	}
	row := make([]float64, len(cols))
	for _, st := range []columnStore{mem, pass} {
		for p := 0; !st.done(); p++ {
			if p > 8 {
				t.Fatal("more than 8 passes")
			}
			sinks := []columnSink{st.newSink(), st.newSink()}
			for i := range runs {
				for c, f := range cols {
					row[c] = f(i)
				}
				sinks[i%2].add(i, row)
			}
			for _, k := range sinks {
				st.merge(k)
			}
			st.endPass()
		}
	}
	for c := range cols {
		wq, wn := mem.quantiles(c)
		gq, gn := pass.quantiles(c)
		for k := range wq {
			if wn != gn || math.Float64bits(wq[k]+0) != math.Float64bits(gq[k]+0) {
				t.Errorf("column %d: in passes %v of %d, in memory %v of %d", c, gq, gn, wq, wn)
				break
			}
		}
	}
}

// TestSimulateMillionRuns: 1,000,000 runs of the sample's Base over 6
// months (its rows, 4 outputs of 6 months, the cash needed and 28 metrics,
// would take 400 MB) stay under 64 MiB of heap, found in passes. It takes
// minutes, so it runs only with SCALEPLAN_MILLION=1 in the environment
// (README, Performance).
func TestSimulateMillionRuns(t *testing.T) {
	if os.Getenv("SCALEPLAN_MILLION") != "1" {
		t.Skip("a million runs take minutes: set SCALEPLAN_MILLION=1")
	}
	s, cur := rangedBase(t, 6)
	s.Finance.FundingRounds = slices.DeleteFunc(s.Finance.FundingRounds, func(r FundingRound) bool { return r.Month > 6 })
	s.Finance.Expansions = slices.DeleteFunc(s.Finance.Expansions, func(e Expansion) bool { return e.Month > 6 })
	var mu sync.Mutex
	var peak uint64
	var last int
	sample := func() {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		peak = max(peak, ms.HeapInuse)
	}
	runtime.GC()
	sim, err := Simulate(context.Background(), s, cur, SimOptions{Runs: MaxRuns, Seed: 1, Progress: func(done int) {
		mu.Lock()
		defer mu.Unlock()
		if done-last >= 20000 {
			last = done
			sample()
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	sample()
	t.Logf("peak heap in use %.1f MiB", float64(peak)/(1<<20))
	if peak > 64<<20 {
		t.Errorf("peak heap %d B, over 64 MiB", peak)
	}
	if b := sim.Series[OutputCash][5]; !(b.P10 <= b.P50 && b.P50 <= b.P90) || sim.Runs != MaxRuns {
		t.Fatalf("bands %+v over %d runs", b, sim.Runs)
	}
}

// BenchmarkSimulatePasses is 100,000 runs of the sample's Base over 6
// months found in passes (a budget of 1 MiB), the way a million runs are.
func BenchmarkSimulatePasses(b *testing.B) {
	s, cur := rangedBase(b, 6)
	s.Finance.FundingRounds = slices.DeleteFunc(s.Finance.FundingRounds, func(r FundingRound) bool { return r.Month > 6 })
	s.Finance.Expansions = slices.DeleteFunc(s.Finance.Expansions, func(e Expansion) bool { return e.Month > 6 })
	for b.Loop() {
		if _, err := Simulate(context.Background(), s, cur, SimOptions{Runs: 100000, Seed: 1, MemoryBudget: 1 << 20}); err != nil {
			b.Fatal(err)
		}
	}
}

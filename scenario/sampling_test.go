package scenario

import (
	"context"
	"math"
	"slices"
	"testing"
)

// The sampling tests draw one ranged input many times through Simulate and
// compare what it drew with facts about the distribution worked out by
// hand (docs/MODELS.md §7). Tolerances are sampling error: a sample
// p-quantile of N draws has a standard error of √(p(1−p)/N) / f(x_p),
// where f is the density at the quantile, and a sample mean one of σ/√N;
// each check allows 4 standard errors (for a normal estimate, a false
// alarm about once in 16,000 seeds; the draws are seeded, so a pass is
// reproducible).

// sampleRuns is how many runs each sampling test draws.
const sampleRuns = 50_000

// drawsOf returns what sampleRuns runs of a one-month scenario drew for
// the one input at path, ranged r, with the input's value set to value.
func drawsOf(t *testing.T, path string, value float64, r Range) []float64 {
	t.Helper()
	s := NewScenario("Sampled")
	s.HorizonMonths = 1
	s.Sales.Enabled, s.Markets.Enabled, s.Finance.Enabled = false, false, false
	if err := SetInput(&s, path, value); err != nil {
		t.Fatal(err)
	}
	s.Ranges = map[string]Range{path: r}
	res, err := Simulate(context.Background(), &s, "USD", SimOptions{Runs: sampleRuns, Seed: 2026, Samples: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Samples.Inputs) != 1 || res.Samples.Inputs[0] != path {
		t.Fatalf("samples hold inputs %v, want [%s]", res.Samples.Inputs, path)
	}
	xs := make([]float64, sampleRuns)
	for i := range xs {
		xs[i] = res.Samples.Row(i)[0]
	}
	return xs
}

// percentile7 is the sample p-quantile of sorted xs, type 7 (Excel's
// PERCENTILE.INC): interpolated at rank (N−1)·p.
func percentile7(sorted []float64, p float64) float64 {
	h := float64(len(sorted)-1) * p
	lo := math.Floor(h)
	if int(lo)+1 >= len(sorted) {
		return sorted[len(sorted)-1]
	}
	return sorted[int(lo)] + (h-lo)*(sorted[int(lo)+1]-sorted[int(lo)])
}

// quantileTolerance is 4 standard errors of a sample p-quantile of n draws
// from a distribution whose density there is density.
func quantileTolerance(p, density float64, n int) float64 {
	return 4 * math.Sqrt(p*(1-p)/float64(n)) / density
}

// z95 = 1.6448536…: Φ(1.6448536) = 0.95; φ(z95) = e^(−z95²/2)/√(2π) = 0.1031356.
const phiAtZ95 = 0.10313564037537128

// TestLognormalPercentilesAreLowAndHigh: a lognormal range 0.1..0.3 on the
// invite conversion has its 5th and 95th percentiles at 0.1 and 0.3. With
// σ = ln(3)/(2·1.6449) = 0.333954, the density at the 5th percentile is
// φ(1.6449)/(0.1·σ) = 3.0883, so the tolerance there is
// 4·√(0.05·0.95/50,000)/3.0883 = 0.0013; at the 95th it is
// 4·√(0.05·0.95/50,000)·0.3·σ/φ(1.6449) = 0.0038.
func TestLognormalPercentilesAreLowAndHigh(t *testing.T) {
	low, high := 0.1, 0.3
	xs := drawsOf(t, "viral.inviteConversion", 0.2, Range{Low: low, High: high})
	slices.Sort(xs)
	sigma := math.Log(high/low) / (2 * 1.6448536269514722)
	if math.Abs(sigma-0.333954) > 1e-6 {
		t.Fatalf("σ = %g, want 0.333954 (hand)", sigma)
	}
	for _, c := range []struct{ p, want float64 }{{0.05, low}, {0.95, high}} {
		density := phiAtZ95 / (c.want * sigma)
		tol := quantileTolerance(c.p, density, len(xs))
		if got := percentile7(xs, c.p); math.Abs(got-c.want) > tol {
			t.Errorf("P%g = %.5f, want %g ± %.5f", 100*c.p, got, c.want, tol)
		}
	}
	// Its median is the geometric mean of low and high, √0.03 = 0.173205.
	density := 1 / (math.Sqrt(2*math.Pi) * 0.1732051 * sigma)
	if got, tol := percentile7(xs, 0.5), quantileTolerance(0.5, density, len(xs)); math.Abs(got-0.1732051) > tol {
		t.Errorf("median %.5f, want 0.173205 ± %.5f", got, tol)
	}
}

// TestNormalPercentilesAreLowAndHigh: a normal range $4..$6.50 on the 3PL's
// per-order fee has its 5th and 95th percentiles at 4 and 6.5: σ =
// 2.5/(2·1.6449) = 0.75995, density at both φ(1.6449)/σ = 0.13571,
// tolerance 4·√(0.05·0.95/50,000)/0.13571 = 0.029.
func TestNormalPercentilesAreLowAndHigh(t *testing.T) {
	xs := drawsOf(t, "fulfillment.models[3PL].perOrder", 5, Range{Low: 4, High: 6.5, Dist: DistNormal})
	slices.Sort(xs)
	density := phiAtZ95 / 0.75995
	for _, c := range []struct{ p, want float64 }{{0.05, 4}, {0.95, 6.5}} {
		tol := quantileTolerance(c.p, density, len(xs))
		if got := percentile7(xs, c.p); math.Abs(got-c.want) > tol {
			t.Errorf("P%g = %.4f, want %g ± %.4f", 100*c.p, got, c.want, tol)
		}
	}
}

// TestTriangularMedian: churn 2%..5%, most likely 3% (the input's value).
// The mode lies below the midpoint 3.5%, so the median is on the right
// side: b − √((b−a)(b−c)/2) = 0.05 − √(0.03·0.02/2) = 0.0326795. The
// density there is 2(b−x)/((b−a)(b−c)) = 57.735, so the tolerance is
// 4·√(0.25/50,000)/57.735 = 0.00015.
func TestTriangularMedian(t *testing.T) {
	xs := drawsOf(t, "viral.monthlyChurn", 0.03, Range{Low: 0.02, High: 0.05, Dist: DistTriangular})
	slices.Sort(xs)
	const median = 0.0326795
	density := 2 * (0.05 - median) / (0.03 * 0.02)
	tol := quantileTolerance(0.5, density, len(xs))
	if got := percentile7(xs, 0.5); math.Abs(got-median) > tol {
		t.Errorf("median %.6f, want %.6f ± %.6f", got, median, tol)
	}
	if xs[0] < 0.02 || xs[len(xs)-1] > 0.05 {
		t.Errorf("draws span %g..%g, outside 0.02..0.05", xs[0], xs[len(xs)-1])
	}
}

// TestUniformMean: a uniform range $200..$400 on the 3PL's fixed monthly
// cost has mean 300 and standard deviation 200/√12 = 57.735, so the mean
// of 50,000 draws lies within 4·57.735/√50,000 = 1.033 of 300; every draw
// lies in 200..400 and a quarter lie below 250 (± 4·√(0.25·0.75/50,000)
// = 0.0077).
func TestUniformMean(t *testing.T) {
	xs := drawsOf(t, "fulfillment.models[3PL].fixedMonthly", 300, Range{Low: 200, High: 400, Dist: DistUniform})
	sum, below := 0.0, 0
	for _, x := range xs {
		sum += x
		if x < 250 {
			below++
		}
		if x < 200 || x > 400 {
			t.Fatalf("draw %g outside 200..400", x)
		}
	}
	if mean := sum / float64(len(xs)); math.Abs(mean-300) > 1.033 {
		t.Errorf("mean %.3f, want 300 ± 1.033", mean)
	}
	if share := float64(below) / float64(len(xs)); math.Abs(share-0.25) > 4*math.Sqrt(0.1875/sampleRuns) {
		t.Errorf("share below 250: %.4f, want 0.25 ± %.4f", share, 4*math.Sqrt(0.1875/sampleRuns))
	}
}

// TestDrawsClampedToTheValidRange: a normal range 0..0.4 on the invite
// conversion puts 5% of its mass below 0, where conversion cannot go: those
// draws become exactly 0. Churn must stay below 1 (100% a month would leave
// no one): a normal range 0.9..0.99 (mean 0.945, σ = 0.027358) has
// 1 − Φ(0.055/0.027358) = 1 − Φ(2.0104) = 2.22% of its mass at 1 or above,
// and those draws become the largest number below 1.
func TestDrawsClampedToTheValidRange(t *testing.T) {
	for _, c := range []struct {
		path       string
		value      float64
		r          Range
		at         float64
		share      float64
		lowerBound bool
	}{
		{"viral.inviteConversion", 0.2, Range{Low: 0, High: 0.4, Dist: DistNormal}, 0, 0.05, true},
		{"viral.monthlyChurn", 0.95, Range{Low: 0.9, High: 0.99, Dist: DistNormal}, math.Nextafter(1, 0), 0.5 * math.Erfc(2.0104/math.Sqrt2), false},
	} {
		xs := drawsOf(t, c.path, c.value, c.r)
		at := 0
		for _, x := range xs {
			switch {
			case x == c.at:
				at++
			case c.lowerBound && x < c.at, !c.lowerBound && x > c.at:
				t.Fatalf("%s: draw %g beyond the clamp %g", c.path, x, c.at)
			}
		}
		tol := 4 * math.Sqrt(c.share*(1-c.share)/sampleRuns)
		if share := float64(at) / sampleRuns; math.Abs(share-c.share) > tol {
			t.Errorf("%s: %.4f of draws at %g, want %.4f ± %.4f", c.path, share, c.at, c.share, tol)
		}
	}
	if got := 0.5 * math.Erfc(2.0104/math.Sqrt2); math.Abs(got-0.0222) > 5e-5 {
		t.Fatalf("1 − Φ(2.0104) = %.5f, want 0.0222 (tables)", got)
	}
}

// TestDrawsReproducible: run i draws from its own generator seeded from
// (seed, i), so the same seed gives the same draws for every run whatever
// the run count or the number of workers, and another seed other draws.
func TestDrawsReproducible(t *testing.T) {
	s := NewScenario("Sampled")
	s.HorizonMonths = 3
	s.Ranges = map[string]Range{
		"viral.inviteConversion":           {Low: 0.1, High: 0.3},
		"fulfillment.models[3PL].perOrder": {Low: 4, High: 6.5, Dist: DistUniform},
	}
	run := func(runs, workers int, seed uint64) *Samples {
		r, err := Simulate(context.Background(), &s, "USD", SimOptions{Runs: runs, Seed: seed, Workers: workers, Samples: true})
		if err != nil {
			t.Fatal(err)
		}
		return r.Samples
	}
	long, short, other := run(1000, 2, 42), run(300, 1, 42), run(300, 1, 43)
	for i := range 300 {
		if !slices.Equal(long.Row(i)[:2], short.Row(i)[:2]) {
			t.Fatalf("run %d drew %v of 1,000 runs on 2 workers but %v of 300 on 1", i, long.Row(i)[:2], short.Row(i)[:2])
		}
	}
	same := 0
	for i := range 300 {
		if short.Row(i)[0] == other.Row(i)[0] {
			same++
		}
	}
	if same > 0 {
		t.Errorf("seeds 42 and 43 drew the same conversion in %d runs of 300", same)
	}
}

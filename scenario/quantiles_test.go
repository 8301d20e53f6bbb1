package scenario

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSelectQuantilesIsSortedQuantile: selecting the order statistics gives
// exactly what quantile gives on the sorted values, for sizes 1 to 300,
// values with many ties and with none, in any order.
func TestSelectQuantilesIsSortedQuantile(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	ps := []float64{0, 0.1, 0.5, 0.9, 1}
	for n := 1; n <= 300; n++ {
		for _, distinct := range []int{1, 3, 1 << 30} {
			xs := make([]float64, n)
			for i := range xs {
				xs[i] = float64(rng.IntN(distinct)) + rng.Float64()*float64(min(distinct-1, 1))
			}
			sorted := slices.Sorted(slices.Values(xs))
			got := selectQuantiles(slices.Clone(xs), ps)
			for k, p := range ps {
				if want := quantile(sorted, p); got[k] != want {
					t.Fatalf("n %d, %d distinct, p %g: %g, sorted gives %g", n, distinct, p, got[k], want)
				}
			}
		}
	}
	if got := selectQuantiles(nil, ps); len(got) != len(ps) || got[2] != 0 {
		t.Fatalf("no values: %v", got)
	}
}

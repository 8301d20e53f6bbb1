package scenario

import (
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// centreScale returns the mean and standard deviation of a normal whose
// 5th and 95th percentiles are lo and hi: a normal range's, or of the
// logarithm of a lognormal range's values (docs/MODELS.md §7).
func centreScale(lo, hi float64) (mu, sigma float64) {
	return (lo + hi) / 2, (hi - lo) / (2 * z95)
}

// Density returns the probability density the range draws from, for an
// input whose value is value (a triangular range's mode), before samples
// are clamped to the input's valid range. A zero-width or reversed range
// has no density: nil.
func (r Range) Density(value float64) func(x float64) float64 {
	lo, hi := r.Low, r.High
	if !(hi > lo) {
		return nil
	}
	switch r.Distribution() {
	case DistLognormal:
		if !(lo > 0) {
			return nil
		}
		mu, sigma := centreScale(math.Log(lo), math.Log(hi))
		return distuv.LogNormal{Mu: mu, Sigma: sigma}.Prob
	case DistNormal:
		mu, sigma := centreScale(lo, hi)
		return distuv.Normal{Mu: mu, Sigma: sigma}.Prob
	case DistUniform:
		return distuv.Uniform{Min: lo, Max: hi}.Prob
	case DistTriangular:
		return distuv.NewTriangle(lo, hi, min(max(value, lo), hi), nil).Prob
	}
	return nil
}

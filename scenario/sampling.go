package scenario

import (
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/stat/distuv"
)

// sampler draws one ranged input's values (docs/MODELS.md §7): from its
// range's distribution, clamped to the input's valid range.
type sampler struct {
	path  string
	rng   Range
	value float64 // the input's own value: a triangular range's mode
	limit Limit
}

// newSampler prepares the draws for the input at path of s.
func newSampler(s *Scenario, path string, r Range) (sampler, error) {
	v, err := InputValue(s, path)
	if err != nil {
		return sampler{}, err
	}
	l, ok := LimitOf(path)
	if !ok {
		return sampler{}, fmt.Errorf("input path %q: no valid range known", path)
	}
	return sampler{path: path, rng: r, value: v, limit: l}, nil
}

// draw returns one value from src.
func (sm sampler) draw(src *rand.Rand) float64 {
	lo, hi := sm.rng.Low, sm.rng.High
	if lo == hi {
		return clampTo(lo, sm.limit)
	}
	var v float64
	switch sm.rng.Distribution() {
	case DistLognormal:
		mu, sigma := centreScale(math.Log(lo), math.Log(hi))
		v = distuv.LogNormal{Mu: mu, Sigma: sigma, Src: src}.Rand()
	case DistNormal:
		mu, sigma := centreScale(lo, hi)
		v = distuv.Normal{Mu: mu, Sigma: sigma, Src: src}.Rand()
	case DistUniform:
		v = distuv.Uniform{Min: lo, Max: hi, Src: src}.Rand()
	case DistTriangular:
		mode := min(max(sm.value, lo), hi)
		v = distuv.NewTriangle(lo, hi, mode, src).Rand()
	}
	return clampTo(v, sm.limit)
}

// runSource returns run i's own generator, seeded from (seed, i), so a run
// draws the same inputs whatever worker computes it.
func runSource(seed uint64, i int) *rand.Rand {
	return rand.New(rand.NewPCG(seed, uint64(i)))
}

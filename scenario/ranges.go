package scenario

import (
	"math"
	"slices"
)

// Distributions a range may draw from (docs/MODELS.md §7).
const (
	DistLognormal  = "lognormal"  // low and high are its 5th and 95th percentiles
	DistNormal     = "normal"     // low and high are its 5th and 95th percentiles
	DistUniform    = "uniform"    // every value in low..high equally likely
	DistTriangular = "triangular" // low..high, most likely at the input's value
)

// Dists lists the distributions, the default first.
func Dists() []string { return []string{DistLognormal, DistNormal, DistUniform, DistTriangular} }

// z95 is the standard normal's 95th percentile: low and high of a
// lognormal or normal range sit 1.645 standard deviations from the middle.
const z95 = 1.6448536269514722

// Range is how uncertain one real-valued input is: low ≤ value ≤ high and
// the distribution its samples are drawn from. Dist "" means lognormal for
// inputs whose low is above zero, else normal.
type Range struct {
	Low  float64 `json:"low"`
	High float64 `json:"high"`
	Dist string  `json:"dist,omitempty"`
}

// Distribution returns the distribution the range draws from, with the
// default filled in.
func (r Range) Distribution() string {
	switch {
	case r.Dist != "":
		return r.Dist
	case r.Low > 0:
		return DistLognormal
	default:
		return DistNormal
	}
}

// Simulation is the plan's Monte Carlo setting: how many runs, and the seed
// that makes them reproducible.
type Simulation struct {
	Runs int    `json:"runs"`
	Seed uint64 `json:"seed"`
}

// Simulation limits and defaults.
const (
	DefaultRuns = 10_000
	MaxRuns     = 1_000_000
	DefaultSeed = 1
)

// SimulationOrDefault returns the plan's simulation setting, or the default
// when the plan has none.
func (p *Plan) SimulationOrDefault() Simulation {
	if p.Simulation == nil {
		return Simulation{Runs: DefaultRuns, Seed: DefaultSeed}
	}
	return *p.Simulation
}

// RangePaths returns the input paths of s's ranges, sorted: the order in
// which every run draws its inputs.
func RangePaths(s *Scenario) []string {
	paths := make([]string, 0, len(s.Ranges))
	for p := range s.Ranges {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	return paths
}

// clampTo returns v inside the limit l, nudged inside an open bound.
func clampTo(v float64, l Limit) float64 {
	if v < l.Min || l.MinOpen && v <= l.Min {
		v = l.Min
		if l.MinOpen {
			v = math.Nextafter(l.Min, math.Inf(1))
		}
	}
	if v > l.Max || l.MaxOpen && v >= l.Max {
		v = l.Max
		if l.MaxOpen {
			v = math.Nextafter(l.Max, math.Inf(-1))
		}
	}
	return v
}

// FollowRanges widens each range of next whose input an edit moved outside
// it, so that typing a number is never refused for its range (docs/MODELS.md
// §7): where the edit left the range as it was but changed its input's value
// to below low or above high, low or high moves to the value (the
// distribution stays). prev is the plan before the edit. It returns the
// widened ranges' paths, prefixed by their scenarios' names.
func FollowRanges(prev, next *Plan) []string {
	var out []string
	for i := range next.Scenarios {
		s := &next.Scenarios[i]
		ps := prev.ScenarioByID(s.ID)
		if ps == nil {
			continue
		}
		for _, path := range RangePaths(s) {
			r := s.Ranges[path]
			if pr, ok := ps.Ranges[path]; !ok || pr != r {
				continue
			}
			v, err := InputValue(s, path)
			if err != nil {
				continue
			}
			if pv, err := InputValue(ps, path); err != nil || pv == v {
				continue
			}
			switch {
			case v < r.Low:
				r.Low = v
			case v > r.High:
				r.High = v
			default:
				continue
			}
			s.Ranges[path] = r
			out = append(out, s.Name+": "+path)
		}
	}
	return out
}

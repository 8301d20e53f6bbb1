package scenario

import (
	"math"
	"testing"
)

// TestRangeDensity checks each distribution's density against values
// worked out by hand: a normal or lognormal whose 5th and 95th
// percentiles are low and high, and the closed forms of the uniform and
// triangular densities.
func TestRangeDensity(t *testing.T) {
	phi0 := 1 / math.Sqrt(2*math.Pi) // standard normal density at its mean
	cases := []struct {
		name  string
		r     Range
		value float64
		x     float64
		want  float64
	}{
		// low and high 1.645 σ either side of 1.645: μ = 1.645, σ = 1
		{"normal at its mean", Range{Low: 0, High: 2 * z95, Dist: DistNormal}, 1, z95, phi0},
		{"normal one σ out", Range{Low: 0, High: 2 * z95}, 1, z95 + 1, phi0 * math.Exp(-0.5)},
		// ln low = −1.645, ln high = 1.645: μ = 0, σ = 1; f(1) = φ(0)/1
		{"lognormal at 1", Range{Low: math.Exp(-z95), High: math.Exp(z95)}, 1, 1, phi0},
		// f(e) = φ(1)/e
		{"lognormal at e", Range{Low: math.Exp(-z95), High: math.Exp(z95)}, 1, math.E, phi0 * math.Exp(-0.5) / math.E},
		{"uniform inside", Range{Low: 2, High: 6, Dist: DistUniform}, 3, 5, 0.25},
		{"uniform outside", Range{Low: 2, High: 6, Dist: DistUniform}, 3, 7, 0},
		// triangle 0..4, mode 1: peak 2/(b−a) = 0.5; right side 2(b−x)/((b−a)(b−c))
		{"triangular at its mode", Range{Low: 0, High: 4, Dist: DistTriangular}, 1, 1, 0.5},
		{"triangular right side", Range{Low: 0, High: 4, Dist: DistTriangular}, 1, 2.5, 0.25},
		{"triangular mode clamped to high", Range{Low: 0, High: 4, Dist: DistTriangular}, 9, 4, 0.5},
	}
	for _, c := range cases {
		f := c.r.Density(c.value)
		if f == nil {
			t.Errorf("%s: no density", c.name)
			continue
		}
		if got := f(c.x); math.Abs(got-c.want) > 1e-9 {
			t.Errorf("%s: f(%g) = %.12g, want %.12g", c.name, c.x, got, c.want)
		}
	}
	for _, r := range []Range{{Low: 3, High: 3}, {Low: 4, High: 3}, {Low: 0, High: 1, Dist: DistLognormal}} {
		if r.Density(3) != nil {
			t.Errorf("%+v has a density", r)
		}
	}
}

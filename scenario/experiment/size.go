package experiment

import (
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// MaxPerArm bounds a sample size: a test that needs more visitors per arm
// than this cannot be run, and the figure would no longer be exact.
const MaxPerArm = 1e15

// Design holds an experiment's planning inputs. Rates are fractions; the
// minimum detectable effect is relative (0.1 = the variant converts 10%
// better than the baseline).
type Design struct {
	BaselineRate        float64 `json:"baselineRate"`
	MinDetectableEffect float64 `json:"minDetectableEffect"`
	Alpha               float64 `json:"alpha"` // two-sided significance level
	Power               float64 `json:"power"`
	DailyVisitors       float64 `json:"dailyVisitors"` // both arms together; 0 = not known
	VariantShare        float64 `json:"variantShare"`  // of the daily visitors
}

// SampleSize is what a test needs: PerArm visitors in each arm (Exact before
// rounding up), Total visitors entering the test until the smaller arm has
// PerArm, and the Days that takes (nil when the daily traffic is not known).
type SampleSize struct {
	Exact  float64 `json:"exact"`
	PerArm int64   `json:"perArm"`
	Total  int64   `json:"total"`
	Days   *int64  `json:"days"`
}

// Variant returns the variant's rate the test is sized to detect,
// p₂ = p₁(1 + MDE).
func (d Design) Variant() float64 { return d.BaselineRate * (1 + d.MinDetectableEffect) }

// Validate checks the planning inputs and returns the problems (nil when none).
func (d Design) Validate() Errors {
	var es Errors
	fail := func(field, msg string, v float64) {
		es = append(es, FieldError{field, msg + ", got " + num(v)})
	}
	p1, mde := d.BaselineRate, d.MinDetectableEffect
	if !openUnit(p1) {
		fail("baselineRate", "must be above 0 and below 1", p1)
	}
	switch p2 := d.Variant(); {
	case !finite(mde) || mde == 0:
		fail("minDetectableEffect", "must not be 0 (the relative effect the test should detect, such as 0.1 for +10%)", mde)
	case mde <= -1:
		fail("minDetectableEffect", "must be above -1: a relative drop of 100% or more leaves no rate", mde)
	case openUnit(p1) && p2 >= 1:
		fail("minDetectableEffect", "would push the rate past 1: the baseline "+num(p1)+" raised by it is "+num(p2), mde)
	}
	if !openUnit(d.Alpha) {
		fail("alpha", "must be above 0 and below 1", d.Alpha)
	}
	if !openUnit(d.Power) {
		fail("power", "must be above 0 and below 1", d.Power)
	}
	if !(d.DailyVisitors >= 0 && d.DailyVisitors <= MaxVisitors) {
		fail("dailyVisitors", "must be between 0 and "+num(MaxVisitors)+" (0 = not known)", d.DailyVisitors)
	}
	if !openUnit(d.VariantShare) {
		fail("variantShare", "must be above 0 and below 1", d.VariantShare)
	}
	return es
}

// perArm returns the exact sample size per arm of a two-sided two-proportion
// z-test with pooled variance under the null:
//
//	n = (z₁₋α/₂·√(2p̄(1−p̄)) + z₁₋β·√(p₁(1−p₁) + p₂(1−p₂)))² / (p₂ − p₁)²
//
// with p₂ = p₁(1 + MDE) and p̄ = (p₁ + p₂)/2. The inputs must be valid.
func perArm(p1, p2, alpha, power float64) float64 {
	zA := distuv.UnitNormal.Quantile(1 - alpha/2)
	zB := distuv.UnitNormal.Quantile(power)
	pBar := (p1 + p2) / 2
	a := zA*math.Sqrt(2*pBar*(1-pBar)) + zB*math.Sqrt(p1*(1-p1)+p2*(1-p2))
	diff := p2 - p1
	return a * a / (diff * diff)
}

// Size returns the sample size per arm, the total and the duration in days.
// Invalid inputs, and a test too small an effect makes impossible, are
// returned as Errors.
func (d Design) Size() (SampleSize, error) {
	if es := d.Validate(); len(es) > 0 {
		return SampleSize{}, es
	}
	n := perArm(d.BaselineRate, d.Variant(), d.Alpha, d.Power)
	if !(n <= MaxPerArm) {
		return SampleSize{}, Errors{{"minDetectableEffect", "is too small to detect: the test would need more than " + num(MaxPerArm) + " visitors per arm, got " + num(d.MinDetectableEffect)}}
	}
	s := SampleSize{Exact: n, PerArm: int64(math.Ceil(n))}
	// Traffic flows until the smaller arm has PerArm visitors.
	smaller := min(d.VariantShare, 1-d.VariantShare)
	s.Total = ceilWhole(float64(s.PerArm) / smaller)
	if d.DailyVisitors > 0 {
		days := ceilWhole(float64(s.Total) / d.DailyVisitors)
		s.Days = &days
	}
	return s, nil
}

// ceilWhole rounds x up to a whole number, ignoring the last bits of
// floating-point noise so that 1094/0.5 stays 2188.
func ceilWhole(x float64) int64 {
	return int64(math.Ceil(x * (1 - 1e-12)))
}

// CurvePoint is one point of the sample-size curve: the per-arm sample size
// (exact) a test needs to detect Effect.
type CurvePoint struct {
	Effect float64 `json:"effect"`
	PerArm float64 `json:"perArm"`
}

// Curve returns how the sample size per arm grows as the effect shrinks:
// points relative effects spread evenly from half the design's effect to
// twice it (stopping short of a rate of 0 or 1), smallest first. The design
// must be valid.
func (d Design) Curve(points int) ([]CurvePoint, error) {
	if es := d.Validate(); len(es) > 0 {
		return nil, es
	}
	points = max(points, 2)
	p1, mde := d.BaselineRate, math.Abs(d.MinDetectableEffect)
	lo, hi := mde/2, 2*mde
	limit := 1.0 // a drop of 100% leaves no rate
	if d.MinDetectableEffect > 0 {
		limit = (1 - p1) / p1 // a rise past that passes a rate of 1
	}
	hi = min(hi, 0.98*limit)
	lo = min(lo, hi/2)
	sign := math.Copysign(1, d.MinDetectableEffect)
	out := make([]CurvePoint, 0, points)
	for i := range points {
		e := sign * (lo + (hi-lo)*float64(i)/float64(points-1))
		out = append(out, CurvePoint{Effect: e, PerArm: perArm(p1, p1*(1+e), d.Alpha, d.Power)})
	}
	return out, nil
}

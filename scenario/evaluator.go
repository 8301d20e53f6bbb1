package scenario

import (
	"context"
	"fmt"
	"math"
	"slices"
)

// evaluator computes one scenario again and again with one input changed: the
// engine under the tornado, goal seek and decision thresholds
// (docs/MODELS.md §7). It works on a private copy, so the caller's
// scenario is never touched.
type evaluator struct {
	ctx context.Context
	s   Scenario
	// evals counts the computes, for callers that report their cost.
	evals int
}

// newEvaluator copies s (valid, its variant inputs resolved) and drops what
// a deterministic compute does not read: its ranges (a varied value may
// lie outside its own range) and its variant links.
func newEvaluator(ctx context.Context, s *Scenario) *evaluator {
	p := &evaluator{ctx: ctx, s: s.Clone()}
	p.s.Ranges, p.s.BasedOn, p.s.Overrides = nil, "", nil
	return p
}

// variedInput is one real-valued input of the evaluator's copy, with the
// value the plan gives it.
type variedInput struct {
	*evalInput
	value float64
}

// input resolves a real-valued input path in the evaluator's copy. Whole-number
// inputs (heads, market scores) are refused: a value between two whole
// numbers means nothing there.
func (p *evaluator) input(path string) (variedInput, error) {
	in, err := resolveEvalInput(&p.s, path)
	if err != nil {
		return variedInput{}, err
	}
	if in.whole() {
		return variedInput{}, fmt.Errorf("input path %q: a whole-number input; only real-valued inputs can be varied", path)
	}
	return variedInput{evalInput: in, value: in.get()}, nil
}

// at computes the copy with in set to x (inside in's valid range) and
// leaves it there. Every call returns a new Result, which the caller may
// keep. It stops with the context's error when cancelled.
func (p *evaluator) at(in variedInput, x float64) (*Result, error) {
	if err := in.set(x); err != nil {
		return nil, err
	}
	r, err := p.run()
	if err != nil {
		return nil, fmt.Errorf("with %s = %g: %w", in.path, x, err)
	}
	return r, nil
}

// run validates and computes the copy as it stands.
func (p *evaluator) run() (*Result, error) {
	if err := p.ctx.Err(); err != nil {
		return nil, err
	}
	if errs := validateFields(&p.s, ""); len(errs) > 0 {
		return nil, errs
	}
	r := &Result{ID: p.s.ID, Name: p.s.Name, Horizon: p.s.HorizonMonths}
	p.evals++
	if fe := computeModules(&p.s, r, ""); fe != nil {
		return nil, fe
	}
	return r, nil
}

// restore puts the plan's own value back into in.
func (p *evaluator) restore(in variedInput) { _ = in.set(in.value) }

// ends returns the smallest and largest values of l, nudged inside an open
// bound.
func ends(l Limit) (lo, hi float64) { return clampTo(l.Min, l), clampTo(l.Max, l) }

// scanSteps is the number of even steps scanPoints lays across a valid
// range; geoSteps the number of half-octaves it lays on each side of the
// plan's value.
const (
	scanSteps = 24
	geoSteps  = 40
)

// scanPoints returns the values of an input that a search evaluates first,
// sorted and distinct: both ends of its valid range, the plan's value, an
// even grid across the range, and a geometric grid of half-octaves around
// the plan's value (down to a millionth of it, up to a million times it),
// so that an input whose valid range runs from 0 to 10¹² is still searched
// finely near the value the plan gives it. Changes of state closer
// together than the grid's spacing can be missed.
func scanPoints(l Limit, value float64) []float64 {
	lo, hi := ends(l)
	pts := []float64{lo, hi, value}
	for i := 1; i < scanSteps; i++ {
		pts = append(pts, lo+(hi-lo)*float64(i)/scanSteps)
	}
	scale := math.Abs(value)
	if scale == 0 {
		scale = 1
	}
	for k := -geoSteps; k <= geoSteps; k++ {
		x := scale * math.Pow(2, float64(k)/2)
		pts = append(pts, x, -x)
	}
	kept := pts[:0]
	for _, x := range pts {
		if x >= lo && x <= hi {
			kept = append(kept, x)
		}
	}
	slices.Sort(kept)
	return slices.Compact(kept)
}

// bisectSteps bounds a bisection; 200 halvings take any bracket of
// float64s down to neighbouring numbers.
const bisectSteps = 200

// bisect narrows a bracket [a, b] whose ends differ in side(x) (true or
// false) until its ends are neighbouring float64s or within a relative
// 1e-13, and returns the narrowed ends, still on their sides.
func bisect(a, b float64, side func(x float64) (bool, error)) (float64, float64, error) {
	sa, err := side(a)
	if err != nil {
		return a, b, err
	}
	for range bisectSteps {
		mid := a + (b-a)/2
		if mid <= a || mid >= b || b-a <= 1e-13*math.Max(math.Abs(a), math.Abs(b)) {
			break
		}
		sm, err := side(mid)
		if err != nil {
			return a, b, err
		}
		if sm == sa {
			a = mid
		} else {
			b = mid
		}
	}
	return a, b, nil
}

// monthOrHorizon checks a month of s (1..horizon), 0 meaning the horizon.
func monthOrHorizon(s *Scenario, month int) (int, error) {
	if month == 0 {
		return s.HorizonMonths, nil
	}
	if month < 1 || month > s.HorizonMonths {
		return 0, fmt.Errorf("month must be between 1 and the horizon, %d, got %d", s.HorizonMonths, month)
	}
	return month, nil
}

// outputOf finds an enabled output of s by key.
func outputOf(s *Scenario, key string) (Output, error) {
	o, ok := OutputNamed(key)
	if !ok {
		return Output{}, fmt.Errorf("no output %q (outputs: %s)", key, outputKeys())
	}
	if m, _ := ModuleNamed(moduleOf(key)); !m.Enabled(s) {
		return Output{}, fmt.Errorf("output %q: the %s module is off", key, m.Title)
	}
	return o, nil
}

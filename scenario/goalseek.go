package scenario

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
)

// Goal asks goal seek's question (docs/MODELS.md §7): which value of one
// input brings an output to a target by a month?
type Goal struct {
	// Input is a real-valued input's path ("viral.inviteConversion").
	Input string
	// Output is an Output key ("viral.active").
	Output string
	// Target is the value the output must reach.
	Target float64
	// Month is the month by which it must (1..horizon, 0 = the horizon).
	Month int
}

// GoalResult is goal seek's answer. "Reaches the target by month M" means
// the output's value in month M is at least the target.
type GoalResult struct {
	Input  string  `json:"input"`
	Output string  `json:"output"`
	Target float64 `json:"target"`
	Month  int     `json:"month"`
	// Value is the input's value found: the output crosses the target
	// there, and Value itself reaches it (it lies on the reaching side of
	// the crossing, within a relative 1e-13). When the plan's own value
	// and every other value in the valid range reach the target
	// (Everywhere), Value is the plan's own.
	Value float64 `json:"value"`
	// OutputAtValue is the output in Month with the input at Value (≥ Target).
	OutputAtValue float64 `json:"outputAtValue"`
	// Rising is true when values above Value reach the target too (the
	// output rises with the input there), false when values below do.
	Rising bool `json:"rising"`
	// Everywhere reports that every value in the valid range reaches the
	// target: no crossing exists.
	Everywhere bool `json:"everywhere"`
	// Crossings counts the crossings of the target found across the valid
	// range: 1 for a monotone output. With more, Value is the crossing
	// nearest the plan's value.
	Crossings int `json:"crossings"`
	// Current is the input's value in the plan; Min and Max are its valid
	// range (open bounds nudged inside), the values searched.
	Current float64 `json:"current"`
	Min     float64 `json:"min"`
	Max     float64 `json:"max"`
	// Evaluations counts the computes the search took.
	Evaluations int `json:"evaluations"`
	// Uncomputable, when set, names the values the models could not
	// compute: a crossing among them would not have been seen.
	Uncomputable *Uncomputable `json:"-"`
}

// ErrNotReachable is what goal seek returns, wrapped in a
// NotReachableError, when no value in the input's valid range brings the
// output to the target.
var ErrNotReachable = errors.New("not reachable")

// NotReachableError says that no value of an input in its valid range
// brings an output to a target by a month, and how close it came.
type NotReachableError struct {
	Goal     Goal    // with Month set to the month searched
	Min, Max float64 // the input's valid range, searched
	// Best is the highest value of the output seen in the month, at the
	// input value BestAt.
	Best, BestAt float64
	// Uncomputable, when set, names the values the models could not
	// compute: the search saw nothing there.
	Uncomputable *Uncomputable
	percent      bool
}

func (e *NotReachableError) Error() string {
	msg := fmt.Sprintf("no value of %s between %s and %s brings %s to %s by month %d: the most it reaches is %s, with %s = %s",
		e.Goal.Input, FormatInput(e.Min, e.percent), FormatInput(e.Max, e.percent), e.Goal.Output, numText(e.Goal.Target),
		e.Goal.Month, numText(e.Best), e.Goal.Input, FormatInput(roundSig(e.BestAt, 6), e.percent))
	if e.Uncomputable != nil {
		msg += "; " + e.Uncomputable.String()
	}
	return msg
}

// Unwrap makes errors.Is(err, ErrNotReachable) hold.
func (e *NotReachableError) Unwrap() error { return ErrNotReachable }

// numText writes an output's value: whole numbers grouped, fractions to
// six significant digits.
func numText(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return FormatCount(v)
	}
	return FormatInput(roundSig(v, 6), false)
}

// SeekGoal finds the value of g.Input, within its valid range, at which
// g.Output in g.Month crosses g.Target, all other inputs of s at their
// values; s must be valid with its variant inputs resolved. It scans the
// valid range (scanPoints), then bisects the bracket where the output
// crosses the target nearest the plan's value. When no value reaches the
// target it returns a *NotReachableError (errors.Is ErrNotReachable), never
// a guess. It stops with ctx's error when ctx is cancelled.
func SeekGoal(ctx context.Context, s *Scenario, g Goal) (*GoalResult, error) {
	res, err := seekGoal(ctx, s, g)
	if err != nil {
		return nil, fmt.Errorf("goal seek: %w", err)
	}
	return res, nil
}

// point is one evaluated input value x and what it gave, y.
type point struct {
	x, y float64
}

func seekGoal(ctx context.Context, s *Scenario, g Goal) (*GoalResult, error) {
	o, err := outputOf(s, g.Output)
	if err != nil {
		return nil, err
	}
	if g.Month, err = monthOrHorizon(s, g.Month); err != nil {
		return nil, err
	}
	if math.IsNaN(g.Target) || math.IsInf(g.Target, 0) {
		return nil, fmt.Errorf("the target must be a finite number, got %g", g.Target)
	}
	p := newEvaluator(ctx, s)
	in, err := p.input(g.Input)
	if err != nil {
		return nil, err
	}
	read := func(x float64) (float64, error) {
		r, err := p.at(in, x)
		if err != nil {
			return 0, err
		}
		return o.Value(r, g.Month), nil
	}
	if _, err := read(in.value); err != nil {
		return nil, err // the plan itself does not compute
	}
	xs, ys, bad, err := scan(in, read)
	if err != nil {
		return nil, err
	}
	pts := make([]point, len(xs))
	for i := range xs {
		pts[i] = point{xs[i], ys[i]}
	}
	res := &GoalResult{Input: g.Input, Output: g.Output, Target: g.Target, Month: g.Month, Current: in.value, Uncomputable: bad}
	res.Min, res.Max = ends(in.limit)
	reaches := func(y float64) bool { return y >= g.Target }
	best, count := nearestCrossing(pts, reaches, in.value)
	res.Crossings = count
	if best < 0 {
		return everywhereOrNot(res, g, in, pts, reaches, p)
	}
	a, b, err := bisect(pts[best-1].x, pts[best].x, func(x float64) (bool, error) {
		y, err := read(x)
		return reaches(y), err
	})
	if err != nil {
		return nil, err
	}
	res.Value, res.Rising = a, false
	if !reaches(pts[best-1].y) {
		res.Value, res.Rising = b, true
	}
	if res.OutputAtValue, err = read(res.Value); err != nil {
		return nil, err
	}
	res.Evaluations = p.evals
	return res, nil
}

// everywhereOrNot answers when the output never crosses the target:
// either every value reaches it, or none does.
func everywhereOrNot(res *GoalResult, g Goal, in variedInput, pts []point, reaches func(float64) bool, p *evaluator) (*GoalResult, error) {
	if reaches(pts[0].y) {
		res.Everywhere, res.Value = true, in.value
		for _, pt := range pts {
			if pt.x == in.value {
				res.OutputAtValue = pt.y
			}
		}
		res.Evaluations = p.evals
		return res, nil
	}
	top := pts[0]
	for _, pt := range pts[1:] {
		if pt.y > top.y {
			top = pt
		}
	}
	return nil, &NotReachableError{Goal: g, Min: res.Min, Max: res.Max, Best: top.y, BestAt: top.x, Uncomputable: res.Uncomputable, percent: in.limit.Percent}
}

// nearestCrossing returns how many times the scanned points cross between
// reaching and not, and the index i of the crossing nearest x (between
// pts[i−1] and pts[i]; −1 for none).
func nearestCrossing(pts []point, reaches func(float64) bool, x float64) (best, count int) {
	best = -1
	for i := 1; i < len(pts); i++ {
		if reaches(pts[i-1].y) == reaches(pts[i].y) {
			continue
		}
		count++
		if best < 0 || nearer(pts[i-1:i+1], pts[best-1:best+1], x) {
			best = i
		}
	}
	return best, count
}

// nearer reports whether bracket a lies nearer x than bracket b.
func nearer(a, b []point, x float64) bool {
	dist := func(br []point) float64 {
		if x >= br[0].x && x <= br[1].x {
			return 0
		}
		return math.Min(math.Abs(br[0].x-x), math.Abs(br[1].x-x))
	}
	return dist(a) < dist(b)
}

// Uncomputable says which values of an input a search tried that the
// models cannot compute (a loop passing the largest number of users, a
// volume over every model's capacity): the search saw nothing there.
type Uncomputable struct {
	// Count is how many values failed, From and To the lowest and highest.
	Count    int
	From, To float64
	// Err is the first failure's error.
	Err     error
	percent bool
}

func (u *Uncomputable) String() string {
	if u.Count == 1 {
		return fmt.Sprintf("the models cannot compute %s (%v)", FormatInput(roundSig(u.From, 6), u.percent), u.Err)
	}
	return fmt.Sprintf("the models cannot compute %d values tried between %s and %s (%v)", u.Count,
		FormatInput(roundSig(u.From, 6), u.percent), FormatInput(roundSig(u.To, 6), u.percent), u.Err)
}

// scan evaluates read at every scan point of in, in order, and returns the
// values that computed and what each gave. Values the models cannot
// compute are left out and described by the *Uncomputable (nil when
// every value computed); when none computes, the plan's own value's error
// is returned.
func scan[T any](in variedInput, read func(float64) (T, error)) ([]float64, []T, *Uncomputable, error) {
	var xs []float64
	var ys []T
	var bad *Uncomputable
	var ownErr error
	for _, x := range scanPoints(in.limit, in.value) {
		y, err := read(x)
		switch {
		case errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded):
			return nil, nil, nil, err
		case err != nil:
			if bad == nil {
				bad = &Uncomputable{From: x, Err: err, percent: in.limit.Percent}
			}
			bad.Count, bad.To = bad.Count+1, x
			if x == in.value {
				ownErr = err
			}
			continue
		}
		xs, ys = append(xs, x), append(ys, y)
	}
	if len(xs) == 0 {
		return nil, nil, nil, cmp.Or(ownErr, bad.Err)
	}
	return xs, ys, bad, nil
}

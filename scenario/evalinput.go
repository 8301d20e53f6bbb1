package scenario

import (
	"fmt"
	"reflect"
)

// evalInput is one input of an evaluator's copy of a scenario, resolved
// once: where its number lives and the valid range (Limit) a value must
// lie in. Both evaluators, the analyses' (evaluator.go) and the
// simulation's (FastEvaluator), resolve, check and write inputs through it
// alone (docs/ARCHITECTURE.md).
type evalInput struct {
	path  string
	limit Limit
	ptr   *float64 // a real-valued field, written directly
	ref   inputRef // any other number (a whole number, a map entry)
	// cross is set for an input whose validity depends on other inputs
	// (crossChecked).
	cross bool
}

// resolveEvalInput resolves path (docs/MODELS.md §8) in s, which the input
// then writes into, and finds its valid range. A path that names no number
// is refused first, then a number no Limit covers.
func resolveEvalInput(s *Scenario, path string) (*evalInput, error) {
	loc, err := locateInput(s, path)
	if err != nil {
		return nil, err
	}
	in := &evalInput{path: path}
	if !loc.entry && loc.v.Kind() == reflect.Float64 && loc.v.CanAddr() {
		in.ptr = loc.v.Addr().Interface().(*float64)
	} else if in.ref, err = loc.ref(path); err != nil {
		return nil, err
	}
	l, ok := LimitOf(path)
	if !ok {
		return nil, fmt.Errorf("input path %q: no valid range is known for it", path)
	}
	in.limit, in.cross = l, crossChecked[Unindexed(path)]
	return in, nil
}

// get returns the input's value.
func (in *evalInput) get() float64 {
	if in.ptr != nil {
		return *in.ptr
	}
	return in.ref.get()
}

// whole reports whether the input takes whole numbers only (a head count,
// a market score).
func (in *evalInput) whole() bool { return in.limit.Whole || in.ref.whole }

// set writes v into the input, refusing a value outside its valid range
// and a fraction for a whole-number input.
func (in *evalInput) set(v float64) error {
	if err := in.limit.Check(v); err != nil {
		return fmt.Errorf("input path %q: %w", in.path, err)
	}
	if in.ptr != nil {
		*in.ptr = v
		return nil
	}
	return in.ref.set(v)
}

package scenario

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
)

// validateRanges checks each of s's ranges (docs/MODELS.md §7), located
// as scenarios[0].ranges["viral.inviteConversion"].low: the path names a
// real-valued input, low and high are finite, within the input's valid
// range and in order, the distribution is known (a lognormal one above
// 0), and the input's value lies in low..high. Two paths naming one input
// are refused.
func validateRanges(s *Scenario, prefix string) Errors {
	c := &checker{prefix: prefix}
	seen := map[string]string{}
	for _, path := range RangePaths(s) {
		at := fmt.Sprintf("ranges[%q]", path)
		in, err := rangedInput(s, path)
		if err != nil {
			c.fail(at, "%v", err)
			continue
		}
		if first, dup := seen[in.id]; dup {
			c.fail(at, "names the same input as ranges[%q]; keep one", first)
			continue
		}
		seen[in.id] = path
		checkRange(c, at, path, s.Ranges[path], in)
	}
	return c.errs
}

// checkRange checks one range r of the input in at path.
func checkRange(c *checker, at, path string, r Range, in rangeInput) {
	bad := false
	for _, b := range []struct {
		field string
		v     float64
	}{{"low", r.Low}, {"high", r.High}} {
		switch {
		case math.IsNaN(b.v) || math.IsInf(b.v, 0):
			c.fail(at+"."+b.field, "must be a finite number, got %s", num(b.v))
			bad = true
		case in.limit.Check(b.v) != nil:
			c.fail(at+"."+b.field, "%v (the valid range of %s)", in.limit.Check(b.v), path)
			bad = true
		}
	}
	if r.Dist != "" && !slices.Contains(Dists(), r.Dist) {
		c.fail(at+".dist", "must be one of %s, got %q", strings.Join(Dists(), ", "), r.Dist)
		bad = true
	}
	if bad {
		return
	}
	switch {
	case r.Low > r.High:
		c.fail(at+".low", "must be at most high (%s), got %s", num(r.High), num(r.Low))
	case r.Dist == DistLognormal && r.Low <= 0:
		c.fail(at+".low", "a lognormal range needs low above 0, got %s (a normal or uniform range can reach 0)", num(r.Low))
	case in.value < r.Low || in.value > r.High:
		c.fail(at, "the input's value %s lies outside low..high (%s..%s); a range must hold its input's value", num(in.value), num(r.Low), num(r.High))
	}
}

// rangeInput is the input a range is on: its value, its valid range and
// an identity that two spellings of one path share.
type rangeInput struct {
	value float64
	limit Limit
	id    string
}

// rangedInput finds the real-valued input at path in s, or says why a
// range cannot be on it.
func rangedInput(s *Scenario, path string) (rangeInput, error) {
	if st, err := parsePath(path); err == nil && ownFields[st[0].field] {
		return rangeInput{}, fmt.Errorf("%s is the scenario's own, not an input", st[0].field)
	}
	loc, err := locateInput(s, path)
	if err != nil {
		return rangeInput{}, errors.New(strings.TrimPrefix(err.Error(), fmt.Sprintf("input path %q: ", path)))
	}
	switch k := loc.typ().Kind(); k {
	case reflect.Float64:
	case reflect.Int:
		return rangeInput{}, errors.New("a whole-number input takes no range; ranges are for real-valued inputs")
	case reflect.Bool:
		return rangeInput{}, errors.New("a switch (true or false) takes no range; ranges are for real-valued inputs")
	case reflect.String:
		return rangeInput{}, errors.New("a choice or text takes no range; ranges are for real-valued inputs")
	default:
		return rangeInput{}, fmt.Errorf("names %s, not one number; a range is on one real-valued input", kindName(k.String()))
	}
	l, ok := LimitOf(path)
	switch {
	case !ok:
		return rangeInput{}, errors.New("no valid range is known for this input (internal error)")
	case l.Whole:
		return rangeInput{}, errors.New("a whole-number input takes no range; ranges are for real-valued inputs")
	}
	in := rangeInput{value: loc.value().Float(), limit: l}
	if loc.entry {
		in.id = fmt.Sprintf("%v[%s]", loc.m.Pointer(), loc.key.String())
	} else {
		in.id = fmt.Sprint(loc.v.Addr().Pointer())
	}
	return in, nil
}

// validateSimulation checks the plan's Monte Carlo setting. The seed is a
// whole number of 0 or more by its type; the codec refuses any other in a
// file.
func validateSimulation(c *checker, sim *Simulation) {
	if sim == nil {
		return
	}
	if sim.Runs < 1 || sim.Runs > MaxRuns {
		c.fail("simulation.runs", "must be between 1 and %s, got %d", FormatCount(MaxRuns), sim.Runs)
	}
}

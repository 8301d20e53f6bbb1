package app

import (
	"errors"
	"fmt"

	"scaleplan/scenario"
)

// Labels of the uncertainty edits, as UndoLabel and RedoLabel report them.
const (
	LabelSetRange   = "Set range"
	LabelClearRange = "Clear range"
	LabelSimulation = "Simulation setting"
)

// ErrInheritedRange is returned by ClearRange for a variant's range that
// is its base's: the variant has no range of its own to clear there (clear
// it in the base, or give the variant one of its own).
var ErrInheritedRange = errors.New("the range is its base's: clear it there, or set one of the variant's own")

// SetRange gives the input at path (docs/MODELS.md §8) of scenario i the
// range r, as one undoable edit. The model validates it (low ≤ value ≤
// high, inside the input's valid range, a real-valued input, a known
// distribution); a refused range changes nothing and the error is a
// scenario.Errors located at the range. In a variant the range becomes
// one of its own, as an edited input becomes an override.
func (d *Document) SetRange(i int, path string, r scenario.Range) error {
	err := d.EditScenario(i, LabelSetRange+" ("+path+")", func(s *scenario.Scenario) error {
		setRange(s, path, r)
		return nil
	})
	return wrap("set range", err)
}

// CheckRange reports whether SetRange(i, path, r) would be accepted,
// without changing anything: nil, or the model's error (dialogs validate
// as the user types with it).
func (d *Document) CheckRange(i int, path string, r scenario.Range) error {
	if err := d.checkIndex(i); err != nil {
		return wrap("set range", err)
	}
	next := d.plan.Clone()
	setRange(&next.Scenarios[i], path, r)
	scenario.Reconcile(d.plan, next)
	return wrap("set range", next.Validate())
}

func setRange(s *scenario.Scenario, path string, r scenario.Range) {
	if s.Ranges == nil {
		s.Ranges = map[string]scenario.Range{}
	}
	s.Ranges[path] = r
}

// ClearRange removes the range of the input at path from scenario i (one
// undoable step; nothing when there is none). A variant's own range gives
// way to its base's, if the base has one; a range the variant inherits
// cannot be cleared there (ErrInheritedRange).
func (d *Document) ClearRange(i int, path string) error {
	if err := d.checkIndex(i); err != nil {
		return wrap("clear range", err)
	}
	if _, ok, own := RangeOf(d.plan, i, path); ok && !own {
		return wrap("clear range", ErrInheritedRange)
	}
	err := d.EditScenario(i, LabelClearRange+" ("+path+")", func(s *scenario.Scenario) error {
		delete(s.Ranges, path)
		if len(s.Ranges) == 0 {
			s.Ranges = nil
		}
		return nil
	})
	return wrap("clear range", err)
}

// RangeOf returns the range of the input at path in scenario i of p, if it
// has one, and whether the range is the scenario's own: always for a
// scenario of its own; for a variant, when it gives the range itself
// (scenario.Scenario.OwnRanges) rather than inheriting its base's, as an
// input is its base's unless overridden.
func RangeOf(p *scenario.Plan, i int, path string) (r scenario.Range, ok, own bool) {
	if i < 0 || i >= len(p.Scenarios) {
		return scenario.Range{}, false, false
	}
	s := &p.Scenarios[i]
	r, ok = s.Ranges[path]
	if !ok {
		return r, false, false
	}
	if !s.IsVariant() {
		return r, true, true
	}
	_, own = s.OwnRanges[path]
	return r, true, own
}

// SetSimulation sets the plan's Monte Carlo setting (runs and seed) as one
// undoable edit; the model refuses runs outside 1..scenario.MaxRuns.
// Setting the default leaves the plan without a setting of its own.
func (d *Document) SetSimulation(sim scenario.Simulation) error {
	err := d.Edit(LabelSimulation, func(p *scenario.Plan) error {
		if sim.Runs < 1 || sim.Runs > scenario.MaxRuns {
			return scenario.Errors{{Path: "simulation.runs", Msg: fmt.Sprintf("must be between 1 and %d, got %d", scenario.MaxRuns, sim.Runs)}}
		}
		if sim == (scenario.Simulation{Runs: scenario.DefaultRuns, Seed: scenario.DefaultSeed}) {
			p.Simulation = nil
			return nil
		}
		p.Simulation = &sim
		return nil
	})
	return wrap("simulation", err)
}

package app

import (
	"errors"
	"fmt"
	"strings"

	"scaleplan/scenario"
)

// Labels of the scenario edits, as UndoLabel and RedoLabel report them.
const (
	LabelAddScenario       = "Add Scenario"
	LabelDuplicateScenario = "Duplicate Scenario"
	LabelRenameScenario    = "Rename Scenario"
	LabelDeleteScenario    = "Delete Scenario"
	LabelMoveScenario      = "Move Scenario"
)

// ErrLastScenario is returned when deleting the only scenario of a plan.
var ErrLastScenario = errors.New("a plan needs at least one scenario")

// AddScenario appends a scenario with the article's defaults
// (scenario.NewScenario) as one undoable step. An empty name picks a free
// one ("Scenario 2", …); a name already in use is a validation error. The new
// scenario is the last one.
func (d *Document) AddScenario(name string) error {
	name = strings.TrimSpace(name)
	if name == "" {
		name = d.FreeScenarioName()
	}
	err := d.edit(LabelAddScenario, "", func(p *scenario.Plan) error {
		p.Scenarios = append(p.Scenarios, p.NewScenario(name))
		return nil
	})
	return wrap("add scenario", err)
}

// FreeScenarioName is the name New Scenario proposes: "Scenario N", with
// N the first number no scenario's name uses.
func (d *Document) FreeScenarioName() string {
	return freeName("Scenario", len(d.plan.Scenarios)+1, d.nameTaken)
}

// DuplicateScenario inserts a copy of scenario i right after it (at i+1),
// with new IDs (scenario.Duplicate) and the name "Base copy", "Base copy 2", …
func (d *Document) DuplicateScenario(i int) error {
	if err := d.checkIndex(i); err != nil {
		return wrap("duplicate scenario", err)
	}
	src := d.plan.Scenarios[i]
	name := d.copyName(src.Name)
	err := d.edit(LabelDuplicateScenario, "", func(p *scenario.Plan) error {
		p.Scenarios = insertAt(p.Scenarios, i+1, src.Duplicate(name))
		return nil
	})
	return wrap("duplicate scenario", err)
}

// RenameScenario renames scenario i (surrounding spaces trimmed). An empty
// name or one another scenario has is a validation error.
func (d *Document) RenameScenario(i int, name string) error {
	if err := d.checkIndex(i); err != nil {
		return wrap("rename scenario", err)
	}
	err := d.edit(LabelRenameScenario, "", func(p *scenario.Plan) error {
		p.Scenarios[i].Name = strings.TrimSpace(name)
		return nil
	})
	return wrap("rename scenario", err)
}

// DeleteScenario removes scenario i; it refuses to delete the last one
// (ErrLastScenario) and a base of variants (ErrHasVariants: ask, then use
// DeleteScenarioDetaching).
func (d *Document) DeleteScenario(i int) error {
	if err := d.checkDelete(i); err != nil {
		return wrap("delete scenario", err)
	}
	if vs := d.plan.Variants(d.plan.Scenarios[i].ID); len(vs) > 0 {
		return wrap("delete scenario", fmt.Errorf("%w (%d)", ErrHasVariants, len(vs)))
	}
	err := d.edit(LabelDeleteScenario, "", func(p *scenario.Plan) error {
		p.Scenarios = append(p.Scenarios[:i], p.Scenarios[i+1:]...)
		return nil
	})
	return wrap("delete scenario", err)
}

// MoveScenario moves scenario from to index to (its position afterwards),
// shifting the ones between.
func (d *Document) MoveScenario(from, to int) error {
	if err := d.checkIndex(from); err != nil {
		return wrap("move scenario", err)
	}
	if err := d.checkIndex(to); err != nil {
		return wrap("move scenario", err)
	}
	err := d.edit(LabelMoveScenario, "", func(p *scenario.Plan) error {
		s := p.Scenarios[from]
		rest := append(p.Scenarios[:from:from], p.Scenarios[from+1:]...)
		p.Scenarios = insertAt(rest, to, s)
		return nil
	})
	return wrap("move scenario", err)
}

// ScenarioIndex returns the position of the scenario with ID id, or -1 if
// the plan has none (it was deleted, or undone away).
func (d *Document) ScenarioIndex(id string) int {
	for i, s := range d.plan.Scenarios {
		if s.ID == id {
			return i
		}
	}
	return -1
}

func (d *Document) checkIndex(i int) error {
	if i < 0 || i >= len(d.plan.Scenarios) {
		return fmt.Errorf("no scenario %d (the plan has %d)", i, len(d.plan.Scenarios))
	}
	return nil
}

// insertAt returns ss with s inserted at index i.
func insertAt(ss []scenario.Scenario, i int, s scenario.Scenario) []scenario.Scenario {
	out := make([]scenario.Scenario, 0, len(ss)+1)
	out = append(out, ss[:i]...)
	out = append(out, s)
	return append(out, ss[i:]...)
}

// copyName returns "<name> copy", or "<name> copy N" with the first free N ≥ 2.
func (d *Document) copyName(name string) string {
	base := name + " copy"
	if !d.nameTaken(base) {
		return base
	}
	return freeName(base, 2, d.nameTaken)
}

// nameTaken reports whether a scenario is called name (case and surrounding
// spaces ignored, as validation compares names).
func (d *Document) nameTaken(name string) bool {
	names := make([]string, len(d.plan.Scenarios))
	for i, s := range d.plan.Scenarios {
		names[i] = s.Name
	}
	return takenIn(names)(name)
}

// wrap adds context to a non-nil error.
func wrap(context string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s: %w", context, err)
}

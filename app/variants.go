package app

import (
	"errors"
	"fmt"

	"scaleplan/scenario"
)

// Labels of the variant edits, as UndoLabel and RedoLabel report them.
const (
	LabelNewVariant  = "New Variant"
	LabelResetToBase = "Reset to base"
	LabelDetach      = "Detach Variant"
)

// ErrHasVariants is returned by DeleteScenario for a scenario that other
// scenarios are based on: the caller asks whether to detach them
// (DeleteScenarioDetaching) or cancel.
var ErrHasVariants = errors.New("other scenarios are variants of it")

// NewVariant inserts a variant of scenario i after the last of its family
// (its variants and theirs), called "<name> variant" (or "… variant N"),
// that inherits every input and overrides none yet. It returns the new
// scenario's index.
func (d *Document) NewVariant(i int) (int, error) {
	if err := d.checkIndex(i); err != nil {
		return -1, wrap("new variant", err)
	}
	base := d.plan.Scenarios[i]
	name := base.Name + " variant"
	if d.nameTaken(name) {
		name = freeName(name, 2, d.nameTaken)
	}
	at := lastOfFamily(d.plan, i) + 1
	err := d.edit(LabelNewVariant, "", func(p *scenario.Plan) error {
		v, err := scenario.NewVariant(p, base.ID, name)
		if err != nil {
			return err
		}
		p.Scenarios = insertAt(p.Scenarios, at, v)
		return nil
	})
	if err != nil {
		return -1, wrap("new variant", err)
	}
	return at, nil
}

// lastOfFamily is the highest index among scenario i and the scenarios
// based on it, directly or not.
func lastOfFamily(p *scenario.Plan, i int) int {
	last := i
	seen := map[int]bool{i: true}
	queue := []int{i}
	for len(queue) > 0 {
		j := queue[0]
		queue = queue[1:]
		for _, v := range p.Variants(p.Scenarios[j].ID) {
			if !seen[v] {
				seen[v] = true
				last = max(last, v)
				queue = append(queue, v)
			}
		}
	}
	return last
}

// ResetToBase removes variant i's override of the input at path (or of the
// list holding it), so that input follows the base again.
func (d *Document) ResetToBase(i int, path string) error {
	if err := d.checkIndex(i); err != nil {
		return wrap("reset to base", err)
	}
	err := d.EditScenario(i, LabelResetToBase+" ("+path+")", func(s *scenario.Scenario) error {
		k, ok := scenario.OverrideOf(s, path)
		if !ok {
			return fmt.Errorf("%s does not override %s", s.Name, path)
		}
		scenario.ResetOverride(s, k)
		return nil
	})
	return wrap("reset to base", err)
}

// DetachVariant makes variant i a scenario of its own with its current
// inputs written in full.
func (d *Document) DetachVariant(i int) error {
	if err := d.checkIndex(i); err != nil {
		return wrap("detach variant", err)
	}
	return wrap("detach variant", d.EditScenario(i, LabelDetach, func(s *scenario.Scenario) error {
		scenario.Detach(s)
		return nil
	}))
}

// DeleteScenarioDetaching deletes scenario i after detaching its variants
// (each keeps its current inputs in full), as one undoable step.
func (d *Document) DeleteScenarioDetaching(i int) error {
	if err := d.checkDelete(i); err != nil {
		return wrap("delete scenario", err)
	}
	id := d.plan.Scenarios[i].ID
	err := d.edit(LabelDeleteScenario, "", func(p *scenario.Plan) error {
		for _, v := range p.Variants(id) {
			scenario.Detach(&p.Scenarios[v])
		}
		p.Scenarios = append(p.Scenarios[:i], p.Scenarios[i+1:]...)
		return nil
	})
	return wrap("delete scenario", err)
}

// checkDelete refuses a bad index and the last scenario.
func (d *Document) checkDelete(i int) error {
	if err := d.checkIndex(i); err != nil {
		return err
	}
	if len(d.plan.Scenarios) == 1 {
		return ErrLastScenario
	}
	return nil
}

// FamilyRow is one row of the scenario list: a scenario (its index in the
// plan) and its depth in its family tree (0 for a scenario of its own).
type FamilyRow struct{ Index, Depth int }

// FamilyRows orders the plan's scenarios as a tree: each scenario of its
// own in plan order, followed by its variants (and theirs) in plan order.
// A scenario whose base is missing or lies in a cycle is listed at depth 0.
func FamilyRows(p *scenario.Plan) []FamilyRow {
	rows := make([]FamilyRow, 0, len(p.Scenarios))
	seen := make([]bool, len(p.Scenarios))
	var visit func(i, depth int)
	visit = func(i, depth int) {
		if seen[i] {
			return
		}
		seen[i] = true
		rows = append(rows, FamilyRow{i, depth})
		for _, j := range p.Variants(p.Scenarios[i].ID) {
			visit(j, depth+1)
		}
	}
	for i, s := range p.Scenarios {
		if s.BasedOn == "" || p.ScenarioByID(s.BasedOn) == nil {
			visit(i, 0)
		}
	}
	for i := range p.Scenarios {
		visit(i, 0) // what a cycle left out
	}
	return rows
}

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

// NewVariant inserts a variant of scenario i right after it, called
// "<name> variant" (or "… variant N"), that inherits every input and
// overrides none yet.
func (d *Document) NewVariant(i int) error {
	if err := d.checkIndex(i); err != nil {
		return wrap("new variant", err)
	}
	base := d.plan.Scenarios[i]
	name := base.Name + " variant"
	if d.nameTaken(name) {
		name = freeName(name, 2, d.nameTaken)
	}
	err := d.edit(LabelNewVariant, "", func(p *scenario.Plan) error {
		v, err := scenario.NewVariant(p, base.ID, name)
		if err != nil {
			return err
		}
		p.Scenarios = insertAt(p.Scenarios, i+1, v)
		return nil
	})
	return wrap("new variant", err)
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

package app

import (
	"fmt"
	"strings"

	"scaleplan/scenario"
	"scaleplan/scenario/experiment"
)

// Labels of the experiment edits, as UndoLabel and RedoLabel report them.
const (
	LabelAddExperiment    = "Add Experiment"
	LabelEditExperiment   = "Edit Experiment"
	LabelDeleteExperiment = "Delete Experiment"
	LabelApplyExperiment  = "Apply Experiment"
)

// AddExperiment appends a planned experiment with the default design
// (experiment.New) as one undoable step and returns its id. An empty name
// picks a free one ("Experiment 1", …); a taken name is a validation error.
func (d *Document) AddExperiment(name string) (string, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		name = d.freeExperimentName()
	}
	e := experiment.New(scenario.NewID(), name)
	err := d.edit(LabelAddExperiment, "", func(p *scenario.Plan) error {
		p.Experiments = append(p.Experiments, e)
		return nil
	})
	if err != nil {
		return "", wrap("add experiment", err)
	}
	return e.ID, nil
}

// EditExperiment changes the experiment with id through fn. Consecutive
// edits with the same field name within MergeWindow are one undo step (as
// typing into one field is); an edit that leaves the plan invalid is
// refused with the located error and nothing changes.
func (d *Document) EditExperiment(id, field string, fn func(e *experiment.Experiment)) error {
	if d.plan.ExperimentIndex(id) < 0 {
		return wrap("edit experiment", fmt.Errorf("no experiment %q", id))
	}
	key := "experiment/" + strings.ToLower(id) + "/" + field
	err := d.edit(LabelEditExperiment, key, func(p *scenario.Plan) error {
		fn(&p.Experiments[p.ExperimentIndex(id)])
		return nil
	})
	return wrap("edit experiment", err)
}

// DeleteExperiment removes the experiment with id as one undoable step.
func (d *Document) DeleteExperiment(id string) error {
	if d.plan.ExperimentIndex(id) < 0 {
		return wrap("delete experiment", fmt.Errorf("no experiment %q", id))
	}
	err := d.edit(LabelDeleteExperiment, "", func(p *scenario.Plan) error {
		i := p.ExperimentIndex(id)
		p.Experiments = append(p.Experiments[:i:i], p.Experiments[i+1:]...)
		return nil
	})
	return wrap("delete experiment", err)
}

// ApplyExperiment applies the experiment's significant win to its target
// (scenario.ApplyExperiment): the new scenario goes right after the one it
// is based on, as one undoable step. It returns the win, with the
// difference it makes at the horizon.
func (d *Document) ApplyExperiment(id string) (*scenario.Win, error) {
	i := d.plan.ExperimentIndex(id)
	if i < 0 {
		return nil, wrap("apply experiment", fmt.Errorf("no experiment %q", id))
	}
	w, err := scenario.ApplyExperiment(d.plan, d.plan.Experiments[i])
	if err != nil {
		return nil, wrap("apply experiment", err)
	}
	at := d.ScenarioIndex(w.Base) + 1
	err = d.edit(LabelApplyExperiment, "", func(p *scenario.Plan) error {
		p.Scenarios = insertAt(p.Scenarios, at, w.Scenario)
		return nil
	})
	if err != nil {
		return nil, wrap("apply experiment", err)
	}
	return w, nil
}

// freeExperimentName returns "Experiment N" for the first N ≥ 1 no
// experiment uses.
func (d *Document) freeExperimentName() string {
	taken := map[string]bool{}
	for _, e := range d.plan.Experiments {
		taken[strings.ToLower(strings.TrimSpace(e.Name))] = true
	}
	for n := 1; ; n++ {
		if name := fmt.Sprintf("Experiment %d", n); !taken[strings.ToLower(name)] {
			return name
		}
	}
}

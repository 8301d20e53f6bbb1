package app

import (
	"strings"
	"testing"
	"time"

	"scaleplan/scenario/experiment"
)

// emptyBacklogDoc is sampleDoc without the sample's experiments.
func emptyBacklogDoc(t *testing.T) (*Document, *fakeClock) {
	t.Helper()
	p := samplePlan(t)
	p.Experiments = nil
	c := newClock()
	return withClock(NewDocument(p, ""), c), c
}

func TestExperimentEdits(t *testing.T) {
	d, clock := emptyBacklogDoc(t)
	id, err := d.AddExperiment("")
	if err != nil || len(d.Plan().Experiments) != 1 || d.Plan().Experiments[0].Name != "Experiment 1" || d.UndoLabel() != LabelAddExperiment {
		t.Fatalf("add: %v, %+v, %q", err, d.Plan().Experiments, d.UndoLabel())
	}
	if _, err := d.AddExperiment(" experiment 1 "); err == nil || !strings.Contains(err.Error(), "experiments[1].name: another experiment is already called") {
		t.Errorf("a taken name: %v", err)
	}
	id2, _ := d.AddExperiment("")
	if d.Plan().Experiments[1].Name != "Experiment 2" {
		t.Errorf("second name %q", d.Plan().Experiments[1].Name)
	}
	// Typing into one field is one undo step.
	for _, v := range []float64{0.2, 0.25} {
		if err := d.EditExperiment(id, "baselineRate", func(e *experiment.Experiment) { e.BaselineRate = v }); err != nil {
			t.Fatal(err)
		}
		clock.add(100 * time.Millisecond)
	}
	if d.Plan().Experiments[0].BaselineRate != 0.25 {
		t.Fatalf("baseline %v", d.Plan().Experiments[0].BaselineRate)
	}
	d.Undo()
	if d.Plan().Experiments[0].BaselineRate != 0.1 {
		t.Errorf("one undo left baseline %v, want the default 0.1", d.Plan().Experiments[0].BaselineRate)
	}
	// An invalid edit is refused, located, and changes nothing.
	err = d.EditExperiment(id, "result", func(e *experiment.Experiment) {
		e.Result = &experiment.Observed{ControlVisitors: 10, ControlConversions: 11, VariantVisitors: 10, VariantConversions: 1}
	})
	if err == nil || !strings.Contains(err.Error(), "experiments[0].result.controlConversions: must not be above the 10 visitors") || d.Plan().Experiments[0].Result != nil {
		t.Errorf("invalid result: %v", err)
	}
	if err := d.DeleteExperiment(id2); err != nil || len(d.Plan().Experiments) != 1 {
		t.Errorf("delete: %v", err)
	}
	if err := d.DeleteExperiment("nope"); err == nil || !strings.Contains(err.Error(), `no experiment "nope"`) {
		t.Errorf("delete unknown: %v", err)
	}
	if err := d.EditExperiment("nope", "name", func(*experiment.Experiment) {}); err == nil {
		t.Error("edit of an unknown experiment")
	}
}

// Applying a significant win inserts "Base + Invite copy" after Base, as
// one undo step; a result that is not significant changes nothing.
func TestApplyExperimentEdit(t *testing.T) {
	d, _ := emptyBacklogDoc(t)
	id, _ := d.AddExperiment("Invite copy")
	base := d.Plan().Scenarios[0]
	set := func(o experiment.Observed) {
		t.Helper()
		if err := d.EditExperiment(id, "result", func(e *experiment.Experiment) {
			e.Status, e.Result = experiment.StatusDone, &o
			e.AppliesTo = &experiment.Target{ScenarioID: base.ID, Input: "viral.inviteConversion"}
		}); err != nil {
			t.Fatal(err)
		}
	}
	set(experiment.Observed{ControlVisitors: 2000, ControlConversions: 200, VariantVisitors: 2000, VariantConversions: 215})
	if _, err := d.ApplyExperiment(id); err == nil || !strings.Contains(err.Error(), "not significant") || names(d) != "Base,Aggressive,Conservative" {
		t.Fatalf("not significant: %v, %s", err, names(d))
	}
	set(experiment.Observed{ControlVisitors: 10000, ControlConversions: 1000, VariantVisitors: 10000, VariantConversions: 1120})
	w, err := d.ApplyExperiment(id)
	if err != nil {
		t.Fatal(err)
	}
	if names(d) != "Base,Base + Invite copy,Aggressive,Conservative" || d.UndoLabel() != LabelApplyExperiment {
		t.Fatalf("scenarios %s, %q", names(d), d.UndoLabel())
	}
	got := d.Plan().Scenarios[1].Viral.InviteConversion
	if want := base.Viral.InviteConversion * 1.12; got < want-1e-12 || got > want+1e-12 || w.After != got {
		t.Errorf("invite conversion %v, want %v", got, want)
	}
	d.Undo()
	if names(d) != "Base,Aggressive,Conservative" {
		t.Errorf("undo left %s", names(d))
	}
}

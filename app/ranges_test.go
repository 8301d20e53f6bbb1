package app

import (
	"errors"
	"testing"

	"scaleplan/scenario"
)

const conv = "viral.inviteConversion"

// TestSetRangeIsAnUndoableEdit: setting and clearing a range are undo
// steps with their own labels, and the plan holds exactly what was set.
func TestSetRangeIsAnUndoableEdit(t *testing.T) {
	d, _ := sampleDoc(t)
	clearAllRanges(t, d)
	want := scenario.Range{Low: 0.12, High: 0.28, Dist: scenario.DistTriangular}
	if err := d.SetRange(0, conv, want); err != nil {
		t.Fatal(err)
	}
	if got := d.Plan().Scenarios[0].Ranges[conv]; got != want {
		t.Fatalf("range %+v, want %+v", got, want)
	}
	if l := d.UndoLabel(); l != LabelSetRange+" ("+conv+")" {
		t.Errorf("undo label %q", l)
	}
	if !d.Dirty() {
		t.Error("a range set should make the plan dirty")
	}
	if err := d.ClearRange(0, conv); err != nil {
		t.Fatal(err)
	}
	if _, ok := d.Plan().Scenarios[0].Ranges[conv]; ok {
		t.Fatal("the range is still there after Clear")
	}
	d.Undo() // the clear
	if got := d.Plan().Scenarios[0].Ranges[conv]; got != want {
		t.Errorf("undoing Clear gave %+v, want %+v back", got, want)
	}
	d.Undo() // the set
	if len(d.Plan().Scenarios[0].Ranges) != 0 || d.Dirty() {
		t.Errorf("after undoing both the scenario has ranges %v, dirty %v", d.Plan().Scenarios[0].Ranges, d.Dirty())
	}
	gen := d.Generation()
	if err := d.ClearRange(0, conv); err != nil || d.Generation() != gen {
		t.Errorf("clearing no range: err %v, generation %d → %d (want no step)", err, gen, d.Generation())
	}
	if err := d.SetRange(7, conv, want); err == nil {
		t.Error("a range on scenario 7 of a plan of fewer should be refused")
	}
}

// TestCheckRangeChangesNothing: CheckRange answers like SetRange would and
// leaves the plan alone.
func TestCheckRangeChangesNothing(t *testing.T) {
	d, _ := sampleDoc(t)
	gen := d.Generation()
	if err := d.CheckRange(0, conv, scenario.Range{Low: 0.1, High: 0.3}); err != nil {
		t.Errorf("a good range: %v", err)
	}
	if d.Generation() != gen || d.CanUndo() {
		t.Error("CheckRange changed the document")
	}
}

// TestVariantRanges: a variant's range the base also has is inherited, not
// its own, and cannot be cleared there; one it sets is its own.
func TestVariantRanges(t *testing.T) {
	d, _ := sampleDoc(t)
	clearAllRanges(t, d)
	base := scenario.Range{Low: 0.1, High: 0.3}
	if err := d.SetRange(0, conv, base); err != nil {
		t.Fatal(err)
	}
	if _, err := d.NewVariant(0); err != nil {
		t.Fatal(err)
	}
	if r, ok, own := RangeOf(d.Plan(), 1, conv); !ok || own || r != base {
		t.Fatalf("variant's range %+v (has %v, own %v): want the base's, inherited", r, ok, own)
	}
	if err := d.ClearRange(1, conv); !errors.Is(err, ErrInheritedRange) {
		t.Errorf("clearing an inherited range: %v, want ErrInheritedRange", err)
	}
	// the variant's own range, even one equal to its base's, is its own;
	// clearing it gives it the base's again
	if err := d.SetRange(1, conv, scenario.Range{Low: 0.15, High: 0.25}); err != nil {
		t.Fatal(err)
	}
	if r, ok, own := RangeOf(d.Plan(), 1, conv); !ok || !own || r.High != 0.25 {
		t.Errorf("after setting its own: %+v (has %v, own %v)", r, ok, own)
	}
	if err := d.ClearRange(1, conv); err != nil {
		t.Fatal(err)
	}
	if r, ok, own := RangeOf(d.Plan(), 1, conv); !ok || own || r != base {
		t.Errorf("after clearing its own: %+v (has %v, own %v), want the base's again", r, ok, own)
	}
	if _, ok, own := RangeOf(d.Plan(), 0, conv); !ok || !own {
		t.Error("the base's range should be its own")
	}
	if _, ok, _ := RangeOf(d.Plan(), 0, "viral.invitesPerUser"); ok {
		t.Error("an input without a range reports one")
	}
}

// TestSetSimulation: runs and seed are one undoable edit; the default
// setting leaves the plan without one; runs outside 1..MaxRuns are refused
// with the setting's path.
func TestSetSimulation(t *testing.T) {
	d, _ := sampleDoc(t)
	d.plan.Simulation = nil
	if err := d.SetSimulation(scenario.Simulation{Runs: 500, Seed: 42}); err != nil {
		t.Fatal(err)
	}
	if s := d.Plan().Simulation; s == nil || *s != (scenario.Simulation{Runs: 500, Seed: 42}) {
		t.Fatalf("simulation %+v, want 500 runs, seed 42", s)
	}
	if d.UndoLabel() != LabelSimulation {
		t.Errorf("undo label %q", d.UndoLabel())
	}
	if err := d.SetSimulation(scenario.Simulation{Runs: scenario.DefaultRuns, Seed: scenario.DefaultSeed}); err != nil || d.Plan().Simulation != nil {
		t.Errorf("the default setting: err %v, stored %+v (want none)", err, d.Plan().Simulation)
	}
	for _, runs := range []int{0, -5, scenario.MaxRuns + 1} {
		err := d.SetSimulation(scenario.Simulation{Runs: runs, Seed: 1})
		var es scenario.Errors
		if !errors.As(err, &es) || len(es) == 0 || es[0].Path != "simulation.runs" {
			t.Errorf("runs %d: %v, want an error located at simulation.runs", runs, err)
		}
	}
}

// clearAllRanges makes d's plan one without ranges, as its starting state.
func clearAllRanges(t *testing.T, d *Document) {
	t.Helper()
	for i := range d.plan.Scenarios {
		d.plan.Scenarios[i].Ranges = nil
	}
}

// TestTypedValueWidensItsRange: typing 60% into a conversion ranged
// 10–50% is accepted and moves high to 60% in the same undo step; a value
// inside the range leaves it alone.
func TestTypedValueWidensItsRange(t *testing.T) {
	p := scenario.NewPlan("t")
	p.Scenarios[0].Viral.InvitesPerUser = 1 // K stays below 1 at every conversion
	d := NewDocument(p, "")
	const path = "viral.inviteConversion"
	if err := d.SetRange(0, path, scenario.Range{Low: 0.1, High: 0.5}); err != nil {
		t.Fatal(err)
	}
	set := func(v float64) {
		t.Helper()
		if err := d.EditScenario(0, "Edit", func(s *scenario.Scenario) error { s.Viral.InviteConversion = v; return nil }); err != nil {
			t.Fatalf("set %g: %v", v, err)
		}
	}
	set(0.3)
	if got := d.Plan().Scenarios[0].Ranges[path]; got != (scenario.Range{Low: 0.1, High: 0.5}) {
		t.Fatalf("a value inside changed the range to %+v", got)
	}
	set(0.6)
	if got := d.Plan().Scenarios[0].Ranges[path]; got != (scenario.Range{Low: 0.1, High: 0.6}) {
		t.Fatalf("range after typing 60%%: %+v, want 10–60%%", got)
	}
	set(0.05)
	if got := d.Plan().Scenarios[0].Ranges[path]; got != (scenario.Range{Low: 0.05, High: 0.6}) {
		t.Fatalf("range after typing 5%%: %+v, want 5–60%%", got)
	}
	d.Undo()
	if got := d.Plan().Scenarios[0].Ranges[path]; got != (scenario.Range{Low: 0.1, High: 0.6}) || d.Plan().Scenarios[0].Viral.InviteConversion != 0.6 {
		t.Fatalf("undo left %+v at %g", got, d.Plan().Scenarios[0].Viral.InviteConversion)
	}
}

package app

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"scaleplan/scenario"
)

func names(d *Document) string {
	var ns []string
	for _, s := range d.Plan().Scenarios {
		ns = append(ns, s.Name)
	}
	return strings.Join(ns, ",")
}

func TestScenarioOps(t *testing.T) {
	const start = "Base,Aggressive,Conservative"
	for _, tc := range []struct {
		name  string
		op    func(d *Document) error
		want  string // names afterwards
		label string
		err   string // "" = success; else part of the error, and nothing changes
	}{
		{"add", func(d *Document) error { return d.AddScenario("Stretch") }, start + ",Stretch", LabelAddScenario, ""},
		{"add without a name", func(d *Document) error { return d.AddScenario(" ") }, start + ",Scenario 4", LabelAddScenario, ""},
		{"add a taken name", func(d *Document) error { return d.AddScenario("base") }, start, "", "another scenario is already called"},
		{"duplicate", func(d *Document) error { return d.DuplicateScenario(0) }, "Base,Base copy,Aggressive,Conservative", LabelDuplicateScenario, ""},
		{"duplicate twice", func(d *Document) error {
			if err := d.DuplicateScenario(0); err != nil {
				return err
			}
			return d.DuplicateScenario(0)
		}, "Base,Base copy 2,Base copy,Aggressive,Conservative", LabelDuplicateScenario, ""},
		{"duplicate out of range", func(d *Document) error { return d.DuplicateScenario(3) }, start, "", "no scenario 3"},
		{"rename", func(d *Document) error { return d.RenameScenario(1, "  Bold ") }, "Base,Bold,Conservative", LabelRenameScenario, ""},
		{"rename to empty", func(d *Document) error { return d.RenameScenario(1, " ") }, start, "", "scenarios[1].name: must not be empty"},
		{"rename to a taken name", func(d *Document) error { return d.RenameScenario(2, "BASE") }, start, "", "scenarios[2].name"},
		{"delete", func(d *Document) error { return d.DeleteScenario(1) }, "Base,Conservative", LabelDeleteScenario, ""},
		{"delete out of range", func(d *Document) error { return d.DeleteScenario(-1) }, start, "", "no scenario -1"},
		{"move down", func(d *Document) error { return d.MoveScenario(0, 2) }, "Aggressive,Conservative,Base", LabelMoveScenario, ""},
		{"move up", func(d *Document) error { return d.MoveScenario(2, 0) }, "Conservative,Base,Aggressive", LabelMoveScenario, ""},
		{"move out of range", func(d *Document) error { return d.MoveScenario(0, 3) }, start, "", "no scenario 3"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, _ := sampleDoc(t)
			if names(d) != start {
				t.Fatalf("sample plan scenarios %q, want %q", names(d), start)
			}
			err := tc.op(d)
			if got := names(d); got != tc.want {
				t.Errorf("scenarios %q, want %q", got, tc.want)
			}
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Errorf("error %v, want one mentioning %q", err, tc.err)
				}
				if d.Dirty() || d.CanUndo() {
					t.Error("a refused operation changed the document")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !d.Dirty() || d.UndoLabel() != tc.label {
				t.Errorf("dirty=%v undo label %q, want %q", d.Dirty(), d.UndoLabel(), tc.label)
			}
			after := d.Snapshot()
			for d.CanUndo() {
				d.Undo()
			}
			if names(d) != start || d.Dirty() {
				t.Errorf("undo: scenarios %q dirty=%v", names(d), d.Dirty())
			}
			for d.CanRedo() {
				d.Redo()
			}
			if !reflect.DeepEqual(d.Plan(), after) {
				t.Error("redo did not restore the result")
			}
		})
	}
}

func TestDeleteLastScenarioRefused(t *testing.T) {
	d := NewDocument(scenario.NewPlan("Empty"), "")
	if err := d.DeleteScenario(0); !errors.Is(err, ErrLastScenario) {
		t.Errorf("error %v, want ErrLastScenario", err)
	}
	if len(d.Plan().Scenarios) != 1 || d.Dirty() {
		t.Error("the last scenario was touched")
	}
}

func TestDuplicateGetsNewIDs(t *testing.T) {
	d, _ := sampleDoc(t)
	if err := d.DuplicateScenario(0); err != nil {
		t.Fatal(err)
	}
	a, b := d.Plan().Scenarios[0], d.Plan().Scenarios[1]
	if a.ID == b.ID || b.Name != "Base copy" {
		t.Errorf("copy: id %s name %q", b.ID, b.Name)
	}
	if a.Viral != b.Viral || !reflect.DeepEqual(a.Sales, b.Sales) {
		t.Error("the copy's inputs differ from the original's")
	}
}

func TestScenarioOpsDoNotMerge(t *testing.T) {
	d, _ := sampleDoc(t)
	d.MoveScenario(0, 1)
	d.MoveScenario(1, 2)
	d.Undo()
	if names(d) != "Aggressive,Base,Conservative" {
		t.Errorf("one undo after two moves: %q", names(d))
	}
}

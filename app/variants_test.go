package app

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"scaleplan/scenario"
)

// setInput edits one input of scenario i as the editor does.
func setInput(t *testing.T, d *Document, i int, path string, v float64) {
	t.Helper()
	err := d.EditScenario(i, "Edit "+path, func(s *scenario.Scenario) error { return scenario.SetInput(s, path, v) })
	if err != nil {
		t.Fatal(err)
	}
}

func input(t *testing.T, d *Document, i int, path string) float64 {
	t.Helper()
	v, err := scenario.InputValue(&d.Plan().Scenarios[i], path)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestVariantEditsAndUndo: a variant's edit becomes an override, a base
// edit flows into the variant where it does not override, Reset to base
// restores inheritance, and undo walks back through all of it.
func TestVariantEditsAndUndo(t *testing.T) {
	d, _ := sampleDoc(t)
	if _, err := d.NewVariant(0); err != nil {
		t.Fatal(err)
	}
	v := &d.Plan().Scenarios[1]
	if v.Name != "Base variant" || v.BasedOn != d.Plan().Scenarios[0].ID || d.UndoLabel() != LabelNewVariant {
		t.Fatalf("new variant %q based on %q, undo %q", v.Name, v.BasedOn, d.UndoLabel())
	}
	const conv, invites = "viral.inviteConversion", "viral.invitesPerUser"
	base := input(t, d, 0, conv)
	setInput(t, d, 1, conv, 0.31)
	setInput(t, d, 0, conv, 0.27)   // overridden in the variant: stays 0.31
	setInput(t, d, 0, invites, 6.5) // not overridden: flows
	if got, inv := input(t, d, 1, conv), input(t, d, 1, invites); got != 0.31 || inv != 6.5 {
		t.Errorf("variant conversion %v, invites %v; want 0.31 and 6.5", got, inv)
	}
	if err := d.ResetToBase(1, conv); err != nil {
		t.Fatal(err)
	}
	if got := input(t, d, 1, conv); got != 0.27 {
		t.Errorf("after reset the variant's conversion is %v, want the base's 0.27", got)
	}
	if err := d.ResetToBase(1, conv); err == nil {
		t.Error("a second reset of the same input should say there is no override")
	}
	// undo: reset, base invites, base conversion, variant conversion
	d.Undo()
	if got := input(t, d, 1, conv); got != 0.31 {
		t.Errorf("undo reset: %v, want 0.31", got)
	}
	d.Undo()
	if got := input(t, d, 1, invites); got != input(t, d, 0, invites) || got == 6.5 {
		t.Errorf("undo base invites: variant %v, base %v", got, input(t, d, 0, invites))
	}
	d.Undo()
	d.Undo()
	if got := input(t, d, 1, conv); got != base || len(d.Plan().Scenarios[1].Overrides) != 0 {
		t.Errorf("undo variant edit: %v with overrides %v, want %v and none", got, d.Plan().Scenarios[1].Overrides, base)
	}
}

// TestDeleteBaseAsks: deleting a base is refused with ErrHasVariants;
// deleting it detaching keeps the variant's current inputs, in one undo.
func TestDeleteBaseAsks(t *testing.T) {
	d, _ := sampleDoc(t)
	if _, err := d.NewVariant(0); err != nil {
		t.Fatal(err)
	}
	setInput(t, d, 1, "viral.inviteConversion", 0.33)
	want := d.Plan().Scenarios[1].Viral
	err := d.DeleteScenario(0)
	if !errors.Is(err, ErrHasVariants) || names(d) != "Base,Base variant,Aggressive,Conservative" {
		t.Fatalf("delete base: %v, scenarios %s", err, names(d))
	}
	if err := d.DeleteScenarioDetaching(0); err != nil {
		t.Fatal(err)
	}
	s := d.Plan().Scenarios[0]
	if s.Name != "Base variant" || s.IsVariant() || s.Viral != want {
		t.Errorf("after delete: %s variant=%v viral %+v, want %+v", s.Name, s.IsVariant(), s.Viral, want)
	}
	d.Undo()
	if names(d) != "Base,Base variant,Aggressive,Conservative" || !d.Plan().Scenarios[1].IsVariant() {
		t.Errorf("undo delete: %s", names(d))
	}
	if !strings.Contains(d.RedoLabel(), LabelDeleteScenario) {
		t.Errorf("redo %q", d.RedoLabel())
	}
}

// TestFamilyRows: variants follow their bases, however the plan orders
// them; a variant of a variant is one deeper.
func TestFamilyRows(t *testing.T) {
	d, _ := sampleDoc(t)
	if _, err := d.NewVariant(0); err != nil { // Base variant at 1
		t.Fatal(err)
	}
	if _, err := d.NewVariant(1); err != nil { // Base variant variant at 2
		t.Fatal(err)
	}
	if err := d.MoveScenario(0, 4); err != nil { // Base last
		t.Fatal(err)
	}
	if _, err := d.NewVariant(2); err != nil { // Aggressive variant at 3
		t.Fatal(err)
	}
	p := d.Plan()
	var got []string
	for _, r := range FamilyRows(p) {
		got = append(got, fmt.Sprintf("%d:%s", r.Depth, p.Scenarios[r.Index].Name))
	}
	want := "0:Aggressive,1:Aggressive variant,0:Conservative,0:Base,1:Base variant,2:Base variant variant"
	if strings.Join(got, ",") != want {
		t.Errorf("rows %s\nwant %s", strings.Join(got, ","), want)
	}
}

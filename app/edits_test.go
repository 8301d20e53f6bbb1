package app

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"scaleplan/scenario"
)

// TestModuleListEdits adds and removes the rows of the module lists of the
// sample plan's Base scenario (4 stages up to Scale Sales Machine at $10M
// with 16 AEs, 8 SDRs, 1 VP, 3 managers; models Self-fulfillment, 3PL, Own
// warehouse with thresholds 100 and 1,000; five factors; six markets). Each
// edit is one undo step under its label; undo gives back the plan before
// it and redo the plan after it.
func TestModuleListEdits(t *testing.T) {
	for _, tc := range []struct {
		name  string
		setup func(d *Document) error // nil: none
		op    func(d *Document) error
		label string
		check func(t *testing.T, s *scenario.Scenario)
	}{
		{"add stage", nil, func(d *Document) error { return d.AddStage(0) }, LabelAddStage, func(t *testing.T, s *scenario.Scenario) {
			st := s.Sales.Stages
			want := scenario.Stage{Name: "Stage 5", MinARR: 20e6, AEs: 16, SDRs: 8, VP: 1, Managers: 3}
			if len(st) != 5 || st[4] != want {
				t.Errorf("stages %+v, want a 5th %+v", st, want)
			}
		}},
		{"add stage, name taken", func(d *Document) error {
			return d.EditScenario(0, "rename", func(s *scenario.Scenario) error { s.Sales.Stages[3].Name = " stage 5"; return nil })
		}, func(d *Document) error { return d.AddStage(0) }, LabelAddStage, func(t *testing.T, s *scenario.Scenario) {
			if got := s.Sales.Stages[4].Name; got != "Stage 6" {
				t.Errorf("new stage %q, want Stage 6", got)
			}
		}},
		{"remove stage", nil, func(d *Document) error { return d.RemoveStage(0, 1) }, LabelRemoveStage, func(t *testing.T, s *scenario.Scenario) {
			if got := stageNames(s); got != "Founder Sales,Build Sales Machine,Scale Sales Machine" {
				t.Errorf("stages %s", got)
			}
		}},
		{"add model", nil, func(d *Document) error { return d.AddFulfillmentModel(0) }, LabelAddModel, func(t *testing.T, s *scenario.Scenario) {
			ms := s.Fulfillment.Models
			want := scenario.FulfillmentModel{Name: "Model 4", FixedMonthly: 1000, PerOrder: 3}
			if len(ms) != 4 || ms[3] != want {
				t.Errorf("models %+v, want a 4th %+v", ms, want)
			}
		}},
		{"remove the last model drops a threshold", nil, func(d *Document) error { return d.RemoveFulfillmentModel(0, 2) }, LabelRemoveModel, func(t *testing.T, s *scenario.Scenario) {
			if got := modelNames(s); got != "Self-fulfillment,3PL" || !reflect.DeepEqual(s.Fulfillment.RuleOfThumb, []float64{100}) {
				t.Errorf("models %s, thresholds %v; want Self-fulfillment,3PL and [100]", got, s.Fulfillment.RuleOfThumb)
			}
		}},
		{"remove the first model", nil, func(d *Document) error { return d.RemoveFulfillmentModel(0, 0) }, LabelRemoveModel, func(t *testing.T, s *scenario.Scenario) {
			if got := modelNames(s); got != "3PL,Own warehouse" || !reflect.DeepEqual(s.Fulfillment.RuleOfThumb, []float64{100}) {
				t.Errorf("models %s, thresholds %v; want 3PL,Own warehouse and [100]", got, s.Fulfillment.RuleOfThumb)
			}
		}},
		{"add threshold", func(d *Document) error { return d.AddFulfillmentModel(0) },
			func(d *Document) error { return d.AddThreshold(0) }, LabelAddThreshold, func(t *testing.T, s *scenario.Scenario) {
				if want := []float64{100, 1000, 10000}; !reflect.DeepEqual(s.Fulfillment.RuleOfThumb, want) {
					t.Errorf("thresholds %v, want %v", s.Fulfillment.RuleOfThumb, want)
				}
			}},
		{"remove threshold", nil, func(d *Document) error { return d.RemoveThreshold(0) }, LabelRemoveThreshold, func(t *testing.T, s *scenario.Scenario) {
			if want := []float64{100}; !reflect.DeepEqual(s.Fulfillment.RuleOfThumb, want) {
				t.Errorf("thresholds %v, want %v", s.Fulfillment.RuleOfThumb, want)
			}
		}},
		{"add factor", nil, func(d *Document) error { return d.AddFactor(0) }, LabelAddFactor, func(t *testing.T, s *scenario.Scenario) {
			fs := s.Markets.Factors
			if len(fs) != 6 || fs[5].Name != "Factor 6" || fs[5].Weight != 1 || fs[5].ID == "" {
				t.Fatalf("factors %+v, want a 6th Factor 6 of weight 1", fs)
			}
			for _, m := range s.Markets.Markets {
				if m.Scores[fs[5].ID] != 3 || len(m.Scores) != 6 {
					t.Errorf("%s scores %v, want 3 for the new factor", m.Name, m.Scores)
				}
			}
		}},
		{"remove factor", nil, func(d *Document) error { return d.RemoveFactor(0, 1) }, LabelRemoveFactor, func(t *testing.T, s *scenario.Scenario) {
			for _, f := range s.Markets.Factors {
				if f.Name == "Competition Level" {
					t.Errorf("factor %q still there", f.Name)
				}
			}
			for _, m := range s.Markets.Markets {
				if len(m.Scores) != 4 {
					t.Errorf("%s has %d scores, want 4", m.Name, len(m.Scores))
				}
			}
		}},
		{"add market", nil, func(d *Document) error { return d.AddMarket(0) }, LabelAddMarket, func(t *testing.T, s *scenario.Scenario) {
			ms := s.Markets.Markets
			if len(ms) != 7 || ms[6].Name != "Market 7" || len(ms[6].Scores) != 5 {
				t.Fatalf("markets %+v, want a 7th Market 7 with 5 scores", ms)
			}
			for _, f := range s.Markets.Factors {
				if ms[6].Scores[f.ID] != 3 {
					t.Errorf("new market scores %v on %s, want 3", ms[6].Scores[f.ID], f.Name)
				}
			}
		}},
		{"add market, name taken", func(d *Document) error {
			return d.EditScenario(0, "rename", func(s *scenario.Scenario) error { s.Markets.Markets[0].Name = "MARKET 7"; return nil })
		}, func(d *Document) error { return d.AddMarket(0) }, LabelAddMarket, func(t *testing.T, s *scenario.Scenario) {
			if got := s.Markets.Markets[6].Name; got != "Market 8" {
				t.Errorf("new market %q, want Market 8", got)
			}
		}},
		{"remove market", nil, func(d *Document) error { return d.RemoveMarket(0, 5) }, LabelRemoveMarket, func(t *testing.T, s *scenario.Scenario) {
			ms := s.Markets.Markets
			if len(ms) != 5 || ms[4].Name != "Brazil" {
				t.Errorf("markets %+v, want 5 ending with Brazil", ms)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, _ := sampleDoc(t)
			if tc.setup != nil {
				if err := tc.setup(d); err != nil {
					t.Fatal(err)
				}
			}
			before := d.Snapshot()
			if err := tc.op(d); err != nil {
				t.Fatal(err)
			}
			after := d.Snapshot()
			tc.check(t, &after.Scenarios[0])
			if !reflect.DeepEqual(after.Scenarios[1:], before.Scenarios[1:]) {
				t.Error("the edit changed another scenario")
			}
			if d.UndoLabel() != tc.label {
				t.Errorf("undo label %q, want %q", d.UndoLabel(), tc.label)
			}
			if !d.Undo() || !reflect.DeepEqual(d.Plan(), before) {
				t.Error("undo did not give back the plan before the edit")
			}
			if !d.Redo() || !reflect.DeepEqual(d.Plan(), after) {
				t.Error("redo did not give back the plan after the edit")
			}
		})
	}
}

// TestModuleListEditsRefused: a row that is gone, a scenario that is not
// there, or a result that does not validate changes nothing and adds no
// undo step.
func TestModuleListEditsRefused(t *testing.T) {
	for _, tc := range []struct {
		name string
		op   func(d *Document) error
		gone bool   // ErrRowGone
		err  string // else part of the error
	}{
		{"stage past the end", func(d *Document) error { return d.RemoveStage(0, 4) }, true, ""},
		{"negative stage", func(d *Document) error { return d.RemoveStage(0, -1) }, true, ""},
		{"model past the end", func(d *Document) error { return d.RemoveFulfillmentModel(0, 3) }, true, ""},
		{"factor past the end", func(d *Document) error { return d.RemoveFactor(0, 5) }, true, ""},
		{"market past the end", func(d *Document) error { return d.RemoveMarket(0, 6) }, true, ""},
		{"no such scenario", func(d *Document) error { return d.AddStage(3) }, false, "no scenario 3 (the plan has 3)"},
		{"the first stage starts at 0", func(d *Document) error { return d.RemoveStage(0, 0) }, false, "scenarios[0].sales.stages[0].minARR: the first stage must start at 0"},
		{"a threshold per model switch at most", func(d *Document) error { return d.AddThreshold(0) }, false, "scenarios[0].fulfillment.ruleOfThumb: has 3 thresholds for 3 models; at most 2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, _ := sampleDoc(t)
			before := d.Snapshot()
			err := tc.op(d)
			if tc.gone != errors.Is(err, ErrRowGone) {
				t.Errorf("error %v; ErrRowGone wanted: %v", err, tc.gone)
			}
			if tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)) {
				t.Errorf("error %v, want one containing %q", err, tc.err)
			}
			if !reflect.DeepEqual(d.Plan(), before) || d.CanUndo() || d.Dirty() {
				t.Error("a refused edit changed the document")
			}
		})
	}
}

// TestRemoveThresholdOfNone: removing a threshold where there is none is
// no edit at all.
func TestRemoveThresholdOfNone(t *testing.T) {
	d, _ := sampleDoc(t)
	for range 2 {
		if err := d.RemoveThreshold(0); err != nil {
			t.Fatal(err)
		}
	}
	if err := d.RemoveThreshold(0); err != nil || len(d.Plan().Scenarios[0].Fulfillment.RuleOfThumb) != 0 {
		t.Fatalf("err %v, thresholds %v", err, d.Plan().Scenarios[0].Fulfillment.RuleOfThumb)
	}
	d.Undo()
	if got := d.Plan().Scenarios[0].Fulfillment.RuleOfThumb; !reflect.DeepEqual(got, []float64{100}) {
		t.Errorf("one undo gave %v, want [100]: removing nothing must not be an undo step", got)
	}
}

func TestFreeName(t *testing.T) {
	taken := takenIn([]string{"Stage 2", " stage 3 ", "STAGE 5"})
	for _, tc := range []struct {
		from int
		want string
	}{{1, "Stage 1"}, {2, "Stage 4"}, {5, "Stage 6"}} {
		if got := freeName("Stage", tc.from, taken); got != tc.want {
			t.Errorf("freeName from %d = %q, want %q", tc.from, got, tc.want)
		}
	}
}

func stageNames(s *scenario.Scenario) string {
	var ns []string
	for _, x := range s.Sales.Stages {
		ns = append(ns, x.Name)
	}
	return strings.Join(ns, ",")
}

func modelNames(s *scenario.Scenario) string {
	var ns []string
	for _, x := range s.Fulfillment.Models {
		ns = append(ns, x.Name)
	}
	return strings.Join(ns, ",")
}

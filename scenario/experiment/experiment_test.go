package experiment

import (
	"strings"
	"testing"
)

func TestNewIsValid(t *testing.T) {
	e := New("id", "Invite copy")
	if es := e.Validate(); es != nil {
		t.Fatalf("New is invalid: %v", es)
	}
	if e.Alpha != 0.05 || e.Power != 0.8 || e.VariantShare != 0.5 || e.Status != StatusPlanned || e.Hypothesis != HypothesisTemplate {
		t.Errorf("defaults: %+v", e)
	}
}

func TestExperimentValidate(t *testing.T) {
	cases := []struct {
		name string
		edit func(*Experiment)
		want string
	}{
		{"bad start", func(e *Experiment) { e.Start = "1/2/2026" }, `start: must be a date written YYYY-MM-DD, got "1/2/2026"`},
		{"end before start", func(e *Experiment) { e.Start, e.End = "2026-03-01", "2026-02-28" }, "end: must not be before the start 2026-03-01, got 2026-02-28"},
		{"status", func(e *Experiment) { e.Status = "paused" }, `status: must be "planned", "running" or "done", got "paused"`},
		{"result", func(e *Experiment) { e.Result = &Observed{10, 11, 10, 1} }, "result.controlConversions: must not be above the 10 visitors, got 11"},
		{"design", func(e *Experiment) { e.Alpha = 1.5 }, "alpha: must be above 0 and below 1, got 1.5"},
		{"target without input", func(e *Experiment) { e.AppliesTo = &Target{ScenarioID: "x"} }, "appliesTo.input: must name a scenario input"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := New("id", "Invite copy")
			c.edit(&e)
			es := e.Validate()
			if len(es) != 1 || !strings.HasPrefix(es[0].Error(), c.want) {
				t.Fatalf("got %v, want one error starting %q", es, c.want)
			}
		})
	}
	ok := New("id", "Invite copy")
	ok.Start, ok.End = "2026-03-01", "2026-03-01"
	if es := ok.Validate(); es != nil {
		t.Errorf("a one-day experiment is refused: %v", es)
	}
}

func TestCloneIsDeep(t *testing.T) {
	e := New("id", "x")
	e.Result, e.AppliesTo = &Observed{1, 1, 1, 1}, &Target{"s", "viral.inviteConversion"}
	c := e.Clone()
	c.Result.ControlVisitors, c.AppliesTo.Input = 9, "y"
	if e.Result.ControlVisitors != 1 || e.AppliesTo.Input != "viral.inviteConversion" {
		t.Error("Clone shares the result or target")
	}
}

package scenario

import (
	"strings"
	"testing"

	"scaleplan/scenario/experiment"
)

// withExperiments is the sample plan with two experiments: a done winner
// applied to Base's invite conversion and a planned one.
func withExperiments(t *testing.T) *Plan {
	p := samplePlan(t)
	won := experiment.New(NewID(), "Invite copy")
	won.Owner, won.Start, won.End, won.Metric = "Ana", "2026-01-05", "2026-01-26", "invite conversion"
	won.Status = experiment.StatusDone
	won.Result = &experiment.Observed{ControlVisitors: 10000, ControlConversions: 1000, VariantVisitors: 10000, VariantConversions: 1120}
	won.AppliesTo = &experiment.Target{ScenarioID: p.Scenarios[0].ID, Input: "viral.inviteConversion"}
	p.Experiments = []experiment.Experiment{won, experiment.New(NewID(), "Pricing page")}
	return p
}

func TestExperimentsRoundTrip(t *testing.T) {
	p := withExperiments(t)
	data, err := Encode(p)
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"experiments": [`, `"baselineRate": 0.1`, `"appliesTo": {`, `"scenarioId": "` + p.Scenarios[0].ID, `"controlConversions": 1000`, `"result": null`} {
		if !strings.Contains(string(data), key) {
			t.Errorf("encoded plan lacks %s", key)
		}
	}
	back, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Experiments) != 2 || back.Experiments[0].Result.VariantConversions != 1120 || back.Experiments[0].AppliesTo.Input != "viral.inviteConversion" || back.Experiments[1].Result != nil {
		t.Errorf("decoded %+v", back.Experiments)
	}
	// A plan without experiments writes no key: older files stay as they were.
	none := samplePlan(t)
	none.Experiments = nil
	plain, _ := Encode(none)
	if strings.Contains(string(plain), "experiments") {
		t.Error("a plan without experiments writes the key")
	}
}

func TestExperimentsValidateLocated(t *testing.T) {
	cases := []struct {
		name string
		edit func(p *Plan)
		want string
	}{
		{"rate", func(p *Plan) { p.Experiments[1].BaselineRate = 1.5 }, "experiments[1].baselineRate: must be above 0 and below 1, got 1.5"},
		{"effect", func(p *Plan) { p.Experiments[1].MinDetectableEffect = 0 }, "experiments[1].minDetectableEffect: must not be 0"},
		{"conversions", func(p *Plan) { p.Experiments[0].Result.ControlConversions = 10001 }, "experiments[0].result.controlConversions: must not be above the 10000 visitors, got 10001"},
		{"alpha", func(p *Plan) { p.Experiments[0].Alpha = 0 }, "experiments[0].alpha: must be above 0 and below 1, got 0"},
		{"power", func(p *Plan) { p.Experiments[0].Power = 1 }, "experiments[0].power: must be above 0 and below 1, got 1"},
		{"status", func(p *Plan) { p.Experiments[0].Status = "won" }, `experiments[0].status: must be "planned", "running" or "done", got "won"`},
		{"duplicate id", func(p *Plan) { p.Experiments[1].ID = p.Experiments[0].ID }, "experiments[1].id: duplicate id"},
		{"missing id", func(p *Plan) { p.Experiments[1].ID = "" }, "experiments[1].id: missing"},
		{"duplicate name", func(p *Plan) { p.Experiments[1].Name = " invite COPY" }, `experiments[1].name: another experiment is already called " invite COPY"`},
		{"target id", func(p *Plan) { p.Experiments[0].AppliesTo.ScenarioID = "Base" }, `experiments[0].appliesTo.scenarioId: must be a scenario's UUID, got "Base"`},
		{"target path", func(p *Plan) { p.Experiments[0].AppliesTo.Input = "viral[x" }, `experiments[0].appliesTo.input: input path "viral[x": a [ is not closed`},
		{"target empty", func(p *Plan) { p.Experiments[0].AppliesTo.Input = "" }, "experiments[0].appliesTo.input: must name a scenario input"},
		{"empty name", func(p *Plan) { p.Experiments[1].Name = " " }, "experiments[1].name: must not be empty"},
		{"long owner", func(p *Plan) { p.Experiments[1].Owner = strings.Repeat("x", 201) }, "experiments[1].owner: must be at most 200 bytes long, got 201"},
		{"control in metric", func(p *Plan) { p.Experiments[1].Metric = "rate\x1b[2J" }, "experiments[1].metric: must not contain control characters, found U+001B at character 5"},
		{"control in hypothesis", func(p *Plan) { p.Experiments[1].Hypothesis = "If we…\x07" }, "experiments[1].hypothesis: must not contain control characters other than tab and line break"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := withExperiments(t)
			c.edit(p)
			err := p.Validate()
			if err == nil || !strings.HasPrefix(err.Error(), c.want) {
				t.Fatalf("err = %v, want %q…", err, c.want)
			}
		})
	}
	// A target that no longer exists is not a file error: Apply reports it.
	p := withExperiments(t)
	p.Experiments[0].AppliesTo.ScenarioID = NewID()
	p.Experiments[0].AppliesTo.Input = "fulfillment.models[Gone].perOrder"
	if err := p.Validate(); err != nil {
		t.Errorf("a dangling target is refused: %v", err)
	}
}

// Wrong types and unknown fields inside an experiment are located.
func TestExperimentsDecodeErrors(t *testing.T) {
	p := withExperiments(t)
	data, _ := Encode(p)
	cases := []struct{ from, to, want string }{
		{`"controlVisitors": 10000`, `"controlVisitors": "many"`, `experiments[0].result.controlVisitors: expected a whole number, got text "many"`},
		{`"status": "planned"`, `"status": "planned", "colour": "red"`, "experiments[1].colour: unknown field (is the name misspelt?)"},
		// The design's fields are the experiment's own in the file.
		{`"baselineRate": 0.1`, `"baselinerate": 0.1`, "experiments[0].baselinerate: unknown field, did you mean baselineRate?"},
	}
	for _, c := range cases {
		bad := strings.Replace(string(data), c.from, c.to, 1)
		if bad == string(data) {
			t.Fatalf("no %s in the encoded plan", c.from)
		}
		_, err := Decode([]byte(bad))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want %q", c.to, err, c.want)
		}
	}
}

func TestPlanCloneCopiesExperiments(t *testing.T) {
	p := withExperiments(t)
	c := p.Clone()
	c.Experiments[0].Result.ControlVisitors = 1
	c.Experiments[0].AppliesTo.Input = "x"
	c.Experiments[1].Name = "changed"
	if p.Experiments[0].Result.ControlVisitors != 10000 || p.Experiments[0].AppliesTo.Input != "viral.inviteConversion" || p.Experiments[1].Name != "Pricing page" {
		t.Error("Clone shares experiments with the original")
	}
	if i := p.ExperimentIndex(strings.ToUpper(p.Experiments[1].ID)); i != 1 {
		t.Errorf("ExperimentIndex = %d", i)
	}
}

// The sample's Base with the +12% invite conversion win: the win is applied
// to the decoded plan's own scenario.
func TestApplyPlanExperiment(t *testing.T) {
	p := withExperiments(t)
	w, err := ApplyExperiment(p, p.Experiments[0])
	if err != nil {
		t.Fatal(err)
	}
	if w.Scenario.Name != "Base + Invite copy" || len(w.Impacts) != len(ImpactKeys) {
		t.Fatalf("win %q with %d impacts, want users, ARR and cash", w.Scenario.Name, len(w.Impacts))
	}
	// More active users mean more consumer revenue: cash at the horizon rises.
	if cash := w.Impacts[2]; cash.Without.Key != "finance.cashHorizon" || !(cash.Delta.Abs > 0) {
		t.Errorf("cash impact %+v", cash)
	}
	for _, im := range w.Impacts {
		if !(im.Delta.Abs >= 0) {
			t.Errorf("%s falls with a better invite conversion: %+v", im.Without.Key, im.Delta)
		}
	}
	p.Scenarios = append(p.Scenarios, w.Scenario)
	if err := p.Validate(); err != nil {
		t.Errorf("plan with the win: %v", err)
	}
}

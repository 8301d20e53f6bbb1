package scenario

import (
	"math"
	"strings"
	"testing"

	"scaleplan/scenario/experiment"
)

// skokPlan is a plan whose one scenario is a bare viral loop (no churn, paid
// users or cap, once mode, one cycle a month), so active users at month m
// are Skok's seed·(1 − K^(m+1))/(1 − K).
func skokPlan() *Plan {
	s := NewScenario("Base")
	s.HorizonMonths = 12
	s.Viral = Viral{Enabled: true, SeedUsers: 1000, InvitesPerUser: 5, InviteConversion: 0.1,
		CycleDays: DaysPerMonth, InviteMode: InviteOnce}
	s.Sales.Enabled, s.Fulfillment.Enabled, s.Markets.Enabled, s.Finance.Enabled = false, false, false, false
	return &Plan{Format: Format, Version: Version, Name: "Skok", Currency: "USD", StartMonth: "2027-01", FiscalYearStartMonth: 1, Scenarios: []Scenario{s}}
}

// winner is a done experiment: 10,000/1,000 vs 10,000/1,200, a +20% lift
// (z = 4.53, p ≈ 6e-6).
func winner(target, input string) experiment.Experiment {
	e := experiment.New(NewID(), "Invite copy")
	e.Status = experiment.StatusDone
	e.Result = &experiment.Observed{ControlVisitors: 10000, ControlConversions: 1000, VariantVisitors: 10000, VariantConversions: 1200}
	e.AppliesTo = &experiment.Target{ScenarioID: target, Input: input}
	return e
}

// +20% on invite conversion takes K from 0.5 to 0.6. Active users at month
// 12: 1000·(1 − 0.5¹³)/0.5 = 1,999.756 without, 1000·(1 − 0.6¹³)/0.4 =
// 2,496.735 with: +496.98 users.
func TestApplyExperimentViral(t *testing.T) {
	p := skokPlan()
	base := p.Scenarios[0]
	w, err := ApplyExperiment(p, winner(base.ID, "viral.inviteConversion"))
	if err != nil {
		t.Fatal(err)
	}
	if w.Before != 0.1 || math.Abs(w.After-0.12) > 1e-12 || math.Abs(w.Scenario.Viral.InviteConversion-0.12) > 1e-12 {
		t.Errorf("input %v → %v (scenario %v), want 0.1 → 0.12", w.Before, w.After, w.Scenario.Viral.InviteConversion)
	}
	if w.Scenario.ID == base.ID || w.Scenario.Name != "Base + Invite copy" || w.Base != base.ID {
		t.Errorf("new scenario %q (%s), base %s", w.Scenario.Name, w.Scenario.ID, w.Base)
	}
	if !strings.Contains(w.Scenario.Notes, `From experiment "Invite copy": viral.inviteConversion from 0.1 to 0.12 (lift +20.0%`) {
		t.Errorf("note: %q", w.Scenario.Notes)
	}
	if p.Scenarios[0].Viral.InviteConversion != 0.1 || len(p.Scenarios) != 1 {
		t.Error("ApplyExperiment changed the plan")
	}
	if len(w.Impacts) != 1 || w.Impacts[0].Without.Key != "viral.activeHorizon" {
		t.Fatalf("impacts %+v, want active users only (sales and finance are off)", w.Impacts)
	}
	without := 1000 * (1 - math.Pow(0.5, 13)) / 0.5
	with := 1000 * (1 - math.Pow(0.6, 13)) / 0.4
	im := w.Impacts[0]
	if math.Abs(im.Without.Value-without) > 1e-6 || math.Abs(im.With.Value-with) > 1e-6 || math.Abs(im.Delta.Abs-(with-without)) > 1e-6 {
		t.Errorf("active users %v → %v (Δ %v), want %v → %v", im.Without.Value, im.With.Value, im.Delta.Abs, without, with)
	}
	// A second application of the same experiment gets a free name.
	p.Scenarios = append(p.Scenarios, w.Scenario)
	w2, err := ApplyExperiment(p, winner(base.ID, "viral.inviteConversion"))
	if err != nil || w2.Scenario.Name != "Base + Invite copy 2" {
		t.Errorf("second win %q, %v", w2.Scenario.Name, err)
	}
	if err := p.Validate(); err != nil {
		t.Errorf("plan with the win is invalid: %v", err)
	}
}

// More quota attainment never lowers ARR: the win shows a positive ARR delta.
func TestApplyExperimentSales(t *testing.T) {
	s := NewScenario("Base")
	p := &Plan{Format: Format, Version: Version, Name: "x", Currency: "USD", Scenarios: []Scenario{s}}
	w, err := ApplyExperiment(p, winner(s.ID, "sales.founderNewARRPerMonth"))
	if err != nil {
		t.Fatal(err)
	}
	var arr *Impact
	for i := range w.Impacts {
		if w.Impacts[i].Without.Key == "sales.arrHorizon" {
			arr = &w.Impacts[i]
		}
	}
	if arr == nil || !(arr.Delta.Abs > 0) {
		t.Fatalf("ARR impact %+v, want a rise", arr)
	}
}

func TestApplyExperimentRefuses(t *testing.T) {
	p := skokPlan()
	id := p.Scenarios[0].ID
	noTarget := winner(id, "x")
	noTarget.AppliesTo = nil
	flat := winner(id, "viral.inviteConversion")
	// 2000/200 vs 2000/215: p̄ = 0.10375, SE = √(0.10375·0.89625·0.001) =
	// 0.0096429, z = 0.0075/0.0096429 = 0.778, p = 2·(1 − Φ(0.778)) ≈ 0.4367.
	flat.Result = &experiment.Observed{ControlVisitors: 2000, ControlConversions: 200, VariantVisitors: 2000, VariantConversions: 215}
	noResult := winner(id, "viral.inviteConversion")
	noResult.Result = nil
	early := winner(id, "viral.inviteConversion")
	early.Status = experiment.StatusRunning
	early.Design = experiment.Design{BaselineRate: 0.1, MinDetectableEffect: 0.05, Alpha: 0.05, Power: 0.8, VariantShare: 0.5}
	high := skokPlan()
	high.Scenarios[0].Viral.InviteConversion = 0.9
	cases := []struct {
		name string
		p    *Plan
		e    experiment.Experiment
		want string
	}{
		{"no target", p, noTarget, "appliesTo: choose the scenario and the input the win applies to"},
		{"no result", p, noResult, "result: no result yet"},
		{"not significant", p, flat, "result: not significant: p = 0.4367 is not below α = 0.05"},
		// 10% +5% needs 57,763 per arm (Python's NormalDist: 57,762.65); 10,000 is early.
		{"read early", p, early, "result: read early: the test is running with 10000 of its 57763 visitors per arm"},
		{"unknown scenario", p, winner("nope", "viral.inviteConversion"), `appliesTo.scenarioId: no scenario has id "nope"`},
		{"unknown input", p, winner(id, "viral.conversion"), `appliesTo.input: input path "viral.conversion": no input "conversion" here`},
		{"whole-number input", p, winner(id, "sales.stages[Build Sales Machine].aes"), "appliesTo.input: input path \"sales.stages[Build Sales Machine].aes\": expected a whole number"},
		{"past the range", high, winner(high.Scenarios[0].ID, "viral.inviteConversion"), "appliesTo.input: the lift takes viral.inviteConversion to 1.08, which the scenario refuses: viral.inviteConversion: must be between 0 and 1, got 1.08"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ApplyExperiment(c.p, c.e)
			if err == nil || !strings.HasPrefix(err.Error(), c.want) {
				t.Fatalf("err = %v, want %q…", err, c.want)
			}
		})
	}
}

func TestClip(t *testing.T) {
	if got := clip("Base", 4); got != "Base" {
		t.Errorf("clip = %q", got)
	}
	if got := clip("aé", 2); got != "a" {
		t.Errorf("clip split a character: %q", got)
	}
}

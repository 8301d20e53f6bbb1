package scenario

import (
	"context"
	"math"
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestRangeErrorsLocated: every way a range can be wrong is refused with
// where it is and what would be valid. The sample's Base has invite
// conversion 0.2 (valid 0–1), monthly churn 0.03 (0 to below 1), a 3PL at
// $5 an order (0–10¹²) and a ramp of 4 months (a whole number).
func TestRangeErrorsLocated(t *testing.T) {
	const at = `scenarios[0].ranges["viral.inviteConversion"]`
	cases := []struct {
		name, path string
		r          Range
		want       string
	}{
		{"low above high", "viral.inviteConversion", Range{Low: 0.3, High: 0.1}, at + `.low: must be at most high (0.1), got 0.3`},
		{"unknown input", "viral.inviteRate", Range{Low: 0.1, High: 0.3}, `scenarios[0].ranges["viral.inviteRate"]: no input "inviteRate" here`},
		{"unknown item", "fulfillment.models[4PL].perOrder", Range{Low: 1, High: 3}, `scenarios[0].ranges["fulfillment.models[4PL].perOrder"]: models has no item with id or name "4PL"`},
		{"whole number", "sales.rampMonths", Range{Low: 3, High: 6}, `scenarios[0].ranges["sales.rampMonths"]: a whole-number input takes no range`},
		{"head count", "sales.stages[First Sales Hire].aes", Range{Low: 1, High: 3}, `scenarios[0].ranges["sales.stages[First Sales Hire].aes"]: a whole-number input takes no range`},
		{"choice", "viral.inviteMode", Range{Low: 0, High: 1}, `scenarios[0].ranges["viral.inviteMode"]: a choice or text takes no range`},
		{"switch", "viral.enabled", Range{Low: 0, High: 1}, `scenarios[0].ranges["viral.enabled"]: a switch (true or false) takes no range`},
		{"text", "fulfillment.models[3PL].name", Range{Low: 0, High: 1}, `a choice or text takes no range`},
		{"whole list", "sales.stages", Range{Low: 0, High: 1}, `scenarios[0].ranges["sales.stages"]: names a list, not one number`},
		{"own field", "name", Range{Low: 0, High: 1}, `scenarios[0].ranges["name"]: name is the scenario's own, not an input`},
		{"high above the valid range", "viral.inviteConversion", Range{Low: 0.1, High: 1.2}, at + `.high: must be between 0 and 1, got 1.2 (the valid range of viral.inviteConversion)`},
		{"low below the valid range", "viral.inviteConversion", Range{Low: -0.1, High: 0.3}, at + `.low: must be between 0 and 1, got -0.1`},
		{"open bound", "viral.monthlyChurn", Range{Low: 0.02, High: 1}, `scenarios[0].ranges["viral.monthlyChurn"].high: must be at least 0 and below 1, got 1`},
		{"value outside", "viral.inviteConversion", Range{Low: 0.25, High: 0.4}, at + `: the input's value 0.2 lies outside low..high (0.25..0.4)`},
		{"unknown dist", "viral.inviteConversion", Range{Low: 0.1, High: 0.3, Dist: "beta"}, at + `.dist: must be one of lognormal, normal, uniform, triangular, got "beta"`},
		{"lognormal at 0", "viral.inviteConversion", Range{Low: 0, High: 0.3, Dist: DistLognormal}, at + `.low: a lognormal range needs low above 0, got 0`},
		{"NaN", "viral.inviteConversion", Range{Low: math.NaN(), High: 0.3}, at + `.low: must be a finite number, got NaN`},
		{"Inf", "viral.inviteConversion", Range{Low: 0.1, High: math.Inf(1)}, at + `.high: must be a finite number, got +Inf`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := samplePlan(t)
			p.Scenarios[0].Ranges = map[string]Range{c.path: c.r}
			err := p.Validate()
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v\nwant %s", err, c.want)
			}
			s := p.Scenarios[0]
			if _, err := Simulate(context.Background(), &s, p.Currency, SimOptions{Runs: 10, Seed: 1}); err == nil {
				t.Error("Simulate ran with the bad range")
			}
		})
	}
}

// TestRangesAccepted: good ranges pass, the default distribution included:
// a zero-width range at the value, a normal range reaching 0, a factor's
// weight (addressed by its id) and a range whose ends are the valid
// range's own ends. A market's score is a whole number from 1 to 5 and
// takes none.
func TestRangesAccepted(t *testing.T) {
	p := samplePlan(t)
	s := &p.Scenarios[0]
	market, factor := s.Markets.Markets[0], s.Markets.Factors[0]
	s.Ranges = map[string]Range{
		"viral.inviteConversion":                    {Low: 0.2, High: 0.2},
		"viral.monthlyChurn":                        {Low: 0, High: 0.06, Dist: DistNormal},
		"fulfillment.models[3PL].perOrder":          {Low: 0, High: 10, Dist: DistUniform},
		"sales.quotaAttainment":                     {Low: 0.5, High: 1, Dist: DistTriangular},
		"markets.factors[" + factor.ID + "].weight": {Low: 0, High: 1000, Dist: DistUniform},
	}
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	score := "markets.markets[" + market.ID + "].scores[" + factor.ID + "]"
	s.Ranges = map[string]Range{score: {Low: 1, High: 5}}
	want := `scenarios[0].ranges["` + score + `"]: a whole-number input takes no range`
	if err := p.Validate(); err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("error %v\nwant %s", err, want)
	}
}

// TestRangeTwoSpellingsOfOneInput: a factor addressed by its id in two
// cases names one input; two ranges on it are refused.
func TestRangeTwoSpellingsOfOneInput(t *testing.T) {
	p := samplePlan(t)
	s := &p.Scenarios[0]
	f := s.Markets.Factors[0].ID
	lower := "markets.factors[" + strings.ToLower(f) + "].weight"
	upper := "markets.factors[" + strings.ToUpper(f) + "].weight"
	s.Ranges = map[string]Range{lower: {Low: 0, High: 5}, upper: {Low: 0, High: 5}}
	err := p.Validate()
	first, second := min(lower, upper), max(lower, upper)
	want := `ranges["` + second + `"]: names the same input as ranges["` + first + `"]`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("error %v\nwant %s", err, want)
	}
}

// TestSimulationSettingErrors: runs outside 1..1,000,000 and seeds that are
// not whole numbers of 0 or more are refused with where they are, by the
// codec (a file) and by Validate (a plan in memory).
func TestSimulationSettingErrors(t *testing.T) {
	sample, err := os.ReadFile("../assets/sample.scaleplan")
	if err != nil {
		t.Fatal(err)
	}
	setting := regexp.MustCompile(`"simulation": \{[^}]*\}`)
	if !setting.Match(sample) {
		t.Fatal("the sample has no simulation setting")
	}
	file := func(sim string) []byte {
		return setting.ReplaceAll(sample, []byte(`"simulation": `+sim))
	}
	cases := []struct{ sim, want string }{
		{`{"runs": 0, "seed": 1}`, "simulation.runs: must be between 1 and 1,000,000, got 0"},
		{`{"runs": 1000001, "seed": 1}`, "simulation.runs: must be between 1 and 1,000,000, got 1000001"},
		{`{"runs": -5, "seed": 1}`, "simulation.runs: must be between 1 and 1,000,000, got -5"},
		{`{"runs": 2.5, "seed": 1}`, "simulation.runs: expected a whole number, got 2.5"},
		{`{"runs": 100, "seed": -1}`, "simulation.seed: must be 0 or more, got -1"},
		{`{"runs": 100, "seed": 1.5}`, "simulation.seed: expected a whole number of 0 or more, got 1.5"},
		{`{"runs": 100, "seed": "42"}`, `simulation.seed: expected a whole number of 0 or more, got text "42"`},
		{`{"runs": 100, "seed": 18446744073709551616}`, "simulation.seed: 18446744073709551616 is too large (at most 18446744073709551615)"},
		{`{"runs": 100, "seed": 1, "workers": 2}`, `unknown field`},
	}
	for _, c := range cases {
		_, err := Decode(file(c.sim))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v\nwant %s", c.sim, err, c.want)
		}
	}
	for sim, want := range map[string]Simulation{
		`{"runs": 1, "seed": 0}`:                          {Runs: 1, Seed: 0},
		`{"runs": 1000000, "seed": 18446744073709551615}`: {Runs: 1000000, Seed: math.MaxUint64},
		`{"runs": 2.5e3, "seed": 4.2e1}`:                  {Runs: 2500, Seed: 42},
	} {
		p, err := Decode(file(sim))
		if err != nil {
			t.Errorf("%s: %v", sim, err)
			continue
		}
		if got := p.SimulationOrDefault(); got != want {
			t.Errorf("%s: read %+v, want %+v", sim, got, want)
		}
	}
	p := samplePlan(t)
	p.Simulation = &Simulation{Runs: MaxRuns + 1}
	if err := p.Validate(); err == nil || !strings.Contains(err.Error(), "simulation.runs: must be between 1 and 1,000,000") {
		t.Errorf("Validate: %v", err)
	}
}

// TestVersion1RefusesRangesAndSimulation: ranges and the simulation setting
// are version 2 fields; a version 1 file that holds them is refused by
// name, and a version 3 file is refused as newer, not read in part.
func TestVersion1RefusesRangesAndSimulation(t *testing.T) {
	data, err := os.ReadFile("testdata/modules-off-v1.scaleplan")
	if err != nil {
		t.Fatal(err)
	}
	v1 := string(data)
	cases := []struct{ old, new, want string }{
		{`"horizonMonths": 12,`, `"horizonMonths": 12, "ranges": {"viral.inviteConversion": {"low": 0.1, "high": 0.3}},`, "scenarios[0].ranges: this field needs file version 2, but the file says version 1"},
		{`"version": 1,`, `"version": 1, "simulation": {"runs": 100, "seed": 1},`, "simulation: this field needs file version 2, but the file says version 1"},
		{`"version": 1,`, `"version": 3, "simulation": {"runs": 100, "seed": 1},`, "version: written by a newer version of Scaleplan (file version 3; this one reads up to 2)"},
	}
	for _, c := range cases {
		if !strings.Contains(v1, c.old) {
			t.Fatalf("the version 1 file has no %s", c.old)
		}
		_, err := Decode([]byte(strings.Replace(v1, c.old, c.new, 1)))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("error %v\nwant %s", err, c.want)
		}
	}
}

// TestSampleRanges: the sample plan puts ranges on the inputs founders
// argue about, holds a simulation setting, and every scenario simulates.
func TestSampleRanges(t *testing.T) {
	p := samplePlan(t)
	if got := p.SimulationOrDefault(); got != (Simulation{Runs: 2_000, Seed: 1}) || p.Simulation == nil {
		t.Errorf("the sample's simulation setting %+v (stored: %v), want 2,000 runs, seed 1, stored", got, p.Simulation != nil)
	}
	argued := []string{"viral.inviteConversion", "viral.monthlyChurn", "sales.aeQuotaPerMonth", "sales.quotaAttainment",
		"fulfillment.models[3PL].perOrder", "fulfillment.volume.monthlyGrowth", "finance.otherCostsGrowth"}
	for _, path := range argued {
		if _, ok := p.Scenarios[0].Ranges[path]; !ok {
			t.Errorf("Base has no range on %s", path)
		}
	}
	for i := range p.Scenarios {
		s := &p.Scenarios[i]
		if len(s.Ranges) == 0 {
			t.Errorf("%s has no ranges", s.Name)
			continue
		}
		if _, err := Simulate(context.Background(), s, p.Currency, SimOptions{Runs: 200, Seed: 1}); err != nil {
			t.Errorf("%s: %v", s.Name, err)
		}
	}
}

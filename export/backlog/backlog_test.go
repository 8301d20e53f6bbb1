package backlog

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"scaleplan/assets"
	"scaleplan/scenario"
	"scaleplan/scenario/experiment"
)

func plan(t *testing.T) *scenario.Plan {
	p, err := scenario.Decode(assets.SamplePlan)
	if err != nil {
		t.Fatal(err)
	}
	check := experiment.Design{BaselineRate: 0.2, MinDetectableEffect: 0.25, Alpha: 0.05, Power: 0.8, DailyVisitors: 1000, VariantShare: 0.5}
	a := experiment.New(scenario.NewID(), "=HYPERLINK(\"x\")")
	a.Design, a.Status, a.Owner = check, experiment.StatusRunning, "-Ana"
	a.Result = &experiment.Observed{ControlVisitors: 1000, ControlConversions: 100, VariantVisitors: 1000, VariantConversions: 130}
	a.AppliesTo = &experiment.Target{ScenarioID: p.Scenarios[1].ID, Input: "viral.inviteConversion"}
	b := experiment.New(scenario.NewID(), "Pricing, page")
	b.Design = check
	b.DailyVisitors = 0
	c := experiment.New(scenario.NewID(), "No control conversions")
	c.Design, c.Status = check, experiment.StatusDone
	c.Result = &experiment.Observed{ControlVisitors: 100, ControlConversions: 0, VariantVisitors: 100, VariantConversions: 5}
	p.Experiments = []experiment.Experiment{a, b, c}
	return p
}

// Expected figures: 1,094 per arm, 2,188 in total, 3 days (docs/MODELS.md);
// 1000/100 vs 1000/130 reads +30% (+2.07% … +57.93%), p 0.0355; 100/0 vs
// 100/5 has no lift but p = 0.0235 (z 2.2646), worked in scenario/experiment.
func TestWriteCSV(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteCSV(&buf, plan(t)); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 || strings.Join(rows[0], ",") != strings.Join(Header, ",") {
		t.Fatalf("%d rows, header %v", len(rows), rows[0])
	}
	col := map[string]int{}
	for i, h := range Header {
		col[h] = i
	}
	for _, c := range []struct {
		row         int
		field, want string
	}{
		{1, "name", `'=HYPERLINK("x")`}, {1, "owner", "'-Ana"}, {1, "status", "running"},
		{1, "perArm", "1094"}, {1, "total", "2188"}, {1, "days", "3"},
		{1, "controlRate", "0.1"}, {1, "variantRate", "0.13"}, {1, "significant", "true"}, {1, "readEarly", "true"},
		{1, "appliesToScenario", "Aggressive"}, {1, "appliesToInput", "viral.inviteConversion"},
		{2, "name", "Pricing, page"}, {2, "days", ""}, {2, "controlVisitors", ""}, {2, "pValue", ""}, {2, "appliesToScenario", ""},
		{3, "lift", ""}, {3, "liftLow", ""}, {3, "significant", "true"}, {3, "readEarly", "false"},
	} {
		if got := rows[c.row][col[c.field]]; got != c.want {
			t.Errorf("row %d %s = %q, want %q", c.row, c.field, got, c.want)
		}
	}
	for field, want := range map[string]string{"lift": "0.3", "liftLow": "0.02067934", "liftHigh": "0.57932065", "pValue": "0.03548845"} {
		if got := rows[1][col[field]]; !strings.HasPrefix(got, want) {
			t.Errorf("%s = %s, want %s…", field, got, want)
		}
	}
	if got := rows[3][col["pValue"]]; !strings.HasPrefix(got, "0.02354005") {
		t.Errorf("p without control conversions = %s", got)
	}
}

func TestWriteCSVEmpty(t *testing.T) {
	p := plan(t)
	p.Experiments = nil
	var buf bytes.Buffer
	if err := WriteCSV(&buf, p); err != nil || strings.Count(buf.String(), "\n") != 1 {
		t.Errorf("empty backlog: %q, %v", buf.String(), err)
	}
}

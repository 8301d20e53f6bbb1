package scenario

import (
	"fmt"
	"strings"
	"testing"
)

// TestTextIsChecked: names refuse every control character, notes allow tab
// and line feed only, and both have a length limit (issue 9).
func TestTextIsChecked(t *testing.T) {
	tests := []struct {
		name string
		edit func(p *Plan)
		want string // the whole message; "" = valid
	}{
		{"escape in a scenario name", func(p *Plan) { p.Scenarios[0].Name = "Base\x1b[2J" }, "scenarios[0].name: must not contain control characters, found U+001B at character 5"},
		{"tab in a name", func(p *Plan) { p.Scenarios[0].Name = "a\tb" }, "scenarios[0].name: must not contain control characters, found U+0009 at character 2"},
		{"C1 control in a market name", func(p *Plan) { p.Scenarios[0].Markets.Markets[0].Name = "Ger\u0085many" }, "scenarios[0].markets.markets[0].name: must not contain control characters, found U+0085 at character 4"},
		{"DEL in a stage name", func(p *Plan) { p.Scenarios[1].Sales.Stages[2].Name = "x\x7f" }, "scenarios[1].sales.stages[2].name: must not contain control characters, found U+007F at character 2"},
		{"line separator in a model name", func(p *Plan) { p.Scenarios[0].Fulfillment.Models[1].Name = "3\u2028PL" }, "scenarios[0].fulfillment.models[1].name: must not contain control characters, found U+2028 at character 2"},
		{"bell in a factor name", func(p *Plan) { p.Scenarios[0].Markets.Factors[0].Name = "\a" }, "scenarios[0].markets.factors[0].name: must not contain control characters, found U+0007 at character 1"},
		{"escape in the plan's name", func(p *Plan) { p.Name = "\x1b]0;pwned\a" }, "name: must not contain control characters, found U+001B at character 1"},
		{"empty plan name", func(p *Plan) { p.Name = "" }, ""},
		{"long plan name", func(p *Plan) { p.Name = strings.Repeat("é", 101) }, "name: must be at most 200 bytes long, got 202"},
		{"tab and newline in notes", func(p *Plan) { p.Scenarios[0].Notes = "a\tb\nc" }, ""},
		{"carriage return in notes", func(p *Plan) { p.Scenarios[0].Notes = "a\r\nb" }, "scenarios[0].notes: must not contain control characters other than tab and line break, found U+000D at character 2"},
		{"NUL in market notes", func(p *Plan) { p.Scenarios[2].Markets.Markets[1].Notes = "ok\x00" }, "scenarios[2].markets.markets[1].notes: must not contain control characters other than tab and line break, found U+0000 at character 3"},
		{"notes at the limit", func(p *Plan) { p.Scenarios[0].Notes = strings.Repeat("€", MaxNotesChars) }, ""},
		{"notes over the limit", func(p *Plan) { p.Scenarios[0].Notes = strings.Repeat("€", MaxNotesChars+1) }, "scenarios[0].notes: must be at most 10000 characters long, got 10001"},
		{"emoji are text", func(p *Plan) { p.Scenarios[0].Name = "🚀 Base" }, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := samplePlan(t)
			tc.edit(p)
			err := p.Validate()
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("error %v, want none", err)
			case tc.want != "" && (err == nil || err.Error() != tc.want):
				t.Errorf("error\n%v\nwant\n%s", err, tc.want)
			}
		})
	}
}

// TestIDsAreCanonical: the other spellings uuid.Parse takes are refused, so
// one id cannot hide as a second one; case does not make a new id.
func TestIDsAreCanonical(t *testing.T) {
	p := samplePlan(t)
	id := p.Scenarios[0].ID
	for _, other := range []string{"urn:uuid:" + id, "{" + id + "}", strings.ReplaceAll(id, "-", "")} {
		q := samplePlan(t)
		q.Scenarios[1].ID = other
		want := fmt.Sprintf("scenarios[1].id: must be a UUID of 36 characters (8-4-4-4-12 hex digits), got %q", other)
		if err := q.Validate(); err == nil || err.Error() != want {
			t.Errorf("%s: %v", other, err)
		}
	}
	q := samplePlan(t)
	q.Scenarios[1].ID = strings.ToUpper(id)
	if err := q.Validate(); err == nil || err.Error() != fmt.Sprintf("scenarios[1].id: duplicate id %q", strings.ToUpper(id)) {
		t.Errorf("upper case: %v", err)
	}
}

// TestEscapeControls shows control characters instead of obeying them.
func TestEscapeControls(t *testing.T) {
	tests := []struct {
		in        string
		multiline bool
		want      string
	}{
		{"plain €", false, "plain €"},
		{"a\x1b[2Jb\a", false, `a\x1b[2Jb\x07`},
		{"a\tb\nc", true, "a\tb\nc"},
		{"a\tb\nc", false, `a\x09b\x0ac`},
		{"x\u0085y\u2029", true, `x\u0085y\u2029`},
	}
	for _, tc := range tests {
		if got := EscapeControls(tc.in, tc.multiline); got != tc.want {
			t.Errorf("EscapeControls(%q, %v) = %q, want %q", tc.in, tc.multiline, got, tc.want)
		}
	}
}

// TestPlanSizeLimits: at least one scenario, at most MaxScenarios, and at
// most MaxPlanCycles viral cycles in all; 100 scenarios of 240 months of
// one-day cycles (730,600 cycles) pass.
func TestPlanSizeLimits(t *testing.T) {
	big := func(n int) *Plan {
		p := samplePlan(t)
		base := p.Scenarios[0]
		base.HorizonMonths = 240
		base.Viral.CycleDays = 1
		base.Fulfillment.Volume.MonthlyGrowth = 0.05
		base.Ranges = nil // 5% lies outside the sample's range on growth
		p.Scenarios = nil
		for i := range n {
			p.Scenarios = append(p.Scenarios, base.Duplicate(fmt.Sprint("S", i)))
		}
		return p
	}
	// 240 months × 30.4375 days = 7,305 days: cycles 0..7305.
	if got := ViralCycles(1, 240); got != 7306 {
		t.Fatalf("ViralCycles(1, 240) = %d, want 7306", got)
	}
	if got := ViralCycles(14, 36); got != 79 { // 1,095.75 days / 14 = 78.3: cycles 0..78
		t.Fatalf("ViralCycles(14, 36) = %d, want 79", got)
	}
	if err := big(100).Validate(); err != nil {
		t.Errorf("100 scenarios of one-day cycles: %v", err)
	}
	// 136 × 7,306 = 993,616 ≤ 1,000,000 < 137 × 7,306 = 1,000,922.
	if err := big(136).Validate(); err != nil {
		t.Errorf("136 scenarios: %v", err)
	}
	want := "scenarios[136].viral.cycleDays: the viral loops of scenarios 1 to 137 simulate 1,000,922 cycles; a plan simulates at most 1,000,000 (use longer cycles, shorter horizons or fewer scenarios)"
	if err := big(137).Validate(); err == nil || err.Error() != want {
		t.Errorf("137 scenarios: %v", err)
	}
	p := big(201)
	for i := range p.Scenarios {
		p.Scenarios[i].Viral.CycleDays = 30
	}
	if err := p.Validate(); err == nil || err.Error() != "scenarios: a plan holds at most 200 scenarios, got 201" {
		t.Errorf("201 scenarios: %v", err)
	}
	p.Scenarios = nil
	if err := p.Validate(); err == nil || err.Error() != "scenarios: a plan needs at least one scenario" {
		t.Errorf("no scenarios: %v", err)
	}
}

package scenario

import (
	"slices"
	"strings"
	"testing"
)

func TestInputValue(t *testing.T) {
	s := NewScenario("Base")
	s.Markets.Markets = []Market{NewMarket("Germany", s.Markets.Factors)}
	f0, m0 := s.Markets.Factors[0].ID, s.Markets.Markets[0].ID
	s.Markets.Markets[0].Scores[f0] = 4
	cases := []struct {
		path string
		want float64
	}{
		{"viral.inviteConversion", s.Viral.InviteConversion},
		{"viral.cycleDays", s.Viral.CycleDays},
		{"sales.stages[First Sales Hire].aes", float64(s.Sales.Stages[1].AEs)},
		{"sales.stages[First Sales Hire].minARR", s.Sales.Stages[1].MinARR},
		{"fulfillment.models[3PL].perOrder", s.Fulfillment.Models[1].PerOrder},
		{"fulfillment.volume.monthlyGrowth", s.Fulfillment.Volume.MonthlyGrowth},
		{"sales.costs.ae", s.Sales.Costs.AE},
		{"markets.markets[" + m0 + "].scores[" + f0 + "]", 4},
		{"markets.markets[" + strings.ToUpper(m0) + "].scores[" + f0 + "]", 4},
		{"markets.markets[Germany].scores[" + f0 + "]", 4},
	}
	for _, c := range cases {
		got, err := InputValue(&s, c.path)
		if err != nil || got != c.want {
			t.Errorf("%s = %v, %v; want %v", c.path, got, err, c.want)
		}
	}
}

func TestSetInput(t *testing.T) {
	s := NewScenario("Base")
	f0 := s.Markets.Factors[0].ID
	s.Markets.Markets = []Market{NewMarket("Germany", s.Markets.Factors)}
	for _, c := range []struct {
		path string
		v    float64
		read func() float64
	}{
		{"viral.inviteConversion", 0.25, func() float64 { return s.Viral.InviteConversion }},
		{"fulfillment.models[3PL].perOrder", 4.5, func() float64 { return s.Fulfillment.Models[1].PerOrder }},
		{"sales.stages[Build Sales Machine].sdrs", 7, func() float64 { return float64(s.Sales.Stages[2].SDRs) }},
		{"markets.markets[Germany].scores[" + f0 + "]", 5, func() float64 { return s.Markets.Markets[0].Scores[f0] }},
	} {
		if err := SetInput(&s, c.path, c.v); err != nil || c.read() != c.v {
			t.Errorf("set %s to %v: got %v, %v", c.path, c.v, c.read(), err)
		}
	}
}

func TestInputPathErrors(t *testing.T) {
	s := NewScenario("Base")
	cases := []struct{ path, want string }{
		{"", "empty input path"},
		{"viral.nope", `input path "viral.nope": no input "nope" here`},
		{"viral.inviteMode", `input path "viral.inviteMode": not a number (it holds text)`},
		{"viral.enabled", `input path "viral.enabled": not a number (it holds true or false)`},
		{"viral", `input path "viral": not a number (it holds an object)`},
		{"sales.stages[Nope].aes", `input path "sales.stages[Nope].aes": stages has no item with id or name "Nope"`},
		{"sales.stages[First Sales Hire", `input path "sales.stages[First Sales Hire": a [ is not closed`},
		{"viral..k", `input path "viral..k": a field name is missing`},
		{"viral[x]", `input path "viral[x]": viral is not a list`},
		{"sales.stages[Founder Sales]x", `input path "sales.stages[Founder Sales]x": expected . after ]`},
	}
	for _, c := range cases {
		if _, err := InputValue(&s, c.path); err == nil || err.Error() != c.want {
			t.Errorf("%q: err = %v, want %q", c.path, err, c.want)
		}
	}
	if err := SetInput(&s, "sales.stages[Founder Sales].aes", 1.5); err == nil || !strings.Contains(err.Error(), "expected a whole number, got 1.5") {
		t.Errorf("fraction into a whole-number input: %v", err)
	}
}

func TestFloatInputs(t *testing.T) {
	s := NewScenario("Base")
	got := FloatInputs(&s)
	for _, want := range []string{"viral.inviteConversion", "viral.invitesPerUser", "sales.aeQuotaPerMonth", "sales.stages[First Sales Hire].minARR", "fulfillment.models[3PL].perOrder", "fulfillment.volume.monthlyGrowth"} {
		if !slices.Contains(got, want) {
			t.Errorf("FloatInputs lacks %s", want)
		}
	}
	for _, p := range got {
		if strings.HasPrefix(p, "markets.") || strings.HasSuffix(p, ".aes") || strings.Contains(p, "ruleOfThumb") || p == "horizonMonths" {
			t.Errorf("FloatInputs lists %s", p)
		}
		if _, err := InputValue(&s, p); err != nil {
			t.Errorf("listed path does not resolve: %v", err)
		}
	}
}

// TestKeyedPath: the editor's row numbers become the items' keys (a
// market's id, a stage's or model's name); keys, map keys and plain fields
// stay; a row past the end is an error.
func TestKeyedPath(t *testing.T) {
	s := NewScenario("Base")
	s.Markets.Markets = []Market{NewMarket("Germany", s.Markets.Factors), NewMarket("France", s.Markets.Factors)}
	f0, m1 := s.Markets.Factors[0].ID, s.Markets.Markets[1].ID
	cases := []struct{ in, want string }{
		{"viral.inviteConversion", "viral.inviteConversion"},
		{"sales.stages[1].aes", "sales.stages[First Sales Hire].aes"},
		{"sales.stages[0].foundersSell", "sales.stages[" + s.Sales.Stages[0].Name + "].foundersSell"},
		{"fulfillment.models[1].perOrder", "fulfillment.models[3PL].perOrder"},
		{"fulfillment.models[3PL].perOrder", "fulfillment.models[3PL].perOrder"},
		{"markets.markets[1].scores[" + f0 + "]", "markets.markets[" + m1 + "].scores[" + f0 + "]"},
		{"markets.factors[0].weight", "markets.factors[" + f0 + "].weight"},
		{"sales.stages", "sales.stages"},
	}
	for _, c := range cases {
		got, err := KeyedPath(&s, c.in)
		if err != nil || got != c.want {
			t.Errorf("KeyedPath(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	for _, bad := range []string{"sales.stages[9].aes", "viral.nope", "sales.stages[Nowhere].aes", ""} {
		if got, err := KeyedPath(&s, bad); err == nil {
			t.Errorf("KeyedPath(%q) = %q, want an error", bad, got)
		}
	}
}

// TestRangeInputsAddFactorWeights: the inputs that may take a range are
// FloatInputs and every factor's weight, keyed by the factor's id; market
// scores (whole numbers) are not among them.
func TestRangeInputsAddFactorWeights(t *testing.T) {
	s := NewScenario("s")
	got, floats := RangeInputs(&s), FloatInputs(&s)
	for _, p := range floats {
		if !slices.Contains(got, p) {
			t.Errorf("RangeInputs leaves out %s", p)
		}
	}
	if len(got) != len(floats)+len(s.Markets.Factors) {
		t.Errorf("RangeInputs has %d paths, want FloatInputs' %d + %d factor weights", len(got), len(floats), len(s.Markets.Factors))
	}
	for _, f := range s.Markets.Factors {
		p := "markets.factors[" + f.ID + "].weight"
		if !slices.Contains(got, p) || slices.Contains(floats, p) {
			t.Errorf("%s: in RangeInputs %v, in FloatInputs %v", p, slices.Contains(got, p), slices.Contains(floats, p))
		}
	}
	for _, p := range got {
		if strings.Contains(p, "scores") {
			t.Errorf("RangeInputs offers a score: %s", p)
		}
	}
}

package scenario

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"strings"
	"testing"
)

// family returns a plan with Base (the defaults: 5 invites per user, 20%
// invite conversion, 14-day cycles, 3PL at $300 + $5 an order), Bold (a
// variant overriding the invite conversion to 30%) and Plain (a variant
// overriding nothing), in a market of 2 million people so that K > 1 stays
// finite.
func family(t *testing.T) *Plan {
	t.Helper()
	p := NewPlan("Family")
	p.Scenarios[0].Viral.MarketSize = 2e6
	base := p.Scenarios[0].ID
	bold, err := NewVariant(p, base, "Bold")
	if err != nil {
		t.Fatal(err)
	}
	bold.Overrides["viral.inviteConversion"] = json.RawMessage(`0.3`)
	plain, err := NewVariant(p, base, "Plain")
	if err != nil {
		t.Fatal(err)
	}
	p.Scenarios = append(p.Scenarios, bold, plain)
	if err := p.ResolveVariants(); err != nil {
		t.Fatal(err)
	}
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	return p
}

// edit changes a copy of p with fn and reconciles it, as app.Document does.
func edit(t *testing.T, p *Plan, fn func(p *Plan)) *Plan {
	t.Helper()
	next := p.Clone()
	fn(next)
	Reconcile(p, next)
	if err := next.Validate(); err != nil {
		t.Fatal(err)
	}
	return next
}

// TestBaseEditFlowsToVariants: a base change moves every variant that does
// not override that input and none that does. K = invites × conversion:
// after the base goes to 6 invites and 25%, Bold (30% of its own) has
// K = 6 × 0.3 = 1.8 and Plain K = 6 × 0.25 = 1.5, the base's.
func TestBaseEditFlowsToVariants(t *testing.T) {
	p := edit(t, family(t), func(p *Plan) {
		p.Scenarios[0].Viral.InvitesPerUser = 6
		p.Scenarios[0].Viral.InviteConversion = 0.25
	})
	base, bold, plain := &p.Scenarios[0], &p.Scenarios[1], &p.Scenarios[2]
	for _, c := range []struct {
		s       *Scenario
		invites float64
		conv    float64
		k       float64
	}{{base, 6, 0.25, 1.5}, {bold, 6, 0.3, 1.8}, {plain, 6, 0.25, 1.5}} {
		if c.s.Viral.InvitesPerUser != c.invites || c.s.Viral.InviteConversion != c.conv || !nearly(c.s.Viral.K(), c.k) {
			t.Errorf("%s: invites %v, conversion %v, K %v; want %v, %v, %v", c.s.Name, c.s.Viral.InvitesPerUser, c.s.Viral.InviteConversion, c.s.Viral.K(), c.invites, c.conv, c.k)
		}
	}
	if got := OverridePaths(bold); strings.Join(got, ",") != "viral.inviteConversion" {
		t.Errorf("Bold overrides %v, want only viral.inviteConversion", got)
	}
	if len(plain.Overrides) != 0 {
		t.Errorf("Plain overrides %v, want none", plain.Overrides)
	}
	// Plain computes exactly what its base computes.
	rb, err := Compute(base, p.Currency)
	if err != nil {
		t.Fatal(err)
	}
	rp, err := Compute(plain, p.Currency)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := rb.Viral.Months[35].Active, rp.Viral.Months[35].Active; a != b {
		t.Errorf("Plain's users at month 36 %v, the base's %v", b, a)
	}
}

// TestVariantEditBecomesOverride: typing into a variant's field makes that
// input an override; a list that gains an item is overridden whole, and the
// item overrides inside it go.
func TestVariantEditBecomesOverride(t *testing.T) {
	p := edit(t, family(t), func(p *Plan) { p.Scenarios[2].Fulfillment.Models[1].PerOrder = 4 })
	if got := string(p.Scenarios[2].Overrides["fulfillment.models[3PL].perOrder"]); got != "4" || len(p.Scenarios[2].Overrides) != 1 {
		t.Fatalf("overrides %v, want fulfillment.models[3PL].perOrder: 4", p.Scenarios[2].Overrides)
	}
	p = edit(t, p, func(p *Plan) {
		m := &p.Scenarios[2].Fulfillment
		m.Models = append(m.Models, FulfillmentModel{Name: "Dropship", PerOrder: 6})
	})
	plain := &p.Scenarios[2]
	if got := OverridePaths(plain); strings.Join(got, ",") != "fulfillment.models" {
		t.Fatalf("overrides %v, want the whole fulfillment.models", got)
	}
	if n, pl := len(plain.Fulfillment.Models), plain.Fulfillment.Models[1].PerOrder; n != 4 || pl != 4 {
		t.Errorf("Plain has %d models, 3PL at %v an order; want 4 and 4", n, pl)
	}
	// a base change of the 3PL no longer reaches Plain's models
	p = edit(t, p, func(p *Plan) { p.Scenarios[0].Fulfillment.Models[1].FixedMonthly = 500 })
	if got := p.Scenarios[2].Fulfillment.Models[1].FixedMonthly; got != 300 {
		t.Errorf("Plain's 3PL fixed cost %v, want its own 300", got)
	}
	if got := p.Scenarios[1].Fulfillment.Models[1].FixedMonthly; got != 500 {
		t.Errorf("Bold's 3PL fixed cost %v, want the base's 500", got)
	}
}

// TestResetRestoresInheritance: after Reset to base, Bold follows the base's
// conversion again, also through later base edits.
func TestResetRestoresInheritance(t *testing.T) {
	p := edit(t, family(t), func(p *Plan) {
		if !ResetOverride(&p.Scenarios[1], "viral.inviteConversion") {
			t.Error("Bold had no override to reset")
		}
	})
	if got := p.Scenarios[1].Viral.InviteConversion; got != 0.2 {
		t.Errorf("Bold's conversion after reset %v, want the base's 0.2", got)
	}
	p = edit(t, p, func(p *Plan) { p.Scenarios[0].Viral.InviteConversion = 0.22 })
	if got := p.Scenarios[1].Viral.InviteConversion; got != 0.22 {
		t.Errorf("Bold's conversion after a base edit %v, want 0.22", got)
	}
	if len(p.Scenarios[1].Overrides) != 0 {
		t.Errorf("Bold overrides %v after reset", p.Scenarios[1].Overrides)
	}
}

// TestListItemOverride: fulfillment.models[3PL].perOrder = 3.5 moves the
// self-fulfillment/3PL break-even from 300 / (8 − 5) = 100 to
// 300 / (8 − 3.5) = 66.67 orders a month, and the 3PL's cost in month 13
// (40 × 1.12^12 = 155.839 orders) from 300 + 5 × 155.839 = 1,079.20 to
// 300 + 3.5 × 155.839 = 845.44.
func TestListItemOverride(t *testing.T) {
	p := family(t)
	p.Scenarios[2].Overrides["fulfillment.models[3PL].perOrder"] = json.RawMessage(`3.5`)
	if err := p.ResolveVariants(); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		s         *Scenario
		breakEven float64
		cost13    float64
	}{{&p.Scenarios[0], 100, 1079.1951985093961}, {&p.Scenarios[2], 66.66666666666667, 845.4366389565772}} {
		r, err := Compute(c.s, p.Currency)
		if err != nil {
			t.Fatal(err)
		}
		be := r.Fulfillment.BreakEvens[0]
		if be.From != "Self-fulfillment" || be.To != "3PL" || !nearly(be.Orders, c.breakEven) {
			t.Errorf("%s: break-even %+v, want Self-fulfillment → 3PL at %v", c.s.Name, be, c.breakEven)
		}
		if got := r.Fulfillment.Months[12].Costs["3PL"]; !nearly(got, c.cost13) {
			t.Errorf("%s: 3PL cost in month 13 %v, want %v", c.s.Name, got, c.cost13)
		}
	}
}

// TestVariantOfVariant: Bolder (based on Bold) overrides the invites; it
// inherits Bold's conversion and the base's cycle days, and edits at either
// level flow down to it.
func TestVariantOfVariant(t *testing.T) {
	p := family(t)
	bolder, err := NewVariant(p, p.Scenarios[1].ID, "Bolder")
	if err != nil {
		t.Fatal(err)
	}
	bolder.Overrides["viral.invitesPerUser"] = json.RawMessage(`7`)
	p.Scenarios = append([]Scenario{bolder}, p.Scenarios...) // listed before its bases
	if err := p.ResolveVariants(); err != nil {
		t.Fatal(err)
	}
	b := &p.Scenarios[0]
	if b.Viral.InvitesPerUser != 7 || b.Viral.InviteConversion != 0.3 || !nearly(b.Viral.K(), 2.1) {
		t.Errorf("Bolder: invites %v, conversion %v, K %v; want 7, 0.3, 2.1", b.Viral.InvitesPerUser, b.Viral.InviteConversion, b.Viral.K())
	}
	if p.Depth(0) != 2 || p.Depth(2) != 1 || p.Depth(1) != 0 {
		t.Errorf("depths %d %d %d, want 2 1 0", p.Depth(0), p.Depth(2), p.Depth(1))
	}
	p = edit(t, p, func(p *Plan) {
		p.Scenarios[1].Viral.CycleDays = 10                   // Base
		p.Scenarios[2].Viral.InviteConversion = 0.35          // Bold
		p.Scenarios[1].Viral.InvitesPerUser = 4               // Base, overridden by Bolder
		p.Scenarios[1].Fulfillment.Volume.MonthlyGrowth = 0.2 // Base
	})
	b = &p.Scenarios[0]
	if b.Viral.CycleDays != 10 || b.Viral.InviteConversion != 0.35 || b.Viral.InvitesPerUser != 7 || b.Fulfillment.Volume.MonthlyGrowth != 0.2 {
		t.Errorf("Bolder: cycle %v, conversion %v, invites %v, growth %v; want 10, 0.35, 7, 0.2", b.Viral.CycleDays, b.Viral.InviteConversion, b.Viral.InvitesPerUser, b.Fulfillment.Volume.MonthlyGrowth)
	}
	if got := strings.Join(OverridePaths(&p.Scenarios[2]), ","); got != "viral.inviteConversion" {
		t.Errorf("Bold overrides %s", got)
	}
}

// TestVariantSaveReopen: a variant is saved as its own fields and its
// overrides only, and reads back with the same overrides, byte for byte,
// and the same inputs.
func TestVariantSaveReopen(t *testing.T) {
	p := family(t)
	p.Scenarios[2].Overrides["fulfillment.models[3PL].perOrder"] = json.RawMessage(`3.25`)
	p.Scenarios[2].Overrides["horizonMonths"] = json.RawMessage(`24`)
	p.Scenarios[2].Overrides["viral.inviteMode"] = json.RawMessage(`"continuous"`)
	p.Scenarios[2].Overrides["sales.stages"] = json.RawMessage(`[{"name":"Founder Sales","minARR":0,"aes":0,"sdrs":0,"vp":0,"managers":0,"foundersSell":true},{"name":"Seed team","minARR":500000,"aes":2,"sdrs":1,"vp":0,"managers":0,"foundersSell":true}]`)
	p.Scenarios[2].Notes = "what if the 3PL gives us a deal"
	if err := p.ResolveVariants(); err != nil {
		t.Fatal(err)
	}
	out, err := Encode(p)
	if err != nil {
		t.Fatal(err)
	}
	var file struct {
		Scenarios []map[string]json.RawMessage `json:"scenarios"`
	}
	if err := json.Unmarshal(out, &file); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for k := range file.Scenarios[2] {
		keys = append(keys, k)
	}
	if len(keys) != 6 || file.Scenarios[2]["viral"] != nil || string(file.Scenarios[2]["horizonMonths"]) != "24" {
		t.Errorf("the variant is saved with %v (horizonMonths %s); want id, name, notes, horizonMonths, basedOn, overrides", keys, file.Scenarios[2]["horizonMonths"])
	}
	q, err := Decode(out)
	if err != nil {
		t.Fatal(err)
	}
	got, want := q.Scenarios[2], p.Scenarios[2]
	if len(got.Overrides) != len(want.Overrides) {
		t.Fatalf("overrides %v, want %v", got.Overrides, want.Overrides)
	}
	for k, v := range want.Overrides {
		var a, b bytes.Buffer
		json.Compact(&a, v)
		json.Compact(&b, got.Overrides[k])
		if a.String() != b.String() {
			t.Errorf("override %s reads back as %s, want %s", k, b.String(), a.String())
		}
	}
	if got.HorizonMonths != 24 || got.Viral.InviteMode != InviteContinuous || got.Fulfillment.Models[1].PerOrder != 3.25 || got.Sales.Stages[1].Name != "Seed team" || got.Notes != want.Notes {
		t.Errorf("reopened: horizon %d, mode %s, 3PL %v, stage %s, notes %q", got.HorizonMonths, got.Viral.InviteMode, got.Fulfillment.Models[1].PerOrder, got.Sales.Stages[1].Name, got.Notes)
	}
	again, err := Encode(q)
	if err != nil || !bytes.Equal(out, again) {
		t.Errorf("a second round trip changed the file (%v)", err)
	}
}

// TestVariantErrorsLocated: cycles, dangling bases, unknown paths, wrong
// types and inherited modules written out in full are refused, each with
// where it is.
func TestVariantErrorsLocated(t *testing.T) {
	p := family(t)
	out, err := Encode(p)
	if err != nil {
		t.Fatal(err)
	}
	file := string(out)
	baseID := p.Scenarios[0].ID
	cases := []struct {
		name, old, new, want string
	}{
		{"dangling base", `"basedOn": "` + baseID + `",
      "overrides": {
        "viral`, `"basedOn": "00000000-0000-4000-8000-000000000000",
      "overrides": {
        "viral`, `scenarios[1].basedOn: no scenario has id "00000000-0000-4000-8000-000000000000" (the base is missing)`},
		{"unknown path", `"viral.inviteConversion": 0.3`, `"fulfillment.models[4PL].perOrder": 3`, `scenarios[1].overrides["fulfillment.models[4PL].perOrder"]: models has no item with id or name "4PL"`},
		{"unknown field", `"viral.inviteConversion": 0.3`, `"viral.inviteRate": 0.3`, `scenarios[1].overrides["viral.inviteRate"]: no input "inviteRate" here`},
		{"wrong type", `"viral.inviteConversion": 0.3`, `"viral.inviteConversion": "30%"`, `scenarios[1].overrides["viral.inviteConversion"]: expected a number, got text "30%"`},
		{"whole number", `"viral.inviteConversion": 0.3`, `"sales.stages[First Sales Hire].aes": 1.5`, `scenarios[1].overrides["sales.stages[First Sales Hire].aes"]: expected a whole number, got 1.5`},
		{"misspelt key in a list", `"viral.inviteConversion": 0.3`, `"sales.stages": [{"Name": "Founder Sales"}]`, `scenarios[1].overrides["sales.stages"]: [0].Name: unknown field, did you mean name?`},
		{"null", `"viral.inviteConversion": 0.3`, `"viral.inviteConversion": null`, `scenarios[1].overrides["viral.inviteConversion"]: expected a number, got null`},
		{"own field", `"viral.inviteConversion": 0.3`, `"name": "x"`, `scenarios[1].overrides["name"]: name is the variant's own, not an input it can override`},
		{"out of range", `"viral.inviteConversion": 0.3`, `"viral.inviteConversion": 1.3`, `scenarios[1].viral.inviteConversion: must be between 0 and 1, got 1.3`},
		{"inherited module", `"basedOn": "` + baseID + `",`, `"basedOn": "` + baseID + `", "viral": {},`, `scenarios[1].viral: a variant (based on "` + baseID + `") stores only the inputs it changes`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(file, c.old) {
				t.Fatalf("the file has no %s", c.old)
			}
			_, err := Decode([]byte(strings.Replace(file, c.old, c.new, 1)))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v\nwant %s", err, c.want)
			}
		})
	}
}

// TestBaseRenameRefusedWhileOverridden: renaming the base's 3PL, which a
// variant's override names, is refused with the override's location.
func TestBaseRenameRefusedWhileOverridden(t *testing.T) {
	p := family(t)
	p.Scenarios[2].Overrides["fulfillment.models[3PL].perOrder"] = json.RawMessage(`4`)
	if err := p.ResolveVariants(); err != nil {
		t.Fatal(err)
	}
	next := p.Clone()
	next.Scenarios[0].Fulfillment.Models[1].Name = "Partner"
	Reconcile(p, next)
	err := next.Validate()
	want := `scenarios[2].overrides["fulfillment.models[3PL].perOrder"]: models has no item with id or name "3PL"`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("error %v\nwant %s", err, want)
	}
}

// TestVariantCycleRefused: Base based on Bold, itself based on Base.
func TestVariantCycleRefused(t *testing.T) {
	p := family(t)
	p.Scenarios[0].BasedOn = p.Scenarios[1].ID
	want := `scenarios[0].basedOn: a cycle: "Base" → "Bold" → "Base"; a scenario cannot be based, even indirectly, on itself`
	for _, err := range []error{p.ResolveVariants(), p.Validate()} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v\nwant %s", err, want)
		}
	}
	p.Scenarios[0].BasedOn = p.Scenarios[0].ID
	if err := p.Validate(); err == nil || !strings.Contains(err.Error(), `a cycle: "Base" → "Base"`) {
		t.Errorf("based on itself: %v", err)
	}
}

// TestVersion1RefusesVariants: basedOn and overrides need file version 2.
func TestVersion1RefusesVariants(t *testing.T) {
	data, _ := os.ReadFile("testdata/modules-off-v1.scaleplan")
	_, err := Decode([]byte(strings.Replace(string(data), `"horizonMonths": 12,`, `"horizonMonths": 12, "basedOn": "x",`, 1)))
	if err == nil || !strings.Contains(err.Error(), "scenarios[0].basedOn: this field needs file version 2") {
		t.Errorf("error %v", err)
	}
}

// TestDetachKeepsInputs: a detached variant keeps its current inputs and
// no longer follows its base.
func TestDetachKeepsInputs(t *testing.T) {
	p := edit(t, family(t), func(p *Plan) { Detach(&p.Scenarios[1]) })
	p = edit(t, p, func(p *Plan) { p.Scenarios[0].Viral.InvitesPerUser = 9 })
	d := &p.Scenarios[1]
	if d.IsVariant() || d.Viral.InviteConversion != 0.3 || d.Viral.InvitesPerUser != 5 {
		t.Errorf("detached: variant %v, conversion %v, invites %v; want false, 0.3, 5", d.IsVariant(), d.Viral.InviteConversion, d.Viral.InvitesPerUser)
	}
	if vs := p.Variants(p.Scenarios[0].ID); len(vs) != 1 || vs[0] != 2 {
		t.Errorf("the base's variants %v, want [2]", vs)
	}
}

// TestDiffInputs: what differs between two scenarios, by input path.
func TestDiffInputs(t *testing.T) {
	a := NewScenario("A")
	b := a.Clone()
	b.Name, b.Notes = "B", "other notes"
	b.Viral.Enabled = false
	b.Sales.Stages[2].AEs = 9
	b.Fulfillment.RuleOfThumb = []float64{120, 1000}
	b.Markets.Factors[0].Weight = 2
	got := DiffInputs(&a, &b)
	want := map[string]string{
		"viral.enabled":                                           "false",
		"sales.stages[Build Sales Machine].aes":                   "9",
		"fulfillment.ruleOfThumb":                                 "[120,1000]",
		"markets.factors[" + a.Markets.Factors[0].ID + "].weight": "2",
	}
	if len(got) != len(want) {
		t.Errorf("diff %v, want %v", got, want)
	}
	for k, v := range want {
		if string(got[k]) != v {
			t.Errorf("%s = %s, want %s", k, got[k], v)
		}
	}
}
func nearly(a, b float64) bool { return near(a, b, 1e-9*math.Max(1, math.Abs(b))) }

// TestAllInputs: every input once, list items by key, the key left out.
func TestAllInputs(t *testing.T) {
	s := NewScenario("A")
	s.Markets.Markets = []Market{NewMarket("Germany", s.Markets.Factors)}
	paths := AllInputs(&s)
	has := map[string]bool{}
	for _, p := range paths {
		if has[p] {
			t.Errorf("%s listed twice", p)
		}
		has[p] = true
		if _, err := InputJSON(&s, p); err != nil {
			t.Errorf("%s: %v", p, err)
		}
	}
	m, f := s.Markets.Markets[0].ID, s.Markets.Factors[0].ID
	for _, want := range []string{"horizonMonths", "viral.enabled", "viral.inviteMode", "sales.stages[First Sales Hire].aes", "fulfillment.models[3PL].perOrder", "fulfillment.ruleOfThumb", "markets.markets[" + m + "].name", "markets.markets[" + m + "].scores[" + f + "]", "markets.factors[" + f + "].weight", "finance.startingCash"} {
		if !has[want] {
			t.Errorf("%s missing", want)
		}
	}
	for _, not := range []string{"id", "name", "sales.stages[First Sales Hire].name", "markets.markets[" + m + "].id"} {
		if has[not] {
			t.Errorf("%s listed", not)
		}
	}
}

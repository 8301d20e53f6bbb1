package scenario

import (
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"testing"
)

// rangedFamily is family (Base; Bold overriding the invite conversion to
// 30%; Plain overriding nothing) with ranges on Base's invite conversion
// (0.2), churn (0.03) and 3PL per-order fee ($5), and Bold giving itself
// a range on its conversion and replacing Base's churn range.
func rangedFamily(t *testing.T) *Plan {
	t.Helper()
	return edit(t, family(t), func(p *Plan) {
		p.Scenarios[0].Ranges = map[string]Range{
			"viral.inviteConversion":           {Low: 0.1, High: 0.25},
			"viral.monthlyChurn":               {Low: 0.02, High: 0.05},
			"fulfillment.models[3PL].perOrder": {Low: 4, High: 6.5, Dist: DistUniform},
		}
		p.Scenarios[1].OwnRanges = map[string]Range{
			"viral.inviteConversion": {Low: 0.25, High: 0.35, Dist: DistTriangular},
			"viral.monthlyChurn":     {Low: 0.01, High: 0.04},
		}
	})
}

func rangeKeys(m map[string]Range) string {
	return strings.Join(slices.Sorted(maps.Keys(m)), ",")
}

// TestVariantRangesInherit: a variant's ranges are its base's with its own
// added or replacing them; a range on an input it overrides is dropped
// unless it gives one.
func TestVariantRangesInherit(t *testing.T) {
	p := rangedFamily(t)
	base, bold, plain := p.Scenarios[0], p.Scenarios[1], p.Scenarios[2]
	if got := bold.Ranges["viral.inviteConversion"]; got != (Range{Low: 0.25, High: 0.35, Dist: DistTriangular}) {
		t.Errorf("Bold's conversion range %+v, want its own 0.25..0.35 triangular", got)
	}
	if got := bold.Ranges["viral.monthlyChurn"]; got != (Range{Low: 0.01, High: 0.04}) {
		t.Errorf("Bold's churn range %+v, want its own 0.01..0.04", got)
	}
	if got := bold.Ranges["fulfillment.models[3PL].perOrder"]; got != base.Ranges["fulfillment.models[3PL].perOrder"] {
		t.Errorf("Bold's 3PL range %+v, want Base's", got)
	}
	if !maps.Equal(plain.Ranges, base.Ranges) || plain.OwnRanges != nil {
		t.Errorf("Plain's ranges %v (own %v), want Base's %v and none of its own", plain.Ranges, plain.OwnRanges, base.Ranges)
	}
	// Bold's conversion range dropped: Base's range (0.1..0.25) does not
	// hold Bold's 0.3, and dropping it is what keeps Bold valid.
	p = edit(t, p, func(p *Plan) { delete(p.Scenarios[1].Ranges, "viral.inviteConversion") })
	bold = p.Scenarios[1]
	if _, ok := bold.Ranges["viral.inviteConversion"]; ok {
		t.Errorf("Bold still has a conversion range %+v after removing its own; Base's is on an input it overrides", bold.Ranges["viral.inviteConversion"])
	}
	if got, want := rangeKeys(bold.Ranges), "fulfillment.models[3PL].perOrder,viral.monthlyChurn"; got != want {
		t.Errorf("Bold's ranges %s, want %s", got, want)
	}
}

// TestVariantRangeEdits: a range set in a variant becomes its own; one
// changed in the base flows into every variant that has none of its own
// there; one a variant removes follows the base again.
func TestVariantRangeEdits(t *testing.T) {
	p := edit(t, rangedFamily(t), func(p *Plan) {
		p.Scenarios[2].Ranges["viral.invitesPerUser"] = Range{Low: 4, High: 6}
		p.Scenarios[0].Ranges["viral.monthlyChurn"] = Range{Low: 0.025, High: 0.06}
	})
	plain, bold := p.Scenarios[2], p.Scenarios[1]
	if got := rangeKeys(plain.OwnRanges); got != "viral.invitesPerUser" {
		t.Errorf("Plain's own ranges %s, want viral.invitesPerUser", got)
	}
	if got := plain.Ranges["viral.monthlyChurn"]; got != (Range{Low: 0.025, High: 0.06}) {
		t.Errorf("Plain's churn range %+v, want Base's new 0.025..0.06", got)
	}
	if got := bold.Ranges["viral.monthlyChurn"]; got != (Range{Low: 0.01, High: 0.04}) {
		t.Errorf("Bold's churn range %+v, want its own 0.01..0.04 kept", got)
	}
	p = edit(t, p, func(p *Plan) { delete(p.Scenarios[1].Ranges, "viral.monthlyChurn") })
	if got := p.Scenarios[1].Ranges["viral.monthlyChurn"]; got != (Range{Low: 0.025, High: 0.06}) {
		t.Errorf("Bold's churn range after removing its own %+v, want Base's 0.025..0.06", got)
	}
	// An input edited in a variant drops the inherited range on it.
	p = edit(t, p, func(p *Plan) { p.Scenarios[2].Viral.MonthlyChurn = 0.08 })
	if r, ok := p.Scenarios[2].Ranges["viral.monthlyChurn"]; ok {
		t.Errorf("Plain overrides churn (0.08) but still has Base's range %+v", r)
	}
}

// TestVariantRangesFile: the file stores only a variant's own ranges, and
// reading it back gives the effective ones again.
func TestVariantRangesFile(t *testing.T) {
	p := rangedFamily(t)
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
	var boldRanges map[string]Range
	if err := json.Unmarshal(file.Scenarios[1]["ranges"], &boldRanges); err != nil {
		t.Fatal(err)
	}
	if got, want := rangeKeys(boldRanges), "viral.inviteConversion,viral.monthlyChurn"; got != want {
		t.Errorf("Bold's file ranges %s, want only its own %s", got, want)
	}
	if _, ok := file.Scenarios[2]["ranges"]; ok {
		t.Errorf("Plain's file entry holds ranges %s; it has none of its own", file.Scenarios[2]["ranges"])
	}
	q, err := Decode(out)
	if err != nil {
		t.Fatal(err)
	}
	for i := range p.Scenarios {
		if !maps.Equal(q.Scenarios[i].Ranges, p.Scenarios[i].Ranges) || !maps.Equal(q.Scenarios[i].OwnRanges, p.Scenarios[i].OwnRanges) {
			t.Errorf("%s reads back with ranges %v own %v, want %v own %v", p.Scenarios[i].Name, q.Scenarios[i].Ranges, q.Scenarios[i].OwnRanges, p.Scenarios[i].Ranges, p.Scenarios[i].OwnRanges)
		}
	}
	// A variant's own range is validated where the file holds it.
	bad := strings.Replace(string(out), `"high": 0.35`, `"high": 0.28`, 1)
	want := `scenarios[1].ranges["viral.inviteConversion"]: the input's value 0.3 lies outside low..high (0.25..0.28)`
	if _, err := Decode([]byte(bad)); err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("error %v\nwant %s", err, want)
	}
}

// TestRangesFollowRenames: renaming the base's 3PL moves its range (and a
// variant's own range on it) to the new name; renaming it in a variant,
// which overrides the whole list, keeps the range it inherited as its own.
func TestRangesFollowRenames(t *testing.T) {
	p := edit(t, rangedFamily(t), func(p *Plan) {
		p.Scenarios[2].Ranges["fulfillment.models[3PL].fixedMonthly"] = Range{Low: 200, High: 400}
	})
	p = edit(t, p, func(p *Plan) { p.Scenarios[0].Fulfillment.Models[1].Name = "Partner" })
	const partner = "fulfillment.models[Partner].perOrder"
	for _, s := range p.Scenarios {
		if _, ok := s.Ranges[partner]; !ok || strings.Contains(rangeKeys(s.Ranges), "[3PL]") {
			t.Errorf("%s's ranges after the rename: %s, want %s and no [3PL]", s.Name, rangeKeys(s.Ranges), partner)
		}
	}
	if got := rangeKeys(p.Scenarios[2].OwnRanges); !strings.Contains(got, "fulfillment.models[Partner].fixedMonthly") {
		t.Errorf("Plain's own ranges %s, want its fixed-cost range renamed", got)
	}
	p = edit(t, p, func(p *Plan) { p.Scenarios[2].Fulfillment.Models[1].Name = "Courier" })
	plain := p.Scenarios[2]
	if _, ok := OverrideOf(&plain, "fulfillment.models[Courier].perOrder"); !ok {
		t.Fatalf("the rename in Plain did not override its models (overrides %v)", plain.Overrides)
	}
	want := Range{Low: 4, High: 6.5, Dist: DistUniform}
	if got := plain.OwnRanges["fulfillment.models[Courier].perOrder"]; got != want {
		t.Errorf("Plain's own ranges %v, want the inherited per-order range %+v kept as its own under Courier", plain.OwnRanges, want)
	}
	if got := rangeKeys(plain.Ranges); strings.Contains(got, "[Partner]") || strings.Contains(got, "[3PL]") {
		t.Errorf("Plain's ranges %s still name a model it no longer has", got)
	}
}

// TestDetachKeepsRanges: a detached variant keeps its effective ranges.
func TestDetachKeepsRanges(t *testing.T) {
	p := rangedFamily(t)
	want := maps.Clone(p.Scenarios[1].Ranges)
	p = edit(t, p, func(p *Plan) { Detach(&p.Scenarios[1]) })
	if !maps.Equal(p.Scenarios[1].Ranges, want) || p.Scenarios[1].OwnRanges != nil {
		t.Errorf("detached ranges %v own %v, want %v and no own", p.Scenarios[1].Ranges, p.Scenarios[1].OwnRanges, want)
	}
}

// TestDuplicateKeepsRanges: a duplicate's factors get new ids, and its
// ranges on them follow.
func TestDuplicateKeepsRanges(t *testing.T) {
	p := samplePlan(t)
	s := &p.Scenarios[0]
	f := s.Markets.Factors[0]
	s.Ranges = map[string]Range{"markets.factors[" + strings.ToUpper(f.ID) + "].weight": {Low: 0, High: 3}}
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	d := s.Duplicate("Copy")
	p.Scenarios = append(p.Scenarios, d)
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	want := "markets.factors[" + d.Markets.Factors[0].ID + "].weight"
	if _, ok := d.Ranges[want]; !ok || d.Markets.Factors[0].ID == f.ID {
		t.Errorf("the copy's ranges %v, want one on %s", d.Ranges, want)
	}
}

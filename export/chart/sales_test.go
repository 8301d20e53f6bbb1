package chart

import (
	"strings"
	"testing"
)

// TestSalesStageBandsAndHeads: the sample's Base is in Founder Sales for
// months 1–17, First Sales Hire from 18, Build Sales Machine from 34 (the
// report's stage months): three bands. Its team has AEs, SDRs and a VP but
// never a manager, stacked on each other.
func TestSalesStageBandsAndHeads(t *testing.T) {
	p, rs := sample(t)
	c := built(t, SalesARR, Input{Plan: p, Results: rs})
	type bd struct {
		x0, x1 float64
		label  string
	}
	var got []bd
	for _, it := range c.behind {
		if b, ok := it.(*band); ok {
			got = append(got, bd{b.X0, b.X1, b.Label})
		}
	}
	want := []bd{{0, 17, "Founder Sales"}, {17, 33, "First Sales Hire"}, {33, 36, "Build Sales Machine"}}
	if len(got) != len(want) {
		t.Fatalf("bands %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("band %d = %v, want %v", i, got[i], want[i])
		}
	}

	h := built(t, SalesHeads, Input{Plan: p, Results: rs})
	if l := strings.Join(legendLabels(h), "|"); l != "AEs|SDRs|VP Sales|ramped-AE equivalents" {
		t.Errorf("heads legend %q", l)
	}
	bs := allBars(h.items)
	if len(bs) != 3 {
		t.Fatalf("%d head bars, want 3 (no managers)", len(bs))
	}
	for i, m := range rs[0].Sales.Months {
		if bs[1].Base[i] != float64(m.AEs) || bs[2].Base[i] != float64(m.AEs+m.SDRs) {
			t.Fatalf("month %d: SDRs stand on %v, VP on %v; want %d and %d", m.Month, bs[1].Base[i], bs[2].Base[i], m.AEs, m.AEs+m.SDRs)
		}
	}
}

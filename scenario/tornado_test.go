package scenario

import (
	"context"
	"math"
	"strings"
	"testing"
)

// TestTornadoOrder checks the tornado on Skok's loop (viralOnly) where
// every bar is known by hand. K = 5 × 0.2 = 1, so cumulative signups at
// month 12 are seed × 13 = 13,000 (the base).
//   - inviteConversion 0.1..0.3: K = 0.5..1.5; at month 12 the series
//     1 + K + … + K¹² is (1 − 0.5¹³)/0.5 = 1.999755859375 and
//     (1.5¹³ − 1)/0.5 = 387.239013671875, so 1,999.755859375 and
//     387,239.013671875 signups, a swing of 385,239.2578125.
//   - seedUsers 500..2,000: 6,500 and 26,000, a swing of 19,500.
//   - paidCAC 10..50: no paid users, no effect: a swing of 0, last.
func TestTornadoOrder(t *testing.T) {
	s := viralOnly(24)
	s.Ranges = map[string]Range{
		"viral.paidCAC":          {Low: 10, High: 50},
		"viral.seedUsers":        {Low: 500, High: 2000},
		"viral.inviteConversion": {Low: 0.1, High: 0.3, Dist: DistUniform},
	}
	tor, err := TornadoOf(context.Background(), s, OutputSignups, 12)
	if err != nil {
		t.Fatal(err)
	}
	if tor.Month != 12 || tor.Base != 13000 || tor.Output != OutputSignups || tor.Title != "Cumulative signups" {
		t.Errorf("month %d, base %v, output %q %q; want 12, 13000, %q", tor.Month, tor.Base, tor.Output, tor.Title, OutputSignups)
	}
	want := []TornadoBar{
		{Input: "viral.inviteConversion", Low: 0.1, High: 0.3, OutputAtLow: 1999.755859375, OutputAtHigh: 387239.013671875, Swing: 385239.2578125},
		{Input: "viral.seedUsers", Low: 500, High: 2000, OutputAtLow: 6500, OutputAtHigh: 26000, Swing: 19500},
		{Input: "viral.paidCAC", Low: 10, High: 50, OutputAtLow: 13000, OutputAtHigh: 13000, Swing: 0},
	}
	if len(tor.Bars) != len(want) {
		t.Fatalf("%d bars, want %d: %+v", len(tor.Bars), len(want), tor.Bars)
	}
	for i, w := range want {
		g := tor.Bars[i]
		if g.Input != w.Input || g.Low != w.Low || g.High != w.High ||
			!near(g.OutputAtLow, w.OutputAtLow, 1e-12) || !near(g.OutputAtHigh, w.OutputAtHigh, 1e-12) || !near(g.Swing, w.Swing, 1e-12) {
			t.Errorf("bar %d = %+v, want %+v", i, g, w)
		}
	}
	if got := s.Viral; got.InviteConversion != 0.2 || got.SeedUsers != 1000 || got.PaidCAC != 0 {
		t.Errorf("the tornado changed the caller's scenario: %+v", got)
	}
	// The default month is the horizon: 25 cycles of 1,000 with K = 1.
	tor, err = TornadoOf(context.Background(), s, OutputSignups, 0)
	if err != nil {
		t.Fatal(err)
	}
	if tor.Month != 24 || tor.Base != 25000 {
		t.Errorf("default month %d, base %v; want 24, 25000", tor.Month, tor.Base)
	}
}

// TestTornadoClampsToTheValidRange: a range reaching past the input's
// valid range is read at the valid end, as the samples are.
func TestTornadoClampsToTheValidRange(t *testing.T) {
	s := viralOnly(12)
	s.Ranges = map[string]Range{"viral.inviteConversion": {Low: 0.1, High: 1.4}}
	tor, err := TornadoOf(context.Background(), s, OutputSignups, 1)
	if err != nil {
		t.Fatal(err)
	}
	// Month 1: seed + seed × K; K = 5 × 1 = 5 at the clamped high.
	if b := tor.Bars[0]; b.High != 1 || b.OutputAtHigh != 6000 || math.Abs(b.OutputAtLow-1500) > 1e-9 {
		t.Errorf("bar %+v, want high 1 giving 6,000 and low 0.1 giving 1,500", b)
	}
}

func TestTornadoWithoutRangesOrOutput(t *testing.T) {
	tor, err := TornadoOf(context.Background(), viralOnly(12), OutputActive, 0)
	if err != nil || len(tor.Bars) != 0 || tor.Base != 13000 {
		t.Errorf("no ranges: %+v, %v; want no bars and the base 13,000", tor, err)
	}
	_, err = TornadoOf(context.Background(), viralOnly(12), OutputARR, 0)
	if err == nil || !strings.HasPrefix(err.Error(), "tornado: ") || !strings.Contains(err.Error(), "Sales team module is off") {
		t.Errorf("an off module's output: err = %v", err)
	}
}

// TestTornadoCashNeeded: finance alone, $100,000 in the bank, other costs
// of $5,000 a month without growth, 12 months, no buffer: cash bottoms out
// at 100,000 − 12·5,000 = 40,000, so nothing is needed (the base).
//   - otherCostsPerMonth 5,000..20,000: 0 and 12·20,000 − 100,000 = 140,000.
//   - startingCash 50,000..150,000: 12·5,000 − 50,000 = 10,000 and 0.
func TestTornadoCashNeeded(t *testing.T) {
	s := NewScenario("Cash")
	s.HorizonMonths = 12
	s.Viral.Enabled, s.Sales.Enabled, s.Fulfillment.Enabled, s.Markets.Enabled = false, false, false, false
	s.Finance.StartingCash, s.Finance.OtherCostsPerMonth, s.Finance.OtherCostsGrowth = 100_000, 5_000, 0
	s.Ranges = map[string]Range{
		"finance.startingCash":       {Low: 50_000, High: 150_000},
		"finance.otherCostsPerMonth": {Low: 5_000, High: 20_000},
	}
	tor, err := TornadoOf(context.Background(), &s, MeasureCashNeeded, 3)
	if err != nil {
		t.Fatal(err)
	}
	if tor.Base != 0 || tor.Month != 12 || tor.Unit != UnitMoney || len(tor.Bars) != 2 {
		t.Fatalf("tornado %+v, want base 0 at month 12 (the horizon) in money, two bars", tor)
	}
	want := []TornadoBar{
		{Input: "finance.otherCostsPerMonth", Low: 5_000, High: 20_000, OutputAtLow: 0, OutputAtHigh: 140_000, Swing: 140_000},
		{Input: "finance.startingCash", Low: 50_000, High: 150_000, OutputAtLow: 10_000, OutputAtHigh: 0, Swing: 10_000},
	}
	for i, w := range want {
		if g := tor.Bars[i]; g != w {
			t.Errorf("bar %d = %+v, want %+v", i, g, w)
		}
	}
	keys := func(os []Output) string {
		var ks []string
		for _, o := range os {
			ks = append(ks, o.Key)
		}
		return strings.Join(ks, " ")
	}
	if got := keys(TornadoMeasures(&s)); got != "finance.cash finance.cashNeeded" {
		t.Errorf("measures %q", got)
	}
	if got := keys(TornadoMeasures(viralOnly(12))); got != "viral.active viral.cumulativeSignups" {
		t.Errorf("measures without finance %q", got)
	}
	if _, err := TornadoOf(context.Background(), viralOnly(12), MeasureCashNeeded, 0); err == nil || !strings.Contains(err.Error(), "the Finance module is off") {
		t.Errorf("cash needed with finance off: %v", err)
	}
}

package experiment

import (
	"math"
	"strings"
	"testing"
)

// Expected sample sizes come from outside this package:
//   - the worked check of docs/MODELS.md §9: baseline 20%, MDE 0.25, α 0.05,
//     power 0.8 → n = 1,093.74 (worked by hand: z = 1.959964 and 0.841621,
//     (1.959964·√(2·0.225·0.775) + 0.841621·√(0.2·0.8 + 0.25·0.75))² / 0.05²);
//   - R's stats::power.prop.test, whose default (strict = FALSE) power equation
//     is the same pooled formula, solved by root finding; its documented
//     examples give n = 76.7 for p1 0.5, p2 0.75, power 0.9 and n = 10451937
//     for p1 0.5, p2 0.501, α 0.001, power 0.9;
//   - Python 3's statistics.NormalDist (its own inverse normal CDF), applying
//     the formula: 1093.7390457661654, 76.70692845177743,
//     10451936.595488638, 53210.30120700823 (3% +10%) and
//     6090.636825429124 (10% −20%, α 0.01, power 0.9).
func TestSizePerArm(t *testing.T) {
	cases := []struct {
		name           string
		p1, mde, a, pw float64
		exact, tol     float64
		perArm         int64
	}{
		{"design check 20% +25%", 0.2, 0.25, 0.05, 0.8, 1093.7390457661654, 1e-9, 1094},
		{"R power.prop.test 50% → 75%", 0.5, 0.5, 0.05, 0.9, 76.70692845177743, 1e-9, 77},
		{"R power.prop.test 50% → 50.1%, α 0.001", 0.5, 0.002, 0.001, 0.9, 10451936.595488638, 1e-8, 10451937},
		{"Python 3% +10%", 0.03, 0.1, 0.05, 0.8, 53210.30120700823, 1e-9, 53211},
		{"Python 10% −20%, α 0.01, power 0.9", 0.1, -0.2, 0.01, 0.9, 6090.636825429124, 1e-9, 6091},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := Design{BaselineRate: c.p1, MinDetectableEffect: c.mde, Alpha: c.a, Power: c.pw, VariantShare: 0.5}
			s, err := d.Size()
			if err != nil {
				t.Fatal(err)
			}
			if math.Abs(s.Exact-c.exact) > c.tol*c.exact {
				t.Errorf("exact n = %.10g, want %.10g", s.Exact, c.exact)
			}
			if s.PerArm != c.perArm || s.Total != 2*c.perArm {
				t.Errorf("per arm %d, total %d; want %d and %d", s.PerArm, s.Total, c.perArm, 2*c.perArm)
			}
			if s.Days != nil {
				t.Errorf("days = %d without daily visitors, want none", *s.Days)
			}
		})
	}
	// The design check to two decimals, as docs/MODELS.md §9 states it.
	s, _ := Design{BaselineRate: 0.2, MinDetectableEffect: 0.25, Alpha: 0.05, Power: 0.8, VariantShare: 0.5}.Size()
	if got := math.Round(s.Exact*100) / 100; got != 1093.74 {
		t.Errorf("n = %.2f, want 1093.74", got)
	}
}

// Total and days: traffic flows until the smaller arm has its n.
func TestSizeTotalAndDays(t *testing.T) {
	cases := []struct {
		name         string
		daily, share float64
		total        int64
		days         int64
	}{
		{"even split, 1,000 a day", 1000, 0.5, 2188, 3},    // 2,188 / 1,000 = 2.188 → 3 days
		{"even split, exactly 2 days", 1094, 0.5, 2188, 2}, // 2,188 / 1,094 = 2
		{"variant gets 20%", 500, 0.2, 5470, 11},           // 1,094 / 0.2 = 5,470; / 500 = 10.94 → 11
		{"variant gets 80%", 500, 0.8, 5470, 11},           // the control is the smaller arm
		{"variant gets 30%", 100, 0.3, 3647, 37},           // 1,094 / 0.3 = 3,646.7 → 3,647; 36.47 → 37
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := Design{BaselineRate: 0.2, MinDetectableEffect: 0.25, Alpha: 0.05, Power: 0.8, DailyVisitors: c.daily, VariantShare: c.share}
			s, err := d.Size()
			if err != nil {
				t.Fatal(err)
			}
			if s.Total != c.total || s.Days == nil || *s.Days != c.days {
				t.Errorf("total %d, days %v; want %d and %d", s.Total, s.Days, c.total, c.days)
			}
		})
	}
}

func TestDesignValidate(t *testing.T) {
	good := Design{BaselineRate: 0.2, MinDetectableEffect: 0.25, Alpha: 0.05, Power: 0.8, DailyVisitors: 100, VariantShare: 0.5}
	cases := []struct {
		name  string
		edit  func(*Design)
		field string
		msg   string
	}{
		{"baseline 0", func(d *Design) { d.BaselineRate = 0 }, "baselineRate", "must be above 0 and below 1, got 0"},
		{"baseline 1", func(d *Design) { d.BaselineRate = 1 }, "baselineRate", "must be above 0 and below 1, got 1"},
		{"baseline NaN", func(d *Design) { d.BaselineRate = math.NaN() }, "baselineRate", "must be above 0 and below 1"},
		{"effect 0", func(d *Design) { d.MinDetectableEffect = 0 }, "minDetectableEffect", "must not be 0"},
		{"effect past 1", func(d *Design) { d.MinDetectableEffect = 4 }, "minDetectableEffect", "would push the rate past 1: the baseline 0.2 raised by it is 1, got 4"},
		{"effect -1", func(d *Design) { d.MinDetectableEffect = -1 }, "minDetectableEffect", "must be above -1"},
		{"effect infinite", func(d *Design) { d.MinDetectableEffect = math.Inf(1) }, "minDetectableEffect", "must not be 0"},
		{"alpha 0", func(d *Design) { d.Alpha = 0 }, "alpha", "must be above 0 and below 1, got 0"},
		{"alpha 1", func(d *Design) { d.Alpha = 1 }, "alpha", "must be above 0 and below 1, got 1"},
		{"power 1", func(d *Design) { d.Power = 1 }, "power", "must be above 0 and below 1, got 1"},
		{"power 0", func(d *Design) { d.Power = 0 }, "power", "must be above 0 and below 1, got 0"},
		{"daily negative", func(d *Design) { d.DailyVisitors = -1 }, "dailyVisitors", "must be between 0 and 1e+12"},
		{"share 0", func(d *Design) { d.VariantShare = 0 }, "variantShare", "must be above 0 and below 1, got 0"},
		{"share 1", func(d *Design) { d.VariantShare = 1 }, "variantShare", "must be above 0 and below 1, got 1"},
	}
	if es := good.Validate(); es != nil {
		t.Fatalf("valid design refused: %v", es)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := good
			c.edit(&d)
			es := d.Validate()
			if len(es) != 1 || es[0].Field != c.field || !strings.Contains(es[0].Msg, c.msg) {
				t.Fatalf("got %v, want one error on %s containing %q", es, c.field, c.msg)
			}
			if _, err := d.Size(); err == nil {
				t.Error("Size accepted an invalid design")
			}
		})
	}
}

func TestSizeTooSmallAnEffect(t *testing.T) {
	d := Design{BaselineRate: 1e-6, MinDetectableEffect: 1e-6, Alpha: 0.05, Power: 0.8, VariantShare: 0.5}
	_, err := d.Size()
	if err == nil || !strings.Contains(err.Error(), "minDetectableEffect: is too small to detect") {
		t.Fatalf("err = %v", err)
	}
}

// The curve: the planned effect lies on it, the sample size falls as the
// effect grows, and no point reaches a rate of 1.
func TestCurve(t *testing.T) {
	d := Design{BaselineRate: 0.2, MinDetectableEffect: 0.25, Alpha: 0.05, Power: 0.8, VariantShare: 0.5}
	pts, err := d.Curve(7)
	if err != nil {
		t.Fatal(err)
	}
	if len(pts) != 7 || pts[0].Effect != 0.125 || pts[6].Effect != 0.5 {
		t.Fatalf("effects from %v to %v in %d points, want 0.125 to 0.5 in 7", pts[0].Effect, pts[len(pts)-1].Effect, len(pts))
	}
	// 0.125 + 0.375·2/6 = 0.25: the planned effect, 1,093.74 per arm.
	if math.Abs(pts[2].Effect-0.25) > 1e-12 || math.Abs(pts[2].PerArm-1093.7390457661654) > 1e-6 {
		t.Errorf("point 2 = %+v, want the design's 0.25 → 1093.739", pts[2])
	}
	for i := 1; i < len(pts); i++ {
		if !(pts[i].PerArm < pts[i-1].PerArm) {
			t.Errorf("n does not fall from effect %v to %v", pts[i-1].Effect, pts[i].Effect)
		}
	}
	// Baseline 60%: a rise past 66.7% passes a rate of 1, so the curve stops at 98% of it.
	high := Design{BaselineRate: 0.6, MinDetectableEffect: 0.5, Alpha: 0.05, Power: 0.8, VariantShare: 0.5}
	pts, err = high.Curve(5)
	if err != nil {
		t.Fatal(err)
	}
	if last := pts[len(pts)-1]; 0.6*(1+last.Effect) >= 1 || math.IsInf(last.PerArm, 0) {
		t.Errorf("last point %+v reaches a rate of 1", last)
	}
	// A drop: negative effects, from −5% to −20%.
	drop := Design{BaselineRate: 0.2, MinDetectableEffect: -0.1, Alpha: 0.05, Power: 0.8, VariantShare: 0.5}
	pts, _ = drop.Curve(4)
	if pts[0].Effect != -0.05 || math.Abs(pts[3].Effect+0.2) > 1e-12 {
		t.Errorf("drop curve from %v to %v, want −0.05 to −0.2", pts[0].Effect, pts[3].Effect)
	}
}

package experiment

import (
	"math"
	"strings"
	"testing"
)

// Each result is worked by hand (normal table) and, to more digits, with
// Python 3's statistics.NormalDist applying the formulas of docs/MODELS.md:
//
// 1000/100 vs 1000/130: p_c 0.10, p_v 0.13, lift +30%. Pooled p̄ = 230/2000 =
// 0.115, SE = √(0.115·0.885·2/1000) = 0.014267, z = 0.03/0.014267 = 2.1027,
// p = 2·(1 − Φ(2.10)) ≈ 0.0355. Interval: √(0.09/1000 + 0.1131/1000) =
// 0.014251, ×1.96 = 0.02793, (0.03 ± 0.02793)/0.1 = +2.07% … +57.93%.
//
// 10000/1000 vs 10000/1100: lift +10%, p̄ 0.105, SE = √(0.105·0.895·0.0002) =
// 0.0043353, z = 2.3066, p ≈ 0.0211; interval +1.50% … +18.50%.
//
// 2000/200 vs 2000/180: lift −10%, z = −1.0785, p ≈ 0.281, not significant;
// interval −28.17% … +8.17%.
//
// 5000/500 vs 5000/500: no difference, z = 0, p = 1; interval ±11.76%.
func TestAnalyze(t *testing.T) {
	cases := []struct {
		name               string
		o                  Observed
		lift, lo, hi, z, p float64
		significant        bool
	}{
		{"+30% at n 1,000", Observed{1000, 100, 1000, 130}, 0.3, 0.020679344393763725, 0.5793206556062361, 2.102740605622114, 0.03548845046647475, true},
		{"+10% at n 10,000", Observed{10000, 1000, 10000, 1100}, 0.1, 0.015040591315121157, 0.18495940868487873, 2.3066347738170103, 0.0210751892737977, true},
		{"−10%, not significant", Observed{2000, 200, 2000, 180}, -0.1, -0.2817067378053605, 0.08170673780536031, -1.0784844998962346, 0.2808175953087626, false},
		{"no difference", Observed{5000, 500, 5000, 500}, 0, -0.11759783907240322, 0.11759783907240322, 0, 1, false},
	}
	near := func(got, want float64) bool { return math.Abs(got-want) <= 1e-9*math.Max(1, math.Abs(want)) }
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := Analyze(c.o, 0.05)
			if err != nil {
				t.Fatal(err)
			}
			pc := float64(c.o.ControlConversions) / float64(c.o.ControlVisitors)
			pv := float64(c.o.VariantConversions) / float64(c.o.VariantVisitors)
			if r.ControlRate != pc || r.VariantRate != pv {
				t.Errorf("rates %v %v, want %v %v", r.ControlRate, r.VariantRate, pc, pv)
			}
			if !near(r.Lift, c.lift) || !near(r.LiftLow, c.lo) || !near(r.LiftHigh, c.hi) {
				t.Errorf("lift %v [%v, %v], want %v [%v, %v]", r.Lift, r.LiftLow, r.LiftHigh, c.lift, c.lo, c.hi)
			}
			if !near(r.Z, c.z) || !near(r.PValue, c.p) {
				t.Errorf("z %v p %v, want %v %v", r.Z, r.PValue, c.z, c.p)
			}
			if r.Significant != c.significant {
				t.Errorf("significant = %v, want %v", r.Significant, c.significant)
			}
		})
	}
}

// Significance follows α: p = 0.0355 is significant at 0.05, not at 0.01.
func TestAnalyzeAlpha(t *testing.T) {
	o := Observed{1000, 100, 1000, 130}
	for _, c := range []struct {
		alpha float64
		want  bool
	}{{0.05, true}, {0.036, true}, {0.035, false}, {0.01, false}} {
		r, err := Analyze(o, c.alpha)
		if err != nil || r.Significant != c.want {
			t.Errorf("α %v: significant %v (err %v), want %v", c.alpha, r.Significant, err, c.want)
		}
	}
}

// Every visitor converting in both arms leaves nothing to test: p = 1.
func TestAnalyzeAllConverted(t *testing.T) {
	r, err := Analyze(Observed{50, 50, 60, 60}, 0.05)
	if err != nil || r.PValue != 1 || r.Lift != 0 || r.Significant || r.LiftLow != 0 || r.LiftHigh != 0 {
		t.Fatalf("got %+v, %v", r, err)
	}
}

func TestAnalyzeRefuses(t *testing.T) {
	cases := []struct {
		name  string
		o     Observed
		alpha float64
		want  string
	}{
		{"conversions above visitors", Observed{100, 101, 100, 10}, 0.05, "controlConversions: must not be above the 100 visitors, got 101"},
		{"variant conversions above visitors", Observed{100, 10, 100, 150}, 0.05, "variantConversions: must not be above the 100 visitors, got 150"},
		{"no visitors", Observed{0, 0, 100, 10}, 0.05, "controlVisitors: must be between 1 and 1e+12, got 0"},
		{"negative conversions", Observed{100, 10, 100, -1}, 0.05, "variantConversions: must be at least 0, got -1"},
		{"alpha 1", Observed{100, 10, 100, 12}, 1, "alpha: must be above 0 and below 1, got 1"},
		{"alpha 0", Observed{100, 10, 100, 12}, 0, "alpha: must be above 0 and below 1, got 0"},
		{"no control conversions", Observed{100, 0, 100, 12}, 0.05, "controlConversions: must be at least 1 for a relative lift (it divides by the control's rate), got 0"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Analyze(c.o, c.alpha)
			if err == nil || err.Error() != c.want {
				t.Fatalf("err = %v, want %q", err, c.want)
			}
		})
	}
}

func TestReadLocatesUnderResult(t *testing.T) {
	e := New("id", "Invite copy")
	if _, err := e.Read(); err == nil || !strings.HasPrefix(err.Error(), "result: no result yet") {
		t.Errorf("no result: %v", err)
	}
	e.Result = &Observed{100, 101, 100, 10}
	if _, err := e.Read(); err == nil || !strings.HasPrefix(err.Error(), "result.controlConversions: must not be above") {
		t.Errorf("bad result: %v", err)
	}
	e.Result, e.Alpha = &Observed{100, 10, 100, 12}, 2
	if _, err := e.Read(); err == nil || !strings.HasPrefix(err.Error(), "alpha: ") {
		t.Errorf("bad alpha: %v", err)
	}
}

// Peeking: a running test read below its 1,094 per arm is early; at the
// sample size, or once done, it is not.
func TestPeeking(t *testing.T) {
	e := New("id", "Invite copy")
	e.Design = Design{BaselineRate: 0.2, MinDetectableEffect: 0.25, Alpha: 0.05, Power: 0.8, VariantShare: 0.5}
	cases := []struct {
		name   string
		status string
		result *Observed
		early  bool
		have   int64
	}{
		{"running, early", StatusRunning, &Observed{600, 120, 640, 160}, true, 600},
		{"running, one arm short", StatusRunning, &Observed{1094, 220, 1093, 280}, true, 1093},
		{"running, at the sample size", StatusRunning, &Observed{1094, 220, 1100, 280}, false, 1094},
		{"done, early", StatusDone, &Observed{600, 120, 640, 160}, false, 0},
		{"running, no result", StatusRunning, nil, false, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e.Status, e.Result = c.status, c.result
			p := e.Peeking()
			if p.Early != c.early || p.Have != c.have {
				t.Fatalf("got %+v, want early %v with %d", p, c.early, c.have)
			}
			if c.early && (p.Need != 1094 || !strings.Contains(p.Warning(), "of the planned 1,094 visitors per arm")) {
				t.Errorf("warning %q, need %d", p.Warning(), p.Need)
			}
			if !c.early && p.Warning() != "" {
				t.Errorf("warning %q on a read that is not early", p.Warning())
			}
		})
	}
}

func TestGroup(t *testing.T) {
	for n, want := range map[int64]string{0: "0", 999: "999", 1000: "1,000", 1094: "1,094", 10451937: "10,451,937", -2500: "-2,500"} {
		if got := group(n); got != want {
			t.Errorf("group(%d) = %q, want %q", n, got, want)
		}
	}
}

// ZTest reads counts Analyze refuses a lift for: 100/0 vs 100/5 has pooled
// p̄ = 5/200 = 0.025, SE = √(0.025·0.975·0.02) = 0.022079, z = 0.05/0.022079
// = 2.2646, p ≈ 0.0235 (Python's NormalDist: 2.2645540682891916,
// 0.023540058261178). No conversions at all: z 0, p 1.
func TestZTest(t *testing.T) {
	z, p := ZTest(Observed{100, 0, 100, 5})
	if math.Abs(z-2.2645540682891916) > 1e-9 || math.Abs(p-0.023540058261178) > 1e-12 {
		t.Errorf("z %v p %v", z, p)
	}
	if z, p := ZTest(Observed{100, 5, 100, 0}); math.Abs(z+2.2645540682891916) > 1e-9 || math.Abs(p-0.023540058261178) > 1e-12 {
		t.Errorf("mirrored: z %v p %v", z, p)
	}
	if z, p := ZTest(Observed{100, 0, 80, 0}); z != 0 || p != 1 {
		t.Errorf("no conversions: z %v p %v", z, p)
	}
}

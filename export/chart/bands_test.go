package chart

import (
	"context"
	"image"
	"image/color"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"scaleplan/scenario"
)

// bandPanels are the time-series panels that draw bands.
var bandPanels = []Panel{ViralGrowth, SalesARR, FulfillmentMonthly, FinanceCash,
	CompareActive, CompareARR, CompareOrders, CompareCost, CompareCash}

// sampleRanges are ranges on inputs of every module with a time series.
var sampleRanges = map[string]scenario.Range{
	"viral.inviteConversion":           {Low: 0.15, High: 0.26},
	"sales.quotaAttainment":            {Low: 0.6, High: 1.0},
	"fulfillment.volume.monthlyGrowth": {Low: 0.08, High: 0.16, Dist: scenario.DistUniform},
	"finance.otherCostsPerMonth":       {Low: 60000, High: 110000},
}

// simulated is the sample plan with sampleRanges on every scenario, its
// results and each scenario's simulation of runs runs.
func simulated(t testing.TB, runs int) Input {
	t.Helper()
	p, rs := sample(t)
	sims := make([]*scenario.SimResult, len(p.Scenarios))
	for i := range p.Scenarios {
		s := &p.Scenarios[i]
		s.Ranges = map[string]scenario.Range{}
		for k, r := range sampleRanges {
			s.Ranges[k] = r
		}
		sr, err := scenario.Simulate(context.Background(), s, p.Currency, scenario.SimOptions{Runs: runs, Seed: 7})
		if err != nil {
			t.Fatal(err)
		}
		sims[i] = sr
	}
	return Input{Plan: p, Results: rs, Sims: sims}
}

func spreads(c *ctx) []*spread {
	var out []*spread
	for _, it := range c.items {
		if s, ok := it.(*spread); ok {
			out = append(out, s)
		}
	}
	return out
}

// TestBandsOnEveryTimeSeries: with simulations, every time-series panel
// draws a band per banded series (two on Users, one per compared scenario
// on Compare) before the deterministic lines, and its legend names the
// band with the number of runs and, but on Compare, the P50 line.
func TestBandsOnEveryTimeSeries(t *testing.T) {
	in := simulated(t, 200)
	for _, pn := range bandPanels {
		c := built(t, pn, in)
		c.finish()
		sps := spreads(c)
		want := 1
		switch {
		case pn == ViralGrowth:
			want = 2
		case strings.HasPrefix(string(pn), "compare."):
			want = len(in.Plan.Scenarios)
		}
		if len(sps) != want {
			t.Errorf("%s: %d bands, want %d", pn, len(sps), want)
			continue
		}
		lastBand, firstLine := -1, len(c.items)
		for k, it := range c.items {
			switch it.(type) {
			case *spread:
				lastBand = k
			case *plotter.Line:
				firstLine = min(firstLine, k)
			}
		}
		if lastBand > firstLine {
			t.Errorf("%s: a line is drawn under a band", pn)
		}
		labels := strings.Join(legendLabels(c), " | ")
		if !strings.Contains(labels, "P10–P90 of 200 runs") {
			t.Errorf("%s: legend %q has no band", pn, labels)
		}
		compare := strings.HasPrefix(string(pn), "compare.")
		if hasP50 := strings.Contains(labels, "P50"); hasP50 == compare {
			t.Errorf("%s: legend %q: P50 keyed %v", pn, labels, hasP50)
		}
	}
}

// TestNoBandsWithoutSimulation: without simulations the panels draw no
// band and no band legend, and the fills under active users and cash stay.
func TestNoBandsWithoutSimulation(t *testing.T) {
	p, rs := sample(t)
	in := Input{Plan: p, Results: rs}
	for _, pn := range bandPanels {
		c := built(t, pn, in)
		c.finish()
		if n := len(spreads(c)); n != 0 {
			t.Errorf("%s: %d bands without a simulation", pn, n)
		}
		if l := strings.Join(legendLabels(c), "|"); strings.Contains(l, "P10") {
			t.Errorf("%s: legend %q", pn, l)
		}
	}
	for _, pn := range []Panel{ViralGrowth, FinanceCash} {
		if lines(built(t, pn, in).items)[0].FillColor == nil {
			t.Errorf("%s: no fill under the line without bands", pn)
		}
	}
}

// TestStaleBands: a stale simulation's band is fainter, has no P50 line,
// and the legend says it predates the edits.
func TestStaleBands(t *testing.T) {
	in := simulated(t, 50)
	fresh := spreads(built(t, FinanceCash, in))[0]
	in.SimStale = make([]bool, len(in.Sims))
	in.SimStale[0] = true
	c := built(t, FinanceCash, in)
	c.finish()
	stale := spreads(c)[0]
	if stale.Median.Width != 0 || fresh.Median.Width == 0 {
		t.Errorf("median widths: fresh %g, stale %g", fresh.Median.Width, stale.Median.Width)
	}
	bg := Light().Background
	if dist(stale.Fill, bg) >= dist(fresh.Fill, bg) {
		t.Errorf("stale fill %v is not fainter than %v", stale.Fill, fresh.Fill)
	}
	if l := strings.Join(legendLabels(c), "|"); !strings.Contains(l, "before the latest edits") || strings.Contains(l, "P50") {
		t.Errorf("stale legend %q", l)
	}
}

// dist is the squared RGB distance of two colours.
func dist(a, b color.Color) float64 {
	r1, g1, b1, _ := a.RGBA()
	r2, g2, b2, _ := b.RGBA()
	d := func(x, y uint32) float64 { return (float64(x) - float64(y)) * (float64(x) - float64(y)) }
	return d(r1, r2) + d(g1, g2) + d(b1, b2)
}

// TestBandsCutToHorizon: a simulation of a longer horizon than the
// result (the horizon was shortened since) draws only the months shown.
func TestBandsCutToHorizon(t *testing.T) {
	in := simulated(t, 20)
	s := &in.Plan.Scenarios[0]
	s.HorizonMonths = 12
	s.Finance.FundingRounds, s.Finance.Expansions = nil, nil
	rs, err := scenario.ComputePlan(in.Plan)
	if err != nil {
		t.Fatal(err)
	}
	in.Results = rs
	sp := spreads(built(t, FinanceCash, in))[0]
	if n := len(sp.Bands); n != 12 || sp.Bands[11].Month != 12 {
		t.Errorf("%d bands, want months 1–12", n)
	}
}

func TestSimsMustMatchScenarios(t *testing.T) {
	in := simulated(t, 10)
	in.Sims = in.Sims[:1]
	if _, err := Image(FinanceCash, in, Light(), 300, 200, 96); err == nil || !strings.Contains(err.Error(), "1 simulations for 3 scenarios") {
		t.Errorf("err %v", err)
	}
}

// TestBandPixels draws the cash chart over a hand-made simulation whose
// band runs from cash − $1M to cash + $1M, with P50 = cash − $0.5M, and
// reads pixels: inside the band (between the P50 and the line, and between
// the line and P90) is the band's colour, just outside P10 and P90 is not,
// in both themes.
func TestBandPixels(t *testing.T) {
	p, rs := sample(t)
	fr := rs[0].Finance
	const d = 1e6
	var bands []scenario.Band
	for _, m := range fr.Months {
		bands = append(bands, scenario.Band{Month: m.Month, P10: m.Cash - d, P50: m.Cash - d/2, P90: m.Cash + d})
	}
	sims := make([]*scenario.SimResult, len(rs))
	sims[0] = &scenario.SimResult{Runs: 1000, Series: map[string][]scenario.Band{scenario.OutputCash: bands}}
	in := Input{Plan: p, Results: rs, Sims: sims}
	dir := os.Getenv("CHART_DIR")
	for _, th := range []Theme{Light(), Dark()} {
		img, at := drawnAt(t, FinanceCash, in, th, 900, 500)
		if dir != "" {
			savePNG(t, filepath.Join(dir, "band-pixels-"+map[bool]string{false: "light", true: "dark"}[th.Dark]+".png"), img)
		}
		fill := th.tint(th.color(0), bandAlpha(th, false))
		for _, m := range []int{5, 20, 30} { // away from the round (12) and the ends
			cash := fr.Months[m-1].Cash
			for _, c := range []struct {
				y    float64
				want bool
			}{
				{cash - 0.75*d, true}, {cash + 0.5*d, true}, {cash - 0.25*d, true},
				{cash - 1.25*d, false}, {cash + 1.25*d, false},
			} {
				x, y := at(float64(m), c.y)
				got := img.At(x, y)
				if sameColor(got, fill) != c.want {
					t.Errorf("dark %v, month %d at %.0f (px %d,%d): %v, band colour %v: want inside %v",
						th.Dark, m, c.y, x, y, got, fill, c.want)
				}
			}
		}
	}
}

// drawnAt renders panel pn as Image does and returns the image and the
// map from data coordinates to its pixels.
func drawnAt(t *testing.T, pn Panel, in Input, th Theme, w, h int) (image.Image, func(x, y float64) (int, int)) {
	t.Helper()
	th = th.normalized()
	wp, hp := vg.Length(w)*vg.Inch/96, vg.Length(h)*vg.Inch/96
	plt, err := build(pn, in, th, vg.Point{X: wp, Y: hp})
	if err != nil {
		t.Fatal(err)
	}
	cv := vgimg.NewWith(vgimg.UseWH(wp, hp), vgimg.UseDPI(96), vgimg.UseBackgroundColor(th.Background))
	dc := inset(draw.New(cv), margin(vg.Point{X: wp, Y: hp}))
	plt.Draw(dc)
	da := plt.DataCanvas(dc)
	trX, trY := plt.Transforms(&da)
	return cv.Image(), func(x, y float64) (int, int) {
		return int(trX(x) * 96 / 72), h - 1 - int(trY(y)*96/72)
	}
}

// BenchmarkImageBands renders each banded panel at 900×500 with the
// sample's simulations (the figures README's Performance quotes beside
// BenchmarkImage's).
func BenchmarkImageBands(b *testing.B) {
	in := simulated(b, 1000)
	for _, pn := range bandPanels {
		b.Run(string(pn), func(b *testing.B) {
			for b.Loop() {
				if _, err := Image(pn, in, Light(), 900, 500, 96); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestBandsLook renders every banded panel of the simulated sample in both
// themes; set CHART_DIR to keep the PNGs for a look.
func TestBandsLook(t *testing.T) {
	in := simulated(t, 500)
	dir := os.Getenv("CHART_DIR")
	for _, th := range []Theme{Light(), Dark()} {
		for _, pn := range bandPanels {
			img, err := Image(pn, in, th, 900, 500, 96)
			if err != nil {
				t.Fatal(err)
			}
			if !notBlank(img) {
				t.Errorf("%s: blank", pn)
			}
			if dir != "" {
				savePNG(t, filepath.Join(dir, "bands-"+string(pn)+map[bool]string{false: "-light", true: "-dark"}[th.Dark]+".png"), img)
			}
		}
	}
}

// TestRenderCPU prints the CPU time of one 900×500 render of each banded
// panel with and without the sample's simulations: on a shared machine
// CPU time says what wall time would on an idle one (a render runs on one
// goroutine). Run with CHART_CPU=1.
func TestRenderCPU(t *testing.T) {
	if os.Getenv("CHART_CPU") == "" {
		t.Skip("set CHART_CPU=1 to measure")
	}
	sim := simulated(t, 1000)
	plain := sim
	plain.Sims = nil
	const n = 40
	for _, pn := range bandPanels {
		var ms [2]float64
		for k, in := range []Input{plain, sim} {
			start := cpuTime()
			for range n {
				if _, err := Image(pn, in, Light(), 900, 500, 96); err != nil {
					t.Fatal(err)
				}
			}
			ms[k] = (cpuTime() - start).Seconds() * 1000 / n
		}
		t.Logf("%-26s %5.2f ms plain, %5.2f ms with bands", pn, ms[0], ms[1])
	}
}

// cpuTime is the process's user and system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

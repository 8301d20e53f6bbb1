package chart

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"scaleplan/scenario"
)

// cashTornado is a tornado of cash at month 36 with a base of $4M: an
// input that cuts cash by $2M at its low and adds $1M at its high, one
// that moves it ±$0.5M, and one with no effect.
var cashTornado = scenario.Tornado{
	Output: scenario.OutputCash, Title: "Cash", Unit: scenario.UnitMoney, Month: 36, Base: 4e6,
	Bars: []scenario.TornadoBar{
		{Input: "viral.inviteConversion", Low: 0.15, High: 0.26, OutputAtLow: 3.5e6, OutputAtHigh: 4.5e6},
		{Input: "finance.referrerReward", Low: 0, High: 20, OutputAtLow: 4e6, OutputAtHigh: 4e6},
		{Input: "fulfillment.models[3PL].perOrder", Low: 4, High: 7, OutputAtLow: 2e6, OutputAtHigh: 5e6},
	},
}

func TestTornadoSortsBySwing(t *testing.T) {
	got := sortedBars(cashTornado.Bars)
	var order []string
	for _, b := range got {
		order = append(order, b.Input)
	}
	want := "fulfillment.models[3PL].perOrder viral.inviteConversion finance.referrerReward"
	if strings.Join(order, " ") != want {
		t.Errorf("order %v, want %s", order, want)
	}
	c := newCtx(Input{}, Light(), defaultSize)
	if err := tornado(c, &cashTornado, "", InputLabel); err != nil {
		t.Fatal(err)
	}
	c.finish()
	// names bottom to top: the largest swing on top
	var names []string
	for _, tk := range c.p.Y.Tick.Marker.Ticks(0, 2) {
		names = append(names, tk.Label)
	}
	if got := strings.Join(names, " | "); got != "finance: referrer reward | viral: invite conversion | fulfillment: 3PL per order" {
		t.Errorf("Y labels %q", got)
	}
	var ends []string
	for _, it := range c.items {
		if n, ok := it.(*note); ok {
			ends = append(ends, n.Label)
		}
	}
	for _, want := range []string{"4 → $2M", "7 → $5M", "15% → $3.5M", "26% → $4.5M", "no effect from 0 to 20"} {
		if !strings.Contains(strings.Join(ends, "|"), want) {
			t.Errorf("no end label %q in %q", want, ends)
		}
	}
	if l := vlineLabels(c.items); len(l) != 1 || l[0] != "base $4M" {
		t.Errorf("base line %q", l)
	}
}

func TestTornadoEmptyAndBad(t *testing.T) {
	_, err := TornadoImage(&scenario.Tornado{Title: "Cash", Base: 1}, "", nil, Light(), 400, 300, 96)
	var empty EmptyError
	if !errors.As(err, &empty) {
		t.Errorf("no bars: %v", err)
	}
	bad := cashTornado
	bad.Base = math.NaN()
	if _, err := TornadoImage(&bad, "EUR", nil, Light(), 400, 300, 96); err == nil || !strings.HasPrefix(err.Error(), "chart: risk.tornado: ") {
		t.Errorf("NaN base: %v", err)
	}
}

// TestTornadoPixels reads the top bar's two halves: left of the base (the
// input at its low, $2M..$4M) in the low colour, right of it ($4M..$5M) in
// the high colour, and the row of the input without effect has no bar.
func TestTornadoPixels(t *testing.T) {
	dir := os.Getenv("CHART_DIR")
	for _, th := range []Theme{Light(), Dark()} {
		th = th.normalized()
		sz := vg.Point{X: 900 * 72 / 96, Y: 500 * 72 / 96}
		c := newCtx(Input{}, th, sz)
		if err := tornado(c, &cashTornado, "", InputLabel); err != nil {
			t.Fatal(err)
		}
		c.finish()
		cv := vgimg.NewWith(vgimg.UseWH(sz.X, sz.Y), vgimg.UseDPI(96), vgimg.UseBackgroundColor(th.Background))
		dc := inset(draw.New(cv), margin(sz))
		c.p.Draw(dc)
		da := c.p.DataCanvas(dc)
		trX, trY := c.p.Transforms(&da)
		img := cv.Image()
		at := func(x, y float64) (int, int) { return int(trX(x) * 96 / 72), 499 - int(trY(y)*96/72) }
		if dir != "" {
			savePNG(t, filepath.Join(dir, "tornado-pixels-"+map[bool]string{false: "light", true: "dark"}[th.Dark]+".png"), img)
		}
		for _, pt := range []struct {
			x, y float64
			want any
		}{{3e6, 2, th.color(3)}, {4.5e6, 2, th.color(0)}, {3.75e6, 1, th.color(3)}, {4.25e6, 1, th.color(0)}, {3.5e6, 0, th.Background}, {2.5e6, 0, th.Background}} {
			x, y := at(pt.x, pt.y)
			if got := img.At(x, y); !sameColor(got, pt.want.(interface{ RGBA() (r, g, b, a uint32) })) {
				t.Errorf("dark %v: at (%g, row %g): %v, want %v", th.Dark, pt.x, pt.y, got, pt.want)
			}
		}
	}
}

func TestInputLabel(t *testing.T) {
	for path, want := range map[string]string{
		"viral.inviteConversion":                 "viral: invite conversion",
		"viral.paidCAC":                          "viral: paid CAC",
		"sales.averageACV":                       "sales: average ACV",
		"sales.costs.ae":                         "sales: costs ae",
		"fulfillment.models[3PL].perOrder":       "fulfillment: 3PL per order",
		"finance.fundingRounds[Series A].amount": "finance: Series A amount",
		"sales.annualNetRevenueRetention":        "sales: annual net revenue retention",
		"horizonMonths":                          "horizon months",
	} {
		if got := InputLabel(path); got != want {
			t.Errorf("InputLabel(%q) = %q, want %q", path, got, want)
		}
	}
}

func TestDensitySketch(t *testing.T) {
	dir := os.Getenv("CHART_DIR")
	cases := []struct {
		name  string
		r     scenario.Range
		path  string
		value float64
	}{
		{"lognormal", scenario.Range{Low: 0.15, High: 0.26}, "viral.inviteConversion", 0.2},
		{"normal", scenario.Range{Low: -0.1, High: 0.3, Dist: scenario.DistNormal}, "fulfillment.volume.monthlyGrowth", 0.12},
		{"uniform", scenario.Range{Low: 60000, High: 110000, Dist: scenario.DistUniform}, "finance.otherCostsPerMonth", 80000},
		{"triangular", scenario.Range{Low: 0.6, High: 1.0, Dist: scenario.DistTriangular}, "sales.quotaAttainment", 0.8},
	}
	for _, th := range []Theme{Light(), Dark()} {
		for _, c := range cases {
			img, err := DensityImage(c.r, c.path, c.value, th, 320, 110, 96)
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			if !notBlank(img) {
				t.Errorf("%s: blank", c.name)
			}
			if dir != "" {
				savePNG(t, filepath.Join(dir, "density-"+c.name+map[bool]string{false: "-light", true: "-dark"}[th.Dark]+".png"), img)
			}
		}
	}
	_, err := DensityImage(scenario.Range{Low: 3, High: 3}, "viral.seedUsers", 3, Light(), 320, 110, 96)
	var empty EmptyError
	if !errors.As(err, &empty) || !strings.Contains(err.Error(), "every run uses 3") {
		t.Errorf("zero width: %v", err)
	}
}

// TestDensityWindow: the sketch shows low..high with a margin, never
// beyond the input's valid range (a conversion stays within 0..1).
func TestDensityWindow(t *testing.T) {
	lo, hi := densityWindow(scenario.Range{Low: 0.6, High: 0.95}, "viral.inviteConversion")
	if lo != 0.6-0.45*0.35 || hi != 1 {
		t.Errorf("window %g..%g, want %g..1", lo, hi, 0.6-0.45*0.35)
	}
	lo, hi = densityWindow(scenario.Range{Low: 2, High: 6, Dist: scenario.DistUniform}, "viral.invitesPerUser")
	if lo != 2-0.48 || hi != 6+0.48 {
		t.Errorf("window %g..%g", lo, hi)
	}
}

// TestTornadoOfSample draws scenario.TornadoOf's tornado of the sample's
// cash with sampleRanges, in both themes: the inputs top to bottom in the
// tornado's order (largest swing first).
func TestTornadoOfSample(t *testing.T) {
	in := simulated(t, 1)
	s := &in.Plan.Scenarios[0]
	tn, err := scenario.TornadoOf(context.Background(), s, scenario.OutputCash, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(tn.Bars) != len(sampleRanges) {
		t.Fatalf("%d bars", len(tn.Bars))
	}
	c := newCtx(Input{}, Light(), defaultSize)
	if err := tornado(c, tn, in.Plan.Currency, InputLabel); err != nil {
		t.Fatal(err)
	}
	c.finish()
	ticks := c.p.Y.Tick.Marker.Ticks(0, float64(len(tn.Bars)-1))
	for k, b := range tn.Bars {
		if got := ticks[len(ticks)-1-k].Label; got != InputLabel(b.Input) {
			t.Errorf("row %d from the top: %q, want %q", k, got, InputLabel(b.Input))
		}
	}
	dir := os.Getenv("CHART_DIR")
	for _, th := range []Theme{Light(), Dark()} {
		for _, sz := range [][2]int{{900, 500}, {560, 210}} { // 560×210: the Risk tab's column at 1280×720
			img, err := TornadoImage(tn, in.Plan.Currency, nil, th, sz[0], sz[1], 96)
			if err != nil {
				t.Fatal(err)
			}
			if !notBlank(img) {
				t.Error("blank")
			}
			if dir != "" {
				savePNG(t, filepath.Join(dir, fmt.Sprintf("tornado-sample-%dx%d%s.png", sz[0], sz[1], map[bool]string{false: "-light", true: "-dark"}[th.Dark])), img)
			}
		}
	}
}

// TestWriteTornadoFile writes the three-bar tornado in each format: a PNG
// 10 in wide at 144 dpi (1,440 px) and 1.4 in + 3 × 0.5 in = 2.9 in tall
// (417.6, so 418 px), an SVG and a PDF; a nil tornado or an unknown
// extension is refused and leaves the old file alone.
func TestWriteTornadoFile(t *testing.T) {
	dir := t.TempDir()
	for ext, magic := range map[string]string{".png": "\x89PNG", ".svg": "<?xml", ".pdf": "%PDF"} {
		path := filepath.Join(dir, "tornado"+ext)
		if err := WriteTornadoFile(path, &cashTornado, "USD", nil, Light()); err != nil {
			t.Fatalf("%s: %v", ext, err)
		}
		data, err := os.ReadFile(path)
		if err != nil || !strings.HasPrefix(string(data), magic) {
			t.Errorf("%s: starts %.8q, want %q (%v)", ext, data, magic, err)
		}
		if ext == ".png" {
			cfg, err := png.DecodeConfig(bytes.NewReader(data))
			if err != nil || cfg.Width != 1440 || cfg.Height != 418 {
				t.Errorf("png %d×%d (%v), want 1440×418", cfg.Width, cfg.Height, err)
			}
		}
	}
	old := filepath.Join(dir, "tornado.png")
	before, _ := os.ReadFile(old)
	if err := WriteTornadoFile(old, nil, "USD", nil, Light()); err == nil {
		t.Error("a nil tornado was written")
	}
	if err := WriteTornadoFile(filepath.Join(dir, "t.gif"), &cashTornado, "USD", nil, Light()); err == nil || !strings.Contains(err.Error(), "unknown file type") {
		t.Errorf("a .gif: %v", err)
	}
	if after, _ := os.ReadFile(old); !bytes.Equal(before, after) {
		t.Error("a refused write changed the old file")
	}
}

package chart

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"scaleplan/assets"
	"scaleplan/scenario"
)

// sample decodes and computes the embedded sample plan.
func sample(t testing.TB) (*scenario.Plan, []*scenario.Result) {
	t.Helper()
	p, err := scenario.Decode(assets.SamplePlan)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := scenario.ComputePlan(p)
	if err != nil {
		t.Fatal(err)
	}
	return p, rs
}

var allPanels = []Panel{ViralGrowth, ViralSources, SalesARR, SalesHeads, FulfillmentCostPerOrder,
	FulfillmentMonthly, MarketScores, FinanceCash, FinanceFlows, CompareActive, CompareARR, CompareOrders, CompareCost, CompareCash}

// notBlank reports whether some pixel differs from the top-left one.
func notBlank(img image.Image) bool {
	b := img.Bounds()
	r0, g0, b0, _ := img.At(b.Min.X, b.Min.Y).RGBA()
	n := 0
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bb, _ := img.At(x, y).RGBA()
			if r != r0 || g != g0 || bb != b0 {
				n++
			}
		}
	}
	return n > b.Dx()*b.Dy()/400
}

func TestEveryPanelRenders(t *testing.T) {
	p, rs := sample(t)
	dir := os.Getenv("CHART_DIR") // set to keep the PNGs for a look
	sizes := [][2]int{{900, 500}, {450, 300}}
	for si := range p.Scenarios {
		for _, th := range []Theme{Light(), Dark()} {
			for _, pn := range allPanels {
				for _, sz := range sizes {
					name := fmt.Sprintf("%s-%s-%v-%dx%d", p.Scenarios[si].Name, pn, th.Dark, sz[0], sz[1])
					t.Run(name, func(t *testing.T) {
						img, err := Image(pn, Input{Plan: p, Results: rs, Scenario: si}, th, sz[0], sz[1], 96)
						if err != nil {
							t.Fatal(err)
						}
						if b := img.Bounds(); b.Dx() != sz[0] || b.Dy() != sz[1] {
							t.Fatalf("size %v, want %v", b.Size(), sz)
						}
						if !notBlank(img) {
							t.Fatal("image is blank")
						}
						if dir != "" {
							savePNG(t, filepath.Join(dir, strings.ReplaceAll(name, " ", "_")+".png"), img)
						}
					})
				}
			}
		}
	}
}

func savePNG(t *testing.T, path string, img image.Image) {
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestModuleOff(t *testing.T) {
	p, _ := sample(t)
	for i := range p.Scenarios {
		s := &p.Scenarios[i]
		s.Viral.Enabled, s.Sales.Enabled, s.Fulfillment.Enabled, s.Markets.Enabled, s.Finance.Enabled = false, false, false, false, false
		if s.Fulfillment.Volume.Source == scenario.VolumeViral {
			s.Fulfillment.Volume.Source = scenario.VolumeManual
		}
	}
	rs, err := scenario.ComputePlan(p)
	if err != nil {
		t.Fatal(err)
	}
	for _, pn := range allPanels {
		_, err := Image(pn, Input{Plan: p, Results: rs}, Light(), 300, 200, 96)
		if !errors.Is(err, ErrModuleOff) {
			t.Errorf("%s: err %v, want module off", pn, err)
		}
		if err != nil && !strings.HasPrefix(err.Error(), "chart: "+string(pn)+": the ") {
			t.Errorf("%s: message %q", pn, err)
		}
	}
}

// edgePlan is the sample with degenerate inputs: one month, K = 0, no
// orders, no seed users, no markets' weight differences.
func edgePlan(t testing.TB) (*scenario.Plan, []*scenario.Result) {
	t.Helper()
	p, _ := sample(t)
	s := &p.Scenarios[0]
	s.HorizonMonths = 1
	s.Finance.FundingRounds, s.Finance.Expansions = nil, nil
	s.Viral.InvitesPerUser = 0
	s.Viral.GoalUsers = 0
	s.Fulfillment.Volume.StartOrdersPerMonth = 0
	s2 := &p.Scenarios[1]
	s2.Viral.SeedUsers, s2.Viral.PaidUsersPerMonth = 0, 0
	s2.Fulfillment.Volume.Source = scenario.VolumeViral
	s2.Sales.StartingARR, s2.Sales.FounderNewARRPerMonth, s2.Sales.AEQuotaPerMonth = 0, 0, 0
	s3 := &p.Scenarios[2]
	s3.HorizonMonths = 240
	s3.Markets.Factors[0].Weight = 3
	rs, err := scenario.ComputePlan(p)
	if err != nil {
		t.Fatal(err)
	}
	return p, rs
}

func TestEdgePlansRender(t *testing.T) {
	p, rs := edgePlan(t)
	for si := range p.Scenarios {
		for _, pn := range allPanels {
			img, err := Image(pn, Input{Plan: p, Results: rs, Scenario: si}, Dark(), 450, 300, 96)
			if err != nil {
				t.Errorf("%s %s: %v", p.Scenarios[si].Name, pn, err)
				continue
			}
			if !notBlank(img) {
				t.Errorf("%s %s: blank", p.Scenarios[si].Name, pn)
			}
		}
	}
}

func TestBadInput(t *testing.T) {
	p, rs := sample(t)
	tests := []struct {
		name string
		in   Input
	}{
		{"no plan", Input{}},
		{"scenario out of range", Input{Plan: p, Results: rs, Scenario: 3}},
		{"negative scenario", Input{Plan: p, Results: rs, Scenario: -1}},
		{"results missing", Input{Plan: p, Results: rs[:1]}},
		{"nil result", Input{Plan: p, Results: []*scenario.Result{nil, rs[1], rs[2]}}},
		{"compare out of range", Input{Plan: p, Results: rs, Compare: []int{0, 7}}},
	}
	for _, tt := range tests {
		for _, pn := range allPanels {
			if _, err := Image(pn, tt.in, Light(), 200, 100, 96); err == nil {
				t.Errorf("%s %s: no error", tt.name, pn)
			}
		}
	}
	in := Input{Plan: p, Results: rs}
	if _, err := Plot("nope", in, Light()); err == nil {
		t.Error("unknown panel: no error")
	}
	for _, sz := range [][2]int{{0, 100}, {100, -1}, {1 << 20, 10}} {
		if _, err := Image(ViralGrowth, in, Light(), sz[0], sz[1], 96); err == nil {
			t.Errorf("size %v: no error", sz)
		}
	}
	if _, err := Image(ViralGrowth, in, Light(), 100, 100, 0); err == nil {
		t.Error("dpi 0: no error")
	}
	if _, err := Image(ViralGrowth, in, Theme{}, 100, 100, 96); err != nil {
		t.Errorf("zero theme: %v", err)
	}
}

func TestImageScalesWithDPI(t *testing.T) {
	p, rs := sample(t)
	in := Input{Plan: p, Results: rs}
	for _, dpi := range []float64{96, 120, 144, 192} {
		img, err := Image(SalesARR, in, Light(), 900, 500, dpi)
		if err != nil {
			t.Fatal(err)
		}
		if b := img.Bounds(); b.Dx() != 900 || b.Dy() != 500 {
			t.Errorf("dpi %g: size %v", dpi, b.Size())
		}
	}
}

func TestWriteFormats(t *testing.T) {
	p, rs := sample(t)
	in := Input{Plan: p, Results: rs, Scenario: 1}
	magic := map[string]string{"png": "\x89PNG\r\n\x1a\n", "svg": "<?xml", "pdf": "%PDF-"}
	for _, k := range Kinds() {
		for format, m := range magic {
			var buf bytes.Buffer
			if err := Write(&buf, format, k, in, Dark(), 500, 300*vg.Length(len(Panels(k)))); err != nil {
				t.Fatalf("%s %s: %v", k, format, err)
			}
			if !bytes.HasPrefix(buf.Bytes(), []byte(m)) {
				t.Errorf("%s %s: starts with %q", k, format, buf.Bytes()[:min(8, buf.Len())])
			}
			if format == "svg" && !bytes.Contains(buf.Bytes(), []byte("<svg")) {
				t.Errorf("%s svg: no <svg> element", k)
			}
		}
	}
	var buf bytes.Buffer
	if err := Write(&buf, "gif", KindViral, in, Light(), 100, 100); err == nil {
		t.Error("gif: no error")
	}
	if err := Write(&buf, "png", "nope", in, Light(), 100, 100); err == nil {
		t.Error("unknown kind: no error")
	}
}

func TestWriteFile(t *testing.T) {
	p, rs := sample(t)
	in := Input{Plan: p, Results: rs}
	dir := t.TempDir()
	for _, name := range []string{"a.png", "b.SVG", "c.pdf"} {
		path := filepath.Join(dir, name)
		if err := WriteFile(path, KindSales, in, Light()); err != nil {
			t.Fatal(err)
		}
		if fi, err := os.Stat(path); err != nil || fi.Size() < 1000 {
			t.Errorf("%s: %v %v", name, fi, err)
		}
	}
	for _, name := range []string{"d.gif", "noext", filepath.Join("missing", "e.png")} {
		if err := WriteFile(filepath.Join(dir, name), KindSales, in, Light()); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3 {
		t.Errorf("%d files left in the folder, want 3 (no temporary files)", len(entries))
	}
}

func TestCompareSkipsModulesOff(t *testing.T) {
	p, _ := sample(t)
	p.Scenarios[0].Sales.Enabled = false
	rs, err := scenario.ComputePlan(p)
	if err != nil {
		t.Fatal(err)
	}
	in := Input{Plan: p, Results: rs, Compare: []int{0}}
	if _, err := Plot(CompareARR, in, Light()); !errors.Is(err, ErrModuleOff) {
		t.Errorf("ARR of a scenario without sales: %v", err)
	}
	var buf bytes.Buffer
	if err := Write(&buf, "png", KindCompare, in, Light(), 400, 600); err != nil {
		t.Errorf("compare page without one module: %v", err)
	}
	in.Compare = []int{0, 1}
	if _, err := Plot(CompareARR, in, Light()); err != nil {
		t.Errorf("ARR with one scenario on: %v", err)
	}
}

func TestPanels(t *testing.T) {
	n := 0
	for _, k := range Kinds() {
		n += len(Panels(k))
	}
	if n != len(allPanels) || Panels("nope") != nil {
		t.Errorf("%d panels in kinds, want %d", n, len(allPanels))
	}
}

func BenchmarkImage(b *testing.B) {
	p, rs := sample(b)
	in := Input{Plan: p, Results: rs}
	for _, pn := range allPanels {
		b.Run(string(pn), func(b *testing.B) {
			for b.Loop() {
				if _, err := Image(pn, in, Light(), 900, 500, 96); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestEdgePlansLook: the edge plans (one month, K = 0, no orders, no seed
// users, 240 months) still give every panel readable axes: finite ranges
// that are not empty, at least two labelled ticks per axis, inside the
// range, with labels that differ (a step finer than the labels' precision
// would print "0, 0, 1"). Set CHART_DIR to keep the PNGs for a look.
func TestEdgePlansLook(t *testing.T) {
	dir := os.Getenv("CHART_DIR")
	p, rs := edgePlan(t)
	for si := range p.Scenarios {
		for _, pn := range allPanels {
			in := Input{Plan: p, Results: rs, Scenario: si}
			where := fmt.Sprintf("%s %s", p.Scenarios[si].Name, pn)
			plt, err := Plot(pn, in, Light())
			if err != nil {
				t.Errorf("%s: %v", where, err)
				continue
			}
			checkAxis(t, where+" X", plt.X)
			checkAxis(t, where+" Y", plt.Y)
			img, err := Image(pn, in, Light(), 450, 300, 96)
			if err != nil {
				t.Errorf("%s: %v", where, err)
				continue
			}
			if !notBlank(img) {
				t.Errorf("%s: blank", where)
			}
			if dir != "" {
				savePNG(t, filepath.Join(dir, fmt.Sprintf("edge%d-%s.png", si, pn)), img)
			}
		}
	}
}

// checkAxis reports an axis whose range is empty or not finite, or whose
// labelled ticks are fewer than two, outside the range or repeated.
func checkAxis(t *testing.T, where string, a plot.Axis) {
	t.Helper()
	if math.IsNaN(a.Min) || math.IsInf(a.Min, 0) || math.IsNaN(a.Max) || math.IsInf(a.Max, 0) || !(a.Max > a.Min) {
		t.Errorf("%s: range [%v, %v]", where, a.Min, a.Max)
		return
	}
	seen := map[string]bool{}
	var labels []string
	slack := (a.Max - a.Min) * 1e-9
	for _, tk := range a.Tick.Marker.Ticks(a.Min, a.Max) {
		if tk.Label == "" {
			continue
		}
		if tk.Value < a.Min-slack || tk.Value > a.Max+slack {
			t.Errorf("%s: tick %q at %v outside [%v, %v]", where, tk.Label, tk.Value, a.Min, a.Max)
		}
		if seen[tk.Label] {
			t.Errorf("%s: label %q twice", where, tk.Label)
		}
		seen[tk.Label] = true
		labels = append(labels, tk.Label)
	}
	if len(labels) < 2 {
		t.Errorf("%s: labelled ticks %q, want at least two", where, labels)
	}
}

func TestLongNamesAndManyMarkets(t *testing.T) {
	p, _ := sample(t)
	long := strings.Repeat("Very long scenario name ", 6)
	p.Scenarios[0].Name = long
	mk := &p.Scenarios[0].Markets
	for i := range 20 {
		m := scenario.NewMarket(fmt.Sprintf("Market number %d with a long name", i), mk.Factors)
		for _, f := range mk.Factors {
			m.Scores[f.ID] = float64(1 + (i+len(f.Name))%5)
		}
		mk.Markets = append(mk.Markets, m)
	}
	rs, err := scenario.ComputePlan(p)
	if err != nil {
		t.Fatal(err)
	}
	dir := os.Getenv("CHART_DIR")
	for _, pn := range []Panel{MarketScores, CompareARR, ViralGrowth} {
		img, err := Image(pn, Input{Plan: p, Results: rs}, Light(), 450, 300, 96)
		if err != nil {
			t.Fatal(err)
		}
		if dir != "" {
			savePNG(t, filepath.Join(dir, "long-"+string(pn)+".png"), img)
		}
	}
}

// TestScenarioOutOfRangeMessage: one past the last scenario is reported as
// out of range, not as an internal error.
func TestScenarioOutOfRangeMessage(t *testing.T) {
	p, rs := sample(t)
	_, err := Plot(SalesARR, Input{Plan: p, Results: rs, Scenario: len(p.Scenarios)}, Light())
	if err == nil || !strings.Contains(err.Error(), "scenario 3 out of range (the plan has 3)") {
		t.Errorf("error %v", err)
	}
}

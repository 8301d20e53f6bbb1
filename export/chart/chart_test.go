package chart

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
	FulfillmentMonthly, MarketScores, CompareActive, CompareARR, CompareOrders, CompareCost}

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
		s.Viral.Enabled, s.Sales.Enabled, s.Fulfillment.Enabled, s.Markets.Enabled = false, false, false, false
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

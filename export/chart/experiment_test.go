package chart

import (
	"math"
	"strings"
	"testing"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"scaleplan/scenario/experiment"
)

var design = experiment.Design{BaselineRate: 0.2, MinDetectableEffect: 0.25, Alpha: 0.05, Power: 0.8, VariantShare: 0.5}

func TestExperimentImage(t *testing.T) {
	for _, th := range []Theme{Light(), Dark()} {
		img, err := ExperimentImage(design, th, 600, 320, 96)
		if err != nil {
			t.Fatal(err)
		}
		if b := img.Bounds(); b.Dx() != 600 || b.Dy() != 320 || !notBlank(img) {
			t.Fatalf("dark %v: %v, blank %v", th.Dark, b, !notBlank(img))
		}
	}
	bad := design
	bad.MinDetectableEffect = 0
	if _, err := ExperimentImage(bad, Light(), 600, 320, 96); err == nil || !strings.HasPrefix(err.Error(), "chart: experiment.sampleSize: minDetectableEffect: must not be 0") {
		t.Errorf("invalid design: %v", err)
	}
	if _, err := ExperimentImage(design, Light(), 0, 320, 96); err == nil {
		t.Error("a zero-width image is accepted")
	}
}

// The curve runs from +12.5% to +50% through the design's 1,093.74 at
// +25% (docs/MODELS.md), falling; the planned point sits at (25, 1,094).
func TestSampleSizeCurveSeries(t *testing.T) {
	c := newCtx(Input{}, Light(), vg.Point{X: 450, Y: 240})
	if err := sampleSizeCurve(c, design); err != nil {
		t.Fatal(err)
	}
	ls := lines(c.items)
	if len(ls) != 1 || len(ls[0].XYs) != curvePoints {
		t.Fatalf("%d lines", len(ls))
	}
	xys := ls[0].XYs
	if xys[0].X != 12.5 || xys[len(xys)-1].X != 50 {
		t.Errorf("effects %v to %v, want 12.5 to 50", xys[0].X, xys[len(xys)-1].X)
	}
	found := false
	for i, xy := range xys {
		if i > 0 && !(xy.Y < xys[i-1].Y) {
			t.Errorf("n does not fall at %v%%", xy.X)
		}
		if math.Abs(xy.X-25) < 1e-9 {
			found = math.Abs(xy.Y-1093.7390457661654) < 1e-6
		}
	}
	if !found {
		t.Error("the curve does not pass through 1,093.74 at +25%")
	}
	var planned *plotter.Scatter
	var label string
	for _, it := range c.items {
		switch v := it.(type) {
		case *plotter.Scatter:
			planned = v
		case *note:
			label = v.Label
		}
	}
	if planned == nil || planned.XYs[0].X != 25 || planned.XYs[0].Y != 1094 {
		t.Errorf("planned point %+v", planned)
	}
	if label != "planned: 1,094 per arm at +25%" {
		t.Errorf("label %q", label)
	}
}

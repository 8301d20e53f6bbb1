package chart

import (
	"fmt"
	"image"
	"math"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg/draw"

	"scaleplan/scenario"
	"scaleplan/scenario/experiment"
)

// ExperimentPanel names the sample-size curve of an experiment in errors.
const ExperimentPanel Panel = "experiment.sampleSize"

// curvePoints is how many effects the sample-size curve is drawn through:
// 39 steps over 1.5 × the planned effect put the planned effect on step 13.
const curvePoints = 40

// ExperimentImage renders the sample-size curve of an experiment's design
// — visitors per arm against the relative effect to detect, from half the
// planned effect to twice it, with the planned point marked — to an image
// of wPx × hPx pixels at dpi (as Image).
func ExperimentImage(d experiment.Design, th Theme, wPx, hPx int, dpi float64) (image.Image, error) {
	return renderAlone(ExperimentPanel, th, wPx, hPx, dpi, func(c *ctx) error { return sampleSizeCurve(c, d) })
}

// sampleSizeCurve draws n per arm against the effect, and the design's point.
func sampleSizeCurve(c *ctx, d experiment.Design) error {
	pts, err := d.Curve(curvePoints)
	if err != nil {
		return err
	}
	size, err := d.Size()
	if err != nil {
		return err
	}
	c.setTitle("Sample size per arm by the effect to detect")
	xys := make(plotter.XYs, len(pts))
	lo, hi := math.Inf(1), math.Inf(-1)
	for i, pt := range pts {
		xys[i] = plotter.XY{X: 100 * pt.Effect, Y: clean(pt.PerArm)}
		lo, hi = math.Min(lo, xys[i].X), math.Max(hi, xys[i].X)
	}
	c.p.X.Label.Text = "relative effect to detect (%)"
	c.p.Y.Label.Text = "visitors per arm"
	lo, hi, step := niceRange(lo, hi, max(4, min(10, int(c.sz.X/60))))
	c.p.X.Min, c.p.X.Max, c.xFixed = lo, hi, true
	c.p.X.Tick.Marker = linearTicks(step, func(v float64) string { return fmt.Sprintf("%+g%%", v) })
	l := c.line(xys, c.th.color(0), 2)
	c.add(l)
	c.key("visitors per arm (two-sided z-test, α "+fmt.Sprint(d.Alpha)+", power "+fmt.Sprint(d.Power)+")", l)
	x, y := 100*d.MinDetectableEffect, float64(size.PerArm)
	sc, err := plotter.NewScatter(plotter.XYs{{X: x, Y: y}})
	if err != nil {
		return err
	}
	sc.GlyphStyle = draw.GlyphStyle{Color: c.th.color(1), Radius: c.fs * 0.45, Shape: draw.CircleGlyph{}}
	label := fmt.Sprintf("planned: %s per arm at %+.4g%%", scenario.FormatCount(y), x)
	c.add(sc, &note{X: x, Y: y, Label: label, Text: c.text(0.9, c.th.Foreground), DX: 0.8, DY: 0.5, Back: c.th.Background})
	c.yHead = 0.06
	return nil
}

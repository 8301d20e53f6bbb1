package chart

import (
	"fmt"
	"image"
	"math"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

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
func ExperimentImage(d experiment.Design, th Theme, wPx, hPx int, dpi float64) (img image.Image, err error) {
	p := ExperimentPanel
	if wPx <= 0 || hPx <= 0 || wPx > maxPixels || hPx > maxPixels {
		return nil, fmt.Errorf("chart: %s: image size %d×%d out of range", p, wPx, hPx)
	}
	if !(dpi >= 1 && dpi <= 2400) {
		return nil, fmt.Errorf("chart: %s: dpi %g out of range", p, dpi)
	}
	th = th.normalized()
	idpi := int(math.Round(dpi))
	sz := vg.Point{X: vg.Length(wPx) * vg.Inch / vg.Length(idpi), Y: vg.Length(hPx) * vg.Inch / vg.Length(idpi)}
	defer recoverTo(&err, string(p))
	c := newCtx(Input{}, th, sz)
	if err := sampleSizeCurve(c, d); err != nil {
		return nil, fmt.Errorf("chart: %s: %w", p, err)
	}
	c.finish()
	cv := vgimg.NewWith(vgimg.UseWH(sz.X, sz.Y), vgimg.UseDPI(idpi), vgimg.UseBackgroundColor(th.Background))
	c.p.Draw(inset(draw.New(cv), margin(sz)))
	return cv.Image(), nil
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

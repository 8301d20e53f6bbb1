package chart

import (
	"errors"
	"image"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"scaleplan/scenario"
)

// DensityPanel names the density sketch in errors.
const DensityPanel Panel = "range.density"

// densityPoints is how many points the density curve is drawn through.
const densityPoints = 121

// DensityImage renders a small sketch of the density range r draws from
// for the input at path whose value is value (docs/MODELS.md §7): the
// curve, filled, over the input's valid range near low..high, with low and
// high dashed and the value solid, each labelled on the X axis. It is
// meant for the Range dialog, at about 320×110 pixels.
func DensityImage(r scenario.Range, path string, value float64, th Theme, wPx, hPx int, dpi float64) (image.Image, error) {
	return renderAlone(DensityPanel, th, wPx, hPx, dpi, func(c *ctx) error { return density(c, r, path, value) })
}

// density builds the sketch.
func density(c *ctx, r scenario.Range, path string, value float64) error {
	if !finite(r.Low, r.High, value) {
		return errors.New("the range's low, high and value must be numbers")
	}
	f := r.Density(value)
	if f == nil {
		return EmptyError("Low equals high: every run uses " + inputFormat(path)(r.Low) + ".")
	}
	lo, hi := densityWindow(r, path)
	xys := make(plotter.XYs, densityPoints)
	top := 0.0
	for i := range xys {
		x := lo + (hi-lo)*float64(i)/float64(densityPoints-1)
		y := clean(f(x))
		xys[i] = plotter.XY{X: x, Y: y}
		top = math.Max(top, y)
	}
	if !(top > 0) {
		top = 1
	}
	l := c.line(xys, c.th.color(0), 1.4)
	l.FillColor = c.th.tint(c.th.color(0), bandAlpha(c.th, false))
	c.add(l)
	c.p.Title.Text = ""
	c.p.Y.Tick.Marker = plot.ConstantTicks(nil)
	c.p.Y.Label.Text = ""
	c.p.X.Min, c.p.X.Max, c.xFixed = lo, hi, true
	c.fixY(0, top*1.08)
	format := inputFormat(path)
	ticks := []plot.Tick{{Value: r.Low, Label: format(r.Low)}, {Value: r.High, Label: format(r.High)}}
	if value > r.Low && value < r.High {
		ticks = append(ticks, plot.Tick{Value: value, Label: format(value)})
	}
	c.p.X.Tick.Marker = plot.ConstantTicks(ticks)
	ends := draw.LineStyle{Color: c.th.muted(), Width: 0.9, Dashes: []vg.Length{3, 2}}
	val := draw.LineStyle{Color: c.th.Foreground, Width: 1.2}
	c.add(&vlines{Lines: []vline{{X: r.Low, Style: ends}, {X: r.High, Style: ends}, {X: value, Style: val}}})
	return nil
}

// densityWindow is the stretch of input values the sketch shows: low..high
// and a margin either side (wider for the unbounded normal and lognormal,
// where 5% of draws lie beyond each end), cut to the input's valid range.
func densityWindow(r scenario.Range, path string) (float64, float64) {
	span := r.High - r.Low
	k := 0.12
	if d := r.Distribution(); d == scenario.DistNormal || d == scenario.DistLognormal {
		k = 0.45
	}
	lo, hi := r.Low-k*span, r.High+k*span
	if r.Distribution() == scenario.DistLognormal {
		lo = math.Max(lo, r.Low/2) // no mass at or below zero
	}
	if l, ok := scenario.LimitOf(path); ok {
		lo, hi = math.Max(lo, l.Min), math.Min(hi, l.Max)
	}
	return lo, hi
}

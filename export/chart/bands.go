package chart

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"scaleplan/scenario"
)

// spread is one output's P10–P90 band and P50 line from a simulation,
// drawn under the deterministic line (docs/MODELS.md §7). X of month m is
// m + DX (DX −0.5 for values that belong to the middle of a month).
type spread struct {
	Bands []scenario.Band
	DX    float64
	Fill  color.Color
	// Median is the P50 line's style; a zero width draws no median.
	Median draw.LineStyle
}

// points returns the bands' P10, P50 and P90 as screen points, skipping
// months whose percentiles are not finite.
func (s *spread) points(trX, trY func(float64) vg.Length) (lo, mid, hi []vg.Point) {
	for _, b := range s.Bands {
		if !finite(b.P10, b.P50, b.P90) {
			continue
		}
		x := trX(float64(b.Month) + s.DX)
		lo = append(lo, vg.Point{X: x, Y: trY(b.P10)})
		mid = append(mid, vg.Point{X: x, Y: trY(b.P50)})
		hi = append(hi, vg.Point{X: x, Y: trY(b.P90)})
	}
	return lo, mid, hi
}

// Plot implements plot.Plotter: the band as one polygon (P90 forward, P10
// back), then the median.
func (s *spread) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	lo, mid, hi := s.points(trX, trY)
	if len(hi) == 0 {
		return
	}
	poly := make([]vg.Point, 0, 2*len(hi))
	poly = append(poly, hi...)
	for i := len(lo) - 1; i >= 0; i-- {
		poly = append(poly, lo[i])
	}
	if cl := c.ClipPolygonXY(poly); len(cl) > 2 {
		c.FillPolygon(s.Fill, cl)
	}
	if s.Median.Width > 0 && len(mid) > 1 {
		c.StrokeLines(s.Median, c.ClipLinesXY(mid)...)
	}
}

// DataRange implements plot.DataRanger: the months and P10..P90.
func (s *spread) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, ymin = math.Inf(1), math.Inf(1)
	xmax, ymax = math.Inf(-1), math.Inf(-1)
	for _, b := range s.Bands {
		if !finite(b.P10, b.P50, b.P90) {
			continue
		}
		x := float64(b.Month) + s.DX
		xmin, xmax = math.Min(xmin, x), math.Max(xmax, x)
		ymin = math.Min(ymin, math.Min(b.P10, b.P90))
		ymax = math.Max(ymax, math.Max(b.P10, b.P90))
	}
	return xmin, xmax, ymin, ymax
}

// Thumbnail implements plot.Thumbnailer: a swatch of the band's fill.
func (s *spread) Thumbnail(c *draw.Canvas) { swatch{Color: s.Fill}.Thumbnail(c) }

// sim returns scenario i's simulation, nil when there is none.
func (c *ctx) sim(i int) *scenario.SimResult {
	if i < 0 || i >= len(c.in.Sims) {
		return nil
	}
	return c.in.Sims[i]
}

// bandsOf returns scenario i's bands of output key, cut to its horizon h
// (a simulation older than a shorter horizon); nil when there are none.
func (c *ctx) bandsOf(i int, key string, h int) []scenario.Band {
	sr := c.sim(i)
	if sr == nil {
		return nil
	}
	bs := sr.Series[key]
	n := 0
	for n < len(bs) && bs[n].Month <= h {
		n++
	}
	if n == 0 {
		return nil
	}
	return bs[:n]
}

// simStale reports whether scenario i's simulation predates the plan.
func (c *ctx) simStale(i int) bool { return i >= 0 && i < len(c.in.SimStale) && c.in.SimStale[i] }

// bandAlpha is a band's opacity over the background, higher on a dark
// background (where a tint shows less); a stale band is fainter (and
// drawn without its P50 line).
func bandAlpha(th Theme, stale bool) float64 {
	a := 0.28
	if th.Dark {
		a = 0.42
	}
	if stale {
		a *= 0.45
	}
	return a
}

// spread queues the shown scenario's P10–P90 band and P50 line of output
// key in colour clr, under the deterministic line added after it, and
// keys them once per chart. It reports whether there was a band.
func (c *ctx) spread(key string, h int, dx float64, clr color.Color) bool {
	bs := c.bandsOf(c.in.Scenario, key, h)
	if bs == nil {
		return false
	}
	stale := c.simStale(c.in.Scenario)
	sp := &spread{Bands: bs, DX: dx, Fill: c.th.tint(clr, bandAlpha(c.th, stale))}
	if !stale {
		sp.Median = draw.LineStyle{Color: clr, Width: c.lw() * 0.9, Dashes: []vg.Length{c.fs * 0.25, c.fs * 0.3}}
	}
	c.add(sp)
	if c.keyed == nil {
		c.keyed = sp
	}
	return true
}

// keySpread adds the legend's entries for the chart's first band, after
// the panel's own: what the band is and how many runs it comes from.
func (c *ctx) keySpread() {
	sp := c.keyed
	if sp == nil {
		return
	}
	runs := 0
	if sr := c.sim(c.in.Scenario); sr != nil {
		runs = sr.Runs
	}
	label := "P10–P90"
	if runs > 0 {
		label = fmt.Sprintf("P10–P90 of %s runs", scenario.FormatCount(float64(runs)))
	}
	if c.simStale(c.in.Scenario) {
		c.key(label+" (before the latest edits: simulate again)", swatch{Color: sp.Fill})
		return
	}
	c.key(label, swatch{Color: sp.Fill})
	if sp.Median.Width > 0 {
		c.key("P50", lineThumb(sp.Median))
	}
}

// compareSpread queues compared scenario i's P10–P90 band of output key in
// its colour, translucent so that overlapping bands stay visible, without
// a P50 line (the scenarios' lines are dashed already).
func (c *ctx) compareSpread(i int, key string, h int, dx float64, clr color.Color) {
	bs := c.bandsOf(i, key, h)
	if bs == nil {
		return
	}
	r, g, b, _ := color.NRGBAModel.Convert(clr).(color.NRGBA).RGBA()
	fill := color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: uint8(255 * bandAlpha(c.th, c.simStale(i)) * 0.8)}
	sp := &spread{Bands: bs, DX: dx, Fill: fill}
	c.add(sp)
	if c.keyed == nil {
		c.keyed = sp
	}
}

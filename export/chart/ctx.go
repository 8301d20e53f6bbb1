package chart

import (
	"image/color"
	"math"

	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/font/liberation"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"scaleplan/scenario"
)

// sans is the typeface of every text; sansBold, of titles.
var (
	sans     = font.Font{Typeface: "Liberation", Variant: "Sans"}
	sansBold = font.Font{Typeface: "Liberation", Variant: "SansBold"}
)

// init registers Liberation Sans Bold a second time, as a regular-weight
// variant of its own: vgpdf (v0.17.0) fails on bold-weight fonts
// ("undefined font: liberationsans-bold B").
func init() {
	for _, f := range liberation.Collection() {
		if f.Font.Variant == "Sans" && f.Font.Weight == xfont.WeightBold && f.Font.Style == xfont.StyleNormal {
			font.DefaultCache.Add(font.Collection{{Font: sansBold, Face: f.Face}})
		}
	}
}

// ctx collects one panel while it is built: the plot, its theme and size,
// the plotters (added in finish, after the grid) and the legend.
type ctx struct {
	in     Input
	th     Theme
	sz     vg.Point
	p      *plot.Plot
	fs     vg.Length // base font size
	items  []plot.Plotter
	behind []plot.Plotter // drawn before the grid (bands)
	after  []func()       // run once the axes' ranges are final
	legend []legendEntry
	// keyed is the first band drawn, which the legend explains.
	keyed *spread

	yFormat func(float64) string
	yInt    bool    // whole-number ticks only
	yFloor  bool    // y axis starts at 0 (else at the data minimum)
	yHead   float64 // headroom above the data, as a fraction of the span
	xFixed  bool    // X range set by the panel
	yFixed  bool    // Y data range set by the panel (yLo, yHi)
	yLo     float64
	yHi     float64
	logX    bool
	gridX   bool // vertical grid lines instead of horizontal ones
}

// newCtx prepares an empty, themed plot.
func newCtx(in Input, th Theme, sz vg.Point) *ctx {
	c := &ctx{in: in, th: th, sz: sz, p: plot.New(), yFloor: true, yFormat: scenario.FormatCompact}
	fs := vg.Length(math.Min(float64(sz.X)/68, float64(sz.Y)/30))
	c.fs = max(min(fs, 11), minText/0.9)
	c.style()
	return c
}

// minText is the smallest text a chart draws: 8.25 points, 11 pixels on a
// screen at scale 1 (96 dpi).
const minText vg.Length = 11.0 * 72 / 96

// text returns a text style of the base size scaled by k, never smaller
// than minText.
func (c *ctx) text(k float64, clr color.Color) text.Style {
	return text.Style{Color: clr, Font: font.From(sans, max(c.fs*vg.Length(k), minText)), Handler: c.p.TextHandler}
}

// style applies the theme and font sizes to the plot's title and axes.
func (c *ctx) style() {
	p, th := c.p, c.th
	// Every canvas a chart is drawn on is filled with the background first
	// (drawImage, newCanvas, the board pack's); the plot filling it again
	// would rasterize the whole area once more, a quarter of a chart's time.
	p.BackgroundColor = nil
	p.Title.TextStyle = c.text(1.2, th.Foreground)
	if font.DefaultCache.Has(sansBold) {
		p.Title.TextStyle.Font = font.From(sansBold, c.fs*1.2)
	}
	p.Title.TextStyle.XAlign, p.Title.TextStyle.YAlign = draw.XCenter, draw.YTop
	p.Title.Padding = c.fs * 0.6
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle = c.text(1, th.Foreground)
		a.Label.TextStyle.XAlign, a.Label.TextStyle.YAlign = draw.XCenter, draw.YBottom
		a.Label.Padding = c.fs * 0.3
		a.Tick.Label = c.text(0.9, th.subtle())
		a.Tick.LineStyle = draw.LineStyle{Color: th.muted(), Width: 0.6}
		a.Tick.Length = c.fs * 0.4
		a.LineStyle = draw.LineStyle{Color: th.muted(), Width: 0.8}
		a.Padding = 0
	}
	p.X.Tick.Label.XAlign, p.X.Tick.Label.YAlign = draw.XCenter, draw.YTop
	p.Y.Tick.Label.XAlign, p.Y.Tick.Label.YAlign = draw.XRight, draw.YCenter
	p.Y.LineStyle.Width = 0
	p.Y.Tick.Length = c.fs * 0.3
	p.Y.Tick.LineStyle.Width = 0
}

// scenario returns the scenario shown and its result.
func (c *ctx) scenario() (*scenario.Scenario, *scenario.Result) {
	return &c.in.Plan.Scenarios[c.in.Scenario], c.in.Results[c.in.Scenario]
}

// currency is the plan's currency code, USD when unset.
func (c *ctx) currency() string {
	if c.in.Plan.Currency == "" {
		return "USD"
	}
	return c.in.Plan.Currency
}

// moneyAxis labels the Y axis as money in the plan's currency.
func (c *ctx) moneyAxis(label string) {
	c.p.Y.Label.Text = label + " (" + c.currency() + ")"
	c.yFormat = moneyFormat(c.currency())
}

// title sets the plot's title: what, then the scenario's name.
func (c *ctx) title(what string) {
	s, _ := c.scenario()
	c.setTitle(what + " · " + s.Name)
}

// setTitle sets the title, shortened with "…" to fit the width.
func (c *ctx) setTitle(t string) {
	if f := fitText(c.p.Title.TextStyle, t, c.sz.X-2*margin(c.sz)); f != "" {
		t = f
	}
	c.p.Title.Text = t
}

// monthAxis sets the X axis to months 0..h, dated on the plan's calendar:
// x = m is the end of month m, so its tick names the month starting there
// (x = 0, the start, is month 1's date).
func (c *ctx) monthAxis(h int) {
	c.p.X.Min, c.p.X.Max, c.xFixed = 0, float64(max(h, 1)), true
	c.p.X.Label.Text = ""
	n := max(4, min(12, int(c.sz.X/70)))
	cal := c.in.Plan.Calendar()
	c.p.X.Tick.Marker = monthTicks(max(h, 1), n, func(m int) string { return cal.ShortLabel(m + 1) })
}

// add queues plotters, drawn in order after the grid.
func (c *ctx) add(ps ...plot.Plotter) { c.items = append(c.items, ps...) }

// line makes a line of colour i and width w (relative to the base width).
func (c *ctx) line(xys plotter.XYs, clr color.Color, w float64) *plotter.Line {
	l := &plotter.Line{XYs: xys}
	l.LineStyle = draw.LineStyle{Color: clr, Width: vg.Length(w) * c.lw()}
	return l
}

// lw is the base line width.
func (c *ctx) lw() vg.Length { return max(1.2, c.fs*0.17) }

// yTarget is how many Y tick intervals fit the height.
func (c *ctx) yTarget() int { return max(3, min(7, int(c.sz.Y/55))) }

// finish adds the grid, the plotters and the legend, then fixes the Y range
// to round ticks and reserves room for the legend above the data.
func (c *ctx) finish() {
	p := c.p
	grid := plotter.NewGrid()
	grid.Horizontal = draw.LineStyle{Color: c.th.Grid, Width: 0.6}
	grid.Vertical.Width = 0
	if c.logX {
		grid.Vertical = grid.Horizontal
	}
	if c.gridX {
		grid.Vertical, grid.Horizontal.Width = grid.Horizontal, 0
	}
	xmin, xmax := p.X.Min, p.X.Max
	p.Add(c.behind...)
	p.Add(grid)
	p.Add(c.items...)
	if c.xFixed {
		p.X.Min, p.X.Max = xmin, xmax
	}
	if c.yFixed {
		p.Y.Min, p.Y.Max = c.yLo, c.yHi
	}
	if p.Y.Tick.Marker == (plot.DefaultTicks{}) {
		c.niceY()
	}
	for _, f := range c.after {
		f()
	}
	c.keySpread()
	c.placeLegend()
	c.fitYLabel()
}

// fitYLabel shortens the Y axis label (with "…") to the data area's
// height: gonum shrinks the data area until the whole label fits beside
// it, which left a sliver of a plot on small charts.
func (c *ctx) fitYLabel() {
	p := c.p
	if p.Y.Label.Text == "" {
		return
	}
	h := c.sz.Y - 2*margin(c.sz) - p.Title.Padding - p.X.Tick.Length - p.X.Tick.Label.Height("0")
	if p.Title.Text != "" {
		h -= p.Title.TextStyle.Height(p.Title.Text)
	}
	if f := fitText(p.Y.Label.TextStyle, p.Y.Label.Text, h); f != p.Y.Label.Text {
		p.Y.Label.Text = f // "" when not even a word fits
	}
}

// niceY widens the Y range to round ticks with headroom and labels them.
func (c *ctx) niceY() {
	p := c.p
	lo, hi := clean(p.Y.Min), clean(p.Y.Max)
	if math.IsInf(p.Y.Min, 0) || math.IsInf(p.Y.Max, 0) || hi < lo {
		lo, hi = 0, 1
	}
	if c.yFloor {
		lo = math.Min(lo, 0)
		hi = math.Max(hi, 0)
	}
	hi += (hi - lo) * c.yHead
	if hi-lo < 1e-9 {
		hi = lo + 1
	}
	lo, hi, step := niceRange(lo, hi, c.yTarget())
	if c.yInt && (step < 1 || step == 2.5) {
		step = math.Max(1, math.Floor(step))
		lo, hi = math.Floor(lo/step)*step, math.Ceil(hi/step)*step
	}
	p.Y.Min, p.Y.Max = lo, hi
	p.Y.Tick.Marker = linearTicks(step, c.yFormat)
}

// fixY sets the Y data range the ticks are rounded from, ignoring the
// plotters' own ranges.
func (c *ctx) fixY(lo, hi float64) { c.yFixed, c.yLo, c.yHi = true, lo, hi }

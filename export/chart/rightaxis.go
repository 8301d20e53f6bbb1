package chart

import (
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// rightAxis draws a second value scale on the right of the data area, its
// ticks on the left axis' grid lines. Its glyph boxes make the plot keep
// room for it.
type rightAxis struct {
	Ticks []plot.Tick // Value in left-axis units, Label in right-axis units
	Label string
	Text  text.Style // tick labels
	Title text.Style // axis label
}

func (r *rightAxis) gap() vg.Length { return r.Text.Font.Size * 0.5 }

func (r *rightAxis) tickWidth() vg.Length {
	var w vg.Length
	for _, t := range r.Ticks {
		w = max(w, r.Text.Width(t.Label))
	}
	return w
}

// GlyphBoxes implements plot.GlyphBoxer.
func (r *rightAxis) GlyphBoxes(p *plot.Plot) []plot.GlyphBox {
	var bs []plot.GlyphBox
	h := r.Text.Font.Size
	w := r.tickWidth()
	for _, t := range r.Ticks {
		bs = append(bs, plot.GlyphBox{X: 1, Y: p.Y.Norm(t.Value), Rectangle: vg.Rectangle{
			Min: vg.Point{X: r.gap(), Y: -h / 2}, Max: vg.Point{X: r.gap() + w, Y: h / 2}}})
	}
	if r.Label != "" {
		th := r.Title.Font.Size * 1.3
		bs = append(bs, plot.GlyphBox{X: 1, Y: 0.5, Rectangle: vg.Rectangle{
			Min: vg.Point{X: 2*r.gap() + w, Y: -1}, Max: vg.Point{X: 2*r.gap() + w + th, Y: 1}}})
	}
	return bs
}

// Plot implements plot.Plotter.
func (r *rightAxis) Plot(c draw.Canvas, p *plot.Plot) {
	_, trY := p.Transforms(&c)
	sty := r.Text
	sty.XAlign, sty.YAlign = draw.XLeft, draw.YCenter
	for _, t := range r.Ticks {
		if y := trY(t.Value); y >= c.Min.Y-0.5 && y <= c.Max.Y+0.5 {
			c.FillText(sty, vg.Point{X: c.Max.X + r.gap(), Y: y}, t.Label)
		}
	}
	if r.Label != "" {
		ts := r.Title
		ts.Rotation = math.Pi / 2
		ts.XAlign, ts.YAlign = draw.XCenter, draw.YTop
		x := c.Max.X + 2*r.gap() + r.tickWidth()
		c.FillText(ts, vg.Point{X: x, Y: (c.Min.Y + c.Max.Y) / 2}, r.Label)
	}
}

// secondaryBars scales bars (values in their own unit) onto the left axis
// once its range is final, so that they fill at most frac of the height,
// and labels a right axis for them whose ticks share the left grid lines.
func (c *ctx) secondaryBars(b *bars, vals []float64, label string, format func(float64) string, frac float64) {
	ax := &rightAxis{Label: label, Text: c.p.Y.Tick.Label, Title: c.p.Y.Label.TextStyle}
	c.add(b, ax)
	c.after = append(c.after, func() {
		top := 0.0
		for _, v := range vals {
			top = math.Max(top, clean(v))
		}
		lo, hi := c.p.Y.Min, c.p.Y.Max
		ticks := c.p.Y.Tick.Marker.Ticks(lo, hi)
		if !(top > 0) || len(ticks) < 2 || !(hi > 0) {
			b.Values, ax.Label = vals, ""
			return
		}
		step := ticks[1].Value - ticks[0].Value // left units per grid line
		n := (hi - lo) / step                   // grid intervals
		rstep := niceStep(top/frac, int(math.Round(n)))
		for rstep*n*frac < top {
			rstep = niceStep(rstep*1.01*n, int(math.Round(n)))
		}
		k := step / rstep
		b.Values = make([]float64, len(vals))
		for i, v := range vals {
			b.Values[i] = clean(v) * k
		}
		for _, t := range ticks {
			if t.Value >= 0 {
				ax.Ticks = append(ax.Ticks, plot.Tick{Value: t.Value, Label: format(t.Value / k)})
			}
		}
	})
}

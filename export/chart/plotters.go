package chart

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// bars draws one bar per value, Width data units wide, starting at Base
// (for stacking). Bar i is centred at X0 + i·DX; Horizontal swaps the axes.
type bars struct {
	Values, Base []float64
	X0, DX       float64
	Width        float64
	Color        color.Color
	Horizontal   bool
}

func (b *bars) base(i int) float64 {
	if i < len(b.Base) {
		return b.Base[i]
	}
	return 0
}

// Plot implements plot.Plotter.
func (b *bars) Plot(c draw.Canvas, p *plot.Plot) {
	if b.Width >= b.DX && !b.Horizontal {
		b.plotArea(c, p)
		return
	}
	trX, trY := p.Transforms(&c)
	for i, v := range b.Values {
		if v == 0 || !finite(v, b.base(i)) {
			continue
		}
		x := b.X0 + float64(i)*b.DX
		c0, c1 := x-b.Width/2, x+b.Width/2
		v0, v1 := b.base(i), b.base(i)+v
		var pts []vg.Point
		if b.Horizontal {
			pts = rect(trX(v0), trY(c0), trX(v1), trY(c1))
		} else {
			pts = rect(trX(c0), trY(v0), trX(c1), trY(v1))
		}
		if poly := c.ClipPolygonXY(pts); len(poly) > 2 {
			c.FillPolygon(b.Color, poly)
		}
	}
}

// plotArea draws touching bars as one stepped polygon, without seams.
func (b *bars) plotArea(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	n := len(b.Values)
	if n == 0 {
		return
	}
	top := make([]vg.Point, 0, 2*n)
	bot := make([]vg.Point, 0, 2*n)
	for i, v := range b.Values {
		lo, hi := b.base(i), b.base(i)+v
		if !finite(lo, hi) {
			lo, hi = 0, 0
		}
		x := b.X0 + float64(i)*b.DX
		x0, x1 := trX(x-b.DX/2), trX(x+b.DX/2)
		top = append(top, vg.Point{X: x0, Y: trY(hi)}, vg.Point{X: x1, Y: trY(hi)})
		bot = append(bot, vg.Point{X: x0, Y: trY(lo)}, vg.Point{X: x1, Y: trY(lo)})
	}
	for i := len(bot) - 1; i >= 0; i-- {
		top = append(top, bot[i])
	}
	if poly := c.ClipPolygonXY(top); len(poly) > 2 {
		c.FillPolygon(b.Color, poly)
	}
}

// DataRange implements plot.DataRanger.
func (b *bars) DataRange() (xmin, xmax, ymin, ymax float64) {
	lo, hi := 0.0, 0.0
	for i, v := range b.Values {
		if !finite(v, b.base(i)) {
			continue
		}
		lo = math.Min(lo, math.Min(b.base(i), b.base(i)+v))
		hi = math.Max(hi, math.Max(b.base(i), b.base(i)+v))
	}
	c0 := b.X0 - b.Width/2
	c1 := b.X0 + float64(max(len(b.Values)-1, 0))*b.DX + b.Width/2
	if b.Horizontal {
		return lo, hi, math.Min(c0, c1), math.Max(c0, c1)
	}
	return math.Min(c0, c1), math.Max(c0, c1), lo, hi
}

// Thumbnail implements plot.Thumbnailer.
func (b *bars) Thumbnail(c *draw.Canvas) {
	h := c.Max.Y - c.Min.Y
	c.FillPolygon(b.Color, rect(c.Min.X+h*0.15, c.Min.Y+h*0.05, c.Max.X-h*0.15, c.Max.Y-h*0.05))
}

// rect is the closed outline of a rectangle.
func rect(x0, y0, x1, y1 vg.Length) []vg.Point {
	return []vg.Point{{X: x0, Y: y0}, {X: x0, Y: y1}, {X: x1, Y: y1}, {X: x1, Y: y0}}
}

// swatch is a legend thumbnail: a filled square.
type swatch struct{ Color color.Color }

// Thumbnail implements plot.Thumbnailer.
func (s swatch) Thumbnail(c *draw.Canvas) {
	h := c.Max.Y - c.Min.Y
	mid := (c.Min.X + c.Max.X) / 2
	c.FillPolygon(s.Color, rect(mid-h*0.45, c.Min.Y+h*0.05, mid+h*0.45, c.Max.Y-h*0.05))
}

// band shades the full height of the data area between X0 and X1 and
// writes Label in its top-left corner when the label fits.
type band struct {
	X0, X1 float64
	Color  color.Color
	Label  string
	Style  text.Style
}

// Plot implements plot.Plotter.
func (b *band) Plot(c draw.Canvas, p *plot.Plot) {
	trX, _ := p.Transforms(&c)
	x0, x1 := max(trX(b.X0), c.Min.X), min(trX(b.X1), c.Max.X)
	if x1 <= x0 {
		return
	}
	c.FillPolygon(b.Color, rect(x0, c.Min.Y, x1, c.Max.Y))
	if b.Label == "" {
		return
	}
	pad := b.Style.Font.Size * 0.4
	label := fitText(b.Style, b.Label, x1-x0-2*pad)
	if label == "" {
		return
	}
	sty := b.Style
	sty.XAlign, sty.YAlign = draw.XLeft, draw.YTop
	c.FillText(sty, vg.Point{X: x0 + pad, Y: c.Max.Y - pad}, label)
}

// fitText returns s, or s shortened with "…", to fit width w; "" if even
// three letters do not fit.
func fitText(sty text.Style, s string, w vg.Length) string {
	if sty.Width(s) <= w {
		return s
	}
	r := []rune(s)
	for n := len(r) - 1; n >= 3; n-- {
		t := string(r[:n]) + "…"
		if sty.Width(t) <= w {
			return t
		}
	}
	return ""
}

// vline is a vertical reference line with an optional label.
type vline struct {
	X     float64
	Style draw.LineStyle
	Label string
	Text  text.Style
	Top   bool // label at the top of the data area, else at the bottom
}

// vlines draws vertical reference lines and places their labels beside
// them, moving a label down (or up) a row when it would overlap another.
type vlines struct {
	Lines []vline
	Back  color.Color // behind labels, so lines and data do not strike through them
}

// Plot implements plot.Plotter.
func (v *vlines) Plot(c draw.Canvas, p *plot.Plot) {
	trX, _ := p.Transforms(&c)
	type span struct{ x0, x1 vg.Length }
	rows := map[bool][][]span{}
	for _, l := range v.Lines {
		x := trX(l.X)
		if !finite(l.X) || x < c.Min.X-0.5 || x > c.Max.X+0.5 {
			continue
		}
		c.StrokeLine2(l.Style, x, c.Min.Y, x, c.Max.Y)
	}
	for _, l := range v.Lines {
		x := trX(l.X)
		if l.Label == "" || !finite(l.X) || x < c.Min.X-0.5 || x > c.Max.X+0.5 {
			continue
		}
		pad := l.Text.Font.Size * 0.35
		w := l.Text.Width(l.Label)
		x0 := x + pad
		if x0+w > c.Max.X {
			x0 = x - pad - w
		}
		row := 0
		for ; row < len(rows[l.Top]); row++ {
			ok := true
			for _, s := range rows[l.Top][row] {
				if x0 < s.x1+pad && x0+w > s.x0-pad {
					ok = false
				}
			}
			if ok {
				break
			}
		}
		if row == len(rows[l.Top]) {
			rows[l.Top] = append(rows[l.Top], nil)
		}
		rows[l.Top][row] = append(rows[l.Top][row], span{x0, x0 + w})
		h := l.Text.Height(l.Label) * 1.15
		y := c.Min.Y + pad + vg.Length(row)*h
		if l.Top {
			y = c.Max.Y - pad - h - vg.Length(row)*h
		}
		if v.Back != nil {
			c.FillPolygon(v.Back, rect(x0-1, y-1, x0+w+1, y+h-1))
		}
		sty := l.Text
		sty.XAlign, sty.YAlign = draw.XLeft, draw.YBottom
		c.FillText(sty, vg.Point{X: x0, Y: y + h*0.1}, l.Label)
	}
}

// hline is a horizontal reference line across the data area with a label
// above its right end.
type hline struct {
	Y     float64
	Style draw.LineStyle
	Label string
	Text  text.Style
	Left  bool        // label at the left end
	Back  color.Color // behind the label
}

// Plot implements plot.Plotter.
func (h *hline) Plot(c draw.Canvas, p *plot.Plot) {
	_, trY := p.Transforms(&c)
	y := trY(h.Y)
	if !finite(h.Y) || y < c.Min.Y || y > c.Max.Y {
		return
	}
	c.StrokeLine2(h.Style, c.Min.X, y, c.Max.X, y)
	if h.Label == "" {
		return
	}
	sty := h.Text
	pad := sty.Font.Size * 0.4
	sty.XAlign, sty.YAlign = draw.XRight, draw.YBottom
	pt := vg.Point{X: c.Max.X - pad, Y: y + pad*0.6}
	if h.Left {
		sty.XAlign, pt.X = draw.XLeft, c.Min.X+pad
	}
	if h.Back != nil {
		r := sty.Rectangle(h.Label)
		c.FillPolygon(h.Back, rect(pt.X+r.Min.X-1.5, pt.Y+r.Min.Y, pt.X+r.Max.X+1.5, pt.Y+r.Max.Y))
	}
	c.FillText(sty, pt, h.Label)
}

// DataRange implements plot.DataRanger, so the line is always in view.
func (h *hline) DataRange() (xmin, xmax, ymin, ymax float64) {
	return math.Inf(1), math.Inf(-1), h.Y, h.Y
}

// note is a text at a data point, offset by (DX, DY) in font sizes, kept
// inside the data area; Back (if set) is filled behind it.
type note struct {
	X, Y   float64
	Label  string
	Text   text.Style
	DX, DY float64
	Back   color.Color
}

// Plot implements plot.Plotter.
func (n *note) Plot(c draw.Canvas, p *plot.Plot) {
	if !finite(n.X, n.Y) || n.Label == "" {
		return
	}
	trX, trY := p.Transforms(&c)
	fs := n.Text.Font.Size
	r := n.Text.Rectangle(n.Label)
	pt := vg.Point{X: trX(n.X) + vg.Length(n.DX)*fs, Y: trY(n.Y) + vg.Length(n.DY)*fs}
	// Keep the text box inside the data area.
	if d := c.Max.X - (pt.X + r.Max.X); d < 0 {
		pt.X += d
	}
	if d := c.Min.X - (pt.X + r.Min.X); d > 0 {
		pt.X += d
	}
	if d := c.Max.Y - (pt.Y + r.Max.Y); d < 0 {
		pt.Y += d
	}
	if d := c.Min.Y - (pt.Y + r.Min.Y); d > 0 {
		pt.Y += d
	}
	if n.Back != nil {
		c.FillPolygon(n.Back, rect(pt.X+r.Min.X-1.5, pt.Y+r.Min.Y-1, pt.X+r.Max.X+1.5, pt.Y+r.Max.Y+1))
	}
	c.FillText(n.Text, pt, n.Label)
}

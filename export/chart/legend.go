package chart

import (
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// legendEntry is one legend item: a label after its thumbnails.
type legendEntry struct {
	label  string
	thumbs []plot.Thumbnailer
}

// key adds a legend entry.
func (c *ctx) key(label string, thumbs ...plot.Thumbnailer) {
	c.legend = append(c.legend, legendEntry{label: label, thumbs: thumbs})
}

// legendRow draws the legend in rows above the data area, in the room the
// plot's title padding reserves for it, so it never covers data.
type legendRow struct {
	entries []legendEntry
	text    text.Style
	rows    [][]int // entry indexes per row
	thumbW  vg.Length
	gap     vg.Length
}

// entryWidth is the width of entry i: thumbnail, space, label.
func (l *legendRow) entryWidth(i int) vg.Length {
	return l.thumbW + l.gap*0.4 + l.text.Width(l.entries[i].label)
}

// layout flows the entries into rows no wider than w.
func (l *legendRow) layout(w vg.Length) {
	l.rows = nil
	var row []int
	var x vg.Length
	for i := range l.entries {
		if max := w - l.thumbW - l.gap*0.4; l.text.Width(l.entries[i].label) > max {
			if f := fitText(l.text, l.entries[i].label, max); f != "" {
				l.entries[i].label = f
			}
		}
		ew := l.entryWidth(i)
		if len(row) > 0 && x+ew > w {
			l.rows = append(l.rows, row)
			row, x = nil, 0
		}
		row = append(row, i)
		x += ew + l.gap
	}
	if len(row) > 0 {
		l.rows = append(l.rows, row)
	}
}

// rowHeight is the height of one legend row.
func (l *legendRow) rowHeight() vg.Length { return l.text.Font.Size * 1.45 }

// Plot implements plot.Plotter: rows centred above the data area.
func (l *legendRow) Plot(c draw.Canvas, _ *plot.Plot) {
	h := l.rowHeight()
	for r, row := range l.rows {
		var w vg.Length
		for k, i := range row {
			w += l.entryWidth(i)
			if k > 0 {
				w += l.gap
			}
		}
		x := (c.Min.X+c.Max.X)/2 - w/2
		x = max(x, c.Min.X-l.gap)
		y := c.Max.Y + l.gap*0.35 + vg.Length(len(l.rows)-1-r)*h
		for _, i := range row {
			e := l.entries[i]
			th := &draw.Canvas{Canvas: c.Canvas, Rectangle: vg.Rectangle{
				Min: vg.Point{X: x, Y: y + h*0.2},
				Max: vg.Point{X: x + l.thumbW, Y: y + h*0.8},
			}}
			for _, t := range e.thumbs {
				t.Thumbnail(th)
			}
			sty := l.text
			sty.XAlign, sty.YAlign = draw.XLeft, draw.YCenter
			c.FillText(sty, vg.Point{X: x + l.thumbW + l.gap*0.4, Y: y + h/2}, e.label)
			x += l.entryWidth(i) + l.gap
		}
	}
}

// placeLegend lays the legend out for the data width the plot will have
// and reserves its height between the title and the data.
func (c *ctx) placeLegend() {
	if len(c.legend) == 0 {
		return
	}
	l := &legendRow{entries: c.legend, text: c.text(0.9, c.th.Foreground), thumbW: c.fs * 1.8, gap: c.fs * 1.2}
	l.layout(c.dataWidth())
	c.p.Add(l)
	c.p.Title.Padding += vg.Length(len(l.rows))*l.rowHeight() + l.gap*0.2
}

// dataWidth estimates the width of the data area: the canvas less the Y
// axis (tick labels, label) and a margin.
func (c *ctx) dataWidth() vg.Length {
	p := c.p
	var tw vg.Length
	for _, t := range p.Y.Tick.Marker.Ticks(p.Y.Min, p.Y.Max) {
		tw = max(tw, p.Y.Tick.Label.Width(t.Label))
	}
	axis := tw + p.Y.Tick.Length + p.Y.Label.TextStyle.Font.Size*1.3 + p.Y.Label.Padding
	return c.sz.X - axis - 2*margin(c.sz)
}

// margin is the blank border around a chart of size sz.
func margin(sz vg.Point) vg.Length { return max(4, min(sz.X, sz.Y)*0.02) }

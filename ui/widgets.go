package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scaleplan/export/chart"
	"scaleplan/scenario"
)

// minWidth is a layout that stacks its objects and asks for at least w.
type minWidth struct{ w float32 }

func (m *minWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	s := fyne.NewSize(m.w, 0)
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s
}

func (m *minWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// columns lays out rows of cells with fixed column widths, for the
// editable tables (stages, fulfillment models, market scores).
type columns struct {
	widths []float32
	// stretch gives the last column the width left over, if any.
	stretch bool
}

func (c *columns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding()
	var w float32
	for _, cw := range c.widths {
		w += cw + pad
	}
	var h float32
	n := len(c.widths)
	for r := 0; r*n < len(objs); r++ {
		h += c.rowHeight(objs, r) + pad
	}
	return fyne.NewSize(w, h)
}

func (c *columns) rowHeight(objs []fyne.CanvasObject, r int) float32 {
	n := len(c.widths)
	var h float32
	for i := r * n; i < (r+1)*n && i < len(objs); i++ {
		if objs[i].Visible() {
			h = max(h, objs[i].MinSize().Height)
		}
	}
	return h
}

func (c *columns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	n := len(c.widths)
	widths := c.widths
	if c.stretch && n > 0 {
		if extra := size.Width - c.MinSize(nil).Width; extra > 0 {
			widths = append([]float32(nil), c.widths...)
			widths[n-1] += extra
		}
	}
	var y float32
	for r := 0; r*n < len(objs); r++ {
		h := c.rowHeight(objs, r)
		var x float32
		for i := 0; i < n && r*n+i < len(objs); i++ {
			o := objs[r*n+i]
			o.Move(fyne.NewPos(x, y))
			o.Resize(fyne.NewSize(widths[i], h))
			x += widths[i] + pad
		}
		y += h + pad
	}
}

// tile is one key number or word: a large value over a caption. Every
// value has the same (subheading, bold) size; a value or caption too wide
// for its tile breaks into lines (never an ellipsis), and captions sit at
// the tile's bottom so they line up across a row.
type tile struct {
	value, caption *widget.Label
	box            *fyne.Container
	text           string  // the value as given, on one line
	label          string  // the caption as given, on one line
	width          float32 // the width value and caption were last broken for
}

func newTile(u *UI, caption string) *tile {
	t := &tile{value: widget.NewLabel("—"), caption: widget.NewLabel(caption), text: "—", label: caption}
	t.value.TextStyle = fyne.TextStyle{Bold: true}
	t.value.SizeName = theme.SizeNameSubHeadingText
	t.caption.SizeName = theme.SizeNameCaptionText
	t.box = container.New(&tileLayout{t: t}, t.value, t.caption)
	return t
}

// tilePanel puts a grid of tiles on one shared background: one shape to
// draw instead of one a tile (the software renderer keeps memory for every
// shape drawn in a frame).
func tilePanel(u *UI, grid fyne.CanvasObject) fyne.CanvasObject {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	bg.CornerRadius = theme.InputRadiusSize()
	u.looks.onChange(func() {
		bg.FillColor = theme.Color(theme.ColorNameInputBackground)
		bg.Refresh()
	})
	return container.NewStack(bg, container.NewPadded(grid))
}

// tileLayout puts the value at the top, broken to fit the width, and the
// caption at the bottom.
type tileLayout struct{ t *tile }

// MinSize is as wide as the caption's longest word (the caption breaks
// between words) and as tall as value and caption at the current width.
func (l *tileLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	v, c := objs[0].MinSize(), objs[1].MinSize()
	w := widestWord(l.t.label, theme.Size(theme.SizeNameCaptionText), l.t.caption.TextStyle) + 2*theme.InnerPadding()
	return fyne.NewSize(max(w, 80), v.Height+c.Height-theme.Padding())
}

// widestWord is the width of the widest word of text.
func widestWord(text string, size float32, style fyne.TextStyle) float32 {
	var w float32
	for _, tk := range tokens(text) {
		w = max(w, fyne.MeasureText(tk.text, size, style).Width)
	}
	return w
}

func (l *tileLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	t := l.t
	if size.Width != t.width {
		t.width = size.Width
		t.wrap()
	}
	c := objs[1].MinSize()
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(size.Width, objs[0].MinSize().Height))
	objs[1].Move(fyne.NewPos(0, size.Height-c.Height))
	objs[1].Resize(fyne.NewSize(size.Width, c.Height))
}

// wrap breaks the value and the caption into lines that fit the tile's
// width.
func (t *tile) wrap() {
	text, label := t.text, t.label
	if t.width > 0 {
		inner := t.width - 2*theme.InnerPadding()
		text = fitLines(t.text, inner, theme.Size(theme.SizeNameSubHeadingText), t.value.TextStyle)
		label = fitLines(t.label, inner, theme.Size(theme.SizeNameCaptionText), t.caption.TextStyle)
	}
	changed := false
	if text != t.value.Text {
		t.value.SetText(text)
		changed = true
	}
	if label != t.caption.Text {
		t.caption.SetText(label)
		changed = true
	}
	if changed {
		t.box.Refresh()
	}
}

// shortCaptions replace metric labels too long for a tile.
var shortCaptions = map[string]string{
	scenario.MetricFulfillmentCost:         "Cost, optimal plan",
	scenario.MetricFulfillmentSavings:      "Saved vs rule of thumb",
	scenario.MetricFulfillmentModel:        "Model at horizon",
	scenario.MetricFulfillmentOrders:       "Orders a month at horizon",
	scenario.MetricMarketsScore:            "Top weighted score",
	scenario.MetricViralPaidSpend:          "Paid acquisition spend",
	scenario.MetricFinanceCashNeeded:       "Cash needed",
	scenario.MetricFinanceBreakEvenMonth:   "Cash-flow positive",
	scenario.MetricFinanceRunway:           "Runway (months)",
	scenario.MetricFinanceLTVToCACConsumer: "LTV/CAC, payback (B2C)",
	scenario.MetricFinanceLTVToCACB2B:      "LTV/CAC, payback (B2B)",
}

// caption is a metric's label for a tile.
func caption(m scenario.Metric) string {
	if c, ok := shortCaptions[m.Key]; ok {
		return c
	}
	return m.Label
}

func (t *tile) set(value, caption string) {
	t.text = value
	if caption != "" {
		t.label = caption
	}
	t.wrap()
}

// formatMetricOn is formatMetric with months dated on the plan's calendar
// ("May 2028").
func formatMetricOn(m scenario.Metric, p *scenario.Plan) string {
	if m.Unit == scenario.UnitMonth && m.OK {
		return p.Calendar().Label(int(m.Value))
	}
	return formatMetric(m, p.Currency)
}

// formatMetric writes a metric for a tile or a table cell
// (scenario.FormatMetric), compact from a million on.
func formatMetric(m scenario.Metric, currency string) string {
	return scenario.FormatMetric(m, currency, 1e6)
}

func trimFloat(v float64) string {
	return scenario.FormatInput(float64(int64(v*100+sign(v)*0.5))/100, false)
}

func sign(v float64) float64 {
	if v < 0 {
		return -1
	}
	return 1
}

// showErr shows err in an error dialog on w.

// selected returns the shown scenario of in and its result, or nils.
func selected(in chart.Input) (*scenario.Scenario, *scenario.Result) {
	if in.Plan == nil || in.Scenario < 0 || in.Scenario >= len(in.Results) || in.Scenario >= len(in.Plan.Scenarios) {
		return nil, nil
	}
	return &in.Plan.Scenarios[in.Scenario], in.Results[in.Scenario]
}

// metricsOf returns the metrics of the selected scenario of in, or nil.
func metricsOf(in chart.Input) []scenario.Metric {
	s, r := selected(in)
	if s == nil || r == nil {
		return nil
	}
	return scenario.Metrics(s, r)
}

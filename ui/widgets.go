package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
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

func (c *columns) Layout(objs []fyne.CanvasObject, _ fyne.Size) {
	pad := theme.Padding()
	n := len(c.widths)
	var y float32
	for r := 0; r*n < len(objs); r++ {
		h := c.rowHeight(objs, r)
		var x float32
		for i := 0; i < n && r*n+i < len(objs); i++ {
			o := objs[r*n+i]
			o.Move(fyne.NewPos(x, y))
			o.Resize(fyne.NewSize(c.widths[i], h))
			x += c.widths[i] + pad
		}
		y += h + pad
	}
}

// tile is one key number: a large value over a caption.
type tile struct {
	value, caption *widget.Label
	box            fyne.CanvasObject
}

func newTile(u *UI, caption string) *tile {
	t := &tile{value: widget.NewLabel("—"), caption: widget.NewLabel(caption)}
	t.value.TextStyle = fyne.TextStyle{Bold: true}
	t.value.SizeName = theme.SizeNameSubHeadingText
	t.value.Truncation = fyne.TextTruncateEllipsis
	t.caption.SizeName = theme.SizeNameCaptionText
	t.caption.Truncation = fyne.TextTruncateEllipsis
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	bg.CornerRadius = theme.InputRadiusSize()
	u.onThemeChange(func() {
		bg.FillColor = theme.Color(theme.ColorNameInputBackground)
		bg.Refresh()
	})
	t.box = container.NewStack(bg, container.NewVBox(t.value, t.caption))
	return t
}

// shortCaptions replace metric labels too long for a tile.
var shortCaptions = map[string]string{
	"fulfillment.cost":    "Cost, optimal plan",
	"fulfillment.savings": "Saved vs rule of thumb",
	"fulfillment.model":   "Model at horizon",
	"fulfillment.orders":  "Orders a month at horizon",
	"markets.score":       "Top weighted score",
	"viral.paidSpend":     "Paid acquisition spend",
}

// caption is a metric's label for a tile.
func caption(m scenario.Metric) string {
	if c, ok := shortCaptions[m.Key]; ok {
		return c
	}
	return m.Label
}

func (t *tile) set(value, caption string) {
	size := theme.SizeNameSubHeadingText
	if len([]rune(value)) > 13 {
		size = theme.SizeNameText
	}
	t.value.SizeName = size
	t.value.SetText(value)
	if caption != "" && caption != t.caption.Text {
		t.caption.SetText(caption)
	}
}

// formatMetric writes a metric for a tile.
func formatMetric(m scenario.Metric, currency string) string {
	if !m.OK {
		if m.Unit == scenario.UnitMonth {
			return "not reached"
		}
		return "—"
	}
	switch m.Unit {
	case scenario.UnitMoney:
		if abs(m.Value) >= 1e6 {
			return moneySymbol(currency) + scenario.FormatCompact(m.Value)
		}
		return scenario.FormatMoney(m.Value, currency)
	case scenario.UnitCount:
		if abs(m.Value) >= 1e6 {
			return scenario.FormatCompact(m.Value)
		}
		return scenario.FormatCount(m.Value)
	case scenario.UnitMonth:
		return "month " + scenario.FormatCount(m.Value)
	case scenario.UnitText:
		if m.Text == "" {
			return "—"
		}
		return m.Text
	default:
		return trimFloat(m.Value)
	}
}

func moneySymbol(currency string) string {
	if s, ok := map[string]string{"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}[currency]; ok {
		return s
	}
	return currency + " "
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
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
func showErr(w fyne.Window, err error) { dialog.ShowError(err, w) }

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

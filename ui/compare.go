package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scaleplan/export/chart"
	"scaleplan/scenario"
)

// maxCompared is how many scenarios the Compare tab overlays.
const maxCompared = 4

// compare is the Compare tab: up to four scenarios against a baseline, as
// a metric table with deltas and overlay charts.
type compare struct {
	u      *UI
	base   *widget.Select
	table  *fyne.Container
	charts []*chartView
	body   fyne.CanvasObject
	in     chart.Input
	baseIx int
}

func newCompareScreen(u *UI) screen {
	c := &compare{u: u}
	c.base = widget.NewSelect(nil, func(name string) {
		if c.in.Plan == nil {
			return
		}
		for i, s := range c.in.Plan.Scenarios {
			if s.Name == name && i != c.baseIx {
				c.baseIx = i
				c.show(c.in)
			}
		}
	})
	c.table = container.New(&columns{widths: []float32{200}})
	for _, p := range chart.Panels(chart.KindCompare) {
		c.charts = append(c.charts, newChartView(u, p))
	}
	objs := make([]fyne.CanvasObject, len(c.charts))
	for i, cv := range c.charts {
		objs[i] = cv
	}
	top := container.NewBorder(nil, nil, widget.NewLabel("Baseline"), nil, c.base)
	left := container.NewBorder(top, nil, nil, nil, container.NewScroll(c.table))
	split := container.NewHSplit(left, container.NewGridWithColumns(2, objs...))
	split.Offset = 0.5
	c.body = container.NewPadded(split)
	return c
}

func (c *compare) title() string                 { return "Compare" }
func (c *compare) content() fyne.CanvasObject    { return c.body }
func (c *compare) inputs() []input               { return nil }
func (c *compare) load(*scenario.Scenario, bool) {}
func (c *compare) kind() chart.Kind              { return chart.KindCompare }
func (c *compare) setActive(on bool) {
	for _, cv := range c.charts {
		cv.setActive(on)
	}
}

// compared is the baseline first, then the next scenarios, at most four.
func (c *compare) compared(n int) []int {
	if c.baseIx >= n {
		c.baseIx = 0
	}
	out := []int{c.baseIx}
	for i := 0; i < n && len(out) < maxCompared; i++ {
		if i != c.baseIx {
			out = append(out, i)
		}
	}
	return out
}

func (c *compare) show(in chart.Input) {
	c.in = in
	p := in.Plan
	names := make([]string, len(p.Scenarios))
	for i, s := range p.Scenarios {
		names[i] = s.Name
	}
	idx := c.compared(len(p.Scenarios))
	c.base.Options = names
	c.base.Selected = names[c.baseIx]
	c.base.Refresh()
	cin := in
	cin.Scenario = c.baseIx
	cin.Compare = idx
	for _, cv := range c.charts {
		cv.set(cin)
	}
	c.fillTable(p, in.Results, idx)
}

// fillTable writes metric rows × scenario columns, deltas against the baseline.
func (c *compare) fillTable(p *scenario.Plan, rs []*scenario.Result, idx []int) {
	ms := make([][]scenario.Metric, len(idx))
	for j, i := range idx {
		ms[j] = scenario.Metrics(&p.Scenarios[i], rs[i])
	}
	widths := []float32{200}
	for range idx {
		widths = append(widths, 118)
	}
	objs := []fyne.CanvasObject{widget.NewLabelWithStyle("Metric", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	for _, i := range idx {
		objs = append(objs, widget.NewLabelWithStyle(p.Scenarios[i].Name, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}))
	}
	for k, base := range ms[0] {
		l := widget.NewLabel(base.Label)
		l.Truncation = fyne.TextTruncateEllipsis
		if strings.HasPrefix(base.Key, "sales.stage.") {
			l.SetText(strings.TrimPrefix(base.Key, "sales.stage.") + " from")
		}
		objs = append(objs, l)
		for j := range idx {
			m := ms[j][k]
			v := widget.NewLabelWithStyle(formatMetric(m, p.Currency), fyne.TextAlignTrailing, fyne.TextStyle{})
			v.Truncation = fyne.TextTruncateEllipsis
			delta := ""
			if j > 0 {
				if d := scenario.Compare(base, m); d.OK && d.Abs != 0 {
					delta = formatDelta(d, m.Unit, p.Currency)
				}
			}
			dl := widget.NewLabelWithStyle(delta, fyne.TextAlignTrailing, fyne.TextStyle{})
			dl.SizeName = theme.SizeNameCaptionText
			box := container.NewVBox(v)
			if delta != "" {
				box.Add(container.New(&shiftUp{}, dl))
			}
			objs = append(objs, box)
		}
	}
	c.table.Layout = &columns{widths: widths}
	c.table.Objects = objs
	c.table.Refresh()
}

func formatDelta(d scenario.Delta, u scenario.Unit, currency string) string {
	sign := "+"
	if d.Abs < 0 {
		sign = "−"
	}
	if u == scenario.UnitMonth {
		if d.Abs < 0 {
			return fmt.Sprintf("%.0f months earlier", -d.Abs)
		}
		return fmt.Sprintf("%.0f months later", d.Abs)
	}
	if d.RelOK {
		return fmt.Sprintf("%s%.0f%% vs baseline", sign, abs(d.Rel)*100)
	}
	m := scenario.Metric{Unit: u, Value: abs(d.Abs), OK: true}
	return sign + formatMetric(m, currency) + " vs baseline"
}

// shiftUp pulls a caption closer to the value above it.
type shiftUp struct{}

func (shiftUp) MinSize(objs []fyne.CanvasObject) fyne.Size {
	s := objs[0].MinSize()
	return fyne.NewSize(s.Width, s.Height-2*theme.Padding())
}

func (shiftUp) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	objs[0].Move(fyne.NewPos(0, -2*theme.Padding()))
	objs[0].Resize(fyne.NewSize(size.Width, size.Height+2*theme.Padding()))
}

package ui

import (
	"errors"
	"image"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"scaleplan/export/chart"
)

// chartDPI is the resolution charts are drawn at on a scale-1 canvas.
const chartDPI = 96

// chartView shows one chart panel, drawn by export/chart on a goroutine at
// the widget's size in pixels whenever the results, the size or the theme
// change, while its tab is visible.
type chartView struct {
	widget.BaseWidget
	u     *UI
	panel chart.Panel
	img   *canvas.Image
	msg   *widget.Label

	// min is the smallest size the chart keeps (zero: 260×180).
	min fyne.Size

	in     chart.Input
	active bool
	stale  bool
	busy   bool
	// rendered counts finished renders (tests and benchmarks wait on it).
	rendered int
}

func newChartView(u *UI, p chart.Panel) *chartView {
	c := &chartView{u: u, panel: p, img: &canvas.Image{FillMode: canvas.ImageFillContain}, msg: widget.NewLabel("")}
	c.msg.Alignment = fyne.TextAlignCenter
	c.msg.Wrapping = fyne.TextWrapWord
	c.msg.Hide()
	c.ExtendBaseWidget(c)
	u.looks.onChange(func() { c.stale = true; c.request() })
	return c
}

// CreateRenderer shows the image, or a message where there is no chart.
func (c *chartView) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(c.img, container.NewCenter(c.msg)))
}

// MinSize keeps charts readable.
func (c *chartView) MinSize() fyne.Size {
	if c.min.IsZero() {
		return fyne.NewSize(260, 180)
	}
	return c.min
}

// Resize redraws the chart for its new size.
func (c *chartView) Resize(s fyne.Size) {
	if s == c.Size() {
		return
	}
	c.BaseWidget.Resize(s)
	c.stale = true
	c.request()
}

// set gives the chart new results.
func (c *chartView) set(in chart.Input) {
	c.in = in
	c.stale = true
	c.request()
}

func (c *chartView) setActive(on bool) {
	c.active = on
	c.request()
}

// request starts a render if one is due and none is running; a render
// that finishes while the chart is stale starts the next one.
func (c *chartView) request() {
	if !c.active || !c.stale || c.busy || c.in.Plan == nil {
		return
	}
	size := c.Size()
	if size.Width < 10 || size.Height < 10 {
		return
	}
	scale := float32(1)
	if cv := fyne.CurrentApp().Driver().CanvasForObject(c); cv != nil {
		scale = cv.Scale()
	}
	c.busy, c.stale = true, false
	in, th, p := c.in, c.u.looks.chartTheme(), c.panel
	w, h := int(size.Width*scale), int(size.Height*scale)
	dpi := chartDPI * float64(scale)
	type out struct {
		img image.Image
		err error
	}
	if c.u.sync {
		img, err := chart.Image(p, in, th, w, h, dpi)
		c.busy = false
		c.rendered++
		c.apply(img, err)
		return
	}
	background(func() out {
		img, err := chart.Image(p, in, th, w, h, dpi)
		return out{img, err}
	}, func(o out) {
		c.busy = false
		c.rendered++
		c.apply(o.img, o.err)
		c.request()
	})
}

func (c *chartView) apply(img image.Image, err error) {
	if err != nil {
		c.img.Image = nil
		c.img.Refresh()
		msg := err.Error()
		var empty chart.EmptyError
		switch {
		case errors.Is(err, chart.ErrModuleOff):
			msg = "This module is switched off for this scenario."
		case errors.As(err, &empty):
			msg = string(empty)
		}
		c.msg.SetText(msg)
		c.msg.Show()
		return
	}
	c.msg.Hide()
	c.img.Image = img
	c.img.Refresh()
}

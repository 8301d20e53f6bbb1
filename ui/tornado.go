package ui

import (
	"fmt"
	"image"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"scaleplan/export/chart"
	"scaleplan/scenario"
)

// tornadoView shows a tornado on the Risk tab: the chart, and the bars in
// words below it (what each input's low and high do to the output).
type tornadoView struct {
	widget.BaseWidget
	u     *UI
	img   *canvas.Image
	words *widget.Label
	t     *scenario.Tornado
	cur   string
	seq   int
}

// Tornado chart size, in points: at least tornadoMinW wide (else its
// widget's width), a bar row per ranged input.
const (
	tornadoMinW   = 420
	tornadoBase   = 90
	tornadoPerBar = 34
)

func newTornadoView(u *UI) *tornadoView {
	v := &tornadoView{u: u, img: &canvas.Image{FillMode: canvas.ImageFillContain}, words: wrapLabel()}
	v.ExtendBaseWidget(v)
	u.looks.onChange(func() { v.draw() })
	return v
}

func (v *tornadoView) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewVBox(v.img, v.words))
}

// Resize redraws the chart at the new width.
func (v *tornadoView) Resize(s fyne.Size) {
	redraw := s.Width != v.Size().Width
	v.BaseWidget.Resize(s)
	if redraw {
		v.draw()
	}
}

// set shows tornado t (nil: msg instead).
func (v *tornadoView) set(t *scenario.Tornado, msg, currency string) {
	v.t, v.cur = t, currency
	if t == nil {
		v.img.Image = nil
		v.img.SetMinSize(fyne.Size{})
		v.img.Refresh()
		v.words.SetText(msg)
		v.words.Show()
		return
	}
	v.words.SetText(tornadoWords(t, currency, v.u.inputLabel))
	v.draw()
}

// barLabels names the shown tornado's inputs for people, looked up now, on
// the UI thread (the names come from the screens' fields and the selected
// scenario), for a chart drawn off it.
func (v *tornadoView) barLabels() func(path string) string {
	labels := map[string]string{}
	for _, b := range v.t.Bars {
		labels[b.Input] = v.u.inputLabel(b.Input)
	}
	return func(p string) string { return labels[p] }
}

// draw renders the chart off the UI thread.
func (v *tornadoView) draw() {
	t := v.t
	if t == nil {
		return
	}
	v.seq++
	seq := v.seq
	h := float32(tornadoBase + tornadoPerBar*len(t.Bars))
	w := max(v.Size().Width, tornadoMinW)
	scale := v.u.win.Canvas().Scale()
	th, cur, label := v.u.looks.chartTheme(), v.cur, v.barLabels()
	type out struct {
		img image.Image
		err error
	}
	work(v.u, func() out {
		img, err := chart.TornadoImage(t, cur, label, th, int(w*scale), int(h*scale), chartDPI*float64(scale))
		return out{img, err}
	}, func(o out) {
		if seq != v.seq {
			return
		}
		v.img.Image = o.img
		v.img.SetMinSize(fyne.Size{})
		v.words.Show()
		if o.err == nil {
			v.img.SetMinSize(fyne.NewSize(tornadoMinW, h))
			v.words.Hide() // the chart says it all; the words stand in when it cannot be drawn
		}
		v.img.Refresh()
		v.Refresh()
	})
}

// tornadoWords says each bar: "Invite conversion 12% to 28%: 14,210 to
// 41,530 (swing 27,320)" (the UI font has no arrow).
func tornadoWords(t *scenario.Tornado, currency string, label func(string) string) string {
	o := scenario.Output{Key: t.Output, Title: t.Title, Unit: t.Unit}
	lines := []string{fmt.Sprintf("%s at month %d with every input at its value: %s.", o.Title, t.Month, outputText(o, t.Base, currency))}
	for _, b := range t.Bars {
		lines = append(lines, fmt.Sprintf("%s %s to %s: %s to %s (swing %s)", label(b.Input), inputText(b.Input, b.Low, currency), inputText(b.Input, b.High, currency),
			outputText(o, b.OutputAtLow, currency), outputText(o, b.OutputAtHigh, currency), outputText(o, b.Swing, currency)))
	}
	return strings.Join(lines, "\n")
}

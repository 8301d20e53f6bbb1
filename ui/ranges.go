package ui

import (
	"errors"
	"fmt"
	"image"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"scaleplan/app"
	"scaleplan/export/chart"
	"scaleplan/scenario"
)

// A real-valued input may carry a range (docs/MODELS.md §7): "Range…"
// beside its field opens the Range dialog, and the line below the field
// shows the range while it has one ("Range 12–28%, lognormal").

// rangeable reports whether the field at path takes a range: a number of
// the selected scenario (not a plan-level field) that is not a whole number.
func rangeable(f *field[float64]) bool {
	if f.apply != nil {
		return false
	}
	l, ok := scenario.LimitOf(f.path)
	return ok && !l.Whole
}

// rangeControls gives a form field its Range… button and shows its range
// on line (the field's message line) whenever the field loads.
func rangeControls(f *field[float64], title string, line *messageLine) fyne.CanvasObject {
	b := widget.NewButton("Range…", func() { openRangeDialog(f, title) })
	b.Importance = widget.LowImportance
	prev := f.mark
	f.mark = func(s *scenario.Scenario) {
		prev(s)
		line.setInfo(rangeLine(f.u.s.Doc().Plan(), f.u.s.Selected(), f.path, f.percent))
	}
	return b
}

// rangeLine says the range of the input at path in scenario i: "Range
// 12–28%, lognormal", marked for a variant whether it is its own or its
// base's; "" without one.
func rangeLine(p *scenario.Plan, i int, path string, percent bool) string {
	r, ok, own := app.RangeOf(p, i, path)
	if !ok {
		return ""
	}
	s := "Range " + rangeText(r, percent) + ", " + r.Distribution()
	switch {
	case !p.Scenarios[i].IsVariant():
	case own:
		s += " (own)"
	default:
		s += " (base's)"
	}
	return s
}

// rangeText is a range's ends, compactly: "12–28%", "$3.10–$4.50".
func rangeText(r scenario.Range, percent bool) string {
	lo, hi := scenario.FormatInput(r.Low, percent), scenario.FormatInput(r.High, percent)
	if percent {
		lo = strings.TrimSuffix(lo, "%")
	}
	return lo + "–" + hi
}

// distNames are the distributions as the dialog offers them.
var distNames = map[string]string{
	scenario.DistLognormal:  "Lognormal (skewed, never below zero)",
	scenario.DistNormal:     "Normal (symmetric)",
	scenario.DistUniform:    "Uniform (every value equally likely)",
	scenario.DistTriangular: "Triangular (most likely at the value)",
}

// distMeaning says what low and high mean for a distribution.
func distMeaning(d string) string {
	switch d {
	case scenario.DistUniform, scenario.DistTriangular:
		return "Low and high are the ends: no sample falls outside them."
	default:
		return "Low and high are the 5th and 95th percentiles: 1 sample in 10 falls outside them."
	}
}

// rangeDialog is the open Range dialog of one field.
type rangeDialog struct {
	f      *field[float64]
	sel    int
	path   string
	value  float64
	low    *fieldEntry
	high   *fieldEntry
	dist   *widget.Select
	meant  *widget.Label
	msg    *widget.Label
	sketch *canvas.Image
	note   *widget.Label // says why there is no sketch
	set    *widget.Button
	d      dialog.Dialog
	had    bool // the input had a range when the dialog opened
	picked bool // the user chose a distribution
	seq    int  // numbers sketch renders: only the newest shows
}

// openRangeDialog asks for the range of field f's input in the selected
// scenario: low, high and distribution, checked by the model as they are
// typed, with a sketch of the density; Set, Clear or Cancel. It returns
// the dialog (nil when another dialog is open).
func openRangeDialog(f *field[float64], title string) *rangeDialog {
	u := f.u
	if u.s.Doc() == nil || u.win.Canvas().Overlays().Top() != nil {
		return nil
	}
	f.endEdit()
	rd := &rangeDialog{f: f, sel: u.s.Selected(), path: f.path, value: f.modelValue()}
	r, ok, _ := app.RangeOf(u.s.Doc().Plan(), rd.sel, rd.path)
	rd.had = ok
	if !ok {
		r = scenario.Range{Low: rd.value * 0.8, High: rd.value * 1.2}
	}
	rd.low = dialogEntry(rd.confirm, rd.cancel)
	rd.high = dialogEntry(rd.confirm, rd.cancel)
	rd.low.SetText(scenario.FormatInput(r.Low, f.percent))
	rd.high.SetText(scenario.FormatInput(r.High, f.percent))
	labels := make([]string, len(scenario.Dists()))
	for k, d := range scenario.Dists() {
		labels[k] = distNames[d]
	}
	rd.dist = widget.NewSelect(labels, func(string) { rd.picked = true; rd.check() })
	rd.dist.SetSelected(distNames[r.Distribution()])
	rd.picked = ok && r.Dist != ""
	rd.meant = widget.NewLabel("")
	rd.meant.Wrapping = fyne.TextWrapWord
	rd.msg = widget.NewLabel("")
	rd.msg.Importance = widget.DangerImportance
	rd.msg.Wrapping = fyne.TextWrapWord
	rd.sketch = &canvas.Image{FillMode: canvas.ImageFillContain}
	rd.sketch.SetMinSize(fyne.NewSize(sketchW, sketchH))
	rd.note = widget.NewLabel("")
	rd.note.Alignment = fyne.TextAlignCenter
	rd.low.OnChanged = func(string) { rd.check() }
	rd.high.OnChanged = func(string) { rd.check() }

	rd.set = widget.NewButton("Set", rd.confirm)
	rd.set.Importance = widget.HighImportance
	cancel := widget.NewButton("Cancel", rd.cancel)
	buttons := container.NewHBox(layout.NewSpacer(), cancel, rd.set)
	if ok {
		clear := widget.NewButton("Clear", rd.clear)
		clear.Importance = widget.DangerImportance
		buttons.Objects = append([]fyne.CanvasObject{clear}, buttons.Objects...)
	}
	now := widget.NewLabel(fmt.Sprintf("Now %s. Every simulated run draws a value from this range.",
		scenario.FormatInput(rd.value, f.percent)))
	now.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(
		widget.NewFormItem("Low", rd.low),
		widget.NewFormItem("High", rd.high),
		widget.NewFormItem("Distribution", rd.dist),
	)
	body := container.NewVBox(now, form, rd.meant,
		container.NewStack(container.New(&minWidth{w: sketchW}, rd.sketch), container.NewCenter(rd.note)),
		rd.msg, buttons)
	rd.d = dialog.NewCustomWithoutButtons("Range of "+title, body, u.win)
	dialogKeys(u.win, rd.d, rd.confirm, rd.cancel)
	rd.d.Resize(fyne.NewSize(460, 0))
	rd.check()
	rd.d.Show()
	u.win.Canvas().Focus(rd.low)
	return rd
}

// Size of the density sketch, in points.
const (
	sketchW = 400
	sketchH = 110
)

// distribution is the distribution picked ("" while it is the default
// one for low and not picked).
func (rd *rangeDialog) distribution(low float64) string {
	name := rd.dist.Selected
	for d, n := range distNames {
		if n == name {
			if !rd.picked && d == (scenario.Range{Low: low}).Distribution() {
				return ""
			}
			return d
		}
	}
	return ""
}

// read parses the dialog into a range, or says which part is wrong.
func (rd *rangeDialog) read() (scenario.Range, error) {
	parse := parseNumber(rd.f.percent)
	lo, err := parse(rd.low.Text)
	if err != nil {
		return scenario.Range{}, fmt.Errorf("Low: %s", rd.f.speak(err.Error()))
	}
	hi, err := parse(rd.high.Text)
	if err != nil {
		return scenario.Range{}, fmt.Errorf("High: %s", rd.f.speak(err.Error()))
	}
	r := scenario.Range{Low: lo, High: hi, Dist: rd.distribution(lo)}
	if err := rd.f.u.s.Doc().CheckRange(rd.sel, rd.path, r); err != nil {
		return r, errors.New(rd.f.speak(rangeMessage(err, rd.sel)))
	}
	return r, nil
}

// rangeMessage is the model's message about a range, located by the part
// of the range it is about ("High: must be at least the value 20%").
func rangeMessage(err error, sel int) string {
	var es scenario.Errors
	if !errors.As(err, &es) || len(es) == 0 {
		return strings.TrimPrefix(err.Error(), "set range: ")
	}
	e := es[0]
	for _, part := range []struct{ suffix, name string }{{".low", "Low"}, {".high", "High"}, {".dist", "Distribution"}} {
		if strings.HasSuffix(e.Path, part.suffix) {
			return part.name + ": " + e.Msg
		}
	}
	return strings.TrimPrefix(e.Error(), fmt.Sprintf("scenarios[%d].", sel))
}

// check validates what is typed, shows why it is refused, and redraws the
// sketch of a valid range.
func (rd *rangeDialog) check() {
	if rd.set == nil {
		return // still building
	}
	r, err := rd.read()
	d := r.Dist
	if d == "" {
		d = r.Distribution()
	}
	rd.meant.SetText(distMeaning(d))
	if err != nil {
		rd.msg.SetText(err.Error())
		rd.set.Disable()
		return
	}
	rd.msg.SetText("")
	rd.set.Enable()
	rd.drawSketch(r)
}

// drawSketch renders the density of r off the UI thread.
func (rd *rangeDialog) drawSketch(r scenario.Range) {
	rd.seq++
	seq := rd.seq
	u := rd.f.u
	scale := u.win.Canvas().Scale()
	th, path, value := u.looks.chartTheme(), rd.path, rd.value
	type out struct {
		img image.Image
		err error
	}
	work(u, func() out {
		img, err := chart.DensityImage(r, path, value, th, int(sketchW*scale), int(sketchH*scale), chartDPI*float64(scale))
		return out{img, err}
	}, func(o out) {
		if seq != rd.seq {
			return // a newer range is being drawn
		}
		rd.sketch.Image = o.img
		rd.sketch.Refresh()
		rd.note.SetText("")
		if o.err != nil {
			rd.note.SetText(o.err.Error())
		}
	})
}

// confirm sets the range (Set, Enter) if it is valid.
func (rd *rangeDialog) confirm() {
	r, err := rd.read()
	if err != nil {
		rd.msg.SetText(err.Error())
		return
	}
	if err := rd.f.u.s.Doc().SetRange(rd.sel, rd.path, r); err != nil {
		rd.msg.SetText(rd.f.speak(rangeMessage(err, rd.sel)))
		return
	}
	rd.d.Hide()
}

// clear removes the range (Clear).
func (rd *rangeDialog) clear() {
	err := rd.f.u.s.Doc().ClearRange(rd.sel, rd.path)
	if errors.Is(err, app.ErrInheritedRange) {
		rd.msg.SetText("This range is the base scenario's: clear it there, or set one of this variant's own.")
		return
	}
	if err != nil {
		rd.msg.SetText(err.Error())
		return
	}
	rd.d.Hide()
}

func (rd *rangeDialog) cancel() { rd.d.Hide() }

package ui

import (
	"errors"
	"image"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scaleplan/export/chart"
	"scaleplan/scenario"
	"scaleplan/scenario/experiment"
)

// expField is an entry bound to one field of the selected experiment. Text
// that does not parse, or that the plan refuses, shows its message below
// the entry and puts the experiment back at the value the field held when
// the edit began (when the entry took the focus), never at a prefix of the
// typing; Escape restores that value. Typing into one field is one undo
// step (app.Document.EditExperiment).
type expField[T comparable] struct {
	x      *experimentsScreen
	name   string // "Baseline rate"
	key    string // the JSON field: "baselineRate"
	parse  func(string) (T, error)
	format func(T) string
	get    func(*experiment.Experiment) T
	set    func(*experiment.Experiment, T)

	entry   *focusEntry
	note    func(string)
	last    T
	begin   T // the value when the edit began
	invalid bool
	quiet   bool
}

// focusEntry is an entry that says when an edit begins (it takes the
// focus) and when the user asks to cancel it (Escape).
type focusEntry struct {
	widget.Entry
	onFocus  func()
	onEscape func()
}

func newFocusEntry() *focusEntry {
	e := &focusEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// FocusGained starts an edit.
func (e *focusEntry) FocusGained() {
	if e.onFocus != nil {
		e.onFocus()
	}
	e.Entry.FocusGained()
}

// TypedKey cancels the edit on Escape.
func (e *focusEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.onEscape != nil {
		e.onEscape()
		return
	}
	e.Entry.TypedKey(k)
}

func newExpField[T comparable](x *experimentsScreen, name, key string, parse func(string) (T, error), format func(T) string,
	get func(*experiment.Experiment) T, set func(*experiment.Experiment, T)) *expField[T] {
	f := &expField[T]{x: x, name: name, key: key, parse: parse, format: format, get: get, set: set, note: func(string) {}}
	f.entry = newFocusEntry()
	f.entry.OnChanged = f.changed
	f.entry.onFocus = func() {
		if e := x.selected(); e != nil {
			f.begin = f.get(e)
		}
	}
	f.entry.onEscape = func() { f.entry.SetText(f.format(f.begin)) }
	return f
}

func (f *expField[T]) entryOf() *focusEntry          { return f.entry }
func (f *expField[T]) setNote(fn func(string))       { f.note = fn }
func (f *expField[T]) bad() bool                     { return f.invalid }
func (f *expField[T]) load(*scenario.Scenario, bool) {}

// where is the field's JSON key (tests find fields by it).
func (f *expField[T]) where() string { return "experiment." + f.key }

func (f *expField[T]) changed(text string) {
	if f.quiet || f.x.id == "" {
		return
	}
	v, err := f.parse(text)
	if err != nil {
		f.fail(err.Error())
		f.restore()
		return
	}
	err = f.x.u.s.Doc().EditExperiment(f.x.id, f.key, func(e *experiment.Experiment) { f.set(e, v) })
	if err != nil {
		f.fail(messageAt(err, f.key))
		f.restore()
		return
	}
	f.last = v
	f.ok()
}

// restore puts the experiment back at the value the edit began with, in the
// same undo step as the typing; the field is invalid already, so the reload
// this causes keeps the text being typed.
func (f *expField[T]) restore() {
	e := f.x.selected()
	if e == nil || f.get(e) == f.begin {
		return
	}
	f.last = f.begin
	_ = f.x.u.s.Doc().EditExperiment(f.x.id, f.key, func(e *experiment.Experiment) { f.set(e, f.begin) })
}

// loadExperiment shows the experiment's value, keeping what the user typed
// while it means the same, or invalid text while the value has not moved.
func (f *expField[T]) loadExperiment(e *experiment.Experiment, force bool) {
	v := f.get(e)
	if !force {
		if pv, err := f.parse(f.entry.Text); err == nil && pv == v {
			f.last = v
			if f.invalid {
				f.ok()
			}
			return
		}
		if f.invalid && v == f.last {
			return
		}
	}
	f.last, f.begin = v, v
	if t := f.format(v); f.entry.Text != t {
		f.quiet = true
		f.entry.SetText(t)
		f.quiet = false
	}
	if f.invalid {
		f.ok()
	}
}

func (f *expField[T]) fail(msg string) {
	was := f.invalid
	f.invalid = true
	f.note(msg)
	if !was {
		f.x.u.updateStatus()
	}
}

func (f *expField[T]) ok() {
	f.invalid = false
	f.note("")
	f.x.u.updateStatus()
}

// messageAt finds the message of err that belongs to the experiment field
// key (experiments[i].key or below it); otherwise the first message.
func messageAt(err error, key string) string {
	var es scenario.Errors
	if !errors.As(err, &es) {
		return err.Error()
	}
	for _, e := range es {
		at := trimLocation(e.Path)
		if at == key || strings.HasPrefix(at, key+".") {
			return e.Msg
		}
	}
	return trimLocation(es[0].Error())
}

// resultInput is the four counts of a result, entered together: the
// experiment's result is recorded when all four are whole numbers, and
// cleared when all four are empty.
type resultInput struct {
	x       *experimentsScreen
	entries [4]*fieldEntry // one line, so the wheel over them scrolls the form
	msg     *widget.Label
	invalid bool
	quiet   bool
}

var resultLabels = [4]string{"Control visitors", "Control conversions", "Variant visitors", "Variant conversions"}

func newResultInput(x *experimentsScreen) *resultInput {
	r := &resultInput{x: x, msg: widget.NewLabel("")}
	for i := range r.entries {
		r.entries[i] = newFieldEntry()
		r.entries[i].PlaceHolder = "whole number"
		r.entries[i].OnChanged = func(string) { r.changed() }
	}
	r.msg.Importance = widget.DangerImportance
	r.msg.Wrapping = fyne.TextWrapWord
	r.msg.SizeName = theme.SizeNameCaptionText
	r.msg.Hide()
	return r
}

func (r *resultInput) content() fyne.CanvasObject {
	rows := make([]formRow, len(r.entries))
	for i, e := range r.entries {
		rows[i] = formRow{label: container.New(&minWidth{w: expLabelWidth}, widget.NewLabel(resultLabels[i])), value: e}
	}
	return container.NewVBox(form(rows...), r.msg)
}

func (r *resultInput) bad() bool                     { return r.invalid }
func (r *resultInput) load(*scenario.Scenario, bool) {}

func (r *resultInput) changed() {
	if r.quiet || r.x.id == "" {
		return
	}
	var n [4]int
	empty := 0
	for i, e := range r.entries {
		if strings.TrimSpace(e.Text) == "" {
			empty++
			continue
		}
		v, err := parseWhole(e.Text)
		if err != nil {
			r.fail(resultLabels[i] + ": " + err.Error())
			return
		}
		n[i] = v
	}
	var o *experiment.Observed
	switch empty {
	case 4: // cleared
	case 0:
		o = &experiment.Observed{ControlVisitors: n[0], ControlConversions: n[1], VariantVisitors: n[2], VariantConversions: n[3]}
	default:
		r.fail("Enter all four counts to record the result.")
		return
	}
	err := r.x.u.s.Doc().EditExperiment(r.x.id, "result", func(e *experiment.Experiment) { e.Result = o })
	if err != nil {
		r.fail(resultMessage(err))
		return
	}
	r.ok()
}

// resultMessage names the count a located result error is about.
func resultMessage(err error) string {
	msg := messageAt(err, "result")
	var es scenario.Errors
	if errors.As(err, &es) && len(es) > 0 {
		at := trimLocation(es[0].Path)
		for i, key := range []string{"result.controlVisitors", "result.controlConversions", "result.variantVisitors", "result.variantConversions"} {
			if at == key {
				return resultLabels[i] + ": " + es[0].Msg
			}
		}
	}
	return msg
}

func (r *resultInput) loadExperiment(e *experiment.Experiment, force bool) {
	if !force && r.invalid {
		return // keep what is being typed
	}
	texts := [4]string{}
	if o := e.Result; o != nil {
		for i, v := range []int{o.ControlVisitors, o.ControlConversions, o.VariantVisitors, o.VariantConversions} {
			texts[i] = formatWhole(v)
		}
	}
	r.quiet = true
	for i, e := range r.entries {
		if pv, err := parseWhole(e.Text); force || err != nil || formatWhole(pv) != texts[i] {
			if e.Text != texts[i] {
				e.SetText(texts[i])
			}
		}
	}
	r.quiet = false
	if r.invalid {
		r.ok()
	}
}

func (r *resultInput) fail(msg string) {
	was := r.invalid
	r.invalid = true
	r.msg.SetText(msg)
	r.msg.Show()
	if !was {
		r.x.u.updateStatus()
	}
}

func (r *resultInput) ok() {
	r.invalid = false
	r.msg.Hide()
	r.x.u.updateStatus()
}

// curveView draws an experiment's sample-size curve at the widget's size,
// on a goroutine, while its tab shows.
type curveView struct {
	widget.BaseWidget
	u      *UI
	img    *canvas.Image
	design *experiment.Design
	active bool
	stale  bool
	busy   bool
	// rendered counts finished renders (tests wait on it).
	rendered int
}

func newCurveView(u *UI) *curveView {
	c := &curveView{u: u, img: &canvas.Image{FillMode: canvas.ImageFillContain}}
	c.ExtendBaseWidget(c)
	u.looks.onChange(func() { c.stale = true; c.request() })
	return c
}

func (c *curveView) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(c.img) }

// MinSize keeps the curve readable.
func (c *curveView) MinSize() fyne.Size { return fyne.NewSize(300, 190) }

func (c *curveView) Resize(s fyne.Size) {
	if s == c.Size() {
		return
	}
	c.BaseWidget.Resize(s)
	c.stale = true
	c.request()
}

// set draws the curve of d (nil: nothing to draw).
func (c *curveView) set(d *experiment.Design) {
	if d != nil && c.design != nil && *d == *c.design && c.img.Image != nil {
		return
	}
	c.design, c.stale = d, true
	if d == nil {
		c.img.Image = nil
		c.img.Refresh()
		return
	}
	c.request()
}

func (c *curveView) setActive(on bool) {
	c.active = on
	c.request()
}

func (c *curveView) request() {
	size := c.Size()
	if !c.active || !c.stale || c.busy || c.design == nil || size.Width < 10 || size.Height < 10 {
		return
	}
	scale := float32(1)
	if cv := fyne.CurrentApp().Driver().CanvasForObject(c); cv != nil {
		scale = cv.Scale()
	}
	c.busy, c.stale = true, false
	d, th := *c.design, c.u.looks.chartTheme()
	w, h, dpi := int(size.Width*scale), int(size.Height*scale), chartDPI*float64(scale)
	work(c.u, func() image.Image {
		img, err := chart.ExperimentImage(d, th, w, h, dpi)
		if err != nil {
			return nil
		}
		return img
	}, func(img image.Image) {
		c.busy = false
		c.rendered++
		c.img.Image = img
		c.img.Refresh()
		c.request()
	})
}

package ui

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scaleplan/app"
	"scaleplan/scenario"
)

// input is anything on a screen bound to the selected scenario.
type input interface {
	// load shows the scenario's value; force drops any invalid text
	// (used when another scenario is selected).
	load(s *scenario.Scenario, force bool)
	// bad reports whether the field shows invalid text.
	bad() bool
}

// field is an entry bound to one value of the selected scenario. An edit
// runs from the first keystroke until Enter, Escape or leaving the field,
// and is one undo step. While the text is valid it drives the model; while
// it is invalid (it does not parse, or the model refuses it) the model holds
// the value the field had when the edit began — never a prefix of the
// typing — and the message shows below the entry and in the status bar.
// Escape puts that value back.
type field[T comparable] struct {
	u    *UI
	name string // "Invite conversion": the undo label and message prefix
	// display names the field in the status bar when name is not enough
	// (a table cell: "row 4, Min ARR").
	display string
	path    string // below the scenario: "viral.inviteConversion"
	parse   func(string) (T, error)
	format  func(T) string
	get     func(s *scenario.Scenario) T
	set     func(s *scenario.Scenario, v T)
	// exists reports whether the value is still there (nil: always); a
	// table cell's row may be gone while its entry still has the focus.
	exists func(s *scenario.Scenario) bool
	// percent: the value is a rate typed as a percentage, and messages
	// speak in percent.
	percent bool
	// apply writes v to the model as part of this edit (nil: the scenario
	// field set by set); plan-level fields replace it.
	apply func(v T) error

	entry *fieldEntry
	note  func(msg string) // shows or clears (msg "") the error message
	// mark shows whether the scenario overrides the field's input (a
	// variant's own value): the label is marked and reset (Reset to base)
	// shown; both are set by row.
	mark  func(s *scenario.Scenario)
	label *widget.Label
	reset *widget.Button

	last    T      // the model's value as the field last saw it
	invalid bool   // the text is not valid
	msg     string // why, while invalid
	quiet   bool

	editing bool // an edit is under way
	orig    T    // the model's value when the edit began
}

// newField makes the entry of a field; show receives its error messages.
func newField[T comparable](u *UI, name, path string, parse func(string) (T, error), format func(T) string,
	get func(*scenario.Scenario) T, set func(*scenario.Scenario, T)) *field[T] {
	f := &field[T]{u: u, name: name, path: path, parse: parse, format: format, get: get, set: set}
	f.entry = newFieldEntry()
	f.entry.OnChanged = f.changed
	f.entry.OnSubmitted = func(string) { f.endEdit() }
	f.entry.onEscape = f.cancel
	f.entry.onFocusLost = f.endEdit
	f.note = func(string) {}
	f.mark = func(*scenario.Scenario) {}
	return f
}

func (f *field[T]) bad() bool { return f.invalid }

// where is the field's path below the scenario (tests find fields by it).
func (f *field[T]) where() string { return f.path }

// statusName names the field for the status bar ("SDRs", "row 4, Min ARR").
func (f *field[T]) statusName() string {
	if f.display != "" {
		return f.display
	}
	return f.name
}

// message says why the text is invalid ("" while valid).
func (f *field[T]) message() string { return f.msg }

// focusTarget is what going to the field focuses.
func (f *field[T]) focusTarget() fyne.Focusable { return f.entry }

// mergeKey identifies this field's edits in the selected scenario.
func (f *field[T]) mergeKey() string {
	sel := f.u.s.Selected()
	return f.u.s.Doc().Plan().Scenarios[sel].ID + "/" + f.path
}

// changed applies typed text to the model.
func (f *field[T]) changed(text string) {
	if f.quiet {
		return
	}
	if !f.editing {
		f.editing, f.orig = true, f.modelValue()
	}
	v, err := f.parse(text)
	if err != nil {
		f.refuse(f.speak(err.Error()))
		return
	}
	err = f.write(v)
	if errors.Is(err, app.ErrRowGone) {
		return // a detached cell: nothing to edit, nothing to report
	}
	if err != nil {
		f.refuse(f.speak(messageFor(err, f.u.s.Selected(), f.path)))
		return
	}
	f.last = v
	f.ok()
}

// refuse shows why the text is invalid and puts the value the edit began
// with back in the model (marked invalid first, so the reload that follows
// keeps the text).
func (f *field[T]) refuse(msg string) {
	f.fail(msg)
	f.restoreModel()
}

// modelValue is the value the model holds for the field now.
func (f *field[T]) modelValue() T {
	if s := f.u.s.Scenario(); s != nil && (f.exists == nil || f.exists(s)) {
		return f.get(s)
	}
	return f.last
}

// write sets v in the model as part of the current edit (one undo step).
func (f *field[T]) write(v T) error {
	if f.apply != nil {
		return f.apply(v)
	}
	sel := f.u.s.Selected()
	return f.u.s.Doc().EditTyping("Edit "+f.name, f.mergeKey(), func(p *scenario.Plan) error {
		if sel >= len(p.Scenarios) {
			return errors.New("no scenario selected")
		}
		s := &p.Scenarios[sel]
		if f.exists != nil && !f.exists(s) {
			return app.ErrRowGone
		}
		f.set(s, v)
		return nil
	})
}

// restoreModel puts the value the edit began with back in the model.
func (f *field[T]) restoreModel() {
	if !f.editing {
		return
	}
	f.last = f.orig
	if f.modelValue() != f.orig {
		_ = f.write(f.orig) // the value was valid when the edit began
	}
}

// cancel (Escape) restores the value the edit began with, text and model.
func (f *field[T]) cancel() {
	if !f.editing && !f.invalid {
		return
	}
	if f.editing {
		f.restoreModel()
	}
	v := f.modelValue()
	f.last = v
	f.setText(f.format(v))
	if f.invalid {
		f.ok()
	}
	f.endEdit()
}

// endEdit closes the edit (Enter, leaving the field): the next keystroke
// starts a new undo step. Invalid text stays, so nothing typed is lost.
func (f *field[T]) endEdit() {
	if !f.editing {
		return
	}
	f.editing = false
	f.u.s.Doc().EndMerge()
}

// speak turns a message about a rate into percent: "must be between 0
// and 1, got 1.5" reads "must be between 0% and 100%, got 150%".
func (f *field[T]) speak(msg string) string {
	if !f.percent {
		return msg
	}
	return percentMessage(msg)
}

// load shows the model's value unless the entry already says it (keeping
// what the user typed, "250k" stays "250k") or shows invalid text while the
// model still holds the last valid value.
func (f *field[T]) load(s *scenario.Scenario, force bool) {
	f.mark(s)
	v := f.get(s)
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
	f.editing = false
	f.last = v
	f.setText(f.format(v))
	if f.invalid {
		f.ok()
	}
}

func (f *field[T]) setText(s string) {
	if f.entry.Text == s {
		return
	}
	f.quiet = true
	f.entry.SetText(s)
	f.quiet = false
}

func (f *field[T]) fail(msg string) {
	changed := !f.invalid || f.msg != msg
	f.invalid, f.msg = true, msg
	f.note(msg)
	if changed {
		f.u.updateStatus()
	}
}

func (f *field[T]) ok() {
	f.invalid, f.msg = false, ""
	f.note("")
	f.u.updateStatus()
}

// rowExists returns a check that row r is one of the n(s) rows.
func rowExists(r int, n func(s *scenario.Scenario) int) func(*scenario.Scenario) bool {
	return func(s *scenario.Scenario) bool { return r >= 0 && r < n(s) }
}

// unfocusWithin takes the keyboard focus from any widget inside root: call
// it before root's objects are replaced. Fyne keeps the focus on detached
// widgets, and their key presses would edit a row that is gone.
func unfocusWithin(w fyne.Window, root fyne.CanvasObject) {
	c := w.Canvas()
	if f := c.Focused(); f != nil && holds(root, f) {
		c.Unfocus()
	}
}

// holds reports whether o is root or inside root's containers.
func holds(root fyne.CanvasObject, o fyne.Focusable) bool {
	if any(root) == any(o) {
		return true
	}
	if c, ok := root.(*fyne.Container); ok {
		for _, child := range c.Objects {
			if holds(child, o) {
				return true
			}
		}
	}
	return false
}

// messageFor finds the message of err that belongs to the input at path
// (below scenario sel); other errors are returned whole, without the
// scenario prefix.
func messageFor(err error, sel int, path string) string {
	var es scenario.Errors
	if !errors.As(err, &es) || len(es) == 0 {
		return err.Error()
	}
	prefix := fmt.Sprintf("scenarios[%d].", sel)
	full := prefix + path
	for _, e := range es {
		if e.Path == full || e.Path == path || strings.HasPrefix(e.Path, full+".") || strings.HasPrefix(e.Path, full+"[") {
			return e.Msg
		}
	}
	return strings.TrimPrefix(es[0].Error(), prefix)
}

// Parsers and formatters for the field kinds.

func parseNumber(percent bool) func(string) (float64, error) {
	return func(s string) (float64, error) { return scenario.ParseNumber(s, percent) }
}

func formatNumber(percent bool) func(float64) string {
	return func(v float64) string { return scenario.FormatInput(v, percent) }
}

func parseWhole(s string) (int, error) {
	v, err := scenario.ParseNumber(s, false)
	if err != nil {
		return 0, err
	}
	if v != math.Trunc(v) {
		return 0, fmt.Errorf("%q: enter a whole number", strings.TrimSpace(s))
	}
	return int(v), nil
}

func formatWhole(v int) string { return scenario.FormatInput(float64(v), false) }

func parseName(s string) (string, error) {
	s = strings.ReplaceAll(s, "\n", " ")
	if strings.TrimSpace(s) == "" {
		return "", errors.New("enter a name")
	}
	return s, nil
}

func parseText(s string) (string, error) { return s, nil }
func formatText(s string) string         { return s }

// Constructors used by the screens.

func numField(u *UI, name, path string, percent bool, get func(*scenario.Scenario) float64, set func(*scenario.Scenario, float64)) *field[float64] {
	f := newField(u, name, path, parseNumber(percent), formatNumber(percent), get, set)
	f.percent = percent
	return f
}

// numberInMessage is a plain number in a message.
var numberInMessage = regexp.MustCompile(`-?\d+(\.\d+)?(e[-+]?\d+)?`)

// percentMessage rewrites the plain numbers of a message about a rate as
// percentages.
func percentMessage(msg string) string {
	return numberInMessage.ReplaceAllStringFunc(msg, func(n string) string {
		v, err := strconv.ParseFloat(n, 64)
		if err != nil {
			return n
		}
		return scenario.FormatInput(v, true)
	})
}

func wholeField(u *UI, name, path string, get func(*scenario.Scenario) int, set func(*scenario.Scenario, int)) *field[int] {
	return newField(u, name, path, parseWhole, formatWhole, get, set)
}

func nameField(u *UI, name, path string, get func(*scenario.Scenario) string, set func(*scenario.Scenario, string)) *field[string] {
	return newField(u, name, path, parseName, formatText, get, set)
}

// labelWidth aligns the entries of all forms of a tab.
const labelWidth = 215

// hintWidth is the width of the valid-range hint beside every entry.
const hintWidth = 92

// formRow is one labelled input of a form: the label (with unit), the
// entry with its valid range beside it, and the error line below, shown
// only while the text is invalid.
type formRow struct {
	label fyne.CanvasObject
	value fyne.CanvasObject
}

// row lays out an entry of a field for a form. hint is what the field
// takes beside its valid range (from limits, scenario's bounds): "" for
// the range alone.
func row[T comparable](f *field[T], label, hint string) formRow {
	if r := hintFor(f.path); hint == "" {
		hint = r
	}
	f.entry.PlaceHolder = hint
	msg := newMessageLine()
	f.note = msg.set
	h := widget.NewLabel(hint)
	h.SizeName = theme.SizeNameCaptionText
	f.label = widget.NewLabel(label)
	own := newOwnMark(f.u, staticPath(f.path), func(on bool) { markLabel(f.label, label, on) })
	f.reset = own.reset
	f.mark = own.load
	var side fyne.CanvasObject = container.New(&minWidth{w: hintWidth}, h)
	if nf, ok := any(f).(*field[float64]); ok && rangeable(nf) {
		side = container.NewHBox(side, rangeControls(nf, strings.TrimSpace(strings.Split(label, "(")[0]), msg))
	}
	box := container.NewVBox(container.NewBorder(nil, nil, nil, side, f.entry), own.row, msg.box)
	return formRow{label: container.New(&minWidth{w: labelWidth}, f.label), value: box}
}

// form stacks rows in a two-column form.
func form(rows ...formRow) *fyne.Container {
	objs := make([]fyne.CanvasObject, 0, 2*len(rows))
	for _, r := range rows {
		objs = append(objs, r.label, r.value)
	}
	return container.New(layout.NewFormLayout(), objs...)
}

// section is a bold heading above a group of inputs.
func section(title string) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return l
}

// plainErr is err with the selected scenario's path prefix dropped from
// its first located message, for dialogs.
func plainErr(err error, sel int) error {
	return errors.New(messageFor(err, sel, "\x00"))
}

// messageLine is the line below an entry that holds its error message. The
// line is always there, empty while the text is valid, so a message never
// moves the fields below it; a message too long for it ends in "…" (the
// status bar has it whole).
type messageLine struct {
	text *canvas.Text
	full string // the whole message (text may be cut)
	box  *fyne.Container
	err  string // the error message ("" none)
	info string // shown in a quiet colour while there is no error
}

func newMessageLine() *messageLine {
	t := canvas.NewText("", theme.Color(theme.ColorNameError))
	t.TextSize = theme.CaptionTextSize()
	h := fyne.MeasureText("Ag", t.TextSize, t.TextStyle).Height
	m := &messageLine{text: t}
	m.box = container.New(&clipLine{h: h, full: &m.full}, t)
	return m
}

func (m *messageLine) set(s string) {
	m.err = s
	m.show()
}

// setInfo sets what the line says while the field has no error (a range).
func (m *messageLine) setInfo(s string) {
	if m.info == s {
		return
	}
	m.info = s
	m.show()
}

func (m *messageLine) show() {
	m.full, m.text.Color = m.err, theme.Color(theme.ColorNameError)
	if m.err == "" {
		m.full, m.text.Color = m.info, theme.Color(theme.ColorNamePrimary)
	}
	m.text.Text = m.full
	m.box.Refresh() // lays the line out again: the text is cut to its width
}

// clipLine is one line of height h whose text is cut with "…" to the
// width it gets.
type clipLine struct {
	h    float32
	full *string
}

func (c *clipLine) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(0, c.h) }

func (c *clipLine) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		if t, ok := o.(*canvas.Text); ok {
			t.Text = *c.full
			for t.Text != "" && size.Width > 0 && fyne.MeasureText(t.Text, t.TextSize, t.TextStyle).Width > size.Width {
				r := []rune(strings.TrimSuffix(t.Text, "…"))
				t.Text = string(r[:len(r)-1]) + "…"
			}
			t.Refresh()
		}
		o.Move(fyne.NewPos(0, 0))
		o.Resize(fyne.NewSize(size.Width, c.h))
	}
}

package ui

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scaleplan/scenario"
	"scaleplan/scenario/experiment"
)

// experimentsScreen is the Experiments tab (docs/MODELS.md
// §9): the plan's experiment backlog on the left; on the right
// the selected experiment's template, its planning numbers with the
// sample-size curve, its result and what it reads, and Apply, which turns a
// significant win into a new scenario and shows what it is worth.
type experimentsScreen struct {
	u  *UI
	id string // the selected experiment ("" when there is none)

	list   *widget.List
	addBtn *widget.Button
	quiet  bool
	fields []expInput
	status *widget.Select
	counts *resultInput

	planning *widget.Label
	curve    *curveView
	reading  *widget.Label
	peek     *widget.Label

	target   *widget.Select
	input    *widget.Select
	applyBtn *widget.Button
	impact   *widget.Label
	win      string // the impact text of the last Apply, kept while its experiment is selected
	previews int    // counts preview requests, so a late one is dropped

	detail *fyne.Container
	empty  fyne.CanvasObject
	body   fyne.CanvasObject
}

// expLabelWidth aligns the experiment forms (narrower than the module
// forms': the tab also holds the backlog).
const expLabelWidth = 175

// expInput is an input of the selected experiment.
type expInput interface {
	input
	loadExperiment(e *experiment.Experiment, force bool)
}

func newExperimentsScreen(u *UI) screen {
	x := &experimentsScreen{u: u}
	x.list = widget.NewList(x.count, func() fyne.CanvasObject {
		name := widget.NewLabelWithStyle("Experiment name", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		name.Truncation = fyne.TextTruncateEllipsis
		about := widget.NewLabel("planned · owner")
		about.Truncation = fyne.TextTruncateEllipsis
		about.SizeName = theme.SizeNameCaptionText
		return container.New(&tightRows{}, name, about)
	}, x.item)
	x.list.OnSelected = func(i widget.ListItemID) {
		if es := x.experiments(); !x.quiet && i < len(es) {
			x.selectExperiment(es[i].ID)
		}
	}
	x.addBtn = widget.NewButtonWithIcon("New", theme.ContentAddIcon(), x.addExperiment)
	del := widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), x.deleteExperiment)
	head := widget.NewLabelWithStyle("Experiments", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	left := container.NewBorder(head, container.NewGridWithColumns(2, x.addBtn, del), nil, nil, x.list)

	x.detail = container.NewVBox(x.templateSection(), x.planningSection(), x.resultSection(), x.applySection())
	hint := widget.NewLabel("No experiments yet. New adds one with the article's template: a hypothesis, a sample size, a duration and, once it has run, its result.")
	hint.Wrapping = fyne.TextWrapWord
	x.empty = hint
	right := container.NewStack(container.NewVScroll(container.NewPadded(x.detail)), x.empty)
	split := container.NewHSplit(container.NewPadded(left), right)
	split.Offset = 0.2
	x.body = split
	return x
}

func (x *experimentsScreen) content() fyne.CanvasObject { return x.body }

// inputs are the fields the status bar counts.
func (x *experimentsScreen) inputs() []input {
	out := make([]input, len(x.fields))
	for i, f := range x.fields {
		out[i] = f
	}
	return out
}

// setActive renders the curve only while the tab shows.
func (x *experimentsScreen) setActive(on bool) { x.curve.setActive(on) }

// load runs after every change of the document (and on a new scenario
// selection): it shows the plan's experiments, keeping the selection.
func (x *experimentsScreen) load(_ *scenario.Scenario, _ bool) { x.refresh(false) }

// experiments is the open plan's backlog.
func (x *experimentsScreen) experiments() []experiment.Experiment {
	if x.u.s.Doc() == nil {
		return nil
	}
	return x.u.s.Doc().Plan().Experiments
}

func (x *experimentsScreen) count() int { return len(x.experiments()) }

// item shows an experiment's name, and its status and owner below.
func (x *experimentsScreen) item(i widget.ListItemID, o fyne.CanvasObject) {
	es := x.experiments()
	if i >= len(es) {
		return
	}
	c := o.(*fyne.Container)
	c.Objects[0].(*widget.Label).SetText(es[i].Name)
	about := es[i].Status
	if es[i].Owner != "" {
		about += " · " + es[i].Owner
	}
	c.Objects[1].(*widget.Label).SetText(about)
}

// tightRows stacks objects with no padding between them (a list item's
// two lines).
type tightRows struct{}

func (tightRows) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		m := o.MinSize()
		s.Width = max(s.Width, m.Width)
		s.Height += m.Height - 2*theme.Padding()
	}
	s.Height += 2 * theme.Padding()
	return s
}

func (tightRows) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for _, o := range objs {
		h := o.MinSize().Height
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h - 2*theme.Padding()
	}
}

// selected returns the selected experiment, or nil.
func (x *experimentsScreen) selected() *experiment.Experiment {
	p := x.u.s.Doc().Plan()
	if i := p.ExperimentIndex(x.id); i >= 0 {
		return &p.Experiments[i]
	}
	return nil
}

// selectExperiment shows the experiment with id.
func (x *experimentsScreen) selectExperiment(id string) {
	if id != x.id {
		unfocusWithin(x.u.win, x.detail)
		x.win = ""
	}
	x.id = id
	x.refresh(true)
}

// refresh shows the backlog and the selected experiment (the first when
// the selected one is gone); force replaces invalid text in the fields.
func (x *experimentsScreen) refresh(force bool) {
	if x.u.s.Doc() == nil {
		return
	}
	es := x.experiments()
	x.list.Refresh()
	p := x.u.s.Doc().Plan()
	i := p.ExperimentIndex(x.id)
	if i < 0 && len(es) > 0 {
		i, x.id, force, x.win = 0, es[0].ID, true, ""
	}
	if i < 0 {
		x.id = ""
		x.empty.Show()
		x.detail.Hide()
		return
	}
	x.empty.Hide()
	x.detail.Show()
	x.quiet = true
	x.list.Select(i)
	x.quiet = false
	e := &p.Experiments[i]
	for _, f := range x.fields {
		f.loadExperiment(e, force)
	}
	x.status.SetSelected(e.Status)
	x.showPlanning(e)
	x.showReading(e)
	x.showTarget(e)
}

func (x *experimentsScreen) addExperiment() {
	id, err := x.u.s.Doc().AddExperiment("")
	if err != nil {
		x.u.showError("New experiment", err)
		return
	}
	x.selectExperiment(id)
}

func (x *experimentsScreen) deleteExperiment() {
	e := x.selected()
	if e == nil {
		return
	}
	id := e.ID
	showConfirm(x.u.win, "Delete experiment", "Delete “"+e.Name+"”? You can undo this.", func(ok bool) {
		if ok {
			x.u.showError("Delete experiment", x.u.s.Doc().DeleteExperiment(id))
		}
	})
}

// templateSection holds the article's template fields.
func (x *experimentsScreen) templateSection() fyne.CanvasObject {
	text := func(name, key, hint string, get func(*experiment.Experiment) string, set func(*experiment.Experiment, string)) formRow {
		return x.row(newExpField(x, name, key, parseText, formatText, get, set), name, hint)
	}
	name := x.row(newExpField(x, "Name", "name", parseName, formatText,
		func(e *experiment.Experiment) string { return e.Name }, func(e *experiment.Experiment, v string) { e.Name = v }), "Name", "")
	hypo := newExpField(x, "Hypothesis", "hypothesis", parseText, formatText,
		func(e *experiment.Experiment) string { return e.Hypothesis }, func(e *experiment.Experiment, v string) { e.Hypothesis = v })
	hypo.entry.MultiLine, hypo.entry.Wrapping = true, fyne.TextWrapWord
	hypo.entry.SetMinRowsVisible(2)
	x.status = widget.NewSelect(experiment.Statuses, func(v string) {
		if e := x.selected(); e != nil && !x.quiet && v != e.Status {
			x.u.showError("Status", x.u.s.Doc().EditExperiment(e.ID, "status", func(e *experiment.Experiment) { e.Status = v }))
		}
	})
	return container.NewVBox(section("Experiment"), form(
		name,
		text("Owner", "owner", "who runs it", func(e *experiment.Experiment) string { return e.Owner }, func(e *experiment.Experiment, v string) { e.Owner = v }),
		text("Start", "start", "YYYY-MM-DD", func(e *experiment.Experiment) string { return e.Start }, func(e *experiment.Experiment, v string) { e.Start = v }),
		text("End", "end", "YYYY-MM-DD", func(e *experiment.Experiment) string { return e.End }, func(e *experiment.Experiment, v string) { e.End = v }),
		x.row(hypo, "Hypothesis", ""),
		text("Metric", "metric", "e.g. invite conversion", func(e *experiment.Experiment) string { return e.Metric }, func(e *experiment.Experiment, v string) { e.Metric = v }),
		formRow{label: container.New(&minWidth{w: expLabelWidth}, widget.NewLabel("Status")), value: x.status},
	))
}

// planningSection holds the design, the planning numbers and the curve.
func (x *experimentsScreen) planningSection() fyne.CanvasObject {
	rate := func(name, key, hint string, get func(*experiment.Design) float64, set func(*experiment.Design, float64)) formRow {
		return x.row(newExpField(x, name, key, parseNumber(true), formatNumber(true),
			func(e *experiment.Experiment) float64 { return get(&e.Design) }, func(e *experiment.Experiment, v float64) { set(&e.Design, v) }), name, hint)
	}
	inputs := form(
		rate("Baseline rate", "baselineRate", "0–100%", func(d *experiment.Design) float64 { return d.BaselineRate }, func(d *experiment.Design, v float64) { d.BaselineRate = v }),
		rate("Min. detectable effect", "minDetectableEffect", "relative", func(d *experiment.Design) float64 { return d.MinDetectableEffect }, func(d *experiment.Design, v float64) { d.MinDetectableEffect = v }),
		rate("Significance α", "alpha", "two-sided", func(d *experiment.Design) float64 { return d.Alpha }, func(d *experiment.Design, v float64) { d.Alpha = v }),
		rate("Power", "power", "0–100%", func(d *experiment.Design) float64 { return d.Power }, func(d *experiment.Design, v float64) { d.Power = v }),
		x.row(newExpField(x, "Daily visitors", "dailyVisitors", parseNumber(false), formatNumber(false),
			func(e *experiment.Experiment) float64 { return e.DailyVisitors }, func(e *experiment.Experiment, v float64) { e.DailyVisitors = v }), "Daily visitors", "0 = not known"),
		rate("Variant share", "variantShare", "of traffic", func(d *experiment.Design) float64 { return d.VariantShare }, func(d *experiment.Design, v float64) { d.VariantShare = v }),
	)
	x.planning = widget.NewLabel("")
	x.planning.Wrapping = fyne.TextWrapWord
	x.curve = newCurveView(x.u)
	right := container.NewBorder(x.planning, nil, nil, nil, x.curve)
	return container.NewVBox(section("Planning"), container.NewGridWithColumns(2, inputs, right))
}

// resultSection holds the observed counts and their reading.
func (x *experimentsScreen) resultSection() fyne.CanvasObject {
	x.counts = newResultInput(x)
	x.fields = append(x.fields, x.counts)
	x.reading = widget.NewLabel("")
	x.reading.Wrapping = fyne.TextWrapWord
	x.peek = widget.NewLabel("")
	x.peek.Wrapping = fyne.TextWrapWord
	x.peek.Importance = widget.WarningImportance
	x.peek.Hide()
	return container.NewVBox(section("Result"), container.NewGridWithColumns(2, x.counts.content(), container.NewVBox(x.reading, x.peek)))
}

// applySection chooses the scenario input a win applies to and applies it.
func (x *experimentsScreen) applySection() fyne.CanvasObject {
	x.target = widget.NewSelect(nil, x.onTargetChanged)
	x.target.PlaceHolder = "choose a scenario"
	x.input = widget.NewSelect(nil, x.onInputChanged)
	x.input.PlaceHolder = "choose an input"
	x.applyBtn = widget.NewButtonWithIcon("Apply the win", theme.ConfirmIcon(), x.apply)
	x.applyBtn.Importance = widget.HighImportance
	x.impact = widget.NewLabel("")
	x.impact.Wrapping = fyne.TextWrapWord
	help := widget.NewLabel("A significant result multiplies the input by (1 + lift) in a new variant of the scenario, which overrides only that input and says which experiment and lift in its notes.")
	help.Wrapping = fyne.TextWrapWord
	return container.NewVBox(section("Apply the win"), help, form(
		formRow{label: container.New(&minWidth{w: expLabelWidth}, widget.NewLabel("Scenario")), value: x.target},
		formRow{label: container.New(&minWidth{w: expLabelWidth}, widget.NewLabel("Input")), value: x.input},
	), container.NewHBox(x.applyBtn), x.impact)
}

// row lays out an experiment field like the module forms' rows.
func (x *experimentsScreen) row(f expInput, label, hint string) formRow {
	x.fields = append(x.fields, f)
	ef := f.(interface {
		entryOf() *focusEntry
		setNote(func(string))
	})
	ef.entryOf().PlaceHolder = hint
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	msg.Wrapping = fyne.TextWrapWord
	msg.SizeName = theme.SizeNameCaptionText
	msg.Hide()
	ef.setNote(func(s string) {
		msg.SetText(s)
		msg.Hidden = s == ""
		msg.Refresh()
	})
	return formRow{label: container.New(&minWidth{w: expLabelWidth}, widget.NewLabel(label)), value: container.NewVBox(ef.entryOf(), msg)}
}

// showPlanning writes the sample size, total and duration, and draws the curve.
func (x *experimentsScreen) showPlanning(e *experiment.Experiment) {
	s, err := e.Design.Size()
	if err != nil {
		x.planning.SetText("Sample size: " + firstMessage(err))
		x.curve.set(nil)
		return
	}
	days := "give the daily visitors for the duration"
	if s.Days != nil {
		days = fmt.Sprintf("%s days at %s visitors a day", scenario.FormatCount(float64(*s.Days)), scenario.FormatCount(e.DailyVisitors))
	}
	x.planning.SetText(fmt.Sprintf("%s visitors per arm to tell %s from %s; %s in total: %s.",
		scenario.FormatCount(float64(s.PerArm)), percent(e.BaselineRate), percent(e.Variant()), scenario.FormatCount(float64(s.Total)), days))
	d := e.Design
	x.curve.set(&d)
}

// showReading writes what the result says, and the peeking warning.
func (x *experimentsScreen) showReading(e *experiment.Experiment) {
	warn := e.Peeking().Warning()
	x.peek.SetText(warn)
	x.peek.Hidden = warn == ""
	x.peek.Refresh()
	if e.Result == nil {
		x.reading.SetText("No result yet: enter the visitors and conversions of each arm.")
		return
	}
	r, err := e.Read()
	if err != nil {
		x.reading.SetText(firstMessage(err))
		return
	}
	o := e.Result
	verdict := "not significant"
	if r.Significant {
		verdict = "significant"
	}
	x.reading.SetText(fmt.Sprintf("Control %s (%s of %s), variant %s (%s of %s).\nLift %+.1f%% (95%% CI %+.1f%% to %+.1f%%), p = %s: %s at α = %s.",
		percent(r.ControlRate), scenario.FormatCount(float64(o.ControlConversions)), scenario.FormatCount(float64(o.ControlVisitors)),
		percent(r.VariantRate), scenario.FormatCount(float64(o.VariantConversions)), scenario.FormatCount(float64(o.VariantVisitors)),
		100*r.Lift, 100*r.LiftLow, 100*r.LiftHigh, pText(r.PValue), verdict, percent(e.Alpha)))
}

// showTarget fills the scenario and input choices, enables Apply for a
// significant result, and previews what the win is worth.
func (x *experimentsScreen) showTarget(e *experiment.Experiment) {
	p := x.u.s.Doc().Plan()
	names := make([]string, len(p.Scenarios))
	for i, s := range p.Scenarios {
		names[i] = s.Name
	}
	x.quiet = true
	x.target.Options = names
	x.target.ClearSelected()
	x.input.Options = nil
	x.input.ClearSelected()
	if t := e.AppliesTo; t != nil {
		for _, s := range p.Scenarios {
			if strings.EqualFold(s.ID, t.ScenarioID) {
				x.target.SetSelected(s.Name)
				x.input.Options = scenario.FloatInputs(&s)
				x.input.SetSelected(t.Input)
			}
		}
	}
	x.quiet = false
	x.target.Refresh()
	x.input.Refresh()
	r, err := e.Read()
	early := e.Peeking().Early
	ready := err == nil && r.Significant && !early && e.AppliesTo != nil && e.AppliesTo.Input != ""
	if ready {
		x.applyBtn.Enable()
	} else {
		x.applyBtn.Disable()
	}
	x.previews++
	if x.win != "" {
		x.impact.SetText(x.win)
		return
	}
	switch {
	case early:
		x.impact.SetText("Apply waits until the test reaches its sample size.")
		return
	case !ready:
		x.impact.SetText("Apply needs a significant result and a scenario input.")
		return
	}
	x.preview(*e, x.previews)
}

// preview works out, off the UI thread, what the win would be worth.
func (x *experimentsScreen) preview(e experiment.Experiment, n int) {
	p := x.u.s.Doc().Snapshot()
	currency := p.Currency
	type out struct {
		w   *scenario.Win
		err error
	}
	work(x.u, func() out {
		w, err := scenario.ApplyExperiment(p, e)
		return out{w, err}
	}, func(o out) {
		if n != x.previews || x.win != "" {
			return // the experiment or the plan has moved on
		}
		if o.err != nil {
			x.impact.SetText("Cannot apply: " + firstMessage(o.err))
			return
		}
		x.impact.SetText("If applied: " + impactText(o.w, currency))
	})
}

func (x *experimentsScreen) onTargetChanged(name string) {
	e := x.selected()
	if x.quiet || e == nil {
		return
	}
	p := x.u.s.Doc().Plan()
	for _, s := range p.Scenarios {
		if s.Name != name {
			continue
		}
		inputs := scenario.FloatInputs(&s)
		input := "viral.inviteConversion"
		if e.AppliesTo != nil && contains(inputs, e.AppliesTo.Input) {
			input = e.AppliesTo.Input
		} else if !contains(inputs, input) && len(inputs) > 0 {
			input = inputs[0]
		}
		id := s.ID
		x.u.showError("Apply to", x.u.s.Doc().EditExperiment(e.ID, "appliesTo", func(e *experiment.Experiment) {
			e.AppliesTo = &experiment.Target{ScenarioID: id, Input: input}
		}))
		return
	}
}

func (x *experimentsScreen) onInputChanged(path string) {
	e := x.selected()
	if x.quiet || e == nil || e.AppliesTo == nil || path == "" {
		return
	}
	x.u.showError("Apply to", x.u.s.Doc().EditExperiment(e.ID, "appliesTo", func(e *experiment.Experiment) {
		e.AppliesTo.Input = path
	}))
}

// apply applies the selected experiment's win, shows what it is worth and
// selects the new scenario.
func (x *experimentsScreen) apply() {
	e := x.selected()
	if e == nil {
		return
	}
	currency := x.u.s.Doc().Plan().Currency
	w, err := x.u.s.Doc().ApplyExperiment(e.ID)
	if err != nil {
		x.u.showError("Apply the win", errors.New(firstMessage(err)))
		return
	}
	x.win = fmt.Sprintf("Applied as “%s”: %s", w.Scenario.Name, impactText(w, currency))
	x.impact.SetText(x.win)
	if i := x.u.s.Doc().ScenarioIndex(w.Scenario.ID); i >= 0 {
		x.u.selectScenario(i)
	}
}

// impactText says what a win changes at the horizon, metric by metric.
func impactText(w *scenario.Win, currency string) string {
	head := fmt.Sprintf("%s from %s to %s.", w.Input, scenario.FormatInput(w.Before, false), scenario.FormatInput(w.After, false))
	if len(w.Impacts) == 0 {
		return head + " No users, ARR or cash to compare (those modules are off)."
	}
	lines := []string{head}
	for _, im := range w.Impacts {
		l := fmt.Sprintf("%s: %s instead of %s", im.Without.Label, formatMetric(im.With, currency), formatMetric(im.Without, currency))
		if im.Delta.RelOK {
			l += fmt.Sprintf(" (%+.1f%%)", 100*im.Delta.Rel)
		}
		lines = append(lines, l)
	}
	return strings.Join(lines, "\n")
}

// firstMessage is the first line of err without the experiment's location
// prefix and the operation's context.
func firstMessage(err error) string {
	var es scenario.Errors
	if errors.As(err, &es) && len(es) > 0 {
		return trimLocation(es[0].Error())
	}
	var xs experiment.Errors
	if errors.As(err, &xs) && len(xs) > 0 {
		return xs[0].Error()
	}
	var fe scenario.FieldError
	if errors.As(err, &fe) {
		return fe.Error()
	}
	msg, _, _ := strings.Cut(err.Error(), "\n")
	return msg
}

// trimLocation drops "experiments[3]." from a located message.
func trimLocation(msg string) string {
	if strings.HasPrefix(msg, "experiments[") {
		if i := strings.Index(msg, "]."); i > 0 {
			return msg[i+2:]
		}
	}
	return msg
}

// percent writes a rate for reading: at most two decimals (34.17%).
func percent(v float64) string {
	return strconv.FormatFloat(math.Round(v*1e4)/100, 'f', -1, 64) + "%"
}

func pText(p float64) string {
	if p < 0.0001 {
		return "< 0.0001"
	}
	return fmt.Sprintf("%.4f", p)
}

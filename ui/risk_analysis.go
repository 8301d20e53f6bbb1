package ui

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"scaleplan/scenario"
)

// riskAnalysis is the Risk tab's questions asked of the model directly
// (docs/MODELS.md §7), each answered off the UI thread for the selected
// scenario as it is now: the tornado of an output the user picks, goal
// seek and decision thresholds.
type riskAnalysis struct {
	u   *UI
	box *fyne.Container

	tornadoOut *widget.Select
	tornado    *tornadoView

	seekIn, seekOut *widget.Select
	seekTarget      *widget.Entry
	seekMonth       *widget.Entry
	seekAnswer      *widget.Label

	decision    *widget.Select
	decIn       *widget.Select
	decMonth    *widget.Entry
	decAnswer   *widget.Label
	inputs      []string          // real-valued input paths of the scenario, in field order
	outputs     []scenario.Output // what goal seek can aim at
	measures    []scenario.Output // what a tornado can measure (the outputs and the cash needed)
	sig         string            // what the pickers were filled from
	tornadoSeq  int
	tornadoDone int // answers shown (tests wait on it)
}

// decisionNames are the decisions as the picker offers them.
var decisionNames = map[string]string{
	scenario.DecisionPlannedModel:  "Planned fulfillment model",
	scenario.DecisionWinningMarket: "Winning market",
	scenario.DecisionCashOut:       "Month cash runs out",
}

func newRiskAnalysis(u *UI) *riskAnalysis {
	a := &riskAnalysis{u: u}
	a.tornadoOut = widget.NewSelect(nil, func(string) { a.drawTornado() })
	a.tornado = newTornadoView(u)

	a.seekIn, a.seekOut = widget.NewSelect(nil, nil), widget.NewSelect(nil, nil)
	a.seekTarget, a.seekMonth = newLineEntry(), newLineEntry()
	a.seekTarget.SetPlaceHolder("100k")
	a.seekMonth.SetPlaceHolder("horizon")
	a.seekTarget.OnSubmitted = func(string) { a.seek() }
	a.seekMonth.OnSubmitted = func(string) { a.seek() }
	a.seekAnswer = wrapLabel()
	seekBtn := widget.NewButton("Seek", a.seek)

	labels := make([]string, 0, len(scenario.Decisions()))
	for _, d := range scenario.Decisions() {
		labels = append(labels, decisionNames[d])
	}
	a.decision = widget.NewSelect(labels, nil)
	a.decIn = widget.NewSelect(nil, nil)
	a.decMonth = newLineEntry()
	a.decMonth.SetPlaceHolder("horizon")
	a.decMonth.OnSubmitted = func(string) { a.thresholds() }
	a.decAnswer = wrapLabel()
	decBtn := widget.NewButton("Find", a.thresholds)

	a.box = container.NewVBox(
		section("Tornado: which ranged inputs move an output most"),
		widget.NewForm(widget.NewFormItem("Output at the horizon", a.tornadoOut)),
		a.tornado,
		section("Goal seek: what value of an input reaches a target"),
		widget.NewForm(
			widget.NewFormItem("Input", a.seekIn),
			widget.NewFormItem("Output", a.seekOut),
			widget.NewFormItem("Target", a.seekTarget),
			widget.NewFormItem("By month", a.seekMonth),
		),
		container.NewHBox(seekBtn), a.seekAnswer,
		section("Decision thresholds: how far an input may move before a decision changes"),
		widget.NewForm(
			widget.NewFormItem("Decision", a.decision),
			widget.NewFormItem("Input", a.decIn),
			widget.NewFormItem("In month", a.decMonth),
		),
		container.NewHBox(decBtn), a.decAnswer,
	)
	return a
}

func (a *riskAnalysis) content() fyne.CanvasObject { return a.box }

// load fills the pickers from scenario sel of p when its inputs or
// outputs changed, keeping the choices that still apply, and redraws the
// tornado.
func (a *riskAnalysis) load(p *scenario.Plan, sel int) {
	s := &p.Scenarios[sel]
	a.inputs = scenario.RangeInputs(s)
	a.outputs = scenario.ScenarioOutputs(s)
	a.measures = scenario.TornadoMeasures(s)
	ins := make([]string, len(a.inputs))
	for i, path := range a.inputs {
		ins[i] = a.u.inputLabel(path)
	}
	outs := make([]string, len(a.outputs))
	for i, o := range a.outputs {
		outs[i] = o.Title
	}
	meas := make([]string, len(a.measures))
	for i, o := range a.measures {
		meas[i] = o.Title
	}
	sig := strings.Join(ins, "\x00") + "\x01" + strings.Join(meas, "\x00")
	if sig != a.sig {
		a.sig = sig
		keep := func(w *widget.Select, opts []string, def int) {
			cur := w.Selected
			w.Options = opts
			switch {
			case cur != "" && slices.Contains(opts, cur):
			case def >= 0 && def < len(opts):
				w.Selected = opts[def]
			default:
				w.Selected = ""
			}
			w.Refresh()
		}
		keep(a.tornadoOut, meas, 0)
		keep(a.seekIn, ins, 0)
		keep(a.seekOut, outs, 0)
		keep(a.decIn, ins, 0)
		if a.decision.Selected == "" {
			a.decision.SetSelected(decisionNames[scenario.DecisionPlannedModel])
		}
	}
	a.drawTornado()
}

// pick returns the index of the selected option of w, or -1.
func pick(w *widget.Select) int { return w.SelectedIndex() }

// selected is the scenario the questions are about, as it is now (a copy
// for another goroutine).
func (a *riskAnalysis) selected() (scenario.Scenario, string) {
	p := a.u.s.Doc().Plan()
	return p.Scenarios[a.u.s.Selected()].Clone(), p.Currency
}

// drawTornado computes the tornado of the picked output at the horizon.
func (a *riskAnalysis) drawTornado() {
	if a.u.s.Doc() == nil {
		return
	}
	o := pick(a.tornadoOut)
	if o < 0 || o >= len(a.measures) {
		a.tornado.set(nil, "Pick an output.", "")
		return
	}
	s, cur := a.selected()
	if len(s.Ranges) == 0 {
		a.tornado.set(nil, "No input of this scenario has a range: add one (Range… beside a field) to see what moves "+strings.ToLower(a.measures[o].Title)+".", cur)
		return
	}
	a.tornadoSeq++
	seq, key := a.tornadoSeq, a.measures[o].Key
	type out struct {
		t   *scenario.Tornado
		err error
	}
	work(a.u, func() out {
		t, err := scenario.TornadoOf(context.Background(), &s, key, 0)
		return out{t, err}
	}, func(r out) {
		if seq != a.tornadoSeq {
			return // a newer question is being answered
		}
		a.tornadoDone++
		if r.err != nil {
			a.tornado.set(nil, firstMessage(r.err), cur)
			return
		}
		a.tornado.set(r.t, "", cur)
	})
}

// month reads a month entry: empty is the horizon (0).
func month(e *widget.Entry, horizon int) (int, error) {
	t := strings.TrimSpace(e.Text)
	if t == "" {
		return 0, nil
	}
	m, err := strconv.Atoi(t)
	if err != nil || m < 1 || m > horizon {
		return 0, fmt.Errorf("the month must be a whole number from 1 to %d (the horizon), got %q", horizon, t)
	}
	return m, nil
}

// seek answers the goal seek question.
func (a *riskAnalysis) seek() {
	i, o := pick(a.seekIn), pick(a.seekOut)
	if i < 0 || o < 0 || i >= len(a.inputs) || o >= len(a.outputs) {
		a.seekAnswer.SetText("Pick an input and an output.")
		return
	}
	s, cur := a.selected()
	target, err := scenario.ParseNumber(a.seekTarget.Text, false)
	if err != nil {
		a.seekAnswer.SetText("Target: " + err.Error())
		return
	}
	m, err := month(a.seekMonth, s.HorizonMonths)
	if err != nil {
		a.seekAnswer.SetText("By month: " + err.Error())
		return
	}
	g := scenario.Goal{Input: a.inputs[i], Output: a.outputs[o].Key, Target: target, Month: m}
	out, label := a.outputs[o], a.u.inputLabel(g.Input)
	cal := a.u.s.Doc().Plan().Calendar()
	a.seekAnswer.SetText("Seeking…")
	type res struct {
		r   *scenario.GoalResult
		err error
	}
	work(a.u, func() res {
		r, err := scenario.SeekGoal(context.Background(), &s, g)
		return res{r, err}
	}, func(x res) {
		a.seekAnswer.SetText(goalSentence(x.r, x.err, label, out, cur, cal))
	})
}

// goalSentence says goal seek's answer: "Invite conversion of 23.4% or
// more brings active users to 100,000 by Jun 2028 (month 18); the plan
// has 20%", or that no value reaches it.
func goalSentence(r *scenario.GoalResult, err error, label string, out scenario.Output, currency string, cal scenario.Calendar) string {
	var nr *scenario.NotReachableError
	if errors.As(err, &nr) {
		m := nr.Goal.Month
		return fmt.Sprintf("No value of %s from %s to %s brings %s to %s by %s (month %d): the most it reaches is %s (with %s).",
			label, inputText(nr.Goal.Input, nr.Min, currency), inputText(nr.Goal.Input, nr.Max, currency), strings.ToLower(out.Title),
			outputText(out, nr.Goal.Target, currency), cal.Label(m), m, outputText(out, nr.Best, currency), inputText(nr.Goal.Input, nr.BestAt, currency))
	}
	if err != nil {
		return firstMessage(err)
	}
	when := fmt.Sprintf("by %s (month %d)", cal.Label(r.Month), r.Month)
	if r.Everywhere {
		return fmt.Sprintf("Every value of %s reaches %s %s %s.", label, strings.ToLower(out.Title), outputText(out, r.Target, currency), when)
	}
	side := "or more"
	if !r.Rising {
		side = "or less"
	}
	s := fmt.Sprintf("%s of %s %s brings %s to %s %s; the plan has %s.", label, inputText(r.Input, r.Value, currency), side,
		strings.ToLower(out.Title), outputText(out, r.Target, currency), when, inputText(r.Input, r.Current, currency))
	if r.Crossings > 1 {
		s += fmt.Sprintf(" (The output crosses the target %d times across the valid range; this is the crossing nearest the plan's value.)", r.Crossings)
	}
	return s
}

// inputText writes a value of the input at path as its field shows it,
// with the currency's symbol on an amount of money.
func inputText(path string, v float64, currency string) string {
	l, _ := scenario.LimitOf(path)
	if l.Money {
		return scenario.FormatMoneyCents(roundTo(v, 4), currency)
	}
	return scenario.FormatInput(roundTo(v, 4), l.Percent)
}

// roundTo rounds v to n significant digits, for reading.
func roundTo(v float64, n int) float64 {
	if v == 0 || math.IsInf(v, 0) || math.IsNaN(v) {
		return v
	}
	p := math.Pow(10, float64(n)-math.Ceil(math.Log10(math.Abs(v))))
	return math.Round(v*p) / p
}

// outputText writes a value of an output.
func outputText(o scenario.Output, v float64, currency string) string {
	if o.Unit == scenario.UnitMoney {
		return scenario.FormatMoneyCompact(v, currency)
	}
	return scenario.FormatCount(math.Round(v))
}

// thresholds answers the decision thresholds question.
func (a *riskAnalysis) thresholds() {
	d, i := pick(a.decision), pick(a.decIn)
	if d < 0 || i < 0 || i >= len(a.inputs) {
		a.decAnswer.SetText("Pick a decision and an input.")
		return
	}
	key := scenario.Decisions()[d]
	s, _ := a.selected()
	m, err := month(a.decMonth, s.HorizonMonths)
	if err != nil {
		a.decAnswer.SetText("In month: " + err.Error())
		return
	}
	path := a.inputs[i]
	label := a.u.inputLabel(path)
	a.decAnswer.SetText("Finding…")
	type res struct {
		t   *scenario.Thresholds
		err error
	}
	work(a.u, func() res {
		t, err := scenario.FindThresholds(context.Background(), &s, key, path, m)
		return res{t, err}
	}, func(x res) {
		if x.err != nil {
			a.decAnswer.SetText(firstMessage(x.err))
			return
		}
		a.decAnswer.SetText(x.t.Sentence(label, func(v float64) string { return inputText(path, v, a.u.s.Doc().Plan().Currency) }) + ".")
	})
}

// inputLabel names the input at path for people: its field's name when a
// form shows it ("Invite conversion"), else the item and its field
// ("3PL per order").
func (u *UI) inputLabel(path string) string {
	if u.labels == nil {
		u.labels = map[string]string{}
		var walk func([]input)
		walk = func(ins []input) {
			for _, in := range ins {
				if f, ok := in.(*field[float64]); ok && f.display == "" {
					u.labels[f.path] = f.name
				}
				if g, ok := in.(group); ok {
					walk(g.inputs())
				}
			}
		}
		for _, sc := range u.screens {
			if e, ok := sc.(editor); ok {
				walk(e.inputs())
			}
		}
	}
	if l, ok := u.labels[path]; ok {
		return l
	}
	if id, ok := strings.CutPrefix(path, "markets.factors["); ok && u.s.Doc() != nil {
		id, _, _ = strings.Cut(id, "]")
		for _, f := range u.s.Scenario().Markets.Factors {
			if f.ID == id {
				return f.Name + " weight"
			}
		}
	}
	if i := strings.LastIndex(path, "["); i >= 0 {
		if j := strings.Index(path[i:], "]"); j >= 0 {
			return path[i+1:i+j] + " " + words(strings.TrimPrefix(path[i+j+1:], "."))
		}
	}
	return path
}

// words spells a field name in words: "perOrder" → "per order".
func words(name string) string {
	var b strings.Builder
	for _, r := range name {
		if r >= 'A' && r <= 'Z' {
			b.WriteByte(' ')
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

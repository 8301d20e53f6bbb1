package ui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scaleplan/export/chart"
	"scaleplan/scenario"
)

// overviewKeys are the headline metrics of the Overview tab.
var overviewKeys = []string{
	scenario.MetricViralK, scenario.MetricViralActiveHorizon, scenario.MetricViralPaidSpend, scenario.MetricSalesARRHorizon,
	scenario.MetricSalesStage, scenario.MetricSalesHeads, scenario.MetricFulfillmentOrders, scenario.MetricFulfillmentModel,
	scenario.MetricFulfillmentSavings, scenario.MetricMarketsTop,
	scenario.MetricFinanceCashHorizon, scenario.MetricFinanceRunway, scenario.MetricFinanceCashNeeded, scenario.MetricFinanceCashOutMonth, scenario.MetricFinanceBreakEvenMonth,
}

// overview is the Overview tab: key numbers, the milestone timeline, the
// horizon and the notes.
type overview struct {
	u        *UI
	tiles    map[string]*tile
	timeline *fyne.Container
	heading  *widget.Label
	fields   []input
	body     fyne.CanvasObject
	// variant lists a variant's overrides, each with Reset to base;
	// variantSig is what it was built from.
	variant    *fyne.Container
	variantSig string
	// plan are the plan's own fields (name, currency, calendar), shown in
	// the Plan Settings dialog; settings is that dialog once made.
	plan     []*planField
	planLine *widget.Label // the plan's settings in one line
	planForm *fyne.Container
	settings dialog.Dialog // the dialog last shown
}

func newOverview(u *UI) screen {
	o := &overview{u: u, tiles: map[string]*tile{}}
	boxes := make([]fyne.CanvasObject, len(overviewKeys))
	for i, k := range overviewKeys {
		t := newTile(u, k)
		o.tiles[k] = t
		boxes[i] = t.box
	}
	// all at once: each Add would lay out (and measure) every tile so far,
	// before the window is even shown
	grid := container.NewGridWithColumns(5, boxes...)
	o.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	o.heading.SizeName = theme.SizeNameSubHeadingText
	o.timeline = container.New(layout.NewFormLayout())
	horizon := wholeField(u, "Horizon", "horizonMonths",
		func(s *sc) int { return s.HorizonMonths }, func(s *sc, v int) { s.HorizonMonths = v })
	notes := newField(u, "Notes", "notes", parseText, formatText,
		func(s *sc) string { return s.Notes }, func(s *sc, v string) { s.Notes = v })
	notes.entry.MultiLine = true
	notes.entry.Scroll = container.ScrollBoth // long notes scroll inside their box
	notes.entry.Wrapping = fyne.TextWrapWord
	notes.entry.SetMinRowsVisible(8)
	notes.entry.PlaceHolder = "Assumptions, sources, open questions…"
	cur, start, fiscal := newPlanField(u), newStartField(u), newFiscalField(u)
	name := newPlanNameField(u)
	o.fields = []input{horizon, notes, name, cur, start, fiscal}
	o.variant = container.NewVBox()
	o.plan = []*planField{name, cur, start, fiscal}
	o.planLine = widget.NewLabel("")
	o.planLine.Wrapping = fyne.TextWrapWord
	settings := widget.NewButtonWithIcon("Plan Settings…", theme.SettingsIcon(), o.showPlanSettings)
	settings.Alignment = widget.ButtonAlignLeading
	side := container.NewVBox(
		o.variant,
		section("Scenario"),
		form(row(horizon, "Horizon (months)", "")),
		section("Plan (every scenario)"),
		o.planLine,
		container.NewHBox(settings),
		section("Notes"),
		notes.entry,
	)
	tl := container.NewVScroll(container.NewPadded(o.timeline))
	left := container.NewBorder(section("Milestones"), nil, nil, nil, tl)
	split := container.NewHSplit(left, container.NewVScroll(side))
	split.Offset = 0.62
	o.body = container.NewPadded(container.NewBorder(container.NewVBox(o.heading, tilePanel(u, grid)), nil, nil, nil, split))
	return o
}

func (o *overview) content() fyne.CanvasObject { return o.body }

// showPlanSettings opens the Plan Settings dialog: the plan's name,
// currency, start month and fiscal year, which every scenario shares.
// They apply as typed, like every field, and each edit is undoable.
func (o *overview) showPlanSettings() {
	if o.planForm == nil {
		name, cur, start, fiscal := o.plan[0], o.plan[1], o.plan[2], o.plan[3]
		f := form(row(name.field, "Plan name (titles the workbook)", " "), row(cur.field, "Currency", "ISO code"),
			row(start.field, "Month 1 is", "YYYY-MM"), row(fiscal.field, "Fiscal year starts", "month 1–12"))
		note := widget.NewLabel("Every scenario shares these. Changes apply as you type, and Undo (Ctrl+Z) takes them back.")
		note.Wrapping = fyne.TextWrapWord
		o.planForm = container.NewVBox(f, note)
	}
	// only the selected tab loads its inputs: the dialog's fields may be
	// behind the plan (an undo on another tab); bring them up to date,
	// keeping invalid text that still stands
	for _, pf := range o.plan {
		pf.load(o.u.s.Scenario(), false)
	}
	// a new dialog each time: its Escape and Enter are set up for this
	// showing (dialogKeys) and undone when it closes
	d := dialog.NewCustom("Plan Settings", "Close", o.planForm, o.u.win)
	d.Resize(fyne.NewSize(560, 0))
	dialogKeys(o.u.win, d, d.Hide, d.Hide)
	o.settings = d
	d.Show()
}

// planSummary is the plan's settings in a line: "Acme · USD · month 1
// is Jan 2027 · fiscal years start in April".
func planSummary(p *scenario.Plan) string {
	start := p.StartMonth
	if y, m, err := scenario.ParseStartMonth(p.StartMonth); err == nil {
		start = time.Month(m).String()[:3] + " " + strconv.Itoa(y)
	}
	fy := "January"
	if m := p.FiscalYearStartMonth; m >= 1 && m <= 12 {
		fy = time.Month(m).String()
	}
	return fmt.Sprintf("%s · %s · month 1 is %s · fiscal years start in %s", p.Name, p.Currency, start, fy)
}

// showPlanSettings is File → Plan Settings….
func (u *UI) showPlanSettings() {
	for _, sc := range u.screens {
		if o, ok := sc.(*overview); ok {
			o.showPlanSettings()
		}
	}
}

// reveal opens the Plan Settings dialog when the object to show (an
// invalid field the status bar points at) is one of its fields.
func (o *overview) reveal(obj fyne.CanvasObject) {
	for _, pf := range o.plan {
		if pf.field.entry == obj {
			o.showPlanSettings()
			return
		}
	}
}
func (o *overview) inputs() []input { return o.fields }

func (o *overview) load(s *scenario.Scenario, force bool) {
	o.heading.SetText(s.Name)
	o.planLine.SetText(planSummary(o.u.s.Doc().Plan()))
	for _, f := range o.fields {
		f.load(s, force)
	}
	o.loadVariant(s)
}

// loadVariant lists what makes a variant: its base and the assumptions
// that differ (its overrides), each with its base's value and a Reset to
// base button; for a base, its variants.
func (o *overview) loadVariant(s *scenario.Scenario) {
	p := o.u.s.Doc().Plan()
	base := p.ScenarioByID(s.BasedOn)
	sig := s.ID + "|" + s.BasedOn + "|" + fmt.Sprint(p.Variants(s.ID))
	if base != nil {
		sig += "|" + base.Name
	}
	for _, path := range scenario.OverridePaths(s) {
		sig += "|" + path + "=" + string(s.Overrides[path])
	}
	if sig == o.variantSig {
		return
	}
	o.variantSig = sig
	o.variant.Objects = variantRows(o.u, p, s, base)
	o.variant.Refresh()
}

// variantRows are the Overview's lines about a scenario's family.
func variantRows(u *UI, p *scenario.Plan, s, base *scenario.Scenario) []fyne.CanvasObject {
	var objs []fyne.CanvasObject
	if vs := p.Variants(s.ID); len(vs) > 0 {
		names := make([]string, len(vs))
		for k, v := range vs {
			names[k] = p.Scenarios[v].Name
		}
		l := widget.NewLabel("Variants based on it: " + strings.Join(names, ", "))
		l.Wrapping = fyne.TextWrapWord
		objs = append(objs, l)
	}
	if base == nil {
		return objs
	}
	paths := scenario.OverridePaths(s)
	objs = append(objs, section(fmt.Sprintf("Variant of %s: %d %s that differ", base.Name, len(paths), plural(len(paths), "assumption", "assumptions"))))
	if len(paths) == 0 {
		objs = append(objs, widget.NewLabel("None yet: every input is "+base.Name+"'s. Edit a field to change it here only."))
	}
	for _, path := range paths {
		objs = append(objs, overrideLine(u, s, base, path)...)
	}
	return objs
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// resetToBase removes the override at path of the scenario with id, so the
// input follows its base again.
func (u *UI) resetToBase(id, path string) {
	i := u.s.Doc().ScenarioIndex(id)
	if i < 0 {
		return
	}
	if err := u.s.Doc().ResetToBase(i, path); err != nil {
		u.showError("Reset to base", err)
	}
}

func (o *overview) show(in chart.Input) {
	s, r := selected(in)
	if s == nil {
		return
	}
	for _, m := range scenario.Metrics(s, r) {
		if t, ok := o.tiles[m.Key]; ok {
			t.set(formatMetricOn(m, in.Plan), caption(m))
		}
	}
	o.timeline.Objects = timelineRows(r.Milestones, in.Plan.Calendar())
	o.timeline.Refresh()
}

// timelineRows are the milestone rows of a form: when (shown once for
// entries of the same month; month 0 is "At the start"), then the module
// and what happens.
func timelineRows(ms []scenario.Milestone, cal scenario.Calendar) []fyne.CanvasObject {
	var objs []fyne.CanvasObject
	for i, m := range ms {
		when := whenLabel(m.Month, cal)
		if i > 0 && ms[i-1].Month == m.Month {
			when = ""
		}
		w := widget.NewLabelWithStyle(when, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
		t := widget.NewLabel(moduleName(m.Module) + " · " + m.Text)
		t.Wrapping = fyne.TextWrapWord
		objs = append(objs, w, t)
	}
	if len(objs) == 0 {
		objs = append(objs, widget.NewLabel(""), widget.NewLabel("No milestones: switch a module on."))
	}
	return objs
}

// whenLabel dates a milestone's month on the plan's calendar ("Sep 2027").
func whenLabel(month int, cal scenario.Calendar) string {
	if month <= 0 {
		return "At the start"
	}
	return cal.Label(month)
}

// planField edits a field of the plan (shared by all scenarios): the
// currency, the start month, the fiscal year's first month.
type planField struct {
	u     *UI
	field *field[string]
	key   string // the plan's JSON field
	apply func(p *scenario.Plan, v string)
}

func newPlanField(u *UI) *planField {
	return newPlanFieldOf(u, "Currency", "currency", func(s string) (string, error) {
		s = strings.ToUpper(strings.TrimSpace(s))
		if len(s) != 3 {
			return "", fmt.Errorf("%q: enter a three-letter code such as USD or EUR", s)
		}
		return s, nil
	}, func(p *scenario.Plan) string { return p.Currency }, func(p *scenario.Plan, v string) { p.Currency = v })
}

// newPlanNameField edits the plan's name, which titles the workbook.
func newPlanNameField(u *UI) *planField {
	return newPlanFieldOf(u, "Plan name", "name", parseName,
		func(p *scenario.Plan) string { return p.Name }, func(p *scenario.Plan, v string) { p.Name = v })
}

// newStartField edits the plan's start month, "2027-01".
func newStartField(u *UI) *planField {
	return newPlanFieldOf(u, "Start month", "startMonth", func(s string) (string, error) {
		s = strings.TrimSpace(s)
		if _, _, err := scenario.ParseStartMonth(s); err != nil {
			return "", err
		}
		return s, nil
	}, func(p *scenario.Plan) string { return p.StartMonth }, func(p *scenario.Plan, v string) { p.StartMonth = v })
}

// newFiscalField edits the calendar month fiscal years start in (1–12).
func newFiscalField(u *UI) *planField {
	return newPlanFieldOf(u, "Fiscal year start", "fiscalYearStartMonth", func(s string) (string, error) {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 || n > 12 {
			return "", fmt.Errorf("%q: enter a month number from 1 (January) to 12", s)
		}
		return strconv.Itoa(n), nil
	}, func(p *scenario.Plan) string { return strconv.Itoa(p.FiscalYearStartMonth) }, func(p *scenario.Plan, v string) {
		p.FiscalYearStartMonth, _ = strconv.Atoi(v)
	})
}

func newPlanFieldOf(u *UI, name, key string, parse func(string) (string, error), get func(*scenario.Plan) string, apply func(*scenario.Plan, string)) *planField {
	pf := &planField{u: u, key: key, apply: apply}
	pf.field = newField(u, name, key, parse, formatText, func(*sc) string { return get(u.s.Doc().Plan()) }, func(*sc, string) {})
	pf.field.apply = func(v string) error {
		return u.s.Doc().EditTyping("Edit "+strings.ToLower(name), key, func(p *scenario.Plan) error { apply(p, v); return nil })
	}
	return pf
}

func (pf *planField) load(s *scenario.Scenario, force bool) { pf.field.load(s, force) }
func (pf *planField) bad() bool                             { return pf.field.bad() }

// statusName, message and focusTarget locate an invalid plan field for the
// status bar ("Overview › Plan Settings › Currency: …").
func (pf *planField) statusName() string          { return "Plan Settings › " + pf.field.statusName() }
func (pf *planField) message() string             { return pf.field.message() }
func (pf *planField) focusTarget() fyne.Focusable { return pf.field.focusTarget() }

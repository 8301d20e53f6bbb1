package ui

import (
	"fmt"
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scaleplan/export/chart"
	"scaleplan/scenario"
)

// maxOthers is how many scenarios the Compare tab sets beside the baseline
// (six in all, as a board pack compares).
const maxOthers = 5

// Compare table column widths: metric names, and each scenario's values
// (longer text wraps onto a second line).
const (
	metricColWidth = 190
	valueColWidth  = 124
)

// compareChartHeight is the height of each overlay chart: room for the
// plot under a legend of six scenarios.
const compareChartHeight = 270

// compare is the Compare tab: a chosen baseline and one to five other
// chosen scenarios, as a metric table with deltas (the metric column stays
// put while the scenario columns scroll), the assumptions that differ, and
// overlay charts; Copy Table and Export Comparison… take it out of the app.
// Choices are kept by scenario ID, so they survive renames and reordering.
type compare struct {
	u      *UI
	base   *widget.Select
	checks *fyne.Container
	common *widget.Label // says at which month figures are taken, when horizons differ
	table  *splitTable
	model  cmpTable // what the table shows
	charts []*chartView
	body   fyne.CanvasObject
	in     chart.Input

	baseID string
	others []string // IDs of the scenarios compared with the baseline
	sig    string   // the scenario IDs and names the controls show
	quiet  bool
	// active is set while the tab is visible; stale while the table
	// waits for the tab to show the latest results.
	active, stale bool
}

func newCompareScreen(u *UI) screen {
	c := &compare{u: u}
	c.base = widget.NewSelect(nil, c.baseChosen)
	c.checks = container.NewHBox()
	c.table = newSplitTable()
	for _, p := range chart.Panels(chart.KindCompare) {
		cv := newChartView(u, p)
		cv.min = fyne.NewSize(200, compareChartHeight)
		c.charts = append(c.charts, cv)
	}
	objs := make([]fyne.CanvasObject, len(c.charts))
	for i, cv := range c.charts {
		objs[i] = cv
	}
	top := form(
		formRow{label: widget.NewLabel("Baseline"), value: c.base},
		formRow{label: widget.NewLabel("Compare with"), value: container.NewHScroll(c.checks)},
	)
	tools := container.NewHBox(
		widget.NewButtonWithIcon("Copy Table", theme.ContentCopyIcon(), c.copyTable),
		widget.NewButtonWithIcon("Export Comparison…", theme.DocumentSaveIcon(), c.exportSlide),
	)
	side := newSideScroll(c.table.right)
	down := container.NewVScroll(container.NewBorder(nil, nil, c.table.left, nil, side))
	side.outer = down
	// the header row stays above the rows as they scroll down, and
	// follows the columns sideways
	head := container.NewBorder(nil, nil, c.table.head.left, nil, newHeadScroll(c.table.head.right, side))
	c.common = widget.NewLabel("")
	c.common.Wrapping = fyne.TextWrapWord
	left := container.NewBorder(container.NewVBox(top, c.common, tools, head), nil, nil, nil, down)
	// One chart a row, as wide as the pane, scrolling: two side by side
	// left each a sliver of a plot under its legend at 1280×720.
	split := container.NewHSplit(left, container.NewVScroll(container.NewVBox(objs...)))
	split.Offset = 0.56 // room for the table of a baseline and three others at 1280×720
	c.body = container.NewPadded(split)
	return c
}

func (c *compare) content() fyne.CanvasObject { return c.body }

// exportChart writes the overlay charts of the chosen baseline and
// scenarios.
func (c *compare) exportChart(chart.Input) (chart.Kind, chart.Input) {
	return chart.KindCompare, c.chartInput()
}

func (c *compare) setActive(on bool) {
	c.active = on
	for _, cv := range c.charts {
		cv.setActive(on)
	}
	if on && c.stale {
		c.show(c.in)
	}
}

// baseChosen makes the scenario named name the baseline. If it was among
// the compared scenarios, the former baseline takes its place (a swap).
func (c *compare) baseChosen(name string) {
	if c.quiet || c.in.Plan == nil {
		return
	}
	for _, s := range c.in.Plan.Scenarios {
		if s.Name == name && s.ID != c.baseID {
			if i := indexOf(c.others, s.ID); i >= 0 {
				c.others[i] = c.baseID
			}
			c.baseID = s.ID
			c.remember()
			c.show(c.in)
			return
		}
	}
}

// toggled adds or removes scenario id from the compared set.
func (c *compare) toggled(id string, on bool) {
	if c.quiet {
		return
	}
	if on && !contains(c.others, id) && len(c.others) < maxOthers {
		c.others = append(c.others, id)
	}
	if !on {
		c.others = without(c.others, id)
	}
	c.remember()
	c.show(c.in)
}

// remember keeps the baseline and the compared set with the plan (its
// "compare" field), so they are there when the file is opened again.
func (c *compare) remember() {
	d := c.u.s.Doc()
	if d == nil {
		return
	}
	set := &scenario.CompareSet{Baseline: c.baseID, Scenarios: append([]string(nil), c.others...)}
	err := d.Edit("Choose scenarios to compare", func(p *scenario.Plan) error {
		p.Compare = set
		return nil
	})
	if err != nil {
		c.u.showError("Compare", err)
	}
}

// compared returns the baseline's index first, then the chosen others in
// plan order. A baseline or choice that no longer exists falls back to the
// first scenario and the next ones after the baseline.
func (c *compare) compared(p *scenario.Plan) []int {
	// the plan remembers the last comparison (the document's plan: it may
	// be newer than the results shown)
	if d := c.u.s.Doc(); d != nil && d.Plan().Compare != nil {
		cs := d.Plan().Compare
		c.baseID, c.others = cs.Baseline, append([]string(nil), cs.Scenarios...)
	}
	ix := map[string]int{}
	for i, s := range p.Scenarios {
		ix[s.ID] = i
	}
	base, ok := ix[c.baseID]
	if !ok {
		base = 0
		c.baseID = p.Scenarios[0].ID
	}
	var kept []string
	for _, id := range c.others {
		if i, ok := ix[id]; ok && i != base {
			kept = append(kept, id)
		}
	}
	if len(kept) == 0 {
		for k := 1; k < len(p.Scenarios) && len(kept) < maxOthers; k++ {
			kept = append(kept, p.Scenarios[(base+k)%len(p.Scenarios)].ID)
		}
	}
	c.others = kept
	out := []int{base}
	for i, s := range p.Scenarios {
		if i != base && contains(kept, s.ID) {
			out = append(out, i)
		}
	}
	return out
}

// chartInput is what the compare charts draw (and Export Chart writes).
func (c *compare) chartInput() chart.Input {
	in := c.in
	if in.Plan == nil {
		return in
	}
	idx := c.compared(in.Plan)
	in.Scenario = idx[0]
	in.Compare = idx
	return in
}

func (c *compare) show(in chart.Input) {
	c.in = in
	p := in.Plan
	if p == nil || len(p.Scenarios) == 0 {
		return
	}
	cin := c.chartInput()
	c.showControls(p)
	for _, cv := range c.charts {
		cv.set(cin)
	}
	// The table is rebuilt only while the tab shows (every recompute
	// would rebuild it otherwise); setActive catches up.
	c.stale = !c.active
	if c.active {
		c.fillTable(p, in.Results, cin.Compare)
	}
}

// showControls updates the baseline choice and the check boxes.
func (c *compare) showControls(p *scenario.Plan) {
	c.quiet = true
	defer func() { c.quiet = false }()
	var sig strings.Builder
	names := make([]string, len(p.Scenarios))
	for i, s := range p.Scenarios {
		names[i] = s.Name
		sig.WriteString(s.ID + "\x00" + s.Name + "\x00")
	}
	if sig.String() != c.sig {
		c.sig = sig.String()
		c.base.Options = names
		objs := make([]fyne.CanvasObject, len(p.Scenarios))
		for i, s := range p.Scenarios {
			id := s.ID
			objs[i] = widget.NewCheck(s.Name, func(on bool) { c.toggled(id, on) })
		}
		c.checks.Objects = objs
	}
	for i, s := range p.Scenarios {
		if s.ID == c.baseID {
			c.base.Selected = s.Name
		}
		ch := c.checks.Objects[i].(*widget.Check)
		on := contains(c.others, s.ID)
		ch.Checked = on
		ch.Hidden = s.ID == c.baseID
		// At most five others; the last one cannot be unchecked.
		if (!on && len(c.others) >= maxOthers) || (on && len(c.others) == 1) {
			ch.Disable()
		} else {
			ch.Enable()
		}
		ch.Refresh()
	}
	c.base.Refresh()
	c.checks.Refresh()
}

// fillTable writes metric rows × scenario columns, deltas against the
// baseline. Rows follow the baseline's metrics; a metric another scenario
// lacks (a stage it does not have) shows a dash.
func (c *compare) fillTable(p *scenario.Plan, rs []*scenario.Result, idx []int) {
	ms := make([]map[string]scenario.Metric, len(idx))
	var rows []scenario.Metric
	ss := make([]*scenario.Scenario, len(idx))
	crs := make([]*scenario.Result, len(idx))
	for j, i := range idx {
		ss[j], crs[j] = &p.Scenarios[i], rs[i]
	}
	// every figure at the common month: the shortest horizon compared
	cmp := scenario.CompareScenarios(ss, crs)
	var notes []string
	if cmp.Unequal() {
		notes = append(notes, fmt.Sprintf("Horizons differ: every figure is taken at month %d, the shortest; totals run over months 1–%d.", cmp.Month, cmp.Month))
	}
	if n := simNote(c.in, idx); n != "" {
		notes = append(notes, n)
	}
	c.common.SetText(strings.Join(notes, "\n"))
	for j := range idx {
		_, at := scenario.At(ss[j], crs[j], cmp.Month)
		list := append(cmp.Metrics[j], scenario.YearMetrics(at, p.Calendar())...)
		ms[j] = map[string]scenario.Metric{}
		for _, m := range list {
			ms[j][m.Key] = m
		}
		if j == 0 {
			rows = list
		}
	}
	m := cmpTable{}
	for _, i := range idx {
		// each column names its scenario's own horizon
		m.names = append(m.names, fmt.Sprintf("%s (%d months)", p.Scenarios[i].Name, p.Scenarios[i].HorizonMonths))
	}
	for _, base := range rows {
		label := base.Label
		if stage, ok := scenario.StageOfEntryKey(base.Key); ok {
			label = stage + " from"
		}
		r := cmpRow{label: label}
		for j, i := range idx {
			cl := c.cell(base, ms[j], j, p.Currency)
			cl.p50 = c.p50Text(base.Key, ms[j], i, cmp.Month)
			r.cells = append(r.cells, cl)
		}
		m.rows = append(m.rows, r)
	}
	m.rows = append(m.rows, oddsRows(c.in, idx)...)
	m.rows = append(m.rows, assumptionRows(p, idx)...)
	c.model = m
	c.table.render(m)
}

// cell is one scenario's value of a metric and, but for the baseline, its
// delta to the baseline.
func (c *compare) cell(base scenario.Metric, row map[string]scenario.Metric, j int, currency string) cmpCell {
	m, ok := row[base.Key]
	if !ok {
		return cmpCell{value: "—"}
	}
	cl := cmpCell{value: formatMetricOn(m, c.in.Plan)}
	if d := scenario.Compare(base, m); j > 0 && d.OK && d.Abs != 0 {
		cl.delta = formatDelta(d, m.Unit, currency)
		cl.good = d.Good(base.Better) // coloured by the metric's direction
	}
	return cl
}

// tableLabel is a label whose text is broken into lines that fit width.
func tableLabel(text string, width float32, align fyne.TextAlign, bold bool) *widget.Label {
	style := fyne.TextStyle{Bold: bold}
	l := widget.NewLabelWithStyle(fitLines(text, width-2*theme.InnerPadding(), theme.TextSize(), style), align, style)
	return l
}

// fitLines breaks text at spaces, and after slashes, into lines no wider
// than width where it can (a single word wider than width stays whole).
func fitLines(text string, width, size float32, style fyne.TextStyle) string {
	toks := tokens(text)
	if len(toks) == 0 {
		return text
	}
	var lines []string
	line := toks[0].text
	for _, tk := range toks[1:] {
		next := line + tk.text
		if tk.space {
			next = line + " " + tk.text
		}
		if fyne.MeasureText(next, size, style).Width <= width {
			line = next
			continue
		}
		lines = append(lines, line)
		line = tk.text
	}
	return strings.Join(append(lines, line), "\n")
}

// token is a piece of text that may start a line; space says whether a
// space separates it from the piece before.
type token struct {
	text  string
	space bool
}

// tokens splits text into words, and words after each slash.
func tokens(text string) []token {
	var out []token
	for _, w := range strings.Fields(text) {
		space := true
		for w != "" {
			i := strings.Index(w, "/")
			if i < 0 || i == len(w)-1 {
				out = append(out, token{w, space})
				break
			}
			out = append(out, token{w[:i+1], space})
			w, space = w[i+1:], false
		}
	}
	return out
}

func contains(xs []string, x string) bool { return indexOf(xs, x) >= 0 }

func without(xs []string, x string) []string {
	var out []string
	for _, v := range xs {
		if v != x {
			out = append(out, v)
		}
	}
	return out
}

func formatDelta(d scenario.Delta, u scenario.Unit, currency string) string {
	sign := "+"
	if d.Abs < 0 {
		sign = "−"
	}
	if u == scenario.UnitMonth {
		n, when := d.Abs, "later"
		if n < 0 {
			n, when = -n, "earlier"
		}
		if n == 1 {
			return "1 month " + when
		}
		return fmt.Sprintf("%.0f months %s", n, when)
	}
	if d.RelOK {
		return fmt.Sprintf("%s%.0f%% vs baseline", sign, math.Abs(d.Rel)*100)
	}
	m := scenario.Metric{Unit: u, Value: math.Abs(d.Abs), OK: true}
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

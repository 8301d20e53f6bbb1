package ui

import (
	"errors"
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"scaleplan/app"
	"scaleplan/export/chart"
	"scaleplan/scenario"
)

// module is the common frame of the four module tabs: inputs on the left;
// key numbers and live charts on the right.
type module struct {
	u        *UI
	k        chart.Kind
	modKey   string // scenario.ModuleViral …
	fields   []input
	charts   []*chartView
	tiles    []*tile
	tileBox  *fyne.Container
	tilePane fyne.CanvasObject // tileBox on its panel, hidden while empty
	body     fyne.CanvasObject
	left     *fyne.Container
	scroll   *container.Scroll // the inputs' scroller
	// skip hides metrics from the key numbers (they show elsewhere).
	skip func(key string) bool
}

// setOffset sets the share of the width the inputs get.
func (m *module) setOffset(f float64) {
	if sp, ok := m.body.(*container.Split); ok {
		sp.Offset = f
	}
}

func newModule(u *UI, k chart.Kind, modKey string) *module {
	m := &module{u: u, k: k, modKey: modKey}
	for _, p := range chart.Panels(k) {
		m.charts = append(m.charts, newChartView(u, p))
	}
	m.tileBox = container.NewGridWithColumns(4)
	objs := make([]fyne.CanvasObject, len(m.charts))
	for i, c := range m.charts {
		objs[i] = c
	}
	m.tilePane = tilePanel(m.u, m.tileBox)
	m.tilePane.Hide()
	right := container.NewBorder(m.tilePane, nil, nil, nil, container.NewGridWithRows(max(1, len(objs)), objs...))
	m.left = container.NewVBox()
	m.scroll = container.NewVScroll(container.NewPadded(m.left))
	split := container.NewHSplit(m.scroll, container.NewPadded(right))
	split.Offset = 0.4
	m.body = split
	return m
}

// setInputs puts the input widgets on the left and remembers the fields.
// It is called while the screen is built, before the tab is first shown,
// which lays the inputs out then (a Refresh here would measure every field
// of every module before the window is shown).
func (m *module) setInputs(fields []input, objs ...fyne.CanvasObject) {
	m.fields = fields
	for _, o := range objs {
		passWheel(o, m.scroll) // the wheel over a table scrolls the form
	}
	m.left.Objects = objs
}

func (m *module) content() fyne.CanvasObject { return m.body }

// reveal scrolls the inputs so that o (an entry of the form) is in view.
func (m *module) reveal(o fyne.CanvasObject) {
	d := fyne.CurrentApp().Driver()
	y := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(m.scroll.Content).Y
	view := m.scroll.Size().Height
	if y >= m.scroll.Offset.Y && y+o.Size().Height <= m.scroll.Offset.Y+view {
		return
	}
	m.scroll.ScrollToOffset(fyne.NewPos(0, max(0, y-view/3)))
}
func (m *module) inputs() []input { return m.fields }

// exportChart writes the module's charts of the selected scenario.
func (m *module) exportChart(in chart.Input) (chart.Kind, chart.Input) { return m.k, in }

func (m *module) load(s *scenario.Scenario, force bool) {
	for _, f := range m.fields {
		f.load(s, force)
	}
}

func (m *module) setActive(on bool) {
	for _, c := range m.charts {
		c.setActive(on)
	}
}

// show updates the key numbers and the charts.
func (m *module) show(in chart.Input) {
	var ms []scenario.Metric
	for _, x := range metricsOf(in) {
		if x.Module == m.modKey && (m.skip == nil || !m.skip(x.Key)) {
			ms = append(ms, x)
		}
	}
	if len(ms) != len(m.tiles) {
		m.tiles = make([]*tile, len(ms))
		objs := make([]fyne.CanvasObject, len(ms))
		for i, x := range ms {
			m.tiles[i] = newTile(m.u, caption(x))
			objs[i] = m.tiles[i].box
		}
		cols := min(4, max(1, len(ms)))
		if len(ms) == 6 {
			cols = 3
		}
		m.tileBox.Layout = layout.NewGridLayoutWithColumns(cols)
		m.tileBox.Objects = objs
		m.tileBox.Refresh()
		if len(objs) == 0 {
			m.tilePane.Hide()
		} else {
			m.tilePane.Show()
		}
	}
	for i, x := range ms {
		m.tiles[i].set(formatMetricOn(x, in.Plan), caption(x))
	}
	for _, c := range m.charts {
		c.set(in)
	}
}

// toggle is a check box bound to a boolean of the selected scenario (the
// module switches).
type toggle struct {
	u     *UI
	name  string
	path  string // below the scenario: "viral.enabled"
	check *widget.Check
	get   func(*scenario.Scenario) bool
	set   func(*scenario.Scenario, bool)
	// exists reports whether the value is still there (nil: always).
	exists func(*scenario.Scenario) bool
	// mark shows whether a variant overrides the switch (content, or a
	// table's cell outline, sets it).
	mark  func(*scenario.Scenario)
	own   *ownMark // set by content
	quiet bool
}

func newToggle(u *UI, label, name, path string, get func(*scenario.Scenario) bool, set func(*scenario.Scenario, bool)) *toggle {
	t := &toggle{u: u, name: name, path: path, get: get, set: set, mark: func(*scenario.Scenario) {}}
	t.check = widget.NewCheck(label, t.changed)
	return t
}

// content is the check box with, for a variant's own value, "(own)" in
// its text and Reset to base below it.
func (t *toggle) content() fyne.CanvasObject {
	text := t.check.Text
	own := newOwnMark(t.u, staticPath(t.path), func(on bool) {
		t.check.Text = text
		if on {
			t.check.Text = text + " (own)"
		}
		t.check.Refresh()
	})
	t.own, t.mark = own, own.load
	return container.NewVBox(t.check, own.row)
}

func (t *toggle) changed(on bool) {
	if t.quiet {
		return
	}
	err := t.u.s.Doc().EditScenario(t.u.s.Selected(), t.name, func(s *scenario.Scenario) error {
		if t.exists != nil && !t.exists(s) {
			return app.ErrRowGone
		}
		t.set(s, on)
		return nil
	})
	if errors.Is(err, app.ErrRowGone) {
		return // a detached cell
	}
	if err != nil {
		t.u.showError(t.name, plainErr(err, t.u.s.Selected()))
		t.load(t.u.s.Scenario(), true)
	}
}

func (t *toggle) load(s *scenario.Scenario, _ bool) {
	t.mark(s)
	if v := t.get(s); v != t.check.Checked {
		t.quiet = true
		t.check.SetChecked(v)
		t.quiet = false
	}
}

func (t *toggle) bad() bool { return false }

// where is the switch's path below the scenario (tests find inputs by it).
func (t *toggle) where() string { return t.path }

// choice is a radio group bound to a string of the selected scenario.
type choice struct {
	u      *UI
	name   string
	path   string // below the scenario: "viral.inviteMode"
	values []string
	labels []string
	radio  *widget.RadioGroup
	get    func(*scenario.Scenario) string
	set    func(*scenario.Scenario, string)
	mark   func(*scenario.Scenario) // set by row
	label  *widget.Label            // set by row
	own    *ownMark                 // set by row
	quiet  bool
}

func newChoice(u *UI, name, path string, values, labels []string, get func(*scenario.Scenario) string, set func(*scenario.Scenario, string)) *choice {
	c := &choice{u: u, name: name, path: path, values: values, labels: labels, get: get, set: set, mark: func(*scenario.Scenario) {}}
	c.radio = widget.NewRadioGroup(labels, c.changed)
	c.radio.Horizontal = true
	c.radio.Required = true
	return c
}

// row is the choice in a form, labelled; a variant's own value marks the
// label "(own)" and shows Reset to base below the buttons.
func (c *choice) row(label string) formRow {
	c.label = widget.NewLabel(label)
	c.own = newOwnMark(c.u, staticPath(c.path), func(on bool) { markLabel(c.label, label, on) })
	c.mark = c.own.load
	return formRow{label: c.label, value: container.NewVBox(c.radio, c.own.row)}
}

func (c *choice) changed(label string) {
	if c.quiet || label == "" {
		return
	}
	v := c.values[indexOf(c.labels, label)]
	err := c.u.s.Doc().EditScenario(c.u.s.Selected(), c.name, func(s *scenario.Scenario) error { c.set(s, v); return nil })
	if err != nil {
		c.u.showError(c.name, plainErr(err, c.u.s.Selected()))
		c.load(c.u.s.Scenario(), true)
	}
}

func (c *choice) load(s *scenario.Scenario, _ bool) {
	c.mark(s)
	i := indexOf(c.values, c.get(s))
	if i < 0 {
		return
	}
	if c.radio.Selected != c.labels[i] {
		c.quiet = true
		c.radio.SetSelected(c.labels[i])
		c.quiet = false
	}
}

func (c *choice) bad() bool { return false }

// where is the choice's path below the scenario (tests find inputs by it).
func (c *choice) where() string { return c.path }

func indexOf(xs []string, x string) int {
	for i, v := range xs {
		if v == x {
			return i
		}
	}
	return -1
}

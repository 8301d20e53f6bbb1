// Package ui is Scaleplan's desktop interface: the main window, one struct
// per screen (scenario list, overview, one tab per module, compare; the
// tabs are a table in tabs.go) and the menus. It talks to scaleplan/app for the document, undo, autosave and
// recompute, and to scaleplan/export/chart for the charts. It never touches
// files directly and never imports fyne.io/fyne/v2/app, so its tests run
// with the fyne test driver.
package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scaleplan/app"
	"scaleplan/export/chart"
	"scaleplan/scenario"
)

// AppID is the application ID; it must equal FyneApp.toml's ID.
const AppID = "app.scaleplan.Scaleplan"

// UI is the main window's controller: it lays out the scenario list, the
// tabs (tabs.go) and the status bar, and turns the session's changes into
// widgets. The state without widgets is the session's (app.Session).
type UI struct {
	app  fyne.App
	win  fyne.Window
	s    *app.Session
	rc   *app.Recomputer
	sync bool
	// exit ends the app (the app's Quit; tests replace it).
	exit func()

	list    *scenarioList
	tabs    *container.AppTabs
	screens []screen
	loads   pendingLoads // screens not yet showing the selected scenario
	status  *statusBar
	menu    *menus
	exports *exports
	files   *files
	looks   *looks
	simBar  *simBar
	// posted, when set (tests), receives what goroutines hand back to the
	// UI thread instead of fyne.Do (post, async.go).
	posted chan func()
	// labels names inputs by path for the Risk tab (inputLabel).
	labels map[string]string
}

// Options configure New; zero values pick the defaults.
type Options struct {
	// DraftsDir is the folder for autosaved drafts (default: app storage).
	DraftsDir string
	// Synchronous computes results and draws charts on the calling
	// goroutine instead of in the background: for tests and benchmarks
	// with the fyne test driver.
	Synchronous bool
}

// New builds the main window's content for w. Call Start to load a plan.
func New(a fyne.App, w fyne.Window, opt Options) *UI {
	u := &UI{app: a, win: w, sync: opt.Synchronous, exit: a.Quit, looks: newLooks(a)}
	u.exports, u.files = &exports{u: u}, &files{u: u}
	dir := opt.DraftsDir
	if dir == "" {
		d, err := app.StorageDir(a.Storage())
		if err != nil {
			d = ""
		}
		dir = d
	}
	drafts := app.NewDrafts(dir)
	drafts.OnError(func(error) { onUI(u.updateStatus) })
	u.s = app.NewSession(drafts, app.NewRecent(a.Preferences()))
	useLazyFileWriter() // save dialogs must not create or empty files (savefile.go)
	u.rc = app.NewRecomputer(func(p *scenario.Plan, rs []*scenario.Result, err error) {
		onUI(func() { u.computed(p, rs, err) })
	})
	u.looks.apply(u.looks.pref())
	u.build()
	return u
}

// build lays out the window: scenario list left, tabs centre, status bottom.
func (u *UI) build() {
	u.list = newScenarioList(u)
	items := make([]*container.TabItem, len(tabs))
	for i, t := range tabs {
		sc := t.make(u)
		u.screens = append(u.screens, sc)
		items[i] = container.NewTabItem(t.title, lazyTab(sc.content(), i == 0))
	}
	u.tabs = container.NewAppTabs(items...)
	u.tabs.OnSelected = func(*container.TabItem) { u.activate() }
	u.status = newStatusBar()
	u.simBar = newSimBar(u)
	u.menu = newMenus(u)
	left := container.New(&minWidth{w: 210}, u.list.content())
	u.win.SetContent(container.NewBorder(nil, container.NewVBox(u.simBar.box, u.status), nil, nil,
		container.NewBorder(nil, nil, left, nil, u.tabs)))
	u.win.SetMainMenu(u.menu.main())
	u.win.SetCloseIntercept(u.files.quit)
	u.looks.watch()
}

// Session returns the window's session: the open document, the selected
// scenario, drafts and recent files.
func (u *UI) Session() *app.Session { return u.s }

// setDocument makes d the open document and shows its first scenario.
func (u *UI) setDocument(d *app.Document) {
	u.s.SetDocument(d)
	d.OnChange(func() {
		if u.s.Doc() == d {
			u.changed()
		}
	})
	u.changed()
	u.selectScenario(0)
}

// changed runs after every change of the document: title, menus, inputs,
// autosave and recompute.
func (u *UI) changed() {
	p := u.s.Changed()
	u.win.SetTitle(u.s.Doc().Title())
	u.list.refresh()
	u.loadInputs(false)
	u.menu.refresh()
	if u.sync {
		rs, err := scenario.ComputePlan(p)
		u.computed(p, rs, err)
		return
	}
	u.rc.Request(p)
}

// selectScenario shows scenario i on every screen.
func (u *UI) selectScenario(i int) {
	if !u.s.Select(i) {
		return
	}
	u.list.selectRow(i)
	u.loadInputs(true)
	u.showResults()
}

// loadInputs shows the selected scenario on every screen with inputs;
// force drops invalid text.
func (u *UI) loadInputs(force bool) {
	u.loads.mark(len(u.screens), force)
	u.loadScreen(u.tabs.SelectedIndex())
	u.updateStatus()
}

// loadScreen loads screen i's inputs if a load is pending: hidden screens
// load when their tab is shown, since setting a widget's text builds its
// renderer (see lazytab.go).
func (u *UI) loadScreen(i int) {
	if force, ok := u.loads.take(i); ok {
		if e, ok := u.screens[i].(editor); ok {
			e.load(u.s.Scenario(), force)
		}
	}
}

// computed receives results from the recomputer; late ones are dropped
// (Session.Computed).
func (u *UI) computed(p *scenario.Plan, rs []*scenario.Result, err error) {
	fresh, show := u.s.Computed(p, rs, err)
	if !fresh {
		return
	}
	if show {
		u.showResults()
	}
	u.updateStatus()
}

// results are the latest results, for the selected scenario (Plan nil:
// none yet).
func (u *UI) results() chart.Input {
	p, rs := u.s.Results()
	in := chart.Input{Plan: p, Results: rs, Scenario: u.s.Selected()}
	in.Sims, in.SimStale = u.simulations(p)
	return in
}

// simulations returns each scenario's latest simulation (nil where there
// is none) and whether it predates the scenario's inputs: the charts draw
// its bands (faint when stale) and Compare its P50s and odds. Both are nil
// when no scenario has one. No edit simulates again: the bands stay those
// of the last Simulate until the next.
func (u *UI) simulations(p *scenario.Plan) ([]*scenario.SimResult, []bool) {
	if p == nil {
		return nil, nil
	}
	var sims []*scenario.SimResult
	var stale []bool
	for i, s := range p.Scenarios {
		r, old := u.s.Simulation(s.ID)
		if r == nil {
			continue
		}
		if sims == nil {
			sims, stale = make([]*scenario.SimResult, len(p.Scenarios)), make([]bool, len(p.Scenarios))
		}
		sims[i], stale[i] = r, old
	}
	return sims, stale
}

// showResults shows the latest results on every screen that shows results.
func (u *UI) showResults() {
	in := u.results()
	if in.Plan == nil || in.Scenario >= len(in.Results) {
		return
	}
	for _, sc := range u.screens {
		if v, ok := sc.(viewer); ok {
			v.show(in)
		}
	}
}

// activate tells the screens with charts whether their tab is the one
// showing.
func (u *UI) activate() {
	cur := u.tabs.SelectedIndex()
	if u.s.Doc() != nil {
		u.loadScreen(cur)
		u.updateStatus()
	}
	for i, sc := range u.screens {
		if c, ok := sc.(charted); ok {
			c.setActive(i == cur)
		}
	}
	u.menu.refresh()
}

// currentScreen is the screen of the selected tab.
func (u *UI) currentScreen() screen {
	i := u.tabs.SelectedIndex()
	if i < 0 || i >= len(u.screens) {
		return u.screens[0]
	}
	return u.screens[i]
}

// located is an input the status bar can name and go to.
type located interface {
	statusName() string // "SDRs", "row 4, Min ARR"
	message() string    // why the text is invalid
	focusTarget() fyne.Focusable
}

// problem is one invalid input: its tab, what the status bar says of it,
// and what going to it focuses.
type problem struct {
	tab    int
	text   string // "Sales team › SDRs: not a whole number"
	target fyne.Focusable
}

// problems lists the invalid inputs of every tab, in tab order.
func (u *UI) problems() []problem {
	var out []problem
	var walk func(tab int, ins []input)
	walk = func(tab int, ins []input) {
		for _, in := range ins {
			if g, ok := in.(group); ok {
				walk(tab, g.inputs())
				continue
			}
			if in == nil || !in.bad() {
				continue
			}
			title := u.tabs.Items[tab].Text
			p := problem{tab: tab, text: title + " › invalid input"}
			if l, ok := in.(located); ok {
				p.text = title + " › " + l.statusName() + ": " + l.message()
				p.target = l.focusTarget()
			}
			out = append(out, p)
		}
	}
	for i, sc := range u.screens {
		// a hidden tab whose load will drop its text has nothing invalid
		if e, ok := sc.(editor); ok && !u.loads.dropsText(i) {
			walk(i, e.inputs())
		}
	}
	return out
}

// invalidCount counts inputs showing invalid text.
func (u *UI) invalidCount() int { return len(u.problems()) }

// group is an input made of inputs (a table).
type group interface{ inputs() []input }

// updateStatus writes the status bar (invalid inputs by name, compute
// errors, autosave) and marks the tabs that hold an invalid input.
func (u *UI) updateStatus() {
	if u.status == nil || u.s.Doc() == nil {
		return
	}
	ps := u.problems()
	names := make([]string, len(ps))
	marked := map[int]bool{}
	for i, p := range ps {
		names[i] = p.text
		marked[p.tab] = true
	}
	u.say(u.s.Status(names))
	u.markTabs(marked)
	u.status.onTap = nil
	if len(ps) > 0 {
		first := ps[0]
		u.status.onTap = func() { u.goTo(first) }
	}
}

// markTabs puts the error icon on the tabs that hold an invalid input.
func (u *UI) markTabs(marked map[int]bool) {
	if u.tabs == nil {
		return
	}
	changed := false
	for i, it := range u.tabs.Items {
		var icon fyne.Resource
		if marked[i] {
			icon = theme.ErrorIcon()
		}
		if it.Icon != icon {
			it.Icon, changed = icon, true
		}
	}
	if changed {
		u.tabs.Refresh()
	}
}

// goTo shows the tab of an invalid input and puts the cursor in it.
func (u *UI) goTo(p problem) {
	if p.tab >= 0 && p.tab < len(u.tabs.Items) {
		u.tabs.SelectIndex(p.tab)
	}
	if p.target != nil {
		if r, ok := u.screens[p.tab].(revealer); ok {
			if o, ok := p.target.(fyne.CanvasObject); ok {
				r.reveal(o)
			}
		}
		u.win.Canvas().Focus(p.target)
	}
}

// revealer is a screen that can scroll an object of its form into view.
type revealer interface {
	reveal(o fyne.CanvasObject)
}

// say writes msg to the status bar, in the danger colour for a problem.
// It runs on every keystroke: the bar is laid out again only when what it
// says changes.
func (u *UI) say(msg string, sev app.Severity) {
	imp := widget.MediumImportance
	if sev == app.Problem {
		imp = widget.DangerImportance
	}
	if u.status.Text == msg && u.status.Importance == imp {
		return
	}
	u.status.Text, u.status.Importance = msg, imp
	u.status.Refresh()
}

// showError reports err in a dialog.
func (u *UI) showError(context string, err error) {
	if err == nil {
		return
	}
	showErr(u.win, fmt.Errorf("%s: %w", context, err))
}

// Package ui is Scaleplan's desktop interface: the main window, one struct
// per screen (scenario list, overview, one tab per module, compare) and the
// menus. It talks to scaleplan/app for the document, undo, autosave and
// recompute, and to scaleplan/export/chart for the charts. It never touches
// files directly and never imports fyne.io/fyne/v2/app, so its tests run
// with the fyne test driver.
package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"scaleplan/app"
	"scaleplan/export/chart"
	"scaleplan/scenario"
)

// AppID is the application ID; it must equal FyneApp.toml's ID.
const AppID = "app.scaleplan.Scaleplan"

// screen is one tab of the main window, showing the selected scenario.
type screen interface {
	title() string
	content() fyne.CanvasObject
	// inputs are the screen's fields, reloaded after every change.
	inputs() []input
	// load shows the selected scenario's inputs; force drops invalid text.
	load(s *scenario.Scenario, force bool)
	// show displays new results (the plan they were computed from, all
	// scenarios' results, the selected index).
	show(in chart.Input)
	// setActive tells the screen whether its tab is visible (charts render
	// only while visible).
	setActive(bool)
	// kind is the chart kind exported by Export Chart… on this tab ("" none).
	kind() chart.Kind
}

// UI is the main window's controller.
type UI struct {
	app    fyne.App
	win    fyne.Window
	doc    *app.Document
	drafts *app.Drafts
	recent *app.Recent
	rc     *app.Recomputer

	sel        int
	in         chart.Input    // the latest results
	asked      *scenario.Plan // the snapshot last sent to be computed
	computeErr error

	list    *scenarioList
	tabs    *container.AppTabs
	screens []screen
	status  *widget.Label
	menu    *menus
	themed  []func()
	// recovering is set while the recover-draft question is open: the
	// draft must not be overwritten or removed before the user answers.
	recovering bool
	sync       bool
	// afterIdle run once the saves and exports being written are done
	// (exports counts those); quitting is set while a quit waits for them.
	afterIdle []func()
	exports   int
	quitting  bool
	// exit ends the app (the app's Quit; tests replace it).
	exit func()
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
	u := &UI{app: a, win: w, recent: app.NewRecent(a.Preferences()), sync: opt.Synchronous, exit: a.Quit}
	dir := opt.DraftsDir
	if dir == "" {
		d, err := app.StorageDir(a.Storage())
		if err != nil {
			d = ""
		}
		dir = d
	}
	u.drafts = app.NewDrafts(dir)
	u.drafts.OnError(func(error) { onUI(u.updateStatus) })
	useLazyFileWriter() // save dialogs must not create or empty files (savefile.go)
	u.rc = app.NewRecomputer(func(p *scenario.Plan, rs []*scenario.Result, err error) {
		onUI(func() { u.computed(p, rs, err) })
	})
	u.applyTheme(u.themePref())
	u.build()
	return u
}

// build lays out the window: scenario list left, tabs centre, status bottom.
func (u *UI) build() {
	u.list = newScenarioList(u)
	u.screens = []screen{newOverview(u), newViralScreen(u), newSalesScreen(u), newFulfillmentScreen(u), newMarketsScreen(u), newCompareScreen(u)}
	items := make([]*container.TabItem, len(u.screens))
	for i, s := range u.screens {
		items[i] = container.NewTabItem(s.title(), s.content())
	}
	u.tabs = container.NewAppTabs(items...)
	u.tabs.OnSelected = func(*container.TabItem) { u.activate() }
	u.status = widget.NewLabel("")
	u.status.Truncation = fyne.TextTruncateEllipsis
	u.menu = newMenus(u)
	left := container.New(&minWidth{w: 210}, u.list.content())
	u.win.SetContent(container.NewBorder(nil, u.status, nil, nil,
		container.NewBorder(nil, nil, left, nil, u.tabs)))
	u.win.SetMainMenu(u.menu.main())
	u.win.SetCloseIntercept(u.quit)
	u.watchTheme()
}

// Document returns the open document.
func (u *UI) Document() *app.Document { return u.doc }

// Selected returns the index of the selected scenario.
func (u *UI) Selected() int { return u.sel }

// setDocument makes d the open document and shows its first scenario.
func (u *UI) setDocument(d *app.Document) {
	u.doc = d
	u.sel = 0
	u.in = chart.Input{}
	d.OnChange(func() {
		if u.doc == d {
			u.changed()
		}
	})
	u.changed()
	u.selectScenario(0)
}

// changed runs after every change of the document: title, menus, inputs,
// autosave and recompute.
func (u *UI) changed() {
	p := u.doc.Plan()
	if u.sel >= len(p.Scenarios) {
		u.sel = len(p.Scenarios) - 1
	}
	u.win.SetTitle(u.doc.Title())
	u.list.refresh()
	u.loadInputs(false)
	u.menu.refresh()
	if !u.recovering {
		u.drafts.Schedule(u.doc)
	}
	u.asked = u.doc.Snapshot()
	if u.sync {
		rs, err := scenario.ComputePlan(u.asked)
		u.computed(u.asked, rs, err)
		return
	}
	u.rc.Request(u.asked)
}

// selectScenario shows scenario i on every screen.
func (u *UI) selectScenario(i int) {
	n := len(u.doc.Plan().Scenarios)
	if i < 0 || i >= n {
		return
	}
	u.sel = i
	u.doc.EndMerge() // an edit here never merges with one in another scenario
	u.list.selectRow(i)
	u.loadInputs(true)
	if u.in.Plan != nil {
		u.in.Scenario = i
		u.showResults()
	}
}

func (u *UI) loadInputs(force bool) {
	s := &u.doc.Plan().Scenarios[u.sel]
	for _, sc := range u.screens {
		sc.load(s, force)
	}
	u.updateStatus()
}

// computed receives results from the recomputer. Results of any other
// plan than the one last asked for are late (an edit, New, Open or a
// deleted scenario came since) and dropped: they would show under the
// wrong scenario.
func (u *UI) computed(p *scenario.Plan, rs []*scenario.Result, err error) {
	if p != u.asked {
		return
	}
	u.computeErr = err
	if err == nil && u.sel < len(rs) {
		u.in = chart.Input{Plan: p, Results: rs, Scenario: u.sel}
		u.showResults()
	}
	u.updateStatus()
}

func (u *UI) showResults() {
	if u.in.Scenario >= len(u.in.Results) {
		return
	}
	for _, sc := range u.screens {
		sc.show(u.in)
	}
}

// activate marks the visible tab's screen active.
func (u *UI) activate() {
	cur := u.tabs.SelectedIndex()
	for i, sc := range u.screens {
		sc.setActive(i == cur)
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

// invalidCount counts inputs showing invalid text.
func (u *UI) invalidCount() int {
	n := 0
	for _, sc := range u.screens {
		n += countBad(sc.inputs())
	}
	return n
}

// group is an input made of inputs (a table).
type group interface{ inputs() []input }

func countBad(ins []input) int {
	n := 0
	for _, in := range ins {
		if g, ok := in.(group); ok {
			n += countBad(g.inputs())
		} else if in.bad() {
			n++
		}
	}
	return n
}

// updateStatus writes the status bar: invalid inputs, compute errors, autosave.
func (u *UI) updateStatus() {
	if u.status == nil || u.doc == nil {
		return
	}
	var msg string
	switch n := u.invalidCount(); {
	case u.computeErr != nil:
		msg = "Cannot compute: " + u.computeErr.Error()
	case n == 1:
		msg = "1 input is invalid: the model keeps its last valid value."
	case n > 1:
		msg = fmt.Sprintf("%d inputs are invalid: the model keeps their last valid values.", n)
	case u.drafts.LastError() != nil:
		msg = "Autosave is failing: " + u.drafts.LastError().Error()
	case u.doc.Saving():
		msg = "Saving…"
	case u.doc.Dirty():
		msg = "Unsaved changes (a draft is kept automatically)."
	default:
		msg = "All changes saved."
	}
	u.status.SetText(msg)
	if msg != "All changes saved." && msg[0] != 'U' && msg != "Saving…" {
		u.status.Importance = widget.DangerImportance
	} else {
		u.status.Importance = widget.MediumImportance
	}
	u.status.Refresh()
}

// editScenario applies fn to the selected scenario as one undoable edit.
func (u *UI) editScenario(label string, fn func(s *scenario.Scenario) error) error {
	sel := u.sel
	return u.doc.Edit(label, func(p *scenario.Plan) error {
		if sel >= len(p.Scenarios) {
			return errNoScenario
		}
		return fn(&p.Scenarios[sel])
	})
}

// showError reports err in a dialog.
func (u *UI) showError(context string, err error) {
	if err == nil {
		return
	}
	showErr(u.win, fmt.Errorf("%s: %w", context, err))
}

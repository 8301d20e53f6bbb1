package ui

import (
	"strings"

	"fyne.io/fyne/v2"

	"scaleplan/export/chart"
	"scaleplan/scenario"
)

// tab is one row of the main window's tab registry.
type tab struct {
	title string // the tab's caption
	// module is the scenario module the tab edits ("" none); milestone
	// names it in the Overview's timeline.
	module, milestone string
	make              func(u *UI) screen
}

// tabs are the main window's tabs, in order: build walks this table, so a
// new module's tab is one row here (and its screen in a file of its own).
var tabs = []tab{
	{title: "Overview", make: newOverview},
	{title: "Viral loop", module: scenario.ModuleViral, milestone: "Viral loop", make: newViralScreen},
	{title: "Sales team", module: scenario.ModuleSales, milestone: "Sales", make: newSalesScreen},
	{title: "Fulfillment", module: scenario.ModuleFulfillment, milestone: "Fulfillment", make: newFulfillmentScreen},
	{title: "Markets", module: scenario.ModuleMarkets, milestone: "Markets", make: newMarketsScreen},
	{title: "Finance", module: scenario.ModuleFinance, milestone: "Finance", make: newFinanceScreen},
	{title: "Risk", make: newRiskScreen},
	{title: "Compare", make: newCompareScreen},
	{title: "Experiments", make: newExperimentsScreen},
}

// A screen is the content of one tab. What else it does, it says by the
// small interfaces below that it implements.
type screen interface {
	content() fyne.CanvasObject
}

// editor is a screen with inputs bound to the selected scenario.
type editor interface {
	// inputs are the screen's fields (the status bar counts the invalid).
	inputs() []input
	// load shows the selected scenario's inputs; force drops invalid text.
	load(s *scenario.Scenario, force bool)
}

// viewer is a screen that shows results.
type viewer interface {
	// show displays new results (the plan they were computed from, all
	// scenarios' results, the selected index).
	show(in chart.Input)
}

// charted is a screen with charts, which render only while its tab is
// the one showing.
type charted interface {
	setActive(on bool)
}

// chartExporter is a screen whose charts File → Export Chart… writes.
type chartExporter interface {
	// exportChart returns the chart kind to write and what it draws,
	// given the latest results.
	exportChart(in chart.Input) (chart.Kind, chart.Input)
}

// ownChartExporter is a screen whose chart is no kind of the chart
// registry (the Risk tab's tornado): File → Export Chart… asks it for a
// file name stem and the func that writes the chart to a path, or, when
// it has no chart to write, why (write nil).
type ownChartExporter interface {
	chartFile() (name string, write func(path string) error, why string)
}

// moduleName names a scenario module in the milestone timeline.
func moduleName(m string) string {
	for _, t := range tabs {
		if t.module == m && t.milestone != "" {
			return t.milestone
		}
	}
	if m == "" {
		return ""
	}
	return strings.ToUpper(m[:1]) + m[1:]
}

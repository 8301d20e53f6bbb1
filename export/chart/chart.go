// Package chart draws Scaleplan's charts with gonum/plot: one plot per
// Panel, rendered to an image for the desktop app or, several panels of a
// Kind stacked on one page, to PNG, SVG or PDF for export.
//
// Every function returns an error rather than panicking: a disabled module,
// a scenario index out of range or an empty result is reported as
// "chart: PANEL: reason".
package chart

import (
	"errors"
	"fmt"
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"scaleplan/scenario"
)

// Panel names one plot.
type Panel string

// The panels.
const (
	// ViralGrowth: active users and cumulative signups by month; goal line if set.
	ViralGrowth Panel = "viral.growth"
	// ViralSources: new users per month, viral vs paid (stacked bars), churned below zero.
	ViralSources Panel = "viral.sources"
	// SalesARR: ARR by month over shaded, labelled stage bands, with new ARR.
	SalesARR Panel = "sales.arr"
	// SalesHeads: headcount by role and ramped-AE equivalents.
	SalesHeads Panel = "sales.heads"
	// FulfillmentCostPerOrder: cost per order vs monthly volume on a log axis,
	// one line per model, break-even and rule-of-thumb lines.
	FulfillmentCostPerOrder Panel = "fulfillment.costPerOrder"
	// FulfillmentMonthly: monthly cost of the recommended plan vs the
	// rule-of-thumb plan, switch months marked.
	FulfillmentMonthly Panel = "fulfillment.monthly"
	// MarketScores: weighted score per market, stacked by factor contribution.
	MarketScores Panel = "markets.scores"
	// FinanceCash: cash by month against zero, funding rounds marked and
	// the month cash runs out flagged.
	FinanceCash Panel = "finance.cash"
	// FinanceFlows: monthly costs stacked by category against revenue.
	FinanceFlows Panel = "finance.flows"
	// CompareActive overlays active users across scenarios.
	CompareActive Panel = "compare.active"
	// CompareARR overlays ARR across scenarios.
	CompareARR Panel = "compare.arr"
	// CompareOrders overlays orders a month across scenarios.
	CompareOrders Panel = "compare.orders"
	// CompareCost overlays the recommended plan's monthly fulfillment cost.
	CompareCost Panel = "compare.fulfillmentCost"
	// CompareCash overlays cash across scenarios.
	CompareCash Panel = "compare.cash"
)

// Kind is a group of panels, as named by the CLI's --chart flag: a
// module's name, or "compare".
type Kind string

// The kinds.
const (
	KindViral       Kind = scenario.ModuleViral
	KindSales       Kind = scenario.ModuleSales
	KindFulfillment Kind = scenario.ModuleFulfillment
	KindMarkets     Kind = scenario.ModuleMarkets
	KindFinance     Kind = scenario.ModuleFinance
	KindCompare     Kind = "compare"
)

// registry lists every kind, in menu order, with its panels in page
// order and the func that draws each. To chart a new module, write its
// panels' builders in a file of their own and add a row here named after
// the module (its Kind is the module's name).
var registry = []struct {
	kind   Kind
	panels []panelRow
}{
	{KindViral, []panelRow{{ViralGrowth, viralGrowth}, {ViralSources, viralSources}}},
	{KindSales, []panelRow{{SalesARR, salesARR}, {SalesHeads, salesHeads}}},
	{KindFulfillment, []panelRow{{FulfillmentCostPerOrder, costPerOrder}, {FulfillmentMonthly, fulfillmentMonthly}}},
	{KindMarkets, []panelRow{{MarketScores, marketScores}}},
	{KindFinance, []panelRow{{FinanceCash, financeCash}, {FinanceFlows, financeFlows}}},
	{KindCompare, []panelRow{{CompareActive, compareActive}, {CompareARR, compareARR}, {CompareOrders, compareOrders}, {CompareCost, compareCost}, {CompareCash, compareCash}}},
}

// panelRow is one panel of a kind and the func that draws it.
type panelRow struct {
	panel Panel
	build builder
}

// Kinds lists every kind, in menu order.
func Kinds() []Kind {
	out := make([]Kind, len(registry))
	for i, r := range registry {
		out[i] = r.kind
	}
	return out
}

// Panels returns the panels of a kind, nil for an unknown kind.
func Panels(k Kind) []Panel {
	for _, r := range registry {
		if r.kind == k {
			out := make([]Panel, len(r.panels))
			for i, p := range r.panels {
				out[i] = p.panel
			}
			return out
		}
	}
	return nil
}

// builders maps every panel of the registry to the func that draws it.
var builders = func() map[Panel]builder {
	m := map[Panel]builder{}
	for _, r := range registry {
		for _, pr := range r.panels {
			m[pr.panel] = pr.build
		}
	}
	return m
}()

// Input is what a chart shows: the plan, all its computed results (in the
// order of Plan.Scenarios), the index of the scenario shown and, for the
// compare panels, the indexes of the scenarios overlaid (the first is the
// baseline, drawn thicker; empty means all, with Scenario first).
//
// Sims, when set, holds each scenario's last Monte Carlo simulation
// (parallel to Results, nil where there is none): the time-series panels
// then draw its P10–P90 band and P50 line under the deterministic line.
// SimStale, parallel to Sims (nil: none), marks the simulations that
// predate the plan shown (it was edited since): their bands are drawn
// fainter, without the P50 line, and the legend says so.
type Input struct {
	Plan     *scenario.Plan
	Results  []*scenario.Result
	Scenario int
	Compare  []int
	Sims     []*scenario.SimResult
	SimStale []bool
}

// ErrModuleOff is wrapped by the error returned for a panel whose module is
// switched off in the scenario shown (or in every compared scenario).
var ErrModuleOff = errors.New("module is off")

// builder draws one panel into a new plot sized for sz.
type builder func(c *ctx) error

// defaultSize is the size Plot lays a chart out for: 900×500 px at 96 dpi.
var defaultSize = vg.Point{X: 675, Y: 375}

// Plot builds the plot of one panel, laid out for about 900×500 px.
func Plot(p Panel, in Input, th Theme) (*plot.Plot, error) {
	return build(p, in, th, defaultSize)
}

// build makes the plot of panel p laid out for a canvas of size sz points.
func build(p Panel, in Input, th Theme, sz vg.Point) (plt *plot.Plot, err error) {
	defer func() {
		if r := recover(); r != nil {
			plt, err = nil, fmt.Errorf("chart: %s: internal error: %v", p, r)
		}
	}()
	b, ok := builders[p]
	if !ok {
		return nil, fmt.Errorf("chart: unknown panel %q", p)
	}
	if err := in.check(); err != nil {
		return nil, fmt.Errorf("chart: %s: %w", p, err)
	}
	c := newCtx(in, th.normalized(), sz)
	if err := b(c); err != nil {
		return nil, fmt.Errorf("chart: %s: %w", p, err)
	}
	c.finish()
	return c.p, nil
}

// check validates the input's shape.
func (in Input) check() error {
	switch {
	case in.Plan == nil:
		return errors.New("no plan")
	case len(in.Results) != len(in.Plan.Scenarios):
		return fmt.Errorf("%d results for %d scenarios", len(in.Results), len(in.Plan.Scenarios))
	case in.Scenario < 0 || in.Scenario >= len(in.Plan.Scenarios):
		return fmt.Errorf("scenario %d out of range (the plan has %d)", in.Scenario, len(in.Plan.Scenarios))
	case in.Results[in.Scenario] == nil:
		return fmt.Errorf("scenario %d has no result", in.Scenario)
	case len(in.Sims) != 0 && len(in.Sims) != len(in.Results):
		return fmt.Errorf("%d simulations for %d scenarios", len(in.Sims), len(in.Results))
	case len(in.SimStale) != 0 && len(in.SimStale) != len(in.Sims):
		return fmt.Errorf("%d stale marks for %d simulations", len(in.SimStale), len(in.Sims))
	}
	for _, i := range in.Compare {
		if i < 0 || i >= len(in.Plan.Scenarios) || in.Results[i] == nil {
			return fmt.Errorf("compared scenario %d out of range (the plan has %d)", i, len(in.Plan.Scenarios))
		}
	}
	return nil
}

// normalized fills a zero Theme's missing colours from Light.
func (t Theme) normalized() Theme {
	l := Light()
	if t.Dark {
		l = Dark()
	}
	if t.Background == nil {
		t.Background = l.Background
	}
	if t.Foreground == nil {
		t.Foreground = l.Foreground
	}
	if t.Grid == nil {
		t.Grid = l.Grid
	}
	var pal []color.Color
	for _, c := range t.Palette {
		if c != nil {
			pal = append(pal, c)
		}
	}
	if len(pal) == 0 {
		pal = l.Palette
	}
	t.Palette = pal
	return t
}

// moduleOff is the error for a panel whose module is off.
func moduleOff(module string) error {
	return fmt.Errorf("the %s %w", module, ErrModuleOff)
}

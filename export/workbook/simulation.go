package workbook

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strconv"

	"github.com/xuri/excelize/v2"

	"scaleplan/scenario"
)

// The Simulation sheet of a scenario with ranges (docs/MODELS.md §7): the
// Monte Carlo run count and seed, the ranged inputs, P10/P50/P90 at the
// horizon as PERCENTILE.INC formulas over the samples, the milestone odds,
// the cash needed, the market and fulfillment shares, the bands of every
// output by month, and the samples themselves, one row per run. It is not
// in the module registry (modules.go): it shows no scenario module, only
// an export that asks for it (Options.Simulate) has it, and its
// simulation can fail or be cancelled.
const suffixSimulation = " - Simulation"

// maxSampleRows caps the sample rows a Simulation sheet holds (a variable
// so that tests can lower it).
var maxSampleRows = 100_000

// simSteps is the progress steps a simulation counts for, besides its
// sheet: about a second of work per scenario, against milliseconds a sheet.
const simSteps = 20

// Simulation sheet layout: the summary blocks in columns A:E, the bands by
// month from column simMonthCol, the samples after them.
const (
	simLeftLast = 5
	simMonthCol = simLeftLast + 2
)

// simulates reports whether the export gives s a Simulation sheet.
func (b *builder) simulates(s *scenario.Scenario) bool {
	return b.opt.Simulate && len(s.Ranges) > 0
}

// simulationSheet runs the simulation of s with the plan's setting and
// writes its sheet; an error (a cancelled export) is the sheet's.
func (b *builder) simulationSheet(name string, s *scenario.Scenario) *sheet {
	sh := newSheet(name)
	ctx := b.opt.Context
	if ctx == nil {
		ctx = context.Background()
	}
	set := b.plan.SimulationOrDefault()
	reported := 0
	res, err := scenario.Simulate(ctx, s, b.plan.Currency, scenario.SimOptions{Runs: set.Runs, Seed: set.Seed, Samples: true,
		Progress: func(done int) {
			for ; reported < done*simSteps/set.Runs; reported++ {
				b.step()
			}
		}})
	if err != nil {
		sh.err = err
		return sh
	}
	for ; reported < simSteps; reported++ {
		b.step()
	}
	b.writeSimulation(sh, s, res)
	return sh
}

// simLayout is where a Simulation sheet's tables sit.
type simLayout struct {
	outputs    []scenario.Output
	sampleCol  int // the samples' run column
	sampleRows int // sample rows written (capped)
}

func (b *builder) writeSimulation(sh *sheet, s *scenario.Scenario, res *scenario.SimResult) {
	st := b.st
	cal := b.plan.Calendar()
	l := simLayout{outputs: scenario.ScenarioOutputs(s), sampleRows: min(res.Runs, maxSampleRows)}
	l.sampleCol = simMonthCol + 1 + 3*len(l.outputs) + 2
	capped := l.sampleRows < res.Runs
	b.heading(sh, s.Name+" — Simulation",
		fmt.Sprintf("Monte Carlo, %s runs: run i draws every ranged input from its own generator seeded from (seed, i) and computes the plan. "+
			"The percentiles at the horizon are formulas over the samples (right); the rest is Scaleplan's result.", scenario.FormatCount(float64(res.Runs))))
	sh.heights[headRow] = 45
	sh.width(1, 1, 40)
	sh.width(2, simLeftLast, 15)
	r := firstRow
	sh.text(1, r, "Runs", st.label)
	sh.num(2, r, float64(res.Runs), st.count)
	sh.text(1, r+1, "Seed", st.label)
	sh.text(2, r+1, strconv.FormatUint(res.Seed, 10), st.textRight) // a 64-bit seed loses digits as a number
	sh.text(1, r+2, "Sample rows on this sheet", st.label)
	sh.num(2, r+2, float64(l.sampleRows), st.count)
	r += 3
	if capped {
		sh.text(1, r, fmt.Sprintf("The sheet holds the first %s of the %s runs (at most %s rows); every other figure is over all runs.",
			scenario.FormatCount(float64(maxSampleRows)), scenario.FormatCount(float64(res.Runs)), scenario.FormatCount(float64(maxSampleRows))), st.note)
		r++
	}
	r = b.simInputs(sh, s, res, r+1)
	r = b.simHorizon(sh, s, res, l, r+1)
	r = b.simOdds(sh, res, cal, r+1)
	r = b.simCash(sh, res, r+1)
	r = b.simShares(sh, "Market ranked first", "Market", res.MarketWins, r+1)
	r = b.simShares(sh, "Planned fulfillment at "+cal.Label(s.HorizonMonths), "Model", res.PlannedModelAtHorizon, r+1)
	b.simBands(sh, res, l)
	b.simCharts(sh, res, l, r+2)
	b.simSamples(sh, s, res, l)
	sh.freezeRow = headRow
	sh.print = &printSetup{blocks: []int{simMonthCol}, lastCol: l.sampleCol - 2}
}

// simInputs lists the ranged inputs with their value and range.
func (b *builder) simInputs(sh *sheet, s *scenario.Scenario, res *scenario.SimResult, r int) int {
	st := b.st
	b.simHeader(sh, r, "Ranged input", "Value", "Low", "High", "Distribution")
	for _, path := range res.Inputs {
		r++
		rg := s.Ranges[path]
		style := st.dec
		if l, ok := scenario.LimitOf(path); ok && l.Percent {
			style = st.pct2
		}
		v, _ := scenario.InputValue(s, path)
		sh.text(1, r, path, st.text)
		sh.num(2, r, v, style)
		sh.num(3, r, rg.Low, style)
		sh.num(4, r, rg.High, style)
		sh.text(5, r, rg.Distribution(), st.center)
	}
	return r + 1
}

// simHeader writes a block's header row in the left columns.
func (b *builder) simHeader(sh *sheet, r int, titles ...string) {
	sh.text(1, r, titles[0], b.st.headerLeft)
	for i, t := range titles[1:] {
		sh.text(2+i, r, t, b.st.header)
	}
}

// outputStyle is the number format of an output.
func (b *builder) outputStyle(o scenario.Output) int {
	if o.Unit == scenario.UnitMoney {
		return b.st.money
	}
	return b.st.count
}

// simHorizon writes P10/P50/P90 of every output at the horizon: formulas
// over the sample column when it holds every run, else the engine's values.
func (b *builder) simHorizon(sh *sheet, s *scenario.Scenario, res *scenario.SimResult, l simLayout, r int) int {
	b.simHeader(sh, r, "At "+b.plan.Calendar().Label(s.HorizonMonths)+" (month "+strconv.Itoa(s.HorizonMonths)+")", "P10", "P50", "P90")
	live := l.sampleRows == res.Runs
	for k, o := range l.outputs {
		r++
		sh.text(1, r, o.Title, b.st.label)
		band := res.Series[o.Key][s.HorizonMonths-1]
		col := l.sampleCol + 1 + len(res.Inputs) + k
		samples := absRange(col, firstRow, col, firstRow+l.sampleRows-1)
		for j, p := range []struct {
			q string
			v float64
		}{{"0.1", band.P10}, {"0.5", band.P50}, {"0.9", band.P90}} {
			if live {
				sh.formula(2+j, r, "_xlfn.PERCENTILE.INC("+samples+","+p.q+")", p.v, b.outputStyle(o))
			} else {
				sh.num(2+j, r, p.v, b.outputStyle(o))
			}
		}
	}
	return r + 1
}

// simOdds writes each milestone's probability.
func (b *builder) simOdds(sh *sheet, res *scenario.SimResult, cal scenario.Calendar, r int) int {
	if len(res.Probabilities) == 0 {
		return r - 1
	}
	b.simHeader(sh, r, "Odds (share of runs)", "By", "Probability")
	for _, p := range res.Probabilities {
		r++
		sh.text(1, r, p.Title, b.st.label)
		sh.text(2, r, cal.Label(p.Month)+" (m"+strconv.Itoa(p.Month)+")", b.st.textRight)
		sh.num(3, r, p.P, b.st.pct)
	}
	return r + 1
}

// simCash writes the cash needed at P50 and P90.
func (b *builder) simCash(sh *sheet, res *scenario.SimResult, r int) int {
	c := res.CashNeeded
	if c == nil {
		return r - 1
	}
	b.simHeader(sh, r, "Cash needed", "")
	sh.text(1, r+1, "To survive 9 futures in 10, raise (P90)", b.st.label)
	sh.num(2, r+1, c.P90, b.st.money)
	sh.text(1, r+2, "Half the futures need (P50)", b.st.label)
	sh.num(2, r+2, c.P50, b.st.money)
	sh.text(1, r+3, "The funding that would keep cash at or above zero throughout.", b.st.note)
	return r + 4
}

// simShares writes names with their share of runs, largest first.
func (b *builder) simShares(sh *sheet, title, head string, shares map[string]float64, r int) int {
	if len(shares) == 0 {
		return r - 1
	}
	b.simHeader(sh, r, title, "Share")
	names := slices.Sorted(maps.Keys(shares))
	slices.SortStableFunc(names, func(x, y string) int {
		switch {
		case shares[x] > shares[y]:
			return -1
		case shares[x] < shares[y]:
			return 1
		}
		return 0
	})
	for _, n := range names {
		r++
		sh.text(1, r, head+": "+n, b.st.label)
		sh.num(2, r, shares[n], b.st.pct)
	}
	return r + 1
}

// simBands writes P10/P50/P90 of every output by month.
func (b *builder) simBands(sh *sheet, res *scenario.SimResult, l simLayout) {
	c := simMonthCol
	if len(l.outputs) == 0 {
		return
	}
	sh.text(c, headRow, "Month", b.st.header)
	sh.width(c, c, monthWidth)
	for k, o := range l.outputs {
		for j, p := range []string{"P10", "P50", "P90"} {
			sh.text(c+1+3*k+j, headRow, o.Title+" "+p, b.st.header)
		}
	}
	sh.width(c+1, c+3*len(l.outputs), 13)
	months := len(res.Series[l.outputs[0].Key])
	for m := range months {
		r := firstRow + m
		b.monthCell(sh, c, r, m+1)
		for k, o := range l.outputs {
			band := res.Series[o.Key][m]
			for j, v := range []float64{band.P10, band.P50, band.P90} {
				sh.num(c+1+3*k+j, r, v, b.outputStyle(o))
			}
		}
	}
}

// simCharted are the outputs the Simulation sheet charts, when the
// scenario has them: users and cash, the two a founder is asked about.
var simCharted = []string{scenario.OutputActive, scenario.OutputCash}

// simCharts draws, below the left blocks from row r, a native line chart
// per charted output over the months: its P10, P50 and P90 columns of
// the bands table, so the chart follows the sheet.
func (b *builder) simCharts(sh *sheet, res *scenario.SimResult, l simLayout, r int) {
	if len(l.outputs) == 0 {
		return // every module off: no outputs, no bands
	}
	months := len(res.Series[l.outputs[0].Key])
	cats := absRange(simMonthCol, firstRow, simMonthCol, firstRow+months-1)
	for k, o := range l.outputs {
		if !slices.Contains(simCharted, o.Key) {
			continue
		}
		var ss []excelize.ChartSeries
		for j := range 3 {
			c := simMonthCol + 1 + 3*k + j
			ss = append(ss, series(sh.name, abs(c, headRow), cats, absRange(c, firstRow, c, firstRow+months-1)))
		}
		ss[1].Line.Width = 2.5 // the median, between its band
		ss[0].Line.Dash, ss[2].Line.Dash = excelize.LineDashDash, excelize.LineDashDash
		sh.chart(fmt.Sprintf("A%d", r), lineChart(o.Title+": P10, P50 and P90", chartWidth(sh, simLeftLast), months, cats, ss, "#,##0"))
		r += simChartRows
	}
}

// simChartRows are the rows a Simulation chart takes, with a gap.
const simChartRows = 17

// simSamples writes the samples' header and streams their rows (sheet.extra):
// the run, its drawn inputs and its outputs at the horizon.
func (b *builder) simSamples(sh *sheet, s *scenario.Scenario, res *scenario.SimResult, l simLayout) {
	c := l.sampleCol
	sm := res.Samples
	if l.sampleRows < res.Runs {
		sh.text(c, headRow-1, fmt.Sprintf("The first %s runs of %s (at most %s rows)", scenario.FormatCount(float64(l.sampleRows)),
			scenario.FormatCount(float64(res.Runs)), scenario.FormatCount(float64(maxSampleRows))), b.st.note)
	}
	sh.text(c, headRow, "Run", b.st.header)
	styles := []int{b.st.integer}
	for _, path := range sm.Inputs {
		sh.text(c+len(styles), headRow, path, b.st.header)
		style := b.st.dec
		if lim, ok := scenario.LimitOf(path); ok && lim.Percent {
			style = b.st.pct2
		}
		styles = append(styles, style)
	}
	for _, o := range l.outputs {
		sh.text(c+len(styles), headRow, o.Title+" at month "+strconv.Itoa(s.HorizonMonths), b.st.header)
		styles = append(styles, b.outputStyle(o))
	}
	sh.width(c, c, 8)
	sh.width(c+1, c+len(styles)-1, 15)
	sh.extraRows = firstRow + l.sampleRows - 1
	sh.extra = func(r int, cells []any) []any {
		i := r - firstRow
		if i < 0 {
			return cells
		}
		for len(cells) < c-1 {
			cells = append(cells, nil)
		}
		cells = append(cells, excelize.Cell{StyleID: styles[0], Value: float64(i + 1)})
		for j, v := range sm.Row(i) {
			cells = append(cells, excelize.Cell{StyleID: styles[j+1], Value: finite(v)})
		}
		return cells
	}
}

package workbook

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"scaleplan/scenario"
)

// Fulfillment sheet: inputs and the model table in columns A:E, the monthly
// table from column G.
const (
	fMonth  = 7 // G
	fOrders = 8 // H
	fCost1  = 9 // I: cost of model 1; model j is fCost1+j-1
)

// fulfillmentCols are the columns after the per-model costs. chart is the
// first of the hidden chart-data columns, one per model.
type fulfillmentCols struct {
	cheapest, cheapestCost, perOrder, ruleIdx, rule, ruleCost, ruleSetup, plan, planCost, planSetup, chart int
}

func newFulfillmentCols(models int) fulfillmentCols {
	c := fCost1 + models
	return fulfillmentCols{c, c + 1, c + 2, c + 3, c + 4, c + 5, c + 6, c + 7, c + 8, c + 9, c + 10}
}

// fulfillmentLayout locates the input blocks.
type fulfillmentLayout struct {
	firstThreshold, modelRow int // first threshold row, first model row
	n                        int // models
}

// modelCell is the absolute cell of model j's field (col 1 name .. 5 capacity).
func (l fulfillmentLayout) modelCell(j, col int) string { return abs(col, l.modelRow+j) }

// fulfillmentSheet writes the fulfillment model (docs/MODELS.md §3).
func (b *builder) fulfillmentSheet(name string, s *scenario.Scenario, r *scenario.FulfillmentResult, ss *scenarioSheets) *sheet {
	sh := newSheet(name)
	f := s.Fulfillment
	b.heading(sh, s.Name+" — Fulfillment",
		"Blue cells are inputs. Monthly cost of each model = fixed + per order × orders; models over capacity cannot ship.")
	lay := b.fulfillmentInputs(sh, f, ss.viralActive != nil)
	resRow := b.fulfillmentModels(sh, f, r, lay)
	cols := newFulfillmentCols(len(f.Models))
	b.fulfillmentTable(sh, f, r, lay, cols, ss)
	resRow = b.fulfillmentResults(sh, r, cols, resRow, s.HorizonMonths, ss)

	h := s.HorizonMonths
	m1, mh := firstRow, firstRow+h-1
	ss.refs[scenario.MetricFulfillmentOrders] = qualify(name, abs(fOrders, mh))
	ss.refs[scenario.MetricFulfillmentModel] = qualify(name, abs(cols.plan, mh))
	ss.at[scenario.MetricFulfillmentOrders] = func(m int) string { return qualify(name, abs(fOrders, m1+m-1)) }
	ss.at[scenario.MetricFulfillmentModel] = func(m int) string { return qualify(name, abs(cols.plan, m1+m-1)) }
	for key, col := range map[string]int{refFulfillmentOrders: fOrders, refFulfillmentCost: cols.planCost, refFulfillmentSetup: cols.planSetup} {
		ss.monthly[key] = monthlyRef{sheet: name, col: col, month1: m1}
	}

	// the chart-data columns after planSetup are helpers, kept off the printout
	sh.print = &printSetup{blocks: []int{fMonth}, lastCol: cols.planSetup}
	sh.width(1, 1, 44) // check labels
	sh.width(2, 5, 14) // model names in the break-even table
	sh.width(6, 6, 2)
	sh.width(fMonth, fMonth, monthWidth)
	sh.width(fOrders, fOrders, 11)
	sh.width(fCost1, cols.planSetup, 14)
	sh.width(cols.cheapest, cols.cheapest, 17)
	sh.width(cols.ruleIdx, cols.ruleIdx, 7)
	sh.width(cols.rule, cols.rule, 17)
	sh.width(cols.plan, cols.plan, 17)
	sh.width(cols.chart, cols.chart+len(f.Models)-1, 14)
	cats := absRange(fMonth, m1, fMonth, mh)
	var ser []excelize.ChartSeries
	for j := range f.Models {
		c := cols.chart + j
		sh.hidden = append(sh.hidden, c)
		sh.outline = append(sh.outline, c)
		ser = append(ser, series(name, abs(fCost1+j, headRow), cats, absRange(c, m1, c, mh)))
	}
	sh.chart(fmt.Sprintf("A%d", resRow+2), lineChart("Monthly cost of each fulfillment model",
		chartWidth(sh, 5), h, cats, ser, "#,##0"))
	return sh
}

func (b *builder) fulfillmentInputs(sh *sheet, f scenario.Fulfillment, viral bool) fulfillmentLayout {
	st := b.st
	b.section(sh, headRow, "Inputs")
	sh.text(labelCol, 5, "Order volume source (manual / viral)", st.label)
	sh.text(valueCol, 5, f.Volume.Source, st.inText)
	sh.define("VolumeSource", "$B$5")
	if viral {
		sh.validate("B5", list("Volume source: manual or viral", scenario.VolumeManual, scenario.VolumeViral))
	} else {
		sh.validate("B5", list("Volume source: manual (this scenario has no viral loop)", scenario.VolumeManual))
	}
	b.input(sh, 6, "Orders in month 1 (manual)", "StartOrders", f.Volume.StartOrdersPerMonth, st.inCount)
	b.input(sh, 7, "Monthly order growth (manual)", "MonthlyGrowth", f.Volume.MonthlyGrowth, st.inPct)
	b.input(sh, 8, "Orders per active user a month (viral)", "OrdersPerUser", f.Volume.OrdersPerActiveUser, st.inDec)
	sh.validate("B7", inRange("fulfillment.volume.monthlyGrowth", "Monthly growth"))
	lay := fulfillmentLayout{firstThreshold: 9, n: len(f.Models)}
	for i, t := range f.RuleOfThumb {
		next := "next model"
		if i+1 < len(f.Models) {
			next = f.Models[i+1].Name
		}
		sh.text(labelCol, 9+i, fmt.Sprintf("Rule of thumb: %s from (orders)", next), st.label)
		sh.num(valueCol, 9+i, t, st.inCount)
	}
	if len(f.RuleOfThumb) > 0 {
		sh.define("RuleThresholds", absRange(valueCol, 9, valueCol, 9+len(f.RuleOfThumb)-1))
	}
	lay.modelRow = 9 + len(f.RuleOfThumb) + 3
	return lay
}

// fulfillmentModels writes the model table and the break-even table and
// returns the next free row.
func (b *builder) fulfillmentModels(sh *sheet, f scenario.Fulfillment, r *scenario.FulfillmentResult, lay fulfillmentLayout) int {
	st := b.st
	b.section(sh, lay.modelRow-2, "Models")
	for i, t := range []string{"Model", "Fixed/month", "Per order", "Setup", "Capacity"} {
		style := st.header
		if i == 0 {
			style = st.headerLeft
		}
		sh.text(1+i, lay.modelRow-1, t, style)
	}
	for j, m := range f.Models {
		rw := lay.modelRow + j
		sh.text(1, rw, m.Name, st.inText)
		sh.num(2, rw, m.FixedMonthly, st.inMoney)
		sh.num(3, rw, m.PerOrder, st.inMoney2)
		sh.num(4, rw, m.SetupCost, st.inMoney)
		sh.num(5, rw, m.Capacity, st.inCount)
	}
	last := lay.modelRow + len(f.Models) - 1
	sh.text(1, last+1, "Setup is paid each time a model is adopted; capacity 0 = unlimited.", st.note)
	for i, n := range []string{"ModelNames", "ModelFixed", "ModelPerOrder", "ModelSetup", "ModelCapacity"} {
		sh.define(n, absRange(1+i, lay.modelRow, 1+i, last))
	}
	row := last + 3
	b.section(sh, row, "Break-even volumes (orders a month)")
	row++
	for i, t := range []string{"From", "To", "Orders"} {
		sh.text(1+i, row, t, st.header)
	}
	be := map[[2]string]float64{}
	for _, x := range r.BreakEvens {
		be[[2]string{x.From, x.To}] = x.Orders
	}
	for i := range f.Models {
		for j := i + 1; j < len(f.Models); j++ {
			row++
			a, c := f.Models[i], f.Models[j]
			sh.formula(1, row, lay.modelCell(i, 1), a.Name, st.text)
			sh.formula(2, row, lay.modelCell(j, 1), c.Name, st.text)
			var v any = "none"
			if x, ok := be[[2]string{a.Name, c.Name}]; ok {
				v = x
			}
			q := fmt.Sprintf("(%s-%s)/(%s-%s)", lay.modelCell(j, 2), lay.modelCell(i, 2), lay.modelCell(i, 3), lay.modelCell(j, 3))
			sh.formula(3, row, fmt.Sprintf(`IF(%s=%s,"none",IF(%s>0,%s,"none"))`, lay.modelCell(i, 3), lay.modelCell(j, 3), q, q), v, st.count)
		}
	}
	return row + 2
}

// fulfillmentTable writes one row per month.
func (b *builder) fulfillmentTable(sh *sheet, f scenario.Fulfillment, r *scenario.FulfillmentResult, lay fulfillmentLayout, cols fulfillmentCols, ss *scenarioSheets) {
	st := b.st
	titles := []string{"Month", "Orders"}
	for _, m := range f.Models {
		titles = append(titles, m.Name)
	}
	titles = append(titles, "Cheapest model", "Cheapest cost", "Cost per order (cheapest)", "Rule #", "Rule-of-thumb model",
		"Rule-of-thumb cost", "Rule-of-thumb setup", "Recommended model (value)", "Recommended cost", "Recommended setup")
	b.header(sh, fMonth, titles[:2]...)
	for j, t := range titles[2 : 2+len(f.Models)] {
		sh.text(fCost1+j, headRow, t, st.header) // model names are user text
	}
	b.header(sh, cols.cheapest, titles[2+len(f.Models):]...)
	for j, m := range f.Models {
		sh.text(cols.chart+j, headRow, "Chart: "+m.Name, st.header)
	}
	sh.text(cols.chart, headRow-1, "Chart data (hidden): #N/A = over capacity, not drawn", st.note)
	sh.text(fMonth, headRow-1, "Monthly cost of each model:", st.note)
	n := len(f.Models)
	costRow := func(rw int) string { return rng(fCost1, rw, fCost1+n-1, rw) }
	for i, m := range r.Months {
		rw := firstRow + i
		c := func(col int) string { return cellName(col, rw) }
		b.monthCell(sh, fMonth, rw, m.Month)
		manual := fmt.Sprintf("StartOrders*(1+MonthlyGrowth)^(%s-1)", c(fMonth))
		if ss.viralActive != nil {
			manual = fmt.Sprintf(`IF(VolumeSource="viral",OrdersPerUser*%s,%s)`, ss.viralActive(m.Month), manual)
		}
		sh.formula(fOrders, rw, manual, m.Orders, st.count)
		for j, md := range f.Models {
			var v any = "over cap."
			if x, ok := m.Costs[md.Name]; ok {
				v = x
			}
			capc := lay.modelCell(j, 5)
			sh.formula(fCost1+j, rw, fmt.Sprintf(`IF(AND(%s>0,%s>%s),"over cap.",%s+%s*%s)`, capc, c(fOrders), capc, lay.modelCell(j, 2), lay.modelCell(j, 3), c(fOrders)), v, st.money)
		}
		cheapest := m.Costs[m.Cheapest]
		sh.formula(cols.cheapestCost, rw, fmt.Sprintf("MIN(%s)", costRow(rw)), cheapest, st.money)
		sh.formula(cols.cheapest, rw, fmt.Sprintf("INDEX(ModelNames,MATCH(%s,%s,0))", c(cols.cheapestCost), costRow(rw)), m.Cheapest, st.center)
		var per any = ""
		if m.Orders > 0 {
			per = cheapest / m.Orders
		}
		sh.formula(cols.perOrder, rw, fmt.Sprintf(`IF(%s>0,%s/%s,"")`, c(fOrders), c(cols.cheapestCost), c(fOrders)), per, st.money2)
		sh.formula(cols.ruleIdx, rw, ruleFormula(f, c(fOrders), rw), m.RuleOfThumbIdx+1, st.center)
		sh.formula(cols.rule, rw, fmt.Sprintf("INDEX(ModelNames,%s)", c(cols.ruleIdx)), m.RuleOfThumb, st.center)
		sh.formula(cols.ruleCost, rw, fmt.Sprintf("INDEX(%s,1,%s)", costRow(rw), c(cols.ruleIdx)), m.RuleCost, st.money)
		b.setupCell(sh, f, r, rw, i, cols.ruleSetup, c(cols.ruleIdx), cellName(cols.ruleIdx, rw-1), func(k int) int { return r.Months[k].RuleOfThumbIdx })
		sh.text(cols.plan, rw, m.Planned, st.centerBold)
		match := fmt.Sprintf("MATCH(%s,ModelNames,0)", c(cols.plan))
		sh.formula(cols.planCost, rw, fmt.Sprintf("INDEX(%s,1,%s)", costRow(rw), match), m.PlannedCost, st.money)
		b.setupCell(sh, f, r, rw, i, cols.planSetup, match, fmt.Sprintf("MATCH(%s,ModelNames,0)", cellName(cols.plan, rw-1)), func(k int) int { return r.Months[k].PlannedIdx })
		b.chartCells(sh, f, m, rw, cols.chart)
	}
}

// chartCells writes the chart's copy of a month's model costs: the cost, or
// #N/A where the model is over capacity, so the chart leaves a gap there
// instead of drawing the text "over cap." as zero.
func (b *builder) chartCells(sh *sheet, f scenario.Fulfillment, m scenario.FulfillmentMonth, rw, col int) {
	for j, md := range f.Models {
		var v any = naCached{}
		if x, ok := m.Costs[md.Name]; ok {
			v = x
		}
		cost := cellName(fCost1+j, rw)
		sh.formula(col+j, rw, fmt.Sprintf("IF(ISNUMBER(%s),%s,NA())", cost, cost), v, b.st.money)
	}
}

// setupCell writes the setup cost a plan pays in month i+1: the adopted
// model's setup in month 1 and whenever the model changes.
func (b *builder) setupCell(sh *sheet, f scenario.Fulfillment, r *scenario.FulfillmentResult, rw, i, col int, idx, prevIdx string, at func(int) int) {
	v := 0.0
	if i == 0 || at(i) != at(i-1) {
		v = f.Models[at(i)].SetupCost
	}
	formula := fmt.Sprintf("INDEX(ModelSetup,%s)", idx)
	if i > 0 {
		formula = fmt.Sprintf("IF(%s<>%s,%s,0)", idx, prevIdx, formula)
	}
	sh.formula(col, rw, formula, v, b.st.money)
}

// ruleFormula picks the rule of thumb's model (1-based): the number of
// thresholds at or below the volume, capped at the last model; if that
// model is over capacity, the next feasible one up, else down.
func ruleFormula(f scenario.Fulfillment, orders string, rw int) string {
	n := len(f.Models)
	idx := "1"
	if len(f.RuleOfThumb) > 0 {
		idx = fmt.Sprintf("MIN(SUMPRODUCT(--(RuleThresholds<=%s)),%d)+1", orders, n-1)
	}
	if n == 1 {
		return idx
	}
	feasible := func(j int) string { return fmt.Sprintf("ISNUMBER(%s)", cellName(fCost1+j-1, rw)) }
	chains := make([]string, n)
	for j := 1; j <= n; j++ {
		order := []int{}
		for k := j; k <= n; k++ {
			order = append(order, k)
		}
		for k := j - 1; k >= 1; k-- {
			order = append(order, k)
		}
		expr := fmt.Sprint(j)
		for k := len(order) - 1; k >= 0; k-- {
			expr = fmt.Sprintf("IF(%s,%d,%s)", feasible(order[k]), order[k], expr)
		}
		chains[j-1] = expr
	}
	return fmt.Sprintf("CHOOSE(%s,%s)", idx, strings.Join(chains, ","))
}

// fulfillmentResults writes plan totals and the plan checks from row r0 and
// returns the last row.
func (b *builder) fulfillmentResults(sh *sheet, r *scenario.FulfillmentResult, cols fulfillmentCols, r0, h int, ss *scenarioSheets) int {
	st := b.st
	m1, mh := firstRow, firstRow+h-1
	sum := func(c int) string { return fmt.Sprintf("SUM(%s)", absRange(c, m1, c, mh)) }
	b.section(sh, r0, "Results")
	plan := b.derived(sh, r0+1, "Recommended plan: total cost incl. setup", "", sum(cols.planCost)+"+"+sum(cols.planSetup), r.TotalCost, st.money)
	rule := b.derived(sh, r0+2, "Rule-of-thumb plan: total cost incl. setup", "", sum(cols.ruleCost)+"+"+sum(cols.ruleSetup), r.RuleOfThumbCost, st.money)
	sav := b.derived(sh, r0+3, "Savings of the recommended plan", "", rule+"-"+plan, r.Savings, st.money)
	ss.refs[scenario.MetricFulfillmentCost] = qualify(sh.name, plan)
	ss.refs[scenario.MetricFulfillmentSavings] = qualify(sh.name, sav)
	sumTo := func(c, m int) string { return fmt.Sprintf("SUM(%s)", qualify(sh.name, absRange(c, m1, c, m1+m-1))) }
	planAt := func(m int) string { return sumTo(cols.planCost, m) + "+" + sumTo(cols.planSetup, m) }
	ss.at[scenario.MetricFulfillmentCost] = planAt
	ss.at[scenario.MetricFulfillmentSavings] = func(m int) string {
		return fmt.Sprintf("%s+%s-(%s)", sumTo(cols.ruleCost, m), sumTo(cols.ruleSetup, m), planAt(m))
	}
	var sw []string
	for _, x := range r.Switches {
		sw = append(sw, fmt.Sprintf("month %d: %s", x.Month, x.Model))
	}
	sh.text(labelCol, r0+4, "Recommended switches (value)", st.label)
	sh.text(valueCol, r0+4, strings.Join(sw, "; "), st.text)
	last := b.planChecks(sh, cols, r0+6, h, plan, rule)
	for i, note := range []string{
		"The recommended plan (model per month) is a value: Scaleplan finds it by dynamic programming",
		"over months × models, setup costs included. Its costs recalculate when you change inputs;",
		"if a check above says FALSE, re-export from Scaleplan to re-optimise the plan.",
	} {
		sh.text(labelCol, last+1+i, note, st.note)
	}
	return last + 3
}

// planChecks writes formulas that tell whether the recommended plan, a value,
// still fits the inputs: every month's model within capacity, and the plan
// no dearer than the rule of thumb. It returns the last row.
func (b *builder) planChecks(sh *sheet, cols fulfillmentCols, r0, h int, plan, rule string) int {
	st := b.st
	b.section(sh, r0, "Checks (after editing inputs)")
	planCosts := absRange(cols.planCost, firstRow, cols.planCost, firstRow+h-1)
	feasible := b.derived(sh, r0+1, "Recommended plan still feasible (capacity)", "",
		fmt.Sprintf("COUNT(%s)=%d", planCosts, h), true, st.centerBold)
	cheaper := b.derived(sh, r0+2, "Recommended plan still no dearer than rule of thumb", "",
		fmt.Sprintf("IF(%s,%s<=%s+0.005,FALSE)", feasible, plan, rule), true, st.centerBold)
	b.derived(sh, r0+3, "Plan status", "", fmt.Sprintf(`IF(AND(%s,%s),"OK","Re-export from Scaleplan")`, feasible, cheaper), "OK", st.centerBold)
	checks := rng(valueCol, r0+1, valueCol, r0+3)
	sh.conditional(checks,
		excelize.ConditionalFormatOptions{Type: "cell", Criteria: "==", Value: "FALSE", Format: &st.bad},
		excelize.ConditionalFormatOptions{Type: "cell", Criteria: "==", Value: `"Re-export from Scaleplan"`, Format: &st.bad},
		excelize.ConditionalFormatOptions{Type: "cell", Criteria: "==", Value: "TRUE", Format: &st.good},
		excelize.ConditionalFormatOptions{Type: "cell", Criteria: "==", Value: `"OK"`, Format: &st.good})
	return r0 + 3
}

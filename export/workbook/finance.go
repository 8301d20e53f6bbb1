package workbook

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"scaleplan/scenario"
)

// suffixFinance names a scenario's Finance sheet.
const suffixFinance = " - Finance"

// monthlyRef locates a module sheet's monthly column: month m is on row
// month1 + m − 1 (month 0, where a sheet has it, on the row above).
type monthlyRef struct {
	sheet       string
	col, month1 int
}

// cell is the qualified cell of month m.
func (r monthlyRef) cell(m int) string { return qualify(r.sheet, abs(r.col, r.month1+m-1)) }

// span is the qualified range of months a..b.
func (r monthlyRef) span(a, b int) string {
	return qualify(r.sheet, absRange(r.col, r.month1+a-1, r.col, r.month1+b-1))
}

// Keys of the monthly columns and input cells module sheets publish for the
// Finance sheet (scenarioSheets.monthly and .cells).
const (
	refViralNewViral     = "viral.newViral"
	refViralNewPaid      = "viral.newPaid"
	refViralActive       = "viral.active"
	refViralSpend        = "viral.paidSpend"
	refViralChurn        = "viral.monthlyChurn"
	refSalesARR          = "sales.arr"
	refSalesNewARR       = "sales.newARR"
	refSalesCost         = "sales.cost"
	refSalesACV          = "sales.averageACV"
	refFulfillmentOrders = "fulfillment.orders"
	refFulfillmentCost   = "fulfillment.plannedCost"
	refFulfillmentSetup  = "fulfillment.plannedSetup"
)

// Finance sheet columns: the monthly table from column I.
const (
	fiMonth = 9 + iota // I
	fiDate
	fiFY
	fiSubscription
	fiConsumer
	fiOrders
	fiRevenue
	fiCOGS
	fiGross
	fiDate2 // the date again, so the costs print with their months (print.go)
	fiSalesTeam
	fiPaid
	fiReferral
	fiFulfillment
	fiMarketEntry
	fiOther
	fiOpex
	fiNet
	fiFunding
	fiCash
	fiBurn
	fiCashOut   // 1 when cash is below 0
	fiRaise     // 1 when burning with runway below the alert
	fiOutflow   // the last month so far with a negative net cash flow (0: none)
	fiLastCol   = fiOutflow
	spareRows   = 3 // empty rows under the rounds and expansions, for more in the workbook
	financeRow1 = firstRow + 1
)

// financeSheet writes the cash model (docs/MODELS.md §6): named inputs, the
// rounds and market entries as editable tables, a monthly table of formulas
// over the module sheets, the summary, fiscal-year totals and a cash chart.
func (b *builder) financeSheet(name string, p *scenario.Plan, s *scenario.Scenario, r *scenario.Result, ss *scenarioSheets) *sheet {
	sh := newSheet(name)
	b.heading(sh, s.Name+" — Cash and unit economics",
		"Blue cells are inputs. Revenue and costs come from the module sheets; a module that is off adds nothing. Burn is the trailing quarter's mean net outflow.")
	next := b.financeInputs(sh, s.Finance, s.HorizonMonths)
	b.financeTable(sh, p.Calendar(), s, r.Finance, ss)
	next = b.financeResults(sh, s, r, next+1, ss)
	next = b.financeYears(sh, p.Calendar(), r.Finance, next+1)

	h := s.HorizonMonths
	rowH := financeRow1 + h - 1
	ss.refs["finance.cashHorizon"] = qualify(name, abs(fiCash, rowH))

	sh.width(1, 1, 36)
	sh.width(2, 4, 14)
	sh.width(5, 8, 12)
	sh.width(fiMonth, fiMonth, 7)
	sh.width(fiDate, fiFY, 10)
	sh.width(fiSubscription, fiGross, 13)
	sh.width(fiDate2, fiDate2, 10)
	sh.width(fiSalesTeam, fiBurn, 12)
	sh.width(fiCashOut, fiOutflow, 9)
	// two pages wide: inputs, results and revenue, then costs and cash
	// (which start with their months' dates again)
	sh.print = &printSetup{blocks: []int{fiDate2}, lastCol: fiLastCol}
	cats := absRange(fiDate, financeRow1, fiDate, rowH)
	sh.chart(fmt.Sprintf("A%d", next+1), lineChart("Cash", chartWidth(sh, 8), h, cats, []excelize.ChartSeries{
		series(name, abs(fiCash, headRow), cats, absRange(fiCash, financeRow1, fiCash, rowH)),
	}, "#,##0"))
	sh.chart(fmt.Sprintf("A%d", next+17), lineChart("Revenue and operating costs", chartWidth(sh, 8), h, cats, []excelize.ChartSeries{
		series(name, abs(fiRevenue, headRow), cats, absRange(fiRevenue, financeRow1, fiRevenue, rowH)),
		series(name, abs(fiOpex, headRow), cats, absRange(fiOpex, financeRow1, fiOpex, rowH)),
	}, "#,##0"))
	return sh
}

// financeInputs writes the named inputs, the funding rounds and the market
// entries, and returns the last row used.
func (b *builder) financeInputs(sh *sheet, f scenario.Finance, h int) int {
	st := b.st
	b.section(sh, headRow, "Inputs")
	rows := []namedInput{
		{"Starting cash", "StartingCash", f.StartingCash, st.inMoney},
		{"Paying share of active users", "PayingShare", f.PayingShare, st.inPct},
		{"Revenue per paying user a month", "ARPU", f.ARPUPerMonth, st.inMoney2},
		{"Average order value", "AverageOrderValue", f.AverageOrderValue, st.inMoney2},
		{"Subscription gross margin", "SubscriptionMargin", f.SubscriptionGrossMargin, st.inPct},
		{"Consumer gross margin", "ConsumerMargin", f.ConsumerGrossMargin, st.inPct},
		{"Order gross margin (before fulfillment)", "OrderMargin", f.OrderGrossMargin, st.inPct},
		{"Referrer reward per viral signup", "ReferrerReward", f.ReferrerReward, st.inMoney2},
		{"Referee reward per viral signup", "RefereeReward", f.RefereeReward, st.inMoney2},
		{"Annual B2B customer churn", "CustomerChurn", f.AnnualCustomerChurn, st.inPct},
		{"Other costs per month (month 1)", "OtherCosts", f.OtherCostsPerMonth, st.inMoney},
		{"Other costs growth a year", "OtherCostsGrowth", f.OtherCostsGrowth, st.inPct},
		{"Runway alert (months)", "RunwayAlert", f.RunwayAlertMonths, st.inDec},
		{"Minimum cash buffer", "MinCashBuffer", f.MinCashBuffer, st.inMoney},
	}
	b.inputs(sh, rows)
	sh.validate("B5", inRange("finance.startingCash", "Starting cash"))
	sh.validate("B6", inRange("finance.payingShare", "Paying share"))
	sh.validate("B9:B11", inRange("finance.subscriptionGrossMargin", "Gross margin"))
	sh.validate("B14", inRange("finance.annualCustomerChurn", "Customer churn"))
	sh.validate("B16", inRange("finance.otherCostsGrowth", "Growth a year"))
	sh.validate("B17", inRange("finance.runwayAlertMonths", "Runway alert in months"))

	r0 := firstRow + len(rows) + 1
	b.section(sh, r0, "Funding rounds")
	rounds := len(f.FundingRounds) + spareRows
	for i, t := range []string{"Round", "Month", "Amount"} {
		sh.text(1+i, r0+1, t, st.header)
	}
	for i := range rounds {
		rw := r0 + 2 + i
		if i < len(f.FundingRounds) {
			fr := f.FundingRounds[i]
			sh.text(1, rw, fr.Name, st.inText)
			sh.num(2, rw, float64(fr.Month), st.inInt)
			sh.num(3, rw, fr.Amount, st.inMoney)
			continue
		}
		for c := 1; c <= 3; c++ {
			sh.text(c, rw, "", []int{st.inText, st.inInt, st.inMoney}[c-1])
		}
	}
	last := r0 + 1 + rounds
	sh.define("RoundMonths", absRange(2, r0+2, 2, last))
	sh.define("RoundAmounts", absRange(3, r0+2, 3, last))
	sh.validate(rng(2, r0+2, 2, last), between(1, float64(h), true, fmt.Sprintf("Month: a whole month from 1 to %d", h)))
	sh.validate(rng(3, r0+2, 3, last), inRange("finance.fundingRounds[].amount", "Amount"))

	r0 = last + 2
	b.section(sh, r0, "Market entry")
	exps := len(f.Expansions) + spareRows
	for i, t := range []string{"Market", "Month", "One-off cost", "Monthly cost"} {
		sh.text(1+i, r0+1, t, st.header)
	}
	for i := range exps {
		rw := r0 + 2 + i
		if i < len(f.Expansions) {
			e := f.Expansions[i]
			sh.text(1, rw, e.Name, st.inText)
			sh.num(2, rw, float64(e.Month), st.inInt)
			sh.num(3, rw, e.OneOffCost, st.inMoney)
			sh.num(4, rw, e.MonthlyCost, st.inMoney)
			continue
		}
		for c := 1; c <= 4; c++ {
			sh.text(c, rw, "", []int{st.inText, st.inInt, st.inMoney, st.inMoney}[c-1])
		}
	}
	last = r0 + 1 + exps
	sh.define("EntryMonths", absRange(2, r0+2, 2, last))
	sh.define("EntryOneOff", absRange(3, r0+2, 3, last))
	sh.define("EntryMonthly", absRange(4, r0+2, 4, last))
	sh.validate(rng(2, r0+2, 2, last), between(1, float64(h), true, fmt.Sprintf("Month: a whole month from 1 to %d", h)))
	sh.validate(rng(3, r0+2, 4, last), inRange("finance.expansions[].oneOffCost", "Cost"))
	sh.text(1, last+1, "Empty rows count for nothing: add rounds or markets there.", st.note)
	return last + 1
}

// financeTable writes month 0 (starting cash) and months 1..h.
func (b *builder) financeTable(sh *sheet, cal scenario.Calendar, s *scenario.Scenario, fr *scenario.FinanceResult, ss *scenarioSheets) {
	st := b.st
	b.header(sh, fiMonth, "Month", "Date", "Fiscal year", "Subscription revenue", "Consumer revenue", "Order revenue", "Revenue",
		"Cost of revenue", "Gross profit", "Date", "Sales team", "Paid acquisition", "Referral rewards", "Fulfillment", "Market entry",
		"Other costs", "Operating costs", "Net cash flow", "Funding", "Cash", "Burn (trailing quarter)",
		"Cash below 0", "Raise now", "Last outflow month")
	sh.text(fiSubscription, headRow-1, "Revenue by month:", st.note)
	sh.text(fiSalesTeam, headRow-1, "Costs and cash by month:", st.note)
	sh.num(fiMonth, firstRow, 0, st.center)
	sh.text(fiDate2, firstRow, cal.Label(0), st.center)
	sh.text(fiDate, firstRow, cal.Label(0), st.center)
	sh.formula(fiCash, firstRow, "StartingCash", s.Finance.StartingCash, st.money)
	for i := range fr.Months {
		b.financeRow(sh, cal, financeRow1+i, s.Finance, fr, i, ss)
	}
}

// financeRow writes month index i of fr on row rw.
func (b *builder) financeRow(sh *sheet, cal scenario.Calendar, rw int, fin scenario.Finance, fr *scenario.FinanceResult, i int, ss *scenarioSheets) {
	st := b.st
	m := fr.Months[i]
	c := func(col int) string { return cellName(col, rw) }
	// from is a formula over a module sheet's cell of this month, "" when
	// the module is off.
	from := func(key, format string) string {
		ref, ok := ss.monthly[key]
		if !ok {
			return ""
		}
		return fmt.Sprintf(format, ref.cell(m.Month))
	}
	line := func(col int, f string, cached float64, style int) {
		if f == "" {
			sh.num(col, rw, 0, style) // the module is off
			return
		}
		sh.formula(col, rw, f, cached, style)
	}
	sh.num(fiMonth, rw, float64(m.Month), st.center)
	sh.text(fiDate, rw, cal.Label(m.Month), st.center)
	sh.text(fiDate2, rw, cal.Label(m.Month), st.center)
	sh.text(fiFY, rw, fmt.Sprintf("FY%d", cal.FiscalYearOf(m.Month)), st.center)
	line(fiSubscription, from(refSalesARR, "%s/12"), m.Revenue.Subscription, st.money)
	line(fiConsumer, from(refViralActive, "%s*PayingShare*ARPU"), m.Revenue.Consumer, st.money)
	line(fiOrders, from(refFulfillmentOrders, "%s*AverageOrderValue"), m.Revenue.Orders, st.money)
	sh.formula(fiRevenue, rw, fmt.Sprintf("%s+%s+%s", c(fiSubscription), c(fiConsumer), c(fiOrders)), m.Revenue.Total(), st.money)
	sh.formula(fiCOGS, rw, fmt.Sprintf("%s*(1-SubscriptionMargin)+%s*(1-ConsumerMargin)+%s*(1-OrderMargin)",
		c(fiSubscription), c(fiConsumer), c(fiOrders)), m.COGS, st.money)
	sh.formula(fiGross, rw, fmt.Sprintf("%s-%s", c(fiRevenue), c(fiCOGS)), m.GrossProfit, st.money)
	line(fiSalesTeam, from(refSalesCost, "%s"), m.Costs.SalesTeam, st.money)
	line(fiPaid, from(refViralSpend, "%s"), m.Costs.PaidAcquisition, st.money)
	line(fiReferral, from(refViralNewViral, "%s*(ReferrerReward+RefereeReward)"), m.Costs.ReferralRewards, st.money)
	fulfillment := ""
	if cost, ok := ss.monthly[refFulfillmentCost]; ok {
		fulfillment = cost.cell(m.Month) + "+" + ss.monthly[refFulfillmentSetup].cell(m.Month)
	}
	line(fiFulfillment, fulfillment, m.Costs.Fulfillment, st.money)
	mc := c(fiMonth)
	sh.formula(fiMarketEntry, rw, fmt.Sprintf(`SUMIFS(EntryOneOff,EntryMonths,%s)+SUMIFS(EntryMonthly,EntryMonths,"<="&%s)`, mc, mc), m.Costs.MarketEntry, st.money)
	sh.formula(fiOther, rw, fmt.Sprintf("OtherCosts*(1+OtherCostsGrowth)^((%s-1)/12)", mc), m.Costs.Other, st.money)
	sh.formula(fiOpex, rw, fmt.Sprintf("SUM(%s)", rng(fiSalesTeam, rw, fiOther, rw)), m.Costs.Total(), st.money)
	sh.formula(fiNet, rw, fmt.Sprintf("%s-%s", c(fiGross), c(fiOpex)), m.NetCashFlow, st.money)
	sh.formula(fiFunding, rw, fmt.Sprintf("SUMIFS(RoundAmounts,RoundMonths,%s)", mc), m.Funding, st.money)
	sh.formula(fiCash, rw, fmt.Sprintf("%s+%s+%s", cellName(fiCash, rw-1), c(fiFunding), c(fiNet)), m.Cash, st.money)
	top := max(financeRow1, rw-2)
	sh.formula(fiBurn, rw, fmt.Sprintf("-AVERAGE(%s)", rng(fiNet, top, fiNet, rw)), m.Burn, st.money)
	flag := func(ok bool) float64 {
		if ok {
			return 1
		}
		return 0
	}
	sh.formula(fiCashOut, rw, fmt.Sprintf("IF(%s<0,1,0)", c(fiCash)), flag(m.Cash < 0), st.yesno)
	raise := m.Burn > 0 && m.Cash < fin.RunwayAlertMonths*m.Burn
	sh.formula(fiRaise, rw, fmt.Sprintf("IF(AND(%s>0,%s<RunwayAlert*%s),1,0)", c(fiBurn), c(fiCash), c(fiBurn)), flag(raise), st.yesno)
	before := "0"
	if i > 0 {
		before = cellName(fiOutflow, rw-1)
	}
	sh.formula(fiOutflow, rw, fmt.Sprintf("IF(%s<0,%s,%s)", c(fiNet), c(fiMonth), before), float64(lastOutflow(fr.Months[:i+1])), st.integer)
}

// lastOutflow is the last month of ms with a negative net cash flow, 0 if
// none.
func lastOutflow(ms []scenario.FinanceMonth) int {
	for i := len(ms) - 1; i >= 0; i-- {
		if ms[i].NetCashFlow < 0 {
			return ms[i].Month
		}
	}
	return 0
}

// monthOrText is a month number, or text where there is none.
func monthOrText(p *int, none string) any {
	if p == nil {
		return none
	}
	return float64(*p)
}

// numOrText is a number, or text where there is none.
func numOrText(p *float64, none string) any {
	if p == nil {
		return none
	}
	return *p
}

// financeFormulas are the Finance sheet's results at month h, as formulas
// for the sheet itself (q and n leave references and names as they are) or
// for another sheet (q qualifies a reference with the Finance sheet's name,
// n gives a named input's qualified cell).
type financeFormulas struct {
	h  int
	q  func(ref string) string
	n  func(name string) string
	ss *scenarioSheets
}

// onSheet is financeFormulas at the horizon h, for the Finance sheet.
func onSheet(h int, ss *scenarioSheets) financeFormulas {
	same := func(s string) string { return s }
	return financeFormulas{h: h, q: same, n: same, ss: ss}
}

// fromOther is financeFormulas at month h, for another sheet.
func fromOther(sh *sheet, h int, ss *scenarioSheets) financeFormulas {
	return financeFormulas{h: h, q: func(ref string) string { return qualify(sh.name, ref) }, n: sh.named, ss: ss}
}

// col is column c's months 1..h; cell its month h.
func (f financeFormulas) col(c int) string {
	return f.q(absRange(c, financeRow1, c, financeRow1+f.h-1))
}
func (f financeFormulas) cell(c int) string { return f.q(abs(c, financeRow1+f.h-1)) }

// first1 is the first month whose flag in column c is 1.
func (f financeFormulas) first1(c int) string {
	return fmt.Sprintf(`IF(SUM(%[1]s)=0,"not reached",MATCH(1,%[1]s,0))`, f.col(c))
}

func (f financeFormulas) minCash() string {
	return fmt.Sprintf("MIN(%s,MIN(%s))", f.n("StartingCash"), f.col(fiCash))
}

func (f financeFormulas) cashNeeded(minCash string) string {
	return fmt.Sprintf("MAX(0,%s-%s)", f.n("MinCashBuffer"), minCash)
}

// positiveFrom is the first month from which net cash flow stays ≥ 0 up to
// month h: the month after the last negative one.
func (f financeFormulas) positiveFrom() string {
	return fmt.Sprintf(`IF(%s<0,"not reached",%s+1)`, f.cell(fiNet), f.cell(fiOutflow))
}

func (f financeFormulas) runway() string {
	burn, cash := f.cell(fiBurn), f.cell(fiCash)
	return fmt.Sprintf(`IF(%s>0,MAX(0,%s)/%s,"not burning")`, burn, cash, burn)
}

// burnMultiple is the last quarter's burn over its net new ARR.
func (f financeFormulas) burnMultiple() string {
	arr, ok := f.ss.monthly[refSalesARR]
	if !ok {
		return `"n/a"`
	}
	from := max(0, f.h-3)
	burnQ := fmt.Sprintf("(-SUM(%s))", f.q(absRange(fiNet, financeRow1+from, fiNet, financeRow1+f.h-1)))
	netNew := fmt.Sprintf("(%s-%s)", arr.cell(f.h), arr.cell(from))
	return fmt.Sprintf(`IF(AND(%s>0,%s>0),%s/%s,"n/a")`, burnQ, netNew, burnQ, netNew)
}

// nested is then if cond holds, else "n/a".
func nested(cond, then string) string { return fmt.Sprintf(`IF(%s,%s,"n/a")`, cond, then) }

// consumer is the viral loop's CAC, LTV and monthly margin per user.
func (f financeFormulas) consumer() (cac, ltv, margin string) {
	ss := f.ss
	paid, viral, churn := ss.monthly[refViralNewPaid], ss.monthly[refViralNewViral], ss.cells[refViralChurn]
	signups := fmt.Sprintf("(SUM(%s)+SUM(%s))", paid.span(1, f.h), viral.span(1, f.h))
	spend := fmt.Sprintf("(SUM(%s)+SUM(%s))", f.col(fiPaid), f.col(fiReferral))
	margin = fmt.Sprintf("(%s*%s*%s)", f.n("ARPU"), f.n("PayingShare"), f.n("ConsumerMargin"))
	return nested(signups+"<>0", spend+"/"+signups), nested(churn+"<>0", margin+"/"+churn), margin
}

// b2b is the sales team's CAC, LTV and monthly margin per customer.
func (f financeFormulas) b2b() (cac, ltv, margin string) {
	ss := f.ss
	newARR, cost, acv := ss.monthly[refSalesNewARR], ss.monthly[refSalesCost], ss.cells[refSalesACV]
	customers := fmt.Sprintf("(SUM(%s)/%s)", newARR.span(1, f.h), acv)
	sm, churn := f.n("SubscriptionMargin"), f.n("CustomerChurn")
	margin = fmt.Sprintf("(%s*%s/12)", acv, sm)
	return nested(customers+"<>0", fmt.Sprintf("SUM(%s)/%s", cost.span(1, f.h), customers)),
		nested(churn+"<>0", fmt.Sprintf("%s*%s/%s", acv, sm, churn)), margin
}

// ltvToCAC and payback read CAC and LTV (cells or formulas).
func ltvToCAC(cac, ltv string) string {
	return nested(fmt.Sprintf("AND(ISNUMBER(%s),ISNUMBER(%s))", cac, ltv), nested(cac+"<>0", ltv+"/"+cac))
}

func payback(cac, margin string) string {
	return nested(fmt.Sprintf("ISNUMBER(%s)", cac), nested(margin+"<>0", cac+"/"+margin))
}

// financeAt registers the Finance results at an earlier month, for the
// Summary's common month.
func financeAt(sh *sheet, ss *scenarioSheets, fr *scenario.FinanceResult) {
	at := func(key string, f func(financeFormulas) string) {
		ss.at[key] = func(m int) string { return f(fromOther(sh, m, ss)) }
	}
	at(scenario.MetricFinanceCashHorizon, func(f financeFormulas) string { return f.cell(fiCash) })
	at(scenario.MetricFinanceMinCash, financeFormulas.minCash)
	at(scenario.MetricFinanceCashOutMonth, func(f financeFormulas) string { return f.first1(fiCashOut) })
	at(scenario.MetricFinanceCashNeeded, func(f financeFormulas) string { return f.cashNeeded(f.minCash()) })
	at(scenario.MetricFinanceBreakEvenMonth, financeFormulas.positiveFrom)
	at(scenario.MetricFinanceRunway, financeFormulas.runway)
	at(scenario.MetricFinanceBurnMultiple, financeFormulas.burnMultiple)
	if fr.UnitEconomics.Consumer != nil {
		at(scenario.MetricFinanceLTVToCACConsumer, func(f financeFormulas) string { cac, ltv, _ := f.consumer(); return ltvToCAC(cac, ltv) })
		at(scenario.MetricFinancePaybackConsumer, func(f financeFormulas) string { cac, _, m := f.consumer(); return payback(cac, m) })
	}
	if fr.UnitEconomics.B2B != nil {
		at(scenario.MetricFinanceLTVToCACB2B, func(f financeFormulas) string { cac, ltv, _ := f.b2b(); return ltvToCAC(cac, ltv) })
		at(scenario.MetricFinancePaybackB2B, func(f financeFormulas) string { cac, _, m := f.b2b(); return payback(cac, m) })
	}
}

// financeResults writes the summary and the unit economics from row r0 and
// returns the last row used.
func (b *builder) financeResults(sh *sheet, s *scenario.Scenario, r *scenario.Result, r0 int, ss *scenarioSheets) int {
	st := b.st
	fr := r.Finance
	f := onSheet(s.HorizonMonths, ss)
	b.section(sh, r0, "Results")
	row := r0 + 1
	put := func(key, label, formula string, cached any, style int) {
		ref := b.derived(sh, row, label, "", formula, cached, style)
		if key != "" {
			ss.refs[key] = qualify(sh.name, ref)
		}
		row++
	}
	cash := f.col(fiCash)
	put(scenario.MetricFinanceCashOutMonth, "Month cash runs out", f.first1(fiCashOut), monthOrText(fr.CashOutMonth, "not reached"), st.integer)
	put(scenario.MetricFinanceMinCash, "Minimum cash", f.minCash(), fr.MinCash, st.money)
	put("", "Month of minimum cash (0 = the start)", fmt.Sprintf("IF(StartingCash<=MIN(%[1]s),0,MATCH(MIN(%[1]s),%[1]s,0))", cash), float64(fr.MinCashMonth), st.integer)
	put(scenario.MetricFinanceCashNeeded, "Cash needed on top of the rounds", f.cashNeeded(abs(valueCol, row-2)), fr.CashNeeded, st.money)
	put(scenario.MetricFinanceBreakEvenMonth, "Cash-flow positive from month", f.positiveFrom(), monthOrText(fr.BreakEvenMonth, "not reached"), st.integer)
	put(scenario.MetricFinanceRunway, "Runway at the horizon (months)", f.runway(), numOrText(fr.RunwayMonths, "not burning"), st.dec)
	put("", "Raise by month (runway below the alert)", f.first1(fiRaise), monthOrText(fr.RaiseByMonth, "not reached"), st.integer)
	put(scenario.MetricFinanceBurnMultiple, "Burn multiple (last quarter's burn / net new ARR)", f.burnMultiple(), numOrText(fr.BurnMultiple, "n/a"), st.dec)
	row = b.unitEconomicsRows(sh, row+1, f, fr, ss)
	financeAt(sh, ss, fr)
	return row
}

// unitEconomicsRows writes both kinds of unit economics from row r0 and
// returns the row after them.
func (b *builder) unitEconomicsRows(sh *sheet, r0 int, f financeFormulas, fr *scenario.FinanceResult, ss *scenarioSheets) int {
	st := b.st
	b.section(sh, r0, "Unit economics (LTV ≥ 3 × CAC passes the article's test)")
	sh.text(3, r0, "CAC", st.header)
	sh.text(4, r0, "LTV", st.header)
	sh.text(5, r0, "LTV / CAC", st.header)
	sh.text(6, r0, "Payback (months)", st.header)
	write := func(rw int, label string, u *scenario.UnitEconomics, kind string, formulas func() (string, string, string)) {
		sh.text(labelCol, rw, label, st.label)
		if u == nil {
			for c := 3; c <= 6; c++ {
				sh.text(c, rw, "module off", st.textRight)
			}
			return
		}
		cac, ltv, margin := formulas()
		cc, lc := cellName(3, rw), cellName(4, rw)
		sh.formula(3, rw, cac, numOrText(u.CAC, "n/a"), st.money2)
		sh.formula(4, rw, ltv, numOrText(u.LTV, "n/a"), st.money2)
		ratio := sh.formulaRef(5, rw, ltvToCAC(cc, lc), numOrText(u.LTVToCAC, "n/a"), st.dec)
		ss.refs["finance.ltvToCac"+kind] = qualify(sh.name, ratio)
		pay := sh.formulaRef(6, rw, payback(cc, margin), numOrText(u.PaybackMonths, "n/a"), st.dec)
		ss.refs["finance.payback"+kind] = qualify(sh.name, pay)
	}
	write(r0+1, "Consumer (viral loop)", fr.UnitEconomics.Consumer, "Consumer", f.consumer)
	write(r0+2, "B2B (sales team)", fr.UnitEconomics.B2B, "B2B", f.b2b)
	return r0 + 3
}

// financeYears writes the fiscal-year totals from row r0 and returns the
// last row used.
func (b *builder) financeYears(sh *sheet, cal scenario.Calendar, fr *scenario.FinanceResult, r0 int) int {
	st := b.st
	years := scenario.FinanceYears(fr, cal)
	b.section(sh, r0, "Fiscal years")
	titles := []string{"Year", "Months", "Revenue", "Gross profit", "Operating costs", "Net cash flow", "Funding", "Cash at year end"}
	for i, t := range titles {
		sh.text(1+i, r0+1, t, st.header)
	}
	h := len(fr.Months)
	fy := absRange(fiFY, financeRow1, fiFY, financeRow1+h-1)
	sum := func(c int, label string) string {
		return fmt.Sprintf(`SUMIFS(%s,%s,"%s")`, absRange(c, financeRow1, c, financeRow1+h-1), fy, label)
	}
	for i, y := range years {
		rw := r0 + 2 + i
		sh.text(1, rw, y.Label, st.textBold)
		sh.formula(2, rw, fmt.Sprintf(`COUNTIF(%s,"%s")`, fy, y.Label), float64(y.Months()), st.integer)
		sh.formula(3, rw, sum(fiRevenue, y.Label), y.Revenue.Subscription+y.Revenue.Consumer+y.Revenue.Orders, st.money)
		sh.formula(4, rw, sum(fiGross, y.Label), y.GrossProfit, st.money)
		sh.formula(5, rw, sum(fiOpex, y.Label), opex(y.Costs), st.money)
		sh.formula(6, rw, sum(fiNet, y.Label), y.NetCashFlow, st.money)
		sh.formula(7, rw, sum(fiFunding, y.Label), y.Funding, st.money)
		sh.formula(8, rw, abs(fiCash, financeRow1+y.Last-1), y.EndCash, st.money)
	}
	last := r0 + 1 + len(years)
	sh.text(1, last+1, fmt.Sprintf("Fiscal years start in %s and are named for the year they end in; the first and last may be partial.",
		strings.Fields(cal.Label(fiscalStartMonth(cal)))[0]), st.note)
	return last + 1
}

func opex(c scenario.FinanceCosts) float64 { return c.Total() }

// fiscalStartMonth is a model month that falls in the fiscal start's
// calendar month, for naming it.
func fiscalStartMonth(cal scenario.Calendar) int {
	for m := 1; m <= 12; m++ {
		if _, mo := cal.Date(m); mo == cal.FiscalStart {
			return m
		}
	}
	return 1
}

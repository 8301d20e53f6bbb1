package workbook

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"scaleplan/scenario"
)

// Sales sheet columns, from column I. The AE seats are tracked as expected
// mass per tenure month (tenure 1..24 and fully ramped), like the engine's
// cohorts, so the ramp and backfilled attrition are formulas too.
const (
	sMonth = 9 + iota // I
	sStage
	sARR
	sNewARR
	sFounder
	sRamped
	sAEs
	sSDRs
	sVP
	sMgrs
	sHires
	sCost
	sStageIdx
	sHireVP
	sHireAE
	sHireSDR
	sHireMgr
	sT1 // tenure month 1; tenure k is sT1+k-1
)

const (
	maxRamp = scenario.MaxRampMonths
	sTLast  = sT1 + maxRamp - 1
	sFull   = sTLast + 1 // fully ramped seats
)

// salesSheet writes the sales team model (docs/MODELS.md §2).
func (b *builder) salesSheet(name string, s *scenario.Scenario, r *scenario.SalesResult, ss *scenarioSheets) *sheet {
	sh := newSheet(name)
	sl := s.Sales
	b.heading(sh, s.Name+" — Sales team",
		"Blue cells are inputs. Month 0 is the starting team; each month the stage follows last month's ARR and never goes back.")
	b.salesInputs(sh, sl)
	stageEnd := b.salesStages(sh, sl.Stages)
	h := s.HorizonMonths
	b.salesTable(sh, sl, r, h)
	resRow := b.salesResults(sh, sl, r, h, stageEnd+2, ss)

	m1, mh := firstRow+1, firstRow+h
	for _, m := range []struct {
		key   string
		month int
	}{{scenario.MetricSalesARR12, 12}, {scenario.MetricSalesARR24, 24}, {scenario.MetricSalesARRHorizon, h}} {
		if m.month <= h {
			ss.refs[m.key] = qualify(name, abs(sARR, firstRow+m.month))
		}
	}
	ss.refs[scenario.MetricSalesStage] = qualify(name, abs(sStage, mh))
	ss.at[scenario.MetricSalesARRHorizon] = func(m int) string { return qualify(name, abs(sARR, firstRow+m)) }
	ss.at[scenario.MetricSalesStage] = func(m int) string { return qualify(name, abs(sStage, firstRow+m)) }
	for key, col := range map[string]int{refSalesARR: sARR, refSalesNewARR: sNewARR, refSalesCost: sCost} {
		ss.monthly[key] = monthlyRef{sheet: name, col: col, month1: m1}
	}
	ss.cells[refSalesACV] = qualify(name, "$B$6")

	sh.width(1, 1, 36)
	sh.width(2, 7, 13)
	sh.print = &printSetup{blocks: []int{sMonth}, lastCol: sHireMgr} // the AE tenure grid is a helper
	sh.width(8, 8, 2)
	sh.width(sMonth, sMonth, monthWidth)
	sh.width(sStage, sStage, 20)
	sh.width(sARR, sCost, 12)
	sh.width(sStageIdx, sHireMgr, 8)
	sh.width(sT1, sFull, 8)
	for c := sT1; c <= sFull; c++ {
		sh.outline = append(sh.outline, c)
	}
	cats := absRange(sMonth, m1, sMonth, mh)
	sh.chart(fmt.Sprintf("A%d", resRow+2), lineChart("ARR", chartWidth(sh, 7), h, cats, []excelize.ChartSeries{
		series(name, abs(sARR, headRow), cats, absRange(sARR, m1, sARR, mh)),
	}, "#,##0"))
	return sh
}

func (b *builder) salesInputs(sh *sheet, sl scenario.Sales) {
	st := b.st
	b.section(sh, headRow, "Inputs")
	b.inputs(sh, []namedInput{
		{"Starting ARR", "StartingARR", sl.StartingARR, st.inMoney},
		{"Average ACV", "AverageACV", sl.AverageACV, st.inMoney},
		{"Founder new ARR per month", "FounderNewARR", sl.FounderNewARRPerMonth, st.inMoney},
		{"AE quota (new ARR per month, ramped)", "AEQuota", sl.AEQuotaPerMonth, st.inMoney},
		{"Quota attainment", "QuotaAttainment", sl.QuotaAttainment, st.inPct},
		{"Ramp (months to full quota)", "RampMonths", float64(sl.RampMonths), st.inInt},
		{"Annual rep attrition", "AnnualAttrition", sl.AnnualRepAttrition, st.inPct},
		{"Max new hires per month", "MaxHires", float64(sl.MaxHiresPerMonth), st.inInt},
		{"Annual net revenue retention", "AnnualNRR", sl.AnnualNetRevenueRetention, st.inPct},
		{"ARR goal", "ARRGoal", sl.ARRGoal, st.inMoney},
		{"Starting AEs (fully ramped)", "StartAEs", float64(sl.StartingTeam.AEs), st.inInt},
		{"Starting SDRs", "StartSDRs", float64(sl.StartingTeam.SDRs), st.inInt},
		{"Starting VP of Sales", "StartVP", float64(sl.StartingTeam.VP), st.inInt},
		{"Starting managers", "StartManagers", float64(sl.StartingTeam.Managers), st.inInt},
		{"Cost per AE per month", "CostAE", sl.Costs.AE, st.inMoney},
		{"Cost per SDR per month", "CostSDR", sl.Costs.SDR, st.inMoney},
		{"Cost per VP per month", "CostVP", sl.Costs.VP, st.inMoney},
		{"Cost per manager per month", "CostManager", sl.Costs.Manager, st.inMoney},
	})
	sh.validate("B9", inRange("sales.quotaAttainment", "Quota attainment"))
	sh.validate("B10", inRange("sales.rampMonths", "Ramp in months"))
	sh.validate("B11", inRange("sales.annualRepAttrition", "Attrition"))
	sh.validate("B12", inRange("sales.maxHiresPerMonth", "Max hires"))
	sh.validate("B13", inRange("sales.annualNetRevenueRetention", "Net revenue retention"))
	sh.validate("B15:B18", inRange("sales.startingTeam.aes", "Heads"))
}

// salesStages writes the stage table (rows 24..) and returns its last row.
func (b *builder) salesStages(sh *sheet, stages []scenario.Stage) int {
	st := b.st
	b.section(sh, 24, "Stages (by ARR at the end of last month)")
	for i, t := range []string{"Stage", "Min ARR", "AEs", "SDRs", "VP", "Managers", "Founders sell"} {
		style := st.header
		if i == 0 {
			style = st.headerLeft
		}
		sh.text(1+i, 25, t, style)
	}
	first := 26
	for i, g := range stages {
		r := first + i
		sh.text(1, r, g.Name, st.inText)
		sh.num(2, r, g.MinARR, st.inMoney)
		sh.num(3, r, float64(g.AEs), st.inInt)
		sh.num(4, r, float64(g.SDRs), st.inInt)
		sh.num(5, r, float64(g.VP), st.inInt)
		sh.num(6, r, float64(g.Managers), st.inInt)
		sh.num(7, r, boolNum(g.FoundersSell), st.inYesNo)
	}
	last := first + len(stages) - 1
	for i, n := range []string{"StageNames", "StageMinARR", "StageAEs", "StageSDRs", "StageVP", "StageManagers", "StageFoundersSell"} {
		sh.define(n, absRange(1+i, first, 1+i, last))
	}
	sh.validate(rng(3, first, 6, last), inRange("sales.stages[].aes", "Heads"))
	sh.validate(rng(7, first, 7, last), between(0, 1, true, "Founders sell: 1 = yes, 0 = no"))
	sh.text(1, last+1, "Min ARR must rise from stage to stage; the first stage starts at 0. Founders sell: 1 = yes, 0 = no.", st.note)
	return last + 1
}

// salesTable writes month 0 (the starting state) and months 1..h.
func (b *builder) salesTable(sh *sheet, sl scenario.Sales, r *scenario.SalesResult, h int) {
	st := b.st
	b.header(sh, sMonth, "Month", "Stage", "ARR", "New ARR", "Founder ARR", "Ramped AEs", "AEs", "SDRs", "VP", "Managers",
		"New hires", "Team cost", "Stage #", "Hire VP", "Hire AEs", "Hire SDRs", "Hire mgrs")
	for k := 1; k <= maxRamp; k++ {
		sh.text(sT1+k-1, headRow, fmt.Sprintf("AE seats, tenure %d", k), st.header)
		sh.formula(sT1+k-1, headRow-1, fmt.Sprintf("IF(RampMonths<=0,1,MIN(%d/RampMonths,1))", k), scenario.RampShare(k, sl.RampMonths), st.pct)
	}
	sh.text(sFull, headRow, "AE seats, ramped", st.header)
	sh.text(sHireMgr, headRow-1, "Share of quota:", st.note)
	sh.define("RampShare", absRange(sT1, headRow-1, sTLast, headRow-1))

	r0 := firstRow
	b.monthCell(sh, sMonth, r0, 0)
	sh.formula(sARR, r0, "StartingARR", sl.StartingARR, st.money)
	sh.formula(sAEs, r0, "StartAEs", sl.StartingTeam.AEs, st.count)
	sh.formula(sSDRs, r0, "StartSDRs", sl.StartingTeam.SDRs, st.count)
	sh.formula(sVP, r0, "StartVP", sl.StartingTeam.VP, st.count)
	sh.formula(sMgrs, r0, "StartManagers", sl.StartingTeam.Managers, st.count)
	sh.num(sStageIdx, r0, 1, st.integer)
	for c := sT1; c <= sTLast; c++ {
		sh.num(c, r0, 0, st.dec)
	}
	sh.formula(sFull, r0, "StartAEs", sl.StartingTeam.AEs, st.dec)
	seats := scenario.NewAECohorts(sl.RampMonths, float64(sl.StartingTeam.AEs))
	attr := scenario.MonthlyRate(sl.AnnualRepAttrition)
	prev := scenario.SalesMonth{ARR: sl.StartingARR, AEs: sl.StartingTeam.AEs, SDRs: sl.StartingTeam.SDRs, VP: sl.StartingTeam.VP, Managers: sl.StartingTeam.Managers}
	for i, m := range r.Months {
		b.salesRow(sh, firstRow+1+i, m, prev, seats, attr)
		prev = m
	}
}

// salesRow writes month m on row rw; prev is last month's result. seats
// are the engine's AE cohorts, advanced here a month at a time (monthly
// attrition attr) for the tenure columns' cached values.
func (b *builder) salesRow(sh *sheet, rw int, m, prev scenario.SalesMonth, seats *scenario.AECohorts, attr float64) {
	st := b.st
	p := rw - 1
	c := func(col int) string { return cellName(col, rw) }
	pc := func(col int) string { return cellName(col, p) }
	b.monthCell(sh, sMonth, rw, m.Month)
	sh.formula(sStageIdx, rw, fmt.Sprintf("MAX(%s,MATCH(%s,StageMinARR,1))", pc(sStageIdx), pc(sARR)), m.StageIdx+1, st.center)
	sh.formula(sStage, rw, fmt.Sprintf("INDEX(StageNames,%s)", c(sStageIdx)), m.Stage, st.center)
	hVP, hAE, hSDR, hMgr := m.VP-prev.VP, m.AEs-prev.AEs, m.SDRs-prev.SDRs, m.Managers-prev.Managers
	hire := func(col int, target string, have int, minus string, v int) {
		sh.formula(col, rw, fmt.Sprintf("MIN(MAX(INDEX(%s,%s)-%s,0),MaxHires%s)", target, c(sStageIdx), pc(have), minus), v, st.count)
	}
	hire(sHireVP, "StageVP", sVP, "", hVP)
	hire(sHireAE, "StageAEs", sAEs, "-"+c(sHireVP), hAE)
	hire(sHireSDR, "StageSDRs", sSDRs, "-"+c(sHireVP)+"-"+c(sHireAE), hSDR)
	hire(sHireMgr, "StageManagers", sMgrs, "-"+c(sHireVP)+"-"+c(sHireAE)+"-"+c(sHireSDR), hMgr)
	for _, x := range []struct{ col, hire, v int }{{sAEs, sHireAE, m.AEs}, {sSDRs, sHireSDR, m.SDRs}, {sVP, sHireVP, m.VP}, {sMgrs, sHireMgr, m.Managers}} {
		sh.formula(x.col, rw, fmt.Sprintf("%s+%s", pc(x.col), c(x.hire)), x.v, st.count)
	}
	sh.formula(sHires, rw, fmt.Sprintf("%s+%s+%s+%s", c(sHireVP), c(sHireAE), c(sHireSDR), c(sHireMgr)), m.Hires, st.count)

	seats.Advance(attr)
	seats.Hire(float64(hAE))
	sh.formula(sT1, rw, fmt.Sprintf("MonthlyAttrition*SUM(%s)+%s", rng(sT1, p, sFull, p), c(sHireAE)), seats.Tenure(1), st.dec)
	for k := 2; k <= maxRamp; k++ {
		col := sT1 + k - 1
		sh.formula(col, rw, fmt.Sprintf("IF(RampMonths>=%d,%s*(1-MonthlyAttrition),0)", k, pc(col-1)), seats.Tenure(k), st.dec)
	}
	sh.formula(sFull, rw, fmt.Sprintf("(%s+INDEX(%s,1,MAX(RampMonths,1)))*(1-MonthlyAttrition)", pc(sFull), rng(sT1, p, sTLast, p)), seats.Ramped(), st.dec)
	sh.formula(sRamped, rw, fmt.Sprintf("SUMPRODUCT(%s,RampShare)+%s", rng(sT1, rw, sTLast, rw), c(sFull)), m.RampedAEs, st.dec)
	sh.formula(sFounder, rw, fmt.Sprintf("IF(INDEX(StageFoundersSell,%s)=1,FounderNewARR,0)", c(sStageIdx)), m.FounderARR, st.money)
	sh.formula(sNewARR, rw, fmt.Sprintf("%s+%s*AEQuota*QuotaAttainment", c(sFounder), c(sRamped)), m.NewARR, st.money)
	sh.formula(sARR, rw, fmt.Sprintf("%s*MonthlyNRR+%s", pc(sARR), c(sNewARR)), m.ARR, st.money)
	sh.formula(sCost, rw, fmt.Sprintf("%s*CostAE+%s*CostSDR+%s*CostVP+%s*CostManager", c(sAEs), c(sSDRs), c(sVP), c(sMgrs)), m.Cost, st.money)
}

// salesResults writes derived rates and summary figures from row r0 and
// returns the last row used.
func (b *builder) salesResults(sh *sheet, sl scenario.Sales, r *scenario.SalesResult, h, r0 int, ss *scenarioSheets) int {
	st := b.st
	name := sh.name
	b.section(sh, r0, "Derived")
	b.derived(sh, r0+1, "Monthly rep attrition", "MonthlyAttrition", "1-(1-AnnualAttrition)^(1/12)", scenario.MonthlyRate(sl.AnnualRepAttrition), st.pct2)
	b.derived(sh, r0+2, "Monthly revenue retention factor", "MonthlyNRR", "AnnualNRR^(1/12)", sl.MonthlyNRR(), st.pct2)
	row := r0 + 4
	b.section(sh, row, "Results")
	m1, mh := firstRow+1, firstRow+h
	idx := absRange(sStageIdx, m1, sStageIdx, mh)
	for i, e := range r.StageEntries {
		row++
		var v any = "not reached"
		if e.Month != nil {
			v = float64(*e.Month)
		}
		// the stage is entered the month after the last month before it
		entry := func(idx string, h int) string {
			before := fmt.Sprintf(`COUNTIF(%s,"<"&%d)`, idx, i+1)
			return fmt.Sprintf(`IF(%s>=%d,"not reached",%s+1)`, before, h, before)
		}
		ref := b.derived(sh, row, "Month entering "+e.Stage, "", entry(idx, h), v, st.integer)
		key := scenario.SalesStageEntryKey(e.Stage)
		ss.refs[key] = qualify(name, ref)
		ss.at[key] = func(m int) string { return entry(qualify(name, absRange(sStageIdx, m1, sStageIdx, firstRow+m)), m) }
	}
	last := r.Months[len(r.Months)-1]
	ss.refs[scenario.MetricSalesHeads] = qualify(name, b.derived(sh, row+1, "Sales heads at horizon", "",
		fmt.Sprintf("%s+%s+%s+%s", abs(sAEs, mh), abs(sSDRs, mh), abs(sVP, mh), abs(sMgrs, mh)), last.AEs+last.SDRs+last.VP+last.Managers, st.count))
	ss.refs[scenario.MetricSalesCost] = qualify(name, b.derived(sh, row+2, "Sales team cost over the horizon", "", fmt.Sprintf("SUM(%s)", absRange(sCost, m1, sCost, mh)), r.TotalCost, st.money))
	ss.at[scenario.MetricSalesHeads] = func(m int) string {
		return fmt.Sprintf("%s+%s+%s+%s", qualify(name, abs(sAEs, firstRow+m)), qualify(name, abs(sSDRs, firstRow+m)),
			qualify(name, abs(sVP, firstRow+m)), qualify(name, abs(sMgrs, firstRow+m)))
	}
	ss.at[scenario.MetricSalesCost] = func(m int) string {
		return fmt.Sprintf("SUM(%s)", qualify(name, absRange(sCost, m1, sCost, firstRow+m)))
	}
	from := firstRow + max(h-3, 0)
	costQ := fmt.Sprintf("SUM(%s)", absRange(sCost, from+1, sCost, mh))
	var eff any = "n/a"
	if r.Efficiency != nil {
		eff = *r.Efficiency
	}
	b.derived(sh, row+3, "Sales efficiency, last quarter", "",
		fmt.Sprintf(`IF(%s>0,(%s-%s)/%s,"n/a")`, costQ, abs(sARR, mh), abs(sARR, from), costQ), eff, st.dec)
	var naive any = "n/a"
	if r.NaiveAENeed != nil {
		naive = *r.NaiveAENeed
	}
	b.derived(sh, row+4, "AEs needed for the ARR goal (naive)", "", `IF(AEQuota>0,ARRGoal/(AEQuota*12),"n/a")`, naive, st.dec)
	sh.text(labelCol, row+5, "AEs needed, ramp-adjusted (value)", st.label)
	if r.RampAdjustedAENeed != nil {
		sh.num(valueCol, row+5, *r.RampAdjustedAENeed, st.dec)
	} else {
		sh.text(valueCol, row+5, "n/a", st.textRight)
	}
	sh.text(labelCol, row+6, "Ramp-adjusted need is a value computed by Scaleplan (a seat's first-year ARR after ramp and attrition).", st.note)
	return row + 6
}

func boolNum(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

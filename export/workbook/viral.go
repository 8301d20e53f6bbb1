package workbook

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"scaleplan/scenario"
)

// Viral sheet columns: the monthly roll-up from column E, the cycle table
// from column N.
const (
	vMonth = 5 + iota // E
	vNewViral
	vNewPaid
	vChurned
	vActive
	vCumulative
	vSpend
	vGoal
)

const (
	cN = 14 + iota // N
	cDay
	cMonth
	cKEff
	cBase
	cViral
	cPaid
	cNew
	cChurned
	cActive
	cCumulative
)

// viralSheet writes the viral loop: inputs, cycle table and monthly roll-up,
// all formulas (docs/MODELS.md §1).
func (b *builder) viralSheet(name string, s *scenario.Scenario, r *scenario.ViralResult, ss *scenarioSheets) *sheet {
	sh := newSheet(name)
	st := b.st
	v := s.Viral
	b.heading(sh, s.Name+" — Viral loop",
		"Blue cells are inputs. Each viral cycle's invites come from the previous cycle; months sum the cycles that fall in them.")
	b.section(sh, headRow, "Inputs")
	b.input(sh, 5, "Seed users", "SeedUsers", v.SeedUsers, st.inCount)
	b.input(sh, 6, "Invites per user", "InvitesPerUser", v.InvitesPerUser, st.inDec)
	b.input(sh, 7, "Invite conversion", "InviteConversion", v.InviteConversion, st.inPct)
	b.input(sh, 8, "Cycle length (days)", "CycleDays", v.CycleDays, st.inDays)
	sh.text(labelCol, 9, "Invite mode (once / continuous)", st.label)
	sh.text(valueCol, 9, v.InviteMode, st.inText)
	sh.define("InviteMode", abs(valueCol, 9))
	b.input(sh, 10, "Monthly churn", "MonthlyChurn", v.MonthlyChurn, st.inPct)
	b.input(sh, 11, "Paid users per month", "PaidUsersPerMonth", v.PaidUsersPerMonth, st.inCount)
	b.input(sh, 12, "Paid CAC", "PaidCAC", v.PaidCAC, st.inMoney2)
	b.input(sh, 13, "Market size (0 = unlimited)", "MarketSize", v.MarketSize, st.inCount)
	b.input(sh, 14, "Goal: active users (0 = none)", "GoalUsers", v.GoalUsers, st.inCount)
	sh.validate("B5", inRange("viral.seedUsers", "Seed users"))
	sh.validate("B6", inRange("viral.invitesPerUser", "Invites per user"))
	sh.validate("B7", inRange("viral.inviteConversion", "Invite conversion"))
	sh.validate("B8", inRange("viral.cycleDays", "Cycle length in days"))
	sh.validate("B9", list("Invite mode: once or continuous", scenario.InviteOnce, scenario.InviteContinuous))
	sh.validate("B10", inRange("viral.monthlyChurn", "Monthly churn"))

	h := s.HorizonMonths
	cycles := r.Cycles
	lastCycle := firstRow + len(cycles) - 1
	b.viralDerived(sh, s, r, lastCycle)
	b.viralCycles(sh, v, cycles)
	b.viralMonths(sh, v, r, lastCycle)
	b.viralResults(sh, s, r, lastCycle)

	m1, mh := firstRow, firstRow+h-1
	ss.refs[scenario.MetricViralK] = qualify(name, "$B$18")
	ss.refs[scenario.MetricViralClass] = qualify(name, "$B$25")
	for _, m := range []struct {
		key   string
		month int
	}{{scenario.MetricViralActive12, 12}, {scenario.MetricViralActive24, 24}, {scenario.MetricViralActiveHorizon, h}} {
		if m.month <= h {
			ss.refs[m.key] = qualify(name, abs(vActive, m1+m.month-1))
		}
	}
	ss.refs[scenario.MetricViralCumulative] = qualify(name, abs(vCumulative, mh))
	ss.refs[scenario.MetricViralPaidSpend] = qualify(name, "$B$28")
	ss.viralActive = func(m int) string { return qualify(name, abs(vActive, m1+m-1)) }
	ss.at[scenario.MetricViralActiveHorizon] = ss.viralActive
	ss.at[scenario.MetricViralCumulative] = func(m int) string { return qualify(name, abs(vCumulative, m1+m-1)) }
	ss.at[scenario.MetricViralPaidSpend] = func(m int) string {
		return "SUM(" + qualify(name, absRange(vSpend, m1, vSpend, m1+m-1)) + ")"
	}
	for key, col := range map[string]int{refViralNewViral: vNewViral, refViralNewPaid: vNewPaid, refViralActive: vActive, refViralSpend: vSpend} {
		ss.monthly[key] = monthlyRef{sheet: name, col: col, month1: m1}
	}
	ss.cells[refViralChurn] = qualify(name, "$B$10")

	// the cycle table is the loop's working (one row a cycle: hundreds for
	// short cycles); the printout is the inputs and the monthly roll-up
	sh.print = &printSetup{lastCol: vGoal}
	sh.width(1, 1, 36)
	sh.width(2, 2, 15)
	sh.width(3, 4, 2)
	sh.width(vMonth, vMonth, monthWidth)
	sh.width(vNewViral, vGoal, 13)
	sh.width(vCumulative, vCumulative, 14)
	sh.width(vGoal+1, vGoal+1, 3)
	sh.width(cN, cN, 7)
	sh.width(cDay, cCumulative, 12)
	sh.width(cCumulative, cCumulative, 14)
	cats := absRange(vMonth, m1, vMonth, mh)
	sh.chart("A34", lineChart("Active users and cumulative signups", chartWidth(sh, 3), h, cats, []excelize.ChartSeries{
		series(name, abs(vActive, headRow), cats, absRange(vActive, m1, vActive, mh)),
		series(name, abs(vCumulative, headRow), cats, absRange(vCumulative, m1, vCumulative, mh)),
	}, "#,##0"))
	return sh
}

func (b *builder) viralDerived(sh *sheet, s *scenario.Scenario, r *scenario.ViralResult, lastCycle int) {
	st := b.st
	v := s.Viral
	b.section(sh, 16, "Derived")
	b.derived(sh, 17, "Days per month (365.25 / 12)", "DaysPerMonth", "365.25/12", scenario.DaysPerMonth, st.days)
	b.derived(sh, 18, "Viral coefficient K", "ViralK", "InvitesPerUser*InviteConversion", v.K(), st.dec)
	b.derived(sh, 19, "Churn per cycle", "ChurnPerCycle", "1-(1-MonthlyChurn)^(CycleDays/DaysPerMonth)", v.ChurnPerCycle(), st.pct2)
	b.derived(sh, 20, "Paid spend a month", "PaidSpendPerMonth", "PaidUsersPerMonth*PaidCAC", v.PaidSpendPerMonth(), st.money)
	b.derived(sh, 21, "Seed users (capped by market size)", "SeedActive",
		"IF(MarketSize>0,MIN(SeedUsers,MarketSize),SeedUsers)", r.Cycles[0].Active, st.count)
	sh.text(labelCol, 22, "Horizon (months, fixed by the export)", st.label)
	sh.num(valueCol, 22, float64(s.HorizonMonths), st.integer)
	sh.define("Horizon", "$B$22")
}

func (b *builder) viralResults(sh *sheet, s *scenario.Scenario, r *scenario.ViralResult, lastCycle int) {
	st := b.st
	h := s.HorizonMonths
	m1, mh := firstRow, firstRow+h-1
	b.section(sh, 24, "Results")
	b.derived(sh, 25, "K class", "", `IF(ViralK>1+1E-12,"exponential",IF(ViralK>=0.5-1E-12,"sustainable","needs paid acquisition"))`, r.Class, st.textRight)
	var amp any = "unbounded"
	if r.Amplification != nil {
		amp = *r.Amplification
	}
	b.derived(sh, 26, "Amplification 1 / (1 − K)", "", `IF(ViralK<1-1E-12,1/(1-ViralK),"unbounded")`, amp, st.dec)
	var goal any = "not reached"
	if r.GoalMonth != nil {
		goal = float64(*r.GoalMonth)
	}
	gcol := absRange(vGoal, m1, vGoal, mh)
	b.derived(sh, 27, "Month active users reach the goal", "", fmt.Sprintf(`IF(SUM(%s)=0,"not reached",MATCH(1,%s,0))`, gcol, gcol), goal, st.integer)
	b.derived(sh, 28, "Paid acquisition spend", "", fmt.Sprintf("SUM(%s)", absRange(vSpend, m1, vSpend, mh)), r.TotalPaidSpend, st.money)
	var cac any = "n/a"
	if r.EffectiveCAC != nil {
		cac = *r.EffectiveCAC
	}
	newUsers := fmt.Sprintf("(SUM(%s)+SUM(%s))", absRange(vNewViral, m1, vNewViral, mh), absRange(vNewPaid, m1, vNewPaid, mh))
	b.derived(sh, 29, "Effective CAC (spend / all new users)", "", fmt.Sprintf(`IF(%s>0,B28/%s,"n/a")`, newUsers, newUsers), cac, st.money2)
	ok := "OK"
	b.derived(sh, 30, "Cycle rows cover the horizon", "", fmt.Sprintf(
		`IF(INT(Horizon*DaysPerMonth/CycleDays+1E-9)<=MAX(%s),"%s","too few rows: export again")`,
		absRange(cN, firstRow, cN, lastCycle), ok), ok, st.textRight)
	sh.text(labelCol, 31, "Shortening the cycle needs more cycle rows than this export has.", st.note)
}

// viralCycles writes the cycle table, one row per viral cycle (cycle 0 = seed).
func (b *builder) viralCycles(sh *sheet, v scenario.Viral, cycles []scenario.ViralCycle) {
	st := b.st
	b.header(sh, cN, "Cycle", "Day", "Month", "K effective", "Invite base", "New viral", "New paid", "New users", "Churned", "Active", "Cumulative signups")
	cycleMonths := absRange(cMonth, firstRow, cMonth, firstRow+len(cycles)-1)
	newPrev := cycles[0].Active
	// Cell names of this row and the previous one, each built once: a
	// large export writes hundreds of thousands of these rows.
	var cur, prv [cCumulative + 1]string
	for i, c := range cycles {
		r := firstRow + i
		prv = cur
		for col := cN; col <= cCumulative; col++ {
			cur[col] = cellName(col, r)
		}
		sh.num(cN, r, float64(c.N), st.center)
		sh.formula(cDay, r, fmt.Sprintf("%s*CycleDays", cur[cN]), c.Day, st.days)
		sh.formula(cMonth, r, fmt.Sprintf("IF(%[1]s<=0,0,ROUNDUP(%[1]s/DaysPerMonth-1E-9,0))", cur[cDay]), float64(c.Month), st.center)
		if i == 0 {
			sh.formula(cKEff, r, "ViralK", c.KEff, st.dec)
			sh.num(cViral, r, 0, st.count)
			sh.num(cPaid, r, 0, st.count)
			sh.formula(cNew, r, "SeedActive", c.Active, st.count)
			sh.num(cChurned, r, 0, st.count)
			sh.formula(cActive, r, "SeedActive", c.Active, st.count)
			sh.formula(cCumulative, r, "SeedActive", c.CumulativeSignups, st.count)
			continue
		}
		prev := cycles[i-1]
		base := newPrev
		if v.InviteMode == scenario.InviteContinuous {
			base = prev.Active
		}
		sh.formula(cKEff, r, fmt.Sprintf("IF(MarketSize>0,ViralK*MAX(0,1-%s/MarketSize),ViralK)", prv[cCumulative]), c.KEff, st.dec)
		sh.formula(cBase, r, fmt.Sprintf(`IF(InviteMode="continuous",%s,%s)`, prv[cActive], prv[cNew]), base, st.count)
		kb := cur[cKEff] + "*" + cur[cBase]
		room := fmt.Sprintf("MAX(0,MarketSize-%s)", prv[cCumulative])
		sh.formula(cViral, r, fmt.Sprintf("IF(MarketSize>0,MIN(%s,%s),%s)", kb, room, kb), c.NewViral, st.count)
		// a month's paid users split evenly over its cycles, plus those of
		// the months since the previous cycle that held none
		paid := fmt.Sprintf("PaidUsersPerMonth*(MAX(0,%[1]s-%[2]s-1)+1/COUNTIF(%[3]s,%[1]s))",
			cur[cMonth], prv[cMonth], cycleMonths)
		sh.formula(cPaid, r, fmt.Sprintf("IF(MarketSize>0,MIN(%s,%s-%s),%s)", paid, room, cur[cViral], paid), c.NewPaid, st.count)
		sh.formula(cNew, r, fmt.Sprintf("%s+%s", cur[cViral], cur[cPaid]), c.NewViral+c.NewPaid, st.count)
		sh.formula(cChurned, r, fmt.Sprintf("%s*ChurnPerCycle", prv[cActive]), c.Churned, st.count)
		sh.formula(cActive, r, fmt.Sprintf("%s-%s+%s+%s", prv[cActive], cur[cChurned], cur[cViral], cur[cPaid]), c.Active, st.count)
		sh.formula(cCumulative, r, fmt.Sprintf("%s+%s+%s", prv[cCumulative], cur[cViral], cur[cPaid]), c.CumulativeSignups, st.count)
		newPrev = c.NewViral + c.NewPaid
	}
}

// viralMonths writes the monthly roll-up: flows by SUMIFS over the cycles'
// month column, stocks from the month's last cycle.
func (b *builder) viralMonths(sh *sheet, v scenario.Viral, r *scenario.ViralResult, lastCycle int) {
	st := b.st
	b.header(sh, vMonth, "Month", "New viral", "New paid", "Churned", "Active users", "Cumulative signups", "Paid spend", "Goal met")
	months := absRange(cMonth, firstRow, cMonth, lastCycle)
	col := func(c int) string { return absRange(c, firstRow, c, lastCycle) }
	for i, m := range r.Months {
		row := firstRow + i
		mc := "$" + cellName(vMonth, row)
		b.monthCell(sh, vMonth, row, m.Month)
		sh.formula(vNewViral, row, fmt.Sprintf("SUMIFS(%s,%s,%s)", col(cViral), months, mc), m.NewViral, st.count)
		sh.formula(vNewPaid, row, fmt.Sprintf("SUMIFS(%s,%s,%s)", col(cPaid), months, mc), m.NewPaid, st.count)
		sh.formula(vChurned, row, fmt.Sprintf("SUMIFS(%s,%s,%s)", col(cChurned), months, mc), m.Churned, st.count)
		last := fmt.Sprintf(`COUNTIF(%s,"<="&%s)`, months, mc)
		sh.formula(vActive, row, fmt.Sprintf("INDEX(%s,%s)", col(cActive), last), m.Active, st.count)
		sh.formula(vCumulative, row, fmt.Sprintf("INDEX(%s,%s)", col(cCumulative), last), m.CumulativeSignups, st.count)
		sh.formula(vSpend, row, "PaidSpendPerMonth", m.PaidSpend, st.money)
		met := 0.0
		if v.GoalUsers > 0 && m.Active >= v.GoalUsers {
			met = 1
		}
		sh.formula(vGoal, row, fmt.Sprintf("IF(AND(GoalUsers>0,%s>=GoalUsers),1,0)", cellName(vActive, row)), met, st.yesno)
	}
}

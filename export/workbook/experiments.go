package workbook

import (
	"github.com/xuri/excelize/v2"

	"fmt"

	"scaleplan/scenario/experiment"
)

// experimentsName is the name of the backlog sheet.
const experimentsName = "Experiments"

// Columns of the Experiments sheet, one experiment a row from firstRow.
const (
	exName = iota + 1
	exOwner
	exStatus
	exStart
	exEnd
	exMetric
	exHypothesis
	exBaseline // inputs: the design
	exMDE
	exAlpha
	exPower
	exDaily
	exShare
	exVariantRate // the plan
	exExact
	exPerArm
	exTotal
	exDays
	exCV // inputs: the result
	exCC
	exVV
	exVC
	exCRate // the reading
	exVRate
	exLift
	exLow
	exHigh
	exZ
	exP
	exSignificant
	exEarly
	exApplies
	exLast = exApplies
)

var experimentHeads = []string{"Experiment", "Owner", "Status", "Start", "End", "Metric", "Hypothesis",
	"Baseline rate", "Min. detectable effect (relative)", "α (two-sided)", "Power", "Daily visitors", "Variant share",
	"Variant rate to detect", "n per arm (exact)", "Sample size per arm", "Total visitors", "Days",
	"Control visitors", "Control conversions", "Variant visitors", "Variant conversions",
	"Control rate", "Variant rate", "Lift", "Lift 95% low", "Lift 95% high", "z", "p-value", "Significant", "Peeking",
	"Applies to"}

// experimentsSheet writes the plan's experiment backlog (docs/MODELS.md,
// "Growth experiments"): the template fields as text, the design and the
// result as input cells, and the sample size, duration and reading as
// formulas over them, with the engine's numbers cached.
func (b *builder) experimentsSheet(es []experiment.Experiment) *sheet {
	sh := newSheet(experimentsName)
	st := b.st
	b.heading(sh, b.plan.Name+" — Experiments",
		"Blue cells are inputs. Sample size: two-sided two-proportion z-test with pooled variance; lift interval at 95%; p-value of the pooled z-test; "+
			"significant when p < α. Peeking: a running test read before both arms reach the sample size.")
	sh.freezeCol = 1
	sh.heights[headRow] = 45
	for i, h := range experimentHeads {
		sh.text(i+1, headRow, h, st.header)
	}
	sh.width(exName, exName, 24)
	sh.width(exOwner, exMetric, 12)
	sh.width(exHypothesis, exHypothesis, 40)
	sh.width(exBaseline, exLast-1, 11)
	sh.width(exApplies, exApplies, 36)
	sh.fitWide = 2
	for i, e := range es {
		b.experimentRow(sh, firstRow+i, e)
	}
	last := firstRow + max(len(es), 1) - 1
	sh.validate(rng(exBaseline, firstRow, exBaseline, last), openUnitRule("The baseline rate is above 0 and below 1"))
	sh.validate(rng(exAlpha, firstRow, exPower, last), openUnitRule("α and power are above 0 and below 1"))
	sh.validate(rng(exShare, firstRow, exShare, last), openUnitRule("The variant's share is above 0 and below 1"))
	if len(es) == 0 {
		sh.text(exName, firstRow, "The plan lists no experiments.", st.note)
	}
	return sh
}

// openUnitRule accepts decimals strictly between 0 and 1.
func openUnitRule(msg string) *excelize.DataValidation {
	dv := excelize.NewDataValidation(true)
	// Bounds as decimal text: Excel's validation has no strict "between",
	// and excelize would write floats in exponent form.
	_ = dv.SetRange("0.000000000001", "0.999999999999", excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween)
	dv.SetError(excelize.DataValidationErrorStyleStop, "Out of range", msg)
	return dv
}

// experimentRow writes one experiment on row r.
func (b *builder) experimentRow(sh *sheet, r int, e experiment.Experiment) {
	st := b.st
	c := func(col int) string { return cellName(col, r) }
	for col, t := range map[int]string{exName: e.Name, exOwner: e.Owner, exStatus: e.Status, exStart: e.Start, exEnd: e.End, exMetric: e.Metric, exHypothesis: e.Hypothesis} {
		sh.text(col, r, t, st.inText)
	}
	d := e.Design
	sh.num(exBaseline, r, d.BaselineRate, st.inPct)
	sh.num(exMDE, r, d.MinDetectableEffect, st.inPct)
	sh.num(exAlpha, r, d.Alpha, st.inDec)
	sh.num(exPower, r, d.Power, st.inDec)
	sh.num(exDaily, r, d.DailyVisitors, st.inCount)
	sh.num(exShare, r, d.VariantShare, st.inPct)
	size, _ := d.Size() // the plan is valid, so the design sizes
	p1, p2 := c(exBaseline), c(exVariantRate)
	sh.formula(exVariantRate, r, fmt.Sprintf("%s*(1+%s)", p1, c(exMDE)), d.Variant(), st.pct2)
	pBar := fmt.Sprintf("((%s+%s)/2)", p1, p2)
	sh.formula(exExact, r, fmt.Sprintf("(NORMSINV(1-%s/2)*SQRT(2*%s*(1-%s))+NORMSINV(%s)*SQRT(%s*(1-%s)+%s*(1-%s)))^2/(%s-%s)^2",
		c(exAlpha), pBar, pBar, c(exPower), p1, p1, p2, p2, p2, p1), size.Exact, st.dec)
	sh.formula(exPerArm, r, fmt.Sprintf("ROUNDUP(%s,0)", c(exExact)), float64(size.PerArm), st.count)
	sh.formula(exTotal, r, fmt.Sprintf("ROUNDUP(%s/MIN(%s,1-%s),0)", c(exPerArm), c(exShare), c(exShare)), float64(size.Total), st.count)
	var days any = ""
	if size.Days != nil {
		days = float64(*size.Days)
	}
	sh.formula(exDays, r, fmt.Sprintf(`IF(%s>0,ROUNDUP(%s/%s,0),"")`, c(exDaily), c(exTotal), c(exDaily)), days, st.count)
	sh.text(exApplies, r, b.appliesTo(e), st.text)
	if e.Result == nil {
		return
	}
	o := *e.Result
	sh.num(exCV, r, float64(o.ControlVisitors), st.inCount)
	sh.num(exCC, r, float64(o.ControlConversions), st.inCount)
	sh.num(exVV, r, float64(o.VariantVisitors), st.inCount)
	sh.num(exVC, r, float64(o.VariantConversions), st.inCount)
	b.readingCells(sh, r, e)
}

// readingCells writes the reading of row r's result as formulas. Without
// control conversions the lift and its interval read "n/a".
func (b *builder) readingCells(sh *sheet, r int, e experiment.Experiment) {
	st := b.st
	c := func(col int) string { return cellName(col, r) }
	o := *e.Result
	read, err := e.Read()
	nc, nv := float64(o.ControlVisitors), float64(o.VariantVisitors)
	pc, pv := float64(o.ControlConversions)/nc, float64(o.VariantConversions)/nv
	lift := func(v float64) any {
		if err != nil {
			return "n/a"
		}
		return v
	}
	sh.formula(exCRate, r, fmt.Sprintf("%s/%s", c(exCC), c(exCV)), pc, st.pct2)
	sh.formula(exVRate, r, fmt.Sprintf("%s/%s", c(exVC), c(exVV)), pv, st.pct2)
	rc, rv := c(exCRate), c(exVRate)
	half := fmt.Sprintf("NORMSINV(0.975)*SQRT(%s*(1-%s)/%s+%s*(1-%s)/%s)", rc, rc, c(exCV), rv, rv, c(exVV))
	guard := func(f string) string { return fmt.Sprintf(`IF(%s>0,%s,"n/a")`, c(exCC), f) }
	sh.formula(exLift, r, guard(fmt.Sprintf("(%s-%s)/%s", rv, rc, rc)), lift(read.Lift), st.pct)
	sh.formula(exLow, r, guard(fmt.Sprintf("(%s-%s-%s)/%s", rv, rc, half, rc)), lift(read.LiftLow), st.pct)
	sh.formula(exHigh, r, guard(fmt.Sprintf("(%s-%s+%s)/%s", rv, rc, half, rc)), lift(read.LiftHigh), st.pct)
	pooled := fmt.Sprintf("((%s+%s)/(%s+%s))", c(exCC), c(exVC), c(exCV), c(exVV))
	se := fmt.Sprintf("SQRT(%s*(1-%s)*(1/%s+1/%s))", pooled, pooled, c(exCV), c(exVV))
	z, p := experiment.ZTest(o)
	sh.formula(exZ, r, fmt.Sprintf("IF(%s>0,(%s-%s)/%s,0)", se, rv, rc, se), z, st.dec)
	sh.formula(exP, r, fmt.Sprintf("IF(%s>0,2*NORMSDIST(-ABS(%s)),1)", se, c(exZ)), p, st.pct2)
	sig := "no"
	if p < e.Alpha {
		sig = "yes"
	}
	sh.formula(exSignificant, r, fmt.Sprintf(`IF(%s<%s,"yes","no")`, c(exP), c(exAlpha)), sig, st.center)
	early := ""
	if e.Peeking().Early {
		early = "read early"
	}
	sh.formula(exEarly, r, fmt.Sprintf(`IF(AND(%s="%s",MIN(%s,%s)<%s),"read early","")`, c(exStatus), experiment.StatusRunning, c(exCV), c(exVV), c(exPerArm)), early, st.center)
}

// appliesTo names the scenario and input a win applies to, or "".
func (b *builder) appliesTo(e experiment.Experiment) string {
	if e.AppliesTo == nil {
		return ""
	}
	name := e.AppliesTo.ScenarioID
	for _, s := range b.plan.Scenarios {
		if s.ID == e.AppliesTo.ScenarioID {
			name = s.Name
		}
	}
	return name + " › " + e.AppliesTo.Input
}

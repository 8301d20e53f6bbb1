package workbook

import (
	"fmt"

	"scaleplan/scenario"
)

// summary writes the comparison sheet: every metric of scenario.Metrics for
// the compared scenarios (Options.Compare, else all), taken at their common
// month (scenario.CompareScenarios: the shortest horizon, as the app's
// Compare), linked to the module sheets where the figure lives (or a
// formula over their monthly columns when a scenario runs longer), with
// absolute and relative deltas against the first of them, the baseline, as
// formulas.
func (b *builder) summary(results []*scenario.Result, sheets []scenarioSheets) error {
	sh := newSheet(summaryName)
	st := b.st
	p := b.plan
	order := b.compared()
	sh.text(1, 1, p.Name+" — scenario comparison", st.title)
	base := "the first scenario"
	if len(order) > 0 {
		base = p.Scenarios[order[0]].Name
	}
	sh.text(1, 2, fmt.Sprintf("Amounts in %s. Figures link to the module sheets; Δ compares each scenario with “%s”.", p.Currency, base), st.subtitle)
	ss, rs := make([]*scenario.Scenario, len(order)), make([]*scenario.Result, len(order))
	for k, i := range order {
		ss[k], rs[k] = &p.Scenarios[i], results[i]
	}
	cmp := scenario.CompareScenarios(ss, rs)
	sh.text(1, 3, commonMonthNote(cmp), st.subtitle)
	sh.freezeRow, sh.freezeCol = headRow, 1
	sh.text(1, headRow, "Metric", st.headerLeft)
	keys, labels, units := metricRows(cmp.Metrics)
	col := func(k int) int { return 2 + max(3*k-2, 0) } // value column of the k-th compared scenario
	for k, i := range order {
		sh.text(col(k), headRow, p.Scenarios[i].Name, st.header)
		sh.text(col(k), 3, fmt.Sprintf("%d-month horizon", cmp.Horizons[k]), st.center)
		if k > 0 {
			sh.text(col(k)+1, headRow, "Δ", st.header)
			sh.text(col(k)+2, headRow, "Δ %", st.header)
		}
	}
	for r, key := range keys {
		rw := firstRow + r
		sh.text(1, rw, labels[r], st.label)
		for k, i := range order {
			m, ok := findMetric(cmp.Metrics[k], key)
			b.metricCell(sh, col(k), rw, m, ok, sheets[i].refAt(key, cmp.Horizons[k], cmp.Month), units[r])
			if k > 0 {
				bm, bok := findMetric(cmp.Metrics[0], key)
				b.deltaCells(sh, col(k), col(0), rw, bm, m, bok && ok, units[r])
			}
		}
	}
	notes := firstRow + len(keys) + 1
	sh.text(1, notes, "Notes", st.sectionTop)
	for k, i := range order {
		sh.text(col(k), notes, p.Scenarios[i].Notes, st.wrapNote)
	}
	sh.heights[notes] = 75
	sh.width(1, 1, 34)
	sh.width(2, col(len(order)-1)+2, 21)
	for i := 1; i < len(order); i++ {
		sh.widths[col(i)+1] = 12
		sh.widths[col(i)+2] = 8
	}
	return b.addFirst(sh)
}

// commonMonthNote says at which month the Summary compares the scenarios.
func commonMonthNote(c scenario.Comparison) string {
	if !c.Unequal() {
		return fmt.Sprintf("Every scenario runs %d months; figures “at horizon” and totals are at month %d.", c.Month, c.Month)
	}
	return fmt.Sprintf("Compared at month %d, the shortest horizon: figures “at horizon” are at month %d and totals run over months 1–%d, also for scenarios that run longer (their own sheets go on to their horizon).", c.Month, c.Month, c.Month)
}

// refAt is the reference or formula of a metric's value at month m of a
// scenario whose horizon is h (m ≤ h): the module sheet's cell at the
// horizon, or a formula over its monthly columns before it.
func (ss scenarioSheets) refAt(key string, h, m int) string {
	if f, ok := ss.at[key]; ok && m < h {
		return f(m)
	}
	return ss.refs[key]
}

// addFirst writes the Summary into the placeholder first sheet.
func (b *builder) addFirst(sh *sheet) error {
	return b.add(sh)
}

// metricRows lists the metric keys of all scenarios in first-seen order.
func metricRows(all [][]scenario.Metric) (keys, labels []string, units []scenario.Unit) {
	seen := map[string]bool{}
	for _, ms := range all {
		for _, m := range ms {
			if !seen[m.Key] {
				seen[m.Key] = true
				keys, labels, units = append(keys, m.Key), append(labels, m.Label), append(units, m.Unit)
			}
		}
	}
	return keys, labels, units
}

func findMetric(ms []scenario.Metric, key string) (scenario.Metric, bool) {
	for _, m := range ms {
		if m.Key == key {
			return m, true
		}
	}
	return scenario.Metric{}, false
}

func (b *builder) unitStyle(u scenario.Unit) int {
	switch u {
	case scenario.UnitMoney:
		return b.st.money
	case scenario.UnitCount:
		return b.st.count
	case scenario.UnitRatio:
		return b.st.dec
	case scenario.UnitMonth:
		return b.st.integer
	}
	return b.st.textRight
}

// metricCell writes a scenario's metric: a link to its module sheet when
// there is one, else the value, or "—" where it does not exist.
func (b *builder) metricCell(sh *sheet, c, r int, m scenario.Metric, ok bool, ref string, u scenario.Unit) {
	style := b.unitStyle(u)
	var cached any = "—"
	if ok && m.OK {
		cached = m.Value
		if u == scenario.UnitText {
			cached = m.Text
		}
	} else if ok && u == scenario.UnitMonth {
		cached = "not reached"
	}
	if ref != "" && ok && (m.OK || u == scenario.UnitMonth) {
		sh.formula(c, r, ref, cached, style)
		return
	}
	if v, isNum := cached.(float64); isNum {
		sh.num(c, r, v, style)
		return
	}
	sh.text(c, r, cached.(string), style)
}

// deltaCells writes Δ and Δ% of the metric in column c against column bc.
func (b *builder) deltaCells(sh *sheet, c, bc, r int, base, m scenario.Metric, ok bool, u scenario.Unit) {
	if u == scenario.UnitText {
		return
	}
	x, bx := cellName(c, r), abs(bc, r)
	d := scenario.Compare(base, m)
	var abs_, rel any = "", ""
	if ok && d.OK {
		abs_ = d.Abs
		if d.RelOK {
			rel = d.Rel
		}
	}
	both := fmt.Sprintf("AND(ISNUMBER(%s),ISNUMBER(%s))", x, bx)
	sh.formula(c+1, r, fmt.Sprintf(`IF(%s,%s-%s,"")`, both, x, bx), abs_, b.unitStyle(u))
	if u == scenario.UnitMonth {
		return // a difference of months is a number of months, never a percentage
	}
	sh.formula(c+2, r, fmt.Sprintf(`IF(%s,IF(%s<>0,(%s-%s)/ABS(%s),""),"")`, both, bx, x, bx, bx), rel, b.st.pct)
}

// compared returns the indexes of the scenarios the Summary lists: those of
// Options.Compare that exist, each once, or else every scenario.
func (b *builder) compared() []int {
	var out []int
	seen := map[int]bool{}
	for _, i := range b.opt.Compare {
		if i >= 0 && i < len(b.plan.Scenarios) && !seen[i] {
			seen[i] = true
			out = append(out, i)
		}
	}
	if len(out) == 0 {
		for i := range b.plan.Scenarios {
			out = append(out, i)
		}
	}
	return out
}

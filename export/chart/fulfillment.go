package chart

import (
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"scaleplan/scenario"
)

// fulfillmentResult returns the scenario's fulfillment inputs and result,
// or the module-off error.
func (c *ctx) fulfillmentResult() (*scenario.Fulfillment, *scenario.FulfillmentResult, error) {
	s, r := c.scenario()
	if !s.Fulfillment.Enabled || r.Fulfillment == nil {
		return nil, nil, moduleOff("fulfillment module")
	}
	if len(s.Fulfillment.Models) == 0 {
		return nil, nil, errNoModels
	}
	return &s.Fulfillment, r.Fulfillment, nil
}

var errNoModels = EmptyError("No fulfillment models yet: add one on the left to compare their costs.")

// EmptyError says, in words for a person, that a panel has nothing to draw
// yet and what to do about it. Screens show it as it is.
type EmptyError string

func (e EmptyError) Error() string { return string(e) }

// costPerOrder: cost per order of every model against monthly volume on a
// log axis (solid while feasible, dashed beyond capacity), the scenario's
// volume range shaded, break-evens on the cheapest envelope and the
// rule-of-thumb thresholds.
func costPerOrder(c *ctx) error {
	f, fr, err := c.fulfillmentResult()
	if err != nil {
		return err
	}
	c.title("Cost per order by volume")
	lo, hi := volumeRange(f, fr)
	c.p.X.Scale = plot.LogScale{}
	c.p.X.Min, c.p.X.Max, c.xFixed, c.logX = lo, hi, true, true
	c.p.X.Tick.Marker = logTicks(lo, hi)
	c.p.X.Label.Text = "orders / month (log scale)"
	c.moneyAxis("cost per order")
	c.decadeGrid(lo, hi)
	c.volumeBand(fr)
	for i, m := range f.Models {
		c.modelCurve(i, m, lo, hi)
	}
	c.fixY(0, cpoCeiling(f.Models, envelopeBreakEvens(f.Models, fr.BreakEvens)))
	c.thresholdLines(f, fr)
	return nil
}

// volumeRange is the log axis range: whole decades around the volumes,
// thresholds, break-evens and capacities, at least two decades wide.
func volumeRange(f *scenario.Fulfillment, fr *scenario.FulfillmentResult) (float64, float64) {
	var vs []float64
	for _, m := range fr.Months {
		vs = append(vs, m.Orders)
	}
	vs = append(vs, f.RuleOfThumb...)
	for _, b := range fr.BreakEvens {
		vs = append(vs, b.Orders)
	}
	for _, m := range f.Models {
		vs = append(vs, m.Capacity)
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range vs {
		if v > 0 && finite(v) {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	if math.IsInf(lo, 0) {
		return 1, 1e4
	}
	lo = math.Pow(10, math.Floor(math.Log10(lo*0.9)))
	hi = math.Pow(10, math.Ceil(math.Log10(hi*1.1)))
	if hi/lo < 100 {
		hi = lo * 100
	}
	return math.Max(lo, 1e-3), math.Min(hi, 1e13)
}

// decadeGrid draws vertical grid lines at the powers of ten.
func (c *ctx) decadeGrid(lo, hi float64) {
	var ls []vline
	for v := lo * 10; v < hi*(1-1e-9); v *= 10 {
		ls = append(ls, vline{X: v, Style: draw.LineStyle{Color: c.th.Grid, Width: 0.6}})
	}
	c.add(&vlines{Lines: ls})
}

// volumeBand shades the range of monthly volumes the scenario goes through.
func (c *ctx) volumeBand(fr *scenario.FulfillmentResult) {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, m := range fr.Months {
		if m.Orders > 0 && finite(m.Orders) {
			lo, hi = math.Min(lo, m.Orders), math.Max(hi, m.Orders)
		}
	}
	if math.IsInf(lo, 0) {
		return
	}
	b := &band{X0: lo, X1: math.Max(hi, lo*1.02), Color: c.th.tint(c.th.Foreground, 0.06)}
	c.behind = append(c.behind, b)
	c.key("volumes in this scenario", swatch{Color: c.th.tint(c.th.Foreground, 0.16)})
}

// samples is the number of points per cost curve.
const samples = 120

// modelCurve draws model i's cost per order: solid up to its capacity,
// thin and dashed beyond, with a ring at the capacity.
func (c *ctx) modelCurve(i int, m scenario.FulfillmentModel, lo, hi float64) {
	var ok, over plotter.XYs
	for k := 0; k <= samples; k++ {
		v := lo * math.Pow(hi/lo, float64(k)/samples)
		if m.Capacity > 0 && v > m.Capacity && len(ok) > 0 && ok[len(ok)-1].X < m.Capacity {
			cap := plotter.XY{X: m.Capacity, Y: m.CostPerOrder(m.Capacity)}
			ok, over = append(ok, cap), append(over, cap)
		}
		pt := plotter.XY{X: v, Y: m.CostPerOrder(v)}
		if !finite(pt.Y) {
			continue
		}
		if m.Feasible(v) {
			ok = append(ok, pt)
		} else {
			over = append(over, pt)
		}
	}
	clr := c.th.color(i)
	label := m.Name
	if len(ok) > 1 {
		l := c.line(ok, clr, 2)
		c.add(l)
		c.key(label, l)
	}
	if len(over) > 1 {
		d := c.line(over, clr, 1)
		d.Dashes = []vg.Length{3, 3}
		c.add(d)
		if len(ok) <= 1 {
			c.key(label+" (over capacity)", d)
		}
	}
	if m.Capacity > 0 && m.Capacity >= lo && m.Capacity <= hi {
		sc, err := plotter.NewScatter(plotter.XYs{{X: m.Capacity, Y: m.CostPerOrder(m.Capacity)}})
		if err == nil {
			sc.GlyphStyle = draw.GlyphStyle{Color: clr, Radius: c.fs * 0.35, Shape: draw.RingGlyph{}}
			c.add(sc)
			c.add(&note{X: m.Capacity, Y: m.CostPerOrder(m.Capacity),
				Label: "max " + scenario.FormatCompact(m.Capacity), Text: c.text(0.8, clr), DX: 0.5, DY: 0.4})
		}
	}
}

// envelopeBreakEvens keeps the break-evens where the two models are the
// cheapest feasible ones: the volumes at which the best choice changes.
func envelopeBreakEvens(models []scenario.FulfillmentModel, bes []scenario.BreakEven) []scenario.BreakEven {
	byName := map[string]scenario.FulfillmentModel{}
	for _, m := range models {
		byName[m.Name] = m
	}
	var out []scenario.BreakEven
	for _, b := range bes {
		a, z := byName[b.From], byName[b.To]
		v := b.Orders
		if !(v > 0) || !a.Feasible(v) || !z.Feasible(v) {
			continue
		}
		cost := a.Cost(v)
		best := true
		for _, m := range models {
			if m.Feasible(v) && m.Cost(v) < cost-1e-9*math.Max(1, math.Abs(cost)) {
				best = false
			}
		}
		if best {
			out = append(out, b)
		}
	}
	return out
}

// cpoCeiling is the top of the cost-per-order axis: room for every model's
// per-order cost and the break-even points, without letting the fixed cost
// at tiny volumes flatten the interesting part.
func cpoCeiling(models []scenario.FulfillmentModel, bes []scenario.BreakEven) float64 {
	top := 0.0
	for _, m := range models {
		top = math.Max(top, 3*m.PerOrder)
	}
	for _, b := range bes {
		for _, m := range models {
			if m.Name == b.From {
				top = math.Max(top, 1.6*m.CostPerOrder(b.Orders))
			}
		}
	}
	if !(top > 0) || !finite(top) {
		top = 1
	}
	return top
}

// thresholdLines draws the break-evens (labelled at the top) and the rule
// of thumb's thresholds (labelled at the bottom).
func (c *ctx) thresholdLines(f *scenario.Fulfillment, fr *scenario.FulfillmentResult) {
	var ls []vline
	be := draw.LineStyle{Color: c.th.Foreground, Width: 0.9, Dashes: []vg.Length{5, 2.5}}
	rt := draw.LineStyle{Color: c.th.muted(), Width: 0.9, Dashes: []vg.Length{1.2, 2.4}}
	txt := c.text(0.8, c.th.Foreground)
	for _, b := range envelopeBreakEvens(f.Models, fr.BreakEvens) {
		ls = append(ls, vline{X: b.Orders, Style: be, Top: true, Text: txt,
			Label: "break-even " + scenario.FormatCompact(b.Orders)})
	}
	for _, t := range f.RuleOfThumb {
		if t > 0 {
			ls = append(ls, vline{X: t, Style: rt, Text: c.text(0.8, c.th.subtle()),
				Label: "rule " + scenario.FormatCompact(t)})
		}
	}
	c.add(&vlines{Lines: ls, Back: c.th.Background})
	c.key("break-even", lineThumb(be))
	if len(f.RuleOfThumb) > 0 {
		c.key("rule of thumb", lineThumb(rt))
	}
}

// lineThumb is a legend thumbnail of a line style.
type lineThumb draw.LineStyle

// Thumbnail implements plot.Thumbnailer.
func (l lineThumb) Thumbnail(c *draw.Canvas) {
	y := c.Center().Y
	c.StrokeLine2(draw.LineStyle(l), c.Min.X, y, c.Max.X, y)
}

// fulfillmentMonthly: the monthly cost of the recommended plan and of the
// rule-of-thumb plan along the horizon, setup costs in the month they are
// paid (so the lines add up to the totals in the legend), the recommended
// switches marked.
func fulfillmentMonthly(c *ctx) error {
	f, fr, err := c.fulfillmentResult()
	if err != nil {
		return err
	}
	c.title("Monthly fulfillment cost, setups included")
	c.monthAxis(len(fr.Months))
	c.moneyAxis("cost / month")
	var rec, rule plotter.XYs
	for _, m := range fr.Months {
		x := float64(m.Month) - 0.5
		rec = append(rec, plotter.XY{X: x, Y: clean(m.PlannedCost + m.PlannedSetup)})
		rule = append(rule, plotter.XY{X: x, Y: clean(m.RuleCost + m.RuleSetup)})
	}
	money := moneyFormat(c.currency())
	rl := c.line(rule, c.th.color(1), 1.3)
	rl.Dashes = []vg.Length{5, 3}
	pl := c.line(rec, c.th.color(0), 2.2)
	c.switchLines(f, fr)
	c.spread(scenario.OutputPlannedCost, len(fr.Months), -0.5, c.th.color(0))
	c.add(pl, rl)
	c.key("recommended plan, "+money(fr.TotalCost)+" in total", pl)
	if samePlan(fr) {
		c.key("rule of thumb: the same plan", rl)
	} else {
		c.key("rule of thumb, "+money(fr.RuleOfThumbCost), rl)
	}
	c.yHead = 0.14
	return nil
}

// switchLines marks the months the recommended plan adopts a model.
func (c *ctx) switchLines(f *scenario.Fulfillment, fr *scenario.FulfillmentResult) {
	var ls []vline
	sty := draw.LineStyle{Color: c.th.muted(), Width: 0.8, Dashes: []vg.Length{2, 2}}
	for _, s := range fr.Switches {
		ls = append(ls, vline{X: float64(s.Month) - 0.5, Style: sty, Top: true, Text: c.text(0.8, c.th.Foreground),
			Label: s.Model + " from month " + scenario.FormatCount(float64(s.Month))})
	}
	rs := draw.LineStyle{Color: c.th.tint(c.th.color(1), 0.6), Width: 0.8, Dashes: []vg.Length{2, 2}}
	same := map[scenario.Switch]bool{}
	for _, s := range fr.Switches {
		same[s] = true
	}
	for _, s := range fr.RuleSwitches {
		if s.Month > 1 && !same[s] {
			ls = append(ls, vline{X: float64(s.Month) - 0.5, Style: rs, Text: c.text(0.8, c.th.subtle()),
				Label: "rule: " + s.Model + " from month " + scenario.FormatCount(float64(s.Month))})
		}
	}
	c.add(&vlines{Lines: ls, Back: c.th.Background})
}

// samePlan reports whether the rule of thumb picks the recommended plan.
func samePlan(fr *scenario.FulfillmentResult) bool {
	for _, m := range fr.Months {
		if m.PlannedIdx != m.RuleOfThumbIdx {
			return false
		}
	}
	return true
}

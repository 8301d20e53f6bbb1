package chart

import (
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"scaleplan/scenario"
)

// financeResult returns the scenario's finance inputs and result, or the
// module-off error.
func (c *ctx) financeResult() (*scenario.Finance, *scenario.FinanceResult, error) {
	s, r := c.scenario()
	if !s.Finance.Enabled || r.Finance == nil {
		return nil, nil, moduleOff("finance module")
	}
	return &s.Finance, r.Finance, nil
}

// cashLine is cash from month 0 (the starting cash) to the horizon.
func cashLine(f *scenario.Finance, fr *scenario.FinanceResult) plotter.XYs {
	xys := plotter.XYs{{X: 0, Y: clean(f.StartingCash)}}
	for _, m := range fr.Months {
		xys = append(xys, plotter.XY{X: float64(m.Month), Y: clean(m.Cash)})
	}
	return xys
}

// financeCash: cash over the horizon against the zero line (and the cash
// buffer), with each funding round marked and the month cash runs out
// flagged.
func financeCash(c *ctx) error {
	f, fr, err := c.financeResult()
	if err != nil {
		return err
	}
	c.title("Cash")
	c.monthAxis(len(fr.Months))
	c.moneyAxis("cash")
	money := moneyFormat(c.currency())
	cl := c.line(cashLine(f, fr), c.th.color(0), 2.2)
	if !c.spread(scenario.OutputCash, len(fr.Months), 0, c.th.color(0)) {
		cl.FillColor = c.th.tint(c.th.color(0), 0.14)
	}
	c.add(cl) // under the reference lines and their labels
	c.add(&hline{Y: 0, Style: draw.LineStyle{Color: c.th.Foreground, Width: 1}})
	if f.MinCashBuffer > 0 {
		sty := draw.LineStyle{Color: c.th.muted(), Width: c.lw() * 0.8, Dashes: []vg.Length{4, 3}}
		c.add(&hline{Y: f.MinCashBuffer, Style: sty, Label: "buffer " + money(f.MinCashBuffer), Text: c.text(0.85, c.th.subtle()), Left: true, Back: c.th.Background})
	}
	c.key("cash", cl)
	var ls []vline
	round := draw.LineStyle{Color: c.th.color(2), Width: 0.9, Dashes: []vg.Length{2, 2}}
	for _, r := range f.FundingRounds {
		ls = append(ls, vline{X: float64(r.Month), Style: round, Top: true, Text: c.text(0.8, c.th.Foreground),
			Label: r.Name + " " + money(r.Amount)})
	}
	if len(f.FundingRounds) > 0 {
		c.key("funding round", lineThumb(round))
	}
	if fr.CashOutMonth != nil {
		out := draw.LineStyle{Color: c.th.color(3), Width: 1.4}
		ls = append(ls, vline{X: float64(*fr.CashOutMonth), Style: out, Text: c.text(0.85, c.th.color(3)),
			Label: "cash runs out · " + c.monthName(*fr.CashOutMonth)})
		sc, _ := plotter.NewScatter(plotter.XYs{{X: float64(*fr.CashOutMonth), Y: clean(fr.Months[*fr.CashOutMonth-1].Cash)}})
		sc.GlyphStyle = draw.GlyphStyle{Color: c.th.color(3), Radius: c.fs * 0.4, Shape: draw.CircleGlyph{}}
		c.add(sc)
		c.key("cash runs out", lineThumb(out))
	}
	c.add(&vlines{Lines: ls, Back: c.th.Background})
	c.yFloor = true
	c.yHead = 0.16
	return nil
}

// costCategory is one stacked layer of the flows chart.
type costCategory struct {
	label string
	get   func(m scenario.FinanceMonth) float64
}

var costCategories = []costCategory{
	{"cost of revenue", func(m scenario.FinanceMonth) float64 { return m.COGS }},
	{"sales team", func(m scenario.FinanceMonth) float64 { return m.Costs.SalesTeam }},
	{"paid acquisition", func(m scenario.FinanceMonth) float64 { return m.Costs.PaidAcquisition }},
	{"referral rewards", func(m scenario.FinanceMonth) float64 { return m.Costs.ReferralRewards }},
	{"fulfillment", func(m scenario.FinanceMonth) float64 { return m.Costs.Fulfillment }},
	{"market entry", func(m scenario.FinanceMonth) float64 { return m.Costs.MarketEntry }},
	{"other", func(m scenario.FinanceMonth) float64 { return m.Costs.Other }},
}

// financeFlows: each month's costs as bars stacked by category (cost of
// revenue first) against revenue as a line; categories that are zero all
// along are left out of the legend.
func financeFlows(c *ctx) error {
	_, fr, err := c.financeResult()
	if err != nil {
		return err
	}
	c.title("Revenue and costs a month")
	h := len(fr.Months)
	c.monthAxis(h)
	c.moneyAxis("per month")
	w := barWidth(h)
	base := make([]float64, h)
	var layers []*bars
	var labels []string
	for k, cat := range costCategories {
		vals := make([]float64, h)
		any := false
		for i, m := range fr.Months {
			vals[i] = clean(cat.get(m))
			any = any || vals[i] != 0
		}
		if !any {
			continue
		}
		b := &bars{Values: vals, Base: append([]float64(nil), base...), X0: 0.5, DX: 1, Width: w, Color: c.th.tint(c.th.color(k+1), 0.85)}
		for i := range base {
			base[i] += vals[i]
		}
		layers, labels = append(layers, b), append(labels, cat.label)
	}
	var rev plotter.XYs
	for _, m := range fr.Months {
		rev = append(rev, plotter.XY{X: float64(m.Month) - 0.5, Y: clean(m.Revenue.Total())})
	}
	rl := c.line(rev, c.th.color(0), 2.4)
	for _, b := range layers {
		c.add(b)
	}
	c.add(rl)
	c.key("revenue", rl)
	for i := len(layers) - 1; i >= 0; i-- {
		c.key(labels[i], layers[i])
	}
	c.yHead = 0.05
	return nil
}

// compareCash overlays cash across scenarios, with the zero line.
func compareCash(c *ctx) error {
	c.moneyAxis("cash")
	c.add(&hline{Y: 0, Style: draw.LineStyle{Color: c.th.Foreground, Width: 1}})
	return c.compare("Cash by scenario", "finance module", scenario.OutputCash, 0, func(s *scenario.Scenario, r *scenario.Result) (plotter.XYs, bool) {
		if !s.Finance.Enabled || r.Finance == nil {
			return nil, false
		}
		return cashLine(&s.Finance, r.Finance), true
	})
}

// monthName dates model month m on the plan's calendar: "May 2027".
func (c *ctx) monthName(m int) string { return c.in.Plan.Calendar().Label(m) }

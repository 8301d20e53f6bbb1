package chart

import (
	"image/color"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"scaleplan/scenario"
)

// salesResult returns the scenario's sales inputs and result, or the
// module-off error.
func (c *ctx) salesResult() (*scenario.Sales, *scenario.SalesResult, error) {
	s, r := c.scenario()
	if !s.Sales.Enabled || r.Sales == nil {
		return nil, nil, moduleOff("sales module")
	}
	return &s.Sales, r.Sales, nil
}

// salesARR: ARR by month over alternating bands, one per stage in force,
// labelled with the stage's name, and new ARR a month as bars.
func salesARR(c *ctx) error {
	s, sr, err := c.salesResult()
	if err != nil {
		return err
	}
	c.title("ARR by sales stage")
	h := len(sr.Months)
	c.monthAxis(h)
	c.moneyAxis("ARR")
	c.stageBands(sr.Months)
	arr := plotter.XYs{{X: 0, Y: clean(s.StartingARR)}}
	newARR := make([]float64, h)
	for i, m := range sr.Months {
		arr = append(arr, plotter.XY{X: float64(m.Month), Y: clean(m.ARR)})
		newARR[i] = clean(m.NewARR)
	}
	nb := &bars{X0: 0.5, DX: 1, Width: barWidth(h), Color: c.th.tint(c.th.color(1), 0.85)}
	c.secondaryBars(nb, newARR, "new ARR / month ("+c.currency()+")", moneyFormat(c.currency()), 0.3)
	al := c.line(arr, c.th.color(0), 2.2)
	c.spread(scenario.OutputARR, h, 0, c.th.color(0))
	c.add(al)
	c.key("ARR (left axis)", al)
	c.key("new ARR in the month (right axis)", nb)
	c.yHead = 0.12 // room for the stage labels
	return nil
}

// stageBands shades each run of months spent in one stage.
func (c *ctx) stageBands(months []scenario.SalesMonth) {
	start := 0
	shade := []color.Color{c.th.tint(c.th.color(0), 0.05), c.th.tint(c.th.color(0), 0.12)}
	k := 0
	for i := range months {
		if i+1 < len(months) && months[i+1].StageIdx == months[start].StageIdx {
			continue
		}
		c.behind = append(c.behind, &band{X0: float64(start), X1: float64(i + 1), Color: shade[k%2],
			Label: months[start].Stage, Style: c.text(0.85, c.th.subtle())})
		start, k = i+1, k+1
	}
}

// salesHeads: heads by role stacked month by month (a month's heads
// hold through it), and ramped-AE equivalents as a dashed line.
func salesHeads(c *ctx) error {
	_, sr, err := c.salesResult()
	if err != nil {
		return err
	}
	c.title("Sales team")
	h := len(sr.Months)
	c.monthAxis(h)
	c.p.Y.Label.Text = "heads"
	c.yFormat, c.yInt = scenario.FormatCount, true
	roles := []struct {
		name string
		clr  int
		get  func(scenario.SalesMonth) int
	}{
		{"AEs", 0, func(m scenario.SalesMonth) int { return m.AEs }},
		{"SDRs", 1, func(m scenario.SalesMonth) int { return m.SDRs }},
		{"VP Sales", 2, func(m scenario.SalesMonth) int { return m.VP }},
		{"managers", 4, func(m scenario.SalesMonth) int { return m.Managers }},
	}
	base := make([]float64, h)
	for _, r := range roles {
		vals := make([]float64, h)
		any := false
		for i, m := range sr.Months {
			vals[i] = float64(r.get(m))
			any = any || vals[i] > 0
		}
		b := &bars{Values: vals, Base: append([]float64(nil), base...), X0: 0.5, DX: 1, Width: 1,
			Color: c.th.tint(c.th.color(r.clr), 0.8)}
		for i := range base {
			base[i] += vals[i]
		}
		if any {
			c.add(b)
			c.key(r.name, b)
		}
	}
	var ramped plotter.XYs
	for _, m := range sr.Months {
		ramped = append(ramped, plotter.XY{X: float64(m.Month) - 0.5, Y: clean(m.RampedAEs)})
	}
	rl := c.line(ramped, c.th.Foreground, 1.1)
	rl.Dashes = []vg.Length{3, 2.5}
	c.add(rl)
	c.key("ramped-AE equivalents", rl)
	c.yHead = 0.05
	return nil
}

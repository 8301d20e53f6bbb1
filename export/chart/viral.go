package chart

import (
	"fmt"
	"math"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"scaleplan/scenario"
)

// viralResult returns the scenario's viral result, or the module-off error.
func (c *ctx) viralResult() (*scenario.Viral, *scenario.ViralResult, error) {
	s, r := c.scenario()
	if !s.Viral.Enabled || r.Viral == nil {
		return nil, nil, moduleOff("viral loop module")
	}
	return &s.Viral, r.Viral, nil
}

// viralGrowth: active users (filled) and cumulative signups from month 0
// (the seed users), the goal as a dashed line and the month it is reached.
func viralGrowth(c *ctx) error {
	v, vr, err := c.viralResult()
	if err != nil {
		return err
	}
	c.title("Users")
	c.monthAxis(len(vr.Months))
	c.p.Y.Label.Text = "users"
	active := plotter.XYs{{X: 0, Y: clean(v.SeedUsers)}}
	cum := plotter.XYs{{X: 0, Y: clean(v.SeedUsers)}}
	for _, m := range vr.Months {
		active = append(active, plotter.XY{X: float64(m.Month), Y: clean(m.Active)})
		cum = append(cum, plotter.XY{X: float64(m.Month), Y: clean(m.CumulativeSignups)})
	}
	cl := c.line(cum, c.th.color(1), 1.6)
	al := c.line(active, c.th.color(0), 2)
	h := len(vr.Months)
	banded := c.spread(scenario.OutputSignups, h, 0, c.th.color(1))
	if !c.spread(scenario.OutputActive, h, 0, c.th.color(0)) && !banded {
		al.FillColor = c.th.tint(c.th.color(0), 0.16)
	}
	c.add(al, cl)
	c.key("active users", al)
	c.key("cumulative signups", cl)
	c.yHead = 0.04
	if v.GoalUsers > 0 && finite(v.GoalUsers) {
		c.goal(v.GoalUsers, vr.GoalMonth)
	}
	return nil
}

// goal draws the goal line and marks the month active users reach it.
func (c *ctx) goal(goal float64, month *int) {
	sty := draw.LineStyle{Color: c.th.muted(), Width: c.lw() * 0.8, Dashes: []vg.Length{4, 3}}
	label := "goal " + scenario.FormatCompact(goal)
	if month != nil {
		label += " · reached in month " + scenario.FormatCount(float64(*month))
	} else {
		label += " · not reached"
	}
	c.add(&hline{Y: goal, Style: sty, Label: label, Text: c.text(0.85, c.th.subtle()), Left: true, Back: c.th.Background})
	if month != nil {
		sc, _ := plotter.NewScatter(plotter.XYs{{X: float64(*month), Y: goal}})
		sc.GlyphStyle = draw.GlyphStyle{Color: c.th.color(0), Radius: c.fs * 0.35, Shape: draw.CircleGlyph{}}
		c.add(sc)
	}
}

// viralSources: new users per month as stacked bars (viral on paid) and
// churned users as bars below zero.
func viralSources(c *ctx) error {
	_, vr, err := c.viralResult()
	if err != nil {
		return err
	}
	c.title("New users a month" + cycleNote(vr))
	h := len(vr.Months)
	c.monthAxis(h)
	c.p.Y.Label.Text = "users / month"
	paid, viral, churn := make([]float64, h), make([]float64, h), make([]float64, h)
	for i, m := range vr.Months {
		paid[i], viral[i], churn[i] = clean(m.NewPaid), clean(m.NewViral), -clean(m.Churned)
	}
	w := barWidth(h)
	pb := &bars{Values: paid, X0: 0.5, DX: 1, Width: w, Color: c.th.color(1)}
	vb := &bars{Values: viral, Base: paid, X0: 0.5, DX: 1, Width: w, Color: c.th.color(0)}
	cb := &bars{Values: churn, X0: 0.5, DX: 1, Width: w, Color: c.th.tint(c.th.color(3), 0.75)}
	c.add(pb, vb, cb)
	c.zeroLine()
	c.key("viral", vb)
	c.key("paid", pb)
	c.key("churned", cb)
	c.yHead = 0.03
	return nil
}

// cycleNote explains uneven bars: with cycles that do not divide a month,
// some months hold one cycle more than others (14-day cycles: 2 or 3).
func cycleNote(vr *scenario.ViralResult) string {
	per := make([]int, len(vr.Months)+1)
	for _, cy := range vr.Cycles {
		if cy.Month >= 1 && cy.Month < len(per) {
			per[cy.Month]++
		}
	}
	lo, hi := math.MaxInt, 0
	for _, n := range per[1:] {
		lo, hi = min(lo, n), max(hi, n)
	}
	if len(per) < 2 || lo == hi {
		return ""
	}
	return fmt.Sprintf(" (%d–%d viral cycles a month)", lo, hi)
}

// barWidth is the width of a monthly bar in months: gaps while there is
// room for them.
func barWidth(h int) float64 {
	if h > 60 {
		return 1
	}
	return 0.75
}

// zeroLine draws y = 0 in the axis colour (for charts with negative bars).
func (c *ctx) zeroLine() {
	c.add(&hline{Y: 0, Style: draw.LineStyle{Color: c.th.muted(), Width: 0.8}})
}

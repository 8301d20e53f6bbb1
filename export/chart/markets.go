package chart

import (
	"fmt"
	"image/color"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"scaleplan/scenario"
)

// marketScores: one horizontal bar per market, best on top, made of each
// factor's contribution w·s/Σw, with the weighted score and rank at its end.
func marketScores(c *ctx) error {
	s, r := c.scenario()
	if !s.Markets.Enabled || r.Markets == nil {
		return moduleOff("market expansion module")
	}
	mk, rk := s.Markets, r.Markets.Ranking
	if len(rk) == 0 {
		return EmptyError("No markets yet: add one on the left to see them ranked.")
	}
	c.title("Market ranking")
	n := len(rk)
	byID := map[string]scenario.Market{}
	for _, m := range mk.Markets {
		byID[m.ID] = m
	}
	var wsum float64
	for _, f := range mk.Factors {
		wsum += f.Weight
	}
	names := make([]string, n)
	base := make([]float64, n)
	for j, f := range mk.Factors {
		vals := make([]float64, n)
		for k := range n {
			ms := rk[n-1-k]
			if wsum > 0 {
				vals[k] = clean(f.Weight * byID[ms.ID].Scores[f.ID] / wsum)
			}
		}
		b := &bars{Values: vals, Base: append([]float64(nil), base...), DX: 1, Width: 0.62,
			Color: c.th.color(j), Horizontal: true}
		c.add(b)
		c.key(factorLabel(f, mk.Factors), b)
		for k := range base {
			base[k] += vals[k]
		}
	}
	// Many markets on a short chart: smaller names and scores, one per row.
	k := min(0.85, float64(c.sz.Y)*0.55/float64(n)*0.75/float64(c.fs))
	for i := range n {
		ms := rk[n-1-i]
		names[i] = ms.Name
		c.add(&note{X: clean(ms.Weighted), Y: float64(i), DX: 0.4, Label: scoreLabel(ms),
			Text: c.textAlign(k, c.th.Foreground, draw.XLeft, draw.YCenter)})
	}
	c.p.Y.Tick.Label.Font.Size = max(c.fs*vg.Length(min(0.9, k*1.05)), minText)
	c.marketAxes(names)
	return nil
}

// factorLabel names a factor, with its weight when the weights differ.
func factorLabel(f scenario.Factor, all []scenario.Factor) string {
	for _, g := range all {
		if g.Weight != f.Weight {
			return f.Name + " ×" + strconv.FormatFloat(f.Weight, 'g', 3, 64)
		}
	}
	return f.Name
}

// scoreLabel is "3.80 · #1" (with "tied" when shared).
func scoreLabel(m scenario.MarketScore) string {
	s := fmt.Sprintf("%.2f · #%d", m.Weighted, m.Rank)
	if m.Tied {
		s += " tied"
	}
	return s
}

// marketAxes sets the score axis 0–5 and the market names on the Y axis.
func (c *ctx) marketAxes(names []string) {
	p := c.p
	p.X.Min, p.X.Max, c.xFixed = 0, 5.9, true
	p.X.Label.Text = "weighted score (5 = most favourable)"
	p.X.Tick.Marker = linearTicks(1, func(v float64) string {
		if v > 5 {
			return ""
		}
		return strconv.FormatFloat(v, 'f', 0, 64)
	})
	ticks := make([]plot.Tick, len(names))
	for i, n := range names {
		ticks[i] = plot.Tick{Value: float64(i), Label: n}
	}
	p.Y.Tick.Marker = plot.ConstantTicks(ticks)
	p.Y.Tick.Label.Color = c.th.Foreground
	p.Y.Tick.Length = c.fs * 0.5
	c.fixY(-0.6, float64(len(names))-0.4)
	c.gridX = true
}

// textAlign is a text style with an alignment.
func (c *ctx) textAlign(k float64, clr color.Color, x draw.XAlignment, y draw.YAlignment) text.Style {
	t := c.text(k, clr)
	t.XAlign, t.YAlign = x, y
	return t
}

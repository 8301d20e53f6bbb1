package chart

import (
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
)

// built runs panel pn's builder on a fresh context (without drawing).
func built(t *testing.T, pn Panel, in Input) *ctx {
	t.Helper()
	c := newCtx(in, Light(), defaultSize)
	if err := builders[pn](c); err != nil {
		t.Fatalf("%s: %v", pn, err)
	}
	return c
}

func legendLabels(c *ctx) []string {
	var out []string
	for _, e := range c.legend {
		out = append(out, e.label)
	}
	return out
}

func lines(items []plot.Plotter) []*plotter.Line {
	var out []*plotter.Line
	for _, it := range items {
		if l, ok := it.(*plotter.Line); ok {
			out = append(out, l)
		}
	}
	return out
}

func allBars(items []plot.Plotter) []*bars {
	var out []*bars
	for _, it := range items {
		if b, ok := it.(*bars); ok {
			out = append(out, b)
		}
	}
	return out
}

func vlineLabels(items []plot.Plotter) []string {
	var out []string
	for _, it := range items {
		if v, ok := it.(*vlines); ok {
			for _, l := range v.Lines {
				out = append(out, l.Label)
			}
		}
	}
	return out
}

func sameColor(a, b interface{ RGBA() (r, g, b, a uint32) }) bool {
	r1, g1, b1, a1 := a.RGBA()
	r2, g2, b2, a2 := b.RGBA()
	return r1 == r2 && g1 == g2 && b1 == b2 && a1 == a2
}

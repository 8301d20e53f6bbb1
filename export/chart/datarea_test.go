package chart

import (
	"testing"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// TestComparePanelsKeepAPlot: at the smallest size the app shows a chart
// (260×180 px) and at the 222×195 px Compare's overlays once had, every
// Compare panel's data area keeps at least a third of the height; a long Y
// label is shortened rather than squeezing the plot (gonum shrinks the data
// area until the whole label fits beside it).
func TestComparePanelsKeepAPlot(t *testing.T) {
	p, rs := sample(t)
	in := Input{Plan: p, Results: rs}
	px := func(w, h float64) vg.Point {
		return vg.Point{X: vg.Length(w) * vg.Inch / 96, Y: vg.Length(h) * vg.Inch / 96}
	}
	for _, sz := range []vg.Point{px(260, 180), px(222, 195)} {
		for _, pn := range Panels(KindCompare) {
			plt, err := build(pn, in, Light(), sz)
			if err != nil {
				continue // a panel without data says so in words, tested elsewhere
			}
			c := vgimg.New(sz.X, sz.Y)
			da := plt.DataCanvas(inset(draw.New(c), margin(sz)))
			if h := da.Max.Y - da.Min.Y; h < sz.Y/3 {
				t.Errorf("%s at %.0f×%.0f pt: data area %.0f pt tall, want at least a third (y label %q)", pn, sz.X, sz.Y, h, plt.Y.Label.Text)
			}
		}
	}
}

package boardpack

import (
	"bytes"
	"fmt"
	"image/color"
	"image/png"
	"io"
	"math"
	"slices"
	"strings"

	"codeberg.org/go-pdf/fpdf"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"

	"scaleplan/export/chart"
	"scaleplan/scenario"
)

// slideMetrics are the rows of the comparison slide's table, those that
// exist in at least one compared scenario.
var slideMetrics = []string{
	"viral.activeHorizon", "viral.k", "sales.arrHorizon", "sales.stage", "fulfillment.orders",
	"fulfillment.model", "markets.top", "finance.cashHorizon", "finance.minCash", "finance.cashOutMonth",
	"finance.cashNeeded", "finance.breakEvenMonth", "finance.runway",
}

// WriteSlide writes the comparison of scenarios idx of p (the baseline
// first, at most MaxScenarios) as one 16:9 slide (960 × 540 pt) in format
// "png" (1920 × 1080 px), "svg" or "pdf": the key metrics with deltas
// against the baseline, and three overlay charts (users, ARR and cash where
// their modules are on). Text stays text in
// SVG and PDF.
func WriteSlide(w io.Writer, format string, p *scenario.Plan, results []*scenario.Result, idx []int) (err error) {
	if len(idx) == 0 || len(idx) > MaxScenarios {
		return fmt.Errorf("boardpack: a slide compares 1 to %d scenarios, got %d", MaxScenarios, len(idx))
	}
	for _, i := range idx {
		if i < 0 || i >= len(p.Scenarios) || i >= len(results) || results[i] == nil {
			return fmt.Errorf("boardpack: no results for scenario %d", i)
		}
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("boardpack: slide: drawing failed: %v", r)
		}
	}()
	const w0, h0 = vg.Length(pageW), vg.Length(pageH)
	switch strings.ToLower(format) {
	case "png":
		c := vgimg.NewWith(vgimg.UseWH(w0, h0), vgimg.UseDPI(144), vgimg.UseBackgroundColor(color.White))
		drawSlide(draw.New(c), p, results, idx)
		return png.Encode(w, c.Image())
	case "svg":
		c := vgsvg.NewWith(vgsvg.UseWH(w0, h0))
		dc := draw.New(c)
		dc.SetColor(color.White)
		dc.Fill(dc.Rectangle.Path())
		drawSlide(dc, p, results, idx)
		_, err := c.WriteTo(w)
		return err
	case "pdf":
		doc := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: pageW, Ht: pageH}})
		doc.SetMargins(0, 0, 0)
		doc.SetAutoPageBreak(false, 0)
		doc.SetCompression(true)
		doc.SetTitle(p.Name+" — scenario comparison", true)
		doc.SetCreator("Scaleplan", true)
		addFonts(doc)
		doc.AddPage()
		cv := newPDFCanvas(doc, 0, 0, pageW, pageH)
		drawSlide(draw.New(cv), p, results, idx)
		cv.done()
		if err := doc.Error(); err != nil {
			return fmt.Errorf("boardpack: slide: %w", err)
		}
		return doc.Output(w)
	}
	return fmt.Errorf("boardpack: unknown slide format %q (want png, svg or pdf)", format)
}

// slideFace returns the sans font at size points, bold or not.
func slideFace(size float64, bold bool) font.Face {
	f := font.Font{Typeface: "Liberation", Variant: "Sans"}
	if bold {
		f.Variant = "SansBold"
	}
	return font.DefaultCache.Lookup(f, vg.Points(size))
}

// slideText writes s with its top-left (or top-right when right) at x, y
// measured from the slide's top, clipped with "…" to width w.
func slideText(c draw.Canvas, x, y, w float64, s string, size float64, bold bool, col color.Color, right bool) {
	f := slideFace(size, bold)
	if float64(f.Width(s).Points()) > w {
		r := []rune(s)
		for len(r) > 0 && float64(f.Width(string(r)+"…").Points()) > w {
			r = r[:len(r)-1]
		}
		s = string(r) + "…"
	}
	if right {
		x += w - float64(f.Width(s).Points())
	}
	asc := f.Extents().Ascent
	c.SetColor(col)
	c.FillString(f, vg.Point{X: vg.Length(x), Y: vg.Length(pageH-y) - asc}, s)
}

func rgb(c [3]int) color.Color { return color.RGBA{uint8(c[0]), uint8(c[1]), uint8(c[2]), 255} }

// drawSlide draws the slide on c (960 × 540 pt, origin bottom-left).
func drawSlide(c draw.Canvas, p *scenario.Plan, results []*scenario.Result, idx []int) {
	t := NewTable(p, results, idx)
	names := strings.Join(t.Scenarios, " · ")
	slideText(c, margin, 26, pageW-2*margin, p.Name+": "+names, 20, true, rgb(ink), false)
	slideText(c, margin, 56, pageW-2*margin, fmt.Sprintf("Against the baseline, %s. Amounts in %s; Δ against the baseline in brackets.", t.Scenarios[0], t.Currency), 10, false, rgb(muted), false)
	// the table
	const labelW, rowH, top0 = 190.0, 16.0, 80.0
	colW := (pageW - 2*margin - labelW) / float64(len(idx))
	for k, name := range t.Scenarios {
		slideText(c, margin+labelW+float64(k)*colW, top0, colW-6, name, 9.5, true, rgb(ink), true)
	}
	y := top0 + 16
	rows := 0
	for _, key := range slideMetrics {
		row, ok := t.row(key)
		if !ok || !row.anyOK() && !(row.Unit == scenario.UnitMonth && t.moduleOn(row.Metrics[0].Module)) {
			continue
		}
		if rows%2 == 0 {
			c.SetColor(rgb(stripe))
			c.Fill(rectPath(margin, y-2, pageW-2*margin, rowH))
		}
		slideText(c, margin+4, y+1.5, labelW-8, row.Label, 8.5, false, rgb(ink), false)
		for k, m := range row.Metrics {
			x := margin + labelW + float64(k)*colW
			v := formatMetric(m, t.Currency)
			if m.OK && m.Unit == scenario.UnitMoney && math.Abs(m.Value) >= 1e5 {
				v = scenario.FormatMoneyCompact(m.Value, t.Currency)
			}
			d := ""
			if k > 0 {
				d = formatDelta(row.Deltas[k], row.Unit, t.Currency)
			}
			if d != "" && d != "same" {
				slideText(c, x, y+1.5, colW-6, v+"  ("+d+")", 8.5, false, rgb(ink), true)
			} else {
				slideText(c, x, y+1.5, colW-6, v, 8.5, k == 0, rgb(ink), true)
			}
		}
		y += rowH
		rows++
	}
	// three overlay charts in a row below: users, ARR and cash first
	in := chart.Input{Plan: p, Results: results, Scenario: idx[0], Compare: idx}
	chartTop := y + 12
	cw := (pageW - 2*margin - 2*16) / 3
	shown := 0
	for _, panel := range slidePanels() {
		if shown == 3 {
			break
		}
		plt, err := chart.Plot(panel, in, chart.Light())
		if err != nil {
			continue // module off in every compared scenario
		}
		x := margin + float64(shown)*(cw+16)
		plt.Draw(draw.Crop(c, vg.Length(x), vg.Length(x+cw)-c.Max.X, vg.Length(24), vg.Length(pageH-chartTop)-c.Max.Y))
		shown++
	}
	slideText(c, margin, pageH-18, 600, p.Name+" · made with Scaleplan", 7.5, false, rgb(muted), false)
}

// slidePanels are the overlay charts in the order a slide takes them.
func slidePanels() []chart.Panel {
	first := []chart.Panel{chart.CompareActive, chart.CompareARR, chart.CompareCash}
	out := append([]chart.Panel(nil), first...)
	for _, p := range chart.Panels(chart.KindCompare) {
		if !slices.Contains(first, p) {
			out = append(out, p)
		}
	}
	return out
}

// rectPath is a rectangle given from the slide's top.
func rectPath(x, y, w, h float64) vg.Path {
	var pth vg.Path
	x0, y0 := vg.Length(x), vg.Length(pageH-y-h)
	pth.Move(vg.Point{X: x0, Y: y0})
	pth.Line(vg.Point{X: x0 + vg.Length(w), Y: y0})
	pth.Line(vg.Point{X: x0 + vg.Length(w), Y: y0 + vg.Length(h)})
	pth.Line(vg.Point{X: x0, Y: y0 + vg.Length(h)})
	pth.Close()
	return pth
}

// row finds the table's row of a metric.
func (t Table) row(key string) (Row, bool) {
	for _, r := range t.Rows {
		if r.Key == key {
			return r, true
		}
	}
	return Row{}, false
}

// anyOK reports whether any compared scenario has the metric.
func (r Row) anyOK() bool {
	for _, m := range r.Metrics {
		if m.OK {
			return true
		}
	}
	return false
}

// moduleOn reports whether any compared scenario has a figure of module.
func (t Table) moduleOn(module string) bool {
	for _, r := range t.Rows {
		if len(r.Metrics) > 0 && r.Metrics[0].Module == module && r.anyOK() {
			return true
		}
	}
	return false
}

// SlideBytes renders the slide to memory.
func SlideBytes(format string, p *scenario.Plan, results []*scenario.Result, idx []int) ([]byte, error) {
	var buf bytes.Buffer
	if err := WriteSlide(&buf, format, p, results, idx); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

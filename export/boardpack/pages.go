package boardpack

import (
	"bytes"
	"fmt"
	"strings"

	"codeberg.org/go-pdf/fpdf"
	"gonum.org/v1/plot/vg/draw"

	"scaleplan/scenario"
)

// A page is 16:9 landscape, 960 × 540 pt (13.33 × 7.5 in, a widescreen
// slide).
const (
	pageW  = 960.0
	pageH  = 540.0
	margin = 40.0
	top    = 92.0  // where a page's content starts, below its title
	bottom = 506.0 // where it ends, above the footer
)

// Colours of the pages (RGB).
var (
	ink    = [3]int{0x1f, 0x29, 0x37}
	muted  = [3]int{0x6b, 0x72, 0x80}
	rule   = [3]int{0xd1, 0xd5, 0xdb}
	stripe = [3]int{0xf3, 0xf4, 0xf6}
	accent = [3]int{0x25, 0x63, 0xeb}
)

// pdfDoc wraps the document with the pack's page furniture.
type pdfDoc struct {
	*fpdf.Fpdf
	pk *pack
}

// writePDF renders pack.pdf.
func (pk *pack) writePDF(buf *bytes.Buffer) error {
	doc := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: pageW, Ht: pageH}})
	doc.SetMargins(0, 0, 0)
	doc.SetAutoPageBreak(false, 0)
	doc.SetCompression(true)
	doc.SetCreationDate(pk.date)
	doc.SetModificationDate(pk.date)
	doc.SetTitle(pk.plan.Name+" — board pack", true)
	doc.SetCreator("Scaleplan", true)
	addFonts(doc)
	d := &pdfDoc{Fpdf: doc, pk: pk}
	d.cover()
	for _, i := range pk.idx {
		d.scenarioPage(i)
	}
	d.comparison()
	d.overlays()
	d.inputTable("Assumptions that differ", "Every input whose value is not the same in all compared scenarios; for a variant of the baseline, exactly its overrides.", pk.assumptions, "The compared scenarios share every input.")
	d.inputTable("Appendix: every input", "All inputs of the compared scenarios, by input path; values that differ from the baseline's are in bold.", pk.appendix, "")
	if err := doc.Error(); err != nil {
		return err
	}
	return doc.Output(buf)
}

func (d *pdfDoc) color(c [3]int) { d.SetTextColor(c[0], c[1], c[2]) }

// text writes s in a box of width w at (x, y) (y is the box's top),
// clipped with "…" to fit; align is "L", "C" or "R".
func (d *pdfDoc) text(x, y, w float64, s string, size float64, style string, c [3]int, align string) {
	d.SetFont(sansFamily, style, size)
	d.color(c)
	s = d.fit(s, w)
	d.SetXY(x, y)
	d.CellFormat(w, size*1.25, s, "", 0, align+"T", false, 0, "")
}

// fit clips s with "…" to width w in the current font.
func (d *pdfDoc) fit(s string, w float64) string {
	if d.GetStringWidth(s) <= w {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && d.GetStringWidth(string(r)+"…") > w {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}

// page starts a page with a title, a subtitle and the footer.
func (d *pdfDoc) page(title, subtitle string) {
	d.AddPage()
	d.Bookmark(title, 0, 0)
	d.text(margin, 32, pageW-2*margin, title, 22, "B", ink, "L")
	if subtitle != "" {
		d.text(margin, 62, pageW-2*margin, subtitle, 10.5, "", muted, "L")
	}
	d.SetDrawColor(rule[0], rule[1], rule[2])
	d.SetLineWidth(0.75)
	d.Line(margin, 82, pageW-margin, 82)
	foot := d.pk.plan.Name + " · board pack · " + d.pk.date.Format("2 January 2006")
	d.text(margin, pageH-24, 600, foot, 8, "", muted, "L")
	d.text(pageW-margin-100, pageH-24, 100, fmt.Sprintf("%d", d.PageNo()), 8, "", muted, "R")
}

// cover: the plan's name, the date and the scenarios compared.
func (d *pdfDoc) cover() {
	p := d.pk.plan
	d.AddPage()
	d.Bookmark("Cover", 0, 0)
	d.SetFillColor(accent[0], accent[1], accent[2])
	d.Rect(0, 0, 14, pageH, "F")
	d.text(72, 120, pageW-144, p.Name, 40, "B", ink, "L")
	d.text(72, 178, pageW-144, "Board pack · "+d.pk.date.Format("2 January 2006"), 16, "", muted, "L")
	d.text(72, 250, 400, "Scenarios compared", 12, "B", ink, "L")
	y := 274.0
	for k, i := range d.pk.idx {
		s := &p.Scenarios[i]
		d.SetFillColor(accent[0], accent[1], accent[2])
		d.Circle(78, y+7, 3.5, "F")
		d.text(90, y, 330, s.Name, 13, "B", ink, "L")
		d.SetFont(sansFamily, "B", 13)
		d.text(90+min(d.GetStringWidth(s.Name), 330)+12, y+1.5, 460, d.relation(s, k == 0), 11, "", muted, "L")
		y += 24
	}
	horizons := map[int]bool{}
	var hs []string
	for _, i := range d.pk.idx {
		if h := p.Scenarios[i].HorizonMonths; !horizons[h] {
			horizons[h] = true
			hs = append(hs, fmt.Sprint(h))
		}
	}
	info := fmt.Sprintf("Amounts in %s · month 1 is %s · horizon %s months · made with Scaleplan", p.Currency, p.StartMonth, strings.Join(hs, ", "))
	d.text(72, 470, pageW-144, info, 10, "", muted, "L")
}

// relation says what a scenario is: the baseline, a variant (and of
// what, with how many overrides) or a scenario of its own.
func (d *pdfDoc) relation(s *scenario.Scenario, baseline bool) string {
	var parts []string
	if baseline {
		parts = append(parts, "baseline")
	}
	if s.IsVariant() {
		base := "?"
		if b := d.pk.plan.ScenarioByID(s.BasedOn); b != nil {
			base = b.Name
		}
		n := len(s.Overrides)
		parts = append(parts, fmt.Sprintf("variant of %s, %d %s changed", base, n, plural(n, "input", "inputs")))
	}
	return strings.Join(parts, " · ")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// keyMetrics are the figures of a scenario page, those that exist.
var keyMetrics = []string{"viral.activeHorizon", "sales.arrHorizon", "finance.cashHorizon", "finance.cashOutMonth", "viral.k", "sales.stage", "fulfillment.orders", "fulfillment.model", "markets.top", "finance.runway"}

// scenarioPage: key numbers and milestones on the left, two charts right.
func (d *pdfDoc) scenarioPage(i int) {
	p := d.pk.plan
	s := &p.Scenarios[i]
	sub := strings.TrimPrefix(d.relation(s, i == d.pk.idx[0])+fmt.Sprintf(" · %d months", s.HorizonMonths), " · ")
	if s.IsVariant() && len(s.Overrides) > 0 {
		sub += " · overrides " + strings.Join(scenario.OverridePaths(s), ", ")
	}
	d.page(s.Name, sub)
	ms := scenario.Metrics(s, d.pk.results[i])
	d.text(margin, top, 290, "Key numbers", 12, "B", ink, "L")
	x, y, n := margin, top+22, 0
	for _, key := range keyMetrics {
		m := find(ms, key)
		if !m.OK && m.Unit != scenario.UnitMonth || m.Label == "" || m.Module == scenario.ModuleFinance && !s.Finance.Enabled {
			continue
		}
		d.text(x, y, 140, m.Label, 8, "", muted, "L")
		d.text(x, y+11, 140, formatMetric(m, p.Currency), 14, "B", ink, "L")
		n++
		if n%2 == 1 {
			x = margin + 148
		} else {
			x, y = margin, y+40
		}
		if n == 8 {
			break
		}
	}
	if n%2 == 1 {
		y += 40
	}
	y = d.uncertainty(i, y)
	d.milestones(d.pk.results[i].Milestones, y+8)
	charts := d.pk.perScenario[i]
	for k, c := range charts {
		d.chart(d.pk.charts[c], 350, top+float64(k)*205, pageW-margin-350, 200)
	}
}

// uncertainty writes, under a simulated scenario's key numbers from y,
// what its simulation says of cash (the charts show its bands), and
// returns where the page goes on.
func (d *pdfDoc) uncertainty(i int, y float64) float64 {
	if i >= len(d.pk.sims) || d.pk.sims[i] == nil {
		return y
	}
	r := d.pk.sims[i]
	d.text(margin, y, 290, fmt.Sprintf("Uncertainty · %s runs (bands: P10–P90)", scenario.FormatCount(float64(r.Runs))), 8, "", muted, "L")
	y += 11
	d.SetFont(sansFamily, "", 9)
	for _, line := range d.SplitText(r.CashNeededSentence(d.pk.plan.Currency), 290) {
		d.text(margin, y, 290, line, 9, "", ink, "L")
		y += 12
	}
	return y + 4
}

// milestones draws the timeline from y down to the bottom of the page.
func (d *pdfDoc) milestones(ms []scenario.Milestone, y float64) {
	d.text(margin, y, 290, "Milestones", 12, "B", ink, "L")
	y += 22
	room := int((bottom - y) / 15)
	if len(ms) == 0 {
		d.text(margin, y, 290, "No milestones within the horizon.", 9, "I", muted, "L")
		return
	}
	shown := ms
	if len(ms) > room {
		shown = ms[:room-1]
	}
	d.SetDrawColor(rule[0], rule[1], rule[2])
	d.SetLineWidth(1)
	d.Line(margin+4, y+5, margin+4, y+float64(len(shown)-1)*15+5)
	for _, m := range shown {
		d.SetFillColor(accent[0], accent[1], accent[2])
		d.Circle(margin+4, y+5.5, 2.6, "F")
		d.text(margin+14, y, 50, d.pk.plan.Calendar().Label(m.Month), 8.5, "B", ink, "L")
		d.text(margin+64, y, 230, m.Text, 8.5, "", ink, "L")
		y += 15
	}
	if len(shown) < len(ms) {
		d.text(margin+14, y, 280, fmt.Sprintf("+ %d more in the workbook and the app", len(ms)-len(shown)), 8.5, "I", muted, "L")
	}
}

// chart draws one chart as vector graphics in the w × h box at (x, y).
func (d *pdfDoc) chart(c chartSpec, x, y, w, h float64) {
	defer func() {
		if r := recover(); r != nil {
			d.SetError(fmt.Errorf("chart %s: drawing failed: %v", c.file, r))
		}
	}()
	cv := newPDFCanvas(d.Fpdf, x, y, w, h)
	c.plt.Draw(draw.Crop(draw.New(cv), 2, -2, 2, -2))
	cv.done()
	d.SetDashPattern([]float64{}, 0)
	d.SetAlpha(1, "Normal")
}

// comparison: the metric table with deltas against the baseline, over as
// many pages as it needs.
func (d *pdfDoc) comparison() {
	t := d.pk.table
	const labelW, rowH = 230.0, 23.0
	colW := (pageW - 2*margin - labelW) / float64(len(t.Scenarios))
	perPage := rowsFit(bottom-top-30, rowH)
	pages := (len(t.Rows) + perPage - 1) / perPage
	for pg := range pages {
		title := "Comparison"
		if pages > 1 {
			title = fmt.Sprintf("Comparison (%d of %d)", pg+1, pages)
		}
		d.page(title, fmt.Sprintf("Against the baseline, %s. Amounts in %s; Δ %% is relative to the baseline's value.", t.Scenarios[0], t.Currency))
		y := top
		d.text(margin, y, labelW, "Metric", 9, "B", muted, "L")
		for k, name := range t.Scenarios {
			d.text(margin+labelW+float64(k)*colW, y, colW-6, name, 10, "B", ink, "R")
		}
		y += 24
		rows := t.Rows[pg*perPage : min(len(t.Rows), (pg+1)*perPage)]
		for r, row := range rows {
			if r%2 == 0 {
				d.SetFillColor(stripe[0], stripe[1], stripe[2])
				d.Rect(margin, y-2, pageW-2*margin, rowH, "F")
			}
			d.text(margin+4, y+3, labelW-8, row.Label, 9, "", ink, "L")
			for k, m := range row.Metrics {
				cx := margin + labelW + float64(k)*colW
				d.text(cx, y+1, colW-6, formatMetric(m, t.Currency), 9.5, "B", ink, "R")
				if k > 0 {
					d.text(cx, y+12, colW-6, formatDelta(row.Deltas[k], row.Unit, t.Currency), 7, "", muted, "R")
				}
			}
			y += rowH
		}
	}
}

// overlays: the compare charts, four to a page.
func (d *pdfDoc) overlays() {
	o := d.pk.overlays
	if len(o) == 0 {
		return
	}
	names := make([]string, len(d.pk.idx))
	for k, i := range d.pk.idx {
		names[k] = d.pk.plan.Scenarios[i].Name
	}
	for start := 0; start < len(o); start += 4 {
		d.page("Side by side", "The compared scenarios over time: "+strings.Join(names, ", ")+" (the baseline drawn thicker).")
		w, h := (pageW-2*margin-20)/2, (bottom-top-10)/2
		for k, c := range o[start:min(len(o), start+4)] {
			x := margin + float64(k%2)*(w+20)
			y := top + float64(k/2)*(h+10)
			d.chart(d.pk.charts[c], x, y, w, h)
		}
	}
}

// inputTable lists input rows, one scenario a column, over as many pages
// as they need; empty says so in a line.
func (d *pdfDoc) inputTable(title, subtitle string, rows []InputRow, empty string) {
	if len(rows) == 0 {
		if empty != "" {
			d.page(title, subtitle)
			d.text(margin, top+10, pageW-2*margin, empty, 12, "", ink, "L")
		}
		return
	}
	names := d.pk.table.Scenarios
	const labelW, rowH = 300.0, 17.0
	colW := (pageW - 2*margin - labelW) / float64(len(names))
	perPage := rowsFit(bottom-top-24, rowH)
	pages := (len(rows) + perPage - 1) / perPage
	for pg := range pages {
		t := title
		if pages > 1 {
			t = fmt.Sprintf("%s (%d of %d)", title, pg+1, pages)
		}
		d.page(t, subtitle)
		y := top
		d.text(margin, y, labelW, "Input", 9, "B", muted, "L")
		for k, name := range names {
			d.text(margin+labelW+float64(k)*colW, y, colW-6, name, 10, "B", ink, "R")
		}
		y += 22
		for r, row := range rows[pg*perPage : min(len(rows), (pg+1)*perPage)] {
			if r%2 == 0 {
				d.SetFillColor(stripe[0], stripe[1], stripe[2])
				d.Rect(margin, y-2, pageW-2*margin, rowH, "F")
			}
			d.SetFont(monoFamily, "", 7.5)
			d.color(ink)
			d.SetXY(margin+4, y+1)
			d.CellFormat(labelW-8, 10, d.fit(row.Label, labelW-8), "", 0, "LT", false, 0, "")
			for k, v := range row.Values {
				style := ""
				if row.Differ[k] {
					style = "B"
				}
				d.text(margin+labelW+float64(k)*colW, y+1, colW-6, v, 8.5, style, ink, "R")
			}
			y += rowH
		}
	}
}

// rowsFit is how many rows of height rowH fit in avail points.
func rowsFit(avail, rowH float64) int { return max(1, int(avail/rowH)) }

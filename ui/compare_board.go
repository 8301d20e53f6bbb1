package ui

import (
	"bytes"
	"fmt"
	"math"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scaleplan/app"
	"scaleplan/export/boardpack"
	"scaleplan/scenario"
)

// cmpTable is the Compare tab's table as shown: one column per compared
// scenario (the baseline first), metric rows with their deltas against the
// baseline, then the assumptions that differ. The widgets and Copy Table
// both come from it, so the clipboard holds what the table shows.
type cmpTable struct {
	names []string
	rows  []cmpRow
}

// cmpRow is a row: a metric or an input, or a section heading.
type cmpRow struct {
	label   string
	cells   []cmpCell
	heading bool
}

// cmpCell is a scenario's value with, for the others, its delta against
// the baseline ("" for none).
type cmpCell struct {
	value, delta string
	good         int // the delta is better (1), worse (-1) or neither (0)
	// p50 is the value's median over the runs of a current simulation
	// ("P50 12.3k"; "" for none).
	p50 string
}

// tsv writes the table as tab-separated text: a column per scenario and,
// after each scenario but the baseline, its delta; headings on their own
// rows alone. Tabs and line breaks inside cells become spaces.
func (t cmpTable) tsv() string {
	clean := strings.NewReplacer("\t", " ", "\n", " ", "\r", " ")
	var b strings.Builder
	line := func(cells []string) {
		for i, c := range cells {
			if i > 0 {
				b.WriteByte('\t')
			}
			b.WriteString(clean.Replace(c))
		}
		b.WriteByte('\n')
	}
	p50 := t.hasP50()
	head := []string{"Metric"}
	for k, n := range t.names {
		head = append(head, n)
		if p50 {
			head = append(head, n+" P50")
		}
		if k > 0 {
			head = append(head, n+" Δ")
		}
	}
	line(head)
	for _, r := range t.rows {
		if r.heading {
			line([]string{r.label})
			continue
		}
		cells := []string{r.label}
		for k, c := range r.cells {
			cells = append(cells, c.value)
			if p50 {
				cells = append(cells, strings.TrimPrefix(c.p50, "P50 "))
			}
			if k > 0 {
				cells = append(cells, c.delta)
			}
		}
		line(cells)
	}
	return b.String()
}

// hasP50 reports whether some cell shows a P50 (Copy Table then gives
// every scenario a P50 column).
func (t cmpTable) hasP50() bool {
	for _, r := range t.rows {
		for _, c := range r.cells {
			if c.p50 != "" {
				return true
			}
		}
	}
	return false
}

// assumptionRows are the inputs that differ between the compared
// scenarios, under a heading (none: a line that says so).
func assumptionRows(p *scenario.Plan, idx []int) []cmpRow {
	rows := []cmpRow{{label: "Assumptions that differ", heading: true}}
	if len(idx) < 2 {
		return rows
	}
	ins := boardpack.InputRows(p, idx, false)
	if len(ins) == 0 {
		return append(rows, cmpRow{label: "none: the compared scenarios share every input"})
	}
	for _, in := range ins {
		r := cmpRow{label: in.Label}
		for k, v := range in.Values {
			c := cmpCell{value: v}
			if k > 0 && in.Differ[k] {
				c.delta = "differs"
			}
			r.cells = append(r.cells, c)
		}
		rows = append(rows, r)
	}
	return rows
}

// splitTable lays out a table in two containers, the metric column and the
// scenario columns, whose rows share their heights: the metric column stays
// put while the scenario columns scroll sideways. Its header row ("Metric"
// and the scenario names) is a splitTable of its own, head, with the same
// column widths, shown above the scroller so that it stays in view.
type splitTable struct {
	left, right *fyne.Container
	rightWidths []float32
	head        *splitTable
}

func newSplitTable() *splitTable {
	t := newTableHalves()
	t.head = newTableHalves()
	return t
}

func newTableHalves() *splitTable {
	t := &splitTable{}
	t.left = container.New(&tableHalf{t: t})
	t.right = container.New(&tableHalf{t: t, right: true})
	return t
}

// rowHeight is the height of row r: its tallest visible cell on either side.
func (t *splitTable) rowHeight(r int) float32 {
	var h float32
	if r < len(t.left.Objects) && t.left.Objects[r].Visible() {
		h = t.left.Objects[r].MinSize().Height
	}
	n := len(t.rightWidths)
	for i := r * n; n > 0 && i < (r+1)*n && i < len(t.right.Objects); i++ {
		if o := t.right.Objects[i]; o.Visible() {
			h = max(h, o.MinSize().Height)
		}
	}
	return h
}

func (t *splitTable) rows() int { return len(t.left.Objects) }

// tableHalf is the layout of one side of a splitTable.
type tableHalf struct {
	t     *splitTable
	right bool
}

func (h *tableHalf) widths() []float32 {
	if h.right {
		return h.t.rightWidths
	}
	return []float32{metricColWidth}
}

func (h *tableHalf) MinSize([]fyne.CanvasObject) fyne.Size {
	pad := theme.Padding()
	var w, ht float32
	for _, cw := range h.widths() {
		w += cw + pad
	}
	for r := range h.t.rows() {
		ht += h.t.rowHeight(r) + pad
	}
	return fyne.NewSize(w, ht)
}

func (h *tableHalf) Layout(objs []fyne.CanvasObject, _ fyne.Size) {
	pad := theme.Padding()
	ws := h.widths()
	n := len(ws)
	var y float32
	for r := range h.t.rows() {
		rh := h.t.rowHeight(r)
		var x float32
		for i := 0; i < n && r*n+i < len(objs); i++ {
			o := objs[r*n+i]
			o.Move(fyne.NewPos(x, y))
			o.Resize(fyne.NewSize(ws[i], rh))
			x += ws[i] + pad
		}
		y += rh + pad
	}
}

// render shows the model in the split table: the header row in head, the
// rows below.
func (t *splitTable) render(m cmpTable) {
	var left, right, names []fyne.CanvasObject
	t.rightWidths = t.rightWidths[:0]
	for _, n := range m.names {
		t.rightWidths = append(t.rightWidths, valueColWidth)
		names = append(names, tableLabel(n, valueColWidth, fyne.TextAlignTrailing, true))
	}
	t.head.rightWidths = t.rightWidths
	t.head.left.Objects = []fyne.CanvasObject{tableLabel("Metric", metricColWidth, fyne.TextAlignLeading, true)}
	t.head.right.Objects = names
	t.head.left.Refresh()
	t.head.right.Refresh()
	for _, r := range m.rows {
		if r.heading {
			l := tableLabel(r.label, metricColWidth, fyne.TextAlignLeading, true)
			l.Importance = widget.HighImportance
			left = append(left, l)
			for range m.names {
				right = append(right, widget.NewLabel(""))
			}
			continue
		}
		left = append(left, tableLabel(r.label, metricColWidth, fyne.TextAlignLeading, false))
		for k := range m.names {
			c := cmpCell{}
			if k < len(r.cells) {
				c = r.cells[k]
			}
			right = append(right, valueCell(c))
		}
	}
	t.left.Objects, t.right.Objects = left, right
	t.left.Refresh()
	t.right.Refresh()
}

// valueCell is a value with its delta below it in small print.
func valueCell(c cmpCell) fyne.CanvasObject {
	box := container.NewVBox(tableLabel(c.value, valueColWidth, fyne.TextAlignTrailing, false))
	if c.delta != "" {
		dl := widget.NewLabelWithStyle(c.delta, fyne.TextAlignTrailing, fyne.TextStyle{})
		dl.SizeName = theme.SizeNameCaptionText
		switch c.good {
		case 1:
			dl.Importance = widget.SuccessImportance
		case -1:
			dl.Importance = widget.DangerImportance
		}
		box.Add(container.New(&shiftUp{}, dl))
	}
	if c.p50 != "" {
		pl := widget.NewLabelWithStyle(c.p50, fyne.TextAlignTrailing, fyne.TextStyle{Italic: true})
		pl.SizeName = theme.SizeNameCaptionText
		box.Add(container.New(&shiftUp{}, pl))
	}
	return box
}

// copyTable puts the table, as shown, on the clipboard as tab-separated
// text, which pastes into Sheets, Excel or Keynote as a table.
func (c *compare) copyTable() {
	if len(c.model.names) == 0 {
		c.u.say("The comparison is still being computed.", app.Info)
		return
	}
	c.u.app.Clipboard().SetContent(c.model.tsv())
	c.u.say(fmt.Sprintf("Copied the comparison (%d rows, %d scenarios) as tab-separated text.", len(c.model.rows), len(c.model.names)), app.Info)
}

// exportSlide asks for a file and writes the comparison as a 16:9 slide
// (PNG, SVG or PDF) off the UI thread.
func (c *compare) exportSlide() {
	u := c.u
	in := c.chartInput()
	if in.Plan == nil {
		dialog.ShowInformation("Export Comparison", "The comparison is still being computed.", u.win)
		return
	}
	name := strings.TrimSuffix(u.s.Doc().Name(), app.Extension) + " comparison.png"
	u.exports.askSavePath("Export Comparison", name, []string{".png", ".svg", ".pdf"}, func(path string) {
		c.exportSlideTo(path, nil)
	})
}

// exportSlideTo writes the slide to path (its extension picks the format,
// PNG if it has none of the three); done (if set) runs on the UI thread
// afterwards.
func (c *compare) exportSlideTo(path string, done func(error)) {
	u := c.u
	in := c.chartInput()
	format := strings.TrimPrefix(strings.ToLower(filepath.Ext(path)), ".")
	if format != "png" && format != "svg" && format != "pdf" {
		format, path = "png", path+".png"
	}
	u.s.ExportStarted()
	work(u, func() error {
		var buf bytes.Buffer
		if err := boardpack.WriteSlide(&buf, format, in.Plan, in.Results, in.Compare); err != nil {
			return err
		}
		return scenario.WriteFileAtomic(path, buf.Bytes())
	}, func(err error) {
		defer u.s.ExportDone()
		if err != nil {
			u.showError("Export Comparison", err)
		} else {
			u.say("Saved the comparison slide "+filepath.Base(path)+".", app.Info)
		}
		if done != nil {
			done(err)
		}
	})
}

// sideScroll scrolls its content sideways only; a vertical wheel or
// trackpad movement goes to the scroller around it, so the wheel scrolls
// the table down wherever the pointer is.
type sideScroll struct {
	*container.Scroll
	outer *container.Scroll
}

func newSideScroll(content fyne.CanvasObject) *sideScroll {
	// Built here rather than by NewHScroll, so that the scroller's renderer
	// belongs to the sideScroll: the focus manager and the test driver
	// find the cells through it.
	s := &sideScroll{Scroll: &container.Scroll{Direction: container.ScrollHorizontalOnly, Content: content}}
	s.ExtendBaseWidget(s)
	return s
}

// headScroll shows the part of the column headers that lies above the
// columns its body shows: it follows the body's sideways offset, has no
// scroll bar of its own and hands the wheel to the body.
type headScroll struct {
	*container.Scroll
	body *sideScroll
}

func newHeadScroll(content fyne.CanvasObject, body *sideScroll) *headScroll {
	h := &headScroll{Scroll: &container.Scroll{Direction: container.ScrollNone, Content: content}, body: body}
	h.ExtendBaseWidget(h)
	body.OnScrolled = func(fyne.Position) { h.follow() }
	return h
}

// follow moves the headers to the body's offset.
func (h *headScroll) follow() {
	if h.Offset.X != h.body.Offset.X {
		h.Offset.X = h.body.Offset.X
		h.Refresh()
	}
}

// MinSize is as narrow as the body's and as tall as the headers.
func (h *headScroll) MinSize() fyne.Size {
	return fyne.NewSize(h.body.MinSize().Width, h.Content.MinSize().Height)
}

// Resize keeps the headers over their columns when the width changes.
func (h *headScroll) Resize(s fyne.Size) {
	h.Scroll.Resize(s)
	h.follow()
}

// Scrolled scrolls the body: its columns, or the table down.
func (h *headScroll) Scrolled(ev *fyne.ScrollEvent) { h.body.Scrolled(ev) }

// passWheel makes outer the scroller that every sideScroll within o hands
// vertical movement to.
func passWheel(o fyne.CanvasObject, outer *container.Scroll) {
	switch x := o.(type) {
	case *sideScroll:
		x.outer = outer
	case *fyne.Container:
		for _, c := range x.Objects {
			passWheel(c, outer)
		}
	}
}

// Scrolled passes mostly vertical movement to the outer scroller.
func (s *sideScroll) Scrolled(ev *fyne.ScrollEvent) {
	if s.outer != nil && math.Abs(float64(ev.Scrolled.DY)) > math.Abs(float64(ev.Scrolled.DX)) {
		s.outer.Scrolled(ev)
		return
	}
	s.Scroll.Scrolled(ev)
}

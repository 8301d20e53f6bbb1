package workbook

import (
	"fmt"
	"math"

	"github.com/xuri/excelize/v2"
)

// A module sheet prints like a report: landscape, its blocks (inputs, the
// monthly table, the cycle table…) side by side one page wide each, so a
// sheet is at most as many pages wide as it has blocks, every block keeps
// its own labels, helper grids past lastCol stay off the printout, and the
// title and header rows repeat on every page.
type printSetup struct {
	blocks  []int // first column of each block after the first (a page break before each)
	lastCol int   // last printed column
}

// Page geometry (inches): the smaller of Letter and A4 in landscape
// (11 × 8.27), with half-inch side margins and 0.6 inch top and bottom, at
// 96 pixels an inch.
const (
	pageWidthIn    = 11
	pageHeightIn   = 8.27
	sideMarginIn   = 0.5
	topMarginIn    = 0.6
	pixelsPerInch  = 96
	defaultColW    = 9.140625 // excelize's default column width, in characters
	defaultRowPx   = 20       // 15 points
	chartHeightPx  = 300      // every chart of the workbook
	pointsPerPixel = 0.75
)

// colPixels is the width on screen of a column width in characters (Calibri
// 11: seven pixels a digit plus five of padding).
func colPixels(w float64) float64 {
	return math.Trunc(w*7 + 5)
}

// blockPixels is the width of columns from..to.
func (s *sheet) blockPixels(from, to int) float64 {
	var px float64
	for c := from; c <= to; c++ {
		w, ok := s.widths[c]
		if !ok {
			w = defaultColW
		}
		if !s.isHidden(c) {
			px += colPixels(w)
		}
	}
	return px
}

func (s *sheet) isHidden(c int) bool {
	for _, h := range s.hidden {
		if h == c {
			return true
		}
	}
	return false
}

// scale is the print zoom (10–100%) at which the widest block fits the page.
func (p *printSetup) scale(s *sheet) uint {
	starts := append([]int{1}, p.blocks...)
	widest := 0.0
	for i, from := range starts {
		to := p.lastCol
		if i+1 < len(starts) {
			to = starts[i+1] - 1
		}
		widest = math.Max(widest, s.blockPixels(from, to))
	}
	page := (pageWidthIn - 2*sideMarginIn) * pixelsPerInch * 0.97 // a little slack for rounding
	return uint(max(10, min(100, math.Floor(page/widest*100))))
}

// apply writes the page setup, the column breaks and the print names
// (_xlnm.Print_Area, _xlnm.Print_Titles) of sheet s.
func (p *printSetup) apply(f *excelize.File, s *sheet) error {
	if err := f.SetPageLayout(s.name, &excelize.PageLayoutOptions{
		Orientation: ptr("landscape"), AdjustTo: ptr(p.scale(s))}); err != nil {
		return err
	}
	if err := f.SetPageMargins(s.name, &excelize.PageLayoutMarginsOptions{
		Left: ptr(sideMarginIn), Right: ptr(sideMarginIn), Top: ptr(0.6), Bottom: ptr(0.6),
		Header: ptr(0.3), Footer: ptr(0.3)}); err != nil {
		return err
	}
	for _, c := range p.blocks {
		if err := f.InsertPageBreak(s.name, cellName(c, 1)); err != nil {
			return err
		}
	}
	for _, r := range p.chartBreaks(s) {
		if err := f.InsertPageBreak(s.name, cellName(1, r)); err != nil {
			return err
		}
	}
	s.names = append(s.names,
		excelize.DefinedName{Name: "_xlnm.Print_Area", Scope: s.name,
			RefersTo: qualify(s.name, absRange(1, 1, p.lastCol, s.lastPrintedRow()))},
		excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: s.name,
			RefersTo: qualify(s.name, fmt.Sprintf("$1:$%d", headRow))})
	return nil
}

// chartRows is how many rows a chart covers, with a margin.
const chartRows = chartHeightPx/defaultRowPx + 2

// lastPrintedRow is the last row holding a cell or part of a chart.
func (s *sheet) lastPrintedRow() int {
	last := max(len(s.rows), s.written, headRow)
	for _, pc := range s.charts {
		if _, r, err := excelize.CellNameToCoordinates(pc.cell); err == nil {
			last = max(last, r+chartRows)
		}
	}
	return last
}

// rowPixels is the height of row r.
func (s *sheet) rowPixels(r int) float64 {
	if h, ok := s.heights[r]; ok {
		return h / pointsPerPixel
	}
	return defaultRowPx
}

// chartBreaks returns the rows before which a page must break so that no
// chart is cut in two: a chart that would cross the end of its page starts
// the next one.
func (p *printSetup) chartBreaks(s *sheet) []int {
	zoom := float64(p.scale(s)) / 100
	page := (pageHeightIn - 2*topMarginIn) * pixelsPerInch / zoom
	var titles float64
	for r := 1; r <= headRow; r++ {
		titles += s.rowPixels(r)
	}
	var breaks []int
	for _, pc := range s.charts {
		_, top, err := excelize.CellNameToCoordinates(pc.cell)
		if err != nil {
			continue
		}
		// walk the pages down to the chart's top row
		used, start := titles, headRow+1
		for r := headRow + 1; r < top; r++ {
			h := s.rowPixels(r)
			if used+h > page {
				used, start = titles, r
			}
			used += h
		}
		if start < top && used+chartHeightPx > page {
			breaks = append(breaks, top)
		}
	}
	return breaks
}

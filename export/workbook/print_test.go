package workbook

import (
	"archive/zip"
	"bytes"
	"io"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestModuleSheetsPrintLikeAReport: every module sheet prints landscape, at
// most two pages wide (one column break; the Finance sheet three), with the title and header rows
// repeated on every page, the helper grids (the sales AE tenure grid, the
// fulfillment chart data, the viral cycle table) outside the print area, every block of columns
// narrower than the page at the sheet's zoom, and every row of a fixed
// height so the breaks computed for it hold in every engine.
func TestModuleSheetsPrintLikeAReport(t *testing.T) {
	path := writeTemp(t, t.TempDir(), "print.xlsx", samplePlan(t))
	f := open(t, path)
	defer f.Close()
	xml := sheetXMLByName(t, path, f)
	names := map[string]map[string]string{}
	for _, dn := range f.GetDefinedName() {
		if names[dn.Scope] == nil {
			names[dn.Scope] = map[string]string{}
		}
		names[dn.Scope][dn.Name] = dn.RefersTo
	}
	lastCol := map[string]string{" - Viral": "L", " - Sales": "Y", " - Fulfillment": "U", " - Markets": "K", " - Finance": "AF"}
	// pages wide beyond two (none: the Finance sheet's inputs and revenue
	// share its first page, its costs and cash the second)
	wide := map[string]int{}
	checked := 0
	for _, sh := range f.GetSheetList() {
		i := strings.LastIndex(sh, " - ")
		if i < 0 {
			continue
		}
		want, ok := lastCol[sh[i:]]
		if !ok {
			continue
		}
		checked++
		pl, err := f.GetPageLayout(sh)
		if err != nil {
			t.Fatal(err)
		}
		if pl.Orientation == nil || *pl.Orientation != "landscape" || pl.AdjustTo == nil {
			t.Errorf("%s: orientation %v, zoom %v: want landscape at a set zoom", sh, pl.Orientation, pl.AdjustTo)
			continue
		}
		if got := names[sh]["_xlnm.Print_Titles"]; !strings.HasSuffix(got, "!$1:$4") {
			t.Errorf("%s: rows repeated on every page %q, want $1:$4", sh, got)
		}
		area := names[sh]["_xlnm.Print_Area"]
		if m := regexp.MustCompile(`!\$A\$1:\$([A-Z]+)\$\d+$`).FindStringSubmatch(area); m == nil || m[1] != want {
			t.Errorf("%s: print area %q, want columns A to %s", sh, area, want)
		}
		colBreaks := regexp.MustCompile(`<colBreaks.*</colBreaks>`).FindString(xml[sh])
		breaks := regexp.MustCompile(`<brk id="(\d+)"`).FindAllStringSubmatch(colBreaks, -1)
		if pages := max(wide[sh[i:]], 2); len(breaks) > pages-1 {
			t.Errorf("%s: %d column breaks, want at most %d (%d pages wide)", sh, len(breaks), pages-1, pages)
		}
		starts := []int{1}
		for _, b := range breaks {
			starts = append(starts, atoi(t, b[1])+1)
		}
		last, _ := excelize.ColumnNameToNumber(want)
		zoom := float64(*pl.AdjustTo) / 100
		for i, from := range starts {
			to := last
			if i+1 < len(starts) {
				to = starts[i+1] - 1
			}
			px := 0.0
			for c := from; c <= to; c++ {
				name, _ := excelize.ColumnNumberToName(c)
				w, _ := f.GetColWidth(sh, name)
				if v, _ := f.GetColVisible(sh, name); v {
					px += float64(int(w*7 + 5))
				}
			}
			// 10 inches between the margins of an 11-inch page, 96 px an inch
			if px*zoom > 960 {
				t.Errorf("%s: columns %d–%d are %.0f px at %.0f%%, wider than the 960 px of a page", sh, from, to, px, zoom*100)
			}
		}
		if strings.Contains(xml[sh], "<row r=\"7\" ") && !regexp.MustCompile(`<row r="7"[^>]*customHeight="1"`).MatchString(xml[sh]) {
			t.Errorf("%s: row 7 has no fixed height", sh)
		}
	}
	if checked != 15 {
		t.Errorf("checked %d module sheets, want 15", checked)
	}
}

// TestChartMonthLabelsAreSpaced: the monthly charts plot against the month
// number on a value axis (scatter), never a category axis with a label for
// every month (LibreOffice prints those as stacked digits).
func TestChartMonthLabelsAreSpaced(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, samplePlan(t), Options{}); err != nil {
		t.Fatal(err)
	}
	monthly := 0
	for name, x := range chartParts(t, buf.Bytes()) {
		if !strings.Contains(x, "<a:t>Month</a:t>") {
			continue
		}
		monthly++
		if !strings.Contains(x, "<scatterChart>") || strings.Contains(x, "<catAx>") {
			t.Errorf("%s: a month axis that is not a value axis", name)
		}
	}
	if monthly != 15 {
		t.Errorf("%d monthly charts, want 15 (viral, sales, fulfillment and two finance charts × 3 scenarios)", monthly)
	}
}

// sheetXMLByName returns each worksheet's XML by sheet name.
func sheetXMLByName(t *testing.T, path string, f *excelize.File) map[string]string {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	byPath := map[string]string{}
	for _, e := range z.File {
		byPath[e.Name] = readZip(t, e)
	}
	out := map[string]string{}
	for id, name := range f.GetSheetMap() {
		out[name] = byPath[filepath.ToSlash(filepath.Join("xl", "worksheets", "sheet"+itoa(id)+".xml"))]
	}
	return out
}

func readZip(t testing.TB, e *zip.File) string {
	t.Helper()
	r, err := e.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestPlanNameTitlesTheWorkbook: the workbook's title property and the
// Summary's heading are the plan's name.
func TestPlanNameTitlesTheWorkbook(t *testing.T) {
	p := samplePlan(t)
	p.Name = "Board plan, May"
	path := writeTemp(t, t.TempDir(), "title.xlsx", p)
	f := open(t, path)
	defer f.Close()
	props, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if props.Title != "Board plan, May" {
		t.Errorf("workbook title %q", props.Title)
	}
	if v, _ := f.GetCellValue("Summary", "A1"); !strings.HasPrefix(v, "Board plan, May") {
		t.Errorf("Summary heading %q", v)
	}
}

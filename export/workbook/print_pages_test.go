package workbook

import (
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"scaleplan/scenario"
)

// fiveScenarioPlan is the sample with two more scenarios (copies of Base
// and Aggressive, one running 48 months), five in all.
func fiveScenarioPlan(t testing.TB) *scenario.Plan {
	p := samplePlan(t)
	more := p.Scenarios[0].Duplicate("Base, late hires")
	more.HorizonMonths = 48
	p.Scenarios = append(p.Scenarios, more, p.Scenarios[1].Duplicate("Aggressive, no paid"))
	p.Name = "Five scenarios"
	return p
}

// TestPrintedPages prints the sample workbook and a five-scenario one to
// PDF with LibreOffice and counts the pages: each scenario adds its five
// module sheets, and no sheet spills onto pages a reader would not expect
// (README.md, "The workbook", quotes the counts).
func TestPrintedPages(t *testing.T) {
	if testing.Short() {
		t.Skip("prints with LibreOffice")
	}
	pdfinfo := needTool(t, "pdfinfo", "poppler-utils")
	dir, out := t.TempDir(), t.TempDir()
	files := []string{writeTemp(t, dir, "sample.xlsx", samplePlan(t)), writeTemp(t, dir, "five.xlsx", fiveScenarioPlan(t))}
	pdfs := convert(t, "pdf", out, files...)
	for i, want := range []struct {
		scenarios, max int
	}{{3, 45}, {5, 72}} {
		info, err := exec.Command(pdfinfo, pdfs[i]).Output()
		if err != nil {
			t.Fatalf("pdfinfo: %v", err)
		}
		m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(info)
		if m == nil {
			t.Fatalf("pdfinfo %s: no page count in %s", pdfs[i], info)
		}
		pages, _ := strconv.Atoi(string(m[1]))
		t.Logf("%s: %d scenarios print on %d pages (%s)", filepath.Base(files[i]), want.scenarios, pages, perSheet(t, pdfs[i]))
		if pages > want.max {
			t.Errorf("%s: %d pages, want at most %d", filepath.Base(files[i]), pages, want.max)
		}
	}
}

// perSheet counts the pages of each sheet of a printed workbook by the
// title every page repeats.
func perSheet(t *testing.T, pdf string) string {
	text, err := exec.Command(needTool(t, "pdftotext", "poppler-utils"), "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	var order []string
	count := map[string]int{}
	for _, page := range strings.Split(string(text), "\f") {
		title := strings.TrimSpace(strings.SplitN(strings.TrimSpace(page), "\n", 2)[0])
		if i := strings.Index(title, " — "); i >= 0 {
			title = title[i+len(" — "):]
		}
		if title == "" {
			continue
		}
		if count[title] == 0 {
			order = append(order, title)
		}
		count[title]++
	}
	var parts []string
	for _, k := range order {
		parts = append(parts, k+" "+strconv.Itoa(count[k]))
	}
	return strings.Join(parts, ", ")
}

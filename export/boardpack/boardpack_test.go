package boardpack

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"scaleplan/assets"
	"scaleplan/export/chart"
	"scaleplan/scenario"
)

func samplePlan(t testing.TB) *scenario.Plan {
	t.Helper()
	p, err := scenario.Decode(assets.SamplePlan)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

var packDate = time.Date(2026, time.November, 30, 9, 0, 0, 0, time.UTC)

// writePack writes p's pack into a new folder and returns it; PACK_DIR
// keeps the sample's pack for looking at.
func writePack(t *testing.T, p *scenario.Plan, opt Options) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "pack")
	if opt.Date.IsZero() {
		opt.Date = packDate
	}
	if err := Write(dir, p, opt); err != nil {
		t.Fatal(err)
	}
	return dir
}

func readCSV(t *testing.T, dir string) [][]string {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, CSVName))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func csvRow(t *testing.T, rows [][]string, key string) []string {
	t.Helper()
	for _, r := range rows {
		if len(r) > 1 && r[1] == key {
			return r
		}
	}
	t.Fatalf("no row %s in the CSV", key)
	return nil
}

func num(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("%q is not a number", s)
	}
	return v
}

// pdfText extracts the PDF's text with poppler's pdftotext.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// TestSamplePack: every file of the sample's pack is there and holds
// what the plan computes.
func TestSamplePack(t *testing.T) {
	p := samplePlan(t)
	dir := writePack(t, p, Options{})
	results, err := scenario.ComputePlan(p)
	if err != nil {
		t.Fatal(err)
	}
	// the CSV: a column per scenario, then Δ and Δ % of the others
	rows := readCSV(t, dir)
	wantHead := []string{"metric", "key", "Base", "Aggressive", "Conservative", "Aggressive Δ", "Aggressive Δ %", "Conservative Δ", "Conservative Δ %"}
	if !slices.Equal(rows[0], wantHead) {
		t.Errorf("CSV head %q, want %q", rows[0], wantHead)
	}
	arr := func(i int) float64 { ms := results[i].Sales.Months; return ms[len(ms)-1].ARR }
	r := csvRow(t, rows, "sales.arrHorizon")
	if num(t, r[2]) != arr(0) || num(t, r[3]) != arr(1) || math.Abs(num(t, r[5])-(arr(1)-arr(0))) > 1e-6 || math.Abs(num(t, r[6])-(arr(1)-arr(0))/arr(0)) > 1e-12 {
		t.Errorf("ARR at horizon row %q; ARR %v, %v", r, arr(0), arr(1))
	}
	if r := csvRow(t, rows, "sales.stage.Scale Sales Machine"); r[2] != "" || r[5] != "" {
		t.Errorf("a stage never reached must be empty, not 0: %q", r)
	}
	// every chart as PNG (1200 × 675) and SVG
	pngs, _ := filepath.Glob(filepath.Join(dir, ChartsDir, "*.png"))
	svgs, _ := filepath.Glob(filepath.Join(dir, ChartsDir, "*.svg"))
	if want := 3*2 + len(chart.Panels(chart.KindCompare)); len(pngs) != want || len(svgs) != len(pngs) {
		t.Errorf("%d PNG and %d SVG charts, want %d of each (two per scenario, every overlay: the sample has every module on)", len(pngs), len(svgs), want)
	}
	for _, f := range pngs {
		data, _ := os.ReadFile(f)
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil || img.Bounds().Dx() != 1200 || img.Bounds().Dy() != 675 {
			t.Errorf("%s: %v, %v", filepath.Base(f), err, img.Bounds())
		}
		svg, err := os.ReadFile(strings.TrimSuffix(f, ".png") + ".svg")
		if err != nil || !bytes.Contains(svg, []byte("<svg")) {
			t.Errorf("%s has no SVG twin: %v", filepath.Base(f), err)
		}
	}
	// the workbook is a zip
	if data, err := os.ReadFile(filepath.Join(dir, WorkbookName)); err != nil || !bytes.HasPrefix(data, []byte("PK")) {
		t.Errorf("workbook: %v", err)
	}
	// the PDF's text is text: names, figures and chart labels
	text := pdfText(t, filepath.Join(dir, PDFName))
	for _, want := range []string{"Sample: Acme Kits", "Board pack · 30 November 2026", "Comparison (1 of ", "Side by side",
		"Assumptions that differ", "Appendix: every input", "Users · Aggressive", "ARR by sales stage · Conservative",
		scenario.FormatMoney(arr(0), "USD"), "viral.inviteConversion", "Milestones"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF's text has no %q", want)
		}
	}
	// milestones are dated on the plan's calendar: month 1 is Jan 2027,
	// so Base's orders pass 100 a month (month 10) in Oct 2027
	if !regexp.MustCompile(`Oct 2027 +orders pass 100/mo`).MatchString(text) {
		t.Error("the milestone of month 10 is not dated Oct 2027")
	}
}

// TestPackPagesAre16By9: every page is 960 × 540 pt, and the pack has a
// cover, one page per scenario and the rest.
func TestPackPagesAre16By9(t *testing.T) {
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		t.Skip("pdfinfo (poppler-utils) is not installed")
	}
	p := samplePlan(t)
	dir := writePack(t, p, Options{Compare: []int{1, 0}})
	out, err := exec.Command("pdfinfo", "-f", "1", "-l", "100", filepath.Join(dir, PDFName)).Output()
	if err != nil {
		t.Fatal(err)
	}
	pages := 0
	for _, line := range strings.Split(string(out), "\n") {
		if strings.HasPrefix(line, "Page") && strings.Contains(line, "size:") {
			pages++
			if !strings.Contains(line, "960 x 540 pts") {
				t.Errorf("%s", line)
			}
		}
	}
	if pages < 1+2+2+1+1+1 {
		t.Errorf("%d pages, want at least a cover, 2 scenario pages, 2 comparison pages, overlays, assumptions and the appendix", pages)
	}
}

// TestComparedScenariosAndBaseline: the chosen scenarios in the chosen
// order, the deltas against the chosen baseline (Conservative), in the CSV
// and the PDF.
func TestComparedScenariosAndBaseline(t *testing.T) {
	p := samplePlan(t)
	dir := writePack(t, p, Options{Compare: []int{2, 0}})
	results, _ := scenario.ComputePlan(p)
	rows := readCSV(t, dir)
	if want := []string{"metric", "key", "Conservative", "Base", "Base Δ", "Base Δ %"}; !slices.Equal(rows[0], want) {
		t.Fatalf("CSV head %q, want %q", rows[0], want)
	}
	users := func(i int) float64 { ms := results[i].Viral.Months; return ms[len(ms)-1].Active }
	r := csvRow(t, rows, "viral.activeHorizon")
	if d := users(0) - users(2); math.Abs(num(t, r[4])-d) > 1e-6 || math.Abs(num(t, r[5])-d/users(2)) > 1e-12 {
		t.Errorf("active users row %q, want Δ %v", r, d)
	}
	text := pdfText(t, filepath.Join(dir, PDFName))
	if strings.Contains(text, "Aggressive") {
		t.Error("a scenario not chosen is in the PDF")
	}
	if !strings.Contains(text, "Against the baseline, Conservative") {
		t.Error("the comparison does not name Conservative as the baseline")
	}
}

// TestVariantAssumptions: for variants of the baseline, the assumptions
// that differ are exactly their overrides.
func TestVariantAssumptions(t *testing.T) {
	p := samplePlan(t)
	p.Scenarios = p.Scenarios[:1]
	for _, o := range []struct{ name, path, value string }{
		{"Cheaper 3PL", "fulfillment.models[3PL].perOrder", "3.5"},
		{"Stronger loop", "viral.inviteConversion", "0.3"},
	} {
		v, err := scenario.NewVariant(p, p.Scenarios[0].ID, o.name)
		if err != nil {
			t.Fatal(err)
		}
		v.Overrides[o.path] = json.RawMessage(o.value)
		p.Scenarios = append(p.Scenarios, v)
	}
	if err := p.ResolveVariants(); err != nil {
		t.Fatal(err)
	}
	results, err := scenario.ComputePlan(p)
	if err != nil {
		t.Fatal(err)
	}
	pk := newPack(p, results, nil, []int{0, 1, 2}, packDate)
	var got []string
	for _, r := range pk.assumptions {
		got = append(got, fmt.Sprintf("%s: %s", r.Label, strings.Join(r.Values, " | ")))
	}
	want := make([]string, 2)
	want[0] = fmt.Sprintf("fulfillment.models[3PL].perOrder: %s | 3.5 | %s", scenario.FormatInput(p.Scenarios[0].Fulfillment.Models[1].PerOrder, false), scenario.FormatInput(p.Scenarios[0].Fulfillment.Models[1].PerOrder, false))
	want[1] = fmt.Sprintf("viral.inviteConversion: %s | %s | 0.3", scenario.FormatInput(p.Scenarios[0].Viral.InviteConversion, false), scenario.FormatInput(p.Scenarios[0].Viral.InviteConversion, false))
	if !slices.Equal(got, want) {
		t.Errorf("assumptions\n%q\nwant\n%q", got, want)
	}
}

// TestPackFailureLeavesNothing: a pack that fails at the last moment
// leaves neither the folder nor its temporary twin; a folder that holds
// files, a file and a missing parent are refused before any work.
func TestPackFailureLeavesNothing(t *testing.T) {
	p := samplePlan(t)
	root := t.TempDir()
	old := beforePlace
	beforePlace = func() error { return errors.New("disk full") }
	err := Write(filepath.Join(root, "pack"), p, Options{Date: packDate})
	beforePlace = old
	if err == nil || err.Error() != "disk full" {
		t.Errorf("error %v", err)
	}
	if left, _ := os.ReadDir(root); len(left) != 0 {
		t.Errorf("left behind: %v", left)
	}
	full := filepath.Join(root, "full")
	os.Mkdir(full, 0o755)
	os.WriteFile(filepath.Join(full, "keep.txt"), []byte("x"), 0o644)
	file := filepath.Join(root, "file")
	os.WriteFile(file, []byte("x"), 0o644)
	for _, c := range []struct{ dir, want string }{
		{full, "already holds files"},
		{file, "is a file"},
		{filepath.Join(root, "no", "pack"), "the folder it goes in does not exist"},
	} {
		if err := Write(c.dir, p, Options{}); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.dir, err, c.want)
		}
	}
	if data, _ := os.ReadFile(filepath.Join(full, "keep.txt")); string(data) != "x" {
		t.Error("the full folder was touched")
	}
	empty := filepath.Join(root, "empty")
	os.Mkdir(empty, 0o755)
	if err := Write(empty, p, Options{Date: packDate}); err != nil {
		t.Errorf("an empty folder should take the pack: %v", err)
	}
}

// TestCancelledPackLeavesNothing cancels a pack after its second chart:
// the error is context.Canceled, no step follows the cancel but the charts
// already being drawn (two at a time), and no folder is left.
func TestCancelledPackLeavesNothing(t *testing.T) {
	root := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	last, total := 0, 0
	err := Write(filepath.Join(root, "pack"), samplePlan(t), Options{Date: packDate, Context: ctx, Progress: func(done, all int) {
		last, total = done, all
		if done == 2 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled pack: %v, want context.Canceled", err)
	}
	if last > 4 || last >= total {
		t.Errorf("progress went on to step %d of %d after the cancel at 2", last, total)
	}
	if left, _ := os.ReadDir(root); len(left) != 0 {
		t.Errorf("left behind: %v", left)
	}
}

// TestComparedRefused: choices that cannot make a pack.
func TestComparedRefused(t *testing.T) {
	p := samplePlan(t)
	for _, c := range []struct {
		idx  []int
		want string
	}{
		{[]int{0, 0}, `scenario "Base" is chosen twice`},
		{[]int{0, 3}, "no scenario 3 (the plan has 3)"},
		{[]int{0, 1, 2, 0, 1, 2, 0}, "7 scenarios chosen; a pack compares at most 6"},
	} {
		if _, err := (Options{Compare: c.idx}).Compared(p); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: %v, want %q", c.idx, err, c.want)
		}
	}
}

// BenchmarkSamplePack writes the sample plan's whole pack.
func BenchmarkSamplePack(b *testing.B) {
	p := samplePlan(b)
	root := b.TempDir()
	n := 0
	for b.Loop() {
		n++
		if err := Write(filepath.Join(root, fmt.Sprint(n)), p, Options{Date: packDate}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestSlide: the comparison slide in every format: PNG 1920 × 1080, SVG
// and a one-page 960 × 540 pt PDF whose text names the scenarios, the
// baseline and the key figures.
func TestSlide(t *testing.T) {
	p := samplePlan(t)
	results, err := scenario.ComputePlan(p)
	if err != nil {
		t.Fatal(err)
	}
	idx := []int{2, 0, 1}
	for _, format := range []string{"png", "svg", "pdf"} {
		data, err := SlideBytes(format, p, results, idx)
		if err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		if out := os.Getenv("SLIDE_DIR"); out != "" {
			os.WriteFile(filepath.Join(out, "slide."+format), data, 0o644)
		}
		switch format {
		case "png":
			img, err := png.Decode(bytes.NewReader(data))
			if err != nil || img.Bounds().Dx() != 1920 || img.Bounds().Dy() != 1080 {
				t.Errorf("png: %v %v", err, img.Bounds())
			}
		case "svg":
			if !bytes.Contains(data, []byte(`width="960pt"`)) && !bytes.Contains(data, []byte(`width="960`)) {
				t.Errorf("svg is not 960 wide: %.200s", data)
			}
		case "pdf":
			path := filepath.Join(t.TempDir(), "slide.pdf")
			os.WriteFile(path, data, 0o644)
			text := pdfText(t, path)
			arr := results[0].Sales.Months[len(results[0].Sales.Months)-1].ARR
			for _, want := range []string{"Conservative · Base · Aggressive", "Against the baseline, Conservative", "ARR at horizon", scenario.FormatMoneyCompact(arr, "USD"), "Active users by scenario"} {
				if !strings.Contains(text, want) {
					t.Errorf("the slide's text has no %q", want)
				}
			}
		}
	}
	if _, err := SlideBytes("gif", p, results, idx); err == nil || !strings.Contains(err.Error(), `unknown slide format "gif"`) {
		t.Errorf("gif: %v", err)
	}
	if _, err := SlideBytes("png", p, results, []int{0, 1, 2, 0, 1, 2, 0}); err == nil {
		t.Error("seven scenarios on a slide")
	}
}

// TestSimulatedPack: with Simulate, every compared scenario with ranges is
// simulated with the plan's runs and seed: its page says what the
// simulation says of cash, in the words of the simulation itself, the
// charts' legends name the P10–P90 band, and the workbook gets its
// Simulation sheets; without, none of that.
func TestSimulatedPack(t *testing.T) {
	p := samplePlan(t)
	p.Simulation = &scenario.Simulation{Runs: 300, Seed: 7}
	dir := writePack(t, p, Options{Simulate: true})
	text := pdfText(t, filepath.Join(dir, PDFName))
	base, err := scenario.Simulate(context.Background(), &p.Scenarios[0], p.Currency, scenario.SimOptions{Runs: 300, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Uncertainty · 300 runs (bands: P10–P90)", base.CashNeededSentence(p.Currency)[:40]} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF's text has no %q", want)
		}
	}
	svgs, _ := filepath.Glob(filepath.Join(dir, ChartsDir, "*.svg"))
	banded := 0
	for _, f := range svgs {
		if data, _ := os.ReadFile(f); bytes.Contains(data, []byte("P10")) {
			banded++
		}
	}
	if banded == 0 {
		t.Error("no chart of the pack shows a P10–P90 band")
	}
	wb, err := excelize.OpenFile(filepath.Join(dir, WorkbookName))
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	if !slices.Contains(wb.GetSheetList(), "Base - Simulation") {
		t.Errorf("the workbook's sheets %v have no Base - Simulation", wb.GetSheetList())
	}

	plain := pdfText(t, filepath.Join(writePack(t, p, Options{}), PDFName))
	if strings.Contains(plain, "Uncertainty") {
		t.Error("a pack without Simulate speaks of uncertainty")
	}
}

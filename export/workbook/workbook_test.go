package workbook

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"scaleplan/scenario"
)

func TestSheetsAndNames(t *testing.T) {
	f := openBytes(t, samplePlan(t))
	want := []string{"Summary"}
	for _, s := range []string{"Base", "Aggressive", "Conservative"} {
		for _, m := range []string{"Viral", "Sales", "Fulfillment", "Markets", "Finance"} {
			want = append(want, s+" - "+m)
		}
	}
	want = append(want, experimentsName) // the sample plan's backlog
	if got := f.GetSheetList(); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("sheets = %q, want %q", got, want)
	}
	names := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		names[dn.Scope+"!"+dn.Name] = dn.RefersTo
	}
	tests := []struct{ scope, name, ref string }{
		{"Base - Viral", "InvitesPerUser", "'Base - Viral'!$B$6"},
		{"Base - Viral", "InviteConversion", "'Base - Viral'!$B$7"},
		{"Base - Viral", "CycleDays", "'Base - Viral'!$B$8"},
		{"Base - Viral", "ViralK", "'Base - Viral'!$B$18"},
		{"Aggressive - Viral", "MarketSize", "'Aggressive - Viral'!$B$13"},
		{"Base - Sales", "AEQuota", "'Base - Sales'!$B$8"},
		{"Base - Sales", "RampMonths", "'Base - Sales'!$B$10"},
		{"Base - Sales", "StageMinARR", "'Base - Sales'!$B$26:$B$29"},
		{"Base - Fulfillment", "ModelPerOrder", "'Base - Fulfillment'!$C$14:$C$16"},
		{"Base - Markets", "Weights", "'Base - Markets'!$B$5:$F$5"},
		{"Base - Markets", "Scores", "'Base - Markets'!$B$6:$F$11"},
	}
	for _, tt := range tests {
		if got := names[tt.scope+"!"+tt.name]; got != tt.ref {
			t.Errorf("name %s in %s refers to %q, want %q", tt.name, tt.scope, got, tt.ref)
		}
	}
}

// TestMonthlyTablesAreFormulas: every number of the monthly tables is a
// formula (columns listed by sheet), not a pasted value.
func TestMonthlyTablesAreFormulas(t *testing.T) {
	f := openBytes(t, samplePlan(t))
	tests := []struct {
		sheet    string
		from, to int // columns
		rows     int // months
		contains string
	}{
		{"Base - Viral", vNewViral, vGoal, 36, "SUMIFS"},
		{"Base - Viral", cDay, cCumulative, 78, ""},
		{"Base - Sales", sStage, sFull, 36, "MonthlyNRR"},
		{"Base - Fulfillment", fOrders, fCost1 + 2 + 6, 36, "StartOrders"},
		{"Base - Markets", 7, 10, 6, "SUMPRODUCT"},
	}
	for _, tt := range tests {
		first := firstRow
		if tt.sheet == "Base - Sales" || tt.sheet == "Base - Markets" || tt.from == cDay {
			first++ // month 0, weights, cycle 0
		}
		var all strings.Builder
		for r := first; r < first+tt.rows; r++ {
			for c := tt.from; c <= tt.to; c++ {
				fo, err := f.GetCellFormula(tt.sheet, cellName(c, r))
				if err != nil || fo == "" {
					t.Fatalf("%s!%s: no formula (%v)", tt.sheet, cellName(c, r), err)
				}
				all.WriteString(fo)
			}
		}
		if !strings.Contains(all.String(), tt.contains) {
			t.Errorf("%s: formulas never use %s", tt.sheet, tt.contains)
		}
	}
}

func TestValidationAndCharts(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, samplePlan(t), Options{}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	dvs, err := f.GetDataValidations("Base - Markets")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, dv := range dvs {
		if dv.Sqref == "B6:F11" && dv.Type == "whole" && dv.Formula1 == "1" && dv.Formula2 == "5" {
			found = true
		}
	}
	if !found {
		t.Errorf("no whole 1–5 validation on the score matrix: %+v", dvs)
	}
	rates := map[string]string{"Base - Viral": "B7", "Base - Sales": "B9", "Base - Fulfillment": "B7"}
	for sh, cell := range rates {
		dvs, _ := f.GetDataValidations(sh)
		ok := false
		for _, dv := range dvs {
			ok = ok || dv.Sqref == cell && dv.Type == "decimal"
		}
		if !ok {
			t.Errorf("%s!%s: no rate validation", sh, cell)
		}
	}
	if charts := len(chartParts(t, buf.Bytes())); charts != 12+2*3 {
		t.Errorf("%d charts, want one per module sheet (12) and two per Finance sheet (6)", charts)
	}
	props, err := f.GetCalcProps()
	if err != nil || props.FullCalcOnLoad == nil || !*props.FullCalcOnLoad {
		t.Errorf("fullCalcOnLoad not set: %+v %v", props, err)
	}
	if p, err := f.GetPanes("Base - Sales"); err != nil || !p.Freeze || p.YSplit != headRow {
		t.Errorf("Base - Sales: header rows not frozen: %+v %v", p, err)
	}
}

// num reads a cell's raw value as a number.
func num(t testing.TB, f *excelize.File, sheet, cell string) float64 {
	t.Helper()
	v, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	x, err := strconv.ParseFloat(v, 64)
	if err != nil {
		t.Fatalf("%s!%s = %q: not a number", sheet, cell, v)
	}
	return x
}

func str(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func near(a, b float64) bool {
	return same(strconv.FormatFloat(a, 'g', -1, 64), strconv.FormatFloat(b, 'g', -1, 64))
}

// TestCachedValues: without any recalculation, the cached values of the
// formula cells equal the engine's numbers.
func TestCachedValues(t *testing.T) {
	for _, p := range []*scenario.Plan{samplePlan(t), edgeViralPlan(t), salesPlan(t)} {
		f := openBytes(t, p)
		rs, err := scenario.ComputePlan(p)
		if err != nil {
			t.Fatal(err)
		}
		prefixes := sheetPrefixes(p)
		for i, r := range rs {
			checkCached(t, f, prefixes[i], r)
		}
	}
}

func checkCached(t *testing.T, f *excelize.File, prefix string, r *scenario.Result) {
	eq := func(sheet string, c, row int, want float64) {
		t.Helper()
		if got := num(t, f, sheet, cellName(c, row)); !near(got, want) {
			t.Errorf("%s!%s = %v, want %v", sheet, cellName(c, row), got, want)
		}
	}
	v := prefix + suffixViral
	for i, m := range r.Viral.Months {
		rw := firstRow + i
		for c, want := range map[int]float64{vNewViral: m.NewViral, vNewPaid: m.NewPaid, vChurned: m.Churned, vActive: m.Active, vCumulative: m.CumulativeSignups, vSpend: m.PaidSpend} {
			eq(v, c, rw, want)
		}
	}
	for i, c := range r.Viral.Cycles {
		eq(v, cMonth, firstRow+i, float64(c.Month))
		eq(v, cActive, firstRow+i, c.Active)
	}
	s := prefix + suffixSales
	for i, m := range r.Sales.Months {
		rw := firstRow + 1 + i
		for c, want := range map[int]float64{sARR: m.ARR, sNewARR: m.NewARR, sRamped: m.RampedAEs, sAEs: float64(m.AEs), sSDRs: float64(m.SDRs),
			sVP: float64(m.VP), sMgrs: float64(m.Managers), sCost: m.Cost, sHires: float64(m.Hires)} {
			eq(s, c, rw, want)
		}
		if got := str(t, f, s, cellName(sStage, rw)); got != m.Stage {
			t.Errorf("%s month %d: stage %q, want %q", s, m.Month, got, m.Stage)
		}
	}
	fs := prefix + suffixFulfillment
	cols := newFulfillmentCols(len(r.Fulfillment.Months[0].Costs) + countOver(r))
	for i, m := range r.Fulfillment.Months {
		rw := firstRow + i
		eq(fs, fOrders, rw, m.Orders)
		for _, c := range []struct {
			col  int
			want string
		}{{cols.cheapest, m.Cheapest}, {cols.rule, m.RuleOfThumb}, {cols.plan, m.Planned}} {
			if got := str(t, f, fs, cellName(c.col, rw)); got != c.want {
				t.Errorf("%s!%s = %q, want %q", fs, cellName(c.col, rw), got, c.want)
			}
		}
		eq(fs, cols.planCost, rw, m.PlannedCost)
		eq(fs, cols.ruleCost, rw, m.RuleCost)
		checkChartCells(t, f, fs, rw, cols.chart, m)
	}
	row := labelRow(t, f, fs, "Recommended plan still feasible (capacity)")
	for i, want := range []string{"1", "1", "OK"} {
		if got := str(t, f, fs, cellName(valueCol, row+i)); got != want {
			t.Errorf("%s!%s = %q, want %q (the engine's plan is valid)", fs, cellName(valueCol, row+i), got, want)
		}
	}
	mk := prefix + suffixMarkets
	for _, x := range r.Markets.Ranking {
		for i := 0; ; i++ {
			if str(t, f, mk, cellName(1, mktRow+i)) == x.Name {
				eq(mk, 8, mktRow+i, x.Weighted)
				eq(mk, 9, mktRow+i, float64(x.Rank))
				break
			}
		}
	}
}

// checkChartCells: the chart's copy of a month's model costs caches the
// cost, or the error #N/A where the engine says the model is over capacity.
func checkChartCells(t *testing.T, f *excelize.File, sheet string, rw, col int, m scenario.FulfillmentMonth) {
	t.Helper()
	for j := 0; ; j++ {
		cell := cellName(col+j, rw)
		fo, _ := f.GetCellFormula(sheet, cell)
		if fo == "" {
			if j < len(m.Costs) {
				t.Errorf("%s!%s: no chart formula", sheet, cell)
			}
			return
		}
		typ, err := f.GetCellType(sheet, cell)
		if err != nil {
			t.Fatal(err)
		}
		v := str(t, f, sheet, cell)
		if typ == excelize.CellTypeError {
			if v != errNA || str(t, f, sheet, cellName(fCost1+j, rw)) != "over cap." {
				t.Errorf("%s!%s = error %q where the model is feasible", sheet, cell, v)
			}
			continue
		}
		if cost := num(t, f, sheet, cellName(fCost1+j, rw)); !near(num(t, f, sheet, cell), cost) {
			t.Errorf("%s!%s = %s, want the cost %v", sheet, cell, v, cost)
		}
	}
}

// countOver counts the models missing from month 1's costs (over capacity).
func countOver(r *scenario.Result) int {
	n := 0
	for _, m := range r.Fulfillment.Months {
		n = max(n, len(m.Costs))
	}
	return n - len(r.Fulfillment.Months[0].Costs)
}

// TestUserTextStaysText: names and notes that look like formulas are text.
func TestUserTextStaysText(t *testing.T) {
	f := openBytes(t, namesPlan(t))
	seen := map[string]int{}
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				for _, inj := range append(injections, "=1+1") {
					if !strings.Contains(v, inj) {
						continue
					}
					seen[inj]++
					fo, _ := f.GetCellFormula(sh, cellName(c+1, r+1))
					if fo != "" && v == inj && !strings.HasPrefix(fo, "INDEX") && !strings.HasPrefix(fo, "$") && !strings.HasPrefix(fo, "'") {
						t.Errorf("%s!%s holds %q as formula %q", sh, cellName(c+1, r+1), v, fo)
					}
					if fo == inj || fo == strings.TrimPrefix(inj, "=") {
						t.Errorf("%s!%s: user text became the formula %q", sh, cellName(c+1, r+1), fo)
					}
				}
			}
		}
	}
	for _, inj := range injections {
		if seen[inj] == 0 {
			t.Errorf("%q never written", inj)
		}
	}
}

func TestSheetNames(t *testing.T) {
	p := namesPlan(t)
	f := openBytes(t, p)
	got := f.GetSheetList()
	if len(got) != 2+5*len(p.Scenarios) || got[len(got)-1] != experimentsName {
		t.Fatalf("%d sheets, want %d (with Experiments last): %q", len(got), 2+5*len(p.Scenarios), got)
	}
	seen := map[string]bool{}
	for _, n := range got {
		if len(utf16.Encode([]rune(n))) > maxSheetName || strings.ContainsAny(n, `[]:*?/\'`) {
			t.Errorf("invalid sheet name %q", n)
		}
		if seen[strings.ToLower(n)] {
			t.Errorf("duplicate sheet name %q", n)
		}
		seen[strings.ToLower(n)] = true
	}
	// The Summary links through quoted names; an apostrophe becomes ’ (Gnumeric
	// cannot read a doubled apostrophe in a sheet reference).
	fo, err := f.GetCellFormula("Summary", "F5")
	if err != nil || !strings.Contains(fo, "'It’s (Q1-Q2)- ") {
		t.Errorf("Summary!H5 = %q (%v): want a link into the apostrophe sheet", fo, err)
	}
}

func TestPrefixes(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Base", "Base"},
		{"a/b\\c[d]:e*f?g", "a-b-c(d)-e-fg"},
		{"  'x'  ", "x"},
		{"", "Scenario 1"},
		{"Ünïcödé scenario names", "Ünïcödé scenario"},
		{"😀😀😀😀😀😀😀😀😀😀", "😀😀😀😀😀😀😀😀"},
	}
	for _, tt := range tests {
		p := &scenario.Plan{Scenarios: []scenario.Scenario{{Name: tt.in}}}
		if got := sheetPrefixes(p)[0]; got != tt.want {
			t.Errorf("prefix(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	p := &scenario.Plan{Scenarios: []scenario.Scenario{{Name: "Summary"}, {Name: "Same long name 123456 A"}, {Name: "Same long name 123456 B"}}}
	if got := strings.Join(sheetPrefixes(p), "|"); got != "Summary~2|Same long name 12|Same long name~2" {
		t.Errorf("prefixes = %s", got)
	}
}

func TestWriteFileErrors(t *testing.T) {
	dir := t.TempDir()
	p := samplePlan(t)
	if err := WriteFile(filepath.Join(dir, "missing", "x.xlsx"), p, Options{}); err == nil || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing folder: %v", err)
	}
	ro := filepath.Join(dir, "ro")
	if err := os.Mkdir(ro, 0o555); err != nil {
		t.Fatal(err)
	}
	if os.Getuid() != 0 { // root writes anywhere
		if err := WriteFile(filepath.Join(ro, "x.xlsx"), p, Options{}); err == nil || !strings.HasPrefix(err.Error(), "workbook: cannot write") {
			t.Errorf("read-only folder: %v", err)
		}
	}
	bad := p.Clone()
	bad.Scenarios[0].Viral.InviteConversion = 1.5
	out := filepath.Join(dir, "bad.xlsx")
	if err := WriteFile(out, bad, Options{}); err == nil || !strings.Contains(err.Error(), "inviteConversion") {
		t.Errorf("invalid plan: %v", err)
	}
	if exists(out) {
		t.Error("an invalid plan left a file")
	}
	var calls, last, total int
	if err := WriteFile(filepath.Join(dir, "ok.xlsx"), p, Options{Progress: func(d, n int) { calls, last, total = calls+1, d, n }}); err != nil {
		t.Fatal(err)
	}
	if calls == 0 || last != total {
		t.Errorf("progress: %d calls, last %d of %d", calls, last, total)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
}

// benchPlan has n scenarios of h months with every module on.
func benchPlan(b testing.TB, n, h int) *scenario.Plan {
	p := samplePlan(b)
	base := p.Scenarios[0]
	p.Scenarios = nil
	for i := range n {
		s := base.Duplicate("Scenario " + strconv.Itoa(i+1))
		s.HorizonMonths = h
		s.Viral.InviteConversion = 0.1 + 0.01*float64(i)
		p.Scenarios = append(p.Scenarios, s)
	}
	return p
}

// BenchmarkWrite exports 20 scenarios × 120 months.
func BenchmarkWrite(b *testing.B) {
	p := benchPlan(b, 20, 120)
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := Write(&buf, p, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len())/1e6, "MB")
}

// TestRateValidationBounds: rates are entered as fractions of 1 (100%).
func TestRateValidationBounds(t *testing.T) {
	f := openBytes(t, samplePlan(t))
	dvs, err := f.GetDataValidations("Base" + suffixViral)
	if err != nil {
		t.Fatal(err)
	}
	for _, dv := range dvs {
		if dv.Sqref == "B7" {
			if dv.Formula1 != "0" || dv.Formula2 != "1" {
				t.Errorf("invite conversion validation %q to %q, want 0 to 1", dv.Formula1, dv.Formula2)
			}
			return
		}
	}
	t.Error("no validation on the invite conversion")
}

// TestWriteFileReplacesAtomically: a second export over the same file
// renames a new file over it (never rewrites the old one in place, which
// a crash could leave half-written); a parent that is a file is reported
// as such before any work.
func TestWriteFileReplacesAtomically(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "plan.xlsx")
	p := samplePlan(t)
	if err := WriteFile(path, p, Options{}); err != nil {
		t.Fatal(err)
	}
	before, _ := os.Stat(path)
	if err := WriteFile(path, p, Options{}); err != nil {
		t.Fatal(err)
	}
	after, _ := os.Stat(path)
	if before == nil || after == nil || os.SameFile(before, after) {
		t.Error("the second export rewrote the workbook in place; want a new file renamed over it")
	}
	notDir := filepath.Join(dir, "file")
	if err := os.WriteFile(notDir, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := WriteFile(filepath.Join(notDir, "x.xlsx"), p, Options{})
	if err == nil || !strings.Contains(err.Error(), "is not a folder") {
		t.Errorf("parent is a file: %v", err)
	}
}

// TestCancelStopsExportAndKeepsTheFile cancels an export after its third
// sheet: the error is context.Canceled, no sheet is written after the
// cancel, the file that was there before is untouched, and no temporary
// file is left beside it.
func TestCancelStopsExportAndKeepsTheFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "plan.xlsx")
	if err := os.WriteFile(path, []byte("the previous export"), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	last := 0
	err := WriteFile(path, samplePlan(t), Options{Context: ctx, Progress: func(done, _ int) {
		last = done
		if done == 3 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled export: %v, want context.Canceled", err)
	}
	if last != 3 {
		t.Errorf("progress went on to step %d after the cancel at 3", last)
	}
	if got, _ := os.ReadFile(path); string(got) != "the previous export" {
		t.Errorf("the file was changed: %.40q", got)
	}
	if es, _ := os.ReadDir(dir); len(es) != 1 {
		var names []string
		for _, e := range es {
			names = append(names, e.Name())
		}
		t.Errorf("files left beside it: %v", names)
	}
}

package main

// Tests added after a mutation audit: each one kills a hand-made mutation
// that the other tests let survive.

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"scaleplan/assets"
	"scaleplan/scenario"
)

// TestHelpExitsZero: asking for help is not a usage error (exit 0, usage
// on stderr); running with no command at all is (exit 2).
func TestHelpExitsZero(t *testing.T) {
	for _, arg := range []string{"help", "-h", "--help"} {
		code, _, stderr := runCLI(arg)
		if code != exitOK || !strings.Contains(stderr, "usage: scaleplan-cli COMMAND") {
			t.Errorf("%s: exit %d, stderr %q; want 0 and the usage", arg, code, stderr)
		}
	}
	if code, _, _ := runCLI(); code != exitUsage {
		t.Errorf("no arguments: exit %d, want %d", code, exitUsage)
	}
}

// TestChartDarkTheme: --dark draws on the dark theme's background
// (#17171a, Fyne's dark background), without it on white.
func TestChartDarkTheme(t *testing.T) {
	plan := writeTemp(t, "p.scaleplan", assets.SamplePlan)
	dir := t.TempDir()
	corner := func(args ...string) (r, g, b uint32) {
		t.Helper()
		out := filepath.Join(dir, "c.png")
		if code, _, stderr := chartCLI(append([]string{plan, "--scenario", "Base", "--chart", "sales", "-o", out}, args...)...); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		f, err := os.Open(out)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		img, err := png.Decode(f)
		if err != nil {
			t.Fatal(err)
		}
		r, g, b, _ = img.At(img.Bounds().Min.X, img.Bounds().Min.Y).RGBA()
		return r >> 8, g >> 8, b >> 8
	}
	if r, g, b := corner(); r != 0xff || g != 0xff || b != 0xff {
		t.Errorf("light chart corner = #%02x%02x%02x, want #ffffff", r, g, b)
	}
	if r, g, b := corner("--dark"); r != 0x17 || g != 0x17 || b != 0x1a {
		t.Errorf("--dark chart corner = #%02x%02x%02x, want #17171a", r, g, b)
	}
}

// TestChartCompareScenarios: the charted scenario always comes first in a
// comparison, and naming it again in --compare does not draw it twice.
func TestChartCompareScenarios(t *testing.T) {
	p, err := scenario.Decode(assets.SamplePlan)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := scenario.ComputePlan(p)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		scenario, compare string
		want              []int
	}{
		{"Base", "Aggressive", []int{0, 1}},
		{"Base", "Base, Aggressive", []int{0, 1}},
		{"Conservative", "aggressive,Conservative,Base", []int{2, 1, 0}},
		{"Base", "", nil}, // no --compare: every scenario (the chart's default)
	} {
		in, err := chartInput(p, rs, chartArgs{scenario: tc.scenario, compare: tc.compare})
		if err != nil {
			t.Fatalf("%s vs %q: %v", tc.scenario, tc.compare, err)
		}
		if !reflect.DeepEqual(in.Compare, tc.want) {
			t.Errorf("%s vs %q: Compare = %v, want %v", tc.scenario, tc.compare, in.Compare, tc.want)
		}
	}
}

// reportOf runs writeReport on p.
func reportOf(t *testing.T, p *scenario.Plan) string {
	t.Helper()
	rs, err := scenario.ComputePlan(p)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	writeReport(&b, p, rs)
	return b.String()
}

// TestReportTwoScenariosIdentical: a plan of two scenarios still gets the
// comparison table; a scenario identical to the baseline shows no deltas
// (not "+0%"); and a viral goal of 0 means "no goal", so the report says
// nothing about reaching it.
func TestReportTwoScenariosIdentical(t *testing.T) {
	p, err := scenario.Decode(assets.SamplePlan)
	if err != nil {
		t.Fatal(err)
	}
	p.Scenarios[0].Viral.GoalUsers = 0
	p.Scenarios = []scenario.Scenario{p.Scenarios[0], p.Scenarios[0].Duplicate("Twin")}
	out := reportOf(t, p)
	i := strings.Index(out, "== Comparison (deltas vs Base) ==")
	if i < 0 {
		t.Fatalf("a two-scenario report has no comparison:\n%s", out)
	}
	table := out[i:]
	if regexp.MustCompile(`\([+-]`).MatchString(table) {
		t.Errorf("identical scenarios show deltas:\n%s", table)
	}
	if !strings.Contains(table, "Viral coefficient K") {
		t.Errorf("comparison table has no rows:\n%s", table)
	}
	if strings.Contains(out, "goal of") {
		t.Errorf("a goal of 0 users is reported:\n%s", out)
	}
}

// TestReportSampleDetails pins what the sample's report says, each expected
// value taken from other lines of the same report: month deltas count
// months (Aggressive reaches First Sales Hire in m12, Base in m18: -6 mo),
// small amounts keep their cents, and only tied markets say so.
func TestReportSampleDetails(t *testing.T) {
	p, err := scenario.Decode(assets.SamplePlan)
	if err != nil {
		t.Fatal(err)
	}
	out := reportOf(t, p)
	row := regexp.MustCompile(`(?m)^  Month reaching First Sales Hire +m18 +m12 \(-6 mo\) +m26 \(\+8 mo\)$`)
	if !row.MatchString(out) {
		t.Errorf("First Sales Hire comparison row wrong:\n%s", out)
	}
	if !regexp.MustCompile(`effective CAC \$\d+\.\d\d\n`).MatchString(out) {
		t.Errorf("effective CAC below $100 should show cents:\n%s", out)
	}
	// Base: Germany 3.80 alone, United Kingdom and Canada both 3.60.
	for _, tc := range []struct {
		line string
		tie  bool
	}{{"1. Germany: weighted 3.80, total 19", false}, {"2. United Kingdom: weighted 3.60, total 18", true}, {"2. Canada: weighted 3.60, total 18", true}} {
		j := strings.Index(out, tc.line)
		if j < 0 {
			t.Errorf("report lacks %q", tc.line)
			continue
		}
		rest := out[j+len(tc.line):]
		got := strings.HasPrefix(rest, " (tie)\n")
		if got != tc.tie || (!tc.tie && !strings.HasPrefix(rest, "\n")) {
			t.Errorf("%q followed by %q; tie = %v, want %v", tc.line, rest[:min(10, len(rest))], got, tc.tie)
		}
	}
}

// TestMoney2: amounts under 100 keep cents, larger ones are whole.
func TestMoney2(t *testing.T) {
	money := func(v float64) string { return scenario.FormatMoney(v, "USD") }
	for v, want := range map[float64]string{2.5: "$2.50", 99.99: "$99.99", 100: "$100", 1234.56: "$1,235"} {
		if got := money2(v, money); got != want {
			t.Errorf("money2(%v) = %q, want %q", v, got, want)
		}
	}
}

// TestNewForceAndStrayArguments: -f overwrites an existing file with the
// sample plan; a positional argument is a usage error (the file is -o).
func TestNewForceAndStrayArguments(t *testing.T) {
	path := writeTemp(t, "old.scaleplan", []byte("not a plan"))
	if code, _, stderr := runCLI("new", "-o", path, "-f"); code != exitOK {
		t.Fatalf("new -f over an existing file: exit %d: %s", code, stderr)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, assets.SamplePlan) {
		t.Error("new -f did not write the sample plan over the old file")
	}
	other := filepath.Join(t.TempDir(), "other.scaleplan")
	if code, _, _ := runCLI("new", "-o", other, "extra.scaleplan"); code != exitUsage {
		t.Errorf("new with a stray argument: exit %d, want %d", code, exitUsage)
	}
	if _, err := os.Stat(other); err == nil {
		t.Error("a usage error still wrote the plan")
	}
}

// TestExportExtensionAnyCase: ".XLSX" is an Excel workbook too.
func TestExportExtensionAnyCase(t *testing.T) {
	plan := writeTemp(t, "p.scaleplan", assets.SamplePlan)
	out := filepath.Join(t.TempDir(), "PLAN.XLSX")
	if code, _, stderr := runCLI("export", plan, "-o", out); code != exitOK {
		t.Fatalf("export to .XLSX: exit %d: %s", code, stderr)
	}
	if fi, err := os.Stat(out); err != nil || fi.Size() == 0 {
		t.Errorf("no workbook written: %v", err)
	}
}

package main

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"scaleplan/assets"
	"scaleplan/scenario"
)

// chartCLI runs the chart command in-process.
func chartCLI(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(append([]string{"chart"}, args...), &out, &errb)
	return code, out.String(), errb.String()
}

func TestChartCommand(t *testing.T) {
	dir := t.TempDir()
	plan := filepath.Join(dir, "sample.scaleplan")
	if err := os.WriteFile(plan, assets.SamplePlan, 0o644); err != nil {
		t.Fatal(err)
	}
	noSales := filepath.Join(dir, "nosales.scaleplan")
	off := strings.Replace(string(assets.SamplePlan), `"sales": {
        "enabled": true`, `"sales": {
        "enabled": false`, 1)
	if off == string(assets.SamplePlan) {
		t.Fatal("could not switch sales off in the sample")
	}
	if err := os.WriteFile(noSales, []byte(off), 0o644); err != nil {
		t.Fatal(err)
	}
	out := func(name string) string { return filepath.Join(dir, name) }
	tests := []struct {
		name  string
		args  []string
		code  int
		magic string // of the output file, when code is 0
	}{
		{"png", []string{plan, "--scenario", "Base", "--chart", "sales", "-o", out("s.png")}, 0, "\x89PNG"},
		{"svg dark", []string{plan, "--scenario", "Aggressive", "--chart", "viral", "-o", out("v.svg"), "--dark"}, 0, "<?xml"},
		{"pdf", []string{plan, "--scenario", "Conservative", "--chart", "fulfillment", "-o", out("f.pdf")}, 0, "%PDF"},
		{"markets", []string{"--chart", "markets", "-o", out("m.png"), "--scenario", "base", plan}, 0, "\x89PNG"},
		{"compare some", []string{plan, "--scenario", "Base", "--chart", "compare", "--compare", "Aggressive", "-o", out("c.png")}, 0, "\x89PNG"},
		{"compare all", []string{plan, "--scenario", "Base", "--chart", "compare", "-o", out("c2.pdf")}, 0, "%PDF"},
		{"unknown scenario", []string{plan, "--scenario", "Nope", "--chart", "sales", "-o", out("x.png")}, 1, ""},
		{"unknown compared", []string{plan, "--scenario", "Base", "--chart", "compare", "--compare", "Nope", "-o", out("x.png")}, 1, ""},
		{"module off", []string{noSales, "--scenario", "Base", "--chart", "sales", "-o", out("x.png")}, 1, ""},
		{"bad extension", []string{plan, "--scenario", "Base", "--chart", "sales", "-o", out("x.gif")}, 1, ""},
		{"unwritable", []string{plan, "--scenario", "Base", "--chart", "sales", "-o", filepath.Join(dir, "no", "x.png")}, 1, ""},
		{"missing plan file", []string{out("none.scaleplan"), "--scenario", "Base", "--chart", "sales", "-o", out("x.png")}, 1, ""},
		{"no plan", []string{"--scenario", "Base", "--chart", "sales", "-o", out("x.png")}, 2, ""},
		{"no scenario", []string{plan, "--chart", "sales", "-o", out("x.png")}, 2, ""},
		{"no chart", []string{plan, "--scenario", "Base", "-o", out("x.png")}, 2, ""},
		{"no output", []string{plan, "--scenario", "Base", "--chart", "sales"}, 2, ""},
		{"unknown chart", []string{plan, "--scenario", "Base", "--chart", "pie", "-o", out("x.png")}, 2, ""},
		{"unknown flag", []string{plan, "--scenario", "Base", "--chart", "sales", "-o", out("x.png"), "--bogus"}, 2, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := chartCLI(tt.args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, tt.code, stderr)
			}
			if strings.Contains(stderr, "goroutine") || strings.Contains(stderr, "panic") {
				t.Errorf("stack trace on stderr:\n%s", stderr)
			}
			if tt.code != 0 {
				if stderr == "" {
					t.Error("no message on stderr")
				}
				return
			}
			data, err := os.ReadFile(tt.args[indexOf(tt.args, "-o")+1])
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(data, []byte(tt.magic)) {
				t.Errorf("output starts with %q, want %q", data[:min(8, len(data))], tt.magic)
			}
		})
	}
	if _, err := os.Stat(out("x.png")); err == nil {
		t.Error("a failed run left an output file")
	}
}

func indexOf(ss []string, s string) int {
	for i, v := range ss {
		if v == s {
			return i
		}
	}
	return -1
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

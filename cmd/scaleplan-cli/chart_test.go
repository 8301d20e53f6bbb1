package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scaleplan/assets"
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

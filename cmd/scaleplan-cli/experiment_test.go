package main

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"
)

func cli(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

// The JSON of experiment size: the worked check of docs/MODELS.md §9 (1,094 per arm), with days
// worked by hand from the traffic.
func TestExperimentSizeJSON(t *testing.T) {
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"design check, no traffic", []string{"--baseline", "0.2", "--mde", "0.25"}, `{"perArm":1094,"total":2188,"days":null}`},
		{"percent input, 1,000 a day", []string{"--baseline", "20%", "--mde", "25%", "--daily", "1,000"}, `{"perArm":1094,"total":2188,"days":3}`},
		{"variant 20%", []string{"--baseline", "0.2", "--mde", "0.25", "--daily", "500", "--share", "0.2"}, `{"perArm":1094,"total":5470,"days":11}`},
		// R's power.prop.test(p1 = .50, p2 = .75, power = .90) gives n = 76.7.
		{"R example", []string{"--baseline", "0.5", "--mde", "0.5", "--power", "0.9"}, `{"perArm":77,"total":154,"days":null}`},
		{"flags after --json", []string{"--json", "--mde", "0.25", "--alpha", "0.05", "--baseline", "0.2"}, `{"perArm":1094,"total":2188,"days":null}`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errs := cli(append([]string{"experiment", "size", "--json"}, c.args...)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			var got any
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatal(err)
			}
			if g, _ := json.Marshal(got); string(g) != mustCompact(c.want) {
				t.Errorf("got %s, want %s", g, c.want)
			}
		})
	}
}

func mustCompact(s string) string {
	var v any
	json.Unmarshal([]byte(s), &v)
	b, _ := json.Marshal(v)
	return string(b)
}

func TestExperimentSizeText(t *testing.T) {
	code, out, _ := cli("experiment", "size", "--baseline", "0.2", "--mde", "0.25", "--daily", "1000")
	for _, want := range []string{"1,094 visitors per arm (exactly 1093.74)", "2,188 in total", "3 days at 1,000 visitors a day", "20% → 25%"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("exit %d, output lacks %q:\n%s", code, want, out)
		}
	}
	_, out, _ = cli("experiment", "size", "--baseline", "0.2", "--mde", "0.25")
	if !strings.Contains(out, "give --daily") {
		t.Errorf("no hint about --daily:\n%s", out)
	}
}

// experiment analyze: 1000/100 vs 1000/130 worked by hand in
// scenario/experiment's tests: lift +30% (+2.07% … +57.93%), p 0.0355.
func TestExperimentAnalyze(t *testing.T) {
	code, out, errs := cli("experiment", "analyze", "--control", "1,000/100", "--variant", "1000/130", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var r map[string]any
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if len(r) != 7 {
		t.Errorf("keys %v, want the seven of the CLI's JSON", r)
	}
	for k, want := range map[string]float64{"controlRate": 0.1, "variantRate": 0.13, "lift": 0.3, "liftLow": 0.0206793, "liftHigh": 0.5793207, "pValue": 0.0354885} {
		got, ok := r[k].(float64)
		if !ok || math.Abs(got-want) > 1e-6 {
			t.Errorf("%s = %v, want %v", k, r[k], want)
		}
	}
	if r["significant"] != true {
		t.Errorf("significant = %v", r["significant"])
	}
	_, out, _ = cli("experiment", "analyze", "--control", "1000/100", "--variant", "1000/130", "--alpha", "0.01")
	for _, want := range []string{"Control  10%  (100 of 1,000)", "Lift     +30.0%  (95% CI +2.1% to +57.9%)", "p-value  0.0355", "not significant at α = 0.01"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestExperimentErrors(t *testing.T) {
	cases := []struct {
		name string
		args []string
		code int
		want []string // lines of stderr, in order
	}{
		{"rates out of range", []string{"size", "--baseline", "1.2", "--mde", "0", "--alpha", "1", "--power", "0"}, 1, []string{
			"scaleplan-cli experiment size: --baseline: must be above 0 and below 1, got 1.2",
			"scaleplan-cli experiment size: --mde: must not be 0 (the relative effect the test should detect, such as 0.1 for +10%), got 0",
			"scaleplan-cli experiment size: --alpha: must be above 0 and below 1, got 1",
			"scaleplan-cli experiment size: --power: must be above 0 and below 1, got 0"}},
		{"effect past 1", []string{"size", "--baseline", "0.5", "--mde", "1"}, 1, []string{
			"scaleplan-cli experiment size: --mde: would push the rate past 1: the baseline 0.5 raised by it is 1, got 1"}},
		{"not a number", []string{"size", "--baseline", "abc", "--mde", "0.1"}, 1, []string{
			`scaleplan-cli experiment size: --baseline: expected a fraction such as 0.2 or a percentage such as 20%, got "abc"`}},
		{"no traffic", []string{"size", "--baseline", "0.1", "--mde", "0.1", "--daily", "0"}, 1, []string{
			"scaleplan-cli experiment size: --daily: must be above 0 (leave it out when not known), got 0"}},
		{"share", []string{"size", "--baseline", "0.1", "--mde", "0.1", "--share", "100%"}, 1, []string{
			"scaleplan-cli experiment size: --share: must be above 0 and below 1, got 1"}},
		{"conversions above visitors", []string{"analyze", "--control", "100/101", "--variant", "100/5"}, 1, []string{
			"scaleplan-cli experiment analyze: --control: conversions must not be above the 100 visitors, got 101"}},
		{"no control conversions", []string{"analyze", "--control", "100/0", "--variant", "100/5"}, 1, []string{
			"scaleplan-cli experiment analyze: --control: conversions must be at least 1 for a relative lift (it divides by the control's rate), got 0"}},
		{"bad counts", []string{"analyze", "--control", "100", "--variant", "10.5/1"}, 1, []string{
			`scaleplan-cli experiment analyze: --control: expected VISITORS/CONVERSIONS in whole numbers such as 1000/100, got "100"`,
			`scaleplan-cli experiment analyze: --variant: expected VISITORS/CONVERSIONS in whole numbers such as 1000/100, got "10.5/1"`}},
		{"bad alpha", []string{"analyze", "--control", "100/10", "--variant", "100/5", "--alpha", "0"}, 1, []string{
			"scaleplan-cli experiment analyze: --alpha: must be above 0 and below 1, got 0"}},
		{"missing baseline", []string{"size", "--mde", "0.1"}, 2, []string{"scaleplan-cli experiment size: --baseline is required"}},
		{"missing variant", []string{"analyze", "--control", "100/10"}, 2, []string{"scaleplan-cli experiment analyze: --variant is required"}},
		{"unknown flag", []string{"size", "--baseline", "0.1", "--mde", "0.1", "--bogus"}, 2, []string{"scaleplan-cli experiment size: flag provided but not defined: -bogus"}},
		{"stray argument", []string{"analyze", "plan.scaleplan", "--control", "100/10"}, 2, []string{`scaleplan-cli experiment analyze: unexpected argument "plan.scaleplan"`}},
		{"no subcommand", nil, 2, []string{"scaleplan-cli experiment: expected size or analyze"}},
		{"unknown subcommand", []string{"plan"}, 2, []string{`scaleplan-cli experiment: unknown subcommand "plan" (expected size or analyze)`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errs := cli(append([]string{"experiment"}, c.args...)...)
			if code != c.code {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, c.code, errs)
			}
			if out != "" {
				t.Errorf("stdout on failure: %q", out)
			}
			lines := strings.Split(strings.TrimRight(errs, "\n"), "\n")
			if c.code == exitUsage {
				lines = lines[:len(c.want)] // the usage follows
			}
			if strings.Join(lines, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("stderr:\n%s\nwant:\n%s", errs, strings.Join(c.want, "\n"))
			}
		})
	}
}

package main

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"scaleplan/assets"
	"scaleplan/scenario"
)

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

// TestReportCashStory: the sample's Aggressive scenario runs out of cash in
// month 9, September 2027 (the plan starts in January 2027), before its
// Series A; milestones are dated.
func TestReportCashStory(t *testing.T) {
	p, err := scenario.Decode(assets.SamplePlan)
	if err != nil {
		t.Fatal(err)
	}
	out := reportOf(t, p)
	for _, want := range []string{
		`Finance      cash \$[0-9.]+M at Dec 2029 \(m36\)`,
		`runs out in Sep 2027 \(m9\): raise \$[0-9]+k more, by Apr 2027 \(m4\) \(runway below 6 months\)`,
		`rounds: Series A \$4M in Dec 2027`,
		`  Dec 2027 \(m12\)  finance      Series A: raise \$4M`,
	} {
		if !regexp.MustCompile(want).MatchString(out) {
			t.Errorf("report lacks %q", want)
		}
	}
}

// TestReportComparesAtTheShortestHorizon: with Aggressive run to month 60,
// the comparison says it takes every figure at month 36, names each
// scenario's own horizon, and shows Aggressive's ARR at month 36, not 60.
func TestReportComparesAtTheShortestHorizon(t *testing.T) {
	p, err := scenario.Decode(assets.SamplePlan)
	if err != nil {
		t.Fatal(err)
	}
	p.Scenarios[1].HorizonMonths = 60
	rs, err := scenario.ComputePlan(p)
	if err != nil {
		t.Fatal(err)
	}
	out := reportOf(t, p)
	cmp := out[strings.Index(out, "== Comparison"):]
	for _, want := range []string{"Figures at month 36, the shortest horizon compared", "Aggressive (60 mo)", "Base (36 mo)", "ARR at month 36"} {
		if !strings.Contains(cmp, want) {
			t.Errorf("comparison lacks %q:\n%s", want, cmp)
		}
	}
	at36 := scenario.FormatMoney(rs[1].Sales.Months[35].ARR, p.Currency)
	at60 := scenario.FormatMoney(rs[1].Sales.Months[59].ARR, p.Currency)
	if !strings.Contains(cmp, at36) || strings.Contains(cmp, at60) {
		t.Errorf("Aggressive's ARR: want month 36's %s, not month 60's %s:\n%s", at36, at60, cmp)
	}
}

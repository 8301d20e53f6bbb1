package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scaleplan/assets"
)

// runCLI runs the command in-process and returns its exit code and output.
func runCLI(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func writeTemp(t *testing.T, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestCheckBadPlans: every bad plan gives exit 1 and one located message
// per line on stderr, never a panic.
func TestCheckBadPlans(t *testing.T) {
	good := string(assets.SamplePlan)
	sub := func(old, new string) []byte {
		t.Helper()
		if !strings.Contains(good, old) {
			t.Fatalf("the sample has no %q", old)
		}
		return []byte(strings.Replace(good, old, new, 1))
	}
	junk := make([]byte, 4096)
	for i := range junk {
		junk[i] = byte(i*7 + i/13)
	}
	big := append([]byte(`{"format": "scaleplan", "version": 1, "name": "`), bytes.Repeat([]byte("x"), 50<<20)...)
	big = append(big, `"}`...)
	tests := []struct {
		name string
		data []byte
		want string // part of the located message
	}{
		{"empty file", nil, "empty"},
		{"only spaces", []byte("  \n\t "), "empty"},
		{"binary junk", junk, "line 1, column"},
		{"50 MB file", big, "at most 16 MB"},
		{"truncated JSON", []byte(good[:len(good)/3]), "truncated"},
		{"truncated at the end", []byte(good[:len(good)-3]), "truncated"},
		{"array at top", []byte(`[1, 2]`), "expected an object"},
		{"not a plan", []byte(`{"name": "x"}`), "not a Scaleplan plan"},
		{"newer version", sub(`"version": 2`, `"version": 3`), "newer version of Scaleplan"},
		{"version 0", sub(`"version": 2`, `"version": 0`), "version: must be at least 1"},
		{"version as text", sub(`"version": 2`, `"version": "2"`), "version: expected a whole number"},
		{"funding after the horizon", sub(`"month": 12,`, `"month": 40,`), "scenarios[0].finance.fundingRounds[0].month: must be a month from 1 to the horizon 36, got 40"},
		{"margin above 1", sub(`"subscriptionGrossMargin": 0.8`, `"subscriptionGrossMargin": 1.5`), "scenarios[0].finance.subscriptionGrossMargin: must be between 0 and 1, got 1.5"},
		{"negative cash", sub(`"startingCash": 1500000`, `"startingCash": -1`), "scenarios[0].finance.startingCash: must be between 0 and 1e+12, got -1"},
		{"start month not YYYY-MM", sub(`"startMonth": "2027-01"`, `"startMonth": "Jan 2027"`), `startMonth: must be a month written YYYY-MM, such as 2027-01, got "Jan 2027"`},
		{"funding month as a fraction", sub(`"month": 12,`, `"month": 12.5,`), "scenarios[0].finance.fundingRounds[0].month: expected a whole number"},
		{"seed as text", sub(`"seedUsers": 1000`, `"seedUsers": "1000"`), "scenarios[0].viral.seedUsers: expected a number"},
		{"NaN as a string", sub(`"paidCAC": 25`, `"paidCAC": "NaN"`), "scenarios[0].viral.paidCAC: expected a number"},
		{"Inf as a string", sub(`"marketSize": 2000000`, `"marketSize": "Infinity"`), "scenarios[0].viral.marketSize"},
		{"bare NaN", sub(`"paidCAC": 25`, `"paidCAC": NaN`), "invalid character"},
		{"number overflow", sub(`"seedUsers": 1000`, `"seedUsers": 1e400`), "scenarios[0].viral.seedUsers"},
		{"enabled as a number", sub(`"enabled": true`, `"enabled": 1`), "scenarios[0].viral.enabled: expected true or false"},
		{"negative seed users", sub(`"seedUsers": 1000`, `"seedUsers": -5`), "scenarios[0].viral.seedUsers: must be between 0 and"},
		{"negative AEs", sub(`"aes": 2,`, `"aes": -2,`), "scenarios[0].sales.stages[1].aes: must be between 0 and 100000, got -2"},
		{"fractional AEs", sub(`"aes": 2,`, `"aes": 2.5,`), "scenarios[0].sales.stages[1].aes: expected a whole number"},
		{"conversion 1.5", sub(`"inviteConversion": 0.2`, `"inviteConversion": 1.5`), "scenarios[0].viral.inviteConversion: must be between 0 and 1, got 1.5"},
		{"cycleDays 0", sub(`"cycleDays": 14`, `"cycleDays": 0`), "scenarios[0].viral.cycleDays: must be between 1 and 365, got 0"},
		{"churn 100%", sub(`"monthlyChurn": 0.03`, `"monthlyChurn": 1`), "scenarios[0].viral.monthlyChurn"},
		{"horizon 0", sub(`"horizonMonths": 36`, `"horizonMonths": 0`), "scenarios[0].horizonMonths: must be between 1 and 240, got 0"},
		{"horizon 100000", sub(`"horizonMonths": 36`, `"horizonMonths": 100000`), "scenarios[0].horizonMonths: must be between 1 and 240, got 100000"},
		{"unknown invite mode", sub(`"inviteMode": "once"`, `"inviteMode": "weekly"`), "scenarios[0].viral.inviteMode"},
		{"missing scenario id", sub(`"id": "`+firstID(good)+`"`, `"id": ""`), "scenarios[0].id: missing"},
		{"bad scenario id", sub(`"id": "`+firstID(good)+`"`, `"id": "123"`), "scenarios[0].id: must be a UUID"},
		{"duplicate scenario ids", []byte(strings.Replace(good, secondScenarioID(good), firstID(good), 1)), "scenarios[1].id: duplicate id"},
		{"duplicate scenario names", sub(`"name": "Aggressive"`, `"name": "base"`), `scenarios[1].name: another scenario is already called "base"`},
		{"duplicate model names", sub(`"name": "3PL"`, `"name": "Own warehouse"`), "scenarios[0].fulfillment.models[2].name: another model"},
		{"score 0", scoreTo(t, good, "0"), "must be a whole number from 1 to 5, got 0"},
		{"score 6", scoreTo(t, good, "6"), "must be a whole number from 1 to 5, got 6"},
		{"score 3.5", scoreTo(t, good, "3.5"), "must be a whole number from 1 to 5, got 3.5"},
		{"unknown factor id", []byte(strings.Replace(good, `"scores": {`, `"scores": {"00000000-0000-0000-0000-000000000000": 3,`, 1)), "no factor has this id"},
		{"stages out of order", sub(`"minARR": 3000000`, `"minARR": 500000`), "scenarios[0].sales.stages[2].minARR: must be above the previous stage's"},
		{"rule of thumb descending", sub(`100,
          1000`, `1000,
          100`), "scenarios[0].fulfillment.ruleOfThumb[1]"},
		{"all weights zero", zeroWeights(good), "scenarios[0].markets.factors: at least one factor needs a weight above 0"},
		{"unknown source", sub(`"source": "manual"`, `"source": "magic"`), "scenarios[0].fulfillment.volume.source"},
		{"currency", sub(`"currency": "USD"`, `"currency": "dollars"`), "currency: must be a three-letter ISO code"},
		{"misspelt field", sub(`"seedUsers"`, `"seedUser"`), `scenarios[0].viral.seedUser: unknown field, did you mean seedUsers?`},
		{"over capacity", overCapacity(good), "scenarios[0].fulfillment.models: month 1: no fulfillment model can ship 4,000 orders"},
	}
	if len(tests) < 30 {
		t.Fatalf("only %d bad plans", len(tests))
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := writeTemp(t, "bad.scaleplan", tc.data)
			code, out, stderr := runCLI("check", path)
			if code != 1 {
				t.Errorf("exit %d, want 1 (stdout %q, stderr %q)", code, out, stderr)
			}
			if !strings.Contains(stderr, tc.want) {
				t.Errorf("stderr %q does not contain %q", trim(stderr), tc.want)
			}
			for _, line := range strings.Split(strings.TrimSpace(stderr), "\n") {
				if !strings.HasPrefix(line, "scaleplan-cli check: bad.scaleplan") && !strings.HasPrefix(line, "scaleplan-cli check: "+path) {
					t.Errorf("line %q does not name the file", trim(line))
				}
				if strings.Contains(line, "goroutine") || strings.Contains(line, "panic") {
					t.Errorf("stack trace on stderr: %q", trim(line))
				}
			}
		})
	}
}

func trim(s string) string {
	if len(s) > 300 {
		return s[:300] + "…"
	}
	return s
}

func firstID(doc string) string {
	i := strings.Index(doc, `"id": "`) + len(`"id": "`)
	return doc[i : i+36]
}

func secondScenarioID(doc string) string {
	i := strings.Index(doc, `"name": "Aggressive"`)
	j := strings.LastIndex(doc[:i], `"id": "`) + len(`"id": "`)
	return doc[j : j+36]
}

func scoreTo(t *testing.T, doc, v string) []byte {
	i := strings.Index(doc, `"scores": {`) + len(`"scores": {`)
	j := i + strings.Index(doc[i:], `": `) + 3
	return []byte(doc[:j] + v + doc[j+1:])
}

func zeroWeights(doc string) []byte {
	i := strings.Index(doc, `"factors": [`)
	j := i + strings.Index(doc[i:], "]")
	return []byte(doc[:i] + strings.ReplaceAll(strings.ReplaceAll(doc[i:j], `"weight": 1`, `"weight": 0`), `"weight": 2`, `"weight": 0`) + doc[j:])
}

func overCapacity(doc string) []byte {
	s := strings.Replace(doc, `"startOrdersPerMonth": 40`, `"startOrdersPerMonth": 4000`, 1)
	i := strings.Index(s, `"models": [`)
	j := i + strings.Index(s[i:], `"ruleOfThumb"`)
	return []byte(s[:i] + strings.ReplaceAll(s[i:j], `"capacity": 0`, `"capacity": 10`) + s[j:])
}

func TestCheckGoodPlan(t *testing.T) {
	path := writeTemp(t, "ok.scaleplan", assets.SamplePlan)
	code, out, stderr := runCLI("check", path)
	if code != 0 || !strings.Contains(out, "ok (3 scenarios)") || stderr != "" {
		t.Errorf("exit %d, out %q, err %q", code, out, stderr)
	}
	if code, _, _ := runCLI("check", filepath.Join(t.TempDir(), "missing.scaleplan")); code != 1 {
		t.Errorf("missing file: exit %d, want 1", code)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{}, {"frobnicate"}, {"check"}, {"check", "a", "b"}, {"compute", "x"}, {"report", "--nope", "x"}, {"new"}} {
		if code, _, _ := runCLI(args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	code, _, stderr := runCLI("compute", "--bogus", "x")
	want := "scaleplan-cli compute: flag provided but not defined: -bogus\nusage: scaleplan-cli compute --json PLAN\n"
	if code != 2 || stderr != want {
		t.Errorf("unknown flag: exit %d, stderr %q; want 2 and %q", code, stderr, want)
	}
	path := writeTemp(t, "p.scaleplan", assets.SamplePlan)
	if code, _, stderr := runCLI("export", path, "-o", filepath.Join(t.TempDir(), "out.txt")); code != 1 || !strings.Contains(stderr, "must end in .xlsx") {
		t.Errorf("export to .txt: exit %d, %q", code, stderr)
	}
}

func TestComputeJSON(t *testing.T) {
	s := strings.Replace(string(assets.SamplePlan), `"enabled": true`, `"enabled": false`, 1) // Base's viral module off
	s = strings.Replace(s, `"source": "manual"`, `"source": "manual"`, 1)
	path := writeTemp(t, "p.scaleplan", []byte(s))
	code, out, stderr := runCLI("compute", "--json", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var doc struct {
		Scenarios []map[string]json.RawMessage `json:"scenarios"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Scenarios) != 3 {
		t.Fatalf("%d scenarios", len(doc.Scenarios))
	}
	base := doc.Scenarios[0]
	for _, k := range []string{"id", "name", "viral", "sales", "fulfillment", "markets", "milestones"} {
		if _, ok := base[k]; !ok {
			t.Errorf("key %q missing", k)
		}
	}
	if string(base["viral"]) != "null" {
		t.Errorf("a disabled module is null, got %s", trim(string(base["viral"])))
	}
	var sales struct {
		StageEntries []struct {
			Stage string `json:"stage"`
			Month *int   `json:"month"`
		} `json:"stageEntries"`
		Months []map[string]any `json:"months"`
	}
	if err := json.Unmarshal(base["sales"], &sales); err != nil {
		t.Fatal(err)
	}
	if last := sales.StageEntries[3]; last.Stage != "Scale Sales Machine" || last.Month != nil {
		t.Errorf("an unreached stage has month null: %+v", last)
	}
	for _, k := range []string{"month", "stage", "arr", "newARR", "aes", "sdrs", "vp", "managers", "rampedAEs", "cost"} {
		if _, ok := sales.Months[0][k]; !ok {
			t.Errorf("sales month key %q missing", k)
		}
	}
	if m := sales.Months[0]["month"]; m != 1.0 {
		t.Errorf("months are 1-based, first is %v", m)
	}
	var ful struct {
		Months []map[string]any `json:"months"`
	}
	json.Unmarshal(doc.Scenarios[1]["fulfillment"], &ful)
	for _, k := range []string{"month", "orders", "cheapest", "planned", "ruleOfThumb", "costs"} {
		if _, ok := ful.Months[0][k]; !ok {
			t.Errorf("fulfillment month key %q missing", k)
		}
	}
}

func TestReportAndNew(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "new.scaleplan")
	if code, _, errs := runCLI("new", "-o", path); code != 0 {
		t.Fatalf("new: %d %s", code, errs)
	}
	if code, _, _ := runCLI("new", "-o", path); code != 1 {
		t.Errorf("new over an existing file without -f: exit %d, want 1", code)
	}
	code, out, errs := runCLI("report", path)
	if code != 0 {
		t.Fatalf("report: %d %s", code, errs)
	}
	for _, w := range []string{"== Base  (36 months) ==", "K = 0.60 (sustainable)", "First Sales Hire m18", "cost-optimal plan: Self-fulfillment (m1) → 3PL (m10)", "1. Germany", "== Comparison (deltas vs Base) =="} {
		if !strings.Contains(out, w) {
			t.Errorf("report lacks %q", w)
		}
	}
}

// TestDoubleDash: after "--" every argument is a plan file, even one that
// looks like a flag.
func TestDoubleDash(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "-odd.scaleplan")
	if err := os.WriteFile(path, assets.SamplePlan, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	if code, out, errs := runCLI("check", "--", "-odd.scaleplan"); code != 0 || !strings.Contains(out, "ok") {
		t.Errorf("check -- -odd.scaleplan: exit %d, %q %q", code, out, errs)
	}
	if code, _, _ := runCLI("check", "--", "-a", "-b"); code != 2 {
		t.Errorf("two plans after --: exit %d, want 2 (one plan expected)", code)
	}
}

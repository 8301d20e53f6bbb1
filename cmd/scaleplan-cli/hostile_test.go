package main

// The attack of issue 9 on the headless command, case by case: crafted
// plans and arguments, each with its exit code and its exact messages. The
// README's "Hostile input" table lists the same cases.

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scaleplan/assets"
	"scaleplan/scenario"
)

// sampleWith returns the sample plan with old replaced by new once.
func sampleWith(t *testing.T, old, new string) []byte {
	t.Helper()
	s := string(assets.SamplePlan)
	if !strings.Contains(s, old) {
		t.Fatalf("the sample has no %q", old)
	}
	return []byte(strings.Replace(s, old, new, 1))
}

// bigPlan returns a plan of n copies of the sample's Base scenario over 240
// months of one-day viral cycles, encoded without validation (it may be
// over the limits on purpose).
func bigPlan(t *testing.T, n int) []byte {
	t.Helper()
	p, err := scenario.Decode(assets.SamplePlan)
	if err != nil {
		t.Fatal(err)
	}
	base := p.Scenarios[0]
	base.HorizonMonths = 240
	base.Viral.CycleDays = 1
	base.Fulfillment.Volume.MonthlyGrowth = 0.05
	p.Scenarios = nil
	for i := range n {
		s := base.Duplicate(fmt.Sprintf("S%d", i+1))
		p.Scenarios = append(p.Scenarios, s)
	}
	data, err := json.MarshalIndent(p, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestHostileInputs runs every case in a fresh folder, with relative file
// names so that the messages are exact.
func TestHostileInputs(t *testing.T) {
	baseID := firstID(string(assets.SamplePlan))
	secondID := secondScenarioID(string(assets.SamplePlan))
	tests := []struct {
		name   string
		files  map[string][]byte // written before the run
		args   []string
		code   int
		stderr string // exact
	}{
		// 1. no bound on work
		{"500 scenarios", map[string][]byte{"big.scaleplan": bigPlan(t, 500)}, []string{"export", "big.scaleplan", "-o", "big.xlsx"}, 1,
			"scaleplan-cli export: big.scaleplan: scenarios: a plan holds at most 200 scenarios, got 500\n"},
		{"compute on 2,000 scenarios", map[string][]byte{"big.scaleplan": bigPlan(t, 2000)}, []string{"compute", "--json", "big.scaleplan"}, 1,
			"scaleplan-cli compute: big.scaleplan: scenarios: a plan holds at most 200 scenarios, got 2000\n"},
		{"137 scenarios of one-day cycles", map[string][]byte{"big.scaleplan": bigPlan(t, 137)}, []string{"check", "big.scaleplan"}, 1,
			"scaleplan-cli check: big.scaleplan: scenarios[136].viral.cycleDays: the viral loops of scenarios 1 to 137 simulate 1,000,922 cycles; a plan simulates at most 1,000,000 (use longer cycles, shorter horizons or fewer scenarios)\n"},
		// 2. terminal escapes
		{"escape in a name", map[string][]byte{"p.scaleplan": sampleWith(t, `"name": "Base"`, `"name": "Base\u001b[2J\u0007"`)}, []string{"report", "p.scaleplan"}, 1,
			"scaleplan-cli report: p.scaleplan: scenarios[0].name: must not contain control characters, found U+001B at character 5\n"},
		{"NUL in notes", map[string][]byte{"p.scaleplan": sampleWith(t, `"notes": "Steady`, `"notes": "\u0000Steady`)}, []string{"report", "p.scaleplan"}, 1,
			"scaleplan-cli report: p.scaleplan: scenarios[0].notes: must not contain control characters other than tab and line break, found U+0000 at character 1\n"},
		{"escape in an argument", nil, []string{"check", "\x1b[2J.scaleplan"}, 1,
			"scaleplan-cli check: \\u001b[2J.scaleplan: no such file or directory\n"},
		// 3. invalid SVG
		{"U+0001 in a name", map[string][]byte{"p.scaleplan": sampleWith(t, `"name": "Base"`, `"name": "Base\u0001"`)}, []string{"chart", "p.scaleplan", "--scenario", "Base", "--chart", "compare", "-o", "x.svg"}, 1,
			"scaleplan-cli chart: p.scaleplan: scenarios[0].name: must not contain control characters, found U+0001 at character 5\n"},
		// 4. every line names the file
		{"misspelt key", map[string][]byte{"f.scaleplan": sampleWith(t, `"inviteConversion": 0.2`, `"inviteConversion": 1.5, "monthlyChurnX": 0`)}, []string{"check", "f.scaleplan"}, 1,
			"scaleplan-cli check: f.scaleplan: scenarios[0].viral.monthlyChurnX: unknown field, did you mean monthlyChurn?\n"},
		{"syntax error column", map[string][]byte{"f.scaleplan": []byte(`{"format": "scaleplan", "version": 1, x}`)}, []string{"check", "f.scaleplan"}, 1,
			"scaleplan-cli check: f.scaleplan: line 1, column 39: invalid character 'x' looking for beginning of object key string\n"},
		{"column after wide characters", map[string][]byte{"f.scaleplan": []byte("{\"name\": \"Ünïcödé\", x}")}, []string{"check", "f.scaleplan"}, 1,
			"scaleplan-cli check: f.scaleplan: line 1, column 21: invalid character 'x' looking for beginning of object key string\n"},
		// 6. keys in another case
		{"key in another case", map[string][]byte{"f.scaleplan": sampleWith(t, `"horizonMonths": 36,`, `"horizonMonths": 36, "HORIZONMONTHS": 12,`)}, []string{"check", "f.scaleplan"}, 1,
			"scaleplan-cli check: f.scaleplan: scenarios[0].HORIZONMONTHS: unknown field, did you mean horizonMonths?\n"},
		{"key twice", map[string][]byte{"f.scaleplan": sampleWith(t, `"horizonMonths": 36,`, `"horizonMonths": 36, "horizonMonths": 12,`)}, []string{"check", "f.scaleplan"}, 1,
			"scaleplan-cli check: f.scaleplan: scenarios[0].horizonMonths: the key appears twice in this object\n"},
		// 7. one id in other spellings
		{"urn:uuid id", map[string][]byte{"f.scaleplan": sampleWith(t, `"id": "`+secondID+`"`, `"id": "urn:uuid:`+baseID+`"`)}, []string{"check", "f.scaleplan"}, 1,
			"scaleplan-cli check: f.scaleplan: scenarios[1].id: must be a UUID of 36 characters (8-4-4-4-12 hex digits), got \"urn:uuid:" + baseID + "\"\n"},
		{"braced id", map[string][]byte{"f.scaleplan": sampleWith(t, `"id": "`+secondID+`"`, `"id": "{`+baseID+`}"`)}, []string{"check", "f.scaleplan"}, 1,
			"scaleplan-cli check: f.scaleplan: scenarios[1].id: must be a UUID of 36 characters (8-4-4-4-12 hex digits), got \"{" + baseID + "}\"\n"},
		{"upper-case id", map[string][]byte{"f.scaleplan": sampleWith(t, `"id": "`+secondID+`"`, `"id": "`+strings.ToUpper(baseID)+`"`)}, []string{"check", "f.scaleplan"}, 1,
			"scaleplan-cli check: f.scaleplan: scenarios[1].id: duplicate id \"" + strings.ToUpper(baseID) + "\"\n"},
		// 10. silent truncation
		{"10 MB of notes", map[string][]byte{"f.scaleplan": sampleWith(t, `"notes": "Steady`, `"notes": "`+strings.Repeat("n", 10<<20)+`Steady`)}, []string{"export", "f.scaleplan", "-o", "f.xlsx"}, 1,
			fmt.Sprintf("scaleplan-cli export: f.scaleplan: scenarios[0].notes: must be at most 10000 characters long, got %d\n", 10<<20+len("Steady word of mouth plus modest paid acquisition; founders sell until $1M ARR."))},
		// 13. messages
		{"a folder as the plan", map[string][]byte{"d.scaleplan/x": nil}, []string{"check", "d.scaleplan"}, 1,
			"scaleplan-cli check: d.scaleplan: is a folder, not a plan file\n"},
		{"a device as the plan", nil, []string{"check", "/dev/zero"}, 1,
			"scaleplan-cli check: zero: is a character device, not a plan file\n"},
		{"chart error without stutter", map[string][]byte{"p.scaleplan": assets.SamplePlan}, []string{"chart", "p.scaleplan", "--scenario", "Base", "--chart", "sales", "-o", "x.gif"}, 1,
			"scaleplan-cli chart: x.gif: unknown file type \".gif\" (want .png, .svg or .pdf)\n"},
		{"UTF-8 BOM", map[string][]byte{"p.scaleplan": append([]byte{0xEF, 0xBB, 0xBF}, assets.SamplePlan...)}, []string{"check", "p.scaleplan"}, 0, ""},
		{"UTF-16 with BOM", map[string][]byte{"p.scaleplan": utf16LE(string(assets.SamplePlan))}, []string{"check", "p.scaleplan"}, 1,
			"scaleplan-cli check: p.scaleplan: the file is UTF-16 text; save the file as UTF-8\n"},
		{"UTF-16 without BOM", map[string][]byte{"p.scaleplan": utf16LE(string(assets.SamplePlan))[2:]}, []string{"check", "p.scaleplan"}, 1,
			"scaleplan-cli check: p.scaleplan: the file looks like UTF-16 text without a byte order mark; save the file as UTF-8\n"},
		{"Latin-1", map[string][]byte{"p.scaleplan": sampleWith(t, `"name": "Base"`, "\"name\": \"Bas\xe9\"")}, []string{"check", "p.scaleplan"}, 1,
			"scaleplan-cli check: p.scaleplan: line 11, column 19: the file is not UTF-8 text (byte 0xE9); save it as UTF-8\n"},
		{"1e309", map[string][]byte{"p.scaleplan": sampleWith(t, `"seedUsers": 1000`, `"seedUsers": 1e309`)}, []string{"check", "p.scaleplan"}, 1,
			"scaleplan-cli check: p.scaleplan: scenarios[0].viral.seedUsers: 1e309 is too large\n"},
		{"1e309 months", map[string][]byte{"p.scaleplan": sampleWith(t, `"horizonMonths": 36`, `"horizonMonths": 1e309`)}, []string{"check", "p.scaleplan"}, 1,
			"scaleplan-cli check: p.scaleplan: scenarios[0].horizonMonths: 1e309 is too large\n"},
		{"36.0 months", map[string][]byte{"p.scaleplan": sampleWith(t, `"horizonMonths": 36`, `"horizonMonths": 36.0`)}, []string{"check", "p.scaleplan"}, 0, ""},
		{"3.6e1 months", map[string][]byte{"p.scaleplan": sampleWith(t, `"horizonMonths": 36`, `"horizonMonths": 3.6e1`)}, []string{"check", "p.scaleplan"}, 0, ""},
		{"36.5 months", map[string][]byte{"p.scaleplan": sampleWith(t, `"horizonMonths": 36`, `"horizonMonths": 36.5`)}, []string{"check", "p.scaleplan"}, 1,
			"scaleplan-cli check: p.scaleplan: scenarios[0].horizonMonths: expected a whole number, got 36.5\n"},
		{"null months", map[string][]byte{"p.scaleplan": sampleWith(t, `"horizonMonths": 36`, `"horizonMonths": null`)}, []string{"check", "p.scaleplan"}, 1,
			"scaleplan-cli check: p.scaleplan: scenarios[0].horizonMonths: expected a whole number, got null\n"},
		{"output is a folder", map[string][]byte{"p.scaleplan": assets.SamplePlan, "out.xlsx/x": nil}, []string{"export", "p.scaleplan", "-o", "out.xlsx"}, 1,
			"scaleplan-cli export: cannot write out.xlsx: it is a folder\n"},
		{"chart output is a folder", map[string][]byte{"p.scaleplan": assets.SamplePlan, "out.svg/x": nil}, []string{"chart", "p.scaleplan", "--scenario", "Base", "--chart", "sales", "-o", "out.svg"}, 1,
			"scaleplan-cli chart: cannot write out.svg: it is a folder\n"},
		{"output folder missing", map[string][]byte{"p.scaleplan": assets.SamplePlan}, []string{"export", "p.scaleplan", "-o", "no/out.xlsx"}, 1,
			"scaleplan-cli export: cannot write no/out.xlsx: folder no does not exist\n"},
		{"no scenarios", map[string][]byte{"p.scaleplan": []byte(`{"format": "scaleplan", "version": 1, "name": "", "currency": "USD", "scenarios": []}`)}, []string{"check", "p.scaleplan"}, 1,
			"scaleplan-cli check: p.scaleplan: scenarios: a plan needs at least one scenario\n"},
		{"--compare A,A,a", map[string][]byte{"p.scaleplan": assets.SamplePlan}, []string{"chart", "p.scaleplan", "--scenario", "Base", "--chart", "compare", "--compare", "Aggressive,Aggressive,aggressive", "-o", "c.svg"}, 2,
			"scaleplan-cli chart: --compare names \"Aggressive\" more than once\nusage: " + chartUsage + "\n"},
		{"--compare on a sales chart", map[string][]byte{"p.scaleplan": assets.SamplePlan}, []string{"chart", "p.scaleplan", "--scenario", "Base", "--chart", "sales", "--compare", "Aggressive", "-o", "c.svg"}, 2,
			"scaleplan-cli chart: --compare applies only to --chart compare\nusage: " + chartUsage + "\n"},
		{"--chart twice", map[string][]byte{"p.scaleplan": assets.SamplePlan}, []string{"chart", "p.scaleplan", "--scenario", "Base", "--chart", "sales", "--chart", "viral", "-o", "c.svg"}, 2,
			"scaleplan-cli chart: --chart is given more than once\nusage: " + chartUsage + "\n"},
		{"-o twice", map[string][]byte{"p.scaleplan": assets.SamplePlan}, []string{"export", "p.scaleplan", "-o", "a.xlsx", "-o", "b.xlsx"}, 2,
			"scaleplan-cli export: -o is given more than once\nusage: scaleplan-cli export PLAN -o OUT.xlsx\n"},
		{"--json twice", map[string][]byte{"p.scaleplan": assets.SamplePlan}, []string{"compute", "--json", "--json", "p.scaleplan"}, 2,
			"scaleplan-cli compute: --json is given more than once\nusage: scaleplan-cli compute --json PLAN\n"},
		// the simulation's bounds
		{"--runs 0", map[string][]byte{"p.scaleplan": rangedBytes(t, nil)}, []string{"simulate", "p.scaleplan", "--runs", "0"}, 1,
			"scaleplan-cli simulate: --runs: must be a whole number from 1 to 1,000,000, got \"0\"\n"},
		{"--runs 10 million", map[string][]byte{"p.scaleplan": rangedBytes(t, nil)}, []string{"simulate", "p.scaleplan", "--runs", "10000000"}, 1,
			"scaleplan-cli simulate: --runs: must be a whole number from 1 to 1,000,000, got \"10000000\"\n"},
		{"--seed 1.5", map[string][]byte{"p.scaleplan": rangedBytes(t, nil)}, []string{"simulate", "p.scaleplan", "--seed", "1.5"}, 1,
			"scaleplan-cli simulate: --seed: must be a whole number from 0 to 18446744073709551615, got \"1.5\"\n"},
		{"no ranges", map[string][]byte{"p.scaleplan": rangedBytes(t, func(p *scenario.Plan) {
			for i := range p.Scenarios {
				p.Scenarios[i].Ranges = nil
			}
		})}, []string{"simulate", "p.scaleplan"}, 1,
			"scaleplan-cli simulate: no scenario has ranges: nothing to simulate (give an input a range first)\n"},
		{"--samples is a folder", map[string][]byte{"p.scaleplan": rangedBytes(t, nil), "runs.csv/x": nil}, []string{"simulate", "p.scaleplan", "--samples", "runs.csv"}, 1,
			"scaleplan-cli simulate: --samples: cannot write runs.csv: it is a folder\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			for name, data := range tc.files {
				if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
					t.Fatal(err)
				}
				if data != nil || filepath.Dir(name) == "." {
					if err := os.WriteFile(name, data, 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}
			code, _, stderr := runCLI(tc.args...)
			if code != tc.code || stderr != tc.stderr {
				t.Errorf("%v:\nexit %d, stderr %q\nwant %d, %q", short(tc.args), code, trim(stderr), tc.code, tc.stderr)
			}
		})
	}
}

var chartUsage = "scaleplan-cli chart PLAN --scenario NAME --chart viral|sales|fulfillment|markets|finance|compare -o OUT.png|.svg|.pdf [--compare NAME,NAME] [--dark]"

// short cuts long arguments for a message.
func short(args []string) []string {
	out := make([]string, len(args))
	for i, a := range args {
		out[i] = trim(a)
	}
	return out
}

// utf16LE encodes s as UTF-16, little-endian, with a byte order mark.
func utf16LE(s string) []byte {
	out := []byte{0xFF, 0xFE}
	for _, r := range s {
		if r > 0xFFFF {
			r = '?'
		}
		out = append(out, byte(r), byte(r>>8))
	}
	return out
}

// TestTwoErrorsNameTheFile: every line of a multi-line error names the
// file (the attack saw the name on the first line only).
func TestTwoErrorsNameTheFile(t *testing.T) {
	t.Chdir(t.TempDir())
	data := sampleWith(t, `"inviteConversion": 0.2`, `"inviteConversion": 1.5`)
	data = []byte(strings.Replace(string(data), `"monthlyChurn": 0.03`, `"monthlyChurn": 1`, 1))
	if err := os.WriteFile("f.scaleplan", data, 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCLI("check", "f.scaleplan")
	want := "scaleplan-cli check: f.scaleplan: scenarios[0].viral.inviteConversion: must be between 0 and 1, got 1.5\n" +
		"scaleplan-cli check: f.scaleplan: scenarios[0].viral.monthlyChurn: must be at least 0 and below 1, got 1\n"
	if code != 1 || stderr != want {
		t.Errorf("exit %d, stderr %q; want 1, %q", code, stderr, want)
	}
}

// TestReportToFullDisk: a failed write on stdout is exit 1 with a message
// (the attack's `report … > /dev/full` exited 0).
func TestReportToFullDisk(t *testing.T) {
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip("no /dev/full here")
	}
	defer full.Close()
	plan := writeTemp(t, "p.scaleplan", assets.SamplePlan)
	for _, args := range [][]string{{"report", plan}, {"compute", "--json", plan}, {"check", plan}} {
		var stderr strings.Builder
		code := run(args, full, &stderr)
		want := "scaleplan-cli " + args[0] + ": cannot write the output: no space left on device\n"
		if code != 1 || stderr.String() != want {
			t.Errorf("%s > /dev/full: exit %d, stderr %q; want 1, %q", args[0], code, stderr.String(), want)
		}
	}
}

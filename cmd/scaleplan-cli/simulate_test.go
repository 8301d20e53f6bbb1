package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scaleplan/assets"
	"scaleplan/scenario"
)

// rangedPlan returns the sample plan with ranges on Base (four inputs, one
// of each distribution) and Conservative (one input, uniform), none on
// Aggressive, and edit applied, written to a file.
func rangedPlan(t *testing.T, edit func(p *scenario.Plan)) string {
	t.Helper()
	return writeTemp(t, "ranged.scaleplan", rangedBytes(t, edit))
}

// rangedBytes is rangedPlan's file.
func rangedBytes(t *testing.T, edit func(p *scenario.Plan)) []byte {
	t.Helper()
	p, err := scenario.Decode(assets.SamplePlan)
	if err != nil {
		t.Fatal(err)
	}
	p.Scenarios[0].Ranges = map[string]scenario.Range{
		"viral.inviteConversion":           {Low: 0.12, High: 0.28},
		"viral.monthlyChurn":               {Low: 0.02, High: 0.05, Dist: scenario.DistTriangular},
		"sales.aeQuotaPerMonth":            {Low: 35000, High: 60000, Dist: scenario.DistNormal},
		"fulfillment.models[3PL].perOrder": {Low: 4, High: 6.5, Dist: scenario.DistUniform},
	}
	p.Scenarios[1].Ranges = nil
	p.Scenarios[2].Ranges = map[string]scenario.Range{"viral.inviteConversion": {Low: 0.1, High: 0.2, Dist: scenario.DistUniform}}
	if edit != nil {
		edit(p)
	}
	data, err := json.MarshalIndent(p, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// simJSON is simulate --json's object, as DESIGN's headless command
// section and docs/CLI.md give it.
type simJSON struct {
	Runs      int    `json:"runs"`
	Seed      uint64 `json:"seed"`
	Scenarios []struct {
		ID            string                     `json:"id"`
		Name          string                     `json:"name"`
		Series        map[string][]scenario.Band `json:"series"`
		Probabilities []struct {
			Event string  `json:"event"`
			Month int     `json:"month"`
			P     float64 `json:"p"`
		} `json:"probabilities"`
		CashNeeded            *scenario.CashNeeded `json:"cashNeeded"`
		MarketWins            map[string]float64   `json:"marketWins"`
		PlannedModelAtHorizon map[string]float64   `json:"plannedModelAtHorizon"`
	} `json:"scenarios"`
}

// simulateJSON runs simulate --json in-process with GOMAXPROCS procs.
func simulateJSON(t *testing.T, procs int, args ...string) string {
	t.Helper()
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
	code, out, errs := runCLI(append([]string{"simulate", "--json"}, args...)...)
	if code != exitOK {
		t.Fatalf("simulate %v: exit %d: %s", args, code, errs)
	}
	return out
}

// TestSimulateJSONKeys: the object has exactly the documented keys, the
// scenarios without ranges are left out (and named on stderr), every
// output has a band a month in order, and the shares add up to 1.
func TestSimulateJSONKeys(t *testing.T) {
	plan := rangedPlan(t, nil)
	code, out, errs := runCLI("simulate", plan, "--json", "--runs", "200", "--seed", "3")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if want := "scaleplan-cli simulate: skipped (no ranges): Aggressive\n"; errs != want {
		t.Errorf("stderr %q, want %q", errs, want)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatal(err)
	}
	if got := slices.Sorted(maps.Keys(raw)); fmt.Sprint(got) != "[runs scenarios seed]" {
		t.Errorf("top-level keys %v", got)
	}
	var scs []map[string]json.RawMessage
	json.Unmarshal(raw["scenarios"], &scs)
	for _, sc := range scs {
		if got := slices.Sorted(maps.Keys(sc)); fmt.Sprint(got) != "[cashNeeded id marketWins name plannedModelAtHorizon probabilities series]" {
			t.Errorf("scenario keys %v", got)
		}
	}
	var r simJSON
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if r.Runs != 200 || r.Seed != 3 || len(r.Scenarios) != 2 || r.Scenarios[0].Name != "Base" || r.Scenarios[1].Name != "Conservative" {
		t.Fatalf("runs %d, seed %d, %d scenarios", r.Runs, r.Seed, len(r.Scenarios))
	}
	outputs := "[finance.cash fulfillment.orders fulfillment.plannedCost sales.arr viral.active viral.cumulativeSignups]"
	for _, sc := range r.Scenarios {
		if got := slices.Sorted(maps.Keys(sc.Series)); fmt.Sprint(got) != outputs {
			t.Errorf("%s: outputs %v, want %s", sc.Name, got, outputs)
		}
		for key, bands := range sc.Series {
			if len(bands) != 36 {
				t.Fatalf("%s %s: %d months, want 36", sc.Name, key, len(bands))
			}
			for m, b := range bands {
				if b.Month != m+1 || b.P10 > b.P50 || b.P50 > b.P90 {
					t.Fatalf("%s %s: band %d is %+v", sc.Name, key, m, b)
				}
			}
		}
		for name, m := range map[string]map[string]float64{"marketWins": sc.MarketWins, "plannedModelAtHorizon": sc.PlannedModelAtHorizon} {
			sum := 0.0
			for _, v := range m {
				sum += v
			}
			if sum < 1-1e-9 || sum > 1+1e-9 {
				t.Errorf("%s %s: shares add up to %g", sc.Name, name, sum)
			}
		}
		if sc.CashNeeded == nil || len(sc.Probabilities) == 0 {
			t.Errorf("%s: no cash needed or no probabilities", sc.Name)
		}
	}
}

// TestSimulateSameOnOneAndTwoCores: byte-identical output on one core and
// on two; another seed gives other numbers.
func TestSimulateSameOnOneAndTwoCores(t *testing.T) {
	plan := rangedPlan(t, nil)
	one := simulateJSON(t, 1, plan, "--runs", "300", "--seed", "11")
	two := simulateJSON(t, 2, plan, "--runs", "300", "--seed", "11")
	if one != two {
		t.Fatal("GOMAXPROCS 1 and 2 printed different JSON")
	}
	other := simulateJSON(t, 2, plan, "--runs", "300", "--seed", "12")
	if other == one {
		t.Fatal("seeds 11 and 12 printed the same JSON")
	}
}

// TestSimulateBinaryOnOneAndTwoCores builds the command without cgo and
// runs it with GOMAXPROCS=1 and 2: the same bytes.
func TestSimulateBinaryOnOneAndTwoCores(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command")
	}
	bin := filepath.Join(t.TempDir(), "scaleplan-cli")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	plan := rangedPlan(t, nil)
	var outs []string
	for _, procs := range []string{"1", "2"} {
		cmd := exec.Command(bin, "simulate", plan, "--json", "--runs", "500", "--seed", "42")
		cmd.Env = append(os.Environ(), "GOMAXPROCS="+procs)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("GOMAXPROCS=%s: %v", procs, err)
		}
		outs = append(outs, string(out))
	}
	if outs[0] != outs[1] || !strings.Contains(outs[0], `"seed": 42`) {
		t.Fatal("GOMAXPROCS=1 and 2 printed different JSON")
	}
}

// TestSimulateZeroWidthIsTheDeterministicLine: with every range zero
// wide, P10 = P50 = P90 = what compute --json gives for the same month.
func TestSimulateZeroWidthIsTheDeterministicLine(t *testing.T) {
	plan := rangedPlan(t, func(p *scenario.Plan) {
		p.Scenarios[0].Ranges = map[string]scenario.Range{"viral.inviteConversion": {Low: 0.2, High: 0.2}} // the sample's value
		p.Scenarios[2].Ranges = nil
	})
	var r simJSON
	json.Unmarshal([]byte(simulateJSON(t, 2, plan, "--runs", "50")), &r)
	code, out, _ := runCLI("compute", "--json", plan)
	if code != exitOK {
		t.Fatal("compute failed")
	}
	var c struct {
		Scenarios []struct {
			Viral struct {
				Months []struct{ Active float64 } `json:"months"`
			} `json:"viral"`
		} `json:"scenarios"`
	}
	json.Unmarshal([]byte(out), &c)
	want := c.Scenarios[0].Viral.Months
	for m, b := range r.Scenarios[0].Series["viral.active"] {
		if b.P10 != want[m].Active || b.P50 != want[m].Active || b.P90 != want[m].Active {
			t.Fatalf("month %d: %+v, want every percentile %g", m+1, b, want[m].Active)
		}
	}
}

// readCSV reads a samples file.
func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
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

// percentile is the p-percentile of values as Excel's PERCENTILE.INC
// takes it: rank h = p·(n−1) in the sorted values, interpolated.
func percentile(values []float64, p float64) float64 {
	v := slices.Sorted(slices.Values(values))
	h := p * float64(len(v)-1)
	lo := int(h)
	if lo+1 >= len(v) {
		return v[len(v)-1]
	}
	return v[lo] + (h-float64(lo))*(v[lo+1]-v[lo])
}

// TestSimulateSamplesOneScenario: a header of run, the sorted ranged paths
// and every output; one row per run; a uniform input's draws inside its
// range; and the horizon column's percentiles equal to the JSON's band.
func TestSimulateSamplesOneScenario(t *testing.T) {
	plan := rangedPlan(t, nil)
	out := filepath.Join(t.TempDir(), "runs.csv")
	code, stdout, errs := runCLI("simulate", plan, "--scenario", "base", "--runs", "250", "--seed", "5", "--json", "--samples", out)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if want := "wrote " + out + " (250 runs × 1 scenarios)\n"; errs != want {
		t.Errorf("stderr %q, want %q", errs, want)
	}
	rows := readCSV(t, out)
	head := "run fulfillment.models[3PL].perOrder sales.aeQuotaPerMonth viral.inviteConversion viral.monthlyChurn " +
		"viral.active viral.cumulativeSignups sales.arr fulfillment.orders fulfillment.plannedCost finance.cash"
	if got := strings.Join(rows[0], " "); got != head {
		t.Fatalf("header %q\nwant %q", got, head)
	}
	if len(rows) != 251 {
		t.Fatalf("%d rows, want 1 + 250", len(rows))
	}
	var active []float64
	for i, row := range rows[1:] {
		if row[0] != strconv.Itoa(i+1) {
			t.Fatalf("row %d: run %q", i+1, row[0])
		}
		perOrder, _ := strconv.ParseFloat(row[1], 64)
		if perOrder < 4 || perOrder > 6.5 {
			t.Errorf("run %d: the uniform 4..6.5 drew %g", i+1, perOrder)
		}
		v, err := strconv.ParseFloat(row[5], 64)
		if err != nil {
			t.Fatal(err)
		}
		active = append(active, v)
	}
	var r simJSON
	json.Unmarshal([]byte(stdout), &r)
	b := r.Scenarios[0].Series["viral.active"][35]
	for _, c := range []struct {
		p    float64
		want float64
	}{{0.1, b.P10}, {0.5, b.P50}, {0.9, b.P90}} {
		if got := percentile(active, c.p); got != c.want {
			t.Errorf("P%g of the samples' active users %g, the JSON's %g", c.p*100, got, c.want)
		}
	}
	// another seed draws other inputs
	out2 := filepath.Join(t.TempDir(), "runs.csv")
	runCLI("simulate", plan, "--scenario", "base", "--runs", "250", "--seed", "6", "--samples", out2)
	if rows2 := readCSV(t, out2); rows2[1][1] == rows[1][1] || len(rows2) != 251 {
		t.Error("seeds 5 and 6 drew the same first input")
	}
}

// TestSimulateSamplesSeveralScenarios: a scenario column first, the union
// of the ranged paths (empty where a scenario has no such range), runs ×
// scenarios rows, and a scenario name a spreadsheet would run defused.
func TestSimulateSamplesSeveralScenarios(t *testing.T) {
	plan := rangedPlan(t, func(p *scenario.Plan) { p.Scenarios[2].Name = "=HYPERLINK(1)" })
	out := filepath.Join(t.TempDir(), "runs.csv")
	code, stdout, errs := runCLI("simulate", plan, "--runs", "40", "--samples", out)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.HasPrefix(stdout, "Skipped, no ranges: Aggressive\n") || !strings.HasSuffix(stdout, "wrote "+out+" (40 runs × 2 scenarios)\n") {
		t.Errorf("stdout:\n%s", stdout)
	}
	rows := readCSV(t, out)
	if len(rows) != 81 || strings.Join(rows[0][:3], " ") != "scenario run fulfillment.models[3PL].perOrder" || len(rows[0]) != 12 {
		t.Fatalf("%d rows, header %v", len(rows), rows[0])
	}
	if rows[1][0] != "Base" || rows[41][0] != "'=HYPERLINK(1)" || rows[41][1] != "1" || rows[80][1] != "40" {
		t.Errorf("rows 1, 41, 80: %v %v %v", rows[1][:2], rows[41][:2], rows[80][:2])
	}
	if rows[41][2] != "" || rows[41][4] == "" { // Conservative: no 3PL range, an invite conversion range
		t.Errorf("Conservative's first row %v", rows[41])
	}
}

// TestSimulateText: the readable summary names the horizon's spread, the
// odds and the raise.
func TestSimulateText(t *testing.T) {
	plan := rangedPlan(t, func(p *scenario.Plan) {
		p.Scenarios[0].Finance.StartingCash = 100000 // cash runs out in every future
	})
	code, out, errs := runCLI("simulate", plan, "--scenario", "Base", "--runs", "100")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"== Base: 100 runs, seed 1 ==", "At Dec 2029 (m36)", "P10", "Active users", "Cash runs out by Dec 2029 (m36) 100%",
		"Cash: to survive 9 futures in 10, raise $", "Fulfillment planned at Dec 2029 (m36): "} {
		if !strings.Contains(strings.Join(strings.Fields(out), " "), want) {
			t.Errorf("no %q in:\n%s", want, out)
		}
	}
}

// TestSimulateBadArguments: each refusal with its exit code and exact
// message.
func TestSimulateBadArguments(t *testing.T) {
	plan := rangedPlan(t, nil)
	none := rangedPlan(t, func(p *scenario.Plan) {
		for i := range p.Scenarios {
			p.Scenarios[i].Ranges = nil
		}
	})
	const pre = "scaleplan-cli simulate: "
	tests := []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{plan, "--runs", "0"}, 1, pre + "--runs: must be a whole number from 1 to 1,000,000, got \"0\"\n"},
		{[]string{plan, "--runs", "1000001"}, 1, pre + "--runs: must be a whole number from 1 to 1,000,000, got \"1000001\"\n"},
		{[]string{plan, "--runs", "2.5"}, 1, pre + "--runs: must be a whole number from 1 to 1,000,000, got \"2.5\"\n"},
		{[]string{plan, "--seed", "-1"}, 1, pre + "--seed: must be a whole number from 0 to 18446744073709551615, got \"-1\"\n"},
		{[]string{plan, "--seed", "1e3"}, 1, pre + "--seed: must be a whole number from 0 to 18446744073709551615, got \"1e3\"\n"},
		{[]string{plan, "--seed", "18446744073709551616"}, 1, pre + "--seed: must be a whole number from 0 to 18446744073709551615, got \"18446744073709551616\"\n"},
		{[]string{plan, "--scenario", "Nope"}, 1, pre + "--scenario: no scenario named \"Nope\" (the plan has \"Base\", \"Aggressive\", \"Conservative\")\n"},
		{[]string{plan, "--scenario", "aggressive"}, 1, pre + "--scenario: scenario \"Aggressive\" has no ranges: nothing to simulate (give an input a range first)\n"},
		{[]string{none}, 1, pre + "no scenario has ranges: nothing to simulate (give an input a range first)\n"},
		{[]string{plan, "--samples", "runs.txt"}, 1, pre + "--samples: runs.txt: the file's name must end in .csv\n"},
		{[]string{plan, "--samples", "/no/such/folder/runs.csv"}, 1, pre + "--samples: cannot write /no/such/folder/runs.csv: folder /no/such/folder does not exist\n"},
		{[]string{plan, "--runs"}, 2, pre + "flag needs an argument: -runs\nusage: scaleplan-cli " + commands["simulate"].Usage + "\n"},
		{[]string{plan, "--runs", "5", "--runs", "6"}, 2, pre + "--runs is given more than once\nusage: scaleplan-cli " + commands["simulate"].Usage + "\n"},
		{nil, 2, pre + "expected one plan file, got 0 arguments\nusage: scaleplan-cli " + commands["simulate"].Usage + "\n"},
	}
	for _, tc := range tests {
		code, _, errs := runCLI(append([]string{"simulate"}, tc.args...)...)
		if code != tc.code || errs != tc.stderr {
			t.Errorf("%v: exit %d, stderr %q\nwant exit %d, %q", tc.args, code, errs, tc.code, tc.stderr)
		}
	}
}

// TestSimulateBadPlanIsLocated: a plan that does not validate is refused
// with the file and field named, and no samples file appears.
func TestSimulateBadPlanIsLocated(t *testing.T) {
	plan := rangedPlan(t, func(p *scenario.Plan) { p.Scenarios[0].Viral.InviteConversion = 1.5 })
	out := filepath.Join(t.TempDir(), "runs.csv")
	code, _, errs := runCLI("simulate", plan, "--samples", out)
	if code != exitBad || !strings.HasPrefix(errs, "scaleplan-cli simulate: ranged.scaleplan: scenarios[0].viral.inviteConversion: ") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("the samples file exists: %v", err)
	}
}

// TestExportHasSimulationSheets: export gives each scenario with ranges a
// Simulation sheet (the plan's runs), and no other.
func TestExportHasSimulationSheets(t *testing.T) {
	plan := rangedPlan(t, nil)
	out := filepath.Join(t.TempDir(), "sim.xlsx")
	if code, _, errs := runCLI("export", plan, "-o", out); code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var sims []string
	for _, name := range f.GetSheetList() {
		if strings.HasSuffix(name, " - Simulation") {
			sims = append(sims, name)
		}
	}
	if strings.Join(sims, ",") != "Base - Simulation,Conservative - Simulation" {
		t.Errorf("simulation sheets %v", sims)
	}
	sample, err := scenario.Decode(assets.SamplePlan)
	if err != nil {
		t.Fatal(err)
	}
	want := strconv.Itoa(sample.SimulationOrDefault().Runs)
	if v, _ := f.GetCellValue("Base - Simulation", "B5", excelize.Options{RawCellValue: true}); v != want {
		t.Errorf("runs %q, want the plan's %s", v, want)
	}
}

// TestSimulateNoEventsIsAnEmptyList: a scenario with no milestone to
// reach (no goal, sales and finance off) prints "probabilities": [].
func TestSimulateNoEventsIsAnEmptyList(t *testing.T) {
	plan := rangedPlan(t, func(p *scenario.Plan) {
		s := &p.Scenarios[0]
		s.Viral.GoalUsers = 0
		s.Sales.Enabled, s.Finance.Enabled = false, false
		delete(s.Ranges, "sales.aeQuotaPerMonth")
	})
	out := simulateJSON(t, 2, plan, "--scenario", "Base", "--runs", "20")
	if !strings.Contains(out, `"probabilities": []`) || !strings.Contains(out, `"cashNeeded": null`) {
		t.Errorf("no empty probabilities or null cash needed:\n%s", out[strings.Index(out, `"probabilities"`):])
	}
}

// TestSimulateDefaultsFromThePlan: without flags the plan's runs and seed
// are used; a flag overrides its own and keeps the other.
func TestSimulateDefaultsFromThePlan(t *testing.T) {
	withSetting := rangedPlan(t, func(p *scenario.Plan) { p.Simulation = &scenario.Simulation{Runs: 120, Seed: 9} })
	without := rangedPlan(t, nil)
	byPlan := simulateJSON(t, 2, withSetting)
	if !strings.HasPrefix(byPlan, "{\n  \"runs\": 120,\n  \"seed\": 9,\n") {
		t.Errorf("the plan's setting was not used:\n%.60s", byPlan)
	}
	if byFlags := simulateJSON(t, 2, without, "--runs", "120", "--seed", "9"); byFlags != byPlan {
		t.Error("the plan's setting and the same flags printed different JSON")
	}
	if got := simulateJSON(t, 2, withSetting, "--runs", "80"); !strings.HasPrefix(got, "{\n  \"runs\": 80,\n  \"seed\": 9,\n") {
		t.Errorf("--runs 80 over the plan's setting:\n%.60s", got)
	}
}

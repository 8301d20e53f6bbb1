package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scaleplan/assets"
	"scaleplan/scenario"
	"scaleplan/scenario/experiment"
)

// backlogPlan writes the sample plan with one experiment to dir.
func backlogPlan(t *testing.T, dir string) string {
	p, err := scenario.Decode(assets.SamplePlan)
	if err != nil {
		t.Fatal(err)
	}
	e := experiment.New(scenario.NewID(), "Invite copy")
	e.Design = experiment.Design{BaselineRate: 0.2, MinDetectableEffect: 0.25, Alpha: 0.05, Power: 0.8, DailyVisitors: 1000, VariantShare: 0.5}
	p.Experiments = []experiment.Experiment{e}
	path := filepath.Join(dir, "plan.scaleplan")
	if err := scenario.WriteFile(path, p); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestBacklogCommand(t *testing.T) {
	dir := t.TempDir()
	plan := backlogPlan(t, dir)
	code, out, errs := cli("experiments", plan)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) != 2 || rows[0][1] != "name" || rows[1][1] != "Invite copy" || rows[1][14] != "1094" || rows[1][16] != "3" {
		t.Fatalf("rows %v, %v", rows, err)
	}
	file := filepath.Join(dir, "backlog.csv")
	code, out, errs = cli("experiments", "-o", file, plan)
	if code != 0 || out != "wrote "+file+" (1 experiments)\n" {
		t.Fatalf("exit %d: %q %s", code, out, errs)
	}
	if data, err := os.ReadFile(file); err != nil || !strings.HasPrefix(string(data), "id,name,owner,status") {
		t.Errorf("file: %.40q, %v", data, err)
	}
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{plan, "-o", filepath.Join(dir, "b.xlsx")}, 1, "the backlog's name must end in .csv"},
		{[]string{filepath.Join(dir, "none.scaleplan")}, 1, "none.scaleplan"},
		{[]string{plan, "-o", filepath.Join(dir, "no", "b.csv")}, 1, "b.csv"},
		{nil, 2, "expected one plan file"},
		{[]string{plan, "--bogus"}, 2, "flag provided but not defined"},
	} {
		code, _, errs := cli(append([]string{"experiments"}, c.args...)...)
		if code != c.code || !strings.Contains(errs, c.want) || strings.Count(errs, "\n") > 2 {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", c.args, code, errs, c.code, c.want)
		}
	}
}

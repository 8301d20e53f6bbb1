package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"scaleplan/export/chart"
	"scaleplan/scenario"
	"scaleplan/scenario/atomicfile"
)

func init() {
	register(command{Name: "chart", Usage: "chart PLAN --scenario NAME --chart " + kindNames("|", "|") + " -o OUT.png|.svg|.pdf [--compare NAME,NAME] [--dark]", Run: runChart})
}

// kindNames lists the chart kinds of export/chart's registry, joined by
// sep and, before the last, by last.
func kindNames(sep, last string) string {
	var names []string
	for _, k := range chart.Kinds() {
		names = append(names, string(k))
	}
	if len(names) < 2 {
		return strings.Join(names, sep)
	}
	return strings.Join(names[:len(names)-1], sep) + last + names[len(names)-1]
}

// chartArgs are the chart command's parsed arguments.
type chartArgs struct {
	plan, scenario, kind, out, compare string
	dark                               bool
}

// parseChartArgs reads the flags; a usage problem is reported on stderr
// and comes back as errUsage.
func parseChartArgs(args []string, stderr io.Writer) (chartArgs, error) {
	var a chartArgs
	fs := flag.NewFlagSet("chart", flag.ContinueOnError)
	fs.StringVar(&a.scenario, "scenario", "", "the scenario to chart, by name")
	fs.StringVar(&a.kind, "chart", "", kindNames(", ", " or "))
	fs.StringVar(&a.out, "o", "", "the output file: .png, .svg or .pdf")
	fs.StringVar(&a.compare, "compare", "", "for --chart compare: the scenarios overlaid, by name, comma-separated (default: all)")
	fs.BoolVar(&a.dark, "dark", false, "use the dark theme")
	pos, err := parseArgs(fs, args, stderr)
	if err != nil {
		return a, errUsage
	}
	missing := missingArgs(pos, flagValue{"--scenario", a.scenario}, flagValue{"--chart", a.kind}, flagValue{"-o", a.out})
	if a.kind != "" && chart.Panels(chart.Kind(a.kind)) == nil {
		missing = append(missing, fmt.Sprintf("unknown chart %q (want %s)", a.kind, kindNames(", ", " or ")))
	}
	if a.compare != "" && a.kind != "" && chart.Kind(a.kind) != chart.KindCompare {
		missing = append(missing, "--compare applies only to --chart compare")
	}
	if dup := repeatedName(a.compare); dup != "" {
		missing = append(missing, fmt.Sprintf("--compare names %q more than once", dup))
	}
	if len(missing) > 0 {
		for _, m := range missing {
			fmt.Fprintf(stderr, "scaleplan-cli chart: %s\n", m)
		}
		fmt.Fprintf(stderr, "usage: scaleplan-cli %s\n", commands["chart"].Usage)
		return a, errUsage
	}
	a.plan = pos[0]
	return a, nil
}

// repeatedName returns the first name listed twice in a comma-separated
// list (ignoring case and surrounding spaces, as scenario names are
// unique), or "".
func repeatedName(list string) string {
	first := map[string]string{}
	for _, name := range strings.Split(list, ",") {
		name = strings.TrimSpace(name)
		key := strings.ToLower(name)
		if key == "" {
			continue
		}
		if f, ok := first[key]; ok {
			return f
		}
		first[key] = name
	}
	return ""
}

func runChart(args []string, stdout, stderr io.Writer) int {
	a, err := parseChartArgs(args, stderr)
	if err != nil {
		return exitUsage
	}
	if _, _, err := atomicfile.Target(a.out); err != nil {
		return fail(stderr, "chart", exitBad, err)
	}
	p, rs, err := loadPlan(a.plan)
	if err != nil {
		return fail(stderr, "chart", exitBad, err)
	}
	in, err := chartInput(p, rs, a)
	if err != nil {
		return fail(stderr, "chart", exitBad, err)
	}
	th := chart.Light()
	if a.dark {
		th = chart.Dark()
	}
	if err := chart.WriteFile(a.out, chart.Kind(a.kind), in, th); err != nil {
		return fail(stderr, "chart", exitBad, err)
	}
	fmt.Fprintf(stdout, "wrote the %s chart of %q to %s\n", a.kind, p.Scenarios[in.Scenario].Name, a.out)
	return exitOK
}

// chartInput resolves the scenario names into indexes.
func chartInput(p *scenario.Plan, rs []*scenario.Result, a chartArgs) (chart.Input, error) {
	in := chart.Input{Plan: p, Results: rs}
	i, err := scenarioIndex(p, a.scenario)
	if err != nil {
		return in, err
	}
	in.Scenario = i
	if a.compare == "" {
		return in, nil
	}
	in.Compare = []int{i}
	for _, name := range strings.Split(a.compare, ",") {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		j, err := scenarioIndex(p, name)
		if err != nil {
			return in, err
		}
		if j != i {
			in.Compare = append(in.Compare, j)
		}
	}
	return in, nil
}

// scenarioIndex finds a scenario by name (exactly, else ignoring case).
func scenarioIndex(p *scenario.Plan, name string) (int, error) {
	for i, s := range p.Scenarios {
		if s.Name == name {
			return i, nil
		}
	}
	found := -1
	for i, s := range p.Scenarios {
		if strings.EqualFold(s.Name, name) {
			if found >= 0 {
				return 0, fmt.Errorf("scenario %q is ambiguous: several differ only in case", name)
			}
			found = i
		}
	}
	if found >= 0 {
		return found, nil
	}
	names := make([]string, len(p.Scenarios))
	for i, s := range p.Scenarios {
		names[i] = fmt.Sprintf("%q", s.Name)
	}
	return 0, errors.New("no scenario named " + fmt.Sprintf("%q", name) + " (the plan has " + strings.Join(names, ", ") + ")")
}

package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"scaleplan/export/boardpack"
	"scaleplan/scenario"
)

func init() {
	register(command{Name: "boardpack", Usage: "boardpack PLAN -o DIR [--baseline NAME] [--scenarios NAME,NAME,…]", Run: runBoardpack})
}

// runBoardpack writes the board pack (pack.pdf, the workbook, the charts as
// PNG and SVG, comparison.csv) into a new folder.
func runBoardpack(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("boardpack", flag.ContinueOnError)
	out := fs.String("o", "", "the folder to write the pack into (new or empty)")
	baseline := fs.String("baseline", "", "the scenario the others are compared with, by name (default: the first chosen)")
	list := fs.String("scenarios", "", fmt.Sprintf("the scenarios in the pack, by name, comma-separated (default: all, up to %d)", boardpack.MaxScenarios))
	pos, err := parseArgs(fs, args, stderr)
	if err != nil {
		return exitUsage
	}
	if *out == "" || len(pos) != 1 {
		fmt.Fprintf(stderr, "usage: scaleplan-cli %s\n", commands["boardpack"].Usage)
		return exitUsage
	}
	if dup := repeatedName(*list); dup != "" {
		fmt.Fprintf(stderr, "scaleplan-cli boardpack: --scenarios names %q more than once\n", dup)
		return exitUsage
	}
	p, err := scenario.ReadFile(pos[0])
	if err != nil {
		return fail(stderr, "boardpack", exitBad, err)
	}
	idx, err := chosenScenarios(p, *list, *baseline)
	if err != nil {
		return fail(stderr, "boardpack", exitBad, err)
	}
	if err := boardpack.Write(*out, p, boardpack.Options{Compare: idx, Simulate: true}); err != nil {
		return fail(stderr, "boardpack", exitBad, err)
	}
	names := make([]string, len(idx))
	for k, i := range idx {
		names[k] = p.Scenarios[i].Name
	}
	fmt.Fprintf(stdout, "wrote the board pack of %s to %s (baseline %s)\n", strings.Join(names, ", "), *out, names[0])
	return exitOK
}

// chosenScenarios resolves --scenarios and --baseline into indexes, the
// baseline first; the baseline joins the list if it is not in it.
func chosenScenarios(p *scenario.Plan, list, baseline string) ([]int, error) {
	var idx []int
	for _, name := range strings.Split(list, ",") {
		if name = strings.TrimSpace(name); name == "" {
			continue
		}
		i, err := scenarioIndex(p, name)
		if err != nil {
			return nil, fmt.Errorf("--scenarios: %w", err)
		}
		idx = append(idx, i)
	}
	if len(idx) == 0 {
		for i := range p.Scenarios {
			idx = append(idx, i)
		}
		if len(idx) > boardpack.MaxScenarios {
			return nil, fmt.Errorf("the plan has %d scenarios; choose up to %d with --scenarios", len(idx), boardpack.MaxScenarios)
		}
	}
	if baseline == "" {
		return idx, nil
	}
	b, err := scenarioIndex(p, baseline)
	if err != nil {
		return nil, fmt.Errorf("--baseline: %w", err)
	}
	out := []int{b}
	for _, i := range idx {
		if i != b {
			out = append(out, i)
		}
	}
	return out, nil
}

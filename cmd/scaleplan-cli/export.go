package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"scaleplan/export/workbook"
	"scaleplan/scenario"
	"scaleplan/scenario/atomicfile"
)

func init() {
	register(command{Name: "export", Usage: "export PLAN -o OUT.xlsx", Run: runExport})
}

// runExport writes the plan as a live Excel workbook (README.md, "The workbook").
func runExport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	out := fs.String("o", "", "the workbook to write (.xlsx)")
	pos, err := parseArgs(fs, args, stderr)
	if err != nil {
		return exitUsage
	}
	if *out == "" || len(pos) != 1 {
		fmt.Fprintf(stderr, "usage: scaleplan-cli %s\n", commands["export"].Usage)
		return exitUsage
	}
	if !strings.EqualFold(filepath.Ext(*out), ".xlsx") {
		return fail(stderr, "export", exitBad, fmt.Errorf("%s: the workbook's name must end in .xlsx", *out))
	}
	if _, _, err := atomicfile.Target(*out); err != nil {
		return fail(stderr, "export", exitBad, err)
	}
	p, err := scenario.ReadFile(pos[0])
	if err != nil {
		return fail(stderr, "export", exitBad, err)
	}
	if err := workbook.WriteFile(*out, p, workbook.Options{Simulate: true}); err != nil {
		return fail(stderr, "export", exitBad, err)
	}
	fmt.Fprintf(stdout, "wrote %s (%d scenarios)\n", *out, len(p.Scenarios))
	return exitOK
}

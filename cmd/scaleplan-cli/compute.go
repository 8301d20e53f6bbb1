package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"scaleplan/scenario"
)

func init() {
	register(command{Name: "compute", Usage: "compute --json PLAN", Run: runCompute})
}

func runCompute(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("compute", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print all results as JSON")
	path, code := onePlan("compute", fs, args, stderr)
	if code != exitOK {
		return code
	}
	if !*asJSON {
		fmt.Fprintln(stderr, "scaleplan-cli compute: --json is the only output format (try `report` for text)")
		return exitUsage
	}
	_, rs, err := loadPlan(path)
	if err != nil {
		return fail(stderr, "compute", exitBad, err)
	}
	out := struct {
		Scenarios []*scenario.Result `json:"scenarios"`
	}{rs}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return fail(stderr, "compute", exitBad, err)
	}
	return exitOK
}

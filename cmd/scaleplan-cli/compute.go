package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"path/filepath"

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
	p, err := scenario.ReadFile(path)
	if err != nil {
		return fail(stderr, "compute", exitBad, err)
	}
	if err := streamResults(stdout, p); err != nil {
		return fail(stderr, "compute", exitBad, &scenario.FileError{Name: filepath.Base(path), Err: err})
	}
	return exitOK
}

// streamResults prints {"scenarios": [...]} computing one scenario at a
// time, so memory holds one scenario's results, not the whole plan's. It
// stops at the first write error.
func streamResults(w io.Writer, p *scenario.Plan) error {
	if _, err := io.WriteString(w, "{\n  \"scenarios\": [\n"); err != nil {
		return nil // the caller reports write errors
	}
	for i := range p.Scenarios {
		r, err := scenario.Compute(&p.Scenarios[i], p.Currency)
		if err != nil {
			return fmt.Errorf("scenarios[%d]: %w", i, err)
		}
		b, err := json.MarshalIndent(r, "    ", "  ")
		if err != nil {
			return fmt.Errorf("scenarios[%d]: %w", i, err)
		}
		sep := ",\n"
		if i == len(p.Scenarios)-1 {
			sep = "\n"
		}
		if _, err := fmt.Fprintf(w, "    %s%s", b, sep); err != nil {
			return nil
		}
	}
	io.WriteString(w, "  ]\n}\n")
	return nil
}

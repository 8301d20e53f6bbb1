package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"scaleplan/assets"
	"scaleplan/scenario"
	"scaleplan/scenario/atomicfile"
)

func init() {
	register(command{Name: "check", Usage: "check PLAN", Run: runCheck})
	register(command{Name: "new", Usage: "new -o PLAN", Run: runNew})
}

// loadPlan reads, validates and computes a plan. Every problem comes back as
// one error whose lines each name a location.
func loadPlan(path string) (*scenario.Plan, []*scenario.Result, error) {
	p, err := scenario.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	rs, err := scenario.ComputePlan(p)
	if err != nil {
		return nil, nil, &scenario.FileError{Name: filepath.Base(path), Err: err}
	}
	return p, rs, nil
}

// onePlan parses a command's flags and requires exactly one plan argument.
func onePlan(name string, fs *flag.FlagSet, args []string, stderr io.Writer) (string, int) {
	pos, err := parseArgs(fs, args, stderr)
	if err != nil {
		return "", exitUsage
	}
	if len(pos) != 1 {
		fmt.Fprintf(stderr, "scaleplan-cli %s: expected one plan file, got %d arguments\n", name, len(pos))
		fmt.Fprintf(stderr, "usage: scaleplan-cli %s\n", commands[name].Usage)
		return "", exitUsage
	}
	return pos[0], exitOK
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	path, code := onePlan("check", flag.NewFlagSet("check", flag.ContinueOnError), args, stderr)
	if code != exitOK {
		return code
	}
	p, _, err := loadPlan(path)
	if err != nil {
		return fail(stderr, "check", exitBad, err)
	}
	fmt.Fprintf(stdout, "%s: ok (%d scenarios)\n", path, len(p.Scenarios))
	return exitOK
}

func runNew(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("new", flag.ContinueOnError)
	out := fs.String("o", "", "the plan file to write")
	force := fs.Bool("f", false, "overwrite an existing file")
	pos, err := parseArgs(fs, args, stderr)
	if err != nil {
		return exitUsage
	}
	if *out == "" || len(pos) > 0 {
		fmt.Fprintln(stderr, "usage: scaleplan-cli new -o PLAN [-f]")
		return exitUsage
	}
	if _, mode, err := atomicfile.Target(*out); err != nil {
		return fail(stderr, "new", exitBad, err)
	} else if mode != 0 && !*force {
		return fail(stderr, "new", exitBad, fmt.Errorf("%s exists; use -f to overwrite it", *out))
	}
	if err := scenario.WriteFileAtomic(*out, assets.SamplePlan); err != nil {
		return fail(stderr, "new", exitBad, err)
	}
	fmt.Fprintf(stdout, "wrote the sample plan to %s\n", *out)
	return exitOK
}

// flagValue is a required flag's name and the value given.
type flagValue struct{ name, v string }

// missingArgs lists what a call lacks: exactly one plan file among the
// positional arguments pos, and a value for each required flag.
func missingArgs(pos []string, required ...flagValue) []string {
	var missing []string
	if len(pos) != 1 {
		missing = append(missing, fmt.Sprintf("expected one plan file, got %d arguments", len(pos)))
	}
	for _, f := range required {
		if strings.TrimSpace(f.v) == "" {
			missing = append(missing, f.name+" is required")
		}
	}
	return missing
}

package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"scaleplan/export/backlog"
	"scaleplan/scenario"
)

func init() {
	register(command{Name: "experiments", Usage: "experiments PLAN [-o BACKLOG.csv]", Run: runBacklog})
}

// runBacklog writes the plan's experiment backlog as CSV, to a file or to
// stdout.
func runBacklog(args []string, stdout, stderr io.Writer) int {
	const name = "experiments"
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	out := fs.String("o", "", "the CSV file to write (default: standard output)")
	path, code := onePlan(name, fs, args, stderr)
	if code != exitOK {
		return code
	}
	if *out != "" && !strings.EqualFold(filepath.Ext(*out), ".csv") {
		return fail(stderr, name, exitBad, fmt.Errorf("%s: the backlog's name must end in .csv", *out))
	}
	p, err := scenario.ReadFile(path)
	if err != nil {
		return fail(stderr, name, exitBad, err)
	}
	var buf bytes.Buffer
	if err := backlog.WriteCSV(&buf, p); err != nil {
		return fail(stderr, name, exitBad, err)
	}
	if *out == "" {
		if _, err := stdout.Write(buf.Bytes()); err != nil {
			return fail(stderr, name, exitBad, err)
		}
		return exitOK
	}
	if err := scenario.WriteFileAtomic(*out, buf.Bytes()); err != nil {
		return fail(stderr, name, exitBad, err)
	}
	fmt.Fprintf(stdout, "wrote %s (%d experiments)\n", *out, len(p.Experiments))
	return exitOK
}

package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
)

// parseArgs parses flags that may stand before or after positional
// arguments ("export PLAN -o OUT" as well as "export -o OUT PLAN") and
// returns the positional ones.
// A bad flag is reported on one line, followed by the command's usage.
func parseArgs(fs *flag.FlagSet, args []string, stderr io.Writer) ([]string, error) {
	fs.SetOutput(io.Discard)
	var rest []string // after "--": positional, whatever they look like
	if i := slices.Index(args, "--"); i >= 0 {
		args, rest = args[:i], args[i+1:]
	}
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			fmt.Fprintf(stderr, "scaleplan-cli %s: %v\n", fs.Name(), err)
			fmt.Fprintf(stderr, "usage: scaleplan-cli %s\n", commands[fs.Name()].Usage)
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return append(pos, rest...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// errUsage marks a usage error (exit 2).
var errUsage = errors.New("usage")

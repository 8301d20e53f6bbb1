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
// A flag given twice is a usage error too.
func parseArgs(fs *flag.FlagSet, args []string, stderr io.Writer) ([]string, error) {
	fs.SetOutput(io.Discard)
	var twice string
	fs.VisitAll(func(f *flag.Flag) { f.Value = &onceValue{Value: f.Value, name: f.Name, twice: &twice} })
	var rest []string // after "--": positional, whatever they look like
	if i := slices.Index(args, "--"); i >= 0 {
		args, rest = args[:i], args[i+1:]
	}
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if twice != "" {
				err = fmt.Errorf("%s is given more than once", twice)
			}
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

// onceValue is a flag's value that refuses a second setting.
type onceValue struct {
	flag.Value
	name  string
	set   bool
	twice *string // the first flag given twice, as typed ("-o", "--chart")
}

func (o *onceValue) Set(s string) error {
	if o.set {
		*o.twice = flagName(o.name)
		return errUsage
	}
	o.set = true
	return o.Value.Set(s)
}

// IsBoolFlag keeps a bool flag usable without a value (--dark).
func (o *onceValue) IsBoolFlag() bool {
	b, ok := o.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// flagName writes a flag as the usage lines do: -o, --chart.
func flagName(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

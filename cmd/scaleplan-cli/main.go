// Command scaleplan-cli is Scaleplan's headless command: it checks,
// reports, computes and exports plan files without a display.
//
// Exit codes: 0 ok, 1 bad input or plan, 2 usage.
package main

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// command is one subcommand. Run gets the arguments after the command's
// name and returns the exit code.
type command struct {
	Name  string
	Usage string
	Run   func(args []string, stdout, stderr io.Writer) int
}

var commands = map[string]command{}

// register adds a subcommand; each lives in its own file and registers in init.
func register(c command) { commands[c.Name] = c }

// Exit codes.
const (
	exitOK    = 0
	exitBad   = 1
	exitUsage = 2
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run dispatches to a subcommand.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "scaleplan-cli: unknown command %q\n", args[0])
		usage(stderr)
		return exitUsage
	}
	return c.Run(args[1:], stdout, stderr)
}

func usage(w io.Writer) {
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	fmt.Fprintln(w, "usage: scaleplan-cli COMMAND [arguments]")
	for _, n := range names {
		fmt.Fprintf(w, "  scaleplan-cli %s\n", commands[n].Usage)
	}
}

// fail prints one error per line to stderr, prefixed by the command name,
// and returns code.
func fail(stderr io.Writer, name string, code int, err error) int {
	for _, line := range strings.Split(err.Error(), "\n") {
		fmt.Fprintf(stderr, "scaleplan-cli %s: %s\n", name, line)
	}
	return code
}

// Command scaleplan-cli is Scaleplan's headless command: it checks,
// reports, computes and exports plan files without a display.
//
// Exit codes: 0 ok, 1 bad input or plan, 2 usage.
package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"scaleplan/scenario"
	"scaleplan/scenario/atomicfile"
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
	// An interrupted export or chart leaves no temporary file behind.
	atomicfile.ExitOnSignal(func(sig os.Signal, removed []string) {
		msg := "scaleplan-cli: stopped (" + sig.String() + ")"
		if len(removed) > 0 {
			msg += "; the unfinished output was removed"
		}
		fmt.Fprintln(os.Stderr, msg)
	})
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run dispatches to a subcommand. What it prints goes through a
// safeWriter; a failed write to stdout (a full disk, a closed pipe) makes
// it exit 1.
func run(args []string, stdout, stderr io.Writer) int {
	errw := &safeWriter{w: stderr}
	outw := &safeWriter{w: stdout}
	buf := bufio.NewWriterSize(outw, 64<<10)
	code := dispatch(args, buf, errw)
	if err := buf.Flush(); err == nil {
		err = outw.flush()
	}
	if outw.err != nil {
		name := "scaleplan-cli"
		if len(args) > 0 {
			if _, ok := commands[args[0]]; ok {
				name += " " + args[0]
			}
		}
		fmt.Fprintf(errw, "%s: cannot write the output: %v\n", name, bareErr(outw.err))
		code = max(code, exitBad)
	}
	errw.flush()
	return code
}

// dispatch runs the subcommand args[0].
func dispatch(args []string, stdout, stderr io.Writer) int {
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

// maxErrorLines bounds the lines fail prints; the rest is counted.
const maxErrorLines = 100

// fail prints one error per line to stderr, prefixed by the command name,
// and returns code. A line that starts with the command's name again
// ("chart: …" from package chart) drops it, so no message stutters.
func fail(stderr io.Writer, name string, code int, err error) int {
	var fe *scenario.FileError
	stutter := !errors.As(err, &fe) // a file error starts with the file's name
	lines := strings.Split(err.Error(), "\n")
	for i, line := range lines {
		if i == maxErrorLines {
			fmt.Fprintf(stderr, "scaleplan-cli %s: … and %d more problems\n", name, len(lines)-i)
			break
		}
		if stutter {
			line = strings.TrimPrefix(line, name+": ")
		}
		fmt.Fprintf(stderr, "scaleplan-cli %s: %s\n", name, line)
	}
	return code
}

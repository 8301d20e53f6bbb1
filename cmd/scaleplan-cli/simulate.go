package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strconv"
	"strings"

	"scaleplan/scenario"
	"scaleplan/scenario/atomicfile"
)

func init() {
	register(command{Name: "simulate", Usage: "simulate PLAN [--scenario NAME] [--runs N] [--seed S] [--json] [--samples FILE.csv]", Run: runSimulate})
}

// simArgs are simulate's arguments as typed.
type simArgs struct {
	plan, scenario, runs, seed, samples string
	json                                bool
}

// runSimulate runs the Monte Carlo simulation of the plan's ranged
// scenarios (docs/CLI.md, "simulate").
func runSimulate(args []string, stdout, stderr io.Writer) int {
	const name = "simulate"
	var a simArgs
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.StringVar(&a.scenario, "scenario", "", "the scenario to simulate, by name (default: every scenario with ranges)")
	fs.StringVar(&a.runs, "runs", "", "the number of runs (default: the plan's)")
	fs.StringVar(&a.seed, "seed", "", "the seed (default: the plan's)")
	fs.BoolVar(&a.json, "json", false, "print the results as JSON")
	fs.StringVar(&a.samples, "samples", "", "write every run's inputs and outputs to this CSV file")
	path, code := onePlan(name, fs, args, stderr)
	if code != exitOK {
		return code
	}
	a.plan = path
	if a.samples != "" {
		if !strings.EqualFold(filepath.Ext(a.samples), ".csv") {
			return fail(stderr, name, exitBad, fmt.Errorf("--samples: %s: the file's name must end in .csv", a.samples))
		}
		if _, _, err := atomicfile.Target(a.samples); err != nil {
			return fail(stderr, name, exitBad, fmt.Errorf("--samples: %w", err))
		}
	}
	p, _, err := loadPlan(a.plan)
	if err != nil {
		return fail(stderr, name, exitBad, err)
	}
	opt, err := simOptions(p, a)
	if err != nil {
		return fail(stderr, name, exitBad, err)
	}
	chosen, skipped, err := simScenarios(p, a.scenario)
	if err != nil {
		return fail(stderr, name, exitBad, err)
	}
	if len(skipped) > 0 {
		note := "skipped (no ranges): " + strings.Join(skipped, ", ")
		if a.json {
			fmt.Fprintf(stderr, "scaleplan-cli %s: %s\n", name, note)
		} else {
			fmt.Fprintln(stdout, "Skipped, no ranges: "+strings.Join(skipped, ", "))
		}
	}
	if a.samples == "" {
		err = simulateAll(stdout, nil, p, chosen, opt, a.json)
	} else {
		var simErr error // an error of the simulation, not of the file
		err = atomicfile.Write(a.samples, func(w io.Writer) error {
			csv := newSamplesCSV(w, p, chosen)
			if simErr = simulateAll(stdout, csv, p, chosen, opt, a.json); simErr != nil {
				return simErr
			}
			return csv.flush()
		})
		if simErr != nil {
			err = simErr
		} else if err != nil {
			return fail(stderr, name, exitBad, fmt.Errorf("--samples: %w", err))
		}
	}
	if err != nil {
		return fail(stderr, name, exitBad, &scenario.FileError{Name: filepath.Base(a.plan), Err: err})
	}
	if a.samples != "" {
		fmt.Fprintf(sideChannel(stdout, stderr, a.json), "wrote %s (%d runs × %d scenarios)\n", a.samples, opt.Runs, len(chosen))
	}
	return exitOK
}

// sideChannel is where a remark goes: stdout, or stderr when stdout holds JSON.
func sideChannel(stdout, stderr io.Writer, asJSON bool) io.Writer {
	if asJSON {
		return stderr
	}
	return stdout
}

// simOptions returns the runs and seed: the flags', else the plan's.
func simOptions(p *scenario.Plan, a simArgs) (scenario.SimOptions, error) {
	sim := p.SimulationOrDefault()
	opt := scenario.SimOptions{Runs: sim.Runs, Seed: sim.Seed, Samples: a.samples != ""}
	if a.runs != "" {
		n, err := strconv.ParseInt(strings.ReplaceAll(strings.TrimSpace(a.runs), "_", ""), 10, 64)
		if err != nil || n < 1 || n > scenario.MaxRuns {
			return opt, fmt.Errorf("--runs: must be a whole number from 1 to %s, got %q", scenario.FormatCount(scenario.MaxRuns), a.runs)
		}
		opt.Runs = int(n)
	}
	if a.seed != "" {
		s, err := strconv.ParseUint(strings.TrimSpace(a.seed), 10, 64)
		if err != nil {
			return opt, fmt.Errorf("--seed: must be a whole number from 0 to %d, got %q", uint64(math.MaxUint64), a.seed)
		}
		opt.Seed = s
	}
	return opt, nil
}

// simScenarios returns the indexes of the scenarios to simulate and the
// names of those skipped for having no ranges. A scenario named by --scenario
// must have ranges; without it, at least one scenario must.
func simScenarios(p *scenario.Plan, name string) (chosen []int, skipped []string, err error) {
	if name != "" {
		i, err := scenarioIndex(p, name)
		if err != nil {
			return nil, nil, fmt.Errorf("--scenario: %w", err)
		}
		if len(p.Scenarios[i].Ranges) == 0 {
			return nil, nil, fmt.Errorf("--scenario: scenario %q has no ranges: nothing to simulate (give an input a range first)", p.Scenarios[i].Name)
		}
		return []int{i}, nil, nil
	}
	for i := range p.Scenarios {
		if len(p.Scenarios[i].Ranges) > 0 {
			chosen = append(chosen, i)
		} else {
			skipped = append(skipped, p.Scenarios[i].Name)
		}
	}
	if len(chosen) == 0 {
		return nil, nil, errors.New("no scenario has ranges: nothing to simulate (give an input a range first)")
	}
	return chosen, skipped, nil
}

// simulateAll simulates the chosen scenarios one at a time, printing each
// as it finishes (JSON or text) and writing its runs to samples (when not
// nil: its write errors wait in it), so memory holds one scenario's simulation at a time.
func simulateAll(stdout io.Writer, csv *samplesCSV, p *scenario.Plan, chosen []int, opt scenario.SimOptions, asJSON bool) error {
	if asJSON {
		fmt.Fprintf(stdout, "{\n  \"runs\": %d,\n  \"seed\": %d,\n  \"scenarios\": [\n", opt.Runs, opt.Seed)
	}
	for k, i := range chosen {
		s := &p.Scenarios[i]
		res, err := scenario.Simulate(context.Background(), s, p.Currency, opt)
		if err != nil {
			return fmt.Errorf("scenarios[%d]: %w", i, err)
		}
		if csv != nil {
			csv.write(s, res)
		}
		if !asJSON {
			writeSimText(stdout, p, s, res)
			continue
		}
		if res.Probabilities == nil {
			res.Probabilities = []scenario.Probability{} // a list is [], never null
		}
		b, err := json.MarshalIndent(res, "    ", "  ")
		if err != nil {
			return fmt.Errorf("scenarios[%d]: %w", i, err)
		}
		sep := ",\n"
		if k == len(chosen)-1 {
			sep = "\n"
		}
		fmt.Fprintf(stdout, "    %s%s", b, sep)
	}
	if asJSON {
		io.WriteString(stdout, "  ]\n}\n")
	}
	return nil
}

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"scaleplan/scenario"
)

func init() {
	register(command{Name: "goalseek", Usage: "goalseek PLAN --scenario NAME --input PATH --output OUTPUT --target VALUE [--by MONTH] [--json]", Run: runGoalseek})
}

// goalseekArgs are goalseek's arguments as typed.
type goalseekArgs struct {
	plan, scenario, input, output, target, by string
	json                                      bool
}

// goalseekJSON is what goalseek --json prints (docs/CLI.md, "goalseek"):
// value is null when the target is not reached.
type goalseekJSON struct {
	Input   string   `json:"input"`
	Output  string   `json:"output"`
	Target  float64  `json:"target"`
	Month   int      `json:"month"`
	Value   *float64 `json:"value"`
	Reached bool     `json:"reached"`
}

// parseGoalseekArgs reads the flags; a usage problem is reported on stderr
// and comes back as errUsage.
func parseGoalseekArgs(args []string, stderr io.Writer) (goalseekArgs, error) {
	const name = "goalseek"
	var a goalseekArgs
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.StringVar(&a.scenario, "scenario", "", "the scenario, by name")
	fs.StringVar(&a.input, "input", "", "the input to vary, by its input path (viral.inviteConversion)")
	fs.StringVar(&a.output, "output", "", "the output to reach: "+strings.Join(outputKeys(), ", "))
	fs.StringVar(&a.target, "target", "", "the value the output must reach")
	fs.StringVar(&a.by, "by", "", "the month by which it must (default: the horizon)")
	fs.BoolVar(&a.json, "json", false, "print the answer as JSON")
	pos, err := parseArgs(fs, args, stderr)
	if err != nil {
		return a, errUsage
	}
	missing := missingArgs(pos, flagValue{"--scenario", a.scenario}, flagValue{"--input", a.input}, flagValue{"--output", a.output}, flagValue{"--target", a.target})
	if len(missing) > 0 {
		for _, m := range missing {
			fmt.Fprintf(stderr, "scaleplan-cli %s: %s\n", name, m)
		}
		fmt.Fprintf(stderr, "usage: scaleplan-cli %s\n", commands[name].Usage)
		return a, errUsage
	}
	a.plan = pos[0]
	return a, nil
}

// outputKeys lists the output keys of the module registry.
func outputKeys() []string {
	var keys []string
	for _, o := range scenario.Outputs() {
		keys = append(keys, o.Key)
	}
	return keys
}

// goal reads the target and the month into a goal for scenario s.
func goal(a goalseekArgs, s *scenario.Scenario) (scenario.Goal, error) {
	g := scenario.Goal{Input: strings.TrimSpace(a.input), Output: strings.TrimSpace(a.output)}
	var errs []string
	t, err := number(a.target)
	if err != nil {
		errs = append(errs, fmt.Sprintf("--target: expected a number such as 100,000, 4.1 or 1e6, got %q", a.target))
	}
	g.Target = t
	if a.by != "" {
		m, err := strconv.Atoi(strings.TrimSpace(a.by))
		if err != nil || m < 1 || m > s.HorizonMonths {
			errs = append(errs, fmt.Sprintf("--by: must be a month from 1 to the horizon, %d, got %q", s.HorizonMonths, a.by))
		}
		g.Month = m
	}
	if len(errs) > 0 {
		return g, errors.New(strings.Join(errs, "\n"))
	}
	return g, nil
}

// number reads a value as a field does ("100,000", "$4.10"), or in Go's
// notation ("1e12"); never NaN or an infinity.
func number(text string) (float64, error) {
	if v, err := scenario.ParseNumber(text, false); err == nil {
		return v, nil
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(text), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, errors.New("not a number")
	}
	return v, nil
}

// runGoalseek finds the value of one input at which an output reaches a
// target by a month (docs/CLI.md, "goalseek"); an unreachable target exits 1.
func runGoalseek(args []string, stdout, stderr io.Writer) int {
	const name = "goalseek"
	a, err := parseGoalseekArgs(args, stderr)
	if err != nil {
		return exitUsage
	}
	p, _, err := loadPlan(a.plan)
	if err != nil {
		return fail(stderr, name, exitBad, err)
	}
	i, err := scenarioIndex(p, a.scenario)
	if err != nil {
		return fail(stderr, name, exitBad, fmt.Errorf("--scenario: %w", err))
	}
	s := &p.Scenarios[i]
	g, err := goal(a, s)
	if err != nil {
		return fail(stderr, name, exitBad, err)
	}
	res, err := scenario.SeekGoal(context.Background(), s, g)
	var nr *scenario.NotReachableError
	switch {
	case errors.As(err, &nr):
		if a.json {
			if code := writeJSON(stdout, stderr, name, goalseekJSON{Input: g.Input, Output: g.Output, Target: g.Target, Month: nr.Goal.Month}); code != exitOK {
				return code
			}
		}
		return fail(stderr, name, exitBad, fmt.Errorf("%s: %w", s.Name, err))
	case err != nil:
		return fail(stderr, name, exitBad, fmt.Errorf("%s: %w", s.Name, err))
	}
	if a.json {
		return writeJSON(stdout, stderr, name, goalseekJSON{Input: res.Input, Output: res.Output, Target: res.Target, Month: res.Month, Value: &res.Value, Reached: true})
	}
	printGoal(stdout, s, res)
	return exitOK
}

// printGoal says the answer in words: the value found, which side of it
// reaches the target too, and what the output is there.
func printGoal(w io.Writer, s *scenario.Scenario, res *scenario.GoalResult) {
	l, _ := scenario.LimitOf(res.Input)
	in := func(v float64) string { return scenario.FormatInput(roundSig(v, 6), l.Percent) }
	out := func(v float64) string { return scenario.FormatInput(roundSig(v, 9), false) }
	if res.Everywhere {
		fmt.Fprintf(w, "%s: every %s from %s to %s brings %s to at least %s by month %d; the plan's %s gives %s\n",
			s.Name, res.Input, in(res.Min), in(res.Max), res.Output, out(res.Target), res.Month, in(res.Value), out(res.OutputAtValue))
		return
	}
	side := "lower"
	if res.Rising {
		side = "higher"
	}
	fmt.Fprintf(w, "%s: %s = %s brings %s to %s by month %d (target %s); %s values reach it too (the plan has %s)\n",
		s.Name, res.Input, in(res.Value), res.Output, out(res.OutputAtValue), res.Month, out(res.Target), side, in(res.Current))
	if res.Crossings > 1 {
		fmt.Fprintf(w, "%s crosses the target %d times across the valid range; this is the crossing nearest the plan's value\n", res.Output, res.Crossings)
	}
	if res.Uncomputable != nil {
		fmt.Fprintf(w, "Note: %s; a crossing there would not be seen\n", res.Uncomputable)
	}
}

// roundSig rounds to n significant digits, hiding binary noise in what is
// printed (the JSON keeps every digit).
func roundSig(v float64, n int) float64 {
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return v
	}
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', n, 64), 64)
	return r
}

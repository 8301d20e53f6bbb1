package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"scaleplan/scenario"
	"scaleplan/scenario/experiment"
)

const (
	usageSize    = "experiment size --baseline RATE --mde REL [--alpha A] [--power P] [--daily N] [--share S] [--json]"
	usageAnalyze = "experiment analyze --control VISITORS/CONVERSIONS --variant VISITORS/CONVERSIONS [--alpha A] [--json]"
)

func init() {
	register(command{Name: "experiment", Usage: usageSize + "\n  scaleplan-cli " + usageAnalyze, Run: runExperiment})
}

// runExperiment plans (size) or reads (analyze) an A/B test without a plan
// file (docs/MODELS.md §9).
func runExperiment(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, "scaleplan-cli experiment: expected size or analyze")
		fmt.Fprintf(stderr, "usage: scaleplan-cli %s\n       scaleplan-cli %s\n", usageSize, usageAnalyze)
		return exitUsage
	}
	switch args[0] {
	case "size":
		return runExperimentSize(args[1:], stdout, stderr)
	case "analyze":
		return runExperimentAnalyze(args[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, "scaleplan-cli experiment: unknown subcommand %q (expected size or analyze)\n", args[0])
	return exitUsage
}

// subFlags parses a subcommand's flags, which take no positional arguments.
// A usage problem is printed with the usage line.
func subFlags(fs *flag.FlagSet, usage string, args []string, stderr io.Writer) bool {
	fs.SetOutput(io.Discard)
	err := fs.Parse(args)
	if err == nil && fs.NArg() > 0 {
		err = fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if err != nil {
		fmt.Fprintf(stderr, "scaleplan-cli %s: %v\n", fs.Name(), err)
		fmt.Fprintf(stderr, "usage: scaleplan-cli %s\n", usage)
		return false
	}
	return true
}

// missing reports required flags left empty, as a usage error.
func missing(name, usage string, stderr io.Writer, flags map[string]string) bool {
	for _, f := range []string{"baseline", "mde", "control", "variant"} {
		if v, ok := flags[f]; ok && strings.TrimSpace(v) == "" {
			fmt.Fprintf(stderr, "scaleplan-cli %s: --%s is required\n", name, f)
			fmt.Fprintf(stderr, "usage: scaleplan-cli %s\n", usage)
			return true
		}
	}
	return false
}

// flagOf maps an experiment field to the flag that sets it, and what the
// message calls it there ("" when the flag is the field).
var flagOf = map[string][2]string{
	"baselineRate": {"--baseline", ""}, "minDetectableEffect": {"--mde", ""},
	"alpha": {"--alpha", ""}, "power": {"--power", ""}, "dailyVisitors": {"--daily", ""},
	"variantShare":    {"--share", ""},
	"controlVisitors": {"--control", "visitors "}, "controlConversions": {"--control", "conversions "},
	"variantVisitors": {"--variant", "visitors "}, "variantConversions": {"--variant", "conversions "},
}

// byFlag locates an experiment error's lines by the flags a user typed.
func byFlag(err error) error {
	var es experiment.Errors
	if !errors.As(err, &es) {
		return err
	}
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
		if f, ok := flagOf[e.Field]; ok {
			lines[i] = f[0] + ": " + f[1] + e.Msg
		}
	}
	return errors.New(strings.Join(lines, "\n"))
}

// rate reads a fraction (0.2) or a percentage (20%).
func rate(flagName, s string) (float64, error) {
	s = strings.TrimSpace(s)
	if strings.HasSuffix(s, "%") {
		v, err := scenario.ParseNumber(s, true)
		if err != nil {
			return 0, fmt.Errorf("--%s: %w", flagName, err)
		}
		return v, nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("--%s: expected a fraction such as 0.2 or a percentage such as 20%%, got %q", flagName, s)
	}
	return v, nil
}

func runExperimentSize(args []string, stdout, stderr io.Writer) int {
	const name = "experiment size"
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	baseline := fs.String("baseline", "", "the control's conversion rate (0.2 or 20%)")
	mde := fs.String("mde", "", "the relative effect to detect (0.1 or 10% = +10%)")
	alpha := fs.String("alpha", "0.05", "two-sided significance level")
	power := fs.String("power", "0.8", "power")
	daily := fs.String("daily", "", "visitors a day entering the test (both arms)")
	share := fs.String("share", "0.5", "the variant's share of the visitors")
	asJSON := fs.Bool("json", false, "print JSON")
	if !subFlags(fs, usageSize, args, stderr) {
		return exitUsage
	}
	if missing(name, usageSize, stderr, map[string]string{"baseline": *baseline, "mde": *mde}) {
		return exitUsage
	}
	var d experiment.Design
	var errs []string
	for _, f := range []struct {
		flag, text string
		into       *float64
	}{{"baseline", *baseline, &d.BaselineRate}, {"mde", *mde, &d.MinDetectableEffect}, {"alpha", *alpha, &d.Alpha}, {"power", *power, &d.Power}, {"share", *share, &d.VariantShare}} {
		v, err := rate(f.flag, f.text)
		if err != nil {
			errs = append(errs, err.Error())
		}
		*f.into = v
	}
	if *daily != "" {
		v, err := scenario.ParseNumber(*daily, false)
		switch {
		case err != nil:
			errs = append(errs, "--daily: "+err.Error())
		case !(v > 0):
			errs = append(errs, fmt.Sprintf("--daily: must be above 0 (leave it out when not known), got %g", v))
		}
		d.DailyVisitors = v
	}
	if len(errs) > 0 {
		return fail(stderr, name, exitBad, errors.New(strings.Join(errs, "\n")))
	}
	s, err := d.Size()
	if err != nil {
		return fail(stderr, name, exitBad, byFlag(err))
	}
	if *asJSON {
		return writeJSON(stdout, stderr, name, struct {
			PerArm int64  `json:"perArm"`
			Total  int64  `json:"total"`
			Days   *int64 `json:"days"`
		}{s.PerArm, s.Total, s.Days})
	}
	fmt.Fprintf(stdout, "Baseline %s, detect %s relative (%s → %s), α %s two-sided, power %s\n",
		pct(d.BaselineRate), signedPct(d.MinDetectableEffect), pct(d.BaselineRate), pct(d.Variant()), plain(d.Alpha), plain(d.Power))
	fmt.Fprintf(stdout, "Sample size  %s visitors per arm (exactly %s), %s in total with %s to the variant\n",
		scenario.FormatCount(float64(s.PerArm)), strconv.FormatFloat(s.Exact, 'f', 2, 64), scenario.FormatCount(float64(s.Total)), pct(d.VariantShare))
	if s.Days != nil {
		fmt.Fprintf(stdout, "Duration     %d days at %s visitors a day\n", *s.Days, scenario.FormatCount(d.DailyVisitors))
	} else {
		fmt.Fprintln(stdout, "Duration     give --daily VISITORS to get it in days")
	}
	return exitOK
}

// counts reads VISITORS/CONVERSIONS ("1,000/100").
func counts(flagName, s string) (visitors, conversions int, err error) {
	v, c, ok := strings.Cut(s, "/")
	bad := fmt.Errorf("--%s: expected VISITORS/CONVERSIONS in whole numbers such as 1000/100, got %q", flagName, s)
	if !ok {
		return 0, 0, bad
	}
	whole := func(t string) (int, bool) {
		x, err := scenario.ParseNumber(t, false)
		if err != nil || x != math.Trunc(x) || math.Abs(x) > experiment.MaxVisitors {
			return 0, false
		}
		return int(x), true
	}
	visitors, ok1 := whole(v)
	conversions, ok2 := whole(c)
	if !ok1 || !ok2 {
		return 0, 0, bad
	}
	return visitors, conversions, nil
}

func runExperimentAnalyze(args []string, stdout, stderr io.Writer) int {
	const name = "experiment analyze"
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	control := fs.String("control", "", "the control's VISITORS/CONVERSIONS")
	variant := fs.String("variant", "", "the variant's VISITORS/CONVERSIONS")
	alpha := fs.String("alpha", "0.05", "two-sided significance level")
	asJSON := fs.Bool("json", false, "print JSON")
	if !subFlags(fs, usageAnalyze, args, stderr) {
		return exitUsage
	}
	if missing(name, usageAnalyze, stderr, map[string]string{"control": *control, "variant": *variant}) {
		return exitUsage
	}
	var o experiment.Observed
	var errs []string
	var err error
	if o.ControlVisitors, o.ControlConversions, err = counts("control", *control); err != nil {
		errs = append(errs, err.Error())
	}
	if o.VariantVisitors, o.VariantConversions, err = counts("variant", *variant); err != nil {
		errs = append(errs, err.Error())
	}
	a, err := rate("alpha", *alpha)
	if err != nil {
		errs = append(errs, err.Error())
	}
	if len(errs) > 0 {
		return fail(stderr, name, exitBad, errors.New(strings.Join(errs, "\n")))
	}
	r, err := experiment.Analyze(o, a)
	if err != nil {
		return fail(stderr, name, exitBad, byFlag(err))
	}
	if *asJSON {
		return writeJSON(stdout, stderr, name, struct {
			ControlRate float64 `json:"controlRate"`
			VariantRate float64 `json:"variantRate"`
			Lift        float64 `json:"lift"`
			LiftLow     float64 `json:"liftLow"`
			LiftHigh    float64 `json:"liftHigh"`
			PValue      float64 `json:"pValue"`
			Significant bool    `json:"significant"`
		}{r.ControlRate, r.VariantRate, r.Lift, r.LiftLow, r.LiftHigh, r.PValue, r.Significant})
	}
	fmt.Fprintf(stdout, "Control  %s  (%s of %s)\n", pct(r.ControlRate), scenario.FormatCount(float64(o.ControlConversions)), scenario.FormatCount(float64(o.ControlVisitors)))
	fmt.Fprintf(stdout, "Variant  %s  (%s of %s)\n", pct(r.VariantRate), scenario.FormatCount(float64(o.VariantConversions)), scenario.FormatCount(float64(o.VariantVisitors)))
	fmt.Fprintf(stdout, "Lift     %s  (95%% CI %s to %s)\n", signedPct(r.Lift), signedPct(r.LiftLow), signedPct(r.LiftHigh))
	fmt.Fprintf(stdout, "p-value  %s  (two-sided pooled z-test, z = %.2f)\n", pValue(r.PValue), r.Z)
	verdict := "not significant"
	if r.Significant {
		verdict = "significant"
	}
	fmt.Fprintf(stdout, "Result   %s at α = %s\n", verdict, plain(r.Alpha))
	return exitOK
}

func writeJSON(stdout, stderr io.Writer, name string, v any) int {
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fail(stderr, name, exitBad, err)
	}
	return exitOK
}

// pct writes a rate as a percentage with up to two decimals: 20%, 13.25%.
func pct(v float64) string {
	return strconv.FormatFloat(math.Round(v*1e4)/100, 'f', -1, 64) + "%"
}

// signedPct writes a relative change with its sign and one decimal: +30.0%.
func signedPct(v float64) string { return fmt.Sprintf("%+.1f%%", v*100) }

// plain writes a number without trailing zeros: 0.05.
func plain(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// pValue writes a p-value to four decimals, or "< 0.0001".
func pValue(p float64) string {
	if p < 0.0001 {
		return "< 0.0001"
	}
	return fmt.Sprintf("%.4f", p)
}

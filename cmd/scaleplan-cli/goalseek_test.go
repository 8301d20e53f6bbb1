package main

import (
	"encoding/json"
	"math"
	"slices"
	"strings"
	"testing"

	"scaleplan/assets"
	"scaleplan/scenario"
)

// skokPlan writes a plan whose one scenario, "Skok", has only the viral
// loop on in Skok's setting: 1,000 seed users, 5 invites each, one cycle a
// month, invites sent once, no churn, no paid users.
func skokPlan(t *testing.T, horizon int) string {
	t.Helper()
	p := scenario.NewPlan("Skok")
	s := &p.Scenarios[0]
	s.Name, s.HorizonMonths = "Skok", horizon
	s.Sales.Enabled, s.Fulfillment.Enabled, s.Markets.Enabled, s.Finance.Enabled = false, false, false, false
	s.Viral = scenario.Viral{Enabled: true, SeedUsers: 1000, InvitesPerUser: 5, InviteConversion: 0.2,
		CycleDays: scenario.DaysPerMonth, InviteMode: scenario.InviteOnce}
	data, err := scenario.Encode(p)
	if err != nil {
		t.Fatal(err)
	}
	return writeTemp(t, "skok.scaleplan", data)
}

// TestGoalseekSkokJSON: 20,000 cumulative signups by month 12 from 1,000
// seed users need 1 + K + … + K¹² = 20 (Skok's geometric series), whose
// root K = 1.0689183170691396 is worked by hand in scenario's
// TestSeekGoalSkokClosedForm: a conversion of K/5. The JSON has exactly
// the keys of docs/CLI.md.
func TestGoalseekSkokJSON(t *testing.T) {
	code, out, errs := runCLI("goalseek", skokPlan(t, 18), "--scenario", "Skok", "--input", "viral.inviteConversion",
		"--output", "viral.cumulativeSignups", "--target", "20,000", "--by", "12", "--json")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatalf("%v in %q", err, out)
	}
	var keys []string
	for k := range raw {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if want := []string{"input", "month", "output", "reached", "target", "value"}; !slices.Equal(keys, want) {
		t.Errorf("keys %v, want %v", keys, want)
	}
	var got goalseekJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got.Input != "viral.inviteConversion" || got.Output != "viral.cumulativeSignups" || got.Target != 20000 || got.Month != 12 || !got.Reached || got.Value == nil {
		t.Fatalf("answer %+v", got)
	}
	if want := 1.0689183170691396 / 5; math.Abs(*got.Value-want) > 1e-12 {
		t.Errorf("value %.17g, want %.17g", *got.Value, want)
	}
}

// TestGoalseekText: without --json the answer is a sentence; --by defaults
// to the horizon (18: 19 cycles of 1,000 with K = 1 are 19,000 signups, so
// 20,000 needs a conversion a little above 0.2).
func TestGoalseekText(t *testing.T) {
	code, out, errs := runCLI("goalseek", skokPlan(t, 18), "--scenario", "skok", "--input", "viral.inviteConversion",
		"--output", "viral.cumulativeSignups", "--target", "20000")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	for _, want := range []string{"Skok: viral.inviteConversion = 20.", "brings viral.cumulativeSignups to 20,000", "by month 18", "higher values reach it too (the plan has 20%)"} {
		if !strings.Contains(out, want) {
			t.Errorf("output %q lacks %q", out, want)
		}
	}
	code, out, _ = runCLI("goalseek", skokPlan(t, 18), "--scenario", "Skok", "--input", "viral.inviteConversion",
		"--output", "viral.cumulativeSignups", "--target", "100", "--by", "6")
	if code != exitOK || !strings.Contains(out, "every viral.inviteConversion from 0% to 100% brings viral.cumulativeSignups to at least 100 by month 6; the plan's 20% gives 7,000") {
		t.Errorf("a target met everywhere: exit %d, %q", code, out)
	}
}

// TestGoalseekNotReachable: K is at most 5, and 1,000·(5¹³ − 1)/4 =
// 305,175,781,000 signups by month 12 fall short of 10¹²: the command says
// so and exits 1; with --json it prints reached false and no value.
func TestGoalseekNotReachable(t *testing.T) {
	args := []string{"goalseek", skokPlan(t, 12), "--scenario", "Skok", "--input", "viral.inviteConversion",
		"--output", "viral.cumulativeSignups", "--target", "1e12", "--by", "12"}
	code, out, errs := runCLI(args...)
	if code != exitBad || out != "" || !strings.Contains(errs, "scaleplan-cli goalseek: Skok: goal seek: no value of viral.inviteConversion between 0% and 100%") ||
		!strings.Contains(errs, "the most it reaches is 305,175,781,000") || strings.Count(errs, "\n") != 1 {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	code, out, _ = runCLI(append(args, "--json")...)
	var got map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil || code != exitBad {
		t.Fatalf("exit %d, %v in %q", code, err, out)
	}
	if got["reached"] != false || got["value"] != nil || got["month"] != 12.0 || got["target"] != 1e12 {
		t.Errorf("unreachable JSON %v", got)
	}
}

// TestGoalseekOnTheSample answers the question on the sample plan
// and checks the answer by computing the plan again with it.
func TestGoalseekOnTheSample(t *testing.T) {
	path := writeTemp(t, "sample.scaleplan", assets.SamplePlan)
	code, out, errs := runCLI("goalseek", path, "--scenario", "Base", "--input", "viral.inviteConversion", "--output", "viral.active", "--target", "100000", "--by", "18", "--json")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	var got goalseekJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil || got.Value == nil {
		t.Fatalf("%v in %q", err, out)
	}
	p, err := scenario.Decode(assets.SamplePlan)
	if err != nil {
		t.Fatal(err)
	}
	s := p.Scenarios[0].Clone()
	for _, c := range []struct {
		conv    float64
		reaches bool
	}{{*got.Value, true}, {*got.Value * (1 - 1e-9), false}} {
		s.Viral.InviteConversion = c.conv
		r, err := scenario.Compute(&s, p.Currency)
		if err != nil {
			t.Fatal(err)
		}
		if active := r.Viral.Months[17].Active; (active >= 100000) != c.reaches {
			t.Errorf("conversion %.17g: %v active at month 18; reaching 100,000 should be %v", c.conv, active, c.reaches)
		}
	}
}

func TestGoalseekErrors(t *testing.T) {
	skok := skokPlan(t, 18)
	base := []string{"goalseek", skok, "--scenario", "Skok", "--input", "viral.inviteConversion", "--output", "viral.active"}
	for _, c := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no plan", []string{"goalseek", "--scenario", "Skok", "--input", "viral.inviteConversion", "--output", "viral.active", "--target", "1"}, exitUsage, "expected one plan file, got 0 arguments"},
		{"no target", base, exitUsage, "--target is required"},
		{"unknown flag", append(base, "--target", "1", "--month", "3"), exitUsage, "flag provided but not defined: -month"},
		{"flag twice", append(base, "--target", "1", "--target", "2"), exitUsage, "--target is given more than once"},
		{"bad target", append(base, "--target", "lots"), exitBad, `--target: expected a number such as 100,000, 4.1 or 1e6, got "lots"`},
		{"infinite target", append(base, "--target", "Inf"), exitBad, `got "Inf"`},
		{"month 0", append(base, "--target", "1", "--by", "0"), exitBad, `--by: must be a month from 1 to the horizon, 18, got "0"`},
		{"month past the horizon", append(base, "--target", "1", "--by", "19"), exitBad, `got "19"`},
		{"unknown scenario", []string{"goalseek", skok, "--scenario", "Base", "--input", "viral.inviteConversion", "--output", "viral.active", "--target", "1"}, exitBad, `--scenario: no scenario named "Base"`},
		{"unknown output", []string{"goalseek", skok, "--scenario", "Skok", "--input", "viral.inviteConversion", "--output", "viral.users", "--target", "1"}, exitBad, `no output "viral.users"`},
		{"output of an off module", []string{"goalseek", skok, "--scenario", "Skok", "--input", "viral.inviteConversion", "--output", "finance.cash", "--target", "1"}, exitBad, "the Finance module is off"},
		{"unknown input", []string{"goalseek", skok, "--scenario", "Skok", "--input", "viral.conversion", "--output", "viral.active", "--target", "1"}, exitBad, `no input "conversion"`},
		{"whole-number input", []string{"goalseek", skok, "--scenario", "Skok", "--input", "horizonMonths", "--output", "viral.active", "--target", "1"}, exitBad, "whole-number input"},
	} {
		code, out, errs := runCLI(c.args...)
		if code != c.code || out != "" || !strings.Contains(errs, c.want) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit %d and %q", c.name, code, out, errs, c.code, c.want)
		}
		if strings.Contains(errs, "panic") || strings.Contains(errs, "goroutine") {
			t.Errorf("%s: %q", c.name, errs)
		}
	}
}

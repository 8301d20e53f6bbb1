package scenario

import (
	"context"
	"errors"
	"math"
	"strings"
	"testing"
)

// viralOnly returns a scenario with only the viral loop on, in Skok's
// setting (docs/MODELS.md §1): 1,000 seed users, 5 invites each, one cycle a
// month (cycleDays = D), invites sent once, no churn, no paid users, no cap.
func viralOnly(horizon int) *Scenario {
	s := NewScenario("Skok")
	s.HorizonMonths = horizon
	s.Sales.Enabled, s.Fulfillment.Enabled, s.Markets.Enabled, s.Finance.Enabled = false, false, false, false
	s.Viral = Viral{Enabled: true, SeedUsers: 1000, InvitesPerUser: 5, InviteConversion: 0.2,
		CycleDays: DaysPerMonth, InviteMode: InviteOnce}
	return &s
}

// TestSeekGoalSkokClosedForm solves Skok's closed form for K by hand and
// checks goal seek against it.
//
// With one cycle a month, invites sent once, no churn and no paid users,
// cycle n (day n·D, in month n) brings seed·Kⁿ new users, so cumulative
// signups at month m are the geometric series
//
//	C(m) = seed·(1 + K + K² + … + Kᵐ) = seed·(K^(m+1) − 1)/(K − 1).
//
// 20,000 signups by month 12 from 1,000 seed users asks
// 1 + K + … + K¹² = 20, i.e. K¹³ − 20K + 19 = 0 with K ≠ 1 (K = 1 gives 13).
// Newton's method on g(K) = K¹³ − 20K + 19, g'(K) = 13K¹² − 20, from
// K = 1.1: 1.0847, 1.0736, 1.06953, 1.068923, 1.0689183…; to double
// precision K = 1.0689183170691396 (checked below: the series sums to
// 20). The conversion is K / 5 invites = 0.21378366341382793.
func TestSeekGoalSkokClosedForm(t *testing.T) {
	const k = 1.0689183170691396
	series := 0.0
	for n := range 13 {
		series += math.Pow(k, float64(n))
	}
	if !near(series, 20, 1e-14) {
		t.Fatalf("hand-worked K sums to %v, not 20", series)
	}
	s := viralOnly(18)
	res, err := SeekGoal(context.Background(), s, Goal{Input: "viral.inviteConversion", Output: OutputSignups, Target: 20000, Month: 12})
	if err != nil {
		t.Fatal(err)
	}
	if want := k / 5; math.Abs(res.Value-want) > 1e-12 {
		t.Errorf("conversion = %.17g, want %.17g (Skok's closed form)", res.Value, want)
	}
	if res.OutputAtValue < 20000 || !near(res.OutputAtValue, 20000, 1e-9) {
		t.Errorf("signups at the value found = %.10g, want at least and about 20,000", res.OutputAtValue)
	}
	if !res.Rising || res.Everywhere || res.Crossings != 1 || res.Month != 12 {
		t.Errorf("rising %v, everywhere %v, crossings %d, month %d; want true, false, 1, 12", res.Rising, res.Everywhere, res.Crossings, res.Month)
	}
	if res.Min != 0 || res.Max != 1 || res.Current != 0.2 {
		t.Errorf("searched %v..%v from %v, want 0..1 from 0.2", res.Min, res.Max, res.Current)
	}
	if s.Viral.InviteConversion != 0.2 {
		t.Error("goal seek changed the caller's scenario")
	}
}

// TestSeekGoalFallingOutput: churn lowers active users. With no invites and
// no paid users, one cycle a month churns a share c of the active users
// (1 − (1 − c)^(D/D) = c), so active users at month 12 are 1,000·(1 − c)¹².
// 500 of them at month 12 asks c = 1 − 0.5^(1/12) = 0.056125687318306...
// (0.5^(1/12) = 2^(−1/12) = 0.9438743126816935); lower churn keeps more.
func TestSeekGoalFallingOutput(t *testing.T) {
	s := viralOnly(12)
	s.Viral.InvitesPerUser = 0
	res, err := SeekGoal(context.Background(), s, Goal{Input: "viral.monthlyChurn", Output: OutputActive, Target: 500})
	if err != nil {
		t.Fatal(err)
	}
	if want := 1 - 0.9438743126816935; math.Abs(res.Value-want) > 1e-12 {
		t.Errorf("churn = %.17g, want %.17g", res.Value, want)
	}
	if res.Rising || res.OutputAtValue < 500 || res.Month != 12 {
		t.Errorf("rising %v, output %v, month %d; want false, ≥ 500, 12 (the horizon)", res.Rising, res.OutputAtValue, res.Month)
	}
}

// TestSeekGoalNotReachable: at most K = 5 × 1 = 5, so by month 12 the
// series reaches 1,000·(5¹³ − 1)/4 = 1,000·305,175,781 = 305,175,781,000
// signups, short of 10¹²: goal seek says so and names the best it saw.
func TestSeekGoalNotReachable(t *testing.T) {
	_, err := SeekGoal(context.Background(), viralOnly(12), Goal{Input: "viral.inviteConversion", Output: OutputSignups, Target: 1e12, Month: 12})
	if !errors.Is(err, ErrNotReachable) {
		t.Fatalf("err = %v, want ErrNotReachable", err)
	}
	var nr *NotReachableError
	if !errors.As(err, &nr) {
		t.Fatalf("err = %T, want a *NotReachableError", err)
	}
	if !near(nr.Best, 305_175_781_000, 1e-12) || nr.BestAt != 1 {
		t.Errorf("best %v at %v, want 305,175,781,000 at 1", nr.Best, nr.BestAt)
	}
	for _, want := range []string{"goal seek: no value of viral.inviteConversion between 0% and 100%", "1,000,000,000,000 by month 12", "305,175,781,000", "= 100%"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message %q lacks %q", err, want)
		}
	}
}

// TestSeekGoalNotReachableNamesWhatCannotCompute: over 18 months a high K
// passes the model's cap on signups (MaxUsers), so those conversions do not
// compute; the message says so rather than presenting the best computed
// value as the whole story.
func TestSeekGoalNotReachableNamesWhatCannotCompute(t *testing.T) {
	_, err := SeekGoal(context.Background(), viralOnly(18), Goal{Input: "viral.inviteConversion", Output: OutputSignups, Target: 1e12, Month: 12})
	var nr *NotReachableError
	if !errors.As(err, &nr) || nr.Uncomputable == nil || nr.Uncomputable.To != 1 {
		t.Fatalf("err = %v, want a NotReachableError whose uncomputable values end at 1", err)
	}
	if !strings.Contains(err.Error(), "; the models cannot compute") || !strings.Contains(err.Error(), "and 100% (") || !strings.Contains(err.Error(), "viral: signups pass 1e+12 by month 18") {
		t.Errorf("message %q does not name the uncomputable values", err)
	}
	if nr.BestAt >= nr.Uncomputable.From || nr.Best >= 1e12 {
		t.Errorf("best %v at %v, uncomputable from %v", nr.Best, nr.BestAt, nr.Uncomputable.From)
	}
}

// TestSeekGoalEverywhere: the 1,000 seed users alone are 100 signups or
// more, whatever the conversion: every value reaches the target, and goal
// seek says so with the plan's own value.
func TestSeekGoalEverywhere(t *testing.T) {
	res, err := SeekGoal(context.Background(), viralOnly(12), Goal{Input: "viral.inviteConversion", Output: OutputSignups, Target: 100, Month: 6})
	if err != nil {
		t.Fatal(err)
	}
	// K = 1: 7 cycles by month 6, 7,000 signups.
	if !res.Everywhere || res.Value != 0.2 || res.OutputAtValue != 7000 || res.Crossings != 0 {
		t.Errorf("everywhere %v, value %v, output %v, crossings %d; want true, 0.2, 7000, 0", res.Everywhere, res.Value, res.OutputAtValue, res.Crossings)
	}
}

func TestSeekGoalBadQuestions(t *testing.T) {
	off := viralOnly(12)
	off.Viral.Enabled = false
	off.Fulfillment.Enabled = true
	for _, c := range []struct {
		name string
		s    *Scenario
		g    Goal
		want string
	}{
		{"unknown output", viralOnly(12), Goal{Input: "viral.inviteConversion", Output: "viral.happiness", Target: 1}, `no output "viral.happiness"`},
		{"module off", off, Goal{Input: "fulfillment.volume.monthlyGrowth", Output: OutputActive, Target: 1}, "the Viral loop module is off"},
		{"month past horizon", viralOnly(12), Goal{Input: "viral.inviteConversion", Output: OutputActive, Target: 1, Month: 13}, "month must be between 1 and the horizon, 12, got 13"},
		{"negative month", viralOnly(12), Goal{Input: "viral.inviteConversion", Output: OutputActive, Target: 1, Month: -1}, "got -1"},
		{"unknown input", viralOnly(12), Goal{Input: "viral.happiness", Output: OutputActive, Target: 1}, `no input "happiness"`},
		{"whole-number input", viralOnly(12), Goal{Input: "horizonMonths", Output: OutputActive, Target: 1}, "whole-number input"},
		{"a list", viralOnly(12), Goal{Input: "sales.stages", Output: OutputActive, Target: 1}, "not a number"},
		{"not finite", viralOnly(12), Goal{Input: "viral.inviteConversion", Output: OutputActive, Target: math.NaN()}, "finite"},
	} {
		_, err := SeekGoal(context.Background(), c.s, c.g)
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "goal seek: ") {
			t.Errorf("%s: err = %v, want one starting goal seek: with %q", c.name, err, c.want)
		}
		if errors.Is(err, ErrNotReachable) {
			t.Errorf("%s: a bad question is not an unreachable target", c.name)
		}
	}
}

func TestSeekGoalCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := SeekGoal(ctx, viralOnly(12), Goal{Input: "viral.inviteConversion", Output: OutputSignups, Target: 20000})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

// TestSeekGoalOnTheSample answers the question on the sample's
// Base: the conversion found brings active users to the target by month
// 18, and a conversion a hair lower does not.
func TestSeekGoalOnTheSample(t *testing.T) {
	p := samplePlan(t)
	s := &p.Scenarios[0]
	res, err := SeekGoal(context.Background(), s, Goal{Input: "viral.inviteConversion", Output: OutputActive, Target: 100_000, Month: 18})
	if err != nil {
		t.Fatal(err)
	}
	check := func(conv float64) float64 {
		c := s.Clone()
		c.Viral.InviteConversion = conv
		r, err := Compute(&c, p.Currency)
		if err != nil {
			t.Fatal(err)
		}
		return r.Viral.Months[17].Active
	}
	if got := check(res.Value); got < 100_000 {
		t.Errorf("active at month 18 with conversion %v = %v, want ≥ 100,000", res.Value, got)
	}
	if got := check(res.Value * (1 - 1e-9)); got >= 100_000 {
		t.Errorf("a conversion 1e-9 lower still reaches: %v; the value is not the crossing", got)
	}
	t.Logf("conversion %.6g reaches 100,000 active users by month 18 (%d computes)", res.Value, res.Evaluations)
}

// TestSeekGoalPlanThatDoesNotCompute: at the plan's own 700 orders a month
// neither model (each capped at 500) can ship, so there is nothing to seek
// from; goal seek says why instead of answering from the values that do
// compute.
func TestSeekGoalPlanThatDoesNotCompute(t *testing.T) {
	s := twoModels()
	for i := range s.Fulfillment.Models {
		s.Fulfillment.Models[i].Capacity = 500
	}
	_, err := SeekGoal(context.Background(), s, Goal{Input: "fulfillment.volume.startOrdersPerMonth", Output: OutputPlannedCost, Target: 0})
	if err == nil || !strings.Contains(err.Error(), "no fulfillment model can ship") || errors.Is(err, ErrNotReachable) {
		t.Errorf("err = %v, want the capacity problem", err)
	}
}

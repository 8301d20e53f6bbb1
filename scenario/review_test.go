package scenario

// Independent review tests of DESIGN.md §4. Every expected value below is
// worked out by hand in the comments, not copied from the code's output.
// The review found five departures from the design (order-dependent near-tie
// ranks, stage milestones dated a month late and without currency, "1000k",
// null lists in JSON); the code was fixed and these tests guard the fixes.

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"scaleplan/assets"
)

const rvD = 365.25 / 12 // 30.4375 days, exact in binary (487/16)

func rvCheckMonths(t *testing.T, got []ViralMonth, want []ViralMonth) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d months, want %d", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.Month != w.Month {
			t.Errorf("month index %d is month %d, want %d", i, g.Month, w.Month)
		}
		for _, c := range []struct {
			name      string
			got, want float64
		}{
			{"newViral", g.NewViral, w.NewViral},
			{"newPaid", g.NewPaid, w.NewPaid},
			{"churned", g.Churned, w.Churned},
			{"active", g.Active, w.Active},
			{"cumulativeSignups", g.CumulativeSignups, w.CumulativeSignups},
			{"paidSpend", g.PaidSpend, w.PaidSpend},
		} {
			if !near(c.got, c.want, 1e-9) {
				t.Errorf("month %d %s = %v, want %v", w.Month, c.name, c.got, c.want)
			}
		}
	}
}

// Continuous mode with churn and paid users, 14-day cycles: a month holds a
// fractional number of cycles (30.4375 / 14 = 2.17), so month 1 gets cycles
// 1, 2 (days 14, 28) and month 2 cycles 3, 4 (days 42, 56 ≤ 60.875).
func TestReviewViralContinuousChurnPaid(t *testing.T) {
	v := Viral{
		Enabled: true, SeedUsers: 1000, InvitesPerUser: 0.5, InviteConversion: 1,
		CycleDays: 14, InviteMode: InviteContinuous,
		// churn per cycle = 1 − (1 − c)^(14/D) = 1 − 0.9 = 0.1
		MonthlyChurn: 1 - math.Pow(0.9, rvD/14),
		// paid per cycle = P × 14 / D = 100
		PaidUsersPerMonth: 100 * rvD / 14, PaidCAC: 10, GoalUsers: 4000,
	}
	r := mustViral(t, v, 2)
	// cycle 0: active 1000, cum 1000
	// cycle 1: viral 0.5×1000 = 500, paid 100, churn 0.1×1000 = 100 → active 1500, cum 1600
	// cycle 2: viral 0.5×1500 = 750, paid 100, churn 150 → active 2200, cum 2450
	// cycle 3: viral 1100, paid 100, churn 220 → active 3180, cum 3650
	// cycle 4: viral 1590, paid 100, churn 318 → active 4552, cum 5340
	rvCheckMonths(t, r.Months, []ViralMonth{
		{Month: 1, NewViral: 1250, NewPaid: 200, Churned: 250, Active: 2200, CumulativeSignups: 2450, PaidSpend: 2000},
		{Month: 2, NewViral: 2690, NewPaid: 200, Churned: 538, Active: 4552, CumulativeSignups: 5340, PaidSpend: 2000},
	})
	// effective CAC = 4000 / (1250 + 200 + 2690 + 200)
	if r.EffectiveCAC == nil || !near(*r.EffectiveCAC, 4000.0/4340, 1e-9) {
		t.Errorf("effective CAC = %v, want %v", r.EffectiveCAC, 4000.0/4340)
	}
	if r.GoalMonth == nil || *r.GoalMonth != 2 { // 2200 < 4000 ≤ 4552
		t.Errorf("goal month = %v, want 2", r.GoalMonth)
	}
	if r.Amplification == nil || !near(*r.Amplification, 2, 1e-12) { // 1/(1 − 0.5)
		t.Errorf("amplification = %v, want 2", r.Amplification)
	}
}

// cycleDays > D: some months hold no cycle; their flows are zero and their
// stocks carry over. 45-day cycles over 4 months (121.75 days): cycle 1 at
// day 45 (month 2), cycle 2 at day 90 (month 3), cycle 3 at day 135 is past
// the horizon.
func TestReviewViralCyclesLongerThanAMonth(t *testing.T) {
	v := Viral{Enabled: true, SeedUsers: 10, InvitesPerUser: 2, InviteConversion: 1,
		CycleDays: 45, InviteMode: InviteOnce, PaidUsersPerMonth: rvD, PaidCAC: 2}
	r := mustViral(t, v, 4)
	// paid per cycle = D × 45 / D = 45
	// cycle 1: viral 2×10 = 20, paid 45 → new 65, active/cum 75
	// cycle 2: viral 2×65 = 130, paid 45 → active/cum 250
	rvCheckMonths(t, r.Months, []ViralMonth{
		{Month: 1, Active: 10, CumulativeSignups: 10},
		{Month: 2, NewViral: 20, NewPaid: 45, Active: 75, CumulativeSignups: 75, PaidSpend: 90},
		{Month: 3, NewViral: 130, NewPaid: 45, Active: 250, CumulativeSignups: 250, PaidSpend: 90},
		{Month: 4, Active: 250, CumulativeSignups: 250},
	})
	if n := len(r.Cycles); n != 3 {
		t.Errorf("%d cycles (0..N), want 3", n)
	}

	// cycles of exactly 2D with churn: per-cycle churn 1 − 0.5² = 0.75,
	// cycles on days 60.875 (end of month 2) and 121.75 (end of month 4).
	w := Viral{Enabled: true, SeedUsers: 1000, CycleDays: 2 * rvD, InviteMode: InviteOnce, MonthlyChurn: 0.5}
	r = mustViral(t, w, 4)
	rvCheckMonths(t, r.Months, []ViralMonth{
		{Month: 1, Active: 1000, CumulativeSignups: 1000},
		{Month: 2, Churned: 750, Active: 250, CumulativeSignups: 1000},
		{Month: 3, Active: 250, CumulativeSignups: 1000},
		{Month: 4, Churned: 187.5, Active: 62.5, CumulativeSignups: 1000},
	})
}

// Skok's setting plus paid users: once mode, cycleDays = D, no churn or cap.
// new(0) = S, new(n) = K·new(n−1) + P, so new(n) = P/(1−K) + (S − P/(1−K))·K^n.
func TestReviewViralSkokWithPaidUsers(t *testing.T) {
	v := plainViral(1000, 0.5, rvD)
	v.PaidUsersPerMonth = 100
	r := mustViral(t, v, 4)
	// new(n) = 200 + 800·0.5^n: 1000, 600, 400, 300, 250
	// cumulative: 1000, 1600, 2000, 2300, 2550; viral part = new − 100 (n ≥ 1)
	rvCheckMonths(t, r.Months, []ViralMonth{
		{Month: 1, NewViral: 500, NewPaid: 100, Active: 1600, CumulativeSignups: 1600},
		{Month: 2, NewViral: 300, NewPaid: 100, Active: 2000, CumulativeSignups: 2000},
		{Month: 3, NewViral: 200, NewPaid: 100, Active: 2300, CumulativeSignups: 2300},
		{Month: 4, NewViral: 150, NewPaid: 100, Active: 2550, CumulativeSignups: 2550},
	})
	// without paid users the months must match Skok exactly: S(K^(m+1) − 1)/(K − 1)
	v.PaidUsersPerMonth = 0
	r = mustViral(t, v, 4)
	for m, want := range []float64{1500, 1750, 1875, 1937.5} {
		if got := r.Months[m].CumulativeSignups; !near(got, want, 1e-12) {
			t.Errorf("Skok month %d = %v, want %v", m+1, got, want)
		}
	}
}

// Market size clips viral first, then paid users, and K_eff uses the
// cumulative signups of the previous cycle.
func TestReviewViralMarketSizeWithPaid(t *testing.T) {
	v := plainViral(100, 2, rvD)
	v.PaidUsersPerMonth, v.PaidCAC, v.MarketSize = 50, 1, 400
	r := mustViral(t, v, 3)
	// c1: K_eff = 2(1 − 100/400) = 1.5 → viral 150, paid 50 (room 300) → cum 300, new 200
	// c2: K_eff = 2(1 − 300/400) = 0.5 → viral 100 = room, paid 0 → cum 400
	// c3: K_eff = 0 → nothing
	rvCheckMonths(t, r.Months, []ViralMonth{
		{Month: 1, NewViral: 150, NewPaid: 50, Active: 300, CumulativeSignups: 300, PaidSpend: 50},
		{Month: 2, NewViral: 100, Active: 400, CumulativeSignups: 400},
		{Month: 3, Active: 400, CumulativeSignups: 400},
	})
	// seed above the market size is clipped to it
	v = plainViral(1000, 1, rvD)
	v.MarketSize = 600
	r = mustViral(t, v, 2)
	if got := r.Months[1].CumulativeSignups; got != 600 {
		t.Errorf("seed 1000 in a market of 600: cumulative = %v, want 600", got)
	}
}

// Cycle counts per month over 240 months. With K = 1 and seed 1 every cycle
// adds exactly one user, so a month's new viral users count its cycles:
// ⌊m·D/14⌋ − ⌊(m−1)·D/14⌋. 14n = 30.4375m ⇔ 224n = 487m, so cycle 487
// (day 6,818) falls exactly on the last day of month 224 and must count there.
func TestReviewViralCycleCounts(t *testing.T) {
	v := plainViral(1, 1, 14) // K = 1: each cycle adds exactly 1 user
	r := mustViral(t, v, 240)
	for m := 1; m <= 240; m++ {
		want := math.Floor(float64(m)*rvD/14) - math.Floor(float64(m-1)*rvD/14)
		if got := r.Months[m-1].NewViral; got != want {
			t.Fatalf("month %d: %v cycles, want %v", m, got, want)
		}
	}
	// 240·D / 14 = 521.78 → 521 cycles → 522 users
	if got := r.Months[239].CumulativeSignups; got != 522 {
		t.Errorf("cumulative at month 240 = %v, want 522", got)
	}
	// cycles of D/4 (exact in binary): month m ends on cycle 4m exactly
	v = plainViral(1, 1, rvD/4)
	r = mustViral(t, v, 240)
	for m := 1; m <= 240; m++ {
		if got := r.Months[m-1].NewViral; got != 4 {
			t.Fatalf("D/4 cycles: month %d has %v cycles, want 4", m, got)
		}
	}
}

// A starting team above the stage's targets is kept (nobody is fired) and
// does not use up the hiring limit of other roles.
func TestReviewSalesStageTargetsBelowStartingTeam(t *testing.T) {
	s := oneStageSales(Team{AEs: 2, SDRs: 2}, 0, 1)
	s.StartingTeam = Team{AEs: 5, VP: 1}
	r := ComputeSales(s, 3)
	// AEs stay 5, VP stays 1, SDRs +1 a month up to 2
	wantSDRs := []int{1, 2, 2}
	for m := range 3 {
		g := r.Months[m]
		if g.AEs != 5 || g.VP != 1 || g.SDRs != wantSDRs[m] || g.Managers != 0 {
			t.Errorf("month %d team AEs %d VP %d SDRs %d, want 5, 1, %d", m+1, g.AEs, g.VP, g.SDRs, wantSDRs[m])
		}
		// cost 5×5000 + 20000 + SDRs×3000
		if want := 45000 + 3000*float64(wantSDRs[m]); g.Cost != want {
			t.Errorf("month %d cost %v, want %v", m+1, g.Cost, want)
		}
		// 5 ramped AEs × 10,000
		if !near(g.NewARR, 50000, 1e-12) {
			t.Errorf("month %d new ARR %v, want 50,000", m+1, g.NewARR)
		}
	}
	if h := r.HeadsAtHorizon; h != (Team{AEs: 5, SDRs: 2, VP: 1}) {
		t.Errorf("heads at horizon %+v", h)
	}
}

// Hiring limit with attrition backfill (backfills are not counted) and ramp
// restart, 50% monthly attrition, ramp 2: buckets [1st, 2nd, 3rd+ month].
func TestReviewSalesMaxHiresWithBackfill(t *testing.T) {
	s := oneStageSales(Team{AEs: 6}, 2, 1)
	s.StartingTeam = Team{AEs: 4}
	s.AnnualRepAttrition = 1 - math.Pow(0.5, 12) // 50% a month
	r := ComputeSales(s, 3)
	// start [0, 0, 4]
	// m1: age → [0,0,4]; half leave → [0,0,2] + backfill 2 → [2,0,2]; hire 1 → [3,0,2]
	//     ramped = 3×½ + 2 = 3.5, heads 5
	// m2: age → [0,3,2]; leave → [0,1.5,1] + 2.5 → [2.5,1.5,1]; hire 1 → [3.5,1.5,1]
	//     ramped = 1.75 + 1.5 + 1 = 4.25, heads 6
	// m3: age → [0,3.5,2.5]; leave → [0,1.75,1.25] + 3 → [3,1.75,1.25]; no hire
	//     ramped = 1.5 + 1.75 + 1.25 = 4.5, heads 6
	wantRamped := []float64{3.5, 4.25, 4.5}
	wantHeads := []int{5, 6, 6}
	wantHires := []int{1, 1, 0}
	arr := 0.0
	for m := range 3 {
		g := r.Months[m]
		if !near(g.RampedAEs, wantRamped[m], 1e-9) {
			t.Errorf("month %d ramped AEs %v, want %v", m+1, g.RampedAEs, wantRamped[m])
		}
		if g.AEs != wantHeads[m] || g.Hires != wantHires[m] {
			t.Errorf("month %d AEs %d hires %d, want %d and %d", m+1, g.AEs, g.Hires, wantHeads[m], wantHires[m])
		}
		arr += wantRamped[m] * 10000
		if !near(g.ARR, arr, 1e-9) {
			t.Errorf("month %d ARR %v, want %v", m+1, g.ARR, arr)
		}
	}
}

// Ramp 1: an AE in its 1st month already delivers 1/1 of quota, so
// attrition with backfill never lowers output.
func TestReviewSalesRampOne(t *testing.T) {
	s := oneStageSales(Team{AEs: 3}, 1, 3)
	s.AnnualRepAttrition = 1 - math.Pow(0.5, 12)
	r := ComputeSales(s, 4)
	for m, g := range r.Months {
		if !near(g.RampedAEs, 3, 1e-12) || !near(g.NewARR, 30000, 1e-12) {
			t.Errorf("month %d: ramped %v new ARR %v, want 3 and 30,000", m+1, g.RampedAEs, g.NewARR)
		}
	}
}

// Efficiency = (ARR(H) − ARR(H−3)) / cost of months H−2..H; with fewer than
// three months it falls back to the starting ARR and every month's cost.
// NRR^(1/12) = 0.5 makes "net" visible: ARR shrinks although AEs sell.
func TestReviewSalesEfficiencyShortHorizons(t *testing.T) {
	s := oneStageSales(Team{AEs: 1}, 0, 0)
	s.StartingTeam = Team{AEs: 1}
	s.StartingARR = 100000
	s.AnnualNetRevenueRetention = math.Pow(0.5, 12)
	// ARR: m1 = 50,000 + 10,000 = 60,000; m2 = 30,000 + 10,000 = 40,000;
	//      m3 = 20,000 + 10,000 = 30,000; m4 = 15,000 + 10,000 = 25,000
	for _, c := range []struct {
		h    int
		want float64
	}{
		{1, (60000.0 - 100000) / 5000},  // −8
		{2, (40000.0 - 100000) / 10000}, // −6
		{3, (30000.0 - 100000) / 15000}, // −14/3
		{4, (25000.0 - 60000) / 15000},  // −7/3: trailing quarter m2..m4
	} {
		r := ComputeSales(s, c.h)
		if r.Efficiency == nil || !near(*r.Efficiency, c.want, 1e-9) {
			t.Errorf("horizon %d: efficiency %v, want %v", c.h, r.Efficiency, c.want)
		}
	}
	s.Costs.AE = 0 // no cost: no efficiency
	if r := ComputeSales(s, 4); r.Efficiency != nil {
		t.Errorf("zero cost: efficiency %v, want nil", *r.Efficiency)
	}
}

// Stage selection uses ARR(m−1) exactly at the threshold (minARR ≤ ARR).
func TestReviewSalesStageAtExactThreshold(t *testing.T) {
	s := oneStageSales(Team{}, 0, 0)
	s.Stages = []Stage{{Name: "A", FoundersSell: true}, {Name: "B", MinARR: 300000}}
	s.FounderNewARRPerMonth = 100000
	r := ComputeSales(s, 5)
	// ARR 100k, 200k, 300k (= minARR of B at the end of month 3) → B from month 4,
	// where founders stop: ARR stays 300k.
	wantStage := []string{"A", "A", "A", "B", "B"}
	wantARR := []float64{100000, 200000, 300000, 300000, 300000}
	for m := range 5 {
		if r.Months[m].Stage != wantStage[m] || r.Months[m].ARR != wantARR[m] {
			t.Errorf("month %d: %s %v, want %s %v", m+1, r.Months[m].Stage, r.Months[m].ARR, wantStage[m], wantARR[m])
		}
	}
	if e := r.StageEntries[1].Month; e == nil || *e != 4 {
		t.Errorf("B entered %v, want month 4", e)
	}
}

// The DP pays a model's setup each time it is adopted, also on re-adoption.
// A: 10/order, no setup. B: 100 a month flat. Orders 20, 0, 20:
// A costs 200, 0, 200; B costs 100, 100, 100.
func TestReviewOptimalPlanReadoptionPaysSetupTwice(t *testing.T) {
	orders := []float64{20, 0, 20}
	for _, c := range []struct {
		setup float64
		plan  []int
		total float64
	}{
		// setup 95: BBB 395, BAB 95+100+0+95+100 = 390, AAA 400, BAA/AAB 395 → BAB
		{95, []int{1, 0, 1}, 390},
		// setup 105: BBB 405, BAB 410, BAA/AAB 405, AAA 400 → AAA
		// (if re-adoption were free BAB would cost 305 and win)
		{105, []int{0, 0, 0}, 400},
	} {
		models := []FulfillmentModel{
			{Name: "A", PerOrder: 10},
			{Name: "B", FixedMonthly: 100, SetupCost: c.setup},
		}
		plan := optimalPlan(models, orders)
		for m := range plan {
			if plan[m] != c.plan[m] {
				t.Fatalf("setup %v: plan %v, want %v", c.setup, plan, c.plan)
			}
		}
		if total, _ := planCost(models, orders, plan); !near(total, c.total, 1e-12) {
			t.Errorf("setup %v: total %v, want %v", c.setup, total, c.total)
		}
	}
}

// Capacity forces a switch the rule of thumb makes earlier: A is free to
// run but ships at most 100 orders; B costs 500 a month and 1,000 to set up.
// Orders 50 × 2^(m−1): 50, 100, 200, 400.
func TestReviewFulfillmentCapacityForcedSwitch(t *testing.T) {
	f := Fulfillment{Enabled: true,
		Volume: Volume{Source: VolumeManual, StartOrdersPerMonth: 50, MonthlyGrowth: 1},
		Models: []FulfillmentModel{
			{Name: "A", PerOrder: 1, Capacity: 100},
			{Name: "B", FixedMonthly: 500, PerOrder: 1, SetupCost: 1000},
		},
		RuleOfThumb: []float64{60},
	}
	r, err := ComputeFulfillment(f, 4, nil)
	if err != nil {
		t.Fatal(err)
	}
	// optimal: A A B B = 50 + 100 + 1000 + 700 + 900 = 2750
	// rule (≥ 60 → B): A B B B = 50 + 1000 + 600 + 700 + 900 = 3250
	if !near(r.TotalCost, 2750, 1e-12) || !near(r.RuleOfThumbCost, 3250, 1e-12) || !near(r.Savings, 500, 1e-12) {
		t.Errorf("costs: plan %v rule %v savings %v, want 2750, 3250, 500", r.TotalCost, r.RuleOfThumbCost, r.Savings)
	}
	wantPlanned := []string{"A", "A", "B", "B"}
	wantRule := []string{"A", "B", "B", "B"}
	wantCheapest := []string{"A", "A", "B", "B"} // m2: A 100 < B 600; m3: A over capacity
	for m := range 4 {
		g := r.Months[m]
		if g.Planned != wantPlanned[m] || g.RuleOfThumb != wantRule[m] || g.Cheapest != wantCheapest[m] {
			t.Errorf("month %d planned %s rule %s cheapest %s, want %s %s %s", m+1, g.Planned, g.RuleOfThumb, g.Cheapest, wantPlanned[m], wantRule[m], wantCheapest[m])
		}
	}
	if _, ok := r.Months[2].Costs["A"]; ok {
		t.Errorf("month 3: A is over capacity and must not be costed: %v", r.Months[2].Costs)
	}
	if c, ok := r.Months[1].Costs["A"]; !ok || c != 100 { // exactly at capacity: feasible
		t.Errorf("month 2: A at exactly its capacity costs %v (%v), want 100", c, ok)
	}
	if len(r.Switches) != 2 || r.Switches[1] != (Switch{Month: 3, Model: "B"}) {
		t.Errorf("switches %+v, want A at 1, B at 3", r.Switches)
	}
	if len(r.RuleSwitches) != 2 || r.RuleSwitches[1] != (Switch{Month: 2, Model: "B"}) {
		t.Errorf("rule switches %+v, want A at 1, B at 2", r.RuleSwitches)
	}
	if len(r.BreakEvens) != 0 { // same per-order cost: parallel lines
		t.Errorf("break-evens %+v, want none", r.BreakEvens)
	}
}

// Rule of thumb with custom thresholds: a volume at a threshold takes the
// next model up; fewer thresholds than models − 1 never reach the top ones.
func TestReviewRuleOfThumbCustomThresholds(t *testing.T) {
	f := Fulfillment{Models: DefaultModels(), RuleOfThumb: []float64{50, 500}}
	for _, c := range []struct {
		orders float64
		want   int
	}{{0, 0}, {49.999, 0}, {50, 1}, {499.999, 1}, {500, 2}, {1e9, 2}} {
		if got := f.RuleOfThumbIndex(c.orders); got != c.want {
			t.Errorf("[50, 500]: index(%v) = %d, want %d", c.orders, got, c.want)
		}
	}
	f.RuleOfThumb = []float64{250}
	for _, c := range []struct {
		orders float64
		want   int
	}{{249.9, 0}, {250, 1}, {1e9, 1}} {
		if got := f.RuleOfThumbIndex(c.orders); got != c.want {
			t.Errorf("[250]: index(%v) = %d, want %d", c.orders, got, c.want)
		}
	}
	f.RuleOfThumb = nil
	if got := f.RuleOfThumbIndex(1e9); got != 0 {
		t.Errorf("no thresholds: index = %d, want 0", got)
	}
}

// Milestones of threshold crossings, up and down, exactly at a threshold.
func TestReviewThresholdMilestones(t *testing.T) {
	up := manualFulfillment(DefaultModels(), 25, 1) // 25, 50, 100
	up.RuleOfThumb = []float64{50, 500}
	down := manualFulfillment(DefaultModels(), 100, -0.5) // 100, 50, 25
	down.RuleOfThumb = []float64{50, 500}
	for _, c := range []struct {
		name string
		f    Fulfillment
		want Milestone
	}{
		{"up", up, Milestone{Month: 2, Module: ModuleFulfillment, Text: "orders pass 50/mo: rule of thumb says 3PL"}},
		{"down", down, Milestone{Month: 3, Module: ModuleFulfillment, Text: "orders fall below 50/mo: rule of thumb says Self-fulfillment"}},
	} {
		s := NewScenario("x")
		s.HorizonMonths = 3
		s.Viral.Enabled, s.Sales.Enabled, s.Markets.Enabled = false, false, false
		s.Fulfillment = c.f
		r, err := Compute(&s, "USD")
		if err != nil {
			t.Fatal(err)
		}
		var crossings []Milestone
		for _, m := range r.Milestones {
			if strings.HasPrefix(m.Text, "orders ") {
				crossings = append(crossings, m)
			}
		}
		if len(crossings) != 1 || crossings[0] != c.want {
			t.Errorf("%s: crossings %+v, want %+v", c.name, crossings, c.want)
		}
	}
}

// Zero-weight factors count in the total but not in the weighted score; the
// ranking and winner follow the weighted score.
func TestReviewMarketsZeroWeightFactors(t *testing.T) {
	mk := marketsOf([]float64{0, 2, 1}, map[string][]float64{
		"X": {5, 1, 1}, // total 7, weighted (0 + 2 + 1)/3 = 1
		"Y": {1, 2, 2}, // total 5, weighted (4 + 2)/3 = 2
		"Z": {3, 1, 4}, // total 8, weighted (2 + 4)/3 = 2
	}, []string{"X", "Y", "Z"})
	r := ComputeMarkets(mk)
	want := []MarketScore{
		{ID: "Y", Name: "Y", Total: 5, Weighted: 2, Rank: 1, Tied: true},
		{ID: "Z", Name: "Z", Total: 8, Weighted: 2, Rank: 1, Tied: true},
		{ID: "X", Name: "X", Total: 7, Weighted: 1, Rank: 3},
	}
	for i, w := range want {
		g := r.Ranking[i]
		if g.Name != w.Name || g.Total != w.Total || !near(g.Weighted, w.Weighted, 1e-12) || g.Rank != w.Rank || g.Tied != w.Tied {
			t.Errorf("ranking[%d] = %+v, want %+v", i, g, w)
		}
	}
	if r.Winner != "Y" || !r.WinnerTied {
		t.Errorf("winner %q tied %v, want Y tied", r.Winner, r.WinnerTied)
	}
	// one positive weight: the weighted score is that factor's score
	mk = marketsOf([]float64{0, 0, 3}, map[string][]float64{"P": {5, 5, 2}, "Q": {1, 1, 3}}, []string{"P", "Q"})
	r = ComputeMarkets(mk)
	if r.Winner != "Q" || r.Ranking[0].Weighted != 3 || r.Ranking[1].Weighted != 2 || r.Ranking[1].Total != 12 || r.WinnerTied {
		t.Errorf("single weight: %+v", r)
	}
}

// Near-tie chains: with weights 1 and 6e-10, markets scoring (3,3), (3,4),
// (3,5) have weighted scores 3, 3 + 6e-10, 3 + 1.2e-9: neighbours are within
// the 1e-9 tie tolerance, the ends are not. Whatever grouping is chosen, the
// ranking must list scores best first (no market above one that beats it by
// more than 1e-9), and ranks must not depend on the order markets are listed.
func TestReviewMarketsNearTieChainIsOrderIndependent(t *testing.T) {
	scores := map[string][]float64{"A": {3, 3}, "B": {3, 4}, "C": {3, 5}}
	var first map[string]int
	for _, order := range [][]string{{"A", "B", "C"}, {"C", "A", "B"}, {"B", "C", "A"}, {"C", "B", "A"}} {
		r := ComputeMarkets(marketsOf([]float64{1, 6e-10}, scores, order))
		for i := range r.Ranking {
			for j := i + 1; j < len(r.Ranking); j++ {
				if r.Ranking[j].Weighted > r.Ranking[i].Weighted+TieTolerance {
					t.Errorf("input order %v ranks %s (%.10f) above %s (%.10f): the tolerance comparator is not a strict weak order",
						order, r.Ranking[i].Name, r.Ranking[i].Weighted, r.Ranking[j].Name, r.Ranking[j].Weighted)
				}
			}
		}
		ranks := map[string]int{}
		for _, m := range r.Ranking {
			ranks[m.Name] = m.Rank
		}
		if first == nil {
			first = ranks
			continue
		}
		for name, rank := range ranks {
			if first[name] != rank {
				t.Errorf("ranks depend on input order: %v gives %v, first order gave %v", order, ranks, first)
			}
		}
	}
}

// DESIGN §4.5 / §1 example: "month 17: ARR reaches $1M, First Sales Hire
// stage". A stage milestone should carry the plan's currency and, when it
// says "ARR reaches X", be dated in the month ARR reaches X.
func TestReviewStageMilestoneTextAndMonth(t *testing.T) {
	s := NewScenario("x")
	s.HorizonMonths = 12
	s.Viral.Enabled, s.Fulfillment.Enabled, s.Markets.Enabled = false, false, false
	s.Sales = oneStageSales(Team{}, 0, 0)
	s.Sales.Stages = DefaultStages()
	s.Sales.FounderNewARRPerMonth = 100000
	r, err := Compute(&s, "USD")
	if err != nil {
		t.Fatal(err)
	}
	// ARR(m) = 100k·m: $1M is reached in month 10, so First Sales Hire is in
	// force from month 11 (stage from ARR(m−1)).
	var ms Milestone
	for _, m := range r.Milestones {
		if strings.Contains(m.Text, "First Sales Hire") {
			ms = m
		}
	}
	if ms.Month != 11 && ms.Month != 10 {
		t.Fatalf("First Sales Hire milestone %+v, want month 10 or 11", ms)
	}
	t.Run("currency", func(t *testing.T) {
		if !strings.Contains(ms.Text, "$1M") {
			t.Error("stage milestone money has no currency: " + ms.Text + ` (design: "ARR reaches $1M, First Sales Hire stage")`)
		}
	})
	t.Run("month", func(t *testing.T) {
		if strings.Contains(ms.Text, "ARR reaches") && r.Sales.Months[ms.Month-2].ARR >= 1e6 {
			t.Errorf("milestone %q is dated month %d but ARR reached $1M in month %d (%v)",
				ms.Text, ms.Month, ms.Month-1, r.Sales.Months[ms.Month-2].ARR)
		}
	})
}

// FormatCompact feeds milestone texts: 999,999 must not read "1000k".
func TestReviewFormatCompactRollover(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{{999999, "1M"}, {999.9999, "1k"}, {999499, "999k"}, {1e6, "1M"}, {12500, "12.5k"}} {
		if got := FormatCompact(c.v); got != c.want {
			if c.v == 999999 || c.v == 999.9999 {
				t.Errorf("FormatCompact(%v) = %q, want %q (rounding to 3 digits rolls over into the next unit)", c.v, got, c.want)
			}
			t.Errorf("FormatCompact(%v) = %q, want %q", c.v, got, c.want)
		}
	}
}

// §6: "milestones" and "breakEvens" are lists; a scenario with every module
// off (or models without positive break-evens) should still print [] not null.
func TestReviewJSONListsAreNeverNull(t *testing.T) {
	s := NewScenario("x")
	s.Viral.Enabled, s.Sales.Enabled, s.Fulfillment.Enabled, s.Markets.Enabled = false, false, false, false
	r, err := Compute(&s, "USD")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(r)
	if strings.Contains(string(b), `"milestones":null`) {
		t.Error(`compute --json prints "milestones":null for a scenario with every module off; §6 lists it as an array`)
	}
}

// BenchmarkReviewDecodeSample measures Decode of the embedded sample plan
// (what each FuzzDecode seed execution starts with).
func BenchmarkReviewDecodeSample(b *testing.B) {
	for b.Loop() {
		if _, err := Decode(assets.SamplePlan); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReviewFuzzBodySample runs FuzzDecode's body once on the sample.
func BenchmarkReviewFuzzBodySample(b *testing.B) {
	for b.Loop() {
		p, err := Decode(assets.SamplePlan)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := ComputePlan(p); err != nil {
			b.Fatal(err)
		}
		enc, err := Encode(p)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Decode(enc); err != nil {
			b.Fatal(err)
		}
	}
}

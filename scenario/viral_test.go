package scenario

import (
	"math"
	"testing"
)

// near reports whether got is within rel (relative) of want, or 1e-9 absolute near zero.
func near(got, want, rel float64) bool {
	if math.IsNaN(got) || math.IsInf(got, 0) {
		return false
	}
	return math.Abs(got-want) <= rel*math.Max(math.Abs(want), 1e-9/rel)
}

// plainViral is a loop with no churn, paid users or cap: Skok's setting.
func plainViral(seed, k, cycleDays float64) Viral {
	return Viral{Enabled: true, SeedUsers: seed, InvitesPerUser: k, InviteConversion: 1,
		CycleDays: cycleDays, InviteMode: InviteOnce}
}

func mustViral(t *testing.T, v Viral, h int) *ViralResult {
	t.Helper()
	r, err := ComputeViral(v, h)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// skok is Skok's closed form: cumulative users after n cycles from seed users.
func skok(seed, k float64, n int) float64 {
	if k == 1 {
		return seed * float64(n+1)
	}
	return seed * (math.Pow(k, float64(n+1)) - 1) / (k - 1)
}

func TestViralSkokClosedForm(t *testing.T) {
	const D = 30.4375
	tests := []struct {
		name      string
		k, cycle  float64
		month     int
		cyclesIn  int // cycles completed by the month's end, counted by hand
		seed      float64
		wantExact float64 // 0: use skok()
	}{
		{"K=0.5, one cycle a month, m1", 0.5, D, 1, 1, 1000, 1500},
		{"K=0.5, one cycle a month, m3", 0.5, D, 3, 3, 1000, 1875},
		{"K=1, one cycle a month, m12", 1, D, 12, 12, 1000, 13000},
		{"K=2, one cycle a month, m4", 2, D, 4, 4, 10, 310},
		{"K=0.8, two cycles a month, m6", 0.8, D / 2, 6, 12, 500, 0},
		{"K=1, two cycles a month, m6", 1, D / 2, 6, 12, 500, 6500},
		{"K=1.2, 14-day cycles, m1 (2 cycles)", 1.2, 14, 1, 2, 100, 364},
		{"K=1.2, 14-day cycles, m2 (4 cycles)", 1.2, 14, 2, 4, 100, 0},
		{"K=0.9, 14-day cycles, m6 (13 cycles)", 0.9, 14, 6, 13, 100, 0},
		{"K=0.9, 14-day cycles, m12 (26 cycles)", 0.9, 14, 12, 26, 100, 0},
		{"K=1, 14-day cycles, m36 (78 cycles)", 1, 14, 36, 78, 100, 7900},
		{"K=1.1, 45-day cycles, m3 (2 cycles)", 1.1, 45, 3, 2, 100, 331},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			want := tc.wantExact
			if want == 0 {
				want = skok(tc.seed, tc.k, tc.cyclesIn)
			} else if w := skok(tc.seed, tc.k, tc.cyclesIn); !near(w, want, 1e-12) {
				t.Fatalf("hand value %v disagrees with Skok %v", want, w)
			}
			r := mustViral(t, plainViral(tc.seed, tc.k, tc.cycle), tc.month)
			got := r.Months[tc.month-1].CumulativeSignups
			if !near(got, want, 1e-12) {
				t.Errorf("cumulative signups at month %d = %v, want %v", tc.month, got, want)
			}
			if a := r.Months[tc.month-1].Active; !near(a, want, 1e-12) {
				t.Errorf("without churn active = cumulative; active %v, want %v", a, want)
			}
		})
	}
}

func TestViralCycleOnMonthEndBelongsToThatMonth(t *testing.T) {
	r := mustViral(t, plainViral(1000, 0.5, 30.4375), 2)
	if got := r.Months[0].NewViral; got != 500 {
		t.Errorf("month 1 new viral = %v, want 500 (cycle 1 is on day D, the last day of month 1)", got)
	}
	if got := r.Months[1].NewViral; got != 250 {
		t.Errorf("month 2 new viral = %v, want 250", got)
	}
	// 45-day cycles: no cycle ends in month 1 (days 0–30.4), cycle 1 is in month 2.
	r = mustViral(t, plainViral(1000, 0.5, 45), 2)
	if r.Months[0].NewViral != 0 || r.Months[0].Active != 1000 || r.Months[1].NewViral != 500 {
		t.Errorf("45-day cycles: months %+v", r.Months)
	}
}

func TestViralAmplificationConverges(t *testing.T) {
	for _, k := range []float64{0, 0.2, 0.5, 0.75, 0.9} {
		r := mustViral(t, plainViral(1000, k, 7), 240)
		want := 1000 / (1 - k)
		if got := r.Months[239].CumulativeSignups; !near(got, want, 1e-9) {
			t.Errorf("K=%v: cumulative after 240 months = %v, want seed/(1−K) = %v", k, got, want)
		}
		if r.Amplification == nil || !near(*r.Amplification, 1/(1-k), 1e-15) {
			t.Errorf("K=%v: amplification %v, want %v", k, r.Amplification, 1/(1-k))
		}
	}
	if r := mustViral(t, plainViral(1000, 1, 7), 12); r.Amplification != nil {
		t.Errorf("K=1: amplification = %v, want nil (unbounded)", *r.Amplification)
	}
}

func TestViralContinuousMode(t *testing.T) {
	v := plainViral(100, 0.5, 30.4375)
	v.InviteMode = InviteContinuous
	r := mustViral(t, v, 3)
	// every active user invites each cycle: active × 1.5 a month.
	for m, want := range []float64{150, 225, 337.5} {
		if got := r.Months[m].Active; !near(got, want, 1e-12) {
			t.Errorf("month %d active = %v, want %v", m+1, got, want)
		}
	}
}

func TestViralChurnCompoundsPerCycle(t *testing.T) {
	for _, cycle := range []float64{30.4375, 30.4375 / 2, 30.4375 / 4} {
		v := plainViral(1000, 0, cycle)
		v.MonthlyChurn = 0.1
		r := mustViral(t, v, 6)
		for m := 1; m <= 6; m++ {
			want := 1000 * math.Pow(0.9, float64(m))
			if got := r.Months[m-1].Active; !near(got, want, 1e-12) {
				t.Errorf("cycle %.2f d, month %d active = %v, want 1000×0.9^m = %v", cycle, m, got, want)
			}
		}
		if got := r.Months[0].Churned; !near(got, 100, 1e-12) {
			t.Errorf("cycle %.2f d: month 1 churned %v, want 100", cycle, got)
		}
	}
}

// The paid rule of docs/MODELS.md §1: every month buys exactly
// paidUsersPerMonth users at paidCAC, split evenly over the month's cycles;
// a month without a cycle hands its users to the next cycle. Seed 0, K = 0,
// no churn, 500 users a month at $25, six months (182.625 days). Cycles
// per month, counted by hand from the days n × cycleDays in ((m−1)D, mD]:
//
//	 7 days: m1 7,14,21,28 (4); m2 35…56 (4); m3 63,70,77,84,91 (5); m4 98…119 (4); m5 126…147 (4); m6 154…182 (5)
//	14 days: m1 14,28 (2); m2 42,56; m3 70,84; m4 98,112; m5 126,140 (2); m6 154,168,182 (3)
//	 D days: one cycle a month, on its last day
//	45 days: m1 none; m2 45; m3 90; m4 none; m5 135; m6 180
func TestViralPaidEveryMonth(t *testing.T) {
	tests := []struct {
		cycleDays float64
		// perCycle[m−1] lists the paid users of each cycle in month m
		perCycle [6][]float64
	}{
		{7, [6][]float64{{125, 125, 125, 125}, {125, 125, 125, 125}, {100, 100, 100, 100, 100},
			{125, 125, 125, 125}, {125, 125, 125, 125}, {100, 100, 100, 100, 100}}},
		{14, [6][]float64{{250, 250}, {250, 250}, {250, 250}, {250, 250}, {250, 250}, {500. / 3, 500. / 3, 500. / 3}}},
		{30.4375, [6][]float64{{500}, {500}, {500}, {500}, {500}, {500}}},
		{45, [6][]float64{{}, {1000}, {500}, {}, {1000}, {500}}},
	}
	for _, tc := range tests {
		v := plainViral(0, 0, tc.cycleDays)
		v.PaidUsersPerMonth, v.PaidCAC = 500, 25
		r := mustViral(t, v, 6)
		var got [6][]float64
		for _, c := range r.Cycles[1:] {
			got[c.Month-1] = append(got[c.Month-1], c.NewPaid)
		}
		cum := 0.0
		for m := range 6 {
			if len(got[m]) != len(tc.perCycle[m]) {
				t.Errorf("%v-day cycles, month %d: %d cycles, want %d", tc.cycleDays, m+1, len(got[m]), len(tc.perCycle[m]))
				continue
			}
			monthPaid := 0.0
			for i, w := range tc.perCycle[m] {
				if !near(got[m][i], w, 1e-12) {
					t.Errorf("%v-day cycles, month %d, cycle %d: %v paid users, want %v", tc.cycleDays, m+1, i+1, got[m][i], w)
				}
				monthPaid += w
			}
			cum += monthPaid
			mr := r.Months[m]
			if !near(mr.NewPaid, monthPaid, 1e-12) || !near(mr.CumulativeSignups, cum, 1e-12) {
				t.Errorf("%v-day cycles, month %d: paid %v, cumulative %v; want %v, %v", tc.cycleDays, m+1, mr.NewPaid, mr.CumulativeSignups, monthPaid, cum)
			}
			if mr.PaidSpend != 12500 {
				t.Errorf("%v-day cycles, month %d: spend %v, want 500 × $25 = 12,500", tc.cycleDays, m+1, mr.PaidSpend)
			}
		}
		if cum != 3000 || r.TotalPaidSpend != 75000 {
			t.Errorf("%v-day cycles: %v paid users for $%v over six months, want 3,000 for $75,000", tc.cycleDays, cum, r.TotalPaidSpend)
		}
	}
}

// Paid users feed the loop in the cycle they join. Once mode, K = 0.5, seed 0,
// no churn, 500 paid a month: viral(n+1) = 0.5 × (viral(n) + paid(n)).
//
//	 7 days, month 1: paid 125 a cycle; viral 0, 62.5, 93.75, 109.375 → viral 265.625, cumulative 765.625
//	14 days: m1 c1 v0 p250, c2 v125 p250 → viral 125, cum 625
//	         m2 c3 v187.5, c4 v218.75 → viral 406.25, cum 1,531.25
//	         m3 c5 v234.375, c6 v242.1875 → viral 476.5625, cum 2,507.8125
//	 D days: c1 v0 p500 → cum 500; c2 v250 → cum 1,250; c3 v375 → cum 2,125
//	45 days: m1 nothing; m2 c1 v0 p1000 → cum 1,000; m3 c2 v500 p500 → cum 2,000
func TestViralPaidUsersInviteInTheirCycle(t *testing.T) {
	type month struct{ viral, paid, cum float64 }
	tests := []struct {
		cycleDays float64
		want      []month
	}{
		{7, []month{{265.625, 500, 765.625}}},
		{14, []month{{125, 500, 625}, {406.25, 500, 1531.25}, {476.5625, 500, 2507.8125}}},
		{30.4375, []month{{0, 500, 500}, {250, 500, 1250}, {375, 500, 2125}}},
		{45, []month{{0, 0, 0}, {0, 1000, 1000}, {500, 500, 2000}}},
	}
	for _, tc := range tests {
		v := plainViral(0, 0.5, tc.cycleDays)
		v.PaidUsersPerMonth, v.PaidCAC = 500, 25
		r := mustViral(t, v, len(tc.want))
		for i, w := range tc.want {
			m := r.Months[i]
			if !near(m.NewViral, w.viral, 1e-12) || !near(m.NewPaid, w.paid, 1e-12) || !near(m.CumulativeSignups, w.cum, 1e-12) {
				t.Errorf("%v-day cycles, month %d: viral %v, paid %v, cumulative %v; want %v, %v, %v",
					tc.cycleDays, i+1, m.NewViral, m.NewPaid, m.CumulativeSignups, w.viral, w.paid, w.cum)
			}
		}
	}
}

func TestViralEffectiveCACCountsViralUsers(t *testing.T) {
	// seed 0, K = 1, one cycle a month, 100 paid a month at 20:
	// m1: paid 100; m2: viral 100 + paid 100; m3: viral 200 + paid 100.
	v := plainViral(0, 1, 30.4375)
	v.PaidUsersPerMonth, v.PaidCAC = 100, 20
	r := mustViral(t, v, 3)
	wantViral := []float64{0, 100, 200}
	for m, w := range wantViral {
		if !near(r.Months[m].NewViral, w, 1e-12) || !near(r.Months[m].NewPaid, 100, 1e-12) {
			t.Errorf("month %d: viral %v paid %v, want %v and 100", m+1, r.Months[m].NewViral, r.Months[m].NewPaid, w)
		}
	}
	if r.EffectiveCAC == nil || !near(*r.EffectiveCAC, 6000.0/600, 1e-12) {
		t.Errorf("effective CAC = %v, want 10", r.EffectiveCAC)
	}
}

func TestViralMarketCap(t *testing.T) {
	v := plainViral(100, 2, 30.4375)
	v.MarketSize = 1000
	r := mustViral(t, v, 4)
	// by hand: K_eff(n) = 2(1 − C/1000); viral(n+1) = K_eff(n) × new(n)
	want := []float64{280, 539.2, 539.2 + 0.9216*259.2, 0}
	want[3] = want[2] + 2*(1-want[2]/1000)*(0.9216*259.2)
	for m, w := range want {
		if got := r.Months[m].CumulativeSignups; !near(got, w, 1e-12) {
			t.Errorf("month %d cumulative = %v, want %v", m+1, got, w)
		}
	}
	// a loop strong enough to overshoot is clipped at the market size
	v = plainViral(100, 10, 30.4375)
	v.MarketSize, v.PaidUsersPerMonth = 500, 50
	r = mustViral(t, v, 6)
	for _, m := range r.Months {
		if m.CumulativeSignups > 500+1e-9 {
			t.Fatalf("month %d: cumulative %v exceeds the market size 500", m.Month, m.CumulativeSignups)
		}
	}
	if got := r.Months[0].CumulativeSignups; got != 500 {
		t.Errorf("month 1 cumulative = %v, want 500 (800 viral clipped to the 400 left)", got)
	}
}

func TestViralClassAndGoal(t *testing.T) {
	classes := []struct {
		k    float64
		want string
	}{
		{0, ClassNeedsPaid}, {0.49, ClassNeedsPaid}, {0.5, ClassSustainable}, {5 * 0.2, ClassSustainable},
		{1, ClassSustainable}, {1.01, ClassExponential}, {3 * 0.1 * 10 / 3, ClassSustainable},
	}
	for _, c := range classes {
		if got := ClassOf(c.k); got != c.want {
			t.Errorf("ClassOf(%v) = %q, want %q", c.k, got, c.want)
		}
	}
	v := plainViral(1000, 1, 30.4375)
	v.GoalUsers = 3500 // active = 1000(m+1): 3000 at m2, 4000 at m3
	r := mustViral(t, v, 12)
	if r.GoalMonth == nil || *r.GoalMonth != 3 {
		t.Errorf("goal month = %v, want 3", r.GoalMonth)
	}
	v.GoalUsers = 1e9
	if r := mustViral(t, v, 12); r.GoalMonth != nil {
		t.Errorf("unreachable goal: month %d, want nil", *r.GoalMonth)
	}
}

func TestViralOverflowIsAnError(t *testing.T) {
	v := plainViral(1e6, 50, 1)
	v.InviteMode = InviteContinuous
	if _, err := ComputeViral(v, 240); err == nil {
		t.Fatal("exploding loop without a market size: want an error, got none")
	}
}

const monthDays = 365.25 / 12 // 30.4375 days, exact in binary (487/16)

func checkViralMonths(t *testing.T, got []ViralMonth, want []ViralMonth) {
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
func TestViralContinuousChurnPaid(t *testing.T) {
	v := Viral{
		Enabled: true, SeedUsers: 1000, InvitesPerUser: 0.5, InviteConversion: 1,
		CycleDays: 14, InviteMode: InviteContinuous,
		// churn per cycle = 1 − (1 − c)^(14/D) = 1 − 0.9 = 0.1
		MonthlyChurn: 1 - math.Pow(0.9, monthDays/14),
		// each month holds two cycles, so 200 paid a month is 100 a cycle
		PaidUsersPerMonth: 200, PaidCAC: 10, GoalUsers: 4000,
	}
	r := mustViral(t, v, 2)
	// cycle 0: active 1000, cum 1000
	// cycle 1: viral 0.5×1000 = 500, paid 100, churn 0.1×1000 = 100 → active 1500, cum 1600
	// cycle 2: viral 0.5×1500 = 750, paid 100, churn 150 → active 2200, cum 2450
	// cycle 3: viral 1100, paid 100, churn 220 → active 3180, cum 3650
	// cycle 4: viral 1590, paid 100, churn 318 → active 4552, cum 5340
	checkViralMonths(t, r.Months, []ViralMonth{
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
func TestViralCyclesLongerThanAMonth(t *testing.T) {
	v := Viral{Enabled: true, SeedUsers: 10, InvitesPerUser: 2, InviteConversion: 1,
		CycleDays: 45, InviteMode: InviteOnce, PaidUsersPerMonth: 30, PaidCAC: 2}
	r := mustViral(t, v, 4)
	// month 1 holds no cycle and hands its 30 paid users to cycle 1 (month 2);
	// month 4's 30 wait for cycle 3, past the horizon. Spend is 30 × 2 every month.
	// cycle 1: viral 2×10 = 20, paid 30 + 30 = 60 → new 80, active/cum 90
	// cycle 2: viral 2×80 = 160, paid 30 → active/cum 280
	checkViralMonths(t, r.Months, []ViralMonth{
		{Month: 1, Active: 10, CumulativeSignups: 10, PaidSpend: 60},
		{Month: 2, NewViral: 20, NewPaid: 60, Active: 90, CumulativeSignups: 90, PaidSpend: 60},
		{Month: 3, NewViral: 160, NewPaid: 30, Active: 280, CumulativeSignups: 280, PaidSpend: 60},
		{Month: 4, Active: 280, CumulativeSignups: 280, PaidSpend: 60},
	})
	// effective CAC = 4 × 60 / (20 + 60 + 160 + 30)
	if r.EffectiveCAC == nil || !near(*r.EffectiveCAC, 240.0/270, 1e-12) {
		t.Errorf("effective CAC = %v, want %v", r.EffectiveCAC, 240.0/270)
	}
	if n := len(r.Cycles); n != 3 {
		t.Errorf("%d cycles (0..N), want 3", n)
	}

	// cycles of exactly 2D with churn: per-cycle churn 1 − 0.5² = 0.75,
	// cycles on days 60.875 (end of month 2) and 121.75 (end of month 4).
	w := Viral{Enabled: true, SeedUsers: 1000, CycleDays: 2 * monthDays, InviteMode: InviteOnce, MonthlyChurn: 0.5}
	r = mustViral(t, w, 4)
	checkViralMonths(t, r.Months, []ViralMonth{
		{Month: 1, Active: 1000, CumulativeSignups: 1000},
		{Month: 2, Churned: 750, Active: 250, CumulativeSignups: 1000},
		{Month: 3, Active: 250, CumulativeSignups: 1000},
		{Month: 4, Churned: 187.5, Active: 62.5, CumulativeSignups: 1000},
	})
}

// Skok's setting plus paid users: once mode, cycleDays = D, no churn or cap.
// new(0) = S, new(n) = K·new(n−1) + P, so new(n) = P/(1−K) + (S − P/(1−K))·K^n.
func TestViralSkokWithPaidUsers(t *testing.T) {
	v := plainViral(1000, 0.5, monthDays)
	v.PaidUsersPerMonth = 100
	r := mustViral(t, v, 4)
	// new(n) = 200 + 800·0.5^n: 1000, 600, 400, 300, 250
	// cumulative: 1000, 1600, 2000, 2300, 2550; viral part = new − 100 (n ≥ 1)
	checkViralMonths(t, r.Months, []ViralMonth{
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
func TestViralMarketSizeWithPaid(t *testing.T) {
	v := plainViral(100, 2, monthDays)
	v.PaidUsersPerMonth, v.PaidCAC, v.MarketSize = 50, 1, 400
	r := mustViral(t, v, 3)
	// c1: K_eff = 2(1 − 100/400) = 1.5 → viral 150, paid 50 (room 300) → cum 300, new 200
	// c2: K_eff = 2(1 − 300/400) = 0.5 → viral 100 = room, paid 0 → cum 400
	// c3: K_eff = 0 → nothing
	// The 50 paid users a month are bought (and paid for) every month, even
	// once the market has no room for them.
	checkViralMonths(t, r.Months, []ViralMonth{
		{Month: 1, NewViral: 150, NewPaid: 50, Active: 300, CumulativeSignups: 300, PaidSpend: 50},
		{Month: 2, NewViral: 100, Active: 400, CumulativeSignups: 400, PaidSpend: 50},
		{Month: 3, Active: 400, CumulativeSignups: 400, PaidSpend: 50},
	})
	// seed above the market size is clipped to it
	v = plainViral(1000, 1, monthDays)
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
func TestViralCycleCounts(t *testing.T) {
	v := plainViral(1, 1, 14) // K = 1: each cycle adds exactly 1 user
	r := mustViral(t, v, 240)
	for m := 1; m <= 240; m++ {
		want := math.Floor(float64(m)*monthDays/14) - math.Floor(float64(m-1)*monthDays/14)
		if got := r.Months[m-1].NewViral; got != want {
			t.Fatalf("month %d: %v cycles, want %v", m, got, want)
		}
	}
	// 240·D / 14 = 521.78 → 521 cycles → 522 users
	if got := r.Months[239].CumulativeSignups; got != 522 {
		t.Errorf("cumulative at month 240 = %v, want 522", got)
	}
	// cycles of D/4 (exact in binary): month m ends on cycle 4m exactly
	v = plainViral(1, 1, monthDays/4)
	r = mustViral(t, v, 240)
	for m := 1; m <= 240; m++ {
		if got := r.Months[m-1].NewViral; got != 4 {
			t.Fatalf("D/4 cycles: month %d has %v cycles, want 4", m, got)
		}
	}
}

package scenario

import (
	"math"
	"testing"
)

// oneStageSales is a sales model with a single stage of the given target,
// no founders, NRR 1 and no attrition.
func oneStageSales(target Team, ramp, maxHires int) Sales {
	return Sales{
		Enabled: true, AverageACV: 10000, AEQuotaPerMonth: 10000, QuotaAttainment: 1,
		RampMonths: ramp, MaxHiresPerMonth: maxHires, AnnualNetRevenueRetention: 1,
		Costs:  RoleCosts{AE: 5000, SDR: 3000, VP: 20000, Manager: 12000},
		Stages: []Stage{{Name: "Only", AEs: target.AEs, SDRs: target.SDRs, VP: target.VP, Managers: target.Managers}},
	}
}

func TestSalesRampMonthByMonth(t *testing.T) {
	tests := []struct {
		name   string
		ramp   int
		newARR []float64 // by hand: one AE hired in month 1 delivers min(k/ramp, 1) × 10,000
	}{
		{"ramp 4", 4, []float64{2500, 5000, 7500, 10000, 10000}},
		{"ramp 1", 1, []float64{10000, 10000, 10000}},
		{"ramp 0 = full from month 1", 0, []float64{10000, 10000}},
		{"ramp 3", 3, []float64{10000.0 / 3, 20000.0 / 3, 10000, 10000}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := ComputeSales(oneStageSales(Team{AEs: 1}, tc.ramp, 1), len(tc.newARR))
			arr := 0.0
			for m, want := range tc.newARR {
				arr += want
				if got := r.Months[m].NewARR; !near(got, want, 1e-12) {
					t.Errorf("month %d new ARR = %v, want %v", m+1, got, want)
				}
				if got := r.Months[m].NewDeals; !near(got, want/10000, 1e-12) {
					t.Errorf("month %d deals = %v, want new ARR / ACV %v", m+1, got, want/10000)
				}
				if got := r.Months[m].ARR; !near(got, arr, 1e-12) {
					t.Errorf("month %d ARR = %v, want %v", m+1, got, arr)
				}
			}
		})
	}
}

func TestSalesHiringOrderAndLimit(t *testing.T) {
	s := oneStageSales(Team{VP: 1, AEs: 3, SDRs: 2, Managers: 1}, 0, 2)
	r := ComputeSales(s, 5)
	want := []Team{ // VP first, then AEs, SDRs, managers, two heads a month
		{VP: 1, AEs: 1}, {VP: 1, AEs: 3}, {VP: 1, AEs: 3, SDRs: 2}, {VP: 1, AEs: 3, SDRs: 2, Managers: 1}, {VP: 1, AEs: 3, SDRs: 2, Managers: 1},
	}
	for m, w := range want {
		got := r.Months[m]
		if got.VP != w.VP || got.AEs != w.AEs || got.SDRs != w.SDRs || got.Managers != w.Managers {
			t.Errorf("month %d team = VP %d AEs %d SDRs %d managers %d, want %+v", m+1, got.VP, got.AEs, got.SDRs, got.Managers, w)
		}
		cost := float64(w.AEs)*5000 + float64(w.SDRs)*3000 + float64(w.VP)*20000 + float64(w.Managers)*12000
		if got.Cost != cost {
			t.Errorf("month %d cost = %v, want %v", m+1, got.Cost, cost)
		}
	}
	if h := r.Months[0].Hires; h != 2 {
		t.Errorf("month 1 hires = %d, want 2", h)
	}
	s.MaxHiresPerMonth = 0
	if r := ComputeSales(s, 3); r.Months[2].AEs != 0 || r.Months[2].VP != 0 {
		t.Errorf("maxHiresPerMonth 0 hires nobody; got %+v", r.Months[2])
	}
}

func TestSalesAttritionBackfillRestartsRamp(t *testing.T) {
	annual := 1 - math.Pow(0.9, 12) // 10% a month
	s := oneStageSales(Team{AEs: 10}, 3, 0)
	s.StartingTeam = Team{AEs: 10}
	s.AnnualRepAttrition = annual
	r := ComputeSales(s, 3)
	// by hand (buckets = AEs in their 1st, 2nd, 3rd, 4th+ month):
	// m1: 1 leaves, backfill in 1st month: 9 + 1/3
	// m2: [0,1,0,9] → 10% leave → [1, .9, 0, 8.1]: 1/3 + .9·2/3 + 8.1
	// m3: [0,1,.9,8.1] → [1, .9, .81, 7.29]: 1/3 + .6 + .81 + 7.29
	want := []float64{9 + 1.0/3, 1.0/3 + 0.6 + 8.1, 1.0/3 + 0.6 + 0.81 + 7.29}
	for m, w := range want {
		if got := r.Months[m].RampedAEs; !near(got, w, 1e-12) {
			t.Errorf("month %d ramped AEs = %v, want %v", m+1, got, w)
		}
		if r.Months[m].AEs != 10 {
			t.Errorf("month %d heads = %d, want 10 (attrition is backfilled)", m+1, r.Months[m].AEs)
		}
	}
	if got := MonthlyRate(annual); !near(got, 0.1, 1e-12) {
		t.Errorf("MonthlyRate = %v, want 0.1", got)
	}
}

func TestSalesNRRAndFounders(t *testing.T) {
	s := oneStageSales(Team{}, 0, 0)
	s.StartingARR, s.AnnualNetRevenueRetention = 1.2e6, 1.1
	r := ComputeSales(s, 12)
	if got := r.Months[11].ARR; !near(got, 1.32e6, 1e-12) {
		t.Errorf("ARR after 12 months at NRR 110%% = %v, want 1,320,000", got)
	}
	s = oneStageSales(Team{}, 0, 0)
	s.FounderNewARRPerMonth = 50000
	s.Stages[0].FoundersSell = true
	r = ComputeSales(s, 4)
	if got := r.Months[3].ARR; got != 200000 {
		t.Errorf("founders alone: ARR at month 4 = %v, want 200,000", got)
	}
}

func TestSalesStages(t *testing.T) {
	s := oneStageSales(Team{}, 0, 10)
	s.FounderNewARRPerMonth = 100000
	s.Stages = DefaultStages()
	r := ComputeSales(s, 40)
	// founders add 100k a month: ARR(m) = 100k·m until the team sells too;
	// ARR(10) = 1M, so First Sales Hire applies from month 11.
	if e := r.StageEntries[1]; e.Month == nil || *e.Month != 11 {
		t.Errorf("First Sales Hire entered in %v, want month 11", e.Month)
	}
	if e := r.StageEntries[0]; e.Month == nil || *e.Month != 1 {
		t.Errorf("Founder Sales entered in %v, want month 1", e.Month)
	}
	for m := 1; m < len(r.Months); m++ {
		if r.Months[m].StageIdx < r.Months[m-1].StageIdx {
			t.Fatalf("stage regressed in month %d", m+1)
		}
	}
	// founders stop selling in Build Sales Machine
	for _, m := range r.Months {
		if m.Stage == "Build Sales Machine" && m.FounderARR != 0 {
			t.Fatalf("month %d: founders still sell in %s", m.Month, m.Stage)
		}
	}
	// a jump over a stage enters both in the same month
	s.FounderNewARRPerMonth = 5e6
	r = ComputeSales(s, 3)
	if a, b := r.StageEntries[1].Month, r.StageEntries[2].Month; a == nil || b == nil || *a != 2 || *b != 2 {
		t.Errorf("jump from $0 to $5M: entries %v %v, want month 2 for both", a, b)
	}
}

func TestSalesStagesNeverRegress(t *testing.T) {
	s := oneStageSales(Team{}, 0, 0)
	s.Stages = DefaultStages()
	s.StartingARR, s.AnnualNetRevenueRetention = 1.5e6, 0.2 // ARR shrinks fast
	r := ComputeSales(s, 24)
	if r.Months[23].ARR >= 1e6 {
		t.Fatalf("test setup: ARR should fall below $1M, is %v", r.Months[23].ARR)
	}
	if r.Months[23].Stage != "First Sales Hire" {
		t.Errorf("stage at month 24 = %q, want First Sales Hire (stages do not regress)", r.Months[23].Stage)
	}
}

func TestSalesSummary(t *testing.T) {
	s := oneStageSales(Team{AEs: 2}, 0, 0)
	s.StartingTeam = Team{AEs: 2}
	s.ARRGoal = 1.2e6
	r := ComputeSales(s, 12)
	// 2 AEs × 10k new ARR a month for 5k each: efficiency = 60k / 30k.
	if r.Efficiency == nil || !near(*r.Efficiency, 2, 1e-12) {
		t.Errorf("efficiency = %v, want 2", r.Efficiency)
	}
	if r.TotalCost != 12*10000 || r.ARRAtHorizon != 240000 {
		t.Errorf("total cost %v, ARR %v; want 120,000 and 240,000", r.TotalCost, r.ARRAtHorizon)
	}
	if r.NaiveAENeed == nil || !near(*r.NaiveAENeed, 10, 1e-12) {
		t.Errorf("naive AE need = %v, want 1.2M / (10k × 12) = 10", r.NaiveAENeed)
	}
	s.RampMonths = 3 // a seat books 1/3 + 2/3 + 10 = 11 quota-months in its first year
	r = ComputeSales(s, 12)
	if r.RampAdjustedAENeed == nil || !near(*r.RampAdjustedAENeed, 1.2e6/110000, 1e-12) {
		t.Errorf("ramp-adjusted AE need = %v, want %v", r.RampAdjustedAENeed, 1.2e6/110000)
	}
}

// TestSalesMonotone: more AEs in any stage, or higher attainment, never
// lowers ARR in any month.
func TestSalesMonotone(t *testing.T) {
	base := NewScenario("x").Sales
	for _, ramp := range []int{0, 3, 6} {
		for _, attr := range []float64{0, 0.2, 0.6} {
			s := base
			s.RampMonths, s.AnnualRepAttrition = ramp, attr
			ref := ComputeSales(s, 60)
			for i := range s.Stages {
				more := s
				more.Stages = append([]Stage(nil), s.Stages...)
				more.Stages[i].AEs += 2
				assertNotLower(t, ref, ComputeSales(more, 60), "more AEs in stage "+s.Stages[i].Name)
			}
			better := s
			better.QuotaAttainment += 0.3
			assertNotLower(t, ref, ComputeSales(better, 60), "higher attainment")
		}
	}
}

func assertNotLower(t *testing.T, ref, got *SalesResult, what string) {
	t.Helper()
	for m := range ref.Months {
		if got.Months[m].ARR < ref.Months[m].ARR-1e-6 {
			t.Fatalf("%s: month %d ARR %v < %v", what, m+1, got.Months[m].ARR, ref.Months[m].ARR)
		}
	}
}

// A starting team above the stage's targets is kept (nobody is fired) and
// does not use up the hiring limit of other roles.
func TestSalesStageTargetsBelowStartingTeam(t *testing.T) {
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
func TestSalesMaxHiresWithBackfill(t *testing.T) {
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
func TestSalesRampOne(t *testing.T) {
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
func TestSalesEfficiencyShortHorizons(t *testing.T) {
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
func TestSalesStageAtExactThreshold(t *testing.T) {
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

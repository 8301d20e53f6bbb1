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

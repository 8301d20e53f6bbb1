package scenario

import (
	"math"
	"testing"
)

// cashOnly returns a scenario whose only module is finance: no revenue,
// other costs flat at costs a month, no rounds.
func cashOnly(horizon int, cash, costs float64) Scenario {
	s := NewScenario("cash")
	s.HorizonMonths = horizon
	s.Viral.Enabled, s.Sales.Enabled, s.Fulfillment.Enabled, s.Markets.Enabled = false, false, false, false
	s.Finance = Finance{
		Enabled: true, StartingCash: cash, OtherCostsPerMonth: costs,
		SubscriptionGrossMargin: 0.8, ConsumerGrossMargin: 0.7, OrderGrossMargin: 0.5,
		AnnualCustomerChurn: 0.1, RunwayAlertMonths: 6,
		FundingRounds: []FundingRound{}, Expansions: []Expansion{},
	}
	return s
}

func computeFinance(t *testing.T, s Scenario) *Result {
	t.Helper()
	r, err := Compute(&s, "USD")
	if err != nil {
		t.Fatal(err)
	}
	if r.Finance == nil {
		t.Fatal("finance is on but has no result")
	}
	return r
}

func wantInt(t *testing.T, name string, got *int, want int) {
	t.Helper()
	if want == 0 {
		if got != nil {
			t.Errorf("%s = %d, want none", name, *got)
		}
		return
	}
	if got == nil || *got != want {
		t.Errorf("%s = %v, want %d", name, deref(got), want)
	}
}

func wantFloat(t *testing.T, name string, got *float64, want float64, ok bool) {
	t.Helper()
	switch {
	case !ok && got != nil:
		t.Errorf("%s = %g, want none", name, *got)
	case ok && (got == nil || !near(*got, want, 1e-9)):
		t.Errorf("%s = %v, want %.12g", name, derefF(got), want)
	}
}

func deref(p *int) any {
	if p == nil {
		return "none"
	}
	return *p
}

func derefF(p *float64) any {
	if p == nil {
		return "none"
	}
	return *p
}

// TestCashRunsOut is the case worked by hand: $1M, $50k a month, a
// $500k round in month 10, 36 months. cash(m) = 1M − 50k·m, plus 500k from
// month 10: cash(30) = 0 and cash(31) = −50k, so cash runs out in month 31;
// the lowest is cash(36) = −300k, so $300k is needed; burn is 50k every
// month, and cash first falls below 6 × 50k = 300k in month 25
// (1.5M − 1.25M = 250k; month 24 has exactly 300k, not below).
func TestCashRunsOut(t *testing.T) {
	s := cashOnly(36, 1e6, 50000)
	s.Finance.FundingRounds = []FundingRound{{Name: "Seed extension", Month: 10, Amount: 500000}}
	r := computeFinance(t, s).Finance
	wantInt(t, "cashOutMonth", r.CashOutMonth, 31)
	wantInt(t, "raiseByMonth", r.RaiseByMonth, 25)
	wantInt(t, "breakEvenMonth", r.BreakEvenMonth, 0)
	if r.MinCash != -300000 || r.MinCashMonth != 36 || r.CashNeeded != 300000 {
		t.Errorf("min cash %g in month %d, needed %g; want −300,000 in 36, 300,000", r.MinCash, r.MinCashMonth, r.CashNeeded)
	}
	for _, c := range []struct {
		month      int
		cash, burn float64
	}{{1, 950000, 50000}, {9, 550000, 50000}, {10, 1000000, 50000}, {24, 300000, 50000}, {30, 0, 50000}, {36, -300000, 50000}} {
		m := r.Months[c.month-1]
		if m.Cash != c.cash || m.Burn != c.burn || m.NetCashFlow != -50000 {
			t.Errorf("month %d: cash %g burn %g net %g, want %g %g −50,000", c.month, m.Cash, m.Burn, m.NetCashFlow, c.cash, c.burn)
		}
	}
	if r.Months[9].Funding != 500000 || r.Months[8].Funding != 0 {
		t.Error("the round must land in month 10 only")
	}
	// cash is below 0 at the horizon: no runway left, and no sales for a burn multiple
	wantFloat(t, "runwayMonths", r.RunwayMonths, 0, true)
	wantFloat(t, "burnMultiple", r.BurnMultiple, 0, false)

	// a buffer of $100k raises the need by as much
	s.Finance.MinCashBuffer = 100000
	if got := computeFinance(t, s).Finance.CashNeeded; got != 400000 {
		t.Errorf("cash needed with a $100k buffer = %g, want 400,000", got)
	}
}

// TestOtherCostsGrowMonthByMonth: $12k a month growing 50% a year is
// 12,000 × 1.5^((m−1)/12): 12,000 in month 1, 12,000 × 1.5^¼ = 13,280.18
// in month 4, 12,000 × √1.5 = 14,696.94 in month 7, 18,000 in month 13 and
// 27,000 in month 25. Year one sums the geometric series
// 12,000 × 0.5 / (1.5^(1/12) − 1) = 174,590.743349.
func TestOtherCostsGrowMonthByMonth(t *testing.T) {
	s := cashOnly(36, 1e6, 12000)
	s.Finance.OtherCostsGrowth = 0.5
	r := computeFinance(t, s).Finance
	for _, c := range []struct {
		month int
		want  float64
	}{{1, 12000}, {4, 13280.183036403858}, {7, 14696.938456699067}, {13, 18000}, {25, 27000}} {
		if got := r.Months[c.month-1].Costs.Other; !near(got, c.want, 1e-9) {
			t.Errorf("month %d: other costs %.6f, want %.6f", c.month, got, c.want)
		}
	}
	if got, want := r.Months[11].Cash, 1e6-174590.74334915; !near(got, want, 1e-9) {
		t.Errorf("cash after a year %.6f, want %.6f", got, want)
	}
}

// handPlan has a founder-only sales team (ARR(0) = 120,000, +12,000 a
// month, NRR 1, no heads), a single fulfillment model (fixed 500, 2 per
// order, setup 1,000) at a flat 100 orders a month, other costs 20,000, an
// expansion in month 3 (5,000 once, 1,000 a month) and a 100,000 round in
// month 2. The viral loop is off: its lines are zero.
func handPlan() Scenario {
	s := cashOnly(12, 50000, 20000)
	s.Sales = Sales{
		Enabled: true, StartingARR: 120000, AverageACV: 12000, FounderNewARRPerMonth: 12000,
		QuotaAttainment: 1, AnnualNetRevenueRetention: 1,
		Stages: []Stage{{Name: "Founders", FoundersSell: true}},
	}
	s.Fulfillment = Fulfillment{
		Enabled: true, Volume: Volume{Source: VolumeManual, StartOrdersPerMonth: 100},
		Models:      []FulfillmentModel{{Name: "3PL", FixedMonthly: 500, PerOrder: 2, SetupCost: 1000}},
		RuleOfThumb: []float64{},
	}
	s.Finance.AverageOrderValue = 30
	s.Finance.FundingRounds = []FundingRound{{Name: "Seed", Month: 2, Amount: 100000}}
	s.Finance.Expansions = []Expansion{{Name: "Germany", Month: 3, OneOffCost: 5000, MonthlyCost: 1000}}
	return s
}

// TestFinanceMonthsByHand works the first four months of handPlan:
//
//	m1: subscription 132,000/12 = 11,000, orders 100 × 30 = 3,000;
//	    cogs 0.2 × 11,000 + 0.5 × 3,000 = 3,700, gross profit 10,300;
//	    fulfillment 500 + 200 + setup 1,000 = 1,700, other 20,000;
//	    net −11,400; cash 50,000 − 11,400 = 38,600; burn 11,400.
//	m2: subscription 12,000, cogs 3,900, gross profit 11,100; costs
//	    700 + 20,000; net −9,600; +100,000 → cash 129,000; burn 10,500.
//	m3: subscription 13,000, cogs 4,100, gross profit 11,900; costs
//	    700 + 20,000 + 5,000 + 1,000; net −14,800; cash 114,200;
//	    burn (11,400 + 9,600 + 14,800)/3 = 11,933.33.
//	m4: subscription 14,000, cogs 4,300, gross profit 12,700; costs
//	    700 + 20,000 + 1,000; net −9,000; cash 105,200;
//	    burn (9,600 + 14,800 + 9,000)/3 = 11,133.33.
func TestFinanceMonthsByHand(t *testing.T) {
	r := computeFinance(t, handPlan()).Finance
	want := []FinanceMonth{
		{Month: 1, Revenue: FinanceRevenue{Subscription: 11000, Orders: 3000}, COGS: 3700, GrossProfit: 10300,
			Costs: FinanceCosts{Fulfillment: 1700, Other: 20000}, NetCashFlow: -11400, Cash: 38600, Burn: 11400},
		{Month: 2, Revenue: FinanceRevenue{Subscription: 12000, Orders: 3000}, COGS: 3900, GrossProfit: 11100,
			Costs: FinanceCosts{Fulfillment: 700, Other: 20000}, NetCashFlow: -9600, Funding: 100000, Cash: 129000, Burn: 10500},
		{Month: 3, Revenue: FinanceRevenue{Subscription: 13000, Orders: 3000}, COGS: 4100, GrossProfit: 11900,
			Costs: FinanceCosts{Fulfillment: 700, MarketEntry: 6000, Other: 20000}, NetCashFlow: -14800, Cash: 114200, Burn: 35800.0 / 3},
		{Month: 4, Revenue: FinanceRevenue{Subscription: 14000, Orders: 3000}, COGS: 4300, GrossProfit: 12700,
			Costs: FinanceCosts{Fulfillment: 700, MarketEntry: 1000, Other: 20000}, NetCashFlow: -9000, Cash: 105200, Burn: 33400.0 / 3},
	}
	for i, w := range want {
		if !sameMonth(r.Months[i], w) {
			t.Errorf("month %d:\n got %+v\nwant %+v", i+1, r.Months[i], w)
		}
	}
}

func sameMonth(a, b FinanceMonth) bool {
	fs := func(m FinanceMonth) []float64 {
		return []float64{m.Revenue.Subscription, m.Revenue.Consumer, m.Revenue.Orders, m.COGS, m.GrossProfit,
			m.Costs.SalesTeam, m.Costs.PaidAcquisition, m.Costs.ReferralRewards, m.Costs.Fulfillment,
			m.Costs.MarketEntry, m.Costs.Other, m.NetCashFlow, m.Funding, m.Cash, m.Burn}
	}
	x, y := fs(a), fs(b)
	for i := range x {
		if !near(x[i], y[i], 1e-9) {
			return false
		}
	}
	return a.Month == b.Month
}

// TestBreakEvenRunwayAndBurnMultiple: ARR(m) = 120,000 + 12,000·m at a 100%
// margin gives revenue 10,000 + 1,000·m.
//   - Against 20,000 of other costs, net = 1,000·m − 10,000 ≥ 0 from month 10.
//   - An expansion costing 50,000 a month from month 20 makes net
//     1,000·m − 60,000, negative to month 59: no break-even within 36
//     months, break-even in month 60 within 72.
//   - Against 60,000, net = 1,000·m − 50,000: the last quarter of 36 months
//     burns 16,000 + 15,000 + 14,000 = 45,000 while ARR grows
//     ARR(36) − ARR(33) = 36,000: burn multiple 1.25. From 2M,
//     cash(36) = 2M + 1,000 × 666 − 36 × 50,000 = 866,000 and burn(36) is
//     15,000: runway 57.73 months.
func TestBreakEvenRunwayAndBurnMultiple(t *testing.T) {
	base := func(horizon int, other float64) Scenario {
		s := cashOnly(horizon, 2e6, other)
		s.Sales = handPlan().Sales
		s.Finance.SubscriptionGrossMargin = 1
		return s
	}
	r := computeFinance(t, base(36, 20000)).Finance
	wantInt(t, "breakEvenMonth", r.BreakEvenMonth, 10)
	wantFloat(t, "runwayMonths", r.RunwayMonths, 0, false) // earning: not burning
	wantFloat(t, "burnMultiple", r.BurnMultiple, 0, false)

	s := base(36, 20000)
	s.Finance.Expansions = []Expansion{{Name: "US", Month: 20, MonthlyCost: 50000}}
	wantInt(t, "breakEvenMonth with expansion", computeFinance(t, s).Finance.BreakEvenMonth, 0)
	s.HorizonMonths = 72
	wantInt(t, "breakEvenMonth with expansion over 72 months", computeFinance(t, s).Finance.BreakEvenMonth, 60)

	r = computeFinance(t, base(36, 60000)).Finance
	wantFloat(t, "burnMultiple", r.BurnMultiple, 1.25, true)
	wantFloat(t, "runwayMonths", r.RunwayMonths, 866000.0/15000, true)
	wantInt(t, "cashOutMonth", r.CashOutMonth, 0)
}

// TestUnitEconomics checks both kinds against their formulas.
//
// B2B (handPlan's sales with one AE costing 10,000 a month and no quota):
// founders close 12,000 of new ARR a month = 1 customer at ACV 12,000, so
// over 12 months CAC = 120,000 / 12 = 10,000; LTV = 12,000 × 0.8 / 0.1 =
// 96,000; LTV/CAC = 9.6; payback = 10,000 / (12,000 × 0.8 / 12) = 12.5 months.
//
// Consumer (K = 0, 100 paid users a month at $20, 5% monthly churn, ARPU
// $20, 10% paying, 70% margin): CAC = 20 (nothing else acquires), margin a
// month 20 × 0.1 × 0.7 = 1.4, LTV = 1.4 / 0.05 = 28, LTV/CAC 1.4, payback
// 20 / 1.4 = 14.2857 months.
func TestUnitEconomics(t *testing.T) {
	s := handPlan()
	s.Sales.StartingTeam = Team{AEs: 1}
	s.Sales.Stages[0].AEs = 1
	s.Sales.Costs.AE = 10000
	s.Viral = Viral{
		Enabled: true, SeedUsers: 1000, CycleDays: 14, InviteMode: InviteOnce, MonthlyChurn: 0.05,
		PaidUsersPerMonth: 100, PaidCAC: 20,
	}
	s.Finance.ARPUPerMonth, s.Finance.PayingShare = 20, 0.1
	r := computeFinance(t, s)
	if r.Sales.TotalCost != 120000 {
		t.Fatalf("the setup is off: sales cost %g, want 120,000", r.Sales.TotalCost)
	}
	b := r.Finance.UnitEconomics.B2B
	wantFloat(t, "b2b cac", b.CAC, 10000, true)
	wantFloat(t, "b2b ltv", b.LTV, 96000, true)
	wantFloat(t, "b2b ltv/cac", b.LTVToCAC, 9.6, true)
	wantFloat(t, "b2b payback", b.PaybackMonths, 12.5, true)
	c := r.Finance.UnitEconomics.Consumer
	wantFloat(t, "consumer cac", c.CAC, 20, true)
	wantFloat(t, "consumer ltv", c.LTV, 28, true)
	wantFloat(t, "consumer ltv/cac", c.LTVToCAC, 1.4, true)
	wantFloat(t, "consumer payback", c.PaybackMonths, 20/1.4, true)
	if !b.Healthy() || c.Healthy() {
		t.Error("B2B passes the 3× test and consumers do not")
	}
	wantInt(t, "B2B LTV/CAC passes 3", r.Finance.LTVPassMonth.B2B, 1)
	wantInt(t, "consumer LTV/CAC passes 3", r.Finance.LTVPassMonth.Consumer, 0)

	// referral rewards of 3 + 2 per viral signup join the consumer CAC,
	// and no churn makes the LTV unbounded (none)
	s.Viral.InvitesPerUser, s.Viral.InviteConversion, s.Viral.MonthlyChurn = 2, 0.25, 0
	s.Finance.ReferrerReward, s.Finance.RefereeReward = 3, 2
	r = computeFinance(t, s)
	var spend, signups float64
	for _, m := range r.Viral.Months {
		spend += m.PaidSpend + 5*m.NewViral
		signups += m.NewPaid + m.NewViral
	}
	c = r.Finance.UnitEconomics.Consumer
	wantFloat(t, "consumer cac with rewards", c.CAC, spend/signups, true)
	wantFloat(t, "consumer ltv without churn", c.LTV, 0, false)
	wantFloat(t, "consumer ltv/cac without churn", c.LTVToCAC, 0, false)
	wantFloat(t, "consumer payback", c.PaybackMonths, spend/signups/1.4, true)

	// founders selling at no cost: CAC 0 has no LTV/CAC ratio, yet the
	// customers pay back from the start
	free := computeFinance(t, handPlan()).Finance
	wantFloat(t, "free b2b cac", free.UnitEconomics.B2B.CAC, 0, true)
	wantFloat(t, "free b2b ltv/cac", free.UnitEconomics.B2B.LTVToCAC, 0, false)
	wantInt(t, "free B2B LTV/CAC passes 3", free.LTVPassMonth.B2B, 1)

	// no customer churn: B2B LTV is unbounded too
	s.Finance.AnnualCustomerChurn = 0
	wantFloat(t, "b2b ltv without churn", computeFinance(t, s).Finance.UnitEconomics.B2B.LTV, 0, false)
}

// TestDisabledModulesContributeZero: with every operating module off the
// only lines are other costs, market entry and funding, and unit economics
// do not exist.
func TestDisabledModulesContributeZero(t *testing.T) {
	s := handPlan()
	s.Sales.Enabled, s.Fulfillment.Enabled = false, false
	r := computeFinance(t, s).Finance
	for _, m := range r.Months {
		if m.Revenue.Total() != 0 || m.COGS != 0 || m.Costs.SalesTeam != 0 || m.Costs.Fulfillment != 0 ||
			m.Costs.PaidAcquisition != 0 || m.Costs.ReferralRewards != 0 {
			t.Fatalf("month %d has lines from a module that is off: %+v", m.Month, m)
		}
	}
	if r.UnitEconomics.Consumer != nil || r.UnitEconomics.B2B != nil {
		t.Error("unit economics without their modules must be none")
	}
	// and finance off has no result at all
	s.Finance.Enabled = false
	if res, _ := Compute(&s, "USD"); res.Finance != nil {
		t.Error("finance off must give no result")
	}
}

// TestFinanceRecomputedFromModules recomputes every monthly line of every
// sample scenario from the module results with the formulas of
// docs/MODELS.md §6 (setup costs from the plan's switches, not its indexes).
func TestFinanceRecomputedFromModules(t *testing.T) {
	p := samplePlan(t)
	rs, err := ComputePlan(p)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rs {
		s := &p.Scenarios[i]
		if r.Finance == nil || r.Viral == nil || r.Sales == nil || r.Fulfillment == nil {
			t.Fatalf("%s: the sample should use every module", s.Name)
		}
		f := s.Finance
		cash := f.StartingCash
		setup := map[int]float64{}
		for _, sw := range r.Fulfillment.Switches {
			for _, md := range s.Fulfillment.Models {
				if md.Name == sw.Model {
					setup[sw.Month] += md.SetupCost
				}
			}
		}
		var nets []float64
		for j, got := range r.Finance.Months {
			m := j + 1
			v, sm, fm := r.Viral.Months[j], r.Sales.Months[j], r.Fulfillment.Months[j]
			var w FinanceMonth
			w.Month = m
			w.Revenue = FinanceRevenue{Subscription: sm.ARR / 12, Consumer: v.Active * f.PayingShare * f.ARPUPerMonth, Orders: fm.Orders * f.AverageOrderValue}
			w.COGS = w.Revenue.Subscription*(1-f.SubscriptionGrossMargin) + w.Revenue.Consumer*(1-f.ConsumerGrossMargin) + w.Revenue.Orders*(1-f.OrderGrossMargin)
			w.GrossProfit = w.Revenue.Subscription + w.Revenue.Consumer + w.Revenue.Orders - w.COGS
			w.Costs.SalesTeam = sm.Cost
			w.Costs.PaidAcquisition = v.PaidSpend
			w.Costs.ReferralRewards = v.NewViral * (f.ReferrerReward + f.RefereeReward)
			w.Costs.Fulfillment = fm.PlannedCost + setup[m]
			for _, e := range f.Expansions {
				if e.Month == m {
					w.Costs.MarketEntry += e.OneOffCost
				}
				if e.Month <= m {
					w.Costs.MarketEntry += e.MonthlyCost
				}
			}
			w.Costs.Other = f.OtherCostsPerMonth * math.Pow(1+f.OtherCostsGrowth, float64(m-1)/12)
			c := w.Costs
			w.NetCashFlow = w.GrossProfit - (c.SalesTeam + c.PaidAcquisition + c.ReferralRewards + c.Fulfillment + c.MarketEntry + c.Other)
			for _, fr := range f.FundingRounds {
				if fr.Month == m {
					w.Funding += fr.Amount
				}
			}
			cash += w.Funding + w.NetCashFlow
			w.Cash = cash
			nets = append(nets, w.NetCashFlow)
			last := nets[max(0, len(nets)-3):]
			for _, n := range last {
				w.Burn -= n / float64(len(last))
			}
			if !sameMonth(got, w) {
				t.Fatalf("%s month %d:\n got %+v\nwant %+v", s.Name, m, got, w)
			}
		}
	}
}

// TestSampleFinanceStory: the sample's scenarios tell the story the README
// tells — Aggressive burns fastest and must raise first (it runs out before
// its Series A), Base turns cash-flow positive, Conservative only later.
func TestSampleFinanceStory(t *testing.T) {
	rs, err := ComputePlan(samplePlan(t))
	if err != nil {
		t.Fatal(err)
	}
	base, agg, con := rs[0].Finance, rs[1].Finance, rs[2].Finance
	if base.CashOutMonth != nil || con.CashOutMonth != nil || agg.CashOutMonth == nil {
		t.Errorf("only Aggressive should run out of cash: %v %v %v", deref(base.CashOutMonth), deref(agg.CashOutMonth), deref(con.CashOutMonth))
	}
	if agg.RaiseByMonth == nil || *agg.RaiseByMonth >= *agg.CashOutMonth || agg.CashNeeded <= 0 {
		t.Errorf("Aggressive must be told to raise before it runs out: raise by %v, out %v, needs %g", deref(agg.RaiseByMonth), deref(agg.CashOutMonth), agg.CashNeeded)
	}
	if agg.Months[2].Burn <= base.Months[2].Burn || base.Months[2].Burn <= con.Months[2].Burn {
		t.Error("Aggressive should burn fastest and Conservative slowest")
	}
	if base.BreakEvenMonth == nil || con.BreakEvenMonth == nil || *con.BreakEvenMonth <= *base.BreakEvenMonth {
		t.Errorf("Conservative should turn cash-flow positive after Base: %v vs %v", deref(con.BreakEvenMonth), deref(base.BreakEvenMonth))
	}
}

// BenchmarkComputeFinance adds up the sample's three scenarios from their
// module results (the finance module's share of a compute).
func BenchmarkComputeFinance(b *testing.B) {
	p := samplePlan(b)
	rs, err := ComputePlan(p)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		for i := range p.Scenarios {
			ComputeFinance(&p.Scenarios[i], rs[i])
		}
	}
}

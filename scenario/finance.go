package scenario

import (
	"math"
	"slices"
)

// ModuleFinance names the cash and unit economics module in milestones and
// metrics.
const ModuleFinance = "finance"

// LTVToCACTarget is the article's test of healthy unit economics: a
// customer's lifetime value is at least three times what it cost to win.
const LTVToCACTarget = 3

// FundingRound is money raised in a month (1..horizon).
type FundingRound struct {
	Name   string  `json:"name"`
	Month  int     `json:"month"`
	Amount float64 `json:"amount"`
}

// Expansion is entering a market in a month (1..horizon): a one-off cost
// that month (localization, entity) and a monthly cost from then on (a
// local team).
type Expansion struct {
	Name        string  `json:"name"`
	Month       int     `json:"month"`
	OneOffCost  float64 `json:"oneOffCost"`
	MonthlyCost float64 `json:"monthlyCost"`
}

// Finance holds the cash and unit economics inputs (docs/MODELS.md §6). Rates
// are fractions; money is in the plan's currency.
type Finance struct {
	Enabled       bool           `json:"enabled"`
	StartingCash  float64        `json:"startingCash"`
	FundingRounds []FundingRound `json:"fundingRounds"`
	// PayingShare is the share of the viral loop's active users who pay
	// ARPUPerMonth each month.
	PayingShare       float64 `json:"payingShare"`
	ARPUPerMonth      float64 `json:"arpuPerMonth"`
	AverageOrderValue float64 `json:"averageOrderValue"`
	// Gross margins of subscription (sales ARR), consumer and order revenue;
	// the order margin is the product's, before fulfillment.
	SubscriptionGrossMargin float64 `json:"subscriptionGrossMargin"`
	ConsumerGrossMargin     float64 `json:"consumerGrossMargin"`
	OrderGrossMargin        float64 `json:"orderGrossMargin"`
	// ReferrerReward and RefereeReward are paid per viral signup to each
	// side of the referral.
	ReferrerReward float64 `json:"referrerReward"`
	RefereeReward  float64 `json:"refereeReward"`
	// AnnualCustomerChurn is the B2B logo churn a year, for the B2B LTV.
	AnnualCustomerChurn float64 `json:"annualCustomerChurn"`
	OtherCostsPerMonth  float64 `json:"otherCostsPerMonth"`
	// OtherCostsGrowth is the yearly growth of the other costs, applied
	// month by month.
	OtherCostsGrowth  float64     `json:"otherCostsGrowth"`
	Expansions        []Expansion `json:"expansions"`
	RunwayAlertMonths float64     `json:"runwayAlertMonths"`
	MinCashBuffer     float64     `json:"minCashBuffer"`
}

// FinanceRevenue is a month's revenue by stream.
type FinanceRevenue struct {
	Subscription float64 `json:"subscription"`
	Consumer     float64 `json:"consumer"`
	Orders       float64 `json:"orders"`
}

// Total is the month's revenue over every stream.
func (r FinanceRevenue) Total() float64 { return r.Subscription + r.Consumer + r.Orders }

// FinanceCosts is a month's operating costs by category.
type FinanceCosts struct {
	SalesTeam       float64 `json:"salesTeam"`
	PaidAcquisition float64 `json:"paidAcquisition"`
	ReferralRewards float64 `json:"referralRewards"`
	Fulfillment     float64 `json:"fulfillment"`
	MarketEntry     float64 `json:"marketEntry"`
	Other           float64 `json:"other"`
}

// Total is the month's operating costs over every category.
func (c FinanceCosts) Total() float64 {
	return c.SalesTeam + c.PaidAcquisition + c.ReferralRewards + c.Fulfillment + c.MarketEntry + c.Other
}

// FinanceMonth is one month of the cash model. NetCashFlow excludes
// funding; Burn is the trailing quarter's mean net outflow (negative while
// earning).
type FinanceMonth struct {
	Month       int            `json:"month"`
	Revenue     FinanceRevenue `json:"revenue"`
	COGS        float64        `json:"cogs"`
	GrossProfit float64        `json:"grossProfit"`
	Costs       FinanceCosts   `json:"costs"`
	NetCashFlow float64        `json:"netCashFlow"`
	Funding     float64        `json:"funding"`
	Cash        float64        `json:"cash"`
	Burn        float64        `json:"burn"`
}

// UnitEconomics is what one customer costs to win and earns over its life.
// Each figure is nil where a divisor is zero.
type UnitEconomics struct {
	CAC           *float64 `json:"cac"`
	LTV           *float64 `json:"ltv"`
	LTVToCAC      *float64 `json:"ltvToCac"`
	PaybackMonths *float64 `json:"paybackMonths"`
}

// Healthy reports whether LTV/CAC passes the article's test (≥ 3).
func (u *UnitEconomics) Healthy() bool {
	return u != nil && u.LTVToCAC != nil && *u.LTVToCAC >= LTVToCACTarget
}

// FinanceUnits holds the consumer (viral loop) and B2B (sales team) unit
// economics, each nil when its module is off.
type FinanceUnits struct {
	Consumer *UnitEconomics `json:"consumer"`
	B2B      *UnitEconomics `json:"b2b"`
}

// FinanceResult is the cash model's outcome. Months that may not exist are
// nil: cash never running out, never breaking even, not burning.
type FinanceResult struct {
	CashOutMonth *int    `json:"cashOutMonth"`
	MinCash      float64 `json:"minCash"`
	// MinCashMonth is 0 when the starting cash is the lowest.
	MinCashMonth   int      `json:"minCashMonth"`
	CashNeeded     float64  `json:"cashNeeded"`
	BreakEvenMonth *int     `json:"breakEvenMonth"`
	RunwayMonths   *float64 `json:"runwayMonths"`
	RaiseByMonth   *int     `json:"raiseByMonth"`
	BurnMultiple   *float64 `json:"burnMultiple"`
	// LTVPassMonth is the first month from which each kind's LTV/CAC, with
	// CAC counted from month 1 to that month, stays at or above 3.
	LTVPassMonth  FinancePass    `json:"-"`
	UnitEconomics FinanceUnits   `json:"unitEconomics"`
	Months        []FinanceMonth `json:"months"`
	other         otherCostsCache
}

// FinancePass holds a month per kind of customer, nil when never.
type FinancePass struct {
	Consumer *int
	B2B      *int
}

// CashAtHorizon is the cash in the last month.
func (r *FinanceResult) CashAtHorizon() float64 { return r.Months[len(r.Months)-1].Cash }

// ComputeFinance adds a scenario's modules up to cash over its horizon
// (docs/MODELS.md §6), reading the viral, sales and fulfillment results in r;
// a module that is off (nil result) contributes zero. s.Finance must be valid.
func ComputeFinance(s *Scenario, r *Result) *FinanceResult { return computeFinanceInto(nil, s, r) }

// computeFinanceInto is ComputeFinance into out's storage, which it reuses when
// out is not nil (a FastEvaluator's result from its previous compute).
func computeFinanceInto(out *FinanceResult, s *Scenario, r *Result) *FinanceResult {
	f := s.Finance
	if out == nil {
		out = &FinanceResult{}
	}
	months := slices.Grow(out.Months[:0], s.HorizonMonths)[:s.HorizonMonths]
	clear(months)
	*out = FinanceResult{Months: months, other: out.other}
	other := out.other.costs(f, s.HorizonMonths)
	cash := f.StartingCash
	for i := range out.Months {
		m := &out.Months[i]
		m.Month = i + 1
		m.Revenue, m.COGS = financeRevenue(f, i, r)
		m.GrossProfit = m.Revenue.Total() - m.COGS
		m.Costs = financeCosts(f, i, r, s.Fulfillment.Models, other[i])
		m.NetCashFlow = m.GrossProfit - m.Costs.Total()
		m.Funding = fundingIn(f.FundingRounds, m.Month)
		cash += m.Funding + m.NetCashFlow
		m.Cash = cash
		m.Burn = trailingBurn(out.Months[:i+1])
	}
	summarizeCash(f, out)
	if r.Sales != nil {
		out.BurnMultiple = burnMultiple(out.Months, r.Sales, s.Sales.StartingARR)
	}
	if r.Viral != nil {
		out.UnitEconomics.Consumer, out.LTVPassMonth.Consumer = consumerUnits(f, s.Viral.MonthlyChurn, r.Viral, out.Months)
	}
	if r.Sales != nil {
		out.UnitEconomics.B2B, out.LTVPassMonth.B2B = b2bUnits(f, r.Sales, s.Sales.AverageACV)
	}
	return out
}

// financeRevenue returns month index i's revenue by stream and its cost of
// revenue.
func financeRevenue(f Finance, i int, r *Result) (FinanceRevenue, float64) {
	var rev FinanceRevenue
	if r.Sales != nil {
		rev.Subscription = r.Sales.Months[i].ARR / 12
	}
	if r.Viral != nil {
		rev.Consumer = r.Viral.Months[i].Active * f.PayingShare * f.ARPUPerMonth
	}
	if r.Fulfillment != nil {
		rev.Orders = r.Fulfillment.Months[i].Orders * f.AverageOrderValue
	}
	cogs := rev.Subscription*(1-f.SubscriptionGrossMargin) +
		rev.Consumer*(1-f.ConsumerGrossMargin) +
		rev.Orders*(1-f.OrderGrossMargin)
	return rev, cogs
}

// financeCosts returns month index i's operating costs by category.
func financeCosts(f Finance, i int, r *Result, fulModels []FulfillmentModel, other float64) FinanceCosts {
	var c FinanceCosts
	if r.Sales != nil {
		c.SalesTeam = r.Sales.Months[i].Cost
	}
	if r.Viral != nil {
		c.PaidAcquisition = r.Viral.Months[i].PaidSpend
		c.ReferralRewards = r.Viral.Months[i].NewViral * (f.ReferrerReward + f.RefereeReward)
	}
	if ful := r.Fulfillment; ful != nil {
		fm := ful.Months[i]
		c.Fulfillment = fm.PlannedCost
		if i == 0 || ful.Months[i-1].PlannedIdx != fm.PlannedIdx {
			c.Fulfillment += fulModels[fm.PlannedIdx].SetupCost
		}
	}
	c.MarketEntry = marketEntryCost(f.Expansions, i+1)
	c.Other = other
	return c
}

// otherCostsCache keeps OtherCosts of every month for the inputs they were
// computed from, so a FastEvaluator whose other costs are not drawn computes
// them once.
type otherCostsCache struct {
	perMonth, growth float64
	months           []float64
}

// costs returns OtherCosts of months 1..horizon (index m−1), computing
// them unless the cache holds them for f's inputs.
func (c *otherCostsCache) costs(f Finance, horizon int) []float64 {
	if len(c.months) == horizon && c.perMonth == f.OtherCostsPerMonth && c.growth == f.OtherCostsGrowth {
		return c.months
	}
	c.perMonth, c.growth = f.OtherCostsPerMonth, f.OtherCostsGrowth
	c.months = slices.Grow(c.months[:0], horizon)[:horizon]
	for i := range c.months {
		c.months[i] = OtherCosts(f, i+1)
	}
	return c.months
}

// OtherCosts is month m's other operating costs: otherCostsPerMonth grown
// by otherCostsGrowth a year, compounded month by month from month 1.
func OtherCosts(f Finance, m int) float64 {
	return f.OtherCostsPerMonth * math.Pow(1+f.OtherCostsGrowth, float64(m-1)/12)
}

// marketEntryCost is month m's cost of market entry: the one-off cost of
// every expansion starting in m and the monthly cost of every expansion
// started in or before m.
func marketEntryCost(es []Expansion, m int) float64 {
	var c float64
	for _, e := range es {
		if e.Month == m {
			c += e.OneOffCost
		}
		if e.Month <= m {
			c += e.MonthlyCost
		}
	}
	return c
}

// fundingIn is the money raised in month m.
func fundingIn(rounds []FundingRound, m int) float64 {
	var sum float64
	for _, fr := range rounds {
		if fr.Month == m {
			sum += fr.Amount
		}
	}
	return sum
}

// trailingBurn is the mean net outflow of the last (up to) three of months.
func trailingBurn(months []FinanceMonth) float64 {
	from := max(0, len(months)-3)
	var sum float64
	for _, m := range months[from:] {
		sum += m.NetCashFlow
	}
	return -sum / float64(len(months)-from)
}

// summarizeCash sets the cash-out, minimum-cash, cash-needed, break-even,
// runway and raise-by figures from the months.
func summarizeCash(f Finance, r *FinanceResult) {
	r.MinCash, r.MinCashMonth = f.StartingCash, 0
	for _, m := range r.Months {
		if m.Cash < 0 && r.CashOutMonth == nil {
			r.CashOutMonth = intPtr(m.Month)
		}
		if m.Cash < r.MinCash {
			r.MinCash, r.MinCashMonth = m.Cash, m.Month
		}
		if r.RaiseByMonth == nil && m.Burn > 0 && m.Cash < f.RunwayAlertMonths*m.Burn {
			r.RaiseByMonth = intPtr(m.Month)
		}
	}
	r.CashNeeded = max(0, f.MinCashBuffer-r.MinCash)
	from := len(r.Months) // the first month of the last run of months with net cash flow ≥ 0
	for from > 0 && r.Months[from-1].NetCashFlow >= 0 {
		from--
	}
	if from < len(r.Months) {
		r.BreakEvenMonth = intPtr(r.Months[from].Month)
	}
	last := r.Months[len(r.Months)-1]
	if last.Burn > 0 {
		r.RunwayMonths = floatPtr(max(0, last.Cash) / last.Burn)
	}
}

// burnMultiple is the last quarter's net burn per unit of net new ARR over
// the same months, nil unless both are positive. ARR(0) is startingARR; a
// horizon under three months uses every month.
func burnMultiple(months []FinanceMonth, sales *SalesResult, startingARR float64) *float64 {
	h := len(months)
	from := max(0, h-3)
	var burn float64
	for _, m := range months[from:] {
		burn -= m.NetCashFlow
	}
	arrBefore := startingARR
	if from > 0 {
		arrBefore = sales.Months[from-1].ARR
	}
	netNew := sales.Months[h-1].ARR - arrBefore
	if burn <= 0 || netNew <= 0 {
		return nil
	}
	return floatPtr(burn / netNew)
}

// consumerUnits is the viral loop's unit economics: CAC = (paid spend +
// referral rewards) / (paid + viral signups) over the horizon, LTV = the
// monthly gross margin of a user (ARPU × paying share × consumer margin) /
// monthly churn, payback = CAC / that margin. It also returns the month from
// which LTV/CAC, with CAC counted up to each month, stays at or above 3.
func consumerUnits(f Finance, monthlyChurn float64, v *ViralResult, months []FinanceMonth) (*UnitEconomics, *int) {
	margin := f.ARPUPerMonth * f.PayingShare * f.ConsumerGrossMargin
	ltv := ratio(margin, monthlyChurn)
	return unitEconomics(len(v.Months), func(i int) (float64, float64) {
		vm := v.Months[i]
		return vm.PaidSpend + months[i].Costs.ReferralRewards, vm.NewPaid + vm.NewViral
	}, ltv, margin)
}

// b2bUnits is the sales team's unit economics: new customers = new ARR /
// ACV, CAC = sales cost / new customers over the horizon, LTV = ACV ×
// subscription margin / annual customer churn, payback = CAC / (ACV ×
// subscription margin / 12); with the month LTV/CAC passes 3 as for consumers.
func b2bUnits(f Finance, sr *SalesResult, acv float64) (*UnitEconomics, *int) {
	margin := acv * f.SubscriptionGrossMargin
	ltv := ratio(margin, f.AnnualCustomerChurn)
	return unitEconomics(len(sr.Months), func(i int) (float64, float64) {
		return sr.Months[i].Cost, sr.Months[i].NewARR / acv
	}, ltv, margin/12)
}

// unitEconomics totals n months of acquisition spend and customers won
// (month index i's from month) into CAC, relates it to ltv and to the gross
// margin a customer earns a month, and finds the first month from which
// LTV/CAC-to-date stays at or above 3 (customers won for nothing, with a
// positive LTV, count as passing).
func unitEconomics(n int, month func(i int) (spend, won float64), ltv *float64, marginPerMonth float64) (*UnitEconomics, *int) {
	pass := 0 // none
	var totalSpend, totalWon float64
	for i := range n {
		spend, won := month(i)
		totalSpend += spend
		totalWon += won
		switch {
		case ltv == nil || totalWon == 0:
			pass = 0
		case totalSpend/totalWon == 0 && *ltv > 0, totalSpend/totalWon > 0 && *ltv/(totalSpend/totalWon) >= LTVToCACTarget: // free customers pass too
			if pass == 0 {
				pass = i + 1
			}
		default:
			pass = 0
		}
	}
	u := &UnitEconomics{CAC: ratio(totalSpend, totalWon), LTV: ltv}
	if u.CAC != nil && u.LTV != nil {
		u.LTVToCAC = ratio(*u.LTV, *u.CAC)
	}
	if u.CAC != nil {
		u.PaybackMonths = ratio(*u.CAC, marginPerMonth)
	}
	if pass == 0 {
		return u, nil
	}
	return u, intPtr(pass)
}

func intPtr(v int) *int           { return &v }
func floatPtr(v float64) *float64 { return &v }
func ratio(num, den float64) *float64 {
	if den == 0 {
		return nil
	}
	return floatPtr(num / den)
}

// FinanceYear totals one fiscal year of the cash model; EndCash is the cash
// at its last month.
type FinanceYear struct {
	FiscalYear
	Revenue     FinanceRevenue `json:"revenue"`
	COGS        float64        `json:"cogs"`
	GrossProfit float64        `json:"grossProfit"`
	Costs       FinanceCosts   `json:"costs"`
	NetCashFlow float64        `json:"netCashFlow"`
	Funding     float64        `json:"funding"`
	EndCash     float64        `json:"endCash"`
}

// FinanceYears totals the cash model by fiscal year of the calendar.
func FinanceYears(r *FinanceResult, c Calendar) []FinanceYear {
	years := c.FiscalYears(len(r.Months))
	out := make([]FinanceYear, len(years))
	for i, fy := range years {
		y := FinanceYear{FiscalYear: fy}
		for _, m := range r.Months[fy.First-1 : fy.Last] {
			y.Revenue.Subscription += m.Revenue.Subscription
			y.Revenue.Consumer += m.Revenue.Consumer
			y.Revenue.Orders += m.Revenue.Orders
			y.COGS += m.COGS
			y.GrossProfit += m.GrossProfit
			y.Costs.SalesTeam += m.Costs.SalesTeam
			y.Costs.PaidAcquisition += m.Costs.PaidAcquisition
			y.Costs.ReferralRewards += m.Costs.ReferralRewards
			y.Costs.Fulfillment += m.Costs.Fulfillment
			y.Costs.MarketEntry += m.Costs.MarketEntry
			y.Costs.Other += m.Costs.Other
			y.NetCashFlow += m.NetCashFlow
			y.Funding += m.Funding
			y.EndCash = m.Cash
		}
		out[i] = y
	}
	return out
}

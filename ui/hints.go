package ui

import (
	"strconv"
	"strings"

	"scaleplan/scenario"
)

// limit is the valid range of an input as scenario's validation checks it:
// lo ≤ v ≤ hi, with loOpen (v > lo) or hiOpen (v < hi) where the bound
// itself is refused. pct marks rates, shown as percentages.
type limit struct {
	lo, hi         float64
	loOpen, hiOpen bool
	pct            bool
}

// Bounds that scenario/validate.go checks as literals rather than named
// constants. TestHintsMatchValidation pins every range below to the
// scenario package's validation, so a change there fails the test.
const (
	maxInvitesPerUser  = 1000
	maxQuotaAttainment = 2
	maxRampMonths      = 24
	maxHiresPerMonth   = 1000
	maxNRR             = 3
	maxFactorWeight    = 1000
	minMonthlyGrowth   = -0.99
	maxMonthlyGrowth   = 10
	maxOrdersPerUser   = 1000
)

// limits maps an input's path (below the scenario) to its valid range.
var limits = map[string]limit{
	"horizonMonths":                          {lo: 1, hi: scenario.MaxHorizon},
	"viral.seedUsers":                        {hi: scenario.MaxCount},
	"viral.invitesPerUser":                   {hi: maxInvitesPerUser},
	"viral.inviteConversion":                 {hi: 1, pct: true},
	"viral.cycleDays":                        {lo: 1, hi: scenario.MaxCycleDay},
	"viral.monthlyChurn":                     {hi: 1, hiOpen: true, pct: true},
	"viral.paidUsersPerMonth":                {hi: scenario.MaxCount},
	"viral.paidCAC":                          {hi: scenario.MaxMoney},
	"viral.marketSize":                       {hi: scenario.MaxUsers},
	"viral.goalUsers":                        {hi: scenario.MaxUsers},
	"sales.startingARR":                      {hi: scenario.MaxMoney},
	"sales.averageACV":                       {hi: scenario.MaxMoney, loOpen: true},
	"sales.founderNewARRPerMonth":            {hi: scenario.MaxMoney},
	"sales.aeQuotaPerMonth":                  {hi: scenario.MaxMoney},
	"sales.quotaAttainment":                  {hi: maxQuotaAttainment, pct: true},
	"sales.rampMonths":                       {hi: maxRampMonths},
	"sales.annualRepAttrition":               {hi: 1, pct: true},
	"sales.maxHiresPerMonth":                 {hi: maxHiresPerMonth},
	"sales.annualNetRevenueRetention":        {hi: maxNRR, pct: true},
	"sales.arrGoal":                          {hi: scenario.MaxMoney},
	"sales.startingTeam.aes":                 {hi: scenario.MaxHeads},
	"sales.startingTeam.sdrs":                {hi: scenario.MaxHeads},
	"sales.startingTeam.vp":                  {hi: scenario.MaxHeads},
	"sales.startingTeam.managers":            {hi: scenario.MaxHeads},
	"sales.costs.ae":                         {hi: scenario.MaxMoney},
	"sales.costs.sdr":                        {hi: scenario.MaxMoney},
	"sales.costs.vp":                         {hi: scenario.MaxMoney},
	"sales.costs.manager":                    {hi: scenario.MaxMoney},
	"fulfillment.volume.startOrdersPerMonth": {hi: scenario.MaxOrders},
	"fulfillment.volume.monthlyGrowth":       {lo: minMonthlyGrowth, hi: maxMonthlyGrowth, pct: true},
	"fulfillment.volume.ordersPerActiveUser": {hi: maxOrdersPerUser},
	"markets.factors[].weight":               {hi: maxFactorWeight},
	"fulfillment.ruleOfThumb[]":              {hi: scenario.MaxOrders, loOpen: true},
	"finance.startingCash":                   {hi: scenario.MaxMoney},
	"finance.payingShare":                    {hi: 1, pct: true},
	"finance.arpuPerMonth":                   {hi: scenario.MaxMoney},
	"finance.averageOrderValue":              {hi: scenario.MaxMoney},
	"finance.subscriptionGrossMargin":        {hi: 1, pct: true},
	"finance.consumerGrossMargin":            {hi: 1, pct: true},
	"finance.orderGrossMargin":               {hi: 1, pct: true},
	"finance.referrerReward":                 {hi: scenario.MaxMoney},
	"finance.refereeReward":                  {hi: scenario.MaxMoney},
	"finance.annualCustomerChurn":            {hi: 1, pct: true},
	"finance.otherCostsPerMonth":             {hi: scenario.MaxMoney},
	"finance.otherCostsGrowth":               {hi: scenario.MaxOtherCostsGrowth, pct: true},
	"finance.runwayAlertMonths":              {hi: scenario.MaxRunwayAlert},
	"finance.minCashBuffer":                  {hi: scenario.MaxMoney},
}

// limitFor returns the range of the input at path; list indexes are
// ignored ("markets.factors[2].weight" is "markets.factors[].weight").
func limitFor(path string) (limit, bool) {
	l, ok := limits[unindexed(path)]
	return l, ok
}

// unindexed drops the numbers inside brackets: "a[2].b" → "a[].b".
func unindexed(path string) string {
	var b strings.Builder
	skip := false
	for _, r := range path {
		switch {
		case r == '[':
			skip = true
			b.WriteRune(r)
		case r == ']':
			skip = false
			b.WriteRune(r)
		case !skip:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// hintFor is the range hint shown beside the input at path ("" if none).
func hintFor(path string) string {
	l, ok := limitFor(path)
	if !ok {
		return ""
	}
	return l.hint()
}

// hint writes the range for a founder: "0–1,000", "0–100%", "0–<100%",
// "> 0, ≤ 1tn".
func (l limit) hint() string {
	lo, hi := hintNumber(l.lo, l.pct), hintNumber(l.hi, l.pct)
	unit := ""
	if l.pct {
		lo, hi, unit = strings.TrimSuffix(lo, "%"), strings.TrimSuffix(hi, "%"), "%"
	}
	switch {
	case l.loOpen:
		return "> " + lo + unit + ", ≤ " + hi + unit
	case l.hiOpen:
		return lo + "–<" + hi + unit
	}
	return lo + "–" + hi + unit
}

// hintNumber writes a bound: rates as percentages, large numbers compactly
// (1M, 1bn, 1tn).
func hintNumber(v float64, pct bool) string {
	if pct {
		return strings.Replace(scenario.FormatInput(v, true), "-", "−", 1)
	}
	if v >= 1e12 {
		return strconv.FormatFloat(v/1e12, 'f', -1, 64) + "tn"
	}
	if v >= 1e6 {
		return scenario.FormatCompact(v)
	}
	return scenario.FormatInput(v, false)
}

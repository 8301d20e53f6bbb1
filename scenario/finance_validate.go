package scenario

import "fmt"

// Limits of the finance module's lists and figures (docs/MODELS.md §6).
const (
	MaxFundingRounds    = 50
	MaxExpansions       = 50
	MaxOtherCostsGrowth = 5   // +500% a year
	MaxRunwayAlert      = 120 // months
)

// validateFinance checks the finance inputs against their ranges; months of
// rounds and expansions must fall within the horizon.
func validateFinance(c *checker, f Finance, horizon int) {
	c.in("startingCash", f.StartingCash)
	c.in("payingShare", f.PayingShare)
	c.in("arpuPerMonth", f.ARPUPerMonth)
	c.in("averageOrderValue", f.AverageOrderValue)
	c.in("subscriptionGrossMargin", f.SubscriptionGrossMargin)
	c.in("consumerGrossMargin", f.ConsumerGrossMargin)
	c.in("orderGrossMargin", f.OrderGrossMargin)
	c.in("referrerReward", f.ReferrerReward)
	c.in("refereeReward", f.RefereeReward)
	c.in("annualCustomerChurn", f.AnnualCustomerChurn)
	c.in("otherCostsPerMonth", f.OtherCostsPerMonth)
	c.in("otherCostsGrowth", f.OtherCostsGrowth)
	c.in("runwayAlertMonths", f.RunwayAlertMonths)
	c.in("minCashBuffer", f.MinCashBuffer)
	if len(f.FundingRounds) > MaxFundingRounds {
		c.fail("fundingRounds", "must list at most %d rounds, got %d", MaxFundingRounds, len(f.FundingRounds))
	}
	names := map[string]bool{}
	for i, r := range f.FundingRounds {
		c.sub(fmt.Sprintf("fundingRounds[%d]", i), func(c *checker) {
			c.name("name", r.Name)
			c.unique("name", r.Name, "funding round", names)
			c.month("month", r.Month, horizon)
			c.in("amount", r.Amount)
		})
	}
	if len(f.Expansions) > MaxExpansions {
		c.fail("expansions", "must list at most %d expansions, got %d", MaxExpansions, len(f.Expansions))
	}
	names = map[string]bool{}
	for i, e := range f.Expansions {
		c.sub(fmt.Sprintf("expansions[%d]", i), func(c *checker) {
			c.name("name", e.Name)
			c.unique("name", e.Name, "expansion", names)
			c.month("month", e.Month, horizon)
			c.in("oneOffCost", e.OneOffCost)
			c.in("monthlyCost", e.MonthlyCost)
		})
	}
}

// month checks that a month number falls within 1..horizon; an invalid
// horizon (reported on its own) is taken as the longest allowed.
func (c *checker) month(field string, m, horizon int) {
	if horizon < 1 || horizon > MaxHorizon {
		horizon = MaxHorizon
	}
	if m < 1 || m > horizon {
		c.fail(field, "must be a month from 1 to the horizon %d, got %d", horizon, m)
	}
}

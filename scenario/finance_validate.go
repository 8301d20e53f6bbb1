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
	c.nonNeg("startingCash", f.StartingCash, MaxMoney)
	c.between("payingShare", f.PayingShare, 0, 1)
	c.nonNeg("arpuPerMonth", f.ARPUPerMonth, MaxMoney)
	c.nonNeg("averageOrderValue", f.AverageOrderValue, MaxMoney)
	c.between("subscriptionGrossMargin", f.SubscriptionGrossMargin, 0, 1)
	c.between("consumerGrossMargin", f.ConsumerGrossMargin, 0, 1)
	c.between("orderGrossMargin", f.OrderGrossMargin, 0, 1)
	c.nonNeg("referrerReward", f.ReferrerReward, MaxMoney)
	c.nonNeg("refereeReward", f.RefereeReward, MaxMoney)
	c.between("annualCustomerChurn", f.AnnualCustomerChurn, 0, 1)
	c.nonNeg("otherCostsPerMonth", f.OtherCostsPerMonth, MaxMoney)
	c.between("otherCostsGrowth", f.OtherCostsGrowth, 0, MaxOtherCostsGrowth)
	c.between("runwayAlertMonths", f.RunwayAlertMonths, 0, MaxRunwayAlert)
	c.nonNeg("minCashBuffer", f.MinCashBuffer, MaxMoney)
	if len(f.FundingRounds) > MaxFundingRounds {
		c.fail("fundingRounds", "must list at most %d rounds, got %d", MaxFundingRounds, len(f.FundingRounds))
	}
	names := map[string]bool{}
	for i, r := range f.FundingRounds {
		c.sub(fmt.Sprintf("fundingRounds[%d]", i), func(c *checker) {
			c.name("name", r.Name)
			c.unique("name", r.Name, "funding round", names)
			c.month("month", r.Month, horizon)
			if !(r.Amount > 0 && r.Amount <= MaxMoney) {
				c.fail("amount", "must be above 0 and at most %s, got %s", num(MaxMoney), num(r.Amount))
			}
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
			c.nonNeg("oneOffCost", e.OneOffCost, MaxMoney)
			c.nonNeg("monthlyCost", e.MonthlyCost, MaxMoney)
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

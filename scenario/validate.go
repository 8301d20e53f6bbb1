package scenario

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"

	"github.com/google/uuid"
)

// FieldError is one problem with one input, located by its path in the plan
// file (scenarios[1].viral.inviteConversion).
type FieldError struct {
	Path string
	Msg  string
}

func (e FieldError) Error() string {
	if e.Path == "" {
		return e.Msg
	}
	return e.Path + ": " + e.Msg
}

// Errors lists every problem found; it is an error when not empty.
type Errors []FieldError

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Limits that keep every model finite and every input meaningful.
const (
	MaxHorizon  = 240
	MaxMoney    = 1e12
	MaxCount    = 1e9
	MaxHeads    = 100000
	MaxModels   = 12
	MaxStages   = 12
	MaxFactors  = 20
	MaxMarkets  = 100
	MaxCycleDay = 365
)

// checker collects FieldErrors under a path prefix.
type checker struct {
	errs   Errors
	prefix string
}

func (c *checker) at(field string) string {
	if c.prefix == "" {
		return field
	}
	if field == "" {
		return c.prefix
	}
	return c.prefix + "." + field
}

func (c *checker) fail(field, format string, a ...any) {
	c.errs = append(c.errs, FieldError{Path: c.at(field), Msg: fmt.Sprintf(format, a...)})
}

// sub returns a checker for a nested object sharing the error list.
func (c *checker) sub(field string, fn func(*checker)) {
	s := &checker{prefix: c.at(field)}
	fn(s)
	c.errs = append(c.errs, s.errs...)
}

// between checks lo ≤ v ≤ hi.
func (c *checker) between(field string, v, lo, hi float64) {
	if math.IsNaN(v) || v < lo || v > hi {
		c.fail(field, "must be between %s and %s, got %s", num(lo), num(hi), num(v))
	}
}

// below checks lo ≤ v < hi.
func (c *checker) below(field string, v, lo, hi float64) {
	if math.IsNaN(v) || v < lo || v >= hi {
		c.fail(field, "must be at least %s and below %s, got %s", num(lo), num(hi), num(v))
	}
}

func (c *checker) nonNeg(field string, v, hi float64) { c.between(field, v, 0, hi) }

func (c *checker) name(field, v string) { c.checkName(field, v, false) }

func (c *checker) id(field, v string, seen map[string]bool) {
	if v == "" {
		c.fail(field, "missing (every item needs a UUID)")
		return
	}
	// Only the canonical spelling: uuid.Parse also takes "urn:uuid:…",
	// "{…}" and 32 bare digits, which would hide a duplicate.
	if _, err := uuid.Parse(v); err != nil || len(v) != 36 {
		c.fail(field, "must be a UUID of 36 characters (8-4-4-4-12 hex digits), got %q", v)
		return
	}
	if seen[strings.ToLower(v)] {
		c.fail(field, "duplicate id %q", v)
	}
	seen[strings.ToLower(v)] = true
}

// unique checks that name is not yet in names (case and surrounding
// space ignored), then adds it; what names the kind of item.
func (c *checker) unique(field, name, what string, names map[string]bool) {
	key := strings.ToLower(strings.TrimSpace(name))
	if key != "" && names[key] {
		c.fail(field, "another %s is already called %q", what, name)
	}
	names[key] = true
}

// num formats a number for a message: integers plainly, others compactly.
func num(v float64) string {
	return fmt.Sprintf("%g", v)
}

// Validate checks every input of the plan against DESIGN.md §3–§4, and
// that every scenario computes, and returns all problems as Errors, or nil.
func (p *Plan) Validate() error { return p.validate(ValidateScenario) }

// validate checks the plan-level fields and each scenario with check.
func (p *Plan) validate(check func(*Scenario, string) Errors) error {
	c := &checker{}
	if p.Format != Format {
		c.fail("format", "must be %q, got %q", Format, p.Format)
	}
	if p.Version != Version {
		c.fail("version", "must be %d, got %d", Version, p.Version)
	}
	if len(p.Currency) != 3 || strings.ToUpper(p.Currency) != p.Currency || strings.IndexFunc(p.Currency, func(r rune) bool { return r < 'A' || r > 'Z' }) >= 0 {
		c.fail("currency", "must be a three-letter ISO code such as USD, got %q", p.Currency)
	}
	if _, _, err := ParseStartMonth(p.StartMonth); err != nil {
		c.fail("startMonth", "%v", err)
	}
	if p.FiscalYearStartMonth < 1 || p.FiscalYearStartMonth > 12 {
		c.fail("fiscalYearStartMonth", "must be a month number from 1 (January) to 12, got %d", p.FiscalYearStartMonth)
	}
	c.checkName("name", p.Name, true)
	if !c.planSize(p) {
		return c.errs // too much work to check scenario by scenario
	}
	c.errs = append(c.errs, p.variantErrors()...)
	ids, names := map[string]bool{}, map[string]bool{}
	for i := range p.Scenarios {
		s := &p.Scenarios[i]
		path := fmt.Sprintf("scenarios[%d]", i)
		c.errs = append(c.errs, check(s, path)...)
		c.sub(path, func(c *checker) {
			if s.ID != "" {
				if ids[strings.ToLower(s.ID)] {
					c.fail("id", "duplicate id %q", s.ID)
				}
				ids[strings.ToLower(s.ID)] = true
			}
			c.unique("name", s.Name, "scenario", names)
		})
	}
	validateExperiments(c, p.Experiments)
	if len(c.errs) == 0 {
		return nil
	}
	return c.errs
}

// ValidateScenario checks one scenario's inputs and that it computes;
// paths start with prefix.
func ValidateScenario(s *Scenario, prefix string) Errors {
	errs := validateFields(s, prefix)
	if len(errs) == 0 {
		if _, _, fe := runFallible(s, prefix); fe != nil {
			errs = Errors{*fe}
		}
	}
	return errs
}

// validateFields checks one scenario's inputs, each against its range.
func validateFields(s *Scenario, prefix string) Errors {
	c := &checker{prefix: prefix}
	c.id("id", s.ID, map[string]bool{})
	c.name("name", s.Name)
	c.notes("notes", s.Notes)
	if s.HorizonMonths < 1 || s.HorizonMonths > MaxHorizon {
		c.fail("horizonMonths", "must be between 1 and %d, got %d", MaxHorizon, s.HorizonMonths)
	}
	c.sub("viral", func(c *checker) { validateViral(c, s.Viral) })
	c.sub("sales", func(c *checker) { validateSales(c, s.Sales) })
	c.sub("fulfillment", func(c *checker) { validateFulfillment(c, s.Fulfillment, s.Viral.Enabled) })
	c.sub("markets", func(c *checker) { validateMarkets(c, s.Markets) })
	c.sub("finance", func(c *checker) { validateFinance(c, s.Finance, s.HorizonMonths) })
	return c.errs
}

func validateViral(c *checker, v Viral) {
	c.nonNeg("seedUsers", v.SeedUsers, MaxCount)
	c.nonNeg("invitesPerUser", v.InvitesPerUser, 1000)
	c.between("inviteConversion", v.InviteConversion, 0, 1)
	c.between("cycleDays", v.CycleDays, 1, MaxCycleDay)
	if v.InviteMode != InviteOnce && v.InviteMode != InviteContinuous {
		c.fail("inviteMode", "must be %q or %q, got %q", InviteOnce, InviteContinuous, v.InviteMode)
	}
	c.below("monthlyChurn", v.MonthlyChurn, 0, 1)
	c.nonNeg("paidUsersPerMonth", v.PaidUsersPerMonth, MaxCount)
	c.nonNeg("paidCAC", v.PaidCAC, MaxMoney)
	c.nonNeg("marketSize", v.MarketSize, MaxUsers)
	c.nonNeg("goalUsers", v.GoalUsers, MaxUsers)
}

func validateSales(c *checker, s Sales) {
	c.nonNeg("startingARR", s.StartingARR, MaxMoney)
	if !(s.AverageACV > 0 && s.AverageACV <= MaxMoney) {
		c.fail("averageACV", "must be above 0 and at most %s, got %s", num(MaxMoney), num(s.AverageACV))
	}
	c.nonNeg("founderNewARRPerMonth", s.FounderNewARRPerMonth, MaxMoney)
	c.nonNeg("aeQuotaPerMonth", s.AEQuotaPerMonth, MaxMoney)
	c.between("quotaAttainment", s.QuotaAttainment, 0, 2)
	c.between("rampMonths", float64(s.RampMonths), 0, 24)
	c.between("annualRepAttrition", s.AnnualRepAttrition, 0, 1)
	c.between("maxHiresPerMonth", float64(s.MaxHiresPerMonth), 0, 1000)
	c.between("annualNetRevenueRetention", s.AnnualNetRevenueRetention, 0, 3)
	c.nonNeg("arrGoal", s.ARRGoal, MaxMoney)
	c.sub("startingTeam", func(c *checker) { validateTeam(c, s.StartingTeam) })
	c.sub("costs", func(c *checker) {
		c.nonNeg("ae", s.Costs.AE, MaxMoney)
		c.nonNeg("sdr", s.Costs.SDR, MaxMoney)
		c.nonNeg("vp", s.Costs.VP, MaxMoney)
		c.nonNeg("manager", s.Costs.Manager, MaxMoney)
	})
	if len(s.Stages) == 0 || len(s.Stages) > MaxStages {
		c.fail("stages", "must list 1 to %d stages, got %d", MaxStages, len(s.Stages))
	}
	names := map[string]bool{}
	for i, st := range s.Stages {
		c.sub(fmt.Sprintf("stages[%d]", i), func(c *checker) {
			c.name("name", st.Name)
			c.unique("name", st.Name, "stage", names)
			c.nonNeg("minARR", st.MinARR, MaxMoney)
			if i == 0 && st.MinARR != 0 {
				c.fail("minARR", "the first stage must start at 0, got %s", num(st.MinARR))
			}
			if i > 0 && !(st.MinARR > s.Stages[i-1].MinARR) {
				c.fail("minARR", "must be above the previous stage's %s, got %s", num(s.Stages[i-1].MinARR), num(st.MinARR))
			}
			validateTeam(c, st.Target())
		})
	}
}

func validateTeam(c *checker, t Team) {
	c.between("aes", float64(t.AEs), 0, MaxHeads)
	c.between("sdrs", float64(t.SDRs), 0, MaxHeads)
	c.between("vp", float64(t.VP), 0, MaxHeads)
	c.between("managers", float64(t.Managers), 0, MaxHeads)
}

func validateFulfillment(c *checker, f Fulfillment, viralOn bool) {
	c.sub("volume", func(c *checker) {
		switch f.Volume.Source {
		case VolumeManual:
		case VolumeViral:
			if f.Enabled && !viralOn {
				c.fail("source", "is %q but the viral module is switched off", VolumeViral)
			}
		default:
			c.fail("source", "must be %q or %q, got %q", VolumeManual, VolumeViral, f.Volume.Source)
		}
		c.nonNeg("startOrdersPerMonth", f.Volume.StartOrdersPerMonth, MaxOrders)
		c.between("monthlyGrowth", f.Volume.MonthlyGrowth, -0.99, 10)
		c.nonNeg("ordersPerActiveUser", f.Volume.OrdersPerActiveUser, 1000)
	})
	if len(f.Models) == 0 || len(f.Models) > MaxModels {
		c.fail("models", "must list 1 to %d models, got %d", MaxModels, len(f.Models))
	}
	names := map[string]bool{}
	for i, m := range f.Models {
		c.sub(fmt.Sprintf("models[%d]", i), func(c *checker) {
			c.name("name", m.Name)
			c.unique("name", m.Name, "model", names)
			c.nonNeg("fixedMonthly", m.FixedMonthly, MaxMoney)
			c.nonNeg("perOrder", m.PerOrder, MaxMoney)
			c.nonNeg("setupCost", m.SetupCost, MaxMoney)
			c.nonNeg("capacity", m.Capacity, MaxOrders)
		})
	}
	if len(f.RuleOfThumb) > max(len(f.Models)-1, 0) {
		c.fail("ruleOfThumb", "has %d thresholds for %d models; at most %d", len(f.RuleOfThumb), len(f.Models), max(len(f.Models)-1, 0))
	}
	for i, t := range f.RuleOfThumb {
		field := fmt.Sprintf("ruleOfThumb[%d]", i)
		if !(t > 0 && t <= MaxOrders) {
			c.fail(field, "must be above 0 and at most %s, got %s", num(MaxOrders), num(t))
		} else if i > 0 && !(t > f.RuleOfThumb[i-1]) {
			c.fail(field, "must be above the previous threshold %s, got %s", num(f.RuleOfThumb[i-1]), num(t))
		}
	}
}

func validateMarkets(c *checker, mk Markets) {
	if len(mk.Factors) > MaxFactors {
		c.fail("factors", "must list at most %d factors, got %d", MaxFactors, len(mk.Factors))
	}
	if len(mk.Markets) > MaxMarkets {
		c.fail("markets", "must list at most %d markets, got %d", MaxMarkets, len(mk.Markets))
	}
	ids := map[string]bool{}
	factorIDs := map[string]bool{}
	positive := false
	for i, f := range mk.Factors {
		c.sub(fmt.Sprintf("factors[%d]", i), func(c *checker) {
			c.id("id", f.ID, ids)
			c.name("name", f.Name)
			c.nonNeg("weight", f.Weight, 1000)
		})
		factorIDs[f.ID] = true
		positive = positive || f.Weight > 0
	}
	if len(mk.Factors) > 0 && !positive {
		c.fail("factors", "at least one factor needs a weight above 0")
	}
	if len(mk.Markets) > 0 && len(mk.Factors) == 0 {
		c.fail("factors", "markets need at least one factor to be scored on")
	}
	names := map[string]bool{}
	for i, m := range mk.Markets {
		c.sub(fmt.Sprintf("markets[%d]", i), func(c *checker) {
			c.id("id", m.ID, ids)
			c.name("name", m.Name)
			c.unique("name", m.Name, "market", names)
			c.notes("notes", m.Notes)
			validateScores(c, m, mk.Factors, factorIDs)
		})
	}
}

func validateScores(c *checker, m Market, factors []Factor, known map[string]bool) {
	for _, f := range factors {
		s, ok := m.Scores[f.ID]
		field := fmt.Sprintf("scores[%s]", f.ID)
		switch {
		case !ok:
			c.fail(field, "no score for factor %q (scores are whole numbers 1–5)", f.Name)
		case s != math.Trunc(s) || s < 1 || s > 5:
			c.fail(field, "score for %q must be a whole number from 1 to 5, got %s", f.Name, num(s))
		}
	}
	for _, id := range slices.Sorted(maps.Keys(m.Scores)) {
		if !known[id] {
			c.fail(fmt.Sprintf("scores[%s]", id), "no factor has this id")
		}
	}
}

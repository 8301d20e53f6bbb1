package scenario

import (
	"fmt"
	"maps"
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

// checker collects FieldErrors under a path prefix. key is the path below
// the scenario without indexes, as the limits table names inputs.
type checker struct {
	errs   Errors
	prefix string
	key    string
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
	s := &checker{prefix: c.at(field), key: c.keyOf(field)}
	fn(s)
	c.errs = append(c.errs, s.errs...)
}

// keyOf is the limits table's name of field below c.
func (c *checker) keyOf(field string) string {
	if c.key == "" {
		return Unindexed(field)
	}
	return c.key + "." + Unindexed(field)
}

// in checks v against the limits table's range for field.
func (c *checker) in(field string, v float64) {
	l, ok := limits[c.keyOf(field)]
	if !ok {
		c.fail(field, "has no valid range (internal error: %s is missing from the limits table)", c.keyOf(field))
		return
	}
	if err := l.Check(v); err != nil {
		c.fail(field, "%s", err)
	}
}

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

// Validate checks every input of the plan against docs/FORMAT.md and docs/MODELS.md, and
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
	validateSimulation(c, p.Simulation)
	if len(c.errs) == 0 {
		return nil
	}
	return c.errs
}

// ValidateScenario checks one scenario's inputs, that it computes (a
// viral loop growing past MaxUsers, orders past MaxOrders, a month no
// fulfillment model has the capacity for are refused like any invalid
// input) and its ranges (validateRanges); paths start with prefix. Ranges
// are checked once the inputs are valid, since a range is judged against
// its input's value.
func ValidateScenario(s *Scenario, prefix string) Errors {
	errs := validateFields(s, prefix)
	if len(errs) == 0 {
		if fe := computeModules(s, &Result{}, prefix); fe != nil {
			errs = Errors{*fe}
		}
		errs = append(errs, validateRanges(s, prefix)...)
	}
	return errs
}

// validateFields checks one scenario's inputs, each against its valid range.
func validateFields(s *Scenario, prefix string) Errors {
	c := &checker{prefix: prefix}
	c.id("id", s.ID, map[string]bool{})
	c.name("name", s.Name)
	c.notes("notes", s.Notes)
	c.in("horizonMonths", float64(s.HorizonMonths))
	for _, m := range modules {
		c.sub(m.Name, func(c *checker) { m.Validate(c, s) })
	}
	return c.errs
}

func validateViral(c *checker, v Viral) {
	c.in("seedUsers", v.SeedUsers)
	c.in("invitesPerUser", v.InvitesPerUser)
	c.in("inviteConversion", v.InviteConversion)
	c.in("cycleDays", v.CycleDays)
	if v.InviteMode != InviteOnce && v.InviteMode != InviteContinuous {
		c.fail("inviteMode", "must be %q or %q, got %q", InviteOnce, InviteContinuous, v.InviteMode)
	}
	c.in("monthlyChurn", v.MonthlyChurn)
	c.in("paidUsersPerMonth", v.PaidUsersPerMonth)
	c.in("paidCAC", v.PaidCAC)
	c.in("marketSize", v.MarketSize)
	c.in("goalUsers", v.GoalUsers)
}

func validateSales(c *checker, s Sales) {
	c.in("startingARR", s.StartingARR)
	c.in("averageACV", s.AverageACV)
	c.in("founderNewARRPerMonth", s.FounderNewARRPerMonth)
	c.in("aeQuotaPerMonth", s.AEQuotaPerMonth)
	c.in("quotaAttainment", s.QuotaAttainment)
	c.in("rampMonths", float64(s.RampMonths))
	c.in("annualRepAttrition", s.AnnualRepAttrition)
	c.in("maxHiresPerMonth", float64(s.MaxHiresPerMonth))
	c.in("annualNetRevenueRetention", s.AnnualNetRevenueRetention)
	c.in("arrGoal", s.ARRGoal)
	c.sub("startingTeam", func(c *checker) { validateTeam(c, s.StartingTeam) })
	c.sub("costs", func(c *checker) {
		c.in("ae", s.Costs.AE)
		c.in("sdr", s.Costs.SDR)
		c.in("vp", s.Costs.VP)
		c.in("manager", s.Costs.Manager)
	})
	if len(s.Stages) == 0 || len(s.Stages) > MaxStages {
		c.fail("stages", "must list 1 to %d stages, got %d", MaxStages, len(s.Stages))
	}
	names := map[string]bool{}
	for i, st := range s.Stages {
		c.sub(fmt.Sprintf("stages[%d]", i), func(c *checker) {
			c.name("name", st.Name)
			c.unique("name", st.Name, "stage", names)
			c.in("minARR", st.MinARR)
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
	c.in("aes", float64(t.AEs))
	c.in("sdrs", float64(t.SDRs))
	c.in("vp", float64(t.VP))
	c.in("managers", float64(t.Managers))
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
		c.in("startOrdersPerMonth", f.Volume.StartOrdersPerMonth)
		c.in("monthlyGrowth", f.Volume.MonthlyGrowth)
		c.in("ordersPerActiveUser", f.Volume.OrdersPerActiveUser)
	})
	if len(f.Models) == 0 || len(f.Models) > MaxModels {
		c.fail("models", "must list 1 to %d models, got %d", MaxModels, len(f.Models))
	}
	names := map[string]bool{}
	for i, m := range f.Models {
		c.sub(fmt.Sprintf("models[%d]", i), func(c *checker) {
			c.name("name", m.Name)
			c.unique("name", m.Name, "model", names)
			c.in("fixedMonthly", m.FixedMonthly)
			c.in("perOrder", m.PerOrder)
			c.in("setupCost", m.SetupCost)
			c.in("capacity", m.Capacity)
		})
	}
	if len(f.RuleOfThumb) > max(len(f.Models)-1, 0) {
		c.fail("ruleOfThumb", "has %d thresholds for %d models; at most %d", len(f.RuleOfThumb), len(f.Models), max(len(f.Models)-1, 0))
	}
	for i, t := range f.RuleOfThumb {
		field := fmt.Sprintf("ruleOfThumb[%d]", i)
		if err := limits[c.keyOf(field)].Check(t); err != nil {
			c.fail(field, "%s", err)
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
			c.in("weight", f.Weight)
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
	score := limits[c.keyOf("scores[]")]
	for _, f := range factors {
		s, ok := m.Scores[f.ID]
		field := fmt.Sprintf("scores[%s]", f.ID)
		switch {
		case !ok:
			c.fail(field, "no score for factor %q (scores are whole numbers %s–%s)", f.Name, num(score.Min), num(score.Max))
		case score.Check(s) != nil:
			c.fail(field, "score for %q must be a whole number from %s to %s, got %s", f.Name, num(score.Min), num(score.Max), num(s))
		}
	}
	for _, id := range slices.Sorted(maps.Keys(m.Scores)) {
		if !known[id] {
			c.fail(fmt.Sprintf("scores[%s]", id), "no factor has this id")
		}
	}
}

// Package scenario holds Scaleplan's domain: plans and scenarios, their
// validation, the four models (viral loop, sales team, fulfillment, market
// expansion), milestones, comparison metrics and the .scaleplan file codec.
//
// It depends on the standard library, uuid and gonum only, so a CLI, a test or
// a future server can use it without a display.
package scenario

import (
	"encoding/json"

	"scaleplan/scenario/experiment"
)

// Format is the value of a plan file's "format" field.
const Format = "scaleplan"

// Version is the newest plan file version this code reads and the one it
// writes. Version 2 added the plan's calendar and experiments and each
// scenario's finance; older files are migrated when read (migrate.go).
const Version = 2

// DaysPerMonth is the length D of a model month in days (365.25/12).
const DaysPerMonth = 365.25 / 12

// Plan is a named set of scenarios sharing a currency and a calendar.
type Plan struct {
	Format   string `json:"format"`
	Version  int    `json:"version"`
	Name     string `json:"name"`
	Currency string `json:"currency"`
	// StartMonth is the calendar month of month 1, "YYYY-MM".
	StartMonth string `json:"startMonth"`
	// FiscalYearStartMonth is the calendar month (1–12) a fiscal year starts in.
	FiscalYearStartMonth int        `json:"fiscalYearStartMonth"`
	Scenarios            []Scenario `json:"scenarios"`
	// Experiments is the plan's growth experiment backlog (docs/MODELS.md,
	// "Growth experiments"); a plan without experiments writes no key.
	Experiments []experiment.Experiment `json:"experiments,omitempty"`
	// Compare is what the Compare tab last showed (nil: its defaults).
	Compare *CompareSet `json:"compare,omitempty"`
	// Simulation is the Monte Carlo setting (nil: the defaults,
	// SimulationOrDefault).
	Simulation *Simulation `json:"simulation,omitempty"`
}

// CompareSet is a comparison kept with the plan: the baseline and the
// scenarios set beside it, by id. Ids that name no scenario (one deleted
// since) are ignored.
type CompareSet struct {
	Baseline  string   `json:"baseline"`
	Scenarios []string `json:"scenarios"`
}

// Scenario is one set of assumptions over a horizon of months, with the four
// operating modules and the finance that adds them up. A module that is not
// Enabled is not computed.
type Scenario struct {
	ID            string      `json:"id"`
	Name          string      `json:"name"`
	Notes         string      `json:"notes"`
	HorizonMonths int         `json:"horizonMonths"`
	Viral         Viral       `json:"viral"`
	Sales         Sales       `json:"sales"`
	Fulfillment   Fulfillment `json:"fulfillment"`
	Markets       Markets     `json:"markets"`
	Finance       Finance     `json:"finance"`
	// BasedOn is the id of the scenario this one is a variant of ("" for
	// none); Overrides holds the inputs it changes, by input path, as JSON
	// values (variant.go).
	BasedOn   string                     `json:"basedOn,omitempty"`
	Overrides map[string]json.RawMessage `json:"overrides,omitempty"`
	// Ranges holds how uncertain some real-valued inputs are, by input
	// path (ranges.go; docs/MODELS.md §7). A variant's are the effective
	// ones once resolved: its base's, with its OwnRanges added or
	// replacing them, less those whose input it overrides.
	Ranges map[string]Range `json:"ranges,omitempty"`
	// OwnRanges holds the ranges a variant gives itself: what its file
	// stores (nil for a scenario of its own, whose Ranges are all its own).
	OwnRanges map[string]Range `json:"-"`
}

// variantFile is what a plan file holds for a variant: its own fields, its
// overrides and its own ranges, with horizonMonths only when it differs
// from its base's.
type variantFile struct {
	ID            string                     `json:"id"`
	Name          string                     `json:"name"`
	Notes         string                     `json:"notes"`
	HorizonMonths json.RawMessage            `json:"horizonMonths,omitempty"`
	BasedOn       string                     `json:"basedOn"`
	Overrides     map[string]json.RawMessage `json:"overrides"`
	Ranges        map[string]Range           `json:"ranges,omitempty"`
}

// MarshalJSON writes a scenario in full, or a variant as its own fields,
// its overrides and its own ranges only (docs/MODELS.md §8).
func (s Scenario) MarshalJSON() ([]byte, error) {
	type full Scenario
	if s.BasedOn == "" {
		return json.Marshal(full(s))
	}
	f := variantFile{ID: s.ID, Name: s.Name, Notes: s.Notes, BasedOn: s.BasedOn, Overrides: map[string]json.RawMessage{}, Ranges: s.OwnRanges}
	for k, v := range s.Overrides {
		if k == "horizonMonths" {
			f.HorizonMonths = v
			continue
		}
		f.Overrides[k] = v
	}
	return json.Marshal(f)
}

// Invite modes of the viral loop.
const (
	// InviteOnce: each new user sends its invites in the cycle after joining.
	InviteOnce = "once"
	// InviteContinuous: every active user sends invites every cycle.
	InviteContinuous = "continuous"
)

// Viral holds the viral loop's inputs (docs/MODELS.md §1).
type Viral struct {
	Enabled           bool    `json:"enabled"`
	SeedUsers         float64 `json:"seedUsers"`
	InvitesPerUser    float64 `json:"invitesPerUser"`
	InviteConversion  float64 `json:"inviteConversion"`
	CycleDays         float64 `json:"cycleDays"`
	InviteMode        string  `json:"inviteMode"`
	MonthlyChurn      float64 `json:"monthlyChurn"`
	PaidUsersPerMonth float64 `json:"paidUsersPerMonth"`
	PaidCAC           float64 `json:"paidCAC"`
	MarketSize        float64 `json:"marketSize"`
	GoalUsers         float64 `json:"goalUsers"`
}

// K is the viral coefficient: invites per user × invite conversion.
func (v Viral) K() float64 { return v.InvitesPerUser * v.InviteConversion }

// Team counts sales heads by role.
type Team struct {
	AEs      int `json:"aes"`
	SDRs     int `json:"sdrs"`
	VP       int `json:"vp"`
	Managers int `json:"managers"`
}

// RoleCosts is the monthly fully loaded cost of one head of each role.
type RoleCosts struct {
	AE      float64 `json:"ae"`
	SDR     float64 `json:"sdr"`
	VP      float64 `json:"vp"`
	Manager float64 `json:"manager"`
}

// Stage is one ARR stage of the sales team: from MinARR on, the team grows
// toward its head counts; FoundersSell says founders still close deals.
type Stage struct {
	Name         string  `json:"name"`
	MinARR       float64 `json:"minARR"`
	AEs          int     `json:"aes"`
	SDRs         int     `json:"sdrs"`
	VP           int     `json:"vp"`
	Managers     int     `json:"managers"`
	FoundersSell bool    `json:"foundersSell"`
}

// Target returns the stage's head counts as a Team.
func (s Stage) Target() Team { return Team{AEs: s.AEs, SDRs: s.SDRs, VP: s.VP, Managers: s.Managers} }

// Sales holds the sales team model's inputs (docs/MODELS.md §2).
type Sales struct {
	Enabled                   bool      `json:"enabled"`
	StartingARR               float64   `json:"startingARR"`
	AverageACV                float64   `json:"averageACV"`
	FounderNewARRPerMonth     float64   `json:"founderNewARRPerMonth"`
	AEQuotaPerMonth           float64   `json:"aeQuotaPerMonth"`
	QuotaAttainment           float64   `json:"quotaAttainment"`
	RampMonths                int       `json:"rampMonths"`
	AnnualRepAttrition        float64   `json:"annualRepAttrition"`
	MaxHiresPerMonth          int       `json:"maxHiresPerMonth"`
	AnnualNetRevenueRetention float64   `json:"annualNetRevenueRetention"`
	ARRGoal                   float64   `json:"arrGoal"`
	StartingTeam              Team      `json:"startingTeam"`
	Costs                     RoleCosts `json:"costs"`
	Stages                    []Stage   `json:"stages"`
}

// Volume sources of the fulfillment model.
const (
	VolumeManual = "manual"
	VolumeViral  = "viral"
)

// Volume says where the fulfillment model's monthly order volume comes from.
type Volume struct {
	Source              string  `json:"source"`
	StartOrdersPerMonth float64 `json:"startOrdersPerMonth"`
	MonthlyGrowth       float64 `json:"monthlyGrowth"`
	OrdersPerActiveUser float64 `json:"ordersPerActiveUser"`
}

// FulfillmentModel is one way to ship orders: a fixed monthly cost, a cost per
// order, a one-off setup cost paid each time it is adopted, and a capacity in
// orders a month (0 = unlimited).
type FulfillmentModel struct {
	Name         string  `json:"name"`
	FixedMonthly float64 `json:"fixedMonthly"`
	PerOrder     float64 `json:"perOrder"`
	SetupCost    float64 `json:"setupCost"`
	Capacity     float64 `json:"capacity"`
}

// Cost is the model's monthly cost at a volume of orders a month, ignoring capacity.
func (m FulfillmentModel) Cost(orders float64) float64 { return m.FixedMonthly + m.PerOrder*orders }

// CostPerOrder is the model's monthly cost per order at a volume of orders
// a month (orders > 0): fixed / orders + per order.
func (m FulfillmentModel) CostPerOrder(orders float64) float64 {
	return m.FixedMonthly/orders + m.PerOrder
}

// Feasible reports whether the model can ship that many orders a month.
func (m FulfillmentModel) Feasible(orders float64) bool {
	return m.Capacity <= 0 || orders <= m.Capacity
}

// Fulfillment holds the fulfillment model's inputs (docs/MODELS.md §3).
type Fulfillment struct {
	Enabled     bool               `json:"enabled"`
	Volume      Volume             `json:"volume"`
	Models      []FulfillmentModel `json:"models"`
	RuleOfThumb []float64          `json:"ruleOfThumb"`
}

// Factor is a weighted criterion markets are scored on.
type Factor struct {
	ID     string  `json:"id"`
	Name   string  `json:"name"`
	Weight float64 `json:"weight"`
}

// Market is a candidate market with a score of 1..5 per factor ID
// (5 always means most favourable).
type Market struct {
	ID     string             `json:"id"`
	Name   string             `json:"name"`
	Scores map[string]float64 `json:"scores"`
	Notes  string             `json:"notes"`
}

// Markets holds the market expansion model's inputs (docs/MODELS.md §4).
type Markets struct {
	Enabled bool     `json:"enabled"`
	Factors []Factor `json:"factors"`
	Markets []Market `json:"markets"`
}

package scenario

import (
	"encoding/json"
	"maps"
	"strings"

	"github.com/google/uuid"

	"scaleplan/scenario/experiment"
)

// DefaultFinance returns the finance module's defaults: $2M in the bank, a
// seed-stage company's other costs growing 20% a year, the gross margins of
// docs/MODELS.md §6 (subscription 80%, consumer 70%, orders 50%), 10% B2B
// logo churn and a six-month runway alert. No rounds or expansions yet.
func DefaultFinance() Finance {
	return Finance{
		Enabled: true, StartingCash: 2e6, FundingRounds: []FundingRound{},
		PayingShare: 0.05, ARPUPerMonth: 10, AverageOrderValue: 60,
		SubscriptionGrossMargin: 0.8, ConsumerGrossMargin: 0.7, OrderGrossMargin: 0.5,
		AnnualCustomerChurn: 0.1, OtherCostsPerMonth: 60000, OtherCostsGrowth: 0.2,
		Expansions: []Expansion{}, RunwayAlertMonths: 6,
	}
}

// NewID returns a fresh random UUID string.
func NewID() string { return uuid.NewString() }

// DefaultStages are the article's B2B sales team stages: Founder Sales
// ($0–1M, founders only), First Sales Hire ($1–3M, 1–2 AEs + founder), Build
// Sales Machine ($3–10M, VP Sales + SDRs + AEs) and Scale Sales Machine
// ($10M+, segments and specialists).
func DefaultStages() []Stage {
	return []Stage{
		{Name: "Founder Sales", MinARR: 0, FoundersSell: true},
		{Name: "First Sales Hire", MinARR: 1e6, AEs: 2, FoundersSell: true},
		{Name: "Build Sales Machine", MinARR: 3e6, AEs: 6, SDRs: 3, VP: 1},
		{Name: "Scale Sales Machine", MinARR: 10e6, AEs: 16, SDRs: 8, VP: 1, Managers: 3},
	}
}

// DefaultModels are self-fulfillment, a 3PL and an own warehouse, priced so
// that the break-evens sit at the article's 100 and 1,000 orders a month:
// 300/(8−5) = 100 and (3,300−300)/(5−2) = 1,000.
func DefaultModels() []FulfillmentModel {
	return []FulfillmentModel{
		{Name: "Self-fulfillment", FixedMonthly: 0, PerOrder: 8, SetupCost: 0, Capacity: 1500},
		{Name: "3PL", FixedMonthly: 300, PerOrder: 5, SetupCost: 1500},
		{Name: "Own warehouse", FixedMonthly: 3300, PerOrder: 2, SetupCost: 20000},
	}
}

// DefaultRuleOfThumb is the article's 0–100 / 100–1,000 / 1,000+ orders a month.
func DefaultRuleOfThumb() []float64 { return []float64{100, 1000} }

// DefaultFactorNames are the article's market expansion factors.
var DefaultFactorNames = []string{
	"Market Size (TAM)", "Competition Level", "Regulatory Complexity",
	"Language/Cultural Fit", "Existing Demand Signals",
}

// DefaultFactors returns the article's five factors, weight 1, with new IDs.
func DefaultFactors() []Factor {
	fs := make([]Factor, len(DefaultFactorNames))
	for i, n := range DefaultFactorNames {
		fs[i] = Factor{ID: NewID(), Name: n, Weight: 1}
	}
	return fs
}

// NewScenario returns a scenario with the article's defaults, every module
// enabled, a fresh ID and no markets yet.
func NewScenario(name string) Scenario {
	s := Scenario{ID: NewID(), Name: name, HorizonMonths: 36}
	for _, m := range modules {
		m.Defaults(&s)
	}
	return s
}

// NewScenario returns a scenario for plan p: the article's defaults for
// every module (NewScenario), with the plan's markets — those of its first
// scenario that lists any, with new ids — scored on the default factors:
// a market keeps its score on a factor of the same name, else 3.
func (p *Plan) NewScenario(name string) Scenario {
	s := NewScenario(name)
	for _, src := range p.Scenarios {
		if len(src.Markets.Markets) == 0 {
			continue
		}
		byName := map[string]string{} // factor name → the source's factor id
		for _, f := range src.Markets.Factors {
			byName[f.Name] = f.ID
		}
		for _, m := range src.Markets.Markets {
			nm := NewMarket(m.Name, s.Markets.Factors)
			nm.Notes = m.Notes
			for _, f := range s.Markets.Factors {
				if id, ok := byName[f.Name]; ok {
					if v, ok := m.Scores[id]; ok {
						nm.Scores[f.ID] = v
					}
				}
			}
			s.Markets.Markets = append(s.Markets.Markets, nm)
		}
		break
	}
	return s
}

// NewPlan returns an empty plan: one default scenario called "Base",
// starting next month, with fiscal years from January.
func NewPlan(name string) *Plan {
	return &Plan{
		Format: Format, Version: Version, Name: name, Currency: "USD",
		StartMonth: DefaultStartMonth(Now()), FiscalYearStartMonth: 1,
		Scenarios: []Scenario{NewScenario("Base")},
	}
}

// NewMarket returns a market scoring 3 on every factor, with a new ID.
func NewMarket(name string, factors []Factor) Market {
	m := Market{ID: NewID(), Name: name, Scores: map[string]float64{}}
	for _, f := range factors {
		m.Scores[f.ID] = 3
	}
	return m
}

// Clone returns a deep copy of the scenario (same IDs).
func (s Scenario) Clone() Scenario {
	c := s
	if s.Overrides != nil {
		c.Overrides = make(map[string]json.RawMessage, len(s.Overrides))
		for k, v := range s.Overrides {
			c.Overrides[k] = append(json.RawMessage(nil), v...)
		}
	}
	c.Ranges = maps.Clone(s.Ranges)
	c.OwnRanges = maps.Clone(s.OwnRanges)
	for _, m := range modules {
		m.Clone(&c)
	}
	return c
}

// Duplicate returns a deep copy with new IDs for the scenario, its factors
// and markets (scores follow the new factor IDs), under a new name. A
// variant's copy is a variant of the same base with the same overrides: its
// factors and markets keep the base's IDs, which its overrides name.
func (s Scenario) Duplicate(name string) Scenario {
	c := s.Clone()
	c.ID, c.Name = NewID(), name
	if c.BasedOn != "" {
		return c
	}
	remap := map[string]string{}
	for i := range c.Markets.Factors {
		id := NewID()
		remap[c.Markets.Factors[i].ID] = id
		c.Markets.Factors[i].ID = id
	}
	for i := range c.Markets.Markets {
		m := &c.Markets.Markets[i]
		m.ID = NewID()
		scores := make(map[string]float64, len(m.Scores))
		for k, v := range m.Scores {
			if n, ok := remap[k]; ok {
				k = n
			}
			scores[k] = v
		}
		m.Scores = scores
	}
	c.Ranges = remapRangeIDs(c.Ranges, remap)
	return c
}

// remapRangeIDs returns ranges with the list item ids in their paths
// replaced by their new ids (any case, as input paths match ids).
func remapRangeIDs(ranges map[string]Range, remap map[string]string) map[string]Range {
	if len(ranges) == 0 {
		return ranges
	}
	out := make(map[string]Range, len(ranges))
	for path, r := range ranges {
		for old, id := range remap {
			key := "[" + strings.ToLower(old) + "]"
			if at := strings.Index(strings.ToLower(path), key); at >= 0 {
				path = path[:at] + "[" + id + "]" + path[at+len(key):]
			}
		}
		out[path] = r
	}
	return out
}

// Clone returns a deep copy of the plan.
func (p *Plan) Clone() *Plan {
	c := *p
	c.Scenarios = make([]Scenario, len(p.Scenarios))
	for i, s := range p.Scenarios {
		c.Scenarios[i] = s.Clone()
	}
	if p.Experiments != nil {
		c.Experiments = make([]experiment.Experiment, len(p.Experiments))
		for i, e := range p.Experiments {
			c.Experiments[i] = e.Clone()
		}
	}
	if p.Simulation != nil {
		sim := *p.Simulation
		c.Simulation = &sim
	}
	if p.Compare != nil {
		cs := *p.Compare
		cs.Scenarios = append([]string(nil), p.Compare.Scenarios...)
		c.Compare = &cs
	}
	return &c
}

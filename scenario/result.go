package scenario

// Result holds everything computed for one scenario. A disabled module's
// result is nil. Every number in a Result is finite; values that may not exist
// (a goal never reached, an unbounded amplification) are nil pointers.
type Result struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// BasedOn is a variant's base's id (omitted for a scenario of its own).
	BasedOn     string             `json:"basedOn,omitempty"`
	Horizon     int                `json:"horizonMonths"`
	Viral       *ViralResult       `json:"viral"`
	Sales       *SalesResult       `json:"sales"`
	Fulfillment *FulfillmentResult `json:"fulfillment"`
	Markets     *MarketsResult     `json:"markets"`
	Finance     *FinanceResult     `json:"finance"`
	Milestones  []Milestone        `json:"milestones"`
}

// K classes from the article.
const (
	ClassExponential = "exponential"
	ClassSustainable = "sustainable"
	ClassNeedsPaid   = "needs paid acquisition"
)

// ViralMonth is one month of the viral loop. Flows are summed over the
// month's cycles; Active and CumulativeSignups are at the month's end.
type ViralMonth struct {
	Month             int     `json:"month"`
	NewViral          float64 `json:"newViral"`
	NewPaid           float64 `json:"newPaid"`
	Churned           float64 `json:"churned"`
	Active            float64 `json:"active"`
	CumulativeSignups float64 `json:"cumulativeSignups"`
	PaidSpend         float64 `json:"paidSpend"`
}

// ViralCycle is one viral cycle n, at day n × cycleDays, in Month. KEff is
// the effective K that produced this cycle's viral users from the previous cycle.
type ViralCycle struct {
	N                 int     `json:"n"`
	Day               float64 `json:"day"`
	Month             int     `json:"month"`
	KEff              float64 `json:"kEff"`
	NewViral          float64 `json:"newViral"`
	NewPaid           float64 `json:"newPaid"`
	Churned           float64 `json:"churned"`
	Active            float64 `json:"active"`
	CumulativeSignups float64 `json:"cumulativeSignups"`
}

// ViralResult is the viral loop's outcome.
type ViralResult struct {
	K     float64 `json:"k"`
	Class string  `json:"class"`
	// Amplification is 1/(1−K) for K < 1, nil when unbounded.
	Amplification *float64 `json:"amplification"`
	// GoalMonth is the first month active users reach goalUsers, nil if never
	// (or no goal).
	GoalMonth *int `json:"goalMonth"`
	// EffectiveCAC is paid spend / all new users (viral + paid), nil without new users.
	EffectiveCAC   *float64     `json:"effectiveCAC"`
	TotalPaidSpend float64      `json:"totalPaidSpend"`
	Months         []ViralMonth `json:"months"`
	Cycles         []ViralCycle `json:"-"`
	// paid is scratch: paid users per cycle, kept for a FastEvaluator's next
	// compute.
	paid []float64
}

// StageEntry is the month a sales stage is first in force, nil if never.
type StageEntry struct {
	Stage string `json:"stage"`
	Month *int   `json:"month"`
}

// SalesMonth is one month of the sales team model.
type SalesMonth struct {
	Month    int     `json:"month"`
	Stage    string  `json:"stage"`
	StageIdx int     `json:"stageIndex"`
	ARR      float64 `json:"arr"`
	NewARR   float64 `json:"newARR"`
	// NewDeals is new ARR / average ACV: the deals closed that month.
	NewDeals   float64 `json:"newDeals"`
	FounderARR float64 `json:"founderARR"`
	AEs        int     `json:"aes"`
	SDRs       int     `json:"sdrs"`
	VP         int     `json:"vp"`
	Managers   int     `json:"managers"`
	Hires      int     `json:"hires"`
	RampedAEs  float64 `json:"rampedAEs"`
	Cost       float64 `json:"cost"`
}

// SalesResult is the sales team model's outcome.
type SalesResult struct {
	StageEntries   []StageEntry `json:"stageEntries"`
	Months         []SalesMonth `json:"months"`
	ARRAtHorizon   float64      `json:"arrAtHorizon"`
	HeadsAtHorizon Team         `json:"headsAtHorizon"`
	TotalCost      float64      `json:"totalCost"`
	// Efficiency is net new ARR / sales cost over the trailing quarter at
	// the horizon, nil when that cost is zero.
	Efficiency *float64 `json:"efficiency"`
	// NaiveAENeed is arrGoal / (quota × 12); RampAdjustedAENeed divides
	// arrGoal by the new ARR one AE seat books in its first 12 months after
	// ramp, attainment and backfilled attrition. Nil when quota is zero.
	NaiveAENeed        *float64 `json:"naiveAENeed"`
	RampAdjustedAENeed *float64 `json:"rampAdjustedAENeed"`
	// entryMonths and cohorts are scratch, kept for a FastEvaluator's next
	// compute: StageEntries' months point into entryMonths.
	entryMonths []int
	cohorts     AECohorts
}

// BreakEven is the order volume a month at which models From and To cost the same.
type BreakEven struct {
	From   string  `json:"from"`
	To     string  `json:"to"`
	Orders float64 `json:"orders"`
}

// FulfillmentMonth is one month of the fulfillment model. Model fields name
// models; Costs maps every model's name to its monthly cost at this volume
// (models over capacity are omitted).
type FulfillmentMonth struct {
	Month       int                `json:"month"`
	Orders      float64            `json:"orders"`
	Cheapest    string             `json:"cheapest"`
	Planned     string             `json:"planned"`
	RuleOfThumb string             `json:"ruleOfThumb"`
	Costs       map[string]float64 `json:"costs"`
	// Indexes into the scenario's models, for callers that prefer them.
	CheapestIdx    int     `json:"-"`
	PlannedIdx     int     `json:"-"`
	RuleOfThumbIdx int     `json:"-"`
	PlannedCost    float64 `json:"plannedCost"`
	RuleCost       float64 `json:"ruleOfThumbCostThisMonth"`
	// PlannedSetup and RuleSetup are the setup costs each plan pays this
	// month (when it adopts a model); the plans' totals include them.
	PlannedSetup float64 `json:"plannedSetup"`
	RuleSetup    float64 `json:"ruleOfThumbSetupThisMonth"`
}

// Switch is a month the recommended plan adopts a model.
type Switch struct {
	Month int    `json:"month"`
	Model string `json:"model"`
}

// FulfillmentResult is the fulfillment model's outcome.
type FulfillmentResult struct {
	BreakEvens []BreakEven `json:"breakEvens"`
	// TotalCost is the recommended plan's cost over the horizon, setup included.
	TotalCost float64 `json:"totalCost"`
	// RuleOfThumbCost is the rule-of-thumb plan's cost, setup included.
	RuleOfThumbCost float64            `json:"ruleOfThumbCost"`
	Savings         float64            `json:"savings"`
	Switches        []Switch           `json:"switches"`
	RuleSwitches    []Switch           `json:"ruleOfThumbSwitches"`
	Months          []FulfillmentMonth `json:"months"`
	scratch         fulfillmentScratch
}

// MarketScore is one market's place in the ranking.
type MarketScore struct {
	ID       string  `json:"id"`
	Name     string  `json:"name"`
	Total    float64 `json:"total"`
	Weighted float64 `json:"weighted"`
	Rank     int     `json:"rank"`
	Tied     bool    `json:"tied"`
}

// MarketsResult ranks the markets, best first.
type MarketsResult struct {
	Ranking []MarketScore `json:"ranking"`
	// Winner is the best market's name ("" without markets); WinnerTied says
	// another market shares its score.
	Winner     string `json:"winner"`
	WinnerTied bool   `json:"winnerTied"`
}

// Module names, as used in milestones and metrics.
const (
	ModuleViral       = "viral"
	ModuleSales       = "sales"
	ModuleFulfillment = "fulfillment"
	ModuleMarkets     = "markets"
)

// Milestone is a dated event of one module.
type Milestone struct {
	Month  int    `json:"month"`
	Module string `json:"module"`
	Text   string `json:"text"`
}

package scenario

import (
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"
)

// TestRegistryRows: the five modules, in dependency order, each with every
// func set and a name that is its field in the plan file.
func TestRegistryRows(t *testing.T) {
	var names []string
	for _, m := range Modules() {
		names = append(names, m.Name)
		v := reflect.ValueOf(m)
		for i := range v.NumField() {
			if f := v.Field(i); f.Kind() == reflect.Func && f.IsNil() {
				t.Errorf("module %s: %s is not set", m.Name, v.Type().Field(i).Name)
			}
		}
		if m.Title == "" {
			t.Errorf("module %s has no title", m.Name)
		}
		if len(m.Limits) == 0 {
			t.Errorf("module %s has no limits", m.Name)
		}
		for key, l := range m.Limits {
			if !strings.HasPrefix(key, m.Name+".") {
				t.Errorf("module %s lists the limit of %s", m.Name, key)
			}
			if got, ok := LimitOf(key); !ok || got != l {
				t.Errorf("LimitOf(%s) = %+v, %v; the row says %+v", key, got, ok, l)
			}
		}
		if _, ok := reflect.TypeOf(Scenario{}).FieldByNameFunc(func(f string) bool {
			sf, _ := reflect.TypeOf(Scenario{}).FieldByName(f)
			return sf.Tag.Get("json") == m.Name
		}); !ok {
			t.Errorf("module %s is not a field of the plan file's scenario", m.Name)
		}
	}
	if got := strings.Join(names, ","); got != "viral,sales,fulfillment,markets,finance" {
		t.Errorf("registry order %s", got)
	}
	if _, ok := ModuleNamed("sales"); !ok {
		t.Error("ModuleNamed(sales) not found")
	}
	if _, ok := ModuleNamed("nope"); ok {
		t.Error("ModuleNamed(nope) found")
	}
}

// TestRegistryRowsOwnTheirOutput: every metric and milestone a module
// contributes carries its name, and keys start with it.
func TestRegistryRowsOwnTheirOutput(t *testing.T) {
	p := NewPlan("t")
	s := &p.Scenarios[0]
	s.Markets.Markets = []Market{NewMarket("Germany", s.Markets.Factors)}
	r, err := Compute(s, p.Currency)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range Modules() {
		ms := m.Metrics(s, r)
		if len(ms) == 0 {
			t.Errorf("%s: no metrics", m.Name)
		}
		for _, x := range ms {
			if x.Module != m.Name || !strings.HasPrefix(x.Key, m.Name+".") {
				t.Errorf("%s: metric %s of module %s", m.Name, x.Key, x.Module)
			}
		}
		for _, x := range m.Milestones(s, r, p.Currency) {
			if x.Module != m.Name {
				t.Errorf("%s: milestone %q of module %s", m.Name, x.Text, x.Module)
			}
		}
		if len(m.Summary(s, r, p.Calendar(), p.Currency)) == 0 {
			t.Errorf("%s: no summary", m.Name)
		}
		if len(m.Summary(s, &Result{}, p.Calendar(), p.Currency)) != 0 || len(m.Milestones(s, &Result{}, p.Currency)) != 0 {
			t.Errorf("%s: summary or milestones without a result", m.Name)
		}
	}
}

// probe is one more module plugged into the registry for a test: it reads
// the viral and fulfillment results, fails on request and has one metric.
type probe struct {
	on        bool
	sawViral  float64
	sawOrders float64
	computed  int
	fail      error
}

func (p *probe) row() Module {
	return Module{
		Name: "probe", Title: "Probe",
		Enabled:  func(*Scenario) bool { return p.on },
		Defaults: func(s *Scenario) { s.Notes = "probed" },
		Clone:    func(*Scenario) {},
		Validate: func(c *checker, s *Scenario) {
			if s.Notes == "bad" {
				c.fail("level", "must not be bad")
			}
		},
		Compute: func(s *Scenario, r *Result) error {
			p.computed++
			if r.Viral != nil {
				p.sawViral = r.Viral.Months[len(r.Viral.Months)-1].Active
			}
			if r.Fulfillment != nil {
				p.sawOrders = r.Fulfillment.Months[0].Orders
			}
			return p.fail
		},
		Milestones: func(*Scenario, *Result, string) []Milestone {
			return []Milestone{{Month: 2, Module: "probe", Text: "probed"}}
		},
		Metrics: func(*Scenario, *Result) []Metric {
			return []Metric{{Key: "probe.level", Module: "probe", Label: "Level", Unit: UnitCount, Value: 7, OK: p.on}}
		},
		Summary: func(*Scenario, *Result, Calendar, string) []string { return nil },
	}
}

// plug adds a probe to the registry until the test ends.
func plug(t *testing.T) *probe {
	p := &probe{on: true}
	saved := modules
	modules = append(append([]Module(nil), modules...), p.row())
	t.Cleanup(func() { modules = saved })
	return p
}

// TestRegistryPlugsInANewModule: a row added to the registry is
// defaulted, validated at its own path, computed after the modules it reads,
// and its milestones and metrics join the others, without other edits.
func TestRegistryPlugsInANewModule(t *testing.T) {
	pr := plug(t)
	s := NewScenario("Base")
	if s.Notes != "probed" {
		t.Errorf("defaults not applied: notes %q", s.Notes)
	}
	r, err := Compute(&s, "USD")
	if err != nil {
		t.Fatal(err)
	}
	if pr.computed != 1 || pr.sawViral != r.Viral.Months[len(r.Viral.Months)-1].Active || pr.sawOrders != 40 {
		t.Errorf("probe computed %d times, saw %v active users and %v orders", pr.computed, pr.sawViral, pr.sawOrders)
	}
	ms := Metrics(&s, r)
	if last := ms[len(ms)-1]; last.Key != "probe.level" || last.Value != 7 {
		t.Errorf("last metric %+v", last)
	}
	found := false
	for i, m := range r.Milestones {
		if m.Module == "probe" {
			found = true
			if i > 0 && r.Milestones[i-1].Month > 2 || i+1 < len(r.Milestones) && r.Milestones[i+1].Month < 2 {
				t.Errorf("probe milestone out of month order: %+v", r.Milestones)
			}
		}
	}
	if !found {
		t.Error("no probe milestone")
	}

	s.Notes = "bad"
	errs := ValidateScenario(&s, "scenarios[3]")
	if len(errs) != 1 || errs[0].Path != "scenarios[3].probe.level" {
		t.Errorf("validation: %v", errs)
	}

	s.Notes = ""
	pr.fail = errors.New("cannot probe")
	errs = ValidateScenario(&s, "scenarios[1]")
	if len(errs) != 1 || errs[0].Error() != "scenarios[1].probe: cannot probe" {
		t.Errorf("compute failure: %v", errs)
	}
	pr.fail = FieldError{Path: "level", Msg: "too deep"}
	if _, err := Compute(&s, "USD"); err == nil || err.Error() != "probe.level: too deep" {
		t.Errorf("located compute failure: %v", err)
	}

	pr.on, pr.fail, pr.computed = false, nil, 0
	r, err = Compute(&s, "USD")
	if err != nil || pr.computed != 0 {
		t.Fatalf("probe off: computed %d times, %v", pr.computed, err)
	}
	if m := Metrics(&s, r); m[len(m)-1].OK {
		t.Error("a switched-off module's metric is OK")
	}
}

// TestMetricKeysAndDirections: the exported keys are the ones Metrics
// returns, and the direction a reader should want each to move.
func TestMetricKeysAndDirections(t *testing.T) {
	s := NewScenario("Base")
	s.Markets.Markets = []Market{NewMarket("Germany", s.Markets.Factors)}
	r, err := Compute(&s, "USD")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]Better{}
	for _, m := range Metrics(&s, r) {
		got[m.Key] = m.Better
	}
	for key, want := range map[string]Better{
		MetricViralK: BetterHigher, MetricViralClass: BetterNone, MetricViralActive12: BetterHigher,
		MetricViralActive24: BetterHigher, MetricViralActiveHorizon: BetterHigher, MetricViralCumulative: BetterHigher,
		MetricViralPaidSpend: BetterLower, MetricSalesARR12: BetterHigher, MetricSalesARR24: BetterHigher,
		MetricSalesARRHorizon: BetterHigher, MetricSalesStage: BetterNone, MetricSalesHeads: BetterNone,
		MetricSalesCost: BetterLower, SalesStageEntryKey("Founder Sales"): BetterLower,
		MetricFulfillmentOrders: BetterHigher, MetricFulfillmentModel: BetterNone, MetricFulfillmentCost: BetterLower,
		MetricFulfillmentSavings: BetterHigher, MetricMarketsTop: BetterNone, MetricMarketsScore: BetterHigher,
		MetricFinanceCashHorizon: BetterHigher, MetricFinanceCashNeeded: BetterLower, MetricFinanceBurnMultiple: BetterLower,
	} {
		b, ok := got[key]
		if !ok {
			t.Errorf("Metrics has no %s", key)
		} else if b != want {
			t.Errorf("%s: better %q, want %q", key, b, want)
		}
	}
	if st, ok := StageOfEntryKey(SalesStageEntryKey("Scale Sales Machine")); !ok || st != "Scale Sales Machine" {
		t.Errorf("StageOfEntryKey round trip: %q %v", st, ok)
	}
	if _, ok := StageOfEntryKey(MetricSalesStage); ok {
		t.Error("sales.stage is not a stage entry")
	}
}

// TestModelArithmetic checks the helpers export/ calls, against values
// worked out by hand.
func TestModelArithmetic(t *testing.T) {
	near := func(name string, got, want float64) {
		t.Helper()
		if math.Abs(got-want) > 1e-12 {
			t.Errorf("%s = %.15g, want %.15g", name, got, want)
		}
	}
	v := Viral{MonthlyChurn: 0.19, CycleDays: DaysPerMonth / 2, PaidUsersPerMonth: 300, PaidCAC: 25}
	near("churn per half-month cycle", v.ChurnPerCycle(), 0.1) // 1 − √0.81
	near("paid in the 2nd half-month cycle", v.PaidInCycles(2)[2], 150)
	near("paid spend a month", v.PaidSpendPerMonth(), 7500)
	v.CycleDays = DaysPerMonth
	near("churn per month-long cycle", v.ChurnPerCycle(), 0.19)
	near("monthly NRR of 1.1", Sales{AnnualNetRevenueRetention: 1.1}.MonthlyNRR(), 1.0079741404289038)
	near("monthly NRR of 0.9^12", Sales{AnnualNetRevenueRetention: math.Pow(0.9, 12)}.MonthlyNRR(), 0.9)
	near("3PL per order at 100 orders", FulfillmentModel{FixedMonthly: 300, PerOrder: 5}.CostPerOrder(100), 8)
	for _, c := range []struct {
		k, ramp int
		want    float64
	}{{1, 4, 0.25}, {3, 4, 0.75}, {4, 4, 1}, {9, 4, 1}, {1, 0, 1}, {1, 1, 1}} {
		near("ramp share", RampShare(c.k, c.ramp), c.want)
	}
}

// TestAECohorts: one seat hired into a two-month ramp with 10% monthly
// attrition, backfilled at once (worked by hand), and a ramp of 0.
func TestAECohorts(t *testing.T) {
	near := func(name string, got, want float64) {
		t.Helper()
		if math.Abs(got-want) > 1e-12 {
			t.Errorf("%s = %.15g, want %.15g", name, got, want)
		}
	}
	c := NewAECohorts(2, 0)
	c.Hire(1)
	near("month 1 productive", c.Productive(), 0.5)
	c.Advance(0.1) // 1 → tenure 2; 0.1 leaves and is backfilled at tenure 1
	near("tenure 1", c.Tenure(1), 0.1)
	near("tenure 2", c.Tenure(2), 0.9)
	near("month 2 productive", c.Productive(), 0.1*0.5+0.9)
	c.Advance(0.1) // 0.9 ramps, 0.1 → tenure 2; 10% of each leaves
	near("ramped", c.Ramped(), 0.81)
	near("tenure 2, month 3", c.Tenure(2), 0.09)
	near("tenure 1, month 3", c.Tenure(1), 0.1)
	near("tenure 3 is past the ramp", c.Tenure(3), 0)

	z := NewAECohorts(0, 10)
	z.Advance(0.2)
	z.Hire(1)
	near("no ramp: ramped", z.Ramped(), 8)
	near("no ramp: tenure 1", z.Tenure(1), 3)
	near("no ramp: productive", z.Productive(), 11)
}

// TestCurrencyTable: one table, the union of the copies it replaced.
func TestCurrencyTable(t *testing.T) {
	for code, want := range map[string]string{"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "CAD": "CA$", "AUD": "A$"} {
		if got, ok := CurrencySymbol(code); !ok || got != want {
			t.Errorf("CurrencySymbol(%s) = %q, %v", code, got, ok)
		}
	}
	if _, ok := CurrencySymbol("CHF"); ok {
		t.Error("CHF has a symbol; it is written as a code")
	}
	if got := FormatMoney(-1500, "CAD"); got != "-CA$1,500" {
		t.Errorf("FormatMoney CAD = %q", got)
	}
	for text, want := range map[string]float64{"CA$25": 25, "A$1.5k": 1500, "$3": 3} {
		if got, err := ParseNumber(text, false); err != nil || got != want {
			t.Errorf("ParseNumber(%q) = %v, %v", text, got, err)
		}
	}
}

// TestFormatMoneyCents: amounts under 100 keep cents, larger ones are whole
// (moved here from the CLI's money2 with the report's summaries).
func TestFormatMoneyCents(t *testing.T) {
	for v, want := range map[float64]string{2.5: "$2.50", 99.99: "$99.99", 100: "$100", 1234.56: "$1,235"} {
		if got := FormatMoneyCents(v, "USD"); got != want {
			t.Errorf("FormatMoneyCents(%v) = %q, want %q", v, got, want)
		}
	}
}

package scenario

import (
	"math"
	"math/rand/v2"
	"testing"
)

func TestBreakEvensAnalytic(t *testing.T) {
	got := BreakEvens(DefaultModels())
	// fixed difference / per-order difference, by hand:
	want := []BreakEven{
		{"Self-fulfillment", "3PL", 300.0 / 3},            // (300 − 0) / (8 − 5)
		{"Self-fulfillment", "Own warehouse", 3300.0 / 6}, // (3300 − 0) / (8 − 2)
		{"3PL", "Own warehouse", 3000.0 / 3},              // (3300 − 300) / (5 − 2)
	}
	if len(got) != len(want) {
		t.Fatalf("got %d break-evens %+v, want %d", len(got), got, len(want))
	}
	for i := range want {
		if got[i].From != want[i].From || got[i].To != want[i].To || !near(got[i].Orders, want[i].Orders, 1e-12) {
			t.Errorf("break-even %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	none := []FulfillmentModel{
		{Name: "A", FixedMonthly: 100, PerOrder: 5},
		{Name: "B", FixedMonthly: 200, PerOrder: 5}, // parallel: never equal
		{Name: "C", FixedMonthly: 300, PerOrder: 6}, // dearer in both: no positive break-even with A or B
	}
	if got := BreakEvens(none); len(got) != 0 {
		t.Errorf("no positive break-evens expected, got %+v", got)
	}
}

func TestRuleOfThumbIndex(t *testing.T) {
	f := Fulfillment{Models: DefaultModels(), RuleOfThumb: DefaultRuleOfThumb()}
	for _, c := range []struct {
		orders float64
		want   int
	}{{0, 0}, {99.9, 0}, {100, 1}, {999, 1}, {1000, 2}, {1e6, 2}} {
		if got := f.RuleOfThumbIndex(c.orders); got != c.want {
			t.Errorf("RuleOfThumbIndex(%v) = %d, want %d", c.orders, got, c.want)
		}
	}
}

func manualFulfillment(models []FulfillmentModel, start, growth float64) Fulfillment {
	return Fulfillment{Enabled: true, Models: models, RuleOfThumb: DefaultRuleOfThumb(),
		Volume: Volume{Source: VolumeManual, StartOrdersPerMonth: start, MonthlyGrowth: growth}}
}

func TestFulfillmentVolumesAndCosts(t *testing.T) {
	f := manualFulfillment(DefaultModels(), 40, 0.1)
	r, err := ComputeFulfillment(f, 3, nil)
	if err != nil {
		t.Fatal(err)
	}
	for m, want := range []float64{40, 44, 48.4} {
		if got := r.Months[m].Orders; !near(got, want, 1e-12) {
			t.Errorf("month %d orders = %v, want %v", m+1, got, want)
		}
	}
	// at 48.4 orders: self 387.2, 3PL 300 + 242 = 542, warehouse 3300 + 96.8
	c := r.Months[2].Costs
	if !near(c["Self-fulfillment"], 387.2, 1e-12) || !near(c["3PL"], 542, 1e-12) || !near(c["Own warehouse"], 3396.8, 1e-12) {
		t.Errorf("month 3 costs = %v", c)
	}
	if r.Months[2].Cheapest != "Self-fulfillment" {
		t.Errorf("cheapest at 48 orders = %s", r.Months[2].Cheapest)
	}
	// self-fulfillment's capacity is 1,500 orders: above it, it is not a choice
	r, err = ComputeFulfillment(manualFulfillment(DefaultModels(), 2000, 0), 1, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := r.Months[0].Costs["Self-fulfillment"]; ok {
		t.Errorf("over capacity, self-fulfillment has a cost: %v", r.Months[0].Costs)
	}
}

func TestFulfillmentViralVolume(t *testing.T) {
	v := &ViralResult{Months: []ViralMonth{{Month: 1, Active: 1000}, {Month: 2, Active: 2500}}}
	f := manualFulfillment(DefaultModels(), 0, 0)
	f.Volume = Volume{Source: VolumeViral, OrdersPerActiveUser: 0.1}
	r, err := ComputeFulfillment(f, 2, v)
	if err != nil {
		t.Fatal(err)
	}
	if r.Months[0].Orders != 100 || r.Months[1].Orders != 250 {
		t.Errorf("orders = %v, %v; want 100, 250", r.Months[0].Orders, r.Months[1].Orders)
	}
}

// TestOptimalPlanBeatsGreedy: the cheapest model each month is not the
// cheapest plan once switching costs a setup fee.
func TestOptimalPlanBeatsGreedy(t *testing.T) {
	models := []FulfillmentModel{
		{Name: "A", PerOrder: 10},
		{Name: "B", FixedMonthly: 500, PerOrder: 5, SetupCost: 900},
	}
	orders := []float64{50, 120, 50}
	// by hand: greedy A,B,A = 500 + (900 + 1100) + 500 = 3000; all A = 500 + 1200 + 500 = 2200
	plan := optimalPlan(models, orders)
	if plan[0] != 0 || plan[1] != 0 || plan[2] != 0 {
		t.Errorf("plan = %v, want all A", plan)
	}
	if total, _ := planCost(models, orders, plan); total != 2200 {
		t.Errorf("plan cost = %v, want 2200", total)
	}
	// a long enough stretch of high volume pays the setup back:
	// A,B,B,B,A = 500 + 900 + 3 × 1500 + 500 = 6400 < all A 500 + 3 × 2000 + 500 = 7000
	orders = []float64{50, 200, 200, 200, 50}
	plan = optimalPlan(models, orders)
	if want := []int{0, 1, 1, 1, 0}; !equalInts(plan, want) {
		t.Errorf("plan = %v, want %v", plan, want)
	}
	if total, sw := planCost(models, orders, plan); total != 6400 || len(sw) != 3 {
		t.Errorf("cost %v, switches %v; want 6400 and 3 adoptions", total, sw)
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestOptimalPlanMatchesBruteForce checks the dynamic programme against
// every possible plan on small random instances.
func TestOptimalPlanMatchesBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 200; trial++ {
		n, h := 2+rng.IntN(2), 1+rng.IntN(6)
		models := make([]FulfillmentModel, n)
		for j := range models {
			models[j] = FulfillmentModel{Name: string(rune('A' + j)), FixedMonthly: float64(rng.IntN(2000)),
				PerOrder: float64(1 + rng.IntN(10)), SetupCost: float64(rng.IntN(5000))}
			if rng.IntN(4) == 0 {
				models[j].Capacity = float64(100 + rng.IntN(900))
			}
		}
		models[n-1].Capacity = 0 // one model can always ship
		orders := make([]float64, h)
		for m := range orders {
			orders[m] = float64(rng.IntN(3000))
		}
		got, _ := planCost(models, orders, optimalPlan(models, orders))
		if best := bruteForce(models, orders); !near(got, best, 1e-12) {
			t.Fatalf("trial %d: DP cost %v, brute force %v (models %+v, orders %v)", trial, got, best, models, orders)
		}
	}
}

func bruteForce(models []FulfillmentModel, orders []float64) float64 {
	best := math.Inf(1)
	plan := make([]int, len(orders))
	var walk func(m int)
	walk = func(m int) {
		if m == len(orders) {
			if c, _ := planCost(models, orders, plan); c < best {
				best = c
			}
			return
		}
		for j := range models {
			if models[j].Feasible(orders[m]) {
				plan[m] = j
				walk(m + 1)
			}
		}
	}
	walk(0)
	return best
}

// TestRecommendedPlanNeverCostsMore than the rule of thumb or any single
// model, on the default models across many growth paths.
func TestRecommendedPlanNeverCostsMore(t *testing.T) {
	for _, start := range []float64{5, 40, 90, 400, 1200} {
		for _, g := range []float64{-0.05, 0, 0.05, 0.15, 0.3} {
			f := manualFulfillment(DefaultModels(), start, g)
			r, err := ComputeFulfillment(f, 36, nil)
			if err != nil {
				t.Fatal(err)
			}
			if r.TotalCost > r.RuleOfThumbCost+1e-6 {
				t.Errorf("start %v growth %v: plan %v > rule of thumb %v", start, g, r.TotalCost, r.RuleOfThumbCost)
			}
			if !near(r.Savings, r.RuleOfThumbCost-r.TotalCost, 1e-12) {
				t.Errorf("savings %v ≠ rule − plan", r.Savings)
			}
			for j, md := range f.Models {
				single := md.SetupCost
				feasible := true
				for _, m := range r.Months {
					feasible = feasible && md.Feasible(m.Orders)
					single += md.Cost(m.Orders)
				}
				if feasible && r.TotalCost > single+1e-6 {
					t.Errorf("start %v growth %v: plan %v > only %s %v", start, g, r.TotalCost, f.Models[j].Name, single)
				}
			}
		}
	}
}

func TestRulePlanSkipsModelsOverCapacity(t *testing.T) {
	models := DefaultModels()
	models[1].Capacity = 500 // a small 3PL
	f := manualFulfillment(models, 600, 0)
	r, err := ComputeFulfillment(f, 2, nil)
	if err != nil {
		t.Fatal(err)
	}
	if r.Months[0].RuleOfThumb != "Own warehouse" {
		t.Errorf("rule of thumb says 3PL but it is full: got %s, want the next model up", r.Months[0].RuleOfThumb)
	}
}

func TestFulfillmentNoModelCanShip(t *testing.T) {
	models := []FulfillmentModel{{Name: "Tiny", PerOrder: 1, Capacity: 100}}
	if _, err := ComputeFulfillment(manualFulfillment(models, 200, 0), 3, nil); err == nil {
		t.Fatal("want an error when no model has the capacity")
	}
}

// The DP pays a model's setup each time it is adopted, also on re-adoption.
// A: 10/order, no setup. B: 100 a month flat. Orders 20, 0, 20:
// A costs 200, 0, 200; B costs 100, 100, 100.
func TestOptimalPlanReadoptionPaysSetupTwice(t *testing.T) {
	orders := []float64{20, 0, 20}
	for _, c := range []struct {
		setup float64
		plan  []int
		total float64
	}{
		// setup 95: BBB 395, BAB 95+100+0+95+100 = 390, AAA 400, BAA/AAB 395 → BAB
		{95, []int{1, 0, 1}, 390},
		// setup 105: BBB 405, BAB 410, BAA/AAB 405, AAA 400 → AAA
		// (if re-adoption were free BAB would cost 305 and win)
		{105, []int{0, 0, 0}, 400},
	} {
		models := []FulfillmentModel{
			{Name: "A", PerOrder: 10},
			{Name: "B", FixedMonthly: 100, SetupCost: c.setup},
		}
		plan := optimalPlan(models, orders)
		for m := range plan {
			if plan[m] != c.plan[m] {
				t.Fatalf("setup %v: plan %v, want %v", c.setup, plan, c.plan)
			}
		}
		if total, _ := planCost(models, orders, plan); !near(total, c.total, 1e-12) {
			t.Errorf("setup %v: total %v, want %v", c.setup, total, c.total)
		}
	}
}

// Capacity forces a switch the rule of thumb makes earlier: A is free to
// run but ships at most 100 orders; B costs 500 a month and 1,000 to set up.
// Orders 50 × 2^(m−1): 50, 100, 200, 400.
func TestFulfillmentCapacityForcedSwitch(t *testing.T) {
	f := Fulfillment{Enabled: true,
		Volume: Volume{Source: VolumeManual, StartOrdersPerMonth: 50, MonthlyGrowth: 1},
		Models: []FulfillmentModel{
			{Name: "A", PerOrder: 1, Capacity: 100},
			{Name: "B", FixedMonthly: 500, PerOrder: 1, SetupCost: 1000},
		},
		RuleOfThumb: []float64{60},
	}
	r, err := ComputeFulfillment(f, 4, nil)
	if err != nil {
		t.Fatal(err)
	}
	// optimal: A A B B = 50 + 100 + 1000 + 700 + 900 = 2750
	// rule (≥ 60 → B): A B B B = 50 + 1000 + 600 + 700 + 900 = 3250
	if !near(r.TotalCost, 2750, 1e-12) || !near(r.RuleOfThumbCost, 3250, 1e-12) || !near(r.Savings, 500, 1e-12) {
		t.Errorf("costs: plan %v rule %v savings %v, want 2750, 3250, 500", r.TotalCost, r.RuleOfThumbCost, r.Savings)
	}
	wantPlanned := []string{"A", "A", "B", "B"}
	wantRule := []string{"A", "B", "B", "B"}
	wantCheapest := []string{"A", "A", "B", "B"} // m2: A 100 < B 600; m3: A over capacity
	for m := range 4 {
		g := r.Months[m]
		if g.Planned != wantPlanned[m] || g.RuleOfThumb != wantRule[m] || g.Cheapest != wantCheapest[m] {
			t.Errorf("month %d planned %s rule %s cheapest %s, want %s %s %s", m+1, g.Planned, g.RuleOfThumb, g.Cheapest, wantPlanned[m], wantRule[m], wantCheapest[m])
		}
	}
	if _, ok := r.Months[2].Costs["A"]; ok {
		t.Errorf("month 3: A is over capacity and must not be costed: %v", r.Months[2].Costs)
	}
	if c, ok := r.Months[1].Costs["A"]; !ok || c != 100 { // exactly at capacity: feasible
		t.Errorf("month 2: A at exactly its capacity costs %v (%v), want 100", c, ok)
	}
	if len(r.Switches) != 2 || r.Switches[1] != (Switch{Month: 3, Model: "B"}) {
		t.Errorf("switches %+v, want A at 1, B at 3", r.Switches)
	}
	if len(r.RuleSwitches) != 2 || r.RuleSwitches[1] != (Switch{Month: 2, Model: "B"}) {
		t.Errorf("rule switches %+v, want A at 1, B at 2", r.RuleSwitches)
	}
	if len(r.BreakEvens) != 0 { // same per-order cost: parallel lines
		t.Errorf("break-evens %+v, want none", r.BreakEvens)
	}
}

// Rule of thumb with custom thresholds: a volume at a threshold takes the
// next model up; fewer thresholds than models − 1 never reach the top ones.
func TestRuleOfThumbCustomThresholds(t *testing.T) {
	f := Fulfillment{Models: DefaultModels(), RuleOfThumb: []float64{50, 500}}
	for _, c := range []struct {
		orders float64
		want   int
	}{{0, 0}, {49.999, 0}, {50, 1}, {499.999, 1}, {500, 2}, {1e9, 2}} {
		if got := f.RuleOfThumbIndex(c.orders); got != c.want {
			t.Errorf("[50, 500]: index(%v) = %d, want %d", c.orders, got, c.want)
		}
	}
	f.RuleOfThumb = []float64{250}
	for _, c := range []struct {
		orders float64
		want   int
	}{{249.9, 0}, {250, 1}, {1e9, 1}} {
		if got := f.RuleOfThumbIndex(c.orders); got != c.want {
			t.Errorf("[250]: index(%v) = %d, want %d", c.orders, got, c.want)
		}
	}
	f.RuleOfThumb = nil
	if got := f.RuleOfThumbIndex(1e9); got != 0 {
		t.Errorf("no thresholds: index = %d, want 0", got)
	}
}

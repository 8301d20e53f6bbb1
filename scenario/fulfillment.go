package scenario

import (
	"errors"
	"fmt"
	"math"
	"slices"
)

// ErrOverCapacity marks a month no fulfillment model has the capacity for.
var ErrOverCapacity = errors.New("no fulfillment model can ship")

// MaxOrders bounds the monthly order volume the fulfillment model accepts.
const MaxOrders = 1e12

// Orders is the fulfillment volume in month m (1-based): manual growth, or
// orders per active user times the viral loop's active users that month.
func (f Fulfillment) Orders(m int, viral *ViralResult) float64 {
	if f.Volume.Source == VolumeViral {
		if viral == nil || m < 1 || m > len(viral.Months) {
			return 0
		}
		return f.Volume.OrdersPerActiveUser * viral.Months[m-1].Active
	}
	return f.Volume.StartOrdersPerMonth * math.Pow(1+f.Volume.MonthlyGrowth, float64(m-1))
}

// RuleOfThumbIndex maps a monthly volume to the article's model: the number
// of thresholds at or below the volume (0–100 → 0, 100–1,000 → 1, 1,000+ → 2).
func (f Fulfillment) RuleOfThumbIndex(orders float64) int {
	i := 0
	for _, t := range f.RuleOfThumb {
		if orders >= t {
			i++
		}
	}
	return min(i, len(f.Models)-1)
}

// BreakEvens returns, for every pair of models i < j, the volume at which
// their monthly costs are equal, where it is positive.
func BreakEvens(models []FulfillmentModel) []BreakEven { return breakEvens([]BreakEven{}, models) }

// breakEvens is BreakEvens appended to out.
func breakEvens(out []BreakEven, models []FulfillmentModel) []BreakEven {
	for i := range models {
		for j := i + 1; j < len(models); j++ {
			a, b := models[i], models[j]
			dp := a.PerOrder - b.PerOrder
			if dp == 0 {
				continue
			}
			v := (b.FixedMonthly - a.FixedMonthly) / dp
			if v > 0 && !math.IsInf(v, 0) {
				out = append(out, BreakEven{From: a.Name, To: b.Name, Orders: v})
			}
		}
	}
	return out
}

// fulfillmentScratch is what the fulfillment model computes with besides its
// result, kept for a FastEvaluator's next compute.
type fulfillmentScratch struct {
	// manual is the manual volume (start, growth) orders holds, when
	// manualOK: a FastEvaluator whose volume is not drawn computes it once.
	manual           [2]float64
	manualOK         bool
	orders, planCost []float64
	plan, rule       []int
	planFrom         []int
}

// ComputeFulfillment costs every model along the volume path, finds the
// cheapest model per month, the rule-of-thumb plan and the cost-optimal
// switching plan (docs/MODELS.md §3). viral is the scenario's viral result, used
// when the volume source is "viral". f must be valid.
func ComputeFulfillment(f Fulfillment, horizon int, viral *ViralResult) (*FulfillmentResult, error) {
	return computeFulfillment(nil, f, horizon, viral)
}

// computeFulfillment is ComputeFulfillment into r's storage, which it
// reuses when r is not nil (a FastEvaluator's result from its previous
// compute): its months' cost maps among it.
func computeFulfillment(r *FulfillmentResult, f Fulfillment, horizon int, viral *ViralResult) (*FulfillmentResult, error) {
	if r == nil {
		r = &FulfillmentResult{BreakEvens: []BreakEven{}}
	}
	months := slices.Grow(r.Months, horizon)[:horizon]
	*r = FulfillmentResult{BreakEvens: breakEvens(r.BreakEvens[:0], f.Models), Months: months,
		Switches: r.Switches[:0], RuleSwitches: r.RuleSwitches[:0], scratch: r.scratch}
	sc := &r.scratch
	orders, err := sc.volume(f, horizon, viral)
	if err != nil {
		return nil, err
	}
	for m := 1; m <= horizon; m++ {
		costs := r.Months[m-1].Costs
		if costs == nil {
			costs = make(map[string]float64, len(f.Models))
		}
		clear(costs)
		fm := FulfillmentMonth{Month: m, Orders: orders[m-1], Costs: costs, CheapestIdx: -1}
		best := math.Inf(1)
		for j, md := range f.Models {
			if !md.Feasible(orders[m-1]) {
				continue
			}
			c := md.Cost(orders[m-1])
			fm.Costs[md.Name] = c
			if c < best {
				best, fm.CheapestIdx = c, j
			}
		}
		if fm.CheapestIdx < 0 {
			return nil, fmt.Errorf("month %d: %w %s orders (every model's capacity is lower)", m, ErrOverCapacity, FormatCount(orders[m-1]))
		}
		fm.Cheapest = f.Models[fm.CheapestIdx].Name
		r.Months[m-1] = fm
	}
	plan := sc.optimalPlan(f.Models, orders)
	rule := rulePlanInto(sc.rule, f, orders)
	sc.rule = rule
	r.TotalCost, r.Switches = planCostInto(r.Switches, f.Models, orders, plan)
	r.RuleOfThumbCost, r.RuleSwitches = planCostInto(r.RuleSwitches, f.Models, orders, rule)
	r.Savings = r.RuleOfThumbCost - r.TotalCost
	for m := range r.Months {
		fm := &r.Months[m]
		fm.PlannedIdx, fm.RuleOfThumbIdx = plan[m], rule[m]
		fm.Planned, fm.RuleOfThumb = f.Models[plan[m]].Name, f.Models[rule[m]].Name
		fm.PlannedCost = f.Models[plan[m]].Cost(orders[m])
		fm.RuleCost = f.Models[rule[m]].Cost(orders[m])
		fm.PlannedSetup = setupPaid(f.Models, plan, m)
		fm.RuleSetup = setupPaid(f.Models, rule, m)
	}
	return r, nil
}

// volume returns the orders of months 1..horizon (index m−1) in
// sc.orders, computing a manual volume only when its inputs changed.
func (sc *fulfillmentScratch) volume(f Fulfillment, horizon int, viral *ViralResult) ([]float64, error) {
	manual := [2]float64{f.Volume.StartOrdersPerMonth, f.Volume.MonthlyGrowth}
	if f.Volume.Source != VolumeViral && sc.manualOK && sc.manual == manual && len(sc.orders) == horizon {
		return sc.orders, nil
	}
	sc.manualOK = false
	orders := slices.Grow(sc.orders[:0], horizon)[:horizon]
	sc.orders = orders
	for m := 1; m <= horizon; m++ {
		orders[m-1] = f.Orders(m, viral)
		if !(orders[m-1] <= MaxOrders) {
			return nil, fmt.Errorf("month %d: orders pass %g a month; lower the growth", m, MaxOrders)
		}
	}
	sc.manual, sc.manualOK = manual, f.Volume.Source != VolumeViral
	return orders, nil
}

// setupPaid is the setup cost a plan pays in month index m: its model's
// setup in the first month and whenever it adopts another model.
func setupPaid(models []FulfillmentModel, plan []int, m int) float64 {
	if m == 0 || plan[m-1] != plan[m] {
		return models[plan[m]].SetupCost
	}
	return 0
}

// optimalPlan chooses a model per month minimising the total of monthly costs
// plus each adopted model's setup cost, by dynamic programming over
// months × models. Ties keep the current model, then the lower index.
func optimalPlan(models []FulfillmentModel, orders []float64) []int {
	return (&fulfillmentScratch{}).optimalPlan(models, orders)
}

// optimalPlan is the package's optimalPlan in sc's storage; the plan
// returned is sc.plan.
func (sc *fulfillmentScratch) optimalPlan(models []FulfillmentModel, orders []float64) []int {
	h, n := len(orders), len(models)
	if h == 0 {
		return nil
	}
	// cost[m*n+j] is the cheapest total to month m ending in model j, and
	// from[m*n+j] the model of month m−1 on that path.
	cost := slices.Grow(sc.planCost[:0], h*n)[:h*n]
	from := slices.Grow(sc.planFrom[:0], h*n)[:h*n]
	sc.planCost, sc.planFrom = cost, from
	for m := range h {
		for j, md := range models {
			run := math.Inf(1)
			if md.Feasible(orders[m]) {
				run = md.Cost(orders[m])
			}
			if m == 0 {
				cost[j], from[j] = md.SetupCost+run, -1
				continue
			}
			prev := cost[(m-1)*n : m*n]
			best, arg := prev[j], j
			for i := range n {
				if c := prev[i] + md.SetupCost; c < best {
					best, arg = c, i
				}
			}
			cost[m*n+j], from[m*n+j] = best+run, arg
		}
	}
	end := 0
	last := cost[(h-1)*n:]
	for j := range n {
		if last[j] < last[end] {
			end = j
		}
	}
	plan := slices.Grow(sc.plan[:0], h)[:h]
	sc.plan = plan
	for m := h - 1; m >= 0; m-- {
		plan[m] = end
		end = from[m*n+end]
	}
	return plan
}

// rulePlan follows the rule of thumb; in a month its model is over capacity
// it takes the next feasible model up (or, failing that, down).
func rulePlan(f Fulfillment, orders []float64) []int { return rulePlanInto(nil, f, orders) }

// rulePlanInto is rulePlan in plan's storage.
func rulePlanInto(plan []int, f Fulfillment, orders []float64) []int {
	plan = slices.Grow(plan[:0], len(orders))[:len(orders)]
	for m, v := range orders {
		j := f.RuleOfThumbIndex(v)
		plan[m] = nearestFeasible(f.Models, j, v)
	}
	return plan
}

func nearestFeasible(models []FulfillmentModel, j int, v float64) int {
	for i := j; i < len(models); i++ {
		if models[i].Feasible(v) {
			return i
		}
	}
	for i := j - 1; i >= 0; i-- {
		if models[i].Feasible(v) {
			return i
		}
	}
	return j
}

// planCost totals a plan's monthly costs and the setup cost of every model
// it adopts (month 1 included), and lists those adoptions.
func planCost(models []FulfillmentModel, orders []float64, plan []int) (float64, []Switch) {
	return planCostInto(nil, models, orders, plan)
}

// planCostInto is planCost appending the adoptions to sw.
func planCostInto(sw []Switch, models []FulfillmentModel, orders []float64, plan []int) (float64, []Switch) {
	var total float64
	for m, j := range plan {
		if m == 0 || plan[m-1] != j {
			total += models[j].SetupCost
			sw = append(sw, Switch{Month: m + 1, Model: models[j].Name})
		}
		total += models[j].Cost(orders[m])
	}
	return total, sw
}

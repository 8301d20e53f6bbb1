package chart

import (
	"hash/fnv"
	"sort"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"scaleplan/scenario"
)

// series extracts one compare panel's line from a scenario's result; ok is
// false when the module is off there.
type series func(s *scenario.Scenario, r *scenario.Result) (xys plotter.XYs, ok bool)

// compared returns the indexes overlaid: Input.Compare, or every scenario
// with the one shown first.
func (c *ctx) compared() []int {
	if len(c.in.Compare) > 0 {
		return c.in.Compare
	}
	idx := []int{c.in.Scenario}
	for i := range c.in.Plan.Scenarios {
		if i != c.in.Scenario {
			idx = append(idx, i)
		}
	}
	return idx
}

// compareDashes tell overlaid scenarios apart where their lines coincide:
// the baseline is solid, the others dashed, each differently.
var compareDashes = [][]vg.Length{nil, {7, 3}, {2, 2.5}, {10, 3, 2, 3}}

// identityColors gives each compared scenario a palette colour that
// depends on the scenario itself (its ID), not on its place in the list:
// inserting or moving a scenario recolours none. Scenarios whose colours
// would clash take the next free colour, in ID order.
func (c *ctx) identityColors(idx []int) map[int]int {
	n := max(1, len(c.th.Palette))
	byID := append([]int(nil), idx...)
	sort.Slice(byID, func(a, b int) bool { return c.in.Plan.Scenarios[byID[a]].ID < c.in.Plan.Scenarios[byID[b]].ID })
	taken := map[int]bool{}
	out := map[int]int{}
	for _, i := range byID {
		h := fnv.New32a()
		h.Write([]byte(c.in.Plan.Scenarios[i].ID))
		col := int(h.Sum32() % uint32(n))
		for k := 0; k < n && taken[col]; k++ {
			col = (col + 1) % n
		}
		taken[col] = true
		out[i] = col
	}
	return out
}

// compare overlays one series across the compared scenarios; the first is
// the baseline, drawn thicker and solid, the others dashed. Colours follow
// each scenario's identity (identityColors).
//
// With simulations (Input.Sims), each scenario's P10–P90 band of output
// key (months at m + dx) is drawn under every line.
func (c *ctx) compare(title, module, key string, dx float64, get series) error {
	c.setTitle(title)
	var hmax int
	drawn := 0
	cols := c.identityColors(c.compared())
	var ls []*plotter.Line
	for k, i := range c.compared() {
		s, r := &c.in.Plan.Scenarios[i], c.in.Results[i]
		xys, ok := get(s, r)
		if !ok {
			continue
		}
		hmax = max(hmax, r.Horizon)
		w, name := 1.5, s.Name
		if k == 0 {
			w, name = 2.6, s.Name+" (baseline)"
		}
		l := c.line(xys, c.th.color(cols[i]), w)
		l.Dashes = compareDashes[k%len(compareDashes)]
		c.compareSpread(i, key, r.Horizon, dx, c.th.color(cols[i]))
		ls = append(ls, l)
		c.key(name, l)
		drawn++
	}
	for _, l := range ls {
		c.add(l)
	}
	if drawn == 0 {
		return moduleOff(module)
	}
	c.monthAxis(hmax)
	c.yHead = 0.04
	return nil
}

func compareActive(c *ctx) error {
	c.p.Y.Label.Text = "active users"
	return c.compare("Active users by scenario", "viral loop module", scenario.OutputActive, 0, func(s *scenario.Scenario, r *scenario.Result) (plotter.XYs, bool) {
		if !s.Viral.Enabled || r.Viral == nil {
			return nil, false
		}
		xys := plotter.XYs{{X: 0, Y: clean(s.Viral.SeedUsers)}}
		for _, m := range r.Viral.Months {
			xys = append(xys, plotter.XY{X: float64(m.Month), Y: clean(m.Active)})
		}
		return xys, true
	})
}

func compareARR(c *ctx) error {
	c.moneyAxis("ARR")
	return c.compare("ARR by scenario", "sales module", scenario.OutputARR, 0, func(s *scenario.Scenario, r *scenario.Result) (plotter.XYs, bool) {
		if !s.Sales.Enabled || r.Sales == nil {
			return nil, false
		}
		xys := plotter.XYs{{X: 0, Y: clean(s.Sales.StartingARR)}}
		for _, m := range r.Sales.Months {
			xys = append(xys, plotter.XY{X: float64(m.Month), Y: clean(m.ARR)})
		}
		return xys, true
	})
}

func compareOrders(c *ctx) error {
	c.p.Y.Label.Text = "orders / month"
	return c.compare("Orders a month by scenario", "fulfillment module", scenario.OutputOrders, -0.5, func(s *scenario.Scenario, r *scenario.Result) (plotter.XYs, bool) {
		if !s.Fulfillment.Enabled || r.Fulfillment == nil {
			return nil, false
		}
		var xys plotter.XYs
		for _, m := range r.Fulfillment.Months {
			xys = append(xys, plotter.XY{X: float64(m.Month) - 0.5, Y: clean(m.Orders)})
		}
		return xys, len(xys) > 0
	})
}

func compareCost(c *ctx) error {
	c.moneyAxis("cost / month") // of the recommended plan, setups included
	return c.compare("Fulfillment cost by scenario", "fulfillment module", scenario.OutputPlannedCost, -0.5, func(s *scenario.Scenario, r *scenario.Result) (plotter.XYs, bool) {
		if !s.Fulfillment.Enabled || r.Fulfillment == nil {
			return nil, false
		}
		var xys plotter.XYs
		for _, m := range r.Fulfillment.Months {
			xys = append(xys, plotter.XY{X: float64(m.Month) - 0.5, Y: clean(m.PlannedCost + m.PlannedSetup)})
		}
		return xys, len(xys) > 0
	})
}

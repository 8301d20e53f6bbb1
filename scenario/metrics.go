package scenario

import "math"

// Unit says how a metric's value reads.
type Unit int

// Units of comparison metrics.
const (
	UnitCount Unit = iota // users, orders, heads
	UnitMoney             // in the plan's currency
	UnitRatio             // a plain number such as K or efficiency
	UnitMonth             // a month number
	UnitText              // a name: Text holds it, Value is unused
)

// Metric is one comparison figure of a scenario. OK is false where the value
// does not exist (module off, goal never reached); Text holds names.
type Metric struct {
	Key    string  `json:"key"`
	Module string  `json:"module"`
	Label  string  `json:"label"`
	Unit   Unit    `json:"unit"`
	Value  float64 `json:"value"`
	Text   string  `json:"text,omitempty"`
	OK     bool    `json:"ok"`
}

// Delta is a metric against the baseline's: Abs = value − base, Rel =
// Abs / |base| (RelOK false when base is 0 or either value is missing).
type Delta struct {
	Abs   float64 `json:"abs"`
	Rel   float64 `json:"rel"`
	OK    bool    `json:"ok"`
	RelOK bool    `json:"relOK"`
}

// Metrics returns the comparison metrics of docs/MODELS.md §5 and §6, in a fixed order
// and with fixed keys, so scenarios line up row by row.
func Metrics(s *Scenario, r *Result) []Metric {
	var ms []Metric
	val := func(key, module, label string, u Unit, v float64, ok bool) {
		if !ok || math.IsNaN(v) || math.IsInf(v, 0) {
			v, ok = 0, false
		}
		ms = append(ms, Metric{Key: key, Module: module, Label: label, Unit: u, Value: v, OK: ok})
	}
	text := func(key, module, label, t string, ok bool) {
		ms = append(ms, Metric{Key: key, Module: module, Label: label, Unit: UnitText, Text: t, OK: ok})
	}
	at := func(m int) int { return min(m, s.HorizonMonths) - 1 }
	v := r.Viral
	val("viral.k", ModuleViral, "Viral coefficient K", UnitRatio, s.Viral.K(), v != nil)
	text("viral.class", ModuleViral, "K class", ClassOf(s.Viral.K()), v != nil)
	for _, m := range []struct {
		month int
		label string
	}{{12, "Active users, month 12"}, {24, "Active users, month 24"}, {s.HorizonMonths, "Active users at horizon"}} {
		key := map[int]string{12: "viral.active12", 24: "viral.active24"}[m.month]
		if m.label == "Active users at horizon" {
			key = "viral.activeHorizon"
		}
		ok := v != nil && m.month <= s.HorizonMonths
		val(key, ModuleViral, m.label, UnitCount, pick(ok, func() float64 { return v.Months[at(m.month)].Active }), ok)
	}
	val("viral.cumulative", ModuleViral, "Cumulative signups", UnitCount, pick(v != nil, func() float64 { return v.Months[len(v.Months)-1].CumulativeSignups }), v != nil)
	val("viral.paidSpend", ModuleViral, "Paid acquisition spend", UnitMoney, pick(v != nil, func() float64 { return v.TotalPaidSpend }), v != nil)

	sr := r.Sales
	for _, m := range []struct {
		key   string
		month int
		label string
	}{{"sales.arr12", 12, "ARR, month 12"}, {"sales.arr24", 24, "ARR, month 24"}, {"sales.arrHorizon", s.HorizonMonths, "ARR at horizon"}} {
		ok := sr != nil && m.month <= s.HorizonMonths
		val(m.key, ModuleSales, m.label, UnitMoney, pick(ok, func() float64 { return sr.Months[at(m.month)].ARR }), ok)
	}
	if sr != nil {
		text("sales.stage", ModuleSales, "Stage at horizon", sr.Months[len(sr.Months)-1].Stage, true)
		for _, e := range sr.StageEntries {
			ok := e.Month != nil
			val("sales.stage."+e.Stage, ModuleSales, "Month reaching "+e.Stage, UnitMonth, pick(ok, func() float64 { return float64(*e.Month) }), ok)
		}
		h := sr.HeadsAtHorizon
		val("sales.heads", ModuleSales, "Sales heads at horizon", UnitCount, float64(h.AEs+h.SDRs+h.VP+h.Managers), true)
		val("sales.cost", ModuleSales, "Sales team cost", UnitMoney, sr.TotalCost, true)
	} else {
		text("sales.stage", ModuleSales, "Stage at horizon", "", false)
		val("sales.heads", ModuleSales, "Sales heads at horizon", UnitCount, 0, false)
		val("sales.cost", ModuleSales, "Sales team cost", UnitMoney, 0, false)
	}

	f := r.Fulfillment
	last := func() FulfillmentMonth { return f.Months[len(f.Months)-1] }
	val("fulfillment.orders", ModuleFulfillment, "Orders/month at horizon", UnitCount, pick(f != nil, func() float64 { return last().Orders }), f != nil)
	planned := ""
	if f != nil {
		planned = last().Planned
	}
	text("fulfillment.model", ModuleFulfillment, "Fulfillment model at horizon", planned, f != nil)
	val("fulfillment.cost", ModuleFulfillment, "Fulfillment cost (optimal plan)", UnitMoney, pick(f != nil, func() float64 { return f.TotalCost }), f != nil)
	val("fulfillment.savings", ModuleFulfillment, "Savings vs rule of thumb", UnitMoney, pick(f != nil, func() float64 { return f.Savings }), f != nil)

	mk := r.Markets
	okM := mk != nil && len(mk.Ranking) > 0
	top := ""
	if okM {
		top = mk.Winner
	}
	text("markets.top", ModuleMarkets, "Top market", top, okM)
	val("markets.score", ModuleMarkets, "Top market's weighted score", UnitRatio, pick(okM, func() float64 { return mk.Ranking[0].Weighted }), okM)
	return append(ms, financeMetrics(r.Finance)...)
}

func pick(ok bool, f func() float64) float64 {
	if !ok {
		return 0
	}
	return f()
}

// Compare returns the delta of metric m against base (same key).
func Compare(base, m Metric) Delta {
	if !base.OK || !m.OK || m.Unit == UnitText {
		return Delta{}
	}
	d := Delta{Abs: m.Value - base.Value, OK: true}
	if base.Value != 0 {
		d.Rel, d.RelOK = d.Abs/math.Abs(base.Value), true
	}
	return d
}

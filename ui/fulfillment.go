package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scaleplan/app"
	"scaleplan/export/chart"
	"scaleplan/scenario"
)

// newFulfillmentScreen is the Fulfillment tab (docs/MODELS.md §3).
func newFulfillmentScreen(u *UI) screen {
	m := newModule(u, chart.KindFulfillment, scenario.ModuleFulfillment)
	m.setOffset(0.45)
	on := newToggle(u, "Model fulfillment", "Switch fulfillment", "fulfillment.enabled",
		func(s *sc) bool { return s.Fulfillment.Enabled }, func(s *sc, v bool) { s.Fulfillment.Enabled = v })
	source := newChoice(u, "Volume source", "fulfillment.volume.source", []string{scenario.VolumeManual, scenario.VolumeViral},
		[]string{"Manual growth", "From the viral loop"},
		func(s *sc) string { return s.Fulfillment.Volume.Source }, func(s *sc, v string) { s.Fulfillment.Volume.Source = v })
	vol := func(name, key string, pct bool, p func(s *sc) *float64) *field[float64] {
		return numField(u, name, "fulfillment.volume."+key, pct, func(s *sc) float64 { return *p(s) }, func(s *sc, v float64) { *p(s) = v })
	}
	start := vol("Starting orders", "startOrdersPerMonth", false, func(s *sc) *float64 { return &s.Fulfillment.Volume.StartOrdersPerMonth })
	growth := vol("Monthly growth", "monthlyGrowth", true, func(s *sc) *float64 { return &s.Fulfillment.Volume.MonthlyGrowth })
	perUser := vol("Orders per active user", "ordersPerActiveUser", false, func(s *sc) *float64 { return &s.Fulfillment.Volume.OrdersPerActiveUser })
	models := modelTable(u)
	rule := ruleFields(u)
	add := widget.NewButtonWithIcon("Add model", theme.ContentAddIcon(), func() {
		u.reportEdit("Add model", u.s.Doc().AddFulfillmentModel(u.s.Selected()))
	})
	fields := []input{on, source, start, growth, perUser, models, rule}
	m.setInputs(fields,
		on.content(),
		section("Order volume"),
		form(source.row("Orders come from")),
		form(
			row(start, "Orders in month 1 (manual)", ""),
			row(growth, "Monthly growth (manual, %)", ""),
			row(perUser, "Orders per active user (viral)", ""),
		),
		section("Fulfillment models (capacity in orders a month, 0 = unlimited)"),
		models.content(),
		container.NewHBox(add),
		section("Rule of thumb: switch to the next model at (orders / month)"),
		rule.box,
	)
	return m
}

// modelTable is the editable list of fulfillment models.
func modelTable(u *UI) *table {
	var t *table
	md := func(s *sc, r int) *scenario.FulfillmentModel { return &s.Fulfillment.Models[r] }
	path := func(r int, f string) string { return fmt.Sprintf("fulfillment.models[%d].%s", r, f) }
	money := func(title, name, key string, p func(*scenario.FulfillmentModel) *float64) column {
		w := float32(76)
		if key == "capacity" {
			w = 88
		}
		return column{title: title, width: w, cell: func(r int) (fyne.CanvasObject, input) {
			return t.numCell(name, r, path(r, key), false, func(s *sc) float64 { return *p(md(s, r)) }, func(s *sc, v float64) { *p(md(s, r)) = v })
		}}
	}
	t = newTable(u, "fulfillment.models", func(s *sc) int { return len(s.Fulfillment.Models) },
		column{title: "Model", width: 132, cell: func(r int) (fyne.CanvasObject, input) {
			return t.nameCell("Model name", r, path(r, "name"), func(s *sc) string { return md(s, r).Name }, func(s *sc, v string) { md(s, r).Name = v })
		}},
		money("Fixed / month", "Fixed cost per month", "fixedMonthly", func(x *scenario.FulfillmentModel) *float64 { return &x.FixedMonthly }),
		money("Per order", "Cost per order", "perOrder", func(x *scenario.FulfillmentModel) *float64 { return &x.PerOrder }),
		money("Setup (once)", "Setup cost", "setupCost", func(x *scenario.FulfillmentModel) *float64 { return &x.SetupCost }),
		money("Capacity", "Capacity", "capacity", func(x *scenario.FulfillmentModel) *float64 { return &x.Capacity }),
		column{title: "", width: 40, cell: func(r int) (fyne.CanvasObject, input) {
			return t.removeCell("model", r, (*app.Document).RemoveFulfillmentModel)
		}},
	)
	t.ranges = newListRanges(u, "fulfillment.models")
	return t
}

// ruleFields edits the rule-of-thumb thresholds; there is one fewer than
// models at most.
type ruleInputs struct {
	u     *UI
	box   *fyne.Container
	cells []*field[float64]
	n     int
	key   string
}

func ruleFields(u *UI) *ruleInputs {
	return &ruleInputs{u: u, box: container.NewVBox(), n: -1}
}

func (r *ruleInputs) load(s *scenario.Scenario, force bool) {
	key := fmt.Sprint(len(s.Fulfillment.RuleOfThumb))
	for _, m := range s.Fulfillment.Models {
		key += "\x00" + m.Name
	}
	if key != r.key {
		r.key = key
		r.rebuild(s, len(s.Fulfillment.RuleOfThumb))
		force = true
	}
	for _, c := range r.cells {
		c.load(s, force)
	}
}

func (r *ruleInputs) rebuild(s *scenario.Scenario, n int) {
	unfocusWithin(r.u.win, r.box)
	r.n = n
	r.cells = nil
	var rows []formRow
	for i := 0; i < n; i++ {
		f := numField(r.u, fmt.Sprintf("Rule of thumb threshold %d", i+1), fmt.Sprintf("fulfillment.ruleOfThumb[%d]", i), false,
			func(s *sc) float64 { return s.Fulfillment.RuleOfThumb[i] }, func(s *sc, v float64) { s.Fulfillment.RuleOfThumb[i] = v })
		f.exists = rowExists(i, func(s *sc) int { return len(s.Fulfillment.RuleOfThumb) })
		r.cells = append(r.cells, f)
		from, to := fmt.Sprintf("model %d", i+1), fmt.Sprintf("model %d", i+2)
		if i+1 < len(s.Fulfillment.Models) {
			from, to = s.Fulfillment.Models[i].Name, s.Fulfillment.Models[i+1].Name
		}
		rows = append(rows, row(f, from+" to "+to, "orders / month"))
	}
	add := widget.NewButtonWithIcon("Add threshold", theme.ContentAddIcon(), func() {
		r.u.reportEdit("Add threshold", r.u.s.Doc().AddThreshold(r.u.s.Selected()))
	})
	del := widget.NewButtonWithIcon("Remove last", theme.ContentRemoveIcon(), func() {
		r.u.reportEdit("Remove threshold", r.u.s.Doc().RemoveThreshold(r.u.s.Selected()))
	})
	r.box.Objects = []fyne.CanvasObject{form(rows...), container.NewHBox(add, del)}
	r.box.Refresh()
}

func (r *ruleInputs) bad() bool { return false }

func (r *ruleInputs) inputs() []input {
	out := make([]input, len(r.cells))
	for i, c := range r.cells {
		out[i] = c
	}
	return out
}

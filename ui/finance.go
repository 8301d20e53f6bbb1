package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scaleplan/app"
	"scaleplan/export/chart"
	"scaleplan/scenario"
)

// financeTiles are the Finance tab's key numbers (the rest show in
// Compare); each LTV/CAC tile also shows its payback.
var financeTiles = map[string]bool{
	scenario.MetricFinanceCashOutMonth: true, scenario.MetricFinanceCashNeeded: true, scenario.MetricFinanceBreakEvenMonth: true,
	scenario.MetricFinanceRunway: true, scenario.MetricFinanceLTVToCACConsumer: true, scenario.MetricFinanceLTVToCACB2B: true,
}

// paybackOf pairs each LTV/CAC tile with its payback metric.
var paybackOf = map[string]string{
	scenario.MetricFinanceLTVToCACConsumer: scenario.MetricFinancePaybackConsumer,
	scenario.MetricFinanceLTVToCACB2B:      scenario.MetricFinancePaybackB2B,
}

// financeScreen is the Finance tab (docs/MODELS.md §6): inputs, rounds and
// market entries on the left with the fiscal-year totals; key numbers and
// the cash and revenue/cost charts on the right.
type financeScreen struct {
	*module
	years    *fyne.Container
	calendar *widget.Label // the date of month 1, beside the month columns
}

func newFinanceScreen(u *UI) screen {
	m := newModule(u, chart.KindFinance, scenario.ModuleFinance)
	m.setOffset(0.36)
	m.skip = func(key string) bool { return !financeTiles[key] }
	fs := &financeScreen{module: m, years: container.New(layout.NewGridLayoutWithColumns(5)), calendar: widget.NewLabel("")}
	fs.calendar.SizeName = theme.SizeNameCaptionText
	on := newToggle(u, "Add the modules up to cash", "Switch finance", "finance.enabled",
		func(s *sc) bool { return s.Finance.Enabled }, func(s *sc, v bool) { s.Finance.Enabled = v })
	num := func(name, key string, pct bool, p func(f *scenario.Finance) *float64) *field[float64] {
		return numField(u, name, "finance."+key, pct, func(s *sc) float64 { return *p(&s.Finance) }, func(s *sc, v float64) { *p(&s.Finance) = v })
	}
	cash := num("Starting cash", "startingCash", false, func(f *scenario.Finance) *float64 { return &f.StartingCash })
	alert := num("Runway alert", "runwayAlertMonths", false, func(f *scenario.Finance) *float64 { return &f.RunwayAlertMonths })
	buffer := num("Cash buffer", "minCashBuffer", false, func(f *scenario.Finance) *float64 { return &f.MinCashBuffer })
	share := num("Paying share", "payingShare", true, func(f *scenario.Finance) *float64 { return &f.PayingShare })
	arpu := num("ARPU", "arpuPerMonth", false, func(f *scenario.Finance) *float64 { return &f.ARPUPerMonth })
	aov := num("Average order value", "averageOrderValue", false, func(f *scenario.Finance) *float64 { return &f.AverageOrderValue })
	subM := num("Subscription margin", "subscriptionGrossMargin", true, func(f *scenario.Finance) *float64 { return &f.SubscriptionGrossMargin })
	conM := num("Consumer margin", "consumerGrossMargin", true, func(f *scenario.Finance) *float64 { return &f.ConsumerGrossMargin })
	ordM := num("Order margin", "orderGrossMargin", true, func(f *scenario.Finance) *float64 { return &f.OrderGrossMargin })
	other := num("Other costs", "otherCostsPerMonth", false, func(f *scenario.Finance) *float64 { return &f.OtherCostsPerMonth })
	growth := num("Other costs growth", "otherCostsGrowth", true, func(f *scenario.Finance) *float64 { return &f.OtherCostsGrowth })
	referrer := num("Referrer reward", "referrerReward", false, func(f *scenario.Finance) *float64 { return &f.ReferrerReward })
	referee := num("Referee reward", "refereeReward", false, func(f *scenario.Finance) *float64 { return &f.RefereeReward })
	churn := num("Customer churn", "annualCustomerChurn", true, func(f *scenario.Finance) *float64 { return &f.AnnualCustomerChurn })
	rounds, entries := roundTable(u), entryTable(u)
	addRound := widget.NewButtonWithIcon("Add round", theme.ContentAddIcon(), func() {
		u.reportEdit(app.LabelAddRound, u.s.Doc().AddFundingRound(u.s.Selected()))
	})
	addEntry := widget.NewButtonWithIcon("Add market entry", theme.ContentAddIcon(), func() {
		u.reportEdit(app.LabelAddExpansion, u.s.Doc().AddExpansion(u.s.Selected()))
	})
	fields := []input{on, cash, alert, buffer, share, arpu, aov, subM, conM, ordM, other, growth, referrer, referee, churn, rounds, entries}
	m.setInputs(fields,
		on.content(),
		section("Cash"),
		form(
			row(cash, "Starting cash", ""),
			row(alert, "Runway alert (months)", ""),
			row(buffer, "Cash buffer", ""),
		),
		section("Funding rounds"),
		rounds.content(),
		container.NewHBox(addRound, fs.calendar),
		section("Revenue"),
		form(
			row(share, "Paying share of users (%)", ""),
			row(arpu, "ARPU / month", ""),
			row(aov, "Average order value", ""),
		),
		section("Gross margins"),
		form(
			row(subM, "Subscription (%)", ""),
			row(conM, "Consumer (%)", ""),
			row(ordM, "Orders, before fulfillment (%)", ""),
		),
		section("Costs"),
		form(
			row(other, "Other costs / month (team, rent…)", ""),
			row(growth, "Other costs growth (%/yr)", ""),
			row(referrer, "Referrer reward / viral signup", ""),
			row(referee, "Referee reward / viral signup", ""),
			row(churn, "B2B churn (%/yr)", ""),
		),
		section("Market entry (localization, entity, local team)"),
		entries.content(),
		container.NewHBox(addEntry),
		section("Fiscal years"),
		fs.years,
	)
	return fs
}

// show updates the key numbers, the charts and the fiscal-year totals.
func (fs *financeScreen) show(in chart.Input) {
	fs.module.show(in)
	fs.showUnitEconomics(in)
	s, r := selected(in)
	var objs []fyne.CanvasObject
	head := func(t string) {
		objs = append(objs, widget.NewLabelWithStyle(t, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}))
	}
	for _, t := range []string{"Year", "Revenue", "Costs", "Net cash flow", "Cash at end"} {
		head(t)
	}
	if s != nil && r != nil && r.Finance != nil {
		money := func(v float64) fyne.CanvasObject {
			return widget.NewLabelWithStyle(formatMetric(scenario.Metric{Unit: scenario.UnitMoney, Value: v, OK: true}, in.Plan.Currency), fyne.TextAlignTrailing, fyne.TextStyle{})
		}
		for _, y := range scenario.FinanceYears(r.Finance, in.Plan.Calendar()) {
			label := y.Label
			if y.Months() < 12 {
				label += fmt.Sprintf(" (%d mo)", y.Months())
			}
			objs = append(objs, widget.NewLabelWithStyle(label, fyne.TextAlignTrailing, fyne.TextStyle{}),
				money(y.Revenue.Total()), money(y.COGS+y.Costs.Total()), money(y.NetCashFlow), money(y.EndCash))
		}
	}
	fs.years.Objects = objs
	fs.years.Refresh()
	fs.calendar.SetText("Month 1 is " + in.Plan.Calendar().Label(1) + "; the Overview sets the calendar.")
}

// showUnitEconomics writes each LTV/CAC tile as "2.8× · 12 mo": the ratio
// and the months a customer takes to pay its CAC back.
func (fs *financeScreen) showUnitEconomics(in chart.Input) {
	ms := metricsOf(in)
	byKey := map[string]scenario.Metric{}
	for _, x := range ms {
		byKey[x.Key] = x
	}
	i := 0
	for _, x := range ms {
		if x.Module != scenario.ModuleFinance || fs.skip(x.Key) {
			continue
		}
		if pb, ok := paybackOf[x.Key]; ok && i < len(fs.tiles) {
			fs.tiles[i].set(ltvText(x, byKey[pb]), caption(x))
		}
		i++
	}
}

// ltvText is "2.8× · 12 mo", or what exists of it.
func ltvText(ltv, payback scenario.Metric) string {
	l, p := "—", "—"
	if ltv.OK {
		l = fmt.Sprintf("%.1f×", ltv.Value)
	}
	if payback.OK {
		p = fmt.Sprintf("%.0f mo", payback.Value)
	}
	if !ltv.OK && !payback.OK {
		return "—"
	}
	return l + " · " + p
}

// roundTable is the editable list of funding rounds.
func roundTable(u *UI) *table {
	var t *table
	fr := func(s *sc, r int) *scenario.FundingRound { return &s.Finance.FundingRounds[r] }
	path := func(r int, f string) string { return fmt.Sprintf("finance.fundingRounds[%d].%s", r, f) }
	t = newTable(u, "finance.fundingRounds", func(s *sc) int { return len(s.Finance.FundingRounds) },
		column{title: "Round", width: 150, cell: func(r int) (fyne.CanvasObject, input) {
			return t.nameCell("Round name", r, path(r, "name"), func(s *sc) string { return fr(s, r).Name }, func(s *sc, v string) { fr(s, r).Name = v })
		}},
		column{title: "Month", width: 70, cell: func(r int) (fyne.CanvasObject, input) {
			return t.wholeCell("Round month", r, path(r, "month"), func(s *sc) int { return fr(s, r).Month }, func(s *sc, v int) { fr(s, r).Month = v })
		}},
		column{title: "Amount", width: 120, cell: func(r int) (fyne.CanvasObject, input) {
			return t.numCell("Round amount", r, path(r, "amount"), false, func(s *sc) float64 { return fr(s, r).Amount }, func(s *sc, v float64) { fr(s, r).Amount = v })
		}},
		column{title: "", width: 40, cell: func(r int) (fyne.CanvasObject, input) {
			return t.removeCell("funding round", r, (*app.Document).RemoveFundingRound)
		}},
	)
	t.ranges = newListRanges(u, "finance.fundingRounds")
	return t
}

// entryTable is the editable list of market entries.
func entryTable(u *UI) *table {
	var t *table
	ex := func(s *sc, r int) *scenario.Expansion { return &s.Finance.Expansions[r] }
	path := func(r int, f string) string { return fmt.Sprintf("finance.expansions[%d].%s", r, f) }
	money := func(title, name, key string, p func(*scenario.Expansion) *float64) column {
		return column{title: title, width: 100, cell: func(r int) (fyne.CanvasObject, input) {
			return t.numCell(name, r, path(r, key), false, func(s *sc) float64 { return *p(ex(s, r)) }, func(s *sc, v float64) { *p(ex(s, r)) = v })
		}}
	}
	t = newTable(u, "finance.expansions", func(s *sc) int { return len(s.Finance.Expansions) },
		column{title: "Market", width: 140, cell: func(r int) (fyne.CanvasObject, input) {
			return t.nameCell("Market entry name", r, path(r, "name"), func(s *sc) string { return ex(s, r).Name }, func(s *sc, v string) { ex(s, r).Name = v })
		}},
		column{title: "Month", width: 70, cell: func(r int) (fyne.CanvasObject, input) {
			return t.wholeCell("Market entry month", r, path(r, "month"), func(s *sc) int { return ex(s, r).Month }, func(s *sc, v int) { ex(s, r).Month = v })
		}},
		money("One-off", "Market entry one-off cost", "oneOffCost", func(e *scenario.Expansion) *float64 { return &e.OneOffCost }),
		money("Monthly", "Market entry monthly cost", "monthlyCost", func(e *scenario.Expansion) *float64 { return &e.MonthlyCost }),
		column{title: "", width: 40, cell: func(r int) (fyne.CanvasObject, input) {
			return t.removeCell("market entry", r, (*app.Document).RemoveExpansion)
		}},
	)
	t.ranges = newListRanges(u, "finance.expansions")
	return t
}

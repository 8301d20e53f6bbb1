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

// newSalesScreen is the Sales team tab (docs/MODELS.md §2).
func newSalesScreen(u *UI) screen {
	m := newModule(u, chart.KindSales, scenario.ModuleSales)
	m.setOffset(0.45)
	m.skip = func(key string) bool { _, entry := scenario.StageOfEntryKey(key); return entry }
	on := newToggle(u, "Model the sales team", "Switch sales team", "sales.enabled",
		func(s *sc) bool { return s.Sales.Enabled }, func(s *sc, v bool) { s.Sales.Enabled = v })
	num := func(name, key string, pct bool, p func(s *sc) *float64) *field[float64] {
		return numField(u, name, "sales."+key, pct, func(s *sc) float64 { return *p(s) }, func(s *sc, v float64) { *p(s) = v })
	}
	whole := func(name, key string, p func(s *sc) *int) *field[int] {
		return wholeField(u, name, "sales."+key, func(s *sc) int { return *p(s) }, func(s *sc, v int) { *p(s) = v })
	}
	startARR := num("Starting ARR", "startingARR", false, func(s *sc) *float64 { return &s.Sales.StartingARR })
	acv := num("Average ACV", "averageACV", false, func(s *sc) *float64 { return &s.Sales.AverageACV })
	founder := num("Founder new ARR", "founderNewARRPerMonth", false, func(s *sc) *float64 { return &s.Sales.FounderNewARRPerMonth })
	quota := num("AE quota", "aeQuotaPerMonth", false, func(s *sc) *float64 { return &s.Sales.AEQuotaPerMonth })
	attain := num("Quota attainment", "quotaAttainment", true, func(s *sc) *float64 { return &s.Sales.QuotaAttainment })
	ramp := whole("Ramp", "rampMonths", func(s *sc) *int { return &s.Sales.RampMonths })
	attr := num("Rep attrition", "annualRepAttrition", true, func(s *sc) *float64 { return &s.Sales.AnnualRepAttrition })
	hires := whole("Max hires", "maxHiresPerMonth", func(s *sc) *int { return &s.Sales.MaxHiresPerMonth })
	nrr := num("Net revenue retention", "annualNetRevenueRetention", true, func(s *sc) *float64 { return &s.Sales.AnnualNetRevenueRetention })
	goal := num("ARR goal", "arrGoal", false, func(s *sc) *float64 { return &s.Sales.ARRGoal })
	tAE := whole("Starting AEs", "startingTeam.aes", func(s *sc) *int { return &s.Sales.StartingTeam.AEs })
	tSDR := whole("Starting SDRs", "startingTeam.sdrs", func(s *sc) *int { return &s.Sales.StartingTeam.SDRs })
	tVP := whole("Starting VP", "startingTeam.vp", func(s *sc) *int { return &s.Sales.StartingTeam.VP })
	tMgr := whole("Starting managers", "startingTeam.managers", func(s *sc) *int { return &s.Sales.StartingTeam.Managers })
	cAE := num("AE cost", "costs.ae", false, func(s *sc) *float64 { return &s.Sales.Costs.AE })
	cSDR := num("SDR cost", "costs.sdr", false, func(s *sc) *float64 { return &s.Sales.Costs.SDR })
	cVP := num("VP cost", "costs.vp", false, func(s *sc) *float64 { return &s.Sales.Costs.VP })
	cMgr := num("Manager cost", "costs.manager", false, func(s *sc) *float64 { return &s.Sales.Costs.Manager })
	stages := stageTable(u)
	add := widget.NewButtonWithIcon("Add stage", theme.ContentAddIcon(), func() {
		u.reportEdit("Add stage", u.s.Doc().AddStage(u.s.Selected()))
	})
	fields := []input{on, startARR, acv, founder, quota, attain, ramp, attr, hires, nrr, goal,
		tAE, tSDR, tVP, tMgr, cAE, cSDR, cVP, cMgr, stages}
	m.setInputs(fields,
		on.content(),
		section("Revenue"),
		form(
			row(startARR, "Starting ARR", ""),
			row(acv, "Average ACV (per year)", ""),
			row(founder, "Founder new ARR / month", ""),
			row(nrr, "Net revenue retention (%/yr)", ""),
			row(goal, "ARR goal", ""),
		),
		section("Account executives"),
		form(
			row(quota, "AE quota (new ARR / month)", ""),
			row(attain, "Quota attainment (%)", ""),
			row(ramp, "Ramp (months)", ""),
			row(attr, "Rep attrition (%/yr)", ""),
			row(hires, "Max new hires / month", ""),
		),
		section("Starting team (fully ramped)"),
		form(
			row(tAE, "AEs", ""),
			row(tSDR, "SDRs", ""),
			row(tVP, "VP Sales", ""),
			row(tMgr, "Managers", ""),
		),
		section("Monthly cost per head (fully loaded)"),
		form(
			row(cAE, "AE", ""),
			row(cSDR, "SDR", ""),
			row(cVP, "VP Sales", ""),
			row(cMgr, "Manager", ""),
		),
		section("Stages: the team grows toward a stage's heads once ARR reaches its minimum"),
		stages.content(),
		container.NewHBox(add),
	)
	return m
}

// stageTable is the editable list of sales stages.
func stageTable(u *UI) *table {
	var t *table
	st := func(s *sc, r int) *scenario.Stage { return &s.Sales.Stages[r] }
	path := func(r int, f string) string { return fmt.Sprintf("sales.stages[%d].%s", r, f) }
	wholeCol := func(title, name, key string, p func(*scenario.Stage) *int) column {
		return column{title: title, width: 62, cell: func(r int) (fyne.CanvasObject, input) {
			return t.wholeCell(name, r, path(r, key), func(s *sc) int { return *p(st(s, r)) }, func(s *sc, v int) { *p(st(s, r)) = v })
		}}
	}
	t = newTable(u, "sales.stages", func(s *sc) int { return len(s.Sales.Stages) },
		column{title: "Stage", width: 170, cell: func(r int) (fyne.CanvasObject, input) {
			return t.nameCell("Stage name", r, path(r, "name"), func(s *sc) string { return st(s, r).Name }, func(s *sc, v string) { st(s, r).Name = v })
		}},
		column{title: "From ARR", width: 100, cell: func(r int) (fyne.CanvasObject, input) {
			return t.numCell("Stage minimum ARR", r, path(r, "minARR"), false, func(s *sc) float64 { return st(s, r).MinARR }, func(s *sc, v float64) { st(s, r).MinARR = v })
		}},
		wholeCol("AEs", "Stage AEs", "aes", func(x *scenario.Stage) *int { return &x.AEs }),
		wholeCol("SDRs", "Stage SDRs", "sdrs", func(x *scenario.Stage) *int { return &x.SDRs }),
		wholeCol("VP", "Stage VP", "vp", func(x *scenario.Stage) *int { return &x.VP }),
		wholeCol("Mgrs", "Stage managers", "managers", func(x *scenario.Stage) *int { return &x.Managers }),
		column{title: "Founders sell", width: 70, cell: func(r int) (fyne.CanvasObject, input) {
			tg := newToggle(u, "", fmt.Sprintf("Stage %d founders sell", r+1), path(r, "foundersSell"),
				func(s *sc) bool { return st(s, r).FoundersSell }, func(s *sc, v bool) { st(s, r).FoundersSell = v })
			tg.exists = rowExists(r, t.count)
			cm, o := markCell(tg.path, tg.check)
			tg.mark = cm.load
			return o, tg
		}},
		column{title: "", width: 40, cell: func(r int) (fyne.CanvasObject, input) {
			return t.removeCell("stage", r, (*app.Document).RemoveStage)
		}},
	)
	t.ranges = newListRanges(u, "sales.stages")
	return t
}

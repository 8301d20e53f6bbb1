package ui

import (
	"testing"

	"scaleplan/app"
	"scaleplan/assets"
	"scaleplan/export/chart"
	"scaleplan/scenario"
)

// BenchmarkEditToChart measures what one keystroke costs before its chart
// is on screen: Document.Edit (validation, undo), recompute of the plan,
// and the affected chart drawn at 900×500 px. Target: under 16 ms.
func BenchmarkEditToChart(b *testing.B) {
	for _, c := range []struct {
		panel chart.Panel
		edit  func(s *scenario.Scenario, i int)
	}{
		{chart.ViralGrowth, func(s *scenario.Scenario, i int) { s.Viral.SeedUsers = float64(1000 + i%2) }},
		{chart.SalesARR, func(s *scenario.Scenario, i int) { s.Sales.AEQuotaPerMonth = float64(50000 + i%2) }},
		{chart.FulfillmentCostPerOrder, func(s *scenario.Scenario, i int) { s.Fulfillment.Models[1].PerOrder = 5 + float64(i%2) }},
		{chart.MarketScores, func(s *scenario.Scenario, i int) { s.Markets.Factors[0].Weight = 1 + float64(i%2) }},
	} {
		b.Run(string(c.panel), func(b *testing.B) {
			p, err := scenario.Decode(assets.SamplePlan)
			if err != nil {
				b.Fatal(err)
			}
			doc := app.NewDocument(p, "")
			th := chart.Light()
			for i := 0; b.Loop(); i++ {
				if err := doc.Edit("bench", func(p *scenario.Plan) error { c.edit(&p.Scenarios[0], i); return nil }); err != nil {
					b.Fatal(err)
				}
				snap := doc.Snapshot()
				rs, err := scenario.ComputePlan(snap)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := chart.Image(c.panel, chart.Input{Plan: snap, Results: rs}, th, 900, 500, chartDPI); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkTypeIntoField measures the UI's own path: typing one character
// into the seed users field of the visible Viral loop tab, with its two
// charts redrawn synchronously at their laid-out size; "simulated" with
// every scenario's simulation of 2,000 runs kept (bands on the Users
// chart, each scenario's staleness looked up on every edit).
func BenchmarkTypeIntoField(b *testing.B) {
	for _, sim := range []bool{false, true} {
		name := "plain"
		if sim {
			name = "simulated"
		}
		b.Run(name, func(b *testing.B) {
			u, _ := newTestUI(b)
			if sim {
				simulateAll(b, u, 2000)
			}
			u.tabs.SelectIndex(tabIndex(b, "Viral loop"))
			f := num(b, u, "viral.seedUsers")
			for i := 0; b.Loop(); i++ {
				if i%2 == 0 {
					f.entry.SetText("1,001")
				} else {
					f.entry.SetText("1,000")
				}
			}
		})
	}
}

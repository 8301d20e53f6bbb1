package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"scaleplan/export/chart"
	"scaleplan/scenario"
)

type sc = scenario.Scenario

// newViralScreen is the Viral loop tab (docs/MODELS.md §1).
func newViralScreen(u *UI) screen {
	m := newModule(u, chart.KindViral, scenario.ModuleViral)
	on := newToggle(u, "Model the viral loop", "Switch viral loop", "viral.enabled",
		func(s *sc) bool { return s.Viral.Enabled }, func(s *sc, v bool) { s.Viral.Enabled = v })
	seed := numField(u, "Seed users", "viral.seedUsers", false,
		func(s *sc) float64 { return s.Viral.SeedUsers }, func(s *sc, v float64) { s.Viral.SeedUsers = v })
	inv := numField(u, "Invites per user", "viral.invitesPerUser", false,
		func(s *sc) float64 { return s.Viral.InvitesPerUser }, func(s *sc, v float64) { s.Viral.InvitesPerUser = v })
	conv := numField(u, "Invite conversion", "viral.inviteConversion", true,
		func(s *sc) float64 { return s.Viral.InviteConversion }, func(s *sc, v float64) { s.Viral.InviteConversion = v })
	cycle := numField(u, "Cycle time", "viral.cycleDays", false,
		func(s *sc) float64 { return s.Viral.CycleDays }, func(s *sc, v float64) { s.Viral.CycleDays = v })
	mode := newChoice(u, "Invite mode", "viral.inviteMode", []string{scenario.InviteOnce, scenario.InviteContinuous},
		[]string{"Once, after joining", "Every cycle"},
		func(s *sc) string { return s.Viral.InviteMode }, func(s *sc, v string) { s.Viral.InviteMode = v })
	churn := numField(u, "Monthly churn", "viral.monthlyChurn", true,
		func(s *sc) float64 { return s.Viral.MonthlyChurn }, func(s *sc, v float64) { s.Viral.MonthlyChurn = v })
	paid := numField(u, "Paid users per month", "viral.paidUsersPerMonth", false,
		func(s *sc) float64 { return s.Viral.PaidUsersPerMonth }, func(s *sc, v float64) { s.Viral.PaidUsersPerMonth = v })
	cac := numField(u, "Paid CAC", "viral.paidCAC", false,
		func(s *sc) float64 { return s.Viral.PaidCAC }, func(s *sc, v float64) { s.Viral.PaidCAC = v })
	market := numField(u, "Market size", "viral.marketSize", false,
		func(s *sc) float64 { return s.Viral.MarketSize }, func(s *sc, v float64) { s.Viral.MarketSize = v })
	goal := numField(u, "Goal", "viral.goalUsers", false,
		func(s *sc) float64 { return s.Viral.GoalUsers }, func(s *sc, v float64) { s.Viral.GoalUsers = v })

	k := widget.NewLabel("")
	k.Wrapping = fyne.TextWrapWord
	kRow := &kLine{label: k}
	fields := []input{on, seed, inv, conv, cycle, mode, churn, paid, cac, market, goal, kRow}
	m.setInputs(fields,
		on.content(),
		section("Loop"),
		form(
			row(seed, "Seed users", ""),
			row(inv, "Invites per user", ""),
			row(conv, "Invite conversion (%)", ""),
			row(cycle, "Cycle time (days)", ""),
		),
		k,
		form(mode.row("Invites are sent")),
		section("Retention and paid acquisition"),
		form(
			row(churn, "Monthly churn (%)", ""),
			row(paid, "Paid users per month", ""),
			row(cac, "Paid CAC (per user)", ""),
		),
		section("Limits and goal"),
		form(
			row(market, "Market size (users)", "0 = unlimited"),
			row(goal, "Goal (active users)", "0 = none"),
		),
	)
	return m
}

// kLine explains K = invites × conversion for the selected scenario.
type kLine struct{ label *widget.Label }

func (l *kLine) load(s *scenario.Scenario, _ bool) {
	k := s.Viral.K()
	l.label.SetText("K = invites × conversion = " + trimFloat(k) + ": " + scenario.ClassOf(k) +
		" (> 1 exponential, 0.5–1 sustainable, < 0.5 needs paid acquisition)")
}

func (l *kLine) bad() bool { return false }

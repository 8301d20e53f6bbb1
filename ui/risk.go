package ui

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scaleplan/export/chart"
	"scaleplan/scenario"
)

// riskScreen is the Risk tab: what a simulation of the selected scenario
// found (docs/MODELS.md §7), in sentences dated with the plan's calendar,
// and the questions asked of the model directly (tornado, goal seek,
// decision thresholds; risk_analysis.go).
type riskScreen struct {
	u        *UI
	body     fyne.CanvasObject
	title    *widget.Label
	about    *widget.Label // runs, seed, stale
	simulate *widget.Button
	empty    *widget.Label
	results  *fyne.Container // the simulation's findings
	odds     *widget.Label
	cash     *widget.Label
	markets  *widget.Label
	models   *widget.Label
	analysis *riskAnalysis
	// active: the tab is showing; stale: something changed while it was
	// hidden (it refreshes when shown, as charts render only when shown).
	active, stale bool
}

func newRiskScreen(u *UI) screen {
	r := &riskScreen{u: u}
	r.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	r.about = widget.NewLabel("")
	r.about.Wrapping = fyne.TextWrapWord
	r.simulate = widget.NewButtonWithIcon("Simulate", theme.MediaPlayIcon(), u.simulate)
	r.simulate.Importance = widget.HighImportance
	settings := widget.NewButton("Settings…", u.simulationSettings)
	r.empty = wrapLabel()
	r.odds, r.cash, r.markets, r.models = wrapLabel(), wrapLabel(), wrapLabel(), wrapLabel()
	r.results = container.NewVBox(
		section("Milestones: how often each is reached"), r.odds,
		section("Cash needed"), r.cash,
		section("Markets: how often each ranks first"), r.markets,
		section("Fulfillment: how often each model is planned at the horizon"), r.models,
	)
	r.analysis = newRiskAnalysis(u)
	head := container.NewBorder(nil, nil, nil, container.NewVBox(container.NewHBox(settings, r.simulate)), container.NewVBox(r.title, r.about))
	left := container.NewVScroll(container.NewPadded(container.NewVBox(r.empty, r.results)))
	right := container.NewVScroll(container.NewPadded(r.analysis.content()))
	split := container.NewHSplit(left, right)
	split.Offset = 0.45
	r.body = container.NewBorder(container.NewPadded(head), nil, nil, nil, split)
	return r
}

func wrapLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	return l
}

func (r *riskScreen) content() fyne.CanvasObject { return r.body }

// show follows the selected scenario and its edits.
func (r *riskScreen) show(chart.Input) { r.changed() }

// simChanged follows simulations starting, finishing and going.
func (r *riskScreen) simChanged() { r.changed() }

func (r *riskScreen) changed() {
	r.stale = true
	if r.active {
		r.refresh()
	}
}

// setActive refreshes the tab when it is shown, if something changed.
func (r *riskScreen) setActive(on bool) {
	r.active = on
	if on && r.stale {
		r.refresh()
	}
}

// refresh shows the selected scenario's latest simulation, or what to do
// to get one.
func (r *riskScreen) refresh() {
	u := r.u
	if u.s.Doc() == nil {
		return
	}
	r.stale = false
	p, sel := u.s.Doc().Plan(), u.s.Selected()
	s := &p.Scenarios[sel]
	r.title.SetText("Risk · " + s.Name)
	r.simulate.Disable()
	if !u.s.Simulating() {
		r.simulate.Enable()
	}
	r.analysis.load(p, sel)
	res, stale := u.s.Simulation(s.ID)
	sim := p.SimulationOrDefault()
	n := len(s.Ranges)
	switch {
	case res == nil && n == 0:
		r.about.SetText("")
		r.empty.SetText("Nothing is uncertain in this scenario yet. Add a range to an input (Range… beside a field), then Simulate (Ctrl+R): every run draws each ranged input, and this tab says how often the plan's milestones are reached.")
	case res == nil:
		r.about.SetText(fmt.Sprintf("%s with a range. The simulation makes %s runs with seed %d.", count(n, "input", "inputs"), scenario.FormatInput(float64(sim.Runs), false), sim.Seed))
		r.empty.SetText("Simulate (Ctrl+R) to see how often the milestones are reached, how much cash the plan needs in 9 futures of 10, and which market and fulfillment model win.")
	default:
		about := fmt.Sprintf("%s runs with seed %d, drawing %s.", scenario.FormatInput(float64(res.Runs), false), res.Seed, count(len(res.Inputs), "ranged input", "ranged inputs"))
		if stale {
			about = "Out of date: inputs or ranges changed since this simulation. Simulate again to update it. " + about
		}
		r.about.SetText(about)
		r.about.Importance = widget.MediumImportance
		if stale {
			r.about.Importance = widget.WarningImportance
		}
		r.about.Refresh()
	}
	if res == nil {
		r.empty.Show()
		r.results.Hide()
		return
	}
	r.empty.Hide()
	r.results.Show()
	cal := p.Calendar()
	r.odds.SetText(orNone(oddsLines(res, cal), "This scenario has no milestones to count (its modules with milestones are off)."))
	r.cash.SetText(res.CashNeededSentence(p.Currency))
	r.markets.SetText(orNone(shareLines(res.MarketWins, "wins in %s of futures"), "No markets in this scenario."))
	r.models.SetText(orNone(shareLines(res.PlannedModelAtHorizon, "is planned in %s of futures"), "Fulfillment is off in this scenario."))
}

func orNone(lines []string, none string) string {
	if len(lines) == 0 {
		return none
	}
	return strings.Join(lines, "\n")
}

// count writes "3 inputs", "1 input".
func count(n int, one, many string) string {
	return fmt.Sprintf("%d %s", n, plural(n, one, many))
}

// oddsLines says each milestone's probability, dated: "Cash runs out by
// Jun 2028 (month 18): 22%".
func oddsLines(res *scenario.SimResult, cal scenario.Calendar) []string {
	out := make([]string, 0, len(res.Probabilities))
	for _, pr := range res.Probabilities {
		when := "by"
		if pr.Event == scenario.EventLTVToCAC {
			when = "at"
		}
		out = append(out, fmt.Sprintf("%s %s %s (month %d): %s", pr.Title, when, cal.Label(pr.Month), pr.Month, share(pr.P)))
	}
	return out
}

// share writes a share of futures as a whole percentage, never rounding
// an event that happened, or failed to, in some run away: "<1%", ">99%".
func share(p float64) string {
	const eps = 1e-9 // shares summed run by run round off
	switch {
	case p <= eps:
		return "0%"
	case p >= 1-eps:
		return "100%"
	case p < 0.005:
		return "<1%"
	case p > 0.995:
		return ">99%"
	}
	return fmt.Sprintf("%d%%", int(math.Round(p*100)))
}

// shareLines lists shares by name, the largest first: "Germany wins in
// 62% of futures".
func shareLines(m map[string]float64, how string) []string {
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	slices.SortFunc(names, func(a, b string) int {
		if m[a] != m[b] {
			if m[a] > m[b] {
				return -1
			}
			return 1
		}
		return strings.Compare(a, b)
	})
	out := make([]string, len(names))
	for i, k := range names {
		out[i] = k + " " + fmt.Sprintf(how, share(m[k]))
	}
	return out
}

// chartFile is the tornado shown, for File → Export Chart….
func (r *riskScreen) chartFile() (string, func(path string) error, string) {
	v := r.analysis.tornado
	if v.t == nil {
		return "", nil, "The Risk tab's chart is the tornado: pick an output, and give inputs ranges, to draw it first."
	}
	t, cur, label := *v.t, v.cur, v.barLabels()
	return "tornado", func(path string) error {
		return chart.WriteTornadoFile(path, &t, cur, label, chart.Light())
	}, ""
}

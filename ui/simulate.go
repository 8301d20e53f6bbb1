package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scaleplan/app"
	"scaleplan/scenario"
)

// simBar is the strip above the status bar while a simulation runs: what
// it simulates, a progress bar and Cancel. The window stays usable: the
// runs go on other goroutines (app.SimJob.Run), and only their progress
// and outcome come back, through post (async.go).
type simBar struct {
	u      *UI
	box    *fyne.Container
	label  *widget.Label
	bar    *widget.ProgressBar
	cancel *widget.Button
	// done counts finished simulations (tests wait on it).
	done int
}

func newSimBar(u *UI) *simBar {
	b := &simBar{u: u, label: widget.NewLabel(""), bar: widget.NewProgressBar()}
	b.cancel = widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), u.cancelSimulation)
	b.box = container.NewBorder(nil, nil, b.label, b.cancel, b.bar)
	b.box.Hide()
	return b
}

// simulate runs a Monte Carlo simulation of every scenario with a range
// (the selected one first) with the plan's runs and seed: Simulate in the
// Edit menu, Ctrl+R, and the Risk tab's button.
func (u *UI) simulate() {
	if u.s.Doc() == nil || u.s.Simulating() {
		return
	}
	j, err := u.s.StartSimulation()
	if errors.Is(err, app.ErrNoRanges) {
		showInfo(u.win, "Nothing to simulate", "No input has a range yet.\n\nAdd a range to an input (Range… beside a field), then Simulate.")
		return
	}
	if err != nil {
		u.showError("Simulate", err)
		return
	}
	b := u.simBar
	b.label.SetText(fmt.Sprintf("Simulating %s (%s runs)…", strings.Join(j.Scenarios(), ", "), scenario.FormatInput(float64(j.Total()), false)))
	b.bar.SetValue(0)
	b.cancel.Enable()
	b.box.Show()
	u.menu.refresh()
	u.simScreensChanged()
	if u.sync && u.posted == nil {
		u.simulated(j, j.Run())
		return
	}
	j.Progress = func(done, total int) {
		u.post(func() { b.bar.SetValue(float64(done) / float64(total)) })
	}
	go func() {
		out := j.Run()
		u.post(func() { u.simulated(j, out) })
	}()
}

// cancelSimulation stops the running simulation (Cancel); the scenarios
// it finished keep their results.
func (u *UI) cancelSimulation() {
	if !u.s.Simulating() {
		return
	}
	u.simBar.cancel.Disable()
	u.simBar.label.SetText("Cancelling…")
	u.s.CancelSimulation()
}

// simulated takes a job's outcome on the UI thread.
func (u *UI) simulated(j *app.SimJob, out app.SimOutcome) {
	u.s.SimulationDone(j, out)
	u.simBar.box.Hide()
	u.simBar.done++
	u.menu.refresh()
	u.simScreensChanged()
	u.showResults() // the charts draw the new bands
	switch {
	case errors.Is(out.Err, context.Canceled):
		u.say(fmt.Sprintf("Simulation cancelled (%d of %d scenarios finished).", len(out.Results), len(j.Scenarios())), app.Info)
	case out.Err != nil:
		u.showError("Simulate", out.Err)
	default:
		u.updateStatus()
	}
}

// simScreensChanged tells the screens that show simulations (the Risk
// tab, the charts) that results came, went or are being made.
func (u *UI) simScreensChanged() {
	for _, sc := range u.screens {
		if r, ok := sc.(simViewer); ok {
			r.simChanged()
		}
	}
}

// simViewer is a screen that shows simulation results.
type simViewer interface {
	simChanged()
}

// simulationSettings asks for the plan's runs and seed (Edit → Simulation
// Settings…).
func (u *UI) simulationSettings() {
	if u.s.Doc() == nil {
		return
	}
	cur := u.s.Doc().Plan().SimulationOrDefault()
	var d dialog.Dialog
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	msg.Wrapping = fyne.TextWrapWord
	var runs, seed *fieldEntry
	read := func() (scenario.Simulation, error) {
		n, err := parseWhole(runs.Text)
		if err != nil {
			return scenario.Simulation{}, fmt.Errorf("Runs: %w", err)
		}
		if n < 1 || n > scenario.MaxRuns {
			return scenario.Simulation{}, fmt.Errorf("Runs: must be between 1 and %s, got %s", scenario.FormatInput(scenario.MaxRuns, false), scenario.FormatInput(float64(n), false))
		}
		sd, err := parseSeed(seed.Text)
		if err != nil {
			return scenario.Simulation{}, fmt.Errorf("Seed: %w", err)
		}
		return scenario.Simulation{Runs: n, Seed: sd}, nil
	}
	confirm := func() {
		sim, err := read()
		if err == nil {
			err = u.s.Doc().SetSimulation(sim)
		}
		if err != nil {
			msg.SetText(plainErr(err, u.s.Selected()).Error())
			return
		}
		d.Hide()
	}
	cancel := func() { d.Hide() }
	runs = dialogEntry(confirm, cancel)
	seed = dialogEntry(confirm, cancel)
	runs.SetText(scenario.FormatInput(float64(cur.Runs), false))
	seed.SetText(fmt.Sprint(cur.Seed))
	check := func(string) {
		msg.SetText("")
		if _, err := read(); err != nil {
			msg.SetText(err.Error())
		}
	}
	runs.OnChanged, seed.OnChanged = check, check
	note := widget.NewLabel("The same plan and seed give the same results on any machine.")
	note.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(widget.NewForm(widget.NewFormItem("Runs", runs), widget.NewFormItem("Seed", seed)), note, msg)
	set := widget.NewButton("Set", confirm)
	set.Importance = widget.HighImportance
	body.Add(container.NewHBox(layout.NewSpacer(), widget.NewButton("Cancel", cancel), set))
	d = dialog.NewCustomWithoutButtons("Simulation settings", body, u.win)
	dialogKeys(u.win, d, confirm, cancel)
	d.Resize(fyne.NewSize(420, 0))
	d.Show()
	u.win.Canvas().Focus(runs)
}

// parseSeed reads a seed: a whole number from 0 up.
func parseSeed(s string) (uint64, error) {
	v, err := scenario.ParseNumber(s, false)
	if err != nil {
		return 0, err
	}
	if v < 0 || v != float64(uint64(v)) || v >= 1<<63 {
		return 0, fmt.Errorf("%q: enter a whole number from 0 up", strings.TrimSpace(s))
	}
	return uint64(v), nil
}

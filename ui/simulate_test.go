package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"scaleplan/scenario"
)

// pump runs what goroutines handed to the UI thread (u.posted) until cond
// holds, as the event loop would.
func pump(t *testing.T, u *UI, what string, cond func() bool) {
	t.Helper()
	deadline := time.After(60 * time.Second)
	for !cond() {
		select {
		case fn := <-u.posted:
			fn()
		case <-deadline:
			t.Fatalf("timed out waiting until %s", what)
		}
	}
}

// TestSimulateCancelsAndStaysResponsive: Simulate runs off the UI thread
// with a progress bar; while it runs an edit and a tab switch are
// processed at once; Cancel stops it, keeps no half result and hides the
// bar.
func TestSimulateCancelsAndStaysResponsive(t *testing.T) {
	u, _ := newTestUI(t)
	u.posted = make(chan func(), 4096) // the UI thread is this test's goroutine
	clearRanges(t, u)
	d := u.s.Doc()
	if err := d.SetRange(0, "viral.inviteConversion", scenario.Range{Low: 0.12, High: 0.28}); err != nil {
		t.Fatal(err)
	}
	if err := d.SetSimulation(scenario.Simulation{Runs: 40_000, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	u.simulate()
	if !u.s.Simulating() || !u.simBar.box.Visible() || !u.menu.simItem.Disabled {
		t.Fatalf("simulating %v, bar shown %v, Simulate disabled %v", u.s.Simulating(), u.simBar.box.Visible(), u.menu.simItem.Disabled)
	}
	pump(t, u, "the first progress", func() bool { return u.simBar.bar.Value > 0 })

	// The window answers while the runs go on.
	seed := num(t, u, "viral.seedUsers")
	typeKeys(u, seed, "1500")
	if got := cur(u).Viral.SeedUsers; got != 1500 {
		t.Errorf("an edit during the simulation: seed users %v, want 1500", got)
	}
	risk := tabIndex(t, "Risk")
	u.tabs.SelectIndex(risk)
	if u.tabs.SelectedIndex() != risk {
		t.Error("the tab switch during the simulation did not happen")
	}
	if !u.s.Simulating() {
		t.Fatal("the simulation ended before Cancel: make it longer")
	}
	u.simulate() // a second Simulate while one runs does nothing
	test.Tap(u.simBar.cancel)
	pump(t, u, "the cancelled simulation's end", func() bool { return u.simBar.done == 1 })
	if u.s.Simulating() || u.simBar.box.Visible() || u.menu.simItem.Disabled {
		t.Errorf("after Cancel: simulating %v, bar shown %v, Simulate disabled %v", u.s.Simulating(), u.simBar.box.Visible(), u.menu.simItem.Disabled)
	}
	if res, _ := u.s.Simulation(cur(u).ID); res != nil {
		t.Error("a cancelled simulation left a result")
	}
	if !strings.Contains(u.status.Text, "cancelled") {
		t.Errorf("status %q: want it to say the simulation was cancelled", u.status.Text)
	}
}

package app

import (
	"context"
	"errors"
	"testing"

	"scaleplan/scenario"
)

// simSession is the sample plan in a session with small runs and no
// ranges yet.
func simSession(t *testing.T) *Session {
	t.Helper()
	s, _ := newSession(t)
	clearAllRanges(t, s.Doc())
	s.Doc().plan.Simulation = &scenario.Simulation{Runs: 200, Seed: 3}
	return s
}

// runJob runs a job to its end as the UI does, and hands the outcome back.
func runJob(t *testing.T, s *Session) SimOutcome {
	t.Helper()
	j, err := s.StartSimulation()
	if err != nil {
		t.Fatal(err)
	}
	out := j.Run()
	s.SimulationDone(j, out)
	return out
}

// TestSimulationKeptAndStale: a simulation's result is kept by scenario id;
// an edit of its inputs or ranges makes it stale, a rename does not, and
// undoing the edit makes it current again.
func TestSimulationKeptAndStale(t *testing.T) {
	s := simSession(t)
	d := s.Doc()
	if _, err := s.StartSimulation(); !errors.Is(err, ErrNoRanges) {
		t.Fatalf("a plan without ranges: %v, want ErrNoRanges", err)
	}
	if err := d.SetRange(0, conv, scenario.Range{Low: 0.1, High: 0.3}); err != nil {
		t.Fatal(err)
	}
	heard := 0
	s.OnSimulation(func() { heard++ })
	out := runJob(t, s)
	if out.Err != nil || len(out.Results) != 1 {
		t.Fatalf("outcome: %d results, err %v; want the one ranged scenario", len(out.Results), out.Err)
	}
	id := d.Plan().Scenarios[0].ID
	res, stale := s.Simulation(id)
	if res == nil || stale || res.Runs != 200 || res.Seed != 3 || heard != 1 {
		t.Fatalf("kept %v (stale %v, listeners ran %d times)", res, stale, heard)
	}
	if r, _ := s.Simulation(d.Plan().Scenarios[1].ID); r != nil {
		t.Error("a scenario without ranges got a result")
	}
	steps := []struct {
		what  string
		edit  func() error
		stale bool
	}{
		{"rename", func() error { return d.RenameScenario(0, "Renamed") }, false},
		{"input", func() error { return setConversion(d, 0.25) }, true},
		{"range", func() error { return d.SetRange(0, conv, scenario.Range{Low: 0.1, High: 0.4}) }, true},
		{"seed", func() error { return d.SetSimulation(scenario.Simulation{Runs: 200, Seed: 4}) }, true},
	}
	for _, st := range steps {
		if err := st.edit(); err != nil {
			t.Fatalf("%s: %v", st.what, err)
		}
		if got, stale := s.Simulation(id); got != res || stale != st.stale {
			t.Errorf("after the %s edit: same result %v, stale %v; want stale %v", st.what, got == res, stale, st.stale)
		}
		d.Undo()
		if _, stale := s.Simulation(id); stale {
			t.Errorf("undoing the %s edit should make the result current again", st.what)
		}
	}
	s.SetDocument(NewDocument(samplePlan(t), ""))
	if r, _ := s.Simulation(id); r != nil || heard != 2 {
		t.Errorf("another plan: result %v kept, listeners ran %d times (want dropped, 2)", r, heard)
	}
}

// TestSimulationZeroWidthIsTheDeterministicPlan: with a range of zero
// width every run is the plan itself, so every band is the computed value.
func TestSimulationZeroWidthIsTheDeterministicPlan(t *testing.T) {
	s := simSession(t)
	d := s.Doc()
	v := d.Plan().Scenarios[0].Viral.InviteConversion
	if err := d.SetRange(0, conv, scenario.Range{Low: v, High: v, Dist: scenario.DistUniform}); err != nil {
		t.Fatal(err)
	}
	out := runJob(t, s)
	if out.Err != nil {
		t.Fatal(out.Err)
	}
	rs, err := scenario.ComputePlan(d.Snapshot())
	if err != nil {
		t.Fatal(err)
	}
	res, _ := s.Simulation(d.Plan().Scenarios[0].ID)
	bands := res.Series[scenario.OutputActive]
	months := rs[0].Viral.Months
	if len(bands) != len(months) {
		t.Fatalf("%d bands for %d months", len(bands), len(months))
	}
	for m, b := range bands {
		want := months[m].Active
		if b.P10 != want || b.P50 != want || b.P90 != want {
			t.Fatalf("month %d: bands %v/%v/%v, want all %v", m+1, b.P10, b.P50, b.P90, want)
		}
	}
}

// TestSimulationCancel: a cancelled job stops early with context.Canceled,
// keeps nothing of the unfinished scenario, and frees the session for the
// next one; a second start while one runs is refused.
func TestSimulationCancel(t *testing.T) {
	s := simSession(t)
	d := s.Doc()
	d.plan.Simulation = &scenario.Simulation{Runs: 50_000, Seed: 1}
	if err := d.SetRange(0, conv, scenario.Range{Low: 0.1, High: 0.3}); err != nil {
		t.Fatal(err)
	}
	j, err := s.StartSimulation()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.StartSimulation(); !errors.Is(err, ErrSimulating) {
		t.Errorf("a second start: %v, want ErrSimulating", err)
	}
	last := 0
	j.Progress = func(done, total int) {
		last = done
		if total != 50_000 {
			t.Errorf("total %d, want 50,000", total)
		}
		j.Cancel() // the first report cancels, from the simulation's goroutine
	}
	out := j.Run()
	if !errors.Is(out.Err, context.Canceled) || len(out.Results) != 0 {
		t.Fatalf("cancelled: %d results, err %v", len(out.Results), out.Err)
	}
	if last == 0 || last >= 25_000 {
		t.Errorf("progress reached %d of 50,000 runs before the cancel took: want it stopped early", last)
	}
	s.SimulationDone(j, out)
	if s.Simulating() {
		t.Error("still simulating after the outcome arrived")
	}
	if r, _ := s.Simulation(d.Plan().Scenarios[0].ID); r != nil {
		t.Error("a cancelled scenario's result was kept")
	}
}

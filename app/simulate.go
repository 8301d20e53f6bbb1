package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"scaleplan/scenario"
)

// ErrSimulating is returned by StartSimulation while a simulation runs.
var ErrSimulating = errors.New("a simulation is already running")

// ErrNoRanges is returned by StartSimulation when no scenario of the plan
// has a range: there is nothing uncertain to simulate.
var ErrNoRanges = errors.New("no input has a range: add one (Range… beside a field), then Simulate")

// A simulated scenario's result is kept, by scenario id, until the next
// simulation of that scenario or another plan is opened. An edit does not
// drop it: it is marked stale while the scenario's inputs, ranges, horizon,
// the plan's currency or its simulation setting differ from those it was
// computed from (undoing the edit makes it current again). A stale result
// still shows, said to be out of date, so the user keeps the answers while
// deciding whether to simulate again.

// simEntry is a kept simulation result and the fingerprint of what it was
// computed from.
type simEntry struct {
	res *scenario.SimResult
	fp  string
}

// sims is the session's simulation state.
type sims struct {
	results   map[string]simEntry // by scenario id
	running   *SimJob
	listeners []func()
	// fps caches the current plan's fingerprints by scenario id, for the
	// document generation gen.
	fps map[string]string
	gen uint64
}

// SimJob is one simulation: a snapshot of the plan and the scenarios to
// simulate (every scenario with a range, the selected one first). Run it
// on a goroutine; hand its outcome to Session.SimulationDone on the UI's.
type SimJob struct {
	plan   *scenario.Plan
	idx    []int    // scenarios to simulate, in order
	fps    []string // their fingerprints
	sim    scenario.Simulation
	ctx    context.Context
	cancel context.CancelFunc
	// Progress, if set, is told the runs done of Total, from Run's
	// goroutines, about every percent (one call at a time, counts rising).
	Progress func(done, total int)
	// Workers is passed to scenario.Simulate (0: one per core).
	Workers int
}

// Total is the number of runs the job makes in all.
func (j *SimJob) Total() int { return j.sim.Runs * len(j.idx) }

// Scenarios names the scenarios the job simulates, in order.
func (j *SimJob) Scenarios() []string {
	names := make([]string, len(j.idx))
	for k, i := range j.idx {
		names[k] = j.plan.Scenarios[i].Name
	}
	return names
}

// SimOutcome is what a job found: the results of the scenarios it
// finished, and the error that stopped it (context.Canceled wrapped when
// cancelled), if any.
type SimOutcome struct {
	Results []*scenario.SimResult
	fps     []string
	Err     error
}

// Cancel stops the job: Run returns soon after, with the scenarios it
// finished. It may be called from any goroutine, more than once.
func (j *SimJob) Cancel() { j.cancel() }

// Run simulates the job's scenarios one after the other, each on every
// core, until the job is cancelled. It may run on any goroutine.
func (j *SimJob) Run() SimOutcome {
	defer j.cancel() // frees the context
	ctx := j.ctx
	var out SimOutcome
	total, before := j.Total(), 0
	step := max(total/100, 1)
	last := -step
	for k, i := range j.idx {
		s := &j.plan.Scenarios[i]
		opt := scenario.SimOptions{Runs: j.sim.Runs, Seed: j.sim.Seed, Workers: j.Workers}
		if j.Progress != nil {
			off := before
			opt.Progress = func(done int) {
				if n := off + done; n-last >= step || n == total {
					last = n
					j.Progress(n, total)
				}
			}
		}
		res, err := scenario.Simulate(ctx, s, j.plan.Currency, opt)
		if err != nil {
			out.Err = fmt.Errorf("%s: %w", s.Name, err)
			return out
		}
		out.Results = append(out.Results, res)
		out.fps = append(out.fps, j.fps[k])
		before += j.sim.Runs
	}
	return out
}

// StartSimulation prepares a simulation of the current plan: every
// scenario with a range, the selected one first, with the plan's
// simulation setting. It refuses while another runs (ErrSimulating) and
// when no scenario has a range (ErrNoRanges). Call SimulationDone with the
// job's outcome when Run returns.
func (s *Session) StartSimulation() (*SimJob, error) {
	if s.sim.running != nil {
		return nil, ErrSimulating
	}
	p := s.doc.Snapshot()
	j := &SimJob{plan: p, sim: p.SimulationOrDefault()}
	j.ctx, j.cancel = context.WithCancel(context.Background())
	order := append([]int{s.sel}, allBut(len(p.Scenarios), s.sel)...)
	for _, i := range order {
		if len(p.Scenarios[i].Ranges) > 0 {
			j.idx = append(j.idx, i)
			j.fps = append(j.fps, fingerprint(p, i))
		}
	}
	if len(j.idx) == 0 {
		j.cancel()
		return nil, ErrNoRanges
	}
	s.sim.running = j
	return j, nil
}

// allBut lists 0..n-1 without skip.
func allBut(n, skip int) []int {
	out := make([]int, 0, n)
	for i := range n {
		if i != skip {
			out = append(out, i)
		}
	}
	return out
}

// CancelSimulation cancels the running simulation, if any; its outcome
// still arrives through SimulationDone.
func (s *Session) CancelSimulation() {
	if s.sim.running != nil {
		s.sim.running.Cancel()
	}
}

// Simulating reports whether a simulation is running.
func (s *Session) Simulating() bool { return s.sim.running != nil }

// SimulationDone keeps the results of job j's finished scenarios (also
// when it was cancelled or failed part way) and runs the simulation
// listeners. An outcome of a job from before the document changed hands
// (Open, New) is dropped.
func (s *Session) SimulationDone(j *SimJob, out SimOutcome) {
	if s.sim.running != j {
		return
	}
	s.sim.running = nil
	if s.sim.results == nil {
		s.sim.results = map[string]simEntry{}
	}
	for k, r := range out.Results {
		s.sim.results[r.ID] = simEntry{res: r, fp: out.fps[k]}
	}
	s.simChanged()
}

// Simulation returns the latest simulation result of the scenario with id
// (nil if it has none) and whether it is stale: the scenario's inputs,
// ranges or horizon, the plan's currency or simulation setting changed
// since. Use the result read-only.
func (s *Session) Simulation(id string) (res *scenario.SimResult, stale bool) {
	e, ok := s.sim.results[id]
	if !ok || s.doc == nil {
		return nil, false
	}
	i := s.doc.ScenarioIndex(id)
	if i < 0 {
		return nil, false
	}
	return e.res, s.currentFingerprint(id, i) != e.fp
}

// OnSimulation registers fn to run (on the UI goroutine) when a
// simulation finishes or the results are dropped (another plan). Staleness
// changes with edits: the document's OnChange covers those.
func (s *Session) OnSimulation(fn func()) { s.sim.listeners = append(s.sim.listeners, fn) }

func (s *Session) simChanged() {
	for _, fn := range s.sim.listeners {
		fn()
	}
}

// dropSimulations forgets every result (another document), and any
// running job's outcome.
func (s *Session) dropSimulations() {
	had := len(s.sim.results) > 0 || s.sim.running != nil
	if s.sim.running != nil {
		s.sim.running.Cancel()
	}
	s.sim.results, s.sim.running, s.sim.fps = nil, nil, nil
	if had {
		s.simChanged()
	}
}

// currentFingerprint is scenario i's fingerprint in the current plan,
// cached per document generation.
func (s *Session) currentFingerprint(id string, i int) string {
	if s.sim.fps == nil || s.sim.gen != s.doc.Generation() {
		s.sim.fps, s.sim.gen = map[string]string{}, s.doc.Generation()
	}
	fp, ok := s.sim.fps[id]
	if !ok {
		fp = fingerprint(s.doc.Plan(), i)
		s.sim.fps[id] = fp
	}
	return fp
}

// fingerprint is what scenario i's simulation depends on, as text: its
// inputs and ranges (resolved, not its name or notes), the plan's
// currency and simulation setting.
func fingerprint(p *scenario.Plan, i int) string {
	c := p.Scenarios[i].Clone()
	c.Name, c.Notes, c.BasedOn, c.Overrides = "", "", "", nil
	b, err := json.Marshal(struct {
		S        scenario.Scenario
		Currency string
		Sim      scenario.Simulation
	}{c, p.Currency, p.SimulationOrDefault()})
	if err != nil {
		return "" // a valid plan always encodes; an empty print is never current
	}
	return string(b)
}

package scenario

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// Band is one month of an output's spread over the runs: its 10th, 50th
// and 90th percentiles.
type Band struct {
	Month int     `json:"month"`
	P10   float64 `json:"p10"`
	P50   float64 `json:"p50"`
	P90   float64 `json:"p90"`
}

// Probability is the share of runs in which an event happened by a month.
type Probability struct {
	Event string `json:"event"`
	// Title says the event for people ("Cash runs out").
	Title string  `json:"-"`
	Month int     `json:"month"`
	P     float64 `json:"p"`
}

// CashNeeded is the funding that would keep cash at or above zero in half
// the runs (P50) and in nine runs of ten (P90).
type CashNeeded struct {
	P50 float64 `json:"p50"`
	P90 float64 `json:"p90"`
}

// Samples is every run's drawn inputs and its outputs at the horizon, one
// row per run in run order: Values holds Runs rows of len(Inputs) +
// len(Outputs) numbers.
type Samples struct {
	Inputs  []string
	Outputs []string
	Values  []float64
}

// Row returns run i's inputs followed by its outputs.
func (s *Samples) Row(i int) []float64 {
	w := len(s.Inputs) + len(s.Outputs)
	return s.Values[i*w : (i+1)*w]
}

// SimResult is what a Monte Carlo simulation of one scenario found
// (docs/MODELS.md §7).
type SimResult struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Runs int    `json:"-"`
	Seed uint64 `json:"-"`
	// Inputs are the ranged input paths, sorted: the order of each run's draws.
	Inputs []string `json:"-"`
	// Series holds each output's bands by month, keyed by output key.
	Series        map[string][]Band `json:"series"`
	Probabilities []Probability     `json:"probabilities"`
	// CashNeeded is nil when the finance module is off.
	CashNeeded *CashNeeded `json:"cashNeeded"`
	// MarketWins is the share of runs each market ranks first in (a tie
	// splits the run); nil without markets.
	MarketWins map[string]float64 `json:"marketWins"`
	// PlannedModelAtHorizon is the share of runs each fulfillment model is
	// planned in at the horizon; nil with fulfillment off.
	PlannedModelAtHorizon map[string]float64 `json:"plannedModelAtHorizon"`
	// Samples is set when SimOptions.Samples asked for it.
	Samples *Samples `json:"-"`
}

// SimOptions says how to run a simulation.
type SimOptions struct {
	Runs int
	Seed uint64
	// Workers is the number of goroutines (0: one per core).
	Workers int
	// Samples keeps every run's inputs and horizon outputs.
	Samples bool
	// Progress, if set, is told how many runs are done, now and then, from
	// the simulation's goroutines (one call at a time, counts rising).
	Progress func(done int)
}

// runOutcome is what one run leaves for the aggregation.
type runOutcome struct {
	events  []bool
	cash    float64 // cash needed
	winners []int   // market indexes ranked first
	planned int     // planned model index at the horizon, -1 for none
}

// simulation is one Simulate call's shared state.
type simulation struct {
	s        *Scenario
	currency string
	opt      SimOptions
	paths    []string
	outputs  []Output
	events   []Event
	// values[o][m] holds output o in month m+1 of every run, by run.
	values  [][][]float64
	outcome []runOutcome
	samples *Samples
}

// Simulate runs a Monte Carlo simulation of s (valid, its variant inputs
// resolved): opt.Runs runs, run i drawing each ranged input, in sorted path
// order, from its own generator seeded from (opt.Seed, i), so the result is
// the same whatever the number of workers. It stops with ctx's error when
// ctx is cancelled.
func Simulate(ctx context.Context, s *Scenario, currency string, opt SimOptions) (*SimResult, error) {
	if opt.Runs < 1 || opt.Runs > MaxRuns {
		return nil, fmt.Errorf("simulate: runs must be between 1 and %d, got %d", MaxRuns, opt.Runs)
	}
	if errs := validateFields(s, ""); len(errs) > 0 {
		return nil, fmt.Errorf("simulate: %w", errs)
	}
	if errs := validateRanges(s, ""); len(errs) > 0 {
		return nil, fmt.Errorf("simulate: %w", errs)
	}
	base, err := compute(s, currency, "")
	if err != nil {
		return nil, fmt.Errorf("simulate: %w", err)
	}
	sim := &simulation{s: s, currency: currency, opt: opt, paths: RangePaths(s), outputs: ScenarioOutputs(s), events: ScenarioEvents(s, base)}
	sim.values = make([][][]float64, len(sim.outputs))
	for o := range sim.values {
		sim.values[o] = make([][]float64, s.HorizonMonths)
		for m := range sim.values[o] {
			sim.values[o][m] = make([]float64, opt.Runs)
		}
	}
	sim.outcome = make([]runOutcome, opt.Runs)
	if opt.Samples {
		sim.samples = &Samples{Inputs: sim.paths, Values: make([]float64, opt.Runs*(len(sim.paths)+len(sim.outputs)))}
		for _, o := range sim.outputs {
			sim.samples.Outputs = append(sim.samples.Outputs, o.Key)
		}
	}
	if err := sim.run(ctx); err != nil {
		return nil, err
	}
	return sim.result(base), nil
}

// run computes every run on opt.Workers goroutines, which take runs in
// small batches.
func (sim *simulation) run(ctx context.Context) error {
	workers := sim.opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	const batch = 32
	var next, done atomic.Int64
	var mu sync.Mutex
	reported := 0
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			wk, err := sim.newWorker()
			if err != nil {
				errs[w] = err
				return
			}
			for {
				if ctx.Err() != nil {
					return
				}
				from := int(next.Add(batch)) - batch
				if from >= sim.opt.Runs {
					return
				}
				for i := from; i < min(from+batch, sim.opt.Runs); i++ {
					if err := wk.runOne(i); err != nil {
						errs[w] = err
						next.Store(int64(sim.opt.Runs))
						return
					}
				}
				n := int(done.Add(int64(min(batch, sim.opt.Runs-from))))
				if sim.opt.Progress != nil {
					mu.Lock()
					if n > reported {
						reported = n
						sim.opt.Progress(n)
					}
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("simulate: %w", err)
	}
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// worker is one goroutine's copy of the scenario with its ranged inputs
// resolved for writing.
type worker struct {
	sim      *simulation
	s        Scenario
	samplers []sampler
	refs     []inputRef
	drawn    []float64
}

func (sim *simulation) newWorker() (*worker, error) {
	wk := &worker{sim: sim, s: sim.s.Clone()}
	for _, p := range sim.paths {
		sm, err := newSampler(sim.s, p, sim.s.Ranges[p])
		if err != nil {
			return nil, fmt.Errorf("simulate: %w", err)
		}
		ref, err := resolveInput(&wk.s, p)
		if err != nil {
			return nil, fmt.Errorf("simulate: %w", err)
		}
		wk.samplers = append(wk.samplers, sm)
		wk.refs = append(wk.refs, ref)
	}
	wk.drawn = make([]float64, len(sim.paths))
	return wk, nil
}

// runOne draws run i's inputs, computes it and records what it found.
func (wk *worker) runOne(i int) error {
	sim := wk.sim
	src := runSource(sim.opt.Seed, i)
	for j, sm := range wk.samplers {
		wk.drawn[j] = sm.draw(src)
		if err := wk.refs[j].set(wk.drawn[j]); err != nil {
			return fmt.Errorf("simulate: run %d: %w", i+1, err)
		}
	}
	r := &Result{ID: wk.s.ID, Name: wk.s.Name, Horizon: wk.s.HorizonMonths}
	if fe := computeModules(&wk.s, r, ""); fe != nil {
		return fmt.Errorf("simulate: run %d (%s): %w", i+1, wk.describe(), fe)
	}
	for o, out := range sim.outputs {
		for m := range sim.values[o] {
			sim.values[o][m][i] = out.Value(r, m+1)
		}
	}
	sim.outcome[i] = wk.outcome(r)
	if sim.samples != nil {
		row := sim.samples.Row(i)
		copy(row, wk.drawn)
		for o, out := range sim.outputs {
			row[len(wk.drawn)+o] = out.Value(r, wk.s.HorizonMonths)
		}
	}
	return nil
}

// describe names the inputs a run drew, for an error.
func (wk *worker) describe() string {
	var s string
	for j, p := range wk.sim.paths {
		if j > 0 {
			s += ", "
		}
		s += fmt.Sprintf("%s = %g", p, wk.drawn[j])
	}
	return s
}

// outcome reads a computed run's events, cash needed, winning markets and
// planned model.
func (wk *worker) outcome(r *Result) runOutcome {
	out := runOutcome{planned: -1}
	for _, e := range ScenarioEvents(&wk.s, r) {
		out.events = append(out.events, e.Happened)
	}
	if r.Finance != nil {
		out.cash = r.Finance.CashNeeded
	}
	if r.Markets != nil {
		for _, ms := range r.Markets.Ranking {
			if ms.Rank == 1 {
				out.winners = append(out.winners, slices.IndexFunc(wk.s.Markets.Markets, func(m Market) bool { return m.ID == ms.ID }))
			}
		}
	}
	if r.Fulfillment != nil {
		out.planned = r.Fulfillment.Months[len(r.Fulfillment.Months)-1].PlannedIdx
	}
	return out
}

// result aggregates the runs, in run order.
func (sim *simulation) result(base *Result) *SimResult {
	s, n := sim.s, float64(sim.opt.Runs)
	res := &SimResult{ID: s.ID, Name: s.Name, Runs: sim.opt.Runs, Seed: sim.opt.Seed, Inputs: sim.paths,
		Series: map[string][]Band{}, Samples: sim.samples}
	for o, out := range sim.outputs {
		bands := make([]Band, s.HorizonMonths)
		for m, vals := range sim.values[o] {
			slices.Sort(vals)
			bands[m] = Band{Month: m + 1, P10: quantile(vals, 0.1), P50: quantile(vals, 0.5), P90: quantile(vals, 0.9)}
		}
		res.Series[out.Key] = bands
	}
	for e, ev := range sim.events {
		count := 0
		for i := range sim.outcome {
			if sim.outcome[i].events[e] {
				count++
			}
		}
		res.Probabilities = append(res.Probabilities, Probability{Event: ev.Key, Title: ev.Title, Month: ev.Month, P: float64(count) / n})
	}
	if base.Finance != nil {
		cash := make([]float64, len(sim.outcome))
		for i := range sim.outcome {
			cash[i] = sim.outcome[i].cash
		}
		slices.Sort(cash)
		res.CashNeeded = &CashNeeded{P50: quantile(cash, 0.5), P90: quantile(cash, 0.9)}
	}
	if base.Markets != nil && len(s.Markets.Markets) > 0 {
		res.MarketWins = map[string]float64{}
		for _, m := range s.Markets.Markets {
			res.MarketWins[m.Name] = 0
		}
		for i := range sim.outcome {
			w := sim.outcome[i].winners
			for _, k := range w {
				res.MarketWins[s.Markets.Markets[k].Name] += 1 / float64(len(w)) / n
			}
		}
	}
	if base.Fulfillment != nil {
		res.PlannedModelAtHorizon = map[string]float64{}
		for _, m := range s.Fulfillment.Models {
			res.PlannedModelAtHorizon[m.Name] = 0
		}
		for i := range sim.outcome {
			if k := sim.outcome[i].planned; k >= 0 {
				res.PlannedModelAtHorizon[s.Fulfillment.Models[k].Name] += 1 / n
			}
		}
	}
	return res
}

// quantile returns the p-quantile of sorted values, interpolating between
// the two nearest (Excel's PERCENTILE.INC, Hyndman and Fan's type 7).
func quantile(sorted []float64, p float64) float64 {
	h := p * float64(len(sorted)-1)
	lo := int(h)
	if lo+1 >= len(sorted) {
		return sorted[len(sorted)-1]
	}
	return sorted[lo] + (h-float64(lo))*(sorted[lo+1]-sorted[lo])
}

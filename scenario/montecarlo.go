package scenario

import (
	"context"
	"fmt"
	"math"
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

// CashNeededSentence says the cash needed beyond the plan's rounds at P90
// and P50, amounts compact in currency: "To survive 9 futures in 10, raise
// $1.2M more than the planned rounds (to survive half of them, $300k)."
// (the Risk tab's and the board pack's line).
func (r *SimResult) CashNeededSentence(currency string) string {
	c := r.CashNeeded
	if c == nil {
		return "Finance is off in this scenario."
	}
	money := func(v float64) string { return FormatMoneyCompact(v, currency) }
	if c.P90 <= 0 {
		return "Cash holds out in at least 9 futures of 10 with the planned rounds: nothing more to raise."
	}
	half := "half the futures need nothing more"
	if c.P50 > 0 {
		half = "to survive half of them, " + money(c.P50)
	}
	return fmt.Sprintf("To survive 9 futures in 10, raise %s more than the planned rounds (%s).", money(c.P90), half)
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
	// Metrics holds, for every numeric comparison metric (Metrics, by key),
	// its median over the runs where it exists and the share of runs where
	// it does: what Compare shows beside the deterministic metric.
	Metrics map[string]MetricP50 `json:"-"`
}

// MetricP50 is one comparison metric over a simulation's runs.
type MetricP50 struct {
	// P50 is the metric's median over the runs where it exists (0 when it
	// exists in none).
	P50 float64
	// Share is the share of runs where it exists (a goal month, say, only
	// exists in the runs that reach the goal).
	Share float64
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
	// the simulation's goroutines (one call at a time, counts rising, the
	// last one Runs). When the runs' rows do not fit in MemoryBudget, every
	// run is computed more than once, and the count is the share of the work
	// done, in runs.
	Progress func(done int)
	// MemoryBudget bounds the bytes kept of the runs' rows (0:
	// DefaultMemoryBudget); above it, quantiles are found in passes
	// (docs/MODELS.md §7).
	MemoryBudget int
}

// simulation is one Simulate call's shared state.
type simulation struct {
	s       *Scenario
	opt     SimOptions
	workers int
	paths   []string
	outputs []Output
	events  []Event
	// metrics are the positions, in Metrics' list, of the numeric metrics,
	// and metricKeys their keys.
	metrics    []int
	metricKeys []string
	cols       columns
	store      columnStore
	// markets and models are how many markets and fulfillment models the
	// tally counts (0 with the module off).
	markets, models int
	tally           tally
	samples         *Samples
}

// columns is where each number a run reports sits in its row: output o in
// month m at o×horizon + m−1, then the cash needed, then the metrics.
type columns struct {
	horizon, outputs int
	cash             int // -1 with finance off
	metric0, n       int
}

// tally is what the runs add up besides their rows: how often each event
// happened, how often each market won outright or shared first place with
// k others (wins[market×(markets+1)+k+1]), how often each fulfillment model
// is planned at the horizon. Counts are whole numbers, so their sum is the
// same in any order.
type tally struct {
	events  []int
	wins    []int
	planned []int
}

func newTally(events, markets, models int) tally {
	return tally{events: make([]int, events), wins: make([]int, markets*(markets+1)), planned: make([]int, models)}
}

func (t *tally) add(o tally) {
	for i, v := range o.events {
		t.events[i] += v
	}
	for i, v := range o.wins {
		t.wins[i] += v
	}
	for i, v := range o.planned {
		t.planned[i] += v
	}
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
	sim := newSimulation(s, base, opt)
	if err := sim.run(ctx); err != nil {
		return nil, err
	}
	return sim.result(base), nil
}

// newSimulation lays out the runs' rows and picks where they are kept.
func newSimulation(s *Scenario, base *Result, opt SimOptions) *simulation {
	sim := &simulation{s: s, opt: opt, workers: opt.Workers, paths: RangePaths(s), outputs: ScenarioOutputs(s), events: ScenarioEvents(s, base)}
	if sim.workers <= 0 {
		sim.workers = runtime.GOMAXPROCS(0)
	}
	for i, m := range Metrics(s, base) {
		if m.Unit != UnitText {
			sim.metrics = append(sim.metrics, i)
			sim.metricKeys = append(sim.metricKeys, m.Key)
		}
	}
	c := columns{horizon: s.HorizonMonths, outputs: len(sim.outputs), cash: -1}
	c.metric0 = c.outputs * c.horizon
	if base.Finance != nil {
		c.cash = c.metric0
		c.metric0++
	}
	c.n = c.metric0 + len(sim.metrics)
	sim.cols = c
	sim.store = newColumnStore(sim.quantileSpecs(), opt.Runs, opt.MemoryBudget, sim.workers)
	if base.Markets != nil {
		sim.markets = len(s.Markets.Markets)
	}
	if base.Fulfillment != nil {
		sim.models = len(s.Fulfillment.Models)
	}
	sim.tally = newTally(len(sim.events), sim.markets, sim.models)
	if opt.Samples {
		sim.samples = &Samples{Inputs: sim.paths, Values: make([]float64, opt.Runs*(len(sim.paths)+len(sim.outputs)))}
		for _, o := range sim.outputs {
			sim.samples.Outputs = append(sim.samples.Outputs, o.Key)
		}
	}
	return sim
}

// bandPs are the percentiles of a band; cashPs those of the cash needed.
var (
	bandPs   = []float64{0.1, 0.5, 0.9}
	cashPs   = []float64{0.5, 0.9}
	metricPs = []float64{0.5}
)

// quantileSpecs says which quantiles each column needs.
func (sim *simulation) quantileSpecs() [][]float64 {
	specs := make([][]float64, sim.cols.n)
	for c := range specs {
		switch {
		case c < sim.cols.metric0 && c != sim.cols.cash:
			specs[c] = bandPs
		case c == sim.cols.cash:
			specs[c] = cashPs
		default:
			specs[c] = metricPs
		}
	}
	return specs
}

// run computes every run on the workers, once per pass of the column store
// (one pass when every row fits in memory).
func (sim *simulation) run(ctx context.Context) error {
	passes := sim.store.passes()
	for pass := 0; !sim.store.done(); pass++ {
		if err := sim.runPass(ctx, pass, passes); err != nil {
			return err
		}
		sim.store.endPass()
	}
	if sim.opt.Progress != nil {
		sim.opt.Progress(sim.opt.Runs)
	}
	return nil
}

// runPass computes every run once, on sim.workers goroutines which take runs
// in small batches. Progress counts the pass as its share of the planned
// passes.
func (sim *simulation) runPass(ctx context.Context, pass, passes int) error {
	const batch = 32
	var next, done atomic.Int64
	var mu sync.Mutex
	reported := 0
	workers := make([]*worker, sim.workers)
	errs := make([]error, sim.workers)
	var wg sync.WaitGroup
	for w := range workers {
		wk, err := sim.newWorker(pass)
		if err != nil {
			return err
		}
		workers[w] = wk
		wg.Add(1)
		go func() {
			defer wg.Done()
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
					if all := min((pass*sim.opt.Runs+n)/passes, sim.opt.Runs-1); all > reported {
						reported = all
						sim.opt.Progress(all)
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
	for _, wk := range workers {
		sim.store.merge(wk.sink)
		if pass == 0 {
			sim.tally.add(wk.tally)
		}
	}
	return nil
}

// worker is one goroutine's evaluator of the scenario, with its ranged
// inputs resolved for writing.
type worker struct {
	sim      *simulation
	pass     int
	ev       *FastEvaluator
	samplers []sampler
	inputs   []*evalInput
	drawn    []float64
	row      []float64
	sink     columnSink
	tally    tally
}

func (sim *simulation) newWorker(pass int) (*worker, error) {
	wk := &worker{sim: sim, pass: pass, ev: NewFastEvaluator(sim.s), drawn: make([]float64, len(sim.paths)), row: make([]float64, sim.cols.n), sink: sim.store.newSink()}
	for _, p := range sim.paths {
		sm, err := newSampler(sim.s, p, sim.s.Ranges[p])
		if err != nil {
			return nil, fmt.Errorf("simulate: %w", err)
		}
		in, err := wk.ev.input(p)
		if err != nil {
			return nil, fmt.Errorf("simulate: %w", err)
		}
		wk.samplers = append(wk.samplers, sm)
		wk.inputs = append(wk.inputs, in)
	}
	if pass == 0 {
		wk.tally = newTally(len(sim.events), sim.markets, sim.models)
	}
	return wk, nil
}

// runOne draws run i's inputs, computes it and records what it found.
func (wk *worker) runOne(i int) error {
	sim := wk.sim
	src := runSource(sim.opt.Seed, i)
	for j, sm := range wk.samplers {
		wk.drawn[j] = sm.draw(src)
		if err := wk.ev.set(wk.inputs[j], wk.drawn[j]); err != nil {
			return fmt.Errorf("simulate: run %d: %w", i+1, err)
		}
	}
	r, err := wk.ev.Compute()
	if err != nil {
		return fmt.Errorf("simulate: run %d (%s): %w", i+1, wk.describe(), err)
	}
	wk.fillRow(r)
	wk.sink.add(i, wk.row)
	if wk.pass > 0 {
		return nil
	}
	wk.count(r)
	if sim.samples != nil {
		row := sim.samples.Row(i)
		copy(row, wk.drawn)
		for o, out := range sim.outputs {
			row[len(wk.drawn)+o] = out.Value(r, sim.cols.horizon)
		}
	}
	return nil
}

// fillRow writes a computed run's numbers into wk.row (NaN for a metric
// that does not exist in this run).
func (wk *worker) fillRow(r *Result) {
	sim, c := wk.sim, wk.sim.cols
	for o, out := range sim.outputs {
		for m := range c.horizon {
			wk.row[o*c.horizon+m] = out.Value(r, m+1)
		}
	}
	if c.cash >= 0 {
		wk.row[c.cash] = r.Finance.CashNeeded
	}
	if len(sim.metrics) > 0 {
		k, at := 0, 0 // the next numeric metric, and where the module's list starts in Metrics'
		for _, m := range modules {
			ms := m.Metrics(&wk.ev.s, r) // Metrics, without joining the lists
			for k < len(sim.metrics) && sim.metrics[k] < at+len(ms) {
				wk.row[c.metric0+k] = math.NaN()
				if mt := ms[sim.metrics[k]-at]; mt.OK {
					wk.row[c.metric0+k] = mt.Value
				}
				k++
			}
			at += len(ms)
		}
	}
	for i, v := range wk.row {
		if v == 0 {
			wk.row[i] = 0 // −0 and 0 are one value: the quantiles say 0
		}
	}
}

// count adds a computed run's events, winning markets and planned model to
// the worker's tally.
func (wk *worker) count(r *Result) {
	t := &wk.tally
	for e, ev := range ScenarioEvents(&wk.ev.s, r) {
		if ev.Happened && e < len(t.events) {
			t.events[e]++
		}
	}
	if markets := wk.sim.markets; markets > 0 {
		tied := 0
		for _, ms := range r.Markets.Ranking {
			if ms.Rank == 1 {
				tied++
			}
		}
		for _, ms := range r.Markets.Ranking {
			if ms.Rank == 1 {
				k := slices.IndexFunc(wk.ev.s.Markets.Markets, func(m Market) bool { return m.ID == ms.ID })
				t.wins[k*(markets+1)+tied]++
			}
		}
	}
	if len(t.planned) > 0 {
		if k := r.Fulfillment.Months[len(r.Fulfillment.Months)-1].PlannedIdx; k >= 0 {
			t.planned[k]++
		}
	}
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

// result reads the quantiles and shares out of the store and the tally.
func (sim *simulation) result(base *Result) *SimResult {
	s, n, c := sim.s, float64(sim.opt.Runs), sim.cols
	res := &SimResult{ID: s.ID, Name: s.Name, Runs: sim.opt.Runs, Seed: sim.opt.Seed, Inputs: sim.paths,
		Series: map[string][]Band{}, Samples: sim.samples}
	for o, out := range sim.outputs {
		bands := make([]Band, c.horizon)
		for m := range bands {
			q, _ := sim.store.quantiles(o*c.horizon + m)
			bands[m] = Band{Month: m + 1, P10: q[0], P50: q[1], P90: q[2]}
		}
		res.Series[out.Key] = bands
	}
	for e, ev := range sim.events {
		res.Probabilities = append(res.Probabilities, Probability{Event: ev.Key, Title: ev.Title, Month: ev.Month, P: float64(sim.tally.events[e]) / n})
	}
	if c.cash >= 0 {
		q, _ := sim.store.quantiles(c.cash)
		res.CashNeeded = &CashNeeded{P50: q[0], P90: q[1]}
	}
	res.Metrics = map[string]MetricP50{}
	for k, key := range sim.metricKeys {
		q, count := sim.store.quantiles(c.metric0 + k)
		mp := MetricP50{Share: float64(count) / n}
		if count > 0 {
			mp.P50 = q[0]
		}
		res.Metrics[key] = mp
	}
	if markets := sim.markets; markets > 0 {
		res.MarketWins = map[string]float64{}
		for i, m := range s.Markets.Markets {
			var wins float64
			for k := 1; k <= markets; k++ {
				wins += float64(sim.tally.wins[i*(markets+1)+k]) / float64(k)
			}
			res.MarketWins[m.Name] = wins / n
		}
	}
	if base.Fulfillment != nil {
		res.PlannedModelAtHorizon = map[string]float64{}
		for i, m := range s.Fulfillment.Models {
			res.PlannedModelAtHorizon[m.Name] = float64(sim.tally.planned[i]) / n
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

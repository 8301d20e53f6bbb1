package scenario

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
)

// TornadoBar is what one ranged input does to the tornado's output: the
// output with the input at its range's low and at its high, every other
// input at its value.
type TornadoBar struct {
	// Input is the ranged input's path.
	Input string `json:"input"`
	// Low and High are the input's values at the bar's two ends: its
	// range's low and high, clamped to its valid range.
	Low  float64 `json:"low"`
	High float64 `json:"high"`
	// OutputAtLow and OutputAtHigh are the output with the input at Low
	// and at High.
	OutputAtLow  float64 `json:"outputAtLow"`
	OutputAtHigh float64 `json:"outputAtHigh"`
	// Swing is |OutputAtHigh − OutputAtLow|: how far the bar reaches.
	Swing float64 `json:"swing"`
}

// Tornado shows which uncertain inputs move one output most
// (docs/MODELS.md §7): a bar per ranged input, largest swing first.
type Tornado struct {
	// Output is the output's key ("viral.active"), Title and Unit say how
	// it reads.
	Output string `json:"output"`
	Title  string `json:"-"`
	Unit   Unit   `json:"-"`
	// Month is the month the output is read at.
	Month int `json:"month"`
	// Base is the output with every input at its value.
	Base float64 `json:"base"`
	// Bars are sorted by swing, largest first; equal swings keep their
	// inputs' path order.
	Bars []TornadoBar `json:"bars"`
}

// MeasureCashNeeded is what a tornado can measure besides the outputs: the
// cash needed beyond the rounds over the whole horizon (the cashNeeded of
// compute --json's finance), one number a run.
const MeasureCashNeeded = "finance.cashNeeded"

// scalarMeasures are the tornado's measures of a whole run; their Value
// ignores the month.
var scalarMeasures = []Output{
	{Key: MeasureCashNeeded, Title: "Cash needed beyond rounds", Unit: UnitMoney, Value: func(r *Result, _ int) float64 { return r.Finance.CashNeeded }},
}

// TornadoMeasures lists what a tornado of s can measure: the outputs of
// its enabled modules, then the measures of a whole run (MeasureCashNeeded
// with finance on).
func TornadoMeasures(s *Scenario) []Output {
	out := ScenarioOutputs(s)
	for _, o := range scalarMeasures {
		if m, _ := ModuleNamed(moduleOf(o.Key)); m.Enabled(s) {
			out = append(out, o)
		}
	}
	return out
}

// tornadoMeasure finds what key measures: an output of s, or a measure of a
// whole run (whole true).
func tornadoMeasure(s *Scenario, key string) (o Output, whole bool, err error) {
	for _, m := range scalarMeasures {
		if m.Key != key {
			continue
		}
		if mod, _ := ModuleNamed(moduleOf(key)); !mod.Enabled(s) {
			return m, true, fmt.Errorf("%q: the %s module is off", key, mod.Title)
		}
		return m, true, nil
	}
	o, err = outputOf(s, key)
	return o, false, err
}

// TornadoOf builds the tornado of output (an Output key such as
// "viral.active", or MeasureCashNeeded) at month (1..horizon, 0 = the
// horizon; a measure of the whole run is read at the horizon) for s, which must
// be valid with its variant inputs resolved: every ranged input is set to
// its range's low and then its high, the others at their values, and the
// bars are sorted by swing. A scenario without ranges has no bars. It stops
// with ctx's error when ctx is cancelled.
func TornadoOf(ctx context.Context, s *Scenario, output string, month int) (*Tornado, error) {
	t, err := tornadoOf(ctx, s, output, month)
	if err != nil {
		return nil, fmt.Errorf("tornado: %w", err)
	}
	return t, nil
}

func tornadoOf(ctx context.Context, s *Scenario, output string, month int) (*Tornado, error) {
	o, whole, err := tornadoMeasure(s, output)
	if err != nil {
		return nil, err
	}
	if whole {
		month = 0
	}
	if month, err = monthOrHorizon(s, month); err != nil {
		return nil, err
	}
	p := newEvaluator(ctx, s)
	t := &Tornado{Output: o.Key, Title: o.Title, Unit: o.Unit, Month: month, Bars: []TornadoBar{}}
	r, err := p.run()
	if err != nil {
		return nil, err
	}
	t.Base = o.Value(r, month)
	for _, path := range RangePaths(s) {
		in, err := p.input(path)
		if err != nil {
			return nil, err
		}
		bar, err := tornadoBar(p, in, s.Ranges[path], func(r *Result) float64 { return o.Value(r, month) })
		p.restore(in)
		if err != nil {
			return nil, err
		}
		t.Bars = append(t.Bars, bar)
	}
	slices.SortStableFunc(t.Bars, func(a, b TornadoBar) int { return cmp.Compare(b.Swing, a.Swing) })
	return t, nil
}

// tornadoBar computes one input's bar: the output at its range's low and
// high.
func tornadoBar(p *evaluator, in variedInput, rg Range, read func(*Result) float64) (TornadoBar, error) {
	bar := TornadoBar{Input: in.path, Low: clampTo(rg.Low, in.limit), High: clampTo(rg.High, in.limit)}
	r, err := p.at(in, bar.Low)
	if err != nil {
		return bar, err
	}
	bar.OutputAtLow = read(r)
	if r, err = p.at(in, bar.High); err != nil {
		return bar, err
	}
	bar.OutputAtHigh = read(r)
	bar.Swing = math.Abs(bar.OutputAtHigh - bar.OutputAtLow)
	return bar, nil
}

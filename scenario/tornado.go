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

// TornadoOf builds the tornado of output (an Output key such as
// "viral.active") at month (1..horizon, 0 = the horizon) for s, which must
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
	o, err := outputOf(s, output)
	if err != nil {
		return nil, err
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

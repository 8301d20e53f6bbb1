package chart

import (
	"math"

	"gonum.org/v1/plot"

	"scaleplan/scenario"
)

// niceStep returns a round step (1, 2, 2.5 or 5 × 10^k) that splits span
// into at most about n intervals.
func niceStep(span float64, n int) float64 {
	if !(span > 0) || math.IsInf(span, 0) {
		return 1
	}
	raw := span / float64(max(n, 1))
	mag := math.Pow10(int(math.Floor(math.Log10(raw))))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw*0.999 {
			return m * mag
		}
	}
	return 10 * mag
}

// niceRange widens [lo, hi] to multiples of a round step and returns it.
func niceRange(lo, hi float64, n int) (float64, float64, float64) {
	if !(hi > lo) {
		hi = lo + 1
	}
	step := niceStep(hi-lo, n)
	return math.Floor(lo/step+1e-9) * step, math.Ceil(hi/step-1e-9) * step, step
}

// linearTicks labels multiples of step with format.
func linearTicks(step float64, format func(float64) string) plot.Ticker {
	return plot.TickerFunc(func(lo, hi float64) []plot.Tick {
		if !(step > 0) || !(hi > lo) || (hi-lo)/step > 100 {
			return nil
		}
		var ts []plot.Tick
		for v := math.Ceil(lo/step-1e-9) * step; v <= hi+step*1e-9; v += step {
			if math.Abs(v) < step*1e-9 {
				v = 0
			}
			ts = append(ts, plot.Tick{Value: v, Label: format(v)})
		}
		return ts
	})
}

// monthStep picks a month tick step giving at most n labels over h months.
func monthStep(h, n int) int {
	for _, s := range []int{1, 2, 3, 6, 12, 24, 36, 60, 120} {
		if h/s <= n {
			return s
		}
	}
	return 240
}

// monthTicks labels month boundaries 0, step, 2·step … h with label(m),
// with unlabelled minor ticks at every month (or every quarter on long
// horizons).
func monthTicks(h, n int, label func(int) string) plot.Ticker {
	step := monthStep(h, n)
	minor := 1
	for _, m := range []int{1, 3, 6, 12} {
		if minor = m; h/m <= 60 && step%m == 0 {
			break
		}
	}
	return plot.TickerFunc(func(lo, hi float64) []plot.Tick {
		var ts []plot.Tick
		for m := 0; m <= h; m += minor {
			t := plot.Tick{Value: float64(m)}
			if m%step == 0 {
				t.Label = label(m)
			}
			ts = append(ts, t)
		}
		return ts
	})
}

// logTicks labels the powers of ten in [lo, hi] compactly (10, 100, 1k …)
// with unlabelled minor ticks at 2–9 × 10^k.
func logTicks(lo, hi float64) plot.Ticker {
	return plot.TickerFunc(func(_, _ float64) []plot.Tick {
		var ts []plot.Tick
		if !(lo > 0) || !(hi > lo) {
			return nil
		}
		for d := math.Floor(math.Log10(lo)); d <= math.Ceil(math.Log10(hi)); d++ {
			base := math.Pow(10, d)
			for i := 1; i < 10; i++ {
				v := base * float64(i)
				if v < lo*(1-1e-9) || v > hi*(1+1e-9) {
					continue
				}
				t := plot.Tick{Value: v}
				if i == 1 {
					t.Label = scenario.FormatCompact(v)
				}
				ts = append(ts, t)
			}
		}
		return ts
	})
}

// symbol is the currency sign used in tick labels, "" when the code is
// shown in the axis label only.
func symbol(currency string) string {
	sym, _ := scenario.CurrencySymbol(currency)
	return sym
}

// moneyFormat returns a compact money formatter: $1.2M, -€300k, 12k CHF
// is written 12k (the code is in the axis label).
func moneyFormat(currency string) func(float64) string {
	sym := symbol(currency)
	return func(v float64) string {
		if v < 0 {
			return "-" + sym + scenario.FormatCompact(-v)
		}
		return sym + scenario.FormatCompact(v)
	}
}

// finite reports whether every value is a finite number.
func finite(vs ...float64) bool {
	for _, v := range vs {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}

// clean replaces a non-finite value by 0.
func clean(v float64) float64 {
	if finite(v) {
		return v
	}
	return 0
}

package chart

import (
	"bytes"
	cmpx "cmp"
	"fmt"
	"image"
	"image/color"
	"math"
	"slices"
	"strings"
	"unicode"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"scaleplan/scenario"
)

// TornadoPanel names the tornado chart in errors.
const TornadoPanel Panel = "risk.tornado"

// TornadoImage renders the tornado t (scenario.TornadoOf) — horizontal
// bars sorted by swing, each from the base value to the output with the
// input at its low (one colour) and at its high (another), both ends
// labelled "input value → output value", the base value as a vertical
// line — to an image of wPx × hPx pixels at dpi (as Image). Money is in
// currency (USD when empty); label names an input path for people (nil:
// InputLabel).
func TornadoImage(t *scenario.Tornado, currency string, label func(path string) string, th Theme, wPx, hPx int, dpi float64) (image.Image, error) {
	if t == nil {
		return nil, fmt.Errorf("chart: %s: no tornado", TornadoPanel)
	}
	if label == nil {
		label = InputLabel
	}
	return renderAlone(TornadoPanel, th, wPx, hPx, dpi, func(c *ctx) error { return tornado(c, t, currency, label) })
}

// WriteTornadoFile writes the tornado t to path in the format its
// extension names (.png, .svg or .pdf), DefaultWidth wide and as tall as
// its bars need, atomically (File → Export Chart… on the Risk tab).
// currency and label are TornadoImage's.
func WriteTornadoFile(path string, t *scenario.Tornado, currency string, label func(path string) string, th Theme) error {
	if t == nil {
		return fmt.Errorf("chart: %s: no tornado", TornadoPanel)
	}
	format, err := fileFormat(path)
	if err != nil {
		return err
	}
	if label == nil {
		label = InputLabel
	}
	h := tornadoPageBase + tornadoPagePerBar*vg.Length(len(t.Bars))
	return writeAtomic(path, func(buf *bytes.Buffer) error {
		return writeAlone(buf, format, TornadoPanel, th, DefaultWidth, h, func(c *ctx) error { return tornado(c, t, currency, label) })
	})
}

// The exported tornado's page: a base height for its title and axis, and
// a row per bar.
const (
	tornadoPageBase   = 1.4 * vg.Inch
	tornadoPagePerBar = 0.5 * vg.Inch
)

// renderAlone renders a chart that is no panel of the registry: build
// fills c, then it is drawn as Image draws a panel.
func renderAlone(p Panel, th Theme, wPx, hPx int, dpi float64, build func(c *ctx) error) (img image.Image, err error) {
	if wPx <= 0 || hPx <= 0 || wPx > maxPixels || hPx > maxPixels {
		return nil, fmt.Errorf("chart: %s: image size %d×%d out of range", p, wPx, hPx)
	}
	if !(dpi >= 1 && dpi <= 2400) {
		return nil, fmt.Errorf("chart: %s: dpi %g out of range", p, dpi)
	}
	th = th.normalized()
	idpi := int(math.Round(dpi))
	sz := vg.Point{X: vg.Length(wPx) * vg.Inch / vg.Length(idpi), Y: vg.Length(hPx) * vg.Inch / vg.Length(idpi)}
	defer recoverTo(&err, string(p))
	c := newCtx(Input{}, th, sz)
	if err := build(c); err != nil {
		return nil, fmt.Errorf("chart: %s: %w", p, err)
	}
	c.finish()
	return drawImage(c.p, th, sz, idpi), nil
}

// tornado builds the tornado chart.
func tornado(c *ctx, t *scenario.Tornado, currency string, label func(string) string) error {
	if !finite(t.Base) {
		return fmt.Errorf("base value %g is not a number", t.Base)
	}
	sorted := sortedBars(t.Bars)
	if len(sorted) == 0 {
		return EmptyError("No ranged inputs yet: give an input a range (Range… beside its field) to see what moves this output.")
	}
	title := t.Title
	if t.Month > 0 {
		title += " at month " + scenario.FormatCount(float64(t.Month))
	}
	c.setTitle("What moves " + title)
	val := valueFormat(t.Unit, currency)
	n := len(sorted)
	names := make([]string, n)
	lo, hi := t.Base, t.Base
	k := min(0.85, float64(c.sz.Y)*0.55/float64(n)*0.75/float64(c.fs))
	lowC, highC := c.th.color(3), c.th.color(0)
	for kk, b := range sorted {
		i := n - 1 - kk // largest swing on top
		names[i] = label(b.Input)
		atLow, atHigh := clean(b.OutputAtLow), clean(b.OutputAtHigh)
		lo, hi = math.Min(lo, math.Min(atLow, atHigh)), math.Max(hi, math.Max(atLow, atHigh))
		c.tornadoRow(float64(i), t.Base, atLow, atHigh, lowC, highC)
		in := inputFormat(b.Input)
		if swing(b) == 0 {
			c.endNote(float64(i), t.Base, t.Base, "no effect from "+in(b.Low)+" to "+in(b.High), k)
			continue
		}
		// the smaller outcome's label on its left, the larger's on its right
		lowLeft := atLow < atHigh
		c.endNote(float64(i), atLow, boolSide(lowLeft, atLow), in(b.Low)+" → "+val(atLow), k)
		c.endNote(float64(i), atHigh, boolSide(!lowLeft, atHigh), in(b.High)+" → "+val(atHigh), k)
	}
	c.key("input at its low", swatch{Color: lowC})
	c.key("input at its high", swatch{Color: highC})
	c.tornadoAxes(names, lo, hi, t.Base, val, k)
	return nil
}

// boolSide returns a base for endNote that puts the label of an end at x
// on its left (left true) or its right.
func boolSide(left bool, x float64) float64 {
	if left {
		return math.Inf(1)
	}
	return math.Inf(-1)
}

// tornadoRow draws one bar at row y: from the base to the output at the
// input's low and to the output at its high, the longer first so that
// the shorter shows when both lie on one side of the base.
func (c *ctx) tornadoRow(y, base, atLow, atHigh float64, lowC, highC color.Color) {
	const w = 0.62
	lb := &bars{Values: []float64{atLow - base}, Base: []float64{base}, X0: y, DX: 1, Width: w, Color: lowC, Horizontal: true}
	hb := &bars{Values: []float64{atHigh - base}, Base: []float64{base}, X0: y, DX: 1, Width: w, Color: highC, Horizontal: true}
	if math.Abs(atLow-base) >= math.Abs(atHigh-base) {
		c.add(lb, hb)
		return
	}
	c.add(hb, lb)
}

// endNote writes a bar end's label outside the end: right of an end at or
// above the base, left of one below it.
func (c *ctx) endNote(y, x, base float64, label string, k float64) {
	if x >= base {
		c.add(&note{X: x, Y: y, DX: 0.4, Label: label, Text: c.textAlign(k, c.th.Foreground, draw.XLeft, draw.YCenter)})
		return
	}
	c.add(&note{X: x, Y: y, DX: -0.4, Label: label, Text: c.textAlign(k, c.th.Foreground, draw.XRight, draw.YCenter)})
}

// tornadoAxes puts the inputs' names on the Y axis and the output on X,
// with room for the end labels on both sides, and the base value's line.
func (c *ctx) tornadoAxes(names []string, lo, hi, base float64, val func(float64) string, k float64) {
	p := c.p
	span := hi - lo
	if span <= 0 {
		span = math.Max(1, math.Abs(base))
	}
	lo, hi, step := niceRange(lo-0.35*span, hi+0.35*span, max(4, min(8, int(c.sz.X/90))))
	p.X.Min, p.X.Max, c.xFixed = lo, hi, true
	p.X.Tick.Marker = linearTicks(step, val)
	ticks := make([]plot.Tick, len(names))
	for i, n := range names {
		ticks[i] = plot.Tick{Value: float64(i), Label: n}
	}
	p.Y.Tick.Marker = plot.ConstantTicks(ticks)
	p.Y.Tick.Label.Color = c.th.Foreground
	p.Y.Tick.Label.Font.Size = max(c.fs*vg.Length(min(0.9, k*1.05)), minText)
	p.Y.Tick.Length = c.fs * 0.5
	c.fixY(-0.6, float64(len(names))-0.05) // room above the top bar for the base's label
	c.gridX = true
	sty := draw.LineStyle{Color: c.th.Foreground, Width: 1.1}
	c.add(&vlines{Lines: []vline{{X: base, Style: sty, Top: true, Text: c.text(0.85, c.th.Foreground),
		Label: "base " + val(base)}}, Back: c.th.Background})
}

// sortedBars returns the bars with a finite outcome, largest swing first;
// equal swings keep their order.
func sortedBars(in []scenario.TornadoBar) []scenario.TornadoBar {
	var out []scenario.TornadoBar
	for _, b := range in {
		if finite(b.OutputAtLow, b.OutputAtHigh) {
			out = append(out, b)
		}
	}
	slices.SortStableFunc(out, func(a, b scenario.TornadoBar) int { return cmpx.Compare(swing(b), swing(a)) })
	return out
}

// swing is how far a bar reaches.
func swing(b scenario.TornadoBar) float64 { return math.Abs(b.OutputAtHigh - b.OutputAtLow) }

// valueFormat formats an output's values by their unit.
func valueFormat(u scenario.Unit, currency string) func(float64) string {
	if currency == "" {
		currency = "USD"
	}
	switch u {
	case scenario.UnitMoney:
		return moneyFormat(currency)
	case scenario.UnitMonth:
		return func(v float64) string { return "month " + scenario.FormatCount(v) }
	}
	return scenario.FormatCompact
}

// inputFormat formats an input's values: rates as percentages, others
// compactly.
func inputFormat(path string) func(float64) string {
	if l, ok := scenario.LimitOf(path); ok && l.Percent {
		return func(v float64) string { return trimPercent(v * 100) }
	}
	return func(v float64) string {
		if math.Abs(v) < 1000 {
			return fmt.Sprintf("%.3g", v)
		}
		return scenario.FormatCompact(v)
	}
}

// trimPercent writes a percentage with up to one decimal: "12.5%", "20%".
func trimPercent(p float64) string {
	s := fmt.Sprintf("%.1f", p)
	s = strings.TrimSuffix(s, ".0")
	return s + "%"
}

// InputLabel names an input path for people: "viral.inviteConversion" →
// "viral: invite conversion", "fulfillment.models[3PL].perOrder" →
// "fulfillment: 3PL per order".
func InputLabel(path string) string {
	mod, rest, ok := strings.Cut(path, ".")
	if !ok {
		return words(path)
	}
	var parts []string
	for _, seg := range strings.Split(rest, ".") {
		name, key, _ := strings.Cut(seg, "[")
		key = strings.TrimSuffix(key, "]")
		if key != "" {
			parts = append(parts, key) // the list item's name stands for its list
			continue
		}
		parts = append(parts, words(name))
	}
	return mod + ": " + strings.Join(parts, " ")
}

// words splits a camelCase name into lower-case words: "perOrder" →
// "per order", "paidCAC" → "paid CAC".
func words(s string) string {
	var b strings.Builder
	rs := []rune(s)
	for i, r := range rs {
		upper := unicode.IsUpper(r)
		if i > 0 && upper && (!unicode.IsUpper(rs[i-1]) || (i+1 < len(rs) && unicode.IsLower(rs[i+1]))) {
			b.WriteByte(' ')
		}
		if upper && !(i+1 < len(rs) && unicode.IsUpper(rs[i+1])) && !(i > 0 && unicode.IsUpper(rs[i-1])) {
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

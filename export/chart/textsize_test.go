package chart

import (
	"reflect"
	"testing"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
)

// TestTextAtLeast11Pixels: every text of every panel — title, axis labels,
// ticks, legend and the labels drawn in the plot — is at least 11 pixels
// tall on a screen at scale 1 (96 dpi), even on a small chart.
func TestTextAtLeast11Pixels(t *testing.T) {
	p, rs := sample(t)
	for _, size := range []vg.Point{{X: 300, Y: 180}, defaultSize} {
		for pn, build := range builders {
			c := newCtx(Input{Plan: p, Results: rs}, Light(), size)
			if err := build(c); err != nil {
				continue // a panel without data says so in words, tested elsewhere
			}
			styles := map[string]text.Style{
				"title": c.p.Title.TextStyle, "x label": c.p.X.Label.TextStyle, "y label": c.p.Y.Label.TextStyle,
				"x ticks": c.p.X.Tick.Label, "y ticks": c.p.Y.Tick.Label,
				"legend": c.text(0.9, c.th.Foreground),
			}
			for i, it := range c.items {
				walkStyles(reflect.ValueOf(it), func(s text.Style) {
					if s.Font.Size > 0 { // a zero style is a label left out
						styles["plotter "+reflect.TypeOf(c.items[i]).String()] = s
					}
				})
			}
			for what, s := range styles {
				if px := float64(s.Font.Size) * 96 / 72; px < 11-1e-9 {
					t.Errorf("%s at %v: %s text is %.1f px, want at least 11", pn, size, what, px)
				}
			}
		}
	}
}

// walkStyles calls f with every text.Style reachable from v.
func walkStyles(v reflect.Value, f func(text.Style)) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			walkStyles(v.Elem(), f)
		}
	case reflect.Struct:
		if s, ok := v.Interface().(text.Style); ok {
			f(s)
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				walkStyles(v.Field(i), f)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			walkStyles(v.Index(i), f)
		}
	}
}

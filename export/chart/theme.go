package chart

import "image/color"

// Theme holds the colours a chart is drawn with. Palette holds the series
// colours, in order; each is readable on Background.
type Theme struct {
	Dark                         bool
	Background, Foreground, Grid color.Color
	Palette                      []color.Color
}

func hex(v uint32) color.Color {
	return color.NRGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xff}
}

// Light returns the light theme: white background, dark text and a
// colour-blind friendly palette (after Okabe–Ito and Tableau).
func Light() Theme {
	return Theme{
		Background: hex(0xffffff),
		Foreground: hex(0x1f2328),
		Grid:       hex(0xe3e6ea),
		Palette: []color.Color{
			hex(0x2f6db5), // blue
			hex(0xe07b1f), // orange
			hex(0x2e9e6a), // green
			hex(0xc8423b), // red
			hex(0x8a5cc2), // purple
			hex(0x8c6a4f), // brown
			hex(0xd45d9e), // pink
			hex(0x1b9bb0), // teal
		},
	}
}

// Dark returns the dark theme, matching Fyne's dark background, with
// brighter series colours.
func Dark() Theme {
	return Theme{
		Dark:       true,
		Background: hex(0x17171a),
		Foreground: hex(0xe6e8eb),
		Grid:       hex(0x34373d),
		Palette: []color.Color{
			hex(0x6aa7f5), // blue
			hex(0xf5a55a), // orange
			hex(0x5fd39a), // green
			hex(0xf27168), // red
			hex(0xbb93ef), // purple
			hex(0xc9a17f), // brown
			hex(0xf08bc4), // pink
			hex(0x4fd0e0), // teal
		},
	}
}

// color returns the i-th series colour, cycling through the palette.
func (t Theme) color(i int) color.Color {
	if len(t.Palette) == 0 {
		return t.Foreground
	}
	return t.Palette[((i%len(t.Palette))+len(t.Palette))%len(t.Palette)]
}

// muted is the foreground blended halfway to the background: secondary
// text, reference lines.
func (t Theme) muted() color.Color { return blend(t.Foreground, t.Background, 0.45) }

// subtle is the colour of tick labels and notes: between muted and the foreground.
func (t Theme) subtle() color.Color { return blend(t.Foreground, t.Background, 0.68) }

// tint is c at the given opacity over the background, as an opaque colour
// (opaque fills render faster and identically in every format).
func (t Theme) tint(c color.Color, alpha float64) color.Color {
	return blend(c, t.Background, alpha)
}

// blend mixes a with b: a·f + b·(1−f).
func blend(a, b color.Color, f float64) color.Color {
	ar, ag, ab, _ := a.RGBA()
	br, bg, bb, _ := b.RGBA()
	mix := func(x, y uint32) uint8 {
		return uint8((float64(x)*f + float64(y)*(1-f)) / 257)
	}
	return color.NRGBA{R: mix(ar, br), G: mix(ag, bg), B: mix(ab, bb), A: 0xff}
}

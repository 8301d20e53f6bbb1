package chart

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"io"
	"math"
	"path/filepath"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgpdf"
	"gonum.org/v1/plot/vg/vgsvg"

	"scaleplan/scenario"
)

// Limits on what Image and Write accept.
const (
	maxPixels = 16384
	maxPoints = 20000
	// pngDPI is the resolution of exported PNG pages.
	pngDPI = 144
)

// Default page size of WriteFile: 10 in wide, 4 in per panel.
const (
	DefaultWidth       = 10 * vg.Inch
	DefaultPanelHeight = 4 * vg.Inch
)

// Image renders one panel to an image of wPx × hPx pixels at dpi dots per
// inch (rounded to a whole number). Text sizes are in points, so a higher
// dpi at the same pixel size gives larger text: pass 96 × the UI scale.
func Image(p Panel, in Input, th Theme, wPx, hPx int, dpi float64) (img image.Image, err error) {
	if wPx <= 0 || hPx <= 0 || wPx > maxPixels || hPx > maxPixels {
		return nil, fmt.Errorf("chart: %s: image size %d×%d out of range", p, wPx, hPx)
	}
	if !(dpi >= 1 && dpi <= 2400) {
		return nil, fmt.Errorf("chart: %s: dpi %g out of range", p, dpi)
	}
	th = th.normalized()
	idpi := int(math.Round(dpi))
	w := vg.Length(wPx) * vg.Inch / vg.Length(idpi)
	h := vg.Length(hPx) * vg.Inch / vg.Length(idpi)
	plt, err := build(p, in, th, vg.Point{X: w, Y: h})
	if err != nil {
		return nil, err
	}
	defer recoverTo(&err, string(p))
	return drawImage(plt, th, vg.Point{X: w, Y: h}, idpi), nil
}

// drawImage draws plt on an image of sz points at idpi dots per inch.
func drawImage(plt *plot.Plot, th Theme, sz vg.Point, idpi int) image.Image {
	c := vgimg.NewWith(vgimg.UseWH(sz.X, sz.Y), vgimg.UseDPI(idpi), vgimg.UseBackgroundColor(th.Background))
	plt.Draw(inset(draw.New(textSafe{c}), margin(sz)))
	return c.Image()
}

// inset crops m from every side of c.
func inset(c draw.Canvas, m vg.Length) draw.Canvas { return draw.Crop(c, m, -m, m, -m) }

// recoverTo turns a panic in gonum/plot into an error.
func recoverTo(err *error, what string) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("chart: %s: drawing failed: %v", what, r)
	}
}

// Write renders every panel of kind k, stacked vertically on one page of
// wPt × hPt, as "png", "svg" or "pdf". For the compare kind, panels whose
// module is off in every compared scenario are left out.
func Write(w io.Writer, format string, k Kind, in Input, th Theme, wPt, hPt vg.Length) error {
	return writePage(w, format, string(k), th, wPt, hPt, func(th Theme) ([]*plot.Plot, error) {
		return buildKind(k, in, th, wPt, hPt)
	})
}

// writePage draws the plots build makes (with the normalized theme),
// stacked on one page of w × h, as "png", "svg" or "pdf"; what names the
// chart in errors.
func writePage(out io.Writer, format, what string, th Theme, w, h vg.Length, build func(th Theme) ([]*plot.Plot, error)) error {
	if !(w > 0 && h > 0 && w <= maxPoints && h <= maxPoints) {
		return fmt.Errorf("chart: %s: page size %g×%g pt out of range", what, w, h)
	}
	th = th.normalized()
	cw, err := newCanvas(format, w, h, th)
	if err != nil {
		return fmt.Errorf("chart: %s: %w", what, err)
	}
	plots, err := build(th)
	if err != nil {
		return err
	}
	if err := drawStack(cw, plots, th, w, h, Kind(what)); err != nil {
		return err
	}
	if _, err := cw.WriteTo(out); err != nil {
		return fmt.Errorf("chart: %s: write %s: %w", what, format, err)
	}
	return nil
}

// newCanvas makes a page canvas of the format filled with the background.
func newCanvas(format string, w, h vg.Length, th Theme) (vg.CanvasWriterTo, error) {
	var cw vg.CanvasWriterTo
	switch strings.ToLower(format) {
	case "png":
		cw = vgimg.PngCanvas{Canvas: vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(pngDPI), vgimg.UseBackgroundColor(th.Background))}
	case "svg":
		cw = vgsvg.NewWith(vgsvg.UseWH(w, h), vgsvg.EmbedFonts(true))
	case "pdf":
		cw = vgpdf.New(w, h)
	default:
		return nil, fmt.Errorf("unknown format %q (want png, svg or pdf)", format)
	}
	dc := draw.New(cw)
	dc.SetColor(th.Background)
	dc.Fill(dc.Rectangle.Path())
	return cw, nil
}

// buildKind builds the panels of a kind, each sized to its share of the page.
func buildKind(k Kind, in Input, th Theme, w, h vg.Length) ([]*plot.Plot, error) {
	panels := Panels(k)
	if len(panels) == 0 {
		return nil, fmt.Errorf("chart: unknown chart %q (want %s)", k, kindList())
	}
	sz := vg.Point{X: w, Y: h / vg.Length(len(panels))}
	var plots []*plot.Plot
	var first error
	for _, p := range panels {
		plt, err := build(p, in, th, sz)
		if err != nil {
			if k == KindCompare && errors.Is(err, ErrModuleOff) {
				first = cmp(first, err)
				continue
			}
			return nil, err
		}
		plots = append(plots, plt)
	}
	if len(plots) == 0 {
		return nil, first
	}
	return plots, nil
}

// cmp returns a if it is set, else b.
func cmp(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

// drawStack draws plots one above the other with aligned data areas.
func drawStack(cw vg.CanvasWriterTo, plots []*plot.Plot, th Theme, w, h vg.Length, k Kind) (err error) {
	defer recoverTo(&err, string(k))
	m := margin(vg.Point{X: w, Y: h / vg.Length(len(plots))})
	tiles := draw.Tiles{Rows: len(plots), Cols: 1, PadTop: m, PadBottom: m, PadLeft: m, PadRight: m, PadY: 3 * m}
	col := make([][]*plot.Plot, len(plots))
	for i, p := range plots {
		col[i] = []*plot.Plot{p}
	}
	canvases := plot.Align(col, tiles, draw.New(textSafe{cw}))
	for i, p := range plots {
		p.Draw(canvases[i][0])
	}
	return nil
}

// textSafe draws text without control characters: XML (SVG) cannot hold
// them even escaped, and no format should. Validation refuses them in
// names and notes; this catches whatever else reaches a chart.
type textSafe struct{ vg.CanvasSizer }

func (c textSafe) FillString(f font.Face, pt vg.Point, s string) {
	c.CanvasSizer.FillString(f, pt, strings.Map(func(r rune) rune {
		if scenario.IsControl(r, false) {
			return '\uFFFD'
		}
		return r
	}, s))
}

// WriteFile writes every panel of kind k to path, in the format its
// extension names (.png, .svg or .pdf), on a page 10 in wide and 4 in per
// panel, atomically: a failed write leaves any old file in place.
func WriteFile(path string, k Kind, in Input, th Theme) error {
	format, err := fileFormat(path)
	if err != nil {
		return err
	}
	n := len(Panels(k))
	if n == 0 {
		return fmt.Errorf("chart: unknown chart %q (want %s)", k, kindList())
	}
	return writeAtomic(path, func(buf *bytes.Buffer) error {
		return Write(buf, format, k, in, th, DefaultWidth, DefaultPanelHeight*vg.Length(n))
	})
}

// fileFormat is the format path's extension names: png, svg or pdf.
func fileFormat(path string) (string, error) {
	format := strings.TrimPrefix(strings.ToLower(filepath.Ext(path)), ".")
	switch format {
	case "png", "svg", "pdf":
		return format, nil
	}
	return "", fmt.Errorf("chart: %s: unknown file type %q (want .png, .svg or .pdf)", path, filepath.Ext(path))
}

// writeAtomic writes what render puts in a buffer to path atomically.
func writeAtomic(path string, render func(*bytes.Buffer) error) error {
	var buf bytes.Buffer
	if err := render(&buf); err != nil {
		return err
	}
	if err := scenario.WriteFileAtomic(path, buf.Bytes()); err != nil {
		return fmt.Errorf("chart: %w", err)
	}
	return nil
}

// writeAlone writes a chart that is no panel of the registry (build
// fills its ctx) on one page of w × h, as "png", "svg" or "pdf".
func writeAlone(out io.Writer, format string, p Panel, th Theme, w, h vg.Length, build func(c *ctx) error) error {
	return writePage(out, format, string(p), th, w, h, func(th Theme) ([]*plot.Plot, error) {
		c := newCtx(Input{}, th, vg.Point{X: w, Y: h})
		if err := build(c); err != nil {
			return nil, fmt.Errorf("chart: %s: %w", p, err)
		}
		c.finish()
		return []*plot.Plot{c.p}, nil
	})
}

// kindList names every kind for a message: "viral, sales, … or compare".
func kindList() string {
	ks := Kinds()
	names := make([]string, len(ks))
	for i, k := range ks {
		names[i] = string(k)
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

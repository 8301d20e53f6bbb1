package boardpack

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"strings"

	"codeberg.org/go-fonts/liberation/liberationmonobold"
	"codeberg.org/go-fonts/liberation/liberationmonoregular"
	"codeberg.org/go-fonts/liberation/liberationsansbold"
	"codeberg.org/go-fonts/liberation/liberationsansbolditalic"
	"codeberg.org/go-fonts/liberation/liberationsansitalic"
	"codeberg.org/go-fonts/liberation/liberationsansregular"
	"codeberg.org/go-pdf/fpdf"
	stdfnt "golang.org/x/image/font"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
)

// Font families registered with every pack document, as UTF-8 TrueType
// fonts, so any scenario name prints and stays searchable text.
const (
	sansFamily = "LiberationSans"
	monoFamily = "LiberationMono"
)

// addFonts registers the Liberation fonts the pages and charts use.
func addFonts(doc *fpdf.Fpdf) {
	doc.AddUTF8FontFromBytes(sansFamily, "", liberationsansregular.TTF)
	doc.AddUTF8FontFromBytes(sansFamily, "B", liberationsansbold.TTF)
	doc.AddUTF8FontFromBytes(sansFamily, "I", liberationsansitalic.TTF)
	doc.AddUTF8FontFromBytes(sansFamily, "BI", liberationsansbolditalic.TTF)
	doc.AddUTF8FontFromBytes(monoFamily, "", liberationmonoregular.TTF)
	doc.AddUTF8FontFromBytes(monoFamily, "B", liberationmonobold.TTF)
}

// pdfCanvas is a gonum/plot vg.Canvas drawing into a rectangle of a page
// of an existing fpdf document, so charts are vector drawings with their
// text as text, on the pack's own pages. gonum's vgpdf cannot do this: it
// owns its document. The drawing follows vgpdf (transforms are the PDF's,
// y flipped once for the rectangle), with the pack's UTF-8 fonts instead
// of vgpdf's code-page ones.
type pdfCanvas struct {
	doc    *fpdf.Fpdf
	w, h   vg.Length
	widths []vg.Length // line width per pushed context
	images int
}

// newPDFCanvas starts drawing into the w × h pt rectangle whose top-left
// corner is (x, y) on the current page; call done when finished.
func newPDFCanvas(doc *fpdf.Fpdf, x, y, w, h float64) *pdfCanvas {
	c := &pdfCanvas{doc: doc, w: vg.Length(w), h: vg.Length(h), widths: []vg.Length{1}}
	doc.TransformBegin()
	doc.TransformTranslate(x, y+h)
	doc.TransformScale(100, -100, 0, 0)
	vg.Initialize(c)
	return c
}

// done ends the rectangle's transform.
func (c *pdfCanvas) done() { c.doc.TransformEnd() }

func (c *pdfCanvas) Size() (w, h vg.Length) { return c.w, c.h }

func (c *pdfCanvas) SetLineWidth(w vg.Length) {
	c.widths[len(c.widths)-1] = w
	c.doc.SetLineWidth(w.Points())
}

func (c *pdfCanvas) SetLineDash(dashes []vg.Length, offs vg.Length) {
	ds := make([]float64, len(dashes))
	for i, d := range dashes {
		ds[i] = d.Points()
	}
	c.doc.SetDashPattern(ds, offs.Points())
}

func (c *pdfCanvas) SetColor(clr color.Color) {
	if clr == nil {
		clr = color.Black
	}
	r, g, b, a := rgba(clr)
	c.doc.SetFillColor(r, g, b)
	c.doc.SetDrawColor(r, g, b)
	c.doc.SetTextColor(r, g, b)
	c.doc.SetAlpha(a, "Normal")
}

// rgba converts a colour to 0–255 components and an alpha of 0–1.
func rgba(c color.Color) (int, int, int, float64) {
	r, g, b, a := c.RGBA()
	if a == 0 {
		return 0, 0, 0, 0
	}
	// un-premultiply
	return int(r * 255 / a), int(g * 255 / a), int(b * 255 / a), float64(a) / math.MaxUint16
}

func (c *pdfCanvas) Rotate(r float64) { c.doc.TransformRotate(-r*180/math.Pi, 0, 0) }

func (c *pdfCanvas) Translate(pt vg.Point) { c.doc.TransformTranslate(pt.X.Points(), pt.Y.Points()) }

func (c *pdfCanvas) Scale(x, y float64) { c.doc.TransformScale(x*100, y*100, 0, 0) }

func (c *pdfCanvas) Push() {
	c.widths = append(c.widths, c.widths[len(c.widths)-1])
	c.doc.TransformBegin()
}

func (c *pdfCanvas) Pop() {
	c.doc.TransformEnd()
	if len(c.widths) > 1 {
		c.widths = c.widths[:len(c.widths)-1]
	}
}

func (c *pdfCanvas) Stroke(p vg.Path) {
	if c.widths[len(c.widths)-1] > 0 {
		c.path(p, "D")
	}
}

func (c *pdfCanvas) Fill(p vg.Path) { c.path(p, "F") }

// path draws a vg.Path; arcs become short line segments.
func (c *pdfCanvas) path(p vg.Path, style string) {
	var start vg.Point
	for _, comp := range p {
		switch comp.Type {
		case vg.MoveComp:
			start = comp.Pos
			c.doc.MoveTo(comp.Pos.X.Points(), comp.Pos.Y.Points())
		case vg.LineComp:
			c.doc.LineTo(comp.Pos.X.Points(), comp.Pos.Y.Points())
		case vg.ArcComp:
			c.arc(comp)
		case vg.CurveComp:
			x, y := comp.Pos.X.Points(), comp.Pos.Y.Points()
			switch len(comp.Control) {
			case 1:
				c.doc.CurveTo(comp.Control[0].X.Points(), comp.Control[0].Y.Points(), x, y)
			case 2:
				c.doc.CurveBezierCubicTo(comp.Control[0].X.Points(), comp.Control[0].Y.Points(), comp.Control[1].X.Points(), comp.Control[1].Y.Points(), x, y)
			}
		case vg.CloseComp:
			c.doc.LineTo(start.X.Points(), start.Y.Points())
			c.doc.ClosePath()
		}
	}
	c.doc.DrawPath(style)
}

// arc approximates an arc by line segments of at most 10 degrees.
func (c *pdfCanvas) arc(comp vg.PathComp) {
	n := max(2, int(math.Ceil(math.Abs(comp.Angle)/(math.Pi/18))))
	for i := 0; i <= n; i++ {
		a := comp.Start + comp.Angle*float64(i)/float64(n)
		x := comp.Pos.X + comp.Radius*vg.Length(math.Cos(a))
		y := comp.Pos.Y + comp.Radius*vg.Length(math.Sin(a))
		c.doc.LineTo(x.Points(), y.Points())
	}
}

// FillString writes text with its baseline's left end at pt.
func (c *pdfCanvas) FillString(f font.Face, pt vg.Point, s string) {
	if f.Font.Size == 0 || s == "" {
		return
	}
	family, style := pdfFont(f.Font)
	c.doc.SetFont(family, style, f.Font.Size.Points())
	c.doc.TransformBegin()
	c.doc.TransformTranslate(pt.X.Points(), pt.Y.Points())
	c.doc.TransformScale(100, -100, 0, 0) // text upright again
	c.doc.Text(0, 0, s)
	c.doc.TransformEnd()
}

// pdfFont maps a gonum font to a registered family and style.
func pdfFont(f font.Font) (family, style string) {
	family = sansFamily
	if strings.Contains(string(f.Variant), "Mono") {
		family = monoFamily
	}
	if f.Weight == stdfnt.WeightBold || strings.Contains(string(f.Variant), "Bold") {
		style += "B"
	}
	if family == sansFamily && (f.Style == stdfnt.StyleItalic || strings.Contains(string(f.Variant), "Italic")) {
		style += "I"
	}
	return family, style
}

// DrawImage places an image in rect.
func (c *pdfCanvas) DrawImage(rect vg.Rectangle, img image.Image) {
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		c.doc.SetError(fmt.Errorf("boardpack: chart image: %w", err))
		return
	}
	c.images++
	name := fmt.Sprintf("chartimg-%p-%d", c, c.images)
	opt := fpdf.ImageOptions{ImageType: "png"}
	c.doc.RegisterImageOptionsReader(name, opt, &buf)
	sz := rect.Size()
	c.doc.TransformBegin()
	c.doc.TransformTranslate(rect.Min.X.Points(), rect.Max.Y.Points())
	c.doc.TransformScale(100, -100, 0, 0)
	c.doc.ImageOptions(name, 0, 0, sz.X.Points(), sz.Y.Points(), false, opt, 0, "")
	c.doc.TransformEnd()
}

package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scaleplan/app"
	"scaleplan/export/chart"
	"scaleplan/scenario"
)

// newMarketsScreen is the Markets tab (docs/MODELS.md §4): the factors with
// their weights, then the market × factor score matrix.
func newMarketsScreen(u *UI) screen {
	m := newModule(u, chart.KindMarkets, scenario.ModuleMarkets)
	m.setOffset(0.70)
	on := newToggle(u, "Model market expansion", "Switch markets", "markets.enabled",
		func(s *sc) bool { return s.Markets.Enabled }, func(s *sc, v bool) { s.Markets.Enabled = v })
	mx := newMatrix(u)
	help := widget.NewLabel("A market's weighted score is Σ weight × score / Σ weight; the highest wins.")
	help.Wrapping = fyne.TextWrapWord
	m.setInputs([]input{on, mx}, on.content(), help,
		heading("Factors", addFactorButton(u)), mx.factorContent(),
		heading("Scores (1–5, 5 = most favourable)", addMarketButton(u)), mx.content())
	return m
}

func addMarketButton(u *UI) *widget.Button {
	return widget.NewButtonWithIcon("Add market", theme.ContentAddIcon(), func() {
		u.reportEdit("Add market", u.s.Doc().AddMarket(u.s.Selected()))
	})
}

func addFactorButton(u *UI) *widget.Button {
	return widget.NewButtonWithIcon("Add factor", theme.ContentAddIcon(), func() {
		u.reportEdit("Add factor", u.s.Doc().AddFactor(u.s.Selected()))
	})
}

// matrix is the factor list (name, weight, share, what 5 means) and the
// market × factor score grid, rebuilt when markets or factors are added,
// removed or reordered. Both grids report their errors under the scores.
type matrix struct {
	*table
	factors *fyne.Container
	weights *listRanges // Range… of a factor's weight
	shape   string
	heads   []*widget.Label // factor names over the score columns
	shares  []*widget.Label // each factor's share of the weighted score
	means   []*widget.Label // what a 5 means for each factor
}

func newMatrix(u *UI) *matrix {
	markets := func(s *sc) int { return len(s.Markets.Markets) }
	x := &matrix{table: newTable(u, "markets.markets", markets), factors: container.New(&columns{})}
	x.own.lists = append(x.own.lists, "markets.factors")
	x.weights = newListRanges(u, "markets.factors")
	return x
}

// factorContent is the factor list, with the Range… of their weights.
func (x *matrix) factorContent() fyne.CanvasObject {
	return container.NewVBox(x.factors, x.weights.content())
}

func (x *matrix) load(s *scenario.Scenario, force bool) {
	if k := shapeOf(s); k != x.shape {
		x.shape = k
		x.rebuild(s)
		force = true
	}
	for _, c := range x.cells {
		c.load(s, force)
	}
	x.own.load(s)
	x.weights.load(s)
	x.label(s)
}

// label writes the factor names over the score columns, the weight shares
// and what a 5 means.
func (x *matrix) label(s *scenario.Scenario) {
	var total float64
	for _, f := range s.Markets.Factors {
		total += f.Weight
	}
	for c, f := range s.Markets.Factors {
		if c >= len(x.heads) {
			return
		}
		setText(x.heads[c], fitLines(f.Name, factorWidth-2*theme.InnerPadding(), theme.Size(theme.SizeNameCaptionText), fyne.TextStyle{Bold: true}))
		share := "—"
		if total > 0 {
			share = fmt.Sprintf("%.0f%% of the score", 100*f.Weight/total)
		}
		setText(x.shares[c], share)
		setText(x.means[c], "5 = "+favourable(f.Name))
	}
}

func setText(l *widget.Label, s string) {
	if l.Text != s {
		l.SetText(s)
	}
}

// favourable says what the best score of a factor means, for the factors
// the article names; any other factor's 5 is "most favourable".
func favourable(name string) string {
	n := strings.ToLower(name)
	for _, k := range []struct{ key, text string }{
		{"competition", "the least competition"},
		{"regulat", "the simplest regulation"},
		{"language", "the best language and cultural fit"},
		{"cultur", "the best cultural fit"},
		{"demand", "the strongest demand signals"},
		{"size", "the largest market"},
		{"tam", "the largest market"},
	} {
		if strings.Contains(n, k.key) {
			return "most favourable: " + k.text
		}
	}
	return "most favourable"
}

func shapeOf(s *scenario.Scenario) string {
	var b strings.Builder
	for _, f := range s.Markets.Factors {
		b.WriteString(f.ID + ",")
	}
	b.WriteString("|")
	for _, m := range s.Markets.Markets {
		b.WriteString(m.ID + ",")
	}
	return b.String()
}

// Column widths of the factor list and the score matrix; the last column
// of each (what 5 means, notes) takes the width left over.
const (
	delWidth        = 36
	factorNameWidth = 200
	weightWidth     = 70
	shareWidth      = 118
	meansWidth      = 150
	nameWidth       = 130
	factorWidth     = 88
	notesWidth      = 110
)

// rebuild lays out both grids for s's factors and markets.
func (x *matrix) rebuild(s *scenario.Scenario) {
	t := x.table
	unfocusWithin(t.u.win, x.factors)
	unfocusWithin(t.u.win, t.grid)
	t.cells, t.msgs, t.order = nil, map[any]string{}, nil
	x.rebuildFactors(s)
	x.rebuildScores(s)
	t.showNote()
}

// rebuildFactors lays out one row per factor: remove, name, weight, share
// of the score and what a 5 means.
func (x *matrix) rebuildFactors(s *scenario.Scenario) {
	t := x.table
	x.factors.Layout = &columns{widths: []float32{delWidth, factorNameWidth, weightWidth, shareWidth, meansWidth}, stretch: true}
	objs := []fyne.CanvasObject{widget.NewLabel(""), bold("Factor"), bold("Weight"), bold("Share"), bold("Scoring")}
	x.shares, x.means = nil, nil
	fpath := func(c int, f string) string { return fmt.Sprintf("markets.factors[%d].%s", c, f) }
	factors := func(s *sc) int { return len(s.Markets.Factors) }
	for c := range s.Markets.Factors {
		name := nameField(t.u, "Factor name", fpath(c, "name"),
			func(s *sc) string { return s.Markets.Factors[c].Name }, func(s *sc, v string) { s.Markets.Factors[c].Name = v })
		name.note = t.reporter(name, fmt.Sprintf("Factor %d name", c+1))
		name.exists = rowExists(c, factors)
		weight := numField(t.u, "Factor weight", fpath(c, "weight"), false,
			func(s *sc) float64 { return s.Markets.Factors[c].Weight }, func(s *sc, v float64) { s.Markets.Factors[c].Weight = v })
		weight.entry.PlaceHolder = hintFor(fpath(c, "weight"))
		weight.note = t.reporter(weight, fmt.Sprintf("Factor %d weight", c+1))
		weight.exists = rowExists(c, factors)
		t.cells = append(t.cells, name, weight)
		share, means := small(""), small("")
		means.Wrapping = fyne.TextWrapWord
		x.shares, x.means = append(x.shares, share), append(x.means, means)
		objs = append(objs, x.removeFactor(c), outlined(name), outlined(weight), middle(share), middle(means))
	}
	x.factors.Objects = objs
	x.factors.Refresh()
}

// removeFactor is the button that removes factor c and its scores.
func (x *matrix) removeFactor(c int) fyne.CanvasObject {
	u := x.table.u
	b := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
		u.reportEdit("Remove factor", u.s.Doc().RemoveFactor(u.s.Selected(), c))
	})
	b.Importance = widget.LowImportance
	return b
}

// rebuildScores lays out the header (factor names) and one row per market:
// remove, name, a score per factor, notes.
func (x *matrix) rebuildScores(s *scenario.Scenario) {
	t := x.table
	nf := len(s.Markets.Factors)
	widths := []float32{delWidth, nameWidth}
	for range nf {
		widths = append(widths, factorWidth)
	}
	t.grid.Layout = &columns{widths: append(widths, notesWidth), stretch: true}
	objs := []fyne.CanvasObject{widget.NewLabel(""), bold("Market")}
	x.heads = nil
	for range nf {
		h := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		h.SizeName = theme.SizeNameCaptionText
		x.heads = append(x.heads, h)
		objs = append(objs, h)
	}
	objs = append(objs, bold("Notes"))
	for r := range s.Markets.Markets {
		objs = append(objs, x.marketRow(s, r)...)
	}
	t.grid.Objects = objs
	t.grid.Refresh()
}

// marketRow is row r of the score matrix.
func (x *matrix) marketRow(s *scenario.Scenario, r int) []fyne.CanvasObject {
	t := x.table
	mpath := func(f string) string { return fmt.Sprintf("markets.markets[%d].%s", r, f) }
	name := nameField(t.u, "Market name", mpath("name"),
		func(s *sc) string { return s.Markets.Markets[r].Name }, func(s *sc, v string) { s.Markets.Markets[r].Name = v })
	name.note = t.reporter(name, fmt.Sprintf("Market %d name", r+1))
	name.exists = rowExists(r, t.count)
	t.cells = append(t.cells, name)
	del, _ := t.removeCell("market", r, (*app.Document).RemoveMarket)
	objs := []fyne.CanvasObject{del, outlined(name)}
	for c, f := range s.Markets.Factors {
		id := f.ID
		sf := wholeField(t.u, "Score", fmt.Sprintf("markets.markets[%d].scores[%s]", r, id),
			func(s *sc) int { return int(s.Markets.Markets[r].Scores[id]) },
			func(s *sc, v int) { s.Markets.Markets[r].Scores[id] = float64(v) })
		sf.entry.PlaceHolder = "1–5"
		sf.exists = func(s *sc) bool {
			if r >= t.count(s) {
				return false
			}
			_, ok := s.Markets.Markets[r].Scores[id]
			return ok
		}
		sf.note = t.reporter(sf, fmt.Sprintf("%s, %s", s.Markets.Markets[r].Name, s.Markets.Factors[c].Name))
		t.cells = append(t.cells, sf)
		objs = append(objs, outlined(sf))
	}
	notes := newField(t.u, "Market notes", mpath("notes"), parseText, formatText,
		func(s *sc) string { return s.Markets.Markets[r].Notes }, func(s *sc, v string) { s.Markets.Markets[r].Notes = v })
	notes.entry.PlaceHolder = "Notes"
	notes.exists = rowExists(r, t.count)
	t.cells = append(t.cells, notes)
	return append(objs, outlined(notes))
}

// heading is a section title with a button at its right end.
func heading(title string, b *widget.Button) fyne.CanvasObject {
	return container.NewBorder(nil, nil, nil, b, section(title))
}

// bold is a bold label (a table header).
func bold(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// middle centres o vertically in its cell, in line with the entries.
func middle(o fyne.CanvasObject) fyne.CanvasObject {
	return container.NewVBox(layout.NewSpacer(), o, layout.NewSpacer())
}

// small is a caption-sized label.
func small(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.SizeName = theme.SizeNameCaptionText
	return l
}

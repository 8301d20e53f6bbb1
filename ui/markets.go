package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scaleplan/export/chart"
	"scaleplan/scenario"
)

// newMarketsScreen is the Markets tab (DESIGN §4.4): the market × factor
// score matrix with weights.
func newMarketsScreen(u *UI) screen {
	m := newModule(u, "Markets", chart.KindMarkets, scenario.ModuleMarkets)
	m.setOffset(0.62)
	on := newToggle(u, "Model market expansion", "Switch markets",
		func(s *sc) bool { return s.Markets.Enabled }, func(s *sc, v bool) { s.Markets.Enabled = v })
	mx := newMatrix(u)
	addMarket := widget.NewButtonWithIcon("Add market", theme.ContentAddIcon(), func() {
		err := u.editScenario("Add market", func(s *sc) error {
			mk := &s.Markets
			mk.Markets = append(mk.Markets, scenario.NewMarket(freeName("Market", len(mk.Markets)+1, func(n string) bool {
				for _, x := range mk.Markets {
					if strings.EqualFold(x.Name, n) {
						return true
					}
				}
				return false
			}), mk.Factors))
			return nil
		})
		u.showError("Add market", plainErrOrNil(err, u.sel))
	})
	addFactor := widget.NewButtonWithIcon("Add factor", theme.ContentAddIcon(), func() {
		err := u.editScenario("Add factor", func(s *sc) error {
			mk := &s.Markets
			f := scenario.Factor{ID: scenario.NewID(), Name: fmt.Sprintf("Factor %d", len(mk.Factors)+1), Weight: 1}
			mk.Factors = append(mk.Factors, f)
			for i := range mk.Markets {
				if mk.Markets[i].Scores == nil {
					mk.Markets[i].Scores = map[string]float64{}
				}
				mk.Markets[i].Scores[f.ID] = 3
			}
			return nil
		})
		u.showError("Add factor", plainErrOrNil(err, u.sel))
	})
	help := widget.NewLabel("Score every market 1–5 on every factor; 5 always means most favourable " +
		"(a large market, little competition, simple regulation, a good fit, strong demand). " +
		"The weighted score is Σ weight × score / Σ weight.")
	help.Wrapping = fyne.TextWrapWord
	m.setInputs([]input{on, mx}, on.check, help, mx.content(), container.NewHBox(addMarket, addFactor))
	return m
}

func freeName(prefix string, n int, taken func(string) bool) string {
	for ; ; n++ {
		if name := fmt.Sprintf("%s %d", prefix, n); !taken(name) {
			return name
		}
	}
}

// matrix is the market × factor score grid, rebuilt when markets or
// factors are added, removed or reordered.
type matrix struct {
	*table
	shape string
}

func newMatrix(u *UI) *matrix {
	return &matrix{table: newTable(u, func(*sc) int { return 0 })}
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

const (
	nameWidth   = 120
	factorWidth = 100
	notesWidth  = 180
	delWidth    = 36
)

// rebuild lays out: factor names, weights, the "5 = most favourable"
// caption, one row per market, and the remove-factor buttons.
func (x *matrix) rebuild(s *scenario.Scenario) {
	t := x.table
	nf := len(s.Markets.Factors)
	widths := []float32{delWidth, nameWidth}
	for range nf {
		widths = append(widths, factorWidth)
	}
	widths = append(widths, notesWidth)
	t.grid.Layout = &columns{widths: widths}
	t.cells, t.msgs, t.order = nil, map[any]string{}, nil

	var objs []fyne.CanvasObject
	bold := func(s string) fyne.CanvasObject {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	caption := func(s string) fyne.CanvasObject {
		l := widget.NewLabel(s)
		l.SizeName = theme.SizeNameCaptionText
		l.Importance = widget.LowImportance
		l.Wrapping = fyne.TextWrapWord
		return l
	}
	blank := func() fyne.CanvasObject { return widget.NewLabel("") }
	fpath := func(c int, f string) string { return fmt.Sprintf("markets.factors[%d].%s", c, f) }
	// Factor names.
	objs = append(objs, blank(), bold("Factor"))
	for c := range nf {
		f := t.u.nameField("Factor name", fpath(c, "name"),
			func(s *sc) string { return s.Markets.Factors[c].Name }, func(s *sc, v string) { s.Markets.Factors[c].Name = v })
		f.note = t.reporter(f, fmt.Sprintf("Factor %d name", c+1))
		f.entry.MultiLine = true
		f.entry.Wrapping = fyne.TextWrapWord
		f.entry.SetMinRowsVisible(2)
		t.cells = append(t.cells, f)
		objs = append(objs, f.entry)
	}
	objs = append(objs, blank())
	// Weights.
	objs = append(objs, blank(), bold("Weight"))
	for c := range nf {
		f := t.u.numField("Factor weight", fpath(c, "weight"), false,
			func(s *sc) float64 { return s.Markets.Factors[c].Weight }, func(s *sc, v float64) { s.Markets.Factors[c].Weight = v })
		f.entry.PlaceHolder = "0–1,000"
		f.note = t.reporter(f, fmt.Sprintf("Factor %d weight", c+1))
		t.cells = append(t.cells, f)
		objs = append(objs, f.entry)
	}
	objs = append(objs, blank())
	// Caption.
	objs = append(objs, blank(), bold("Market"))
	for range nf {
		objs = append(objs, caption("Score 1–5, 5 = most favourable"))
	}
	objs = append(objs, bold("Notes"))
	// Markets.
	for r := range s.Markets.Markets {
		mpath := func(f string) string { return fmt.Sprintf("markets.markets[%d].%s", r, f) }
		name := t.u.nameField("Market name", mpath("name"),
			func(s *sc) string { return s.Markets.Markets[r].Name }, func(s *sc, v string) { s.Markets.Markets[r].Name = v })
		name.note = t.reporter(name, fmt.Sprintf("Market %d name", r+1))
		t.cells = append(t.cells, name)
		del, _ := t.removeCell("market", r, func(s *sc, r int) error {
			mk := &s.Markets
			mk.Markets = append(mk.Markets[:r:r], mk.Markets[r+1:]...)
			return nil
		})
		objs = append(objs, del, name.entry)
		for c := range nf {
			id := s.Markets.Factors[c].ID
			f := t.u.wholeField("Score", fmt.Sprintf("markets.markets[%d].scores[%s]", r, id),
				func(s *sc) int { return int(s.Markets.Markets[r].Scores[id]) },
				func(s *sc, v int) { s.Markets.Markets[r].Scores[id] = float64(v) })
			f.entry.PlaceHolder = "1–5"
			f.note = t.reporter(f, fmt.Sprintf("%s, %s", s.Markets.Markets[r].Name, s.Markets.Factors[c].Name))
			t.cells = append(t.cells, f)
			objs = append(objs, f.entry)
		}
		notes := newField(t.u, "Market notes", mpath("notes"), parseText, formatText,
			func(s *sc) string { return s.Markets.Markets[r].Notes }, func(s *sc, v string) { s.Markets.Markets[r].Notes = v })
		notes.entry.PlaceHolder = "Notes"
		t.cells = append(t.cells, notes)
		objs = append(objs, notes.entry)
	}
	// Remove-factor buttons.
	objs = append(objs, blank(), blank())
	for c := range nf {
		b := widget.NewButtonWithIcon("Factor", theme.DeleteIcon(), func() {
			err := t.u.editScenario("Remove factor", func(s *sc) error {
				mk := &s.Markets
				id := mk.Factors[c].ID
				mk.Factors = append(mk.Factors[:c:c], mk.Factors[c+1:]...)
				for i := range mk.Markets {
					delete(mk.Markets[i].Scores, id)
				}
				return nil
			})
			t.u.showError("Remove factor", plainErrOrNil(err, t.u.sel))
		})
		b.Importance = widget.LowImportance
		objs = append(objs, b)
	}
	objs = append(objs, blank())
	t.grid.Objects = objs
	t.grid.Refresh()
	t.showNote()
}

package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"scaleplan/scenario"
)

// listRanges is the Range… of a table's numbers (a fulfillment model's
// per-order fee, a funding round's amount): the button asks which row's
// number, then opens its Range dialog; the line beside it says the
// ranges the rows have. Ranges are keyed by the rows' ids or names
// (docs/MODELS.md §8), so a range follows its row when rows move.
type listRanges struct {
	u      *UI
	prefix string // the list's path: "fulfillment.models"
	btn    *widget.Button
	line   *widget.Label
}

func newListRanges(u *UI, prefix string) *listRanges {
	l := &listRanges{u: u, prefix: prefix, line: widget.NewLabel("")}
	l.btn = widget.NewButton("Range…", l.open)
	l.btn.Importance = widget.LowImportance
	l.line.Wrapping = fyne.TextWrapWord
	l.line.Importance = widget.HighImportance
	return l
}

func (l *listRanges) content() fyne.CanvasObject {
	return container.NewBorder(nil, nil, l.btn, nil, l.line)
}

// paths are the real-valued inputs of the list's rows in s.
func (l *listRanges) paths(s *scenario.Scenario) []string {
	var out []string
	for _, p := range scenario.RangeInputs(s) {
		if strings.HasPrefix(p, l.prefix+"[") {
			out = append(out, p)
		}
	}
	return out
}

// load says the rows' ranges.
func (l *listRanges) load(s *scenario.Scenario) {
	p, sel := l.u.s.Doc().Plan(), l.u.s.Selected()
	var parts []string
	for _, path := range l.paths(s) {
		if line := rangeLine(p, sel, path, isPercent(path)); line != "" {
			parts = append(parts, l.u.inputLabel(path)+": "+strings.TrimPrefix(line, "Range "))
		}
	}
	if len(parts) == 0 {
		l.line.SetText("")
		return
	}
	l.line.SetText("Ranges: " + strings.Join(parts, "; "))
}

func isPercent(path string) bool {
	lim, _ := scenario.LimitOf(path)
	return lim.Percent
}

// open asks which row's number gets a range, then opens its Range dialog.
func (l *listRanges) open() {
	u := l.u
	if u.s.Doc() == nil || u.win.Canvas().Overlays().Top() != nil {
		return
	}
	paths := l.paths(u.s.Scenario())
	if len(paths) == 0 {
		return
	}
	labels := make([]string, len(paths))
	for i, p := range paths {
		labels[i] = u.inputLabel(p)
	}
	pick := widget.NewSelect(labels, nil)
	pick.SetSelectedIndex(0)
	var d dialog.Dialog
	next := func() {
		i := pick.SelectedIndex()
		d.Hide()
		if i >= 0 {
			openRangeDialog(pathField(u, paths[i], labels[i]), labels[i])
		}
	}
	cancel := func() { d.Hide() }
	ok := widget.NewButton("Range…", next)
	ok.Importance = widget.HighImportance
	body := container.NewVBox(widget.NewForm(widget.NewFormItem("Number", pick)),
		container.NewHBox(layout.NewSpacer(), widget.NewButton("Cancel", cancel), ok))
	d = dialog.NewCustomWithoutButtons("Which number is uncertain?", body, u.win)
	dialogKeys(u.win, d, next, cancel)
	d.Resize(fyne.NewSize(420, 0))
	d.Show()
}

// pathField is a field bound to the input at path of the selected
// scenario, for the Range dialog of a table's number.
func pathField(u *UI, path, name string) *field[float64] {
	get := func(s *scenario.Scenario) float64 {
		v, _ := scenario.InputValue(s, path)
		return v
	}
	set := func(s *scenario.Scenario, v float64) { _ = scenario.SetInput(s, path, v) }
	return numField(u, name, path, isPercent(path), get, set)
}

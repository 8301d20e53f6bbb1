package ui

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scaleplan/export/boardpack"
	"scaleplan/scenario"
)

// A variant's overrides (docs/MODELS.md §8) are marked where they are
// edited: a labelled input (a number, a switch, a choice) says "(own)" and
// shows Reset to base below it; a table cell is outlined, and the table
// lists its overridden inputs, each with Reset to base. All of them ask
// scenario.OverrideOf and reset through UI.resetToBase.

// ownMark is the Reset to base button of a labelled input, shown (and
// taking room) only while the selected variant overrides the input.
type ownMark struct {
	path  func(s *scenario.Scenario) string // the input's path in s
	show  func(own bool)                    // marks the input's label
	reset *widget.Button
	row   *fyne.Container // holds reset; hidden while not overridden
	own   bool
}

func newOwnMark(u *UI, path func(*scenario.Scenario) string, show func(own bool)) *ownMark {
	m := &ownMark{path: path, show: show}
	m.reset = widget.NewButtonWithIcon("Reset to base", theme.ContentUndoIcon(), func() {
		if s := u.s.Scenario(); s != nil {
			u.resetToBase(s.ID, m.path(s))
		}
	})
	m.reset.Importance = widget.LowImportance
	m.reset.Hide()
	m.row = container.NewHBox(m.reset)
	m.row.Hide() // a hidden row takes no room in a VBox
	return m
}

// staticPath is the path function of an input outside any list.
func staticPath(path string) func(*scenario.Scenario) string {
	return func(*scenario.Scenario) string { return path }
}

// load marks the input if s overrides it.
func (m *ownMark) load(s *scenario.Scenario) {
	_, on := scenario.OverrideOf(s, m.path(s))
	if on == m.own {
		return
	}
	m.own = on
	m.show(on)
	m.reset.Hidden, m.row.Hidden = !on, !on
	m.row.Refresh()
}

// markLabel marks lbl (showing text) as a variant's own value: bold,
// highlighted and "(own)".
func markLabel(lbl *widget.Label, text string, own bool) {
	lbl.TextStyle.Bold = own
	if own {
		lbl.Importance = widget.HighImportance
		lbl.SetText(text + " (own)")
		return
	}
	lbl.Importance = widget.MediumImportance
	lbl.SetText(text)
}

// cellMark outlines a table cell while the selected variant overrides it.
type cellMark struct {
	path    string // the cell's path, by row number
	outline *canvas.Rectangle
	own     bool
}

// markCell wraps a cell's widget in its outline.
func markCell(path string, o fyne.CanvasObject) (*cellMark, fyne.CanvasObject) {
	r := canvas.NewRectangle(color.Transparent)
	r.StrokeWidth = 2
	r.CornerRadius = theme.InputRadiusSize()
	r.Hide()
	return &cellMark{path: path, outline: r}, container.NewStack(o, r)
}

// load outlines the cell if s overrides it (or the list it is in).
func (c *cellMark) load(s *scenario.Scenario) {
	on := false
	if k, err := scenario.KeyedPath(s, c.path); err == nil {
		_, on = scenario.OverrideOf(s, k)
	}
	if on {
		c.outline.StrokeColor = theme.Color(theme.ColorNamePrimary)
	}
	if on != c.own || on {
		c.own = on
		c.outline.Hidden = !on
		c.outline.Refresh()
	}
}

// overrideLine is one override of variant s: its path, its value and its
// base's, and Reset to base.
func overrideLine(u *UI, s, base *scenario.Scenario, path string) []fyne.CanvasObject {
	was := "—"
	if raw, err := scenario.InputJSON(base, path); err == nil {
		was = boardpack.FormatInput(raw)
	}
	label := widget.NewLabelWithStyle(path, fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	label.Wrapping = fyne.TextWrapBreak
	value := widget.NewLabel(boardpack.FormatInput(s.Overrides[path]) + "   (" + base.Name + ": " + was + ")")
	value.Wrapping = fyne.TextWrapWord
	reset := widget.NewButtonWithIcon("Reset to base", theme.ContentUndoIcon(), func() { u.resetToBase(s.ID, path) })
	reset.Importance = widget.LowImportance
	return []fyne.CanvasObject{label, container.NewBorder(nil, nil, nil, reset, value)}
}

// ownList lists a variant's overrides inside some lists of inputs (a
// table's), below the table: nothing for a scenario that is no variant or
// overrides none of them.
type ownList struct {
	u     *UI
	lists []string // the lists' paths: "sales.stages"
	box   *fyne.Container
	sig   string
}

func newOwnList(u *UI, lists ...string) *ownList {
	return &ownList{u: u, lists: lists, box: container.NewVBox()}
}

// paths are the overrides of s inside the lists.
func (l *ownList) paths(s *scenario.Scenario) []string {
	var out []string
	for _, p := range scenario.OverridePaths(s) {
		for _, list := range l.lists {
			if p == list || strings.HasPrefix(p, list+"[") || strings.HasPrefix(p, list+".") {
				out = append(out, p)
				break
			}
		}
	}
	return out
}

func (l *ownList) load(s *scenario.Scenario) {
	base := l.u.s.Doc().Plan().ScenarioByID(s.BasedOn)
	paths := l.paths(s)
	sig := s.ID
	if base != nil {
		sig += "|" + base.Name
	}
	for _, p := range paths {
		sig += "|" + p + "=" + string(s.Overrides[p])
	}
	if sig == l.sig {
		return
	}
	l.sig = sig
	var objs []fyne.CanvasObject
	if base != nil && len(paths) > 0 {
		head := widget.NewLabel("Outlined: this variant's own values (" + base.Name + " has the others)")
		head.SizeName = theme.SizeNameCaptionText
		head.Importance = widget.HighImportance
		objs = append(objs, head)
		for _, p := range paths {
			objs = append(objs, overrideLine(l.u, s, base, p)...)
		}
	}
	l.box.Objects = objs
	l.box.Refresh()
}

package ui

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scaleplan/app"
	"scaleplan/scenario"
)

// column is one column of an editable table: a header and a cell per row.
type column struct {
	title string
	width float32
	// cell makes row r's widget and its input (nil for buttons).
	cell func(r int) (fyne.CanvasObject, input)
}

// table is a grid of entries for a list in the selected scenario (sales
// stages, fulfillment models). Every cell is its own entry bound to its
// row, so edits always land in the cell typed into, scrolled or not. The
// grid is rebuilt when the number of rows changes.
type table struct {
	u     *UI
	cols  []column
	count func(s *scenario.Scenario) int
	grid  *fyne.Container
	note  *widget.Label
	cells []input
	rows  int
	msgs  map[any]string
	order []any
	// ranges, when set, is the Range… of the rows' numbers (ranges_table.go).
	ranges *listRanges
	// own lists a variant's overrides inside the table's lists, below it.
	own *ownList
}

// newTable makes a table of the list at list (sales.stages: its
// overrides are listed below it) with count rows.
func newTable(u *UI, list string, count func(*scenario.Scenario) int, cols ...column) *table {
	t := &table{u: u, cols: cols, count: count, rows: -1, msgs: map[any]string{}, own: newOwnList(u, list)}
	widths := make([]float32, len(cols))
	for i, c := range cols {
		widths[i] = c.width
	}
	t.grid = container.New(&columns{widths: widths})
	t.note = widget.NewLabel("")
	t.note.Importance = widget.DangerImportance
	t.note.Truncation = fyne.TextTruncateEllipsis // one line, always there: a message moves nothing
	t.note.SizeName = theme.SizeNameCaptionText
	return t
}

// content is the grid, scrolling sideways, with the message line below it.
// The screen's scroller gets the vertical wheel over it (passWheel).
func (t *table) content() fyne.CanvasObject {
	if t.ranges != nil {
		return container.NewVBox(newSideScroll(t.grid), t.note, t.own.box, t.ranges.content())
	}
	return container.NewVBox(newSideScroll(t.grid), t.note, t.own.box)
}

func (t *table) rebuild(n int) {
	unfocusWithin(t.u.win, t.grid)
	objs := make([]fyne.CanvasObject, 0, (n+1)*len(t.cols))
	for _, c := range t.cols {
		h := widget.NewLabelWithStyle(c.title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		h.Wrapping = fyne.TextWrapWord
		objs = append(objs, h)
	}
	t.cells = t.cells[:0]
	t.msgs = map[any]string{}
	t.order = nil
	for r := 0; r < n; r++ {
		for _, c := range t.cols {
			o, in := c.cell(r)
			objs = append(objs, o)
			if in != nil {
				t.cells = append(t.cells, in)
			}
		}
	}
	t.grid.Objects = objs
	t.grid.Refresh()
	t.rows = n
	t.showNote()
}

func (t *table) load(s *scenario.Scenario, force bool) {
	if n := t.count(s); n != t.rows {
		t.rebuild(n)
		force = true
	}
	for _, c := range t.cells {
		c.load(s, force)
	}
	t.own.load(s)
	if t.ranges != nil {
		t.ranges.load(s)
	}
}

func (t *table) bad() bool { return false }

// inputs are the cells (counted by the status bar).
func (t *table) inputs() []input { return t.cells }

// reporter returns the note function of a cell: its message shows under
// the table, prefixed with where it is.
func (t *table) reporter(key any, where string) func(string) {
	return func(msg string) {
		if _, seen := t.msgs[key]; !seen {
			t.order = append(t.order, key)
		}
		if msg == "" {
			t.msgs[key] = ""
		} else {
			t.msgs[key] = where + ": " + msg
		}
		t.showNote()
	}
}

func (t *table) showNote() {
	for _, k := range t.order {
		if m := t.msgs[k]; m != "" {
			t.note.SetText(m)
			return
		}
	}
	t.note.SetText("")
}

// numCell is a number cell of row r.
func (t *table) numCell(name string, r int, path string, percent bool, get func(*scenario.Scenario) float64, set func(*scenario.Scenario, float64)) (fyne.CanvasObject, input) {
	f := numField(t.u, name, path, percent, get, set)
	f.exists = rowExists(r, t.count)
	f.note = t.reporter(f, fmt.Sprintf("Row %d, %s", r+1, name))
	f.display = fmt.Sprintf("row %d, %s", r+1, name)
	return outlined(f), f
}

// wholeCell is a whole-number cell of row r.
func (t *table) wholeCell(name string, r int, path string, get func(*scenario.Scenario) int, set func(*scenario.Scenario, int)) (fyne.CanvasObject, input) {
	f := wholeField(t.u, name, path, get, set)
	f.exists = rowExists(r, t.count)
	f.note = t.reporter(f, fmt.Sprintf("Row %d, %s", r+1, name))
	f.display = fmt.Sprintf("row %d, %s", r+1, name)
	return outlined(f), f
}

// nameCell is a name cell of row r.
func (t *table) nameCell(name string, r int, path string, get func(*scenario.Scenario) string, set func(*scenario.Scenario, string)) (fyne.CanvasObject, input) {
	f := nameField(t.u, name, path, get, set)
	f.exists = rowExists(r, t.count)
	f.note = t.reporter(f, fmt.Sprintf("Row %d, %s", r+1, name))
	f.display = fmt.Sprintf("row %d, %s", r+1, name)
	return outlined(f), f
}

// outlined is a cell's entry, outlined while a variant overrides it.
func outlined[T comparable](f *field[T]) fyne.CanvasObject {
	cm, o := markCell(f.path, f.entry)
	f.mark = cm.load
	return o
}

// removeCell is a button that removes row r of the selected scenario with
// remove (a Document method such as (*app.Document).RemoveStage).
func (t *table) removeCell(what string, r int, remove func(d *app.Document, i, r int) error) (fyne.CanvasObject, input) {
	b := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
		t.u.reportEdit("Remove "+what, remove(t.u.s.Doc(), t.u.s.Selected(), r))
	})
	b.Importance = widget.LowImportance
	return b, nil
}

// reportEdit shows the error of an edit of the selected scenario in a
// dialog; an edit of a row that is gone is no error (a detached cell).
func (u *UI) reportEdit(what string, err error) {
	if err != nil && !errors.Is(err, app.ErrRowGone) {
		u.showError(what, plainErr(err, u.s.Selected()))
	}
}

func plainErrOrNil(err error, sel int) error {
	if err == nil {
		return nil
	}
	return plainErr(err, sel)
}

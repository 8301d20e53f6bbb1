package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scaleplan/app"
	"scaleplan/scenario"
)

// scenarioList is the left panel: the plan's scenarios as family trees
// (each variant below its base, indented) and the buttons to add, make a
// variant of, duplicate, rename, delete and reorder them.
type scenarioList struct {
	u     *UI
	list  *widget.List
	rows  []app.FamilyRow // the list's rows for plan generation gen
	gen   uint64
	doc   *app.Document
	quiet bool
	body  fyne.CanvasObject
}

func newScenarioList(u *UI) *scenarioList {
	l := &scenarioList{u: u}
	l.list = widget.NewList(
		func() int { return len(l.familyRows()) },
		func() fyne.CanvasObject {
			lb := widget.NewLabel("Scenario name")
			lb.Truncation = fyne.TextTruncateEllipsis
			return lb
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			rows := l.familyRows()
			if id < len(rows) {
				o.(*widget.Label).SetText(rowText(u.s.Doc().Plan(), rows[id]))
			}
		})
	l.list.OnSelected = func(id widget.ListItemID) {
		rows := l.familyRows()
		if !l.quiet && id < len(rows) && rows[id].Index != u.s.Selected() {
			u.selectScenario(rows[id].Index)
		}
	}
	btn := func(icon fyne.Resource, label string, fn func()) *widget.Button {
		b := widget.NewButtonWithIcon(label, icon, fn)
		b.Alignment = widget.ButtonAlignLeading
		return b
	}
	// New and Variant are the buttons; the rest of the list's actions are
	// under More (and in the Edit menu): a quieter sidebar, and fewer
	// objects to draw in every frame.
	var more *widget.Button
	more = widget.NewButtonWithIcon("", theme.MoreHorizontalIcon(), func() { l.showMore(more) })
	tools := container.NewBorder(nil, nil, nil, more, container.NewGridWithColumns(2,
		btn(theme.ContentAddIcon(), "New", l.newScenario),
		btn(theme.ListIcon(), "Variant", l.newVariant),
	))
	head := widget.NewLabelWithStyle("Scenarios", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.body = container.NewBorder(head, tools, nil, nil, l.list)
	return l
}

func (l *scenarioList) content() fyne.CanvasObject { return l.body }

// moreItems are the list's actions behind its More button.
func (l *scenarioList) moreItems() []*fyne.MenuItem {
	return []*fyne.MenuItem{
		fyne.NewMenuItemWithIcon("Duplicate", theme.ContentCopyIcon(), l.duplicateScenario),
		fyne.NewMenuItemWithIcon("Rename…", theme.DocumentCreateIcon(), l.renameScenario),
		fyne.NewMenuItemWithIcon("Delete…", theme.DeleteIcon(), l.deleteScenario),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItemWithIcon("Move Up", theme.MoveUpIcon(), func() { l.moveScenario(-1) }),
		fyne.NewMenuItemWithIcon("Move Down", theme.MoveDownIcon(), func() { l.moveScenario(1) }),
	}
}

// showMore opens the More menu under its button.
func (l *scenarioList) showMore(b fyne.CanvasObject) {
	c := fyne.CurrentApp().Driver().CanvasForObject(b)
	if c == nil {
		return
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b).Add(fyne.NewPos(0, b.Size().Height))
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", l.moreItems()...), c, pos)
}

func (l *scenarioList) refresh() { l.list.Refresh() }

// familyRows returns the list's rows for the current plan.
func (l *scenarioList) familyRows() []app.FamilyRow {
	if l.u.s.Doc() == nil {
		return nil
	}
	if d := l.u.s.Doc(); l.rows == nil || l.doc != d || l.gen != d.Generation() {
		l.rows, l.gen, l.doc = app.FamilyRows(d.Plan()), d.Generation(), d
	}
	return l.rows
}

// rowText is a row's label: a variant indented below its base with a
// branch mark.
func rowText(p *scenario.Plan, r app.FamilyRow) string {
	name := p.Scenarios[r.Index].Name
	if r.Depth == 0 {
		return name
	}
	return strings.Repeat("   ", r.Depth-1) + "└ " + name
}

// selectRow selects the row of scenario i.
func (l *scenarioList) selectRow(i int) {
	l.quiet = true
	for id, r := range l.familyRows() {
		if r.Index == i {
			l.list.Select(id)
		}
	}
	l.quiet = false
}

// newVariant makes a variant of the selected scenario and selects it.
func (l *scenarioList) newVariant() {
	u := l.u
	i, err := u.s.Doc().NewVariant(u.s.Selected())
	if err != nil {
		u.showError("New variant", err)
		return
	}
	u.selectScenario(i)
}

// newScenario asks for a name, then adds a scenario with the article's
// defaults and the plan's markets (app.Document.AddScenario) and selects it.
func (l *scenarioList) newScenario() {
	u := l.u
	askName(u, "New scenario", "Create", u.s.Doc().FreeScenarioName(), func(name string) {
		if err := u.s.Doc().AddScenario(name); err != nil {
			u.showError("New scenario", plainErrOrNil(err, -1))
			return
		}
		u.selectScenario(len(u.s.Doc().Plan().Scenarios) - 1)
	})
}

// duplicateScenario copies the selected scenario and selects the copy.
func (l *scenarioList) duplicateScenario() {
	u := l.u
	if err := u.s.Doc().DuplicateScenario(u.s.Selected()); err != nil {
		u.showError("Duplicate scenario", err)
		return
	}
	u.selectScenario(u.s.Selected() + 1)
}

// renameScenario asks for a new name. The dialog renames the scenario it
// named, wherever the plan has moved it meanwhile.
func (l *scenarioList) renameScenario() {
	u := l.u
	s := *u.s.Scenario()
	askName(u, "Rename scenario", "Rename", s.Name, func(name string) {
		if i := u.s.Doc().ScenarioIndex(s.ID); i >= 0 {
			u.showError("Rename scenario", plainErrOrNil(u.s.Doc().RenameScenario(i, name), i))
		}
	})
}

// askName asks for a name in a dialog: Enter (or the confirm button) passes
// it to done, Escape (or Cancel) drops it.
func askName(u *UI, title, confirm, initial string, done func(name string)) {
	var d *dialog.FormDialog
	e := dialogEntry(func() { d.Submit() }, func() { d.Hide() })
	e.SetText(initial)
	d = dialog.NewForm(title, confirm, "Cancel", []*widget.FormItem{widget.NewFormItem("Name", e)}, func(ok bool) {
		if ok {
			done(e.Text)
		}
	}, u.win)
	dialogKeys(u.win, d, d.Submit, d.Hide)
	d.Resize(fyne.NewSize(420, 160))
	d.Show()
	u.win.Canvas().Focus(e)
	e.TypedShortcut(&fyne.ShortcutSelectAll{}) // the name selected: typing replaces it
}

// deleteScenario asks before deleting the selected scenario; a base of
// variants asks whether to detach them (each keeps its inputs in full) or
// cancel. The dialog deletes the scenario it named, wherever the plan has
// moved it meanwhile (nothing, if it is gone).
func (l *scenarioList) deleteScenario() {
	u := l.u
	s := *u.s.Scenario()
	msg, confirm := "Delete “"+s.Name+"”? You can undo this.", "Yes"
	variants := u.s.Doc().Plan().Variants(s.ID)
	if n := len(variants); n > 0 {
		names := make([]string, n)
		for k, v := range variants {
			names[k] = "“" + u.s.Doc().Plan().Scenarios[v].Name + "”"
		}
		msg = fmt.Sprintf("%s is the base of %s.\nDetach them (each keeps its current inputs in full and no longer follows a base) and delete “%s”? You can undo this.",
			"“"+s.Name+"”", strings.Join(names, ", "), s.Name)
		confirm = "Detach and Delete"
	}
	d := dialog.NewConfirm("Delete scenario", msg, func(ok bool) {
		if i := u.s.Doc().ScenarioIndex(s.ID); ok && i >= 0 {
			l.deleteScenarioNow(i, len(variants) > 0)
		}
	}, u.win)
	d.SetConfirmText(confirm)
	dialogKeys(u.win, d, d.Confirm, d.Hide)
	d.Show()
}

func (l *scenarioList) deleteScenarioNow(i int, detach bool) {
	u := l.u
	del := u.s.Doc().DeleteScenario
	if detach {
		del = u.s.Doc().DeleteScenarioDetaching
	}
	if err := del(i); err != nil {
		u.showError("Delete scenario", err)
		return
	}
	u.selectScenario(min(i, len(u.s.Doc().Plan().Scenarios)-1))
}

// moveScenario moves the selected scenario up (-1) or down (+1).
func (l *scenarioList) moveScenario(delta int) {
	u := l.u
	to := u.s.Selected() + delta
	if to < 0 || to >= len(u.s.Doc().Plan().Scenarios) {
		return
	}
	if err := u.s.Doc().MoveScenario(u.s.Selected(), to); err != nil {
		u.showError("Move scenario", err)
		return
	}
	u.selectScenario(to)
}

package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// scenarioList is the left panel: the plan's scenarios and the buttons to
// add, duplicate, rename, delete and reorder them.
type scenarioList struct {
	u     *UI
	list  *widget.List
	quiet bool
	body  fyne.CanvasObject
}

func newScenarioList(u *UI) *scenarioList {
	l := &scenarioList{u: u}
	l.list = widget.NewList(
		func() int {
			if u.doc == nil {
				return 0
			}
			return len(u.doc.Plan().Scenarios)
		},
		func() fyne.CanvasObject {
			lb := widget.NewLabel("Scenario name")
			lb.Truncation = fyne.TextTruncateEllipsis
			return lb
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			ss := u.doc.Plan().Scenarios
			if id < len(ss) {
				o.(*widget.Label).SetText(ss[id].Name)
			}
		})
	l.list.OnSelected = func(id widget.ListItemID) {
		if !l.quiet && id != u.sel {
			u.selectScenario(id)
		}
	}
	btn := func(icon fyne.Resource, label string, fn func()) *widget.Button {
		b := widget.NewButtonWithIcon(label, icon, fn)
		b.Alignment = widget.ButtonAlignLeading
		return b
	}
	tools := container.NewGridWithColumns(2,
		btn(theme.ContentAddIcon(), "New", u.newScenario),
		btn(theme.ContentCopyIcon(), "Duplicate", u.duplicateScenario),
		btn(theme.DocumentCreateIcon(), "Rename", u.renameScenario),
		btn(theme.DeleteIcon(), "Delete", u.deleteScenario),
		btn(theme.MoveUpIcon(), "Up", func() { u.moveScenario(-1) }),
		btn(theme.MoveDownIcon(), "Down", func() { u.moveScenario(1) }),
	)
	head := widget.NewLabelWithStyle("Scenarios", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.body = container.NewBorder(head, tools, nil, nil, l.list)
	return l
}

func (l *scenarioList) content() fyne.CanvasObject { return l.body }

func (l *scenarioList) refresh() { l.list.Refresh() }

func (l *scenarioList) selectRow(i int) {
	l.quiet = true
	l.list.Select(i)
	l.quiet = false
}

// newScenario adds a scenario with the article's defaults and selects it.
func (u *UI) newScenario() {
	if err := u.doc.AddScenario(""); err != nil {
		u.showError("New scenario", err)
		return
	}
	u.selectScenario(len(u.doc.Plan().Scenarios) - 1)
}

// duplicateScenario copies the selected scenario and selects the copy.
func (u *UI) duplicateScenario() {
	if err := u.doc.DuplicateScenario(u.sel); err != nil {
		u.showError("Duplicate scenario", err)
		return
	}
	u.selectScenario(u.sel + 1)
}

// renameScenario asks for a new name. The dialog renames the scenario it
// named, wherever the plan has moved it meanwhile.
func (u *UI) renameScenario() {
	s := u.doc.Plan().Scenarios[u.sel]
	e := widget.NewEntry()
	e.SetText(s.Name)
	d := dialog.NewForm("Rename scenario", "Rename", "Cancel",
		[]*widget.FormItem{widget.NewFormItem("Name", e)}, func(ok bool) {
			if i := u.doc.ScenarioIndex(s.ID); ok && i >= 0 {
				u.showError("Rename scenario", plainErrOrNil(u.doc.RenameScenario(i, e.Text), i))
			}
		}, u.win)
	d.Resize(fyne.NewSize(420, 160))
	d.Show()
	u.win.Canvas().Focus(e)
}

// deleteScenario asks before deleting the selected scenario. The dialog
// deletes the scenario it named, wherever the plan has moved it meanwhile
// (nothing, if it is gone).
func (u *UI) deleteScenario() {
	s := u.doc.Plan().Scenarios[u.sel]
	dialog.ShowConfirm("Delete scenario", "Delete “"+s.Name+"”? You can undo this.", func(ok bool) {
		if i := u.doc.ScenarioIndex(s.ID); ok && i >= 0 {
			u.deleteScenarioNow(i)
		}
	}, u.win)
}

func (u *UI) deleteScenarioNow(i int) {
	if err := u.doc.DeleteScenario(i); err != nil {
		u.showError("Delete scenario", err)
		return
	}
	u.selectScenario(min(i, len(u.doc.Plan().Scenarios)-1))
}

// moveScenario moves the selected scenario up (-1) or down (+1).
func (u *UI) moveScenario(delta int) {
	to := u.sel + delta
	if to < 0 || to >= len(u.doc.Plan().Scenarios) {
		return
	}
	if err := u.doc.MoveScenario(u.sel, to); err != nil {
		u.showError("Move scenario", err)
		return
	}
	u.selectScenario(to)
}

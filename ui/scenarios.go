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
			if u.s.Doc() == nil {
				return 0
			}
			return len(u.s.Doc().Plan().Scenarios)
		},
		func() fyne.CanvasObject {
			lb := widget.NewLabel("Scenario name")
			lb.Truncation = fyne.TextTruncateEllipsis
			return lb
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			ss := u.s.Doc().Plan().Scenarios
			if id < len(ss) {
				o.(*widget.Label).SetText(ss[id].Name)
			}
		})
	l.list.OnSelected = func(id widget.ListItemID) {
		if !l.quiet && id != u.s.Selected() {
			u.selectScenario(id)
		}
	}
	btn := func(icon fyne.Resource, label string, fn func()) *widget.Button {
		b := widget.NewButtonWithIcon(label, icon, fn)
		b.Alignment = widget.ButtonAlignLeading
		return b
	}
	tools := container.NewGridWithColumns(2,
		btn(theme.ContentAddIcon(), "New", l.newScenario),
		btn(theme.ContentCopyIcon(), "Duplicate", l.duplicateScenario),
		btn(theme.DocumentCreateIcon(), "Rename", l.renameScenario),
		btn(theme.DeleteIcon(), "Delete", l.deleteScenario),
		btn(theme.MoveUpIcon(), "Up", func() { l.moveScenario(-1) }),
		btn(theme.MoveDownIcon(), "Down", func() { l.moveScenario(1) }),
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
func (l *scenarioList) newScenario() {
	u := l.u
	if err := u.s.Doc().AddScenario(""); err != nil {
		u.showError("New scenario", err)
		return
	}
	u.selectScenario(len(u.s.Doc().Plan().Scenarios) - 1)
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
	e := widget.NewEntry()
	e.SetText(s.Name)
	d := dialog.NewForm("Rename scenario", "Rename", "Cancel",
		[]*widget.FormItem{widget.NewFormItem("Name", e)}, func(ok bool) {
			if i := u.s.Doc().ScenarioIndex(s.ID); ok && i >= 0 {
				u.showError("Rename scenario", plainErrOrNil(u.s.Doc().RenameScenario(i, e.Text), i))
			}
		}, u.win)
	d.Resize(fyne.NewSize(420, 160))
	d.Show()
	u.win.Canvas().Focus(e)
}

// deleteScenario asks before deleting the selected scenario. The dialog
// deletes the scenario it named, wherever the plan has moved it meanwhile
// (nothing, if it is gone).
func (l *scenarioList) deleteScenario() {
	u := l.u
	s := *u.s.Scenario()
	dialog.ShowConfirm("Delete scenario", "Delete “"+s.Name+"”? You can undo this.", func(ok bool) {
		if i := u.s.Doc().ScenarioIndex(s.ID); ok && i >= 0 {
			l.deleteScenarioNow(i)
		}
	}, u.win)
}

func (l *scenarioList) deleteScenarioNow(i int) {
	u := l.u
	if err := u.s.Doc().DeleteScenario(i); err != nil {
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

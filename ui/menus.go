package ui

import (
	"fmt"
	"path/filepath"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// menus is the main menu (README.md, "Using the app") with its shortcuts.
type menus struct {
	u                   *UI
	m                   *fyne.MainMenu
	undoItem, redoItem  *fyne.MenuItem
	simItem             *fyne.MenuItem // Simulate: off while one runs
	recent              *fyne.MenuItem
	light, dark, system *fyne.MenuItem
	sig                 string
	// recentFrom is the stored recent list recentItems were made from:
	// the files are looked at on disk only when it changes.
	recentFrom  []string
	recentItems []*fyne.MenuItem
}

func shortcut(k fyne.KeyName, shift bool) fyne.Shortcut {
	mod := fyne.KeyModifierShortcutDefault
	if shift {
		mod |= fyne.KeyModifierShift
	}
	return &desktop.CustomShortcut{KeyName: k, Modifier: mod}
}

func item(label string, sc fyne.Shortcut, fn func()) *fyne.MenuItem {
	it := fyne.NewMenuItem(label, fn)
	it.Shortcut = sc
	return it
}

// unlessModal wraps a menu action so that its shortcut does nothing while
// a dialog is open: main-menu shortcuts reach the window even then, and
// an undo or a new scenario under an open "Delete …?" would change what
// the dialog is about.
func (m *menus) unlessModal(fn func()) func() {
	return func() {
		if m.u.win.Canvas().Overlays().Top() == nil {
			fn()
		}
	}
}

func newMenus(u *UI) *menus {
	m := &menus{u: u}
	g := m.unlessModal
	m.recent = fyne.NewMenuItem("Open Recent", nil)
	m.recent.ChildMenu = fyne.NewMenu("")
	quit := item("Quit", shortcut(fyne.KeyQ, false), u.files.quit)
	quit.IsQuit = true
	file := fyne.NewMenu("File",
		item("New", shortcut(fyne.KeyN, false), g(u.files.newPlan)),
		item("Open…", shortcut(fyne.KeyO, false), g(u.files.openDialog)),
		m.recent,
		fyne.NewMenuItemSeparator(),
		item("Save", shortcut(fyne.KeyS, false), g(u.files.save)),
		item("Save As…", shortcut(fyne.KeyS, true), g(func() { u.files.saveAs(nil) })),
		fyne.NewMenuItemSeparator(),
		item("Plan Settings…", shortcut(fyne.KeyComma, false), g(u.showPlanSettings)),
		fyne.NewMenuItemSeparator(),
		item("Export to Excel…", shortcut(fyne.KeyE, false), g(u.exports.excel)),
		item("Export Chart…", nil, g(u.exports.charts)),
		item("Export Board Pack…", nil, g(u.exports.boardPack)),
		fyne.NewMenuItemSeparator(),
		quit,
	)
	m.simItem = item("Simulate", shortcut(fyne.KeyR, false), g(u.simulate))
	m.undoItem = item("Undo", &fyne.ShortcutUndo{}, g(m.undo))
	m.redoItem = item("Redo", shortcut(fyne.KeyZ, true), g(m.redo))
	edit := fyne.NewMenu("Edit", m.undoItem, m.redoItem,
		fyne.NewMenuItemSeparator(),
		item("New Scenario", nil, g(u.list.newScenario)),
		item("New Variant", shortcut(fyne.KeyD, true), g(u.list.newVariant)),
		item("Duplicate Scenario", shortcut(fyne.KeyD, false), g(u.list.duplicateScenario)),
		item("Rename Scenario…", nil, g(u.list.renameScenario)),
		item("Delete Scenario…", nil, g(u.list.deleteScenario)),
		item("Move Scenario Up", nil, g(func() { u.list.moveScenario(-1) })),
		item("Move Scenario Down", nil, g(func() { u.list.moveScenario(1) })),
		fyne.NewMenuItemSeparator(),
		m.simItem,
		item("Simulation Settings…", nil, g(u.simulationSettings)),
	)
	m.light = fyne.NewMenuItem("Light", func() { u.SetTheme(ThemeLight) })
	m.dark = fyne.NewMenuItem("Dark", func() { u.SetTheme(ThemeDark) })
	m.system = fyne.NewMenuItem("System", func() { u.SetTheme(ThemeSystem) })
	view := fyne.NewMenu("View", m.light, m.dark, m.system)
	help := fyne.NewMenu("Help",
		fyne.NewMenuItem("How the models work", m.showModels),
		fyne.NewMenuItem("About Scaleplan", m.showAbout),
	)
	m.m = fyne.NewMainMenu(file, edit, view, help)
	// Ctrl+Y redoes too where no entry has the focus.
	u.win.Canvas().AddShortcut(&fyne.ShortcutRedo{}, func(fyne.Shortcut) { g(m.redo)() })
	return m
}

func (m *menus) main() *fyne.MainMenu { return m.m }

// refresh updates labels and states: undo/redo, recent files, theme.
func (m *menus) refresh() {
	u := m.u
	if u.s.Doc() != nil {
		m.undoItem.Label, m.undoItem.Disabled = "Undo", !u.s.Doc().CanUndo()
		if l := u.s.Doc().UndoLabel(); l != "" {
			m.undoItem.Label = "Undo " + l
		}
		m.redoItem.Label, m.redoItem.Disabled = "Redo", !u.s.Doc().CanRedo()
		if l := u.s.Doc().RedoLabel(); l != "" {
			m.redoItem.Label = "Redo " + l
		}
	}
	m.simItem.Disabled = u.s.Simulating()
	items := m.recentMenu()
	m.recent.ChildMenu.Items = items
	pref := u.looks.pref()
	m.light.Checked, m.dark.Checked, m.system.Checked = pref == ThemeLight, pref == ThemeDark, pref == ThemeSystem
	sig := fmt.Sprint(m.undoItem.Label, m.undoItem.Disabled, m.redoItem.Label, m.redoItem.Disabled, pref, len(items), m.simItem.Disabled)
	for _, it := range items {
		sig += it.Label
	}
	if sig != m.sig {
		m.sig = sig
		m.m.Refresh()
	}
}

// recentMenu returns the Open Recent items. refresh runs on every
// keystroke, so the files are stat'ed only when the stored list changed
// (a file, Open or Save, a failed open); a file that went missing since
// is forgotten when it fails to open.
func (m *menus) recentMenu() []*fyne.MenuItem {
	stored := m.u.s.Recent().Stored()
	if m.recentItems != nil && slices.Equal(stored, m.recentFrom) {
		return m.recentItems
	}
	var items []*fyne.MenuItem
	for _, p := range m.u.s.Recent().List() {
		items = append(items, fyne.NewMenuItem(filepath.Base(p)+"  ("+filepath.Dir(p)+")", func() { m.u.files.openRecent(p) }))
	}
	if len(items) == 0 {
		none := fyne.NewMenuItem("No recent files", nil)
		none.Disabled = true
		items = append(items, none)
	}
	m.recentFrom, m.recentItems = stored, items
	return items
}

// undo and redo are Edit → Undo and Redo.
func (m *menus) undo() { m.history(m.u.s.Doc().Undo) }

func (m *menus) redo() { m.history(m.u.s.Doc().Redo) }

// history runs Undo or Redo and keeps the selected scenario selected,
// wherever it now is in the list (the nearest valid row if it is gone).
func (m *menus) history(step func() bool) {
	u := m.u
	id := u.s.Scenario().ID
	if !step() {
		return
	}
	i := u.s.Doc().ScenarioIndex(id)
	if i < 0 {
		i = min(u.s.Selected(), len(u.s.Doc().Plan().Scenarios)-1)
		u.selectScenario(i) // another scenario now: reload every input
		return
	}
	if i != u.s.Selected() {
		u.selectScenario(i)
		return
	}
	u.list.selectRow(i)
}

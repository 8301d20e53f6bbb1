package ui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scaleplan/app"
)

// overlayObjects returns every object laid out in the window's dialogs.
func overlayObjects(u *UI) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for _, o := range u.win.Canvas().Overlays().List() {
		out = append(out, test.LaidOutObjects(o)...)
	}
	return out
}

// dialogButton finds the button labelled text in an open dialog.
func dialogButton(t *testing.T, u *UI, text string) *widget.Button {
	t.Helper()
	for _, o := range overlayObjects(u) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() {
			return b
		}
	}
	t.Fatalf("no %q button in the open dialogs", text)
	return nil
}

// dialogText joins the labels of the open dialogs.
func dialogText(u *UI) string {
	var b strings.Builder
	for _, o := range overlayObjects(u) {
		switch l := o.(type) {
		case *widget.Label:
			b.WriteString(l.Text + "\n")
		case *widget.RichText:
			b.WriteString(l.String() + "\n")
		}
	}
	return b.String()
}

// dirtyQuit makes an unsaved edit and asks to quit; it returns the number
// of exits seen so far.
func dirtyQuit(t *testing.T, u *UI) *int {
	t.Helper()
	exits := 0
	u.exit = func() { exits++ }
	typeInto(num(t, u, "viral.seedUsers"), "777")
	if err := u.s.Drafts().Flush(); err != nil {
		t.Fatal(err)
	}
	u.files.quit()
	if !strings.Contains(dialogText(u), "Save the changes to “sample.scaleplan”") {
		t.Fatalf("no unsaved-changes question; dialogs say %q", dialogText(u))
	}
	return &exits
}

func seedOnDisk(t *testing.T, path string) float64 {
	t.Helper()
	d, err := app.OpenDocument(path)
	if err != nil {
		t.Fatal(err)
	}
	return d.Plan().Scenarios[0].Viral.SeedUsers
}

func TestCloseDialogCancel(t *testing.T) {
	u, path := newTestUI(t)
	before := seedOnDisk(t, path)
	exits := dirtyQuit(t, u)
	test.Tap(dialogButton(t, u, "Cancel"))
	if *exits != 0 || !u.s.Doc().Dirty() || cur(u).Viral.SeedUsers != 777 {
		t.Errorf("Cancel: exits=%d dirty=%v seed=%v", *exits, u.s.Doc().Dirty(), cur(u).Viral.SeedUsers)
	}
	if seedOnDisk(t, path) != before {
		t.Error("Cancel wrote the file")
	}
	if dr, _ := u.s.Drafts().Pending(); dr == nil {
		t.Error("Cancel dropped the draft")
	}
	if len(overlayObjects(u)) != 0 && strings.Contains(dialogText(u), "Save the changes") {
		t.Error("the dialog is still open")
	}
}

func TestCloseDialogDontSave(t *testing.T) {
	u, path := newTestUI(t)
	before := seedOnDisk(t, path)
	exits := dirtyQuit(t, u)
	test.Tap(dialogButton(t, u, "Don't Save"))
	if *exits != 1 {
		t.Fatalf("Don't Save: exits=%d, want 1", *exits)
	}
	if seedOnDisk(t, path) != before {
		t.Error("Don't Save wrote the file")
	}
	if dr, _ := u.s.Drafts().Pending(); dr != nil {
		t.Error("Don't Save left a draft to recover")
	}
}

func TestCloseDialogSave(t *testing.T) {
	u, path := newTestUI(t)
	exits := dirtyQuit(t, u)
	test.Tap(dialogButton(t, u, "Save"))
	if *exits != 1 || u.s.Doc().Dirty() {
		t.Fatalf("Save: exits=%d dirty=%v", *exits, u.s.Doc().Dirty())
	}
	if got := seedOnDisk(t, path); got != 777 {
		t.Errorf("file holds %v seed users, want 777", got)
	}
	if dr, _ := u.s.Drafts().Pending(); dr != nil {
		t.Error("draft left after saving")
	}
}

func TestCloseDialogSaveFails(t *testing.T) {
	u, path := newTestUI(t)
	// The plan's file has become a folder: the save must fail (even as root).
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(path, 0o755); err != nil {
		t.Fatal(err)
	}
	exits := dirtyQuit(t, u)
	test.Tap(dialogButton(t, u, "Save"))
	if *exits != 0 || !u.s.Doc().Dirty() || cur(u).Viral.SeedUsers != 777 {
		t.Errorf("failed save: exits=%d dirty=%v seed=%v", *exits, u.s.Doc().Dirty(), cur(u).Viral.SeedUsers)
	}
	if !strings.Contains(dialogText(u), "Save: save:") {
		t.Errorf("no error shown: %q", dialogText(u))
	}
	if dr, _ := u.s.Drafts().Pending(); dr == nil {
		t.Error("the draft was dropped after a failed save")
	}
}

func TestOpenRecent(t *testing.T) {
	u, path := newTestUI(t)
	other := filepath.Join(filepath.Dir(path), "other.scaleplan")
	if err := u.s.Doc().SaveAs(other); err != nil {
		t.Fatal(err)
	}
	u.setDocument(app.NewDocument(u.s.Doc().Snapshot(), "")) // something else is open
	u.s.Recent().Add(path)
	u.s.Recent().Add(other)
	u.menu.refresh()
	item := recentItem(t, u, "other.scaleplan")
	item.Action()
	if u.s.Doc().Path() != other || u.s.Doc().Dirty() || !strings.HasPrefix(u.win.Title(), "other.scaleplan") {
		t.Fatalf("Open Recent: path %q dirty %v title %q", u.s.Doc().Path(), u.s.Doc().Dirty(), u.win.Title())
	}
	if first := u.s.Recent().List()[0]; first != other {
		t.Errorf("most recent is %q, want %q", first, other)
	}
	// A file that has gone away: an error, and it leaves the menu.
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	recentItem(t, u, "sample.scaleplan").Action()
	if u.s.Doc().Path() != other {
		t.Errorf("a missing file replaced the open plan: %q", u.s.Doc().Path())
	}
	if !strings.Contains(dialogText(u), "sample.scaleplan") {
		t.Errorf("no error naming the file: %q", dialogText(u))
	}
	for _, it := range u.menu.recent.ChildMenu.Items {
		if strings.HasPrefix(it.Label, "sample.scaleplan") {
			t.Error("the missing file is still in Open Recent")
		}
	}
}

func recentItem(t *testing.T, u *UI, name string) *fyne.MenuItem {
	t.Helper()
	for _, it := range u.menu.recent.ChildMenu.Items {
		if strings.HasPrefix(it.Label, name+"  (") {
			return it
		}
	}
	t.Fatalf("no %s in Open Recent", name)
	return nil
}

func TestThemeThroughViewMenu(t *testing.T) {
	u, _ := newTestUI(t)
	view := menuNamed(t, u, "View")
	pick := func(label string) {
		for _, it := range view.Items {
			if it.Label == label {
				it.Action()
				return
			}
		}
		t.Fatalf("no View → %s", label)
	}
	pick("Dark")
	bg := u.app.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantLight)
	if !u.looks.dark() || !u.menu.dark.Checked || u.menu.light.Checked || !isDark(bg) {
		t.Errorf("View → Dark: dark=%v checked=%v background %v", u.looks.dark(), u.menu.dark.Checked, bg)
	}
	if !u.looks.chartTheme().Dark {
		t.Error("charts did not follow")
	}
	pick("Light")
	bg = u.app.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantDark)
	if u.looks.dark() || !u.menu.light.Checked || isDark(bg) {
		t.Errorf("View → Light: dark=%v background %v", u.looks.dark(), bg)
	}
	pick("System")
	if u.looks.pref() != ThemeSystem || !u.menu.system.Checked {
		t.Errorf("View → System: pref %q", u.looks.pref())
	}
}

func isDark(c interface{ RGBA() (r, g, b, a uint32) }) bool {
	r, g, b, _ := c.RGBA()
	return r+g+b < 3*0x8000
}

func menuNamed(t *testing.T, u *UI, label string) *fyne.Menu {
	t.Helper()
	for _, m := range u.menu.main().Items {
		if m.Label == label {
			return m
		}
	}
	t.Fatalf("no %s menu", label)
	return nil
}

func TestExportChart(t *testing.T) {
	u, path := newTestUI(t)
	u.tabs.SelectIndex(tabIndex(t, "Sales team"))
	var exportItem *fyne.MenuItem
	for _, it := range menuNamed(t, u, "File").Items {
		if it.Label == "Export Chart…" {
			exportItem = it
		}
	}
	if exportItem == nil {
		t.Fatal("no File → Export Chart…")
	}
	exportItem.Action()
	name := fileNameEntry(t, u)
	if name.Text != "Base-sales.png" {
		t.Errorf("suggested name %q, want Base-sales.png", name.Text)
	}
	name.SetText("ARR chart.svg")
	test.Tap(dialogButton(t, u, "Save"))
	out := filepath.Join(filepath.Dir(path), "ARR chart.svg")
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("chart file: %v (status %q)", err, u.status.Text)
	}
	if !strings.Contains(string(data), "<svg") {
		t.Errorf("%s is not an SVG", out)
	}
	if !strings.Contains(u.status.Text, "Saved chart ARR chart.svg") {
		t.Errorf("status %q", u.status.Text)
	}
}

// fileNameEntry is the file name entry of an open file save dialog.
func fileNameEntry(t *testing.T, u *UI) *widget.Entry {
	t.Helper()
	for _, o := range overlayObjects(u) {
		if e, ok := o.(*widget.Entry); ok && e.Visible() && strings.Contains(e.Text, ".") {
			return e
		}
	}
	t.Fatal("no file name entry in the open dialogs")
	return nil
}

// Open… asked "Save changes?" before the file was chosen, and "Don't
// Save" deleted the draft at once; if the user then cancelled the file
// dialog (or the file failed to open) the unsaved plan stayed on screen,
// dirty, with no draft: a crash then lost it. Now the file is chosen and
// read first, and the draft goes only when the new plan is shown.
func TestDontSaveThenCancelOpenKeepsDraft(t *testing.T) {
	u, path := newTestUI(t)
	paste(num(t, u, "viral.seedUsers"), "4242")
	if err := u.s.Drafts().Flush(); err != nil {
		t.Fatal(err)
	}
	keeps := func(when string) {
		t.Helper()
		if !u.s.Doc().Dirty() || cur(u).Viral.SeedUsers != 4242 {
			t.Fatalf("%s: the plan was replaced", when)
		}
		if _, err := os.Stat(u.s.Drafts().Path()); err != nil {
			t.Fatalf("%s: the plan on screen is unsaved but its draft is gone: %v", when, err)
		}
	}
	u.files.openDialog()
	test.Tap(dialogButton(t, u, "Cancel")) // the file dialog
	keeps("after cancelling Open…")

	u.files.openRecent(filepath.Join(filepath.Dir(path), "gone.scaleplan"))
	if strings.Contains(dialogText(u), "Save the changes") {
		t.Error("asked about unsaved changes for a file that cannot open")
	}
	keeps("after a failed open")
	test.Tap(dialogButton(t, u, "OK")) // the error

	other := filepath.Join(filepath.Dir(path), "other.scaleplan")
	sample, _ := os.ReadFile(path)
	if err := os.WriteFile(other, sample, 0o644); err != nil {
		t.Fatal(err)
	}
	u.files.openRecent(other)
	test.Tap(dialogButton(t, u, "Don't Save"))
	if u.s.Doc().Path() != other || u.s.Doc().Dirty() {
		t.Fatalf("Don't Save: showing %q (dirty %v), want %q", u.s.Doc().Path(), u.s.Doc().Dirty(), other)
	}
	if _, err := os.Stat(u.s.Drafts().Path()); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the dropped plan's draft is still there: %v", err)
	}
}

// press types key k as the keyboard would: to the focused widget, else to
// the window.
func press(u *UI, k fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: k}
	if f := u.win.Canvas().Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	if h := u.win.Canvas().OnTypedKey(); h != nil {
		h(ev)
	}
}

// New Scenario asks for a name; Enter creates it with the typed name, the
// article's defaults and the plan's markets; Escape creates nothing.
func TestNewScenarioAsksForAName(t *testing.T) {
	u, _ := newTestUI(t)
	n := len(u.s.Doc().Plan().Scenarios)
	u.list.newScenario()
	if !strings.Contains(dialogText(u), "New scenario") {
		t.Fatalf("no name dialog: %q", dialogText(u))
	}
	press(u, fyne.KeyEscape)
	if len(u.s.Doc().Plan().Scenarios) != n || len(u.win.Canvas().Overlays().List()) != 0 {
		t.Fatalf("Escape: %d scenarios, %d dialogs open", len(u.s.Doc().Plan().Scenarios), len(u.win.Canvas().Overlays().List()))
	}
	u.list.newScenario()
	e := u.win.Canvas().Focused().(*fieldEntry)
	test.Type(e, "Lean") // the proposed name is selected: typing replaces it
	press(u, fyne.KeyReturn)
	ss := u.s.Doc().Plan().Scenarios
	if len(ss) != n+1 || ss[n].Name != "Lean" || u.s.Selected() != n {
		t.Fatalf("Enter: %d scenarios, last %q, selected %d", len(ss), ss[n].Name, u.s.Selected())
	}
	if len(ss[n].Markets.Markets) != len(ss[0].Markets.Markets) || len(ss[n].Markets.Factors) != 5 {
		t.Errorf("the new scenario has %d markets and %d factors, want the plan's %d and 5",
			len(ss[n].Markets.Markets), len(ss[n].Markets.Factors), len(ss[0].Markets.Markets))
	}
}

// Rename: Enter confirms, Escape cancels. Delete: Escape keeps the scenario.
func TestDialogsTakeEnterAndEscape(t *testing.T) {
	u, _ := newTestUI(t)
	u.list.renameScenario()
	e := u.win.Canvas().Focused().(*fieldEntry)
	e.SetText("Renamed")
	press(u, fyne.KeyEscape)
	if got := cur(u).Name; got == "Renamed" {
		t.Errorf("Escape renamed the scenario")
	}
	u.list.renameScenario()
	e = u.win.Canvas().Focused().(*fieldEntry)
	e.SetText("Renamed")
	press(u, fyne.KeyReturn)
	if got := cur(u).Name; got != "Renamed" {
		t.Errorf("Enter: name %q, want Renamed", got)
	}
	n := len(u.s.Doc().Plan().Scenarios)
	u.list.deleteScenario()
	press(u, fyne.KeyEscape)
	if len(u.s.Doc().Plan().Scenarios) != n {
		t.Errorf("Escape deleted the scenario")
	}
	u.list.deleteScenario()
	press(u, fyne.KeyReturn)
	if len(u.s.Doc().Plan().Scenarios) != n-1 {
		t.Errorf("Enter did not delete: %d scenarios", len(u.s.Doc().Plan().Scenarios))
	}
	u.showError("Test", errors.New("boom"))
	press(u, fyne.KeyEscape)
	if len(u.win.Canvas().Overlays().List()) != 0 {
		t.Errorf("Escape left the error dialog open")
	}
}

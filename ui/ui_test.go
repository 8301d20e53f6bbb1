package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"scaleplan/app"
	"scaleplan/assets"
	"scaleplan/scenario"
)

// newTestUI opens a copy of the sample plan in a synchronous UI.
func newTestUI(t testing.TB) (*UI, string) {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "sample.scaleplan")
	if err := os.WriteFile(path, assets.SamplePlan, 0o644); err != nil {
		t.Fatal(err)
	}
	return newTestUIFrom(t, path)
}

// newTestUIWithoutRanges opens the sample plan with every range taken off.
func newTestUIWithoutRanges(t testing.TB) (*UI, string) {
	t.Helper()
	p, err := scenario.Decode(assets.SamplePlan)
	if err != nil {
		t.Fatal(err)
	}
	for i := range p.Scenarios {
		p.Scenarios[i].Ranges, p.Scenarios[i].OwnRanges = nil, nil
	}
	data, err := scenario.Encode(p)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "sample.scaleplan")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return newTestUIFrom(t, path)
}

// newTestUIFrom opens the plan file at path in a synchronous UI.
func newTestUIFrom(t testing.TB, path string) (*UI, string) {
	t.Helper()
	a := test.NewTempApp(t)
	dir := t.TempDir()
	w := a.NewWindow("test")
	u := New(a, w, Options{DraftsDir: filepath.Join(dir, "drafts"), Synchronous: true})
	// Write a scheduled draft before dir is removed: the autosave timer
	// firing during the removal failed tests with "directory not empty".
	t.Cleanup(func() { u.s.Drafts().Flush() })
	if err := os.MkdirAll(filepath.Join(dir, "drafts"), 0o755); err != nil {
		t.Fatal(err)
	}
	u.Start(path)
	w.Resize(fyne.NewSize(1400, 900))
	return u, path
}

// pathed is a field found by its path.
type pathed interface {
	input
	where() string
}

// findField returns the input bound to path (below the scenario).
func findField(t testing.TB, u *UI, path string) pathed {
	t.Helper()
	var walk func([]input) pathed
	walk = func(ins []input) pathed {
		for _, in := range ins {
			if p, ok := in.(pathed); ok && p.where() == path {
				return p
			}
			if g, ok := in.(group); ok {
				if p := walk(g.inputs()); p != nil {
					return p
				}
			}
		}
		return nil
	}
	find := func() (int, pathed) {
		for i, sc := range u.screens {
			if e, ok := sc.(editor); ok {
				if p := walk(e.inputs()); p != nil {
					return i, p
				}
			}
		}
		return -1, nil
	}
	i, p := find()
	if p == nil { // rows of a table exist once its screen has loaded
		for i := range u.screens {
			u.loadScreen(i)
		}
		i, p = find()
	}
	if p == nil {
		t.Fatalf("no field %s", path)
	}
	if u.tabs.SelectedIndex() != i {
		u.tabs.SelectIndex(i) // one types into the tab showing; showing it loads it
	}
	return p
}

func num(t testing.TB, u *UI, path string) *field[float64] {
	return findField(t, u, path).(*field[float64])
}

func typeInto[T comparable](f *field[T], s string) {
	f.entry.SetText("")
	test.Type(f.entry, s)
}

// paste replaces a field's text at once (one change, as a paste would).
func paste[T comparable](f *field[T], s string) { f.entry.SetText(s) }

// tabIndex is the position of the tab titled title in the tab registry:
// tests find tabs by title, so a new module's tab shifts none of them.
func tabIndex(t testing.TB, title string) int {
	t.Helper()
	for i, tb := range tabs {
		if tb.title == title {
			return i
		}
	}
	t.Fatalf("no tab %q", title)
	return -1
}

func cur(u *UI) *scenario.Scenario { return u.s.Scenario() }

func tileText(u *UI, key string) string {
	return u.screens[0].(*overview).tiles[key].text // the first tab
}

func TestTypingChangesModelAndResults(t *testing.T) {
	u, _ := newTestUI(t)
	before := tileText(u, "viral.activeHorizon")
	seed := num(t, u, "viral.seedUsers")
	typeInto(seed, "250k")
	if got := cur(u).Viral.SeedUsers; got != 250000 {
		t.Fatalf("seed users = %v, want 250000", got)
	}
	if seed.entry.Text != "250k" {
		t.Errorf("entry was reformatted while typing: %q", seed.entry.Text)
	}
	if after := tileText(u, "viral.activeHorizon"); after == before {
		t.Errorf("active users at horizon still %s after the edit", after)
	}
	conv := num(t, u, "viral.inviteConversion")
	typeInto(conv, "25%")
	if got := cur(u).Viral.InviteConversion; got != 0.25 {
		t.Fatalf("conversion = %v, want 0.25", got)
	}
	cac := num(t, u, "viral.paidCAC")
	typeInto(cac, "$1,250")
	if got := cur(u).Viral.PaidCAC; got != 1250 {
		t.Fatalf("CAC = %v, want 1250", got)
	}
	if !u.s.Doc().Dirty() || !strings.HasPrefix(u.win.Title(), "*") {
		t.Errorf("title %q: want a dirty marker", u.win.Title())
	}
}

func TestInvalidTextShowsMessageAndKeepsModel(t *testing.T) {
	u, _ := newTestUI(t)
	conv := num(t, u, "viral.inviteConversion")
	var shown string
	note := conv.note
	conv.note = func(s string) { shown = s; note(s) }
	want := cur(u).Viral.InviteConversion
	plan := u.s.Doc().Plan()

	typeInto(conv, "abc")
	if shown == "" || cur(u).Viral.InviteConversion != want {
		t.Fatalf("abc: message %q, model %v", shown, cur(u).Viral.InviteConversion)
	}
	if u.invalidCount() != 1 || !strings.Contains(u.status.Text, "Viral loop › Invite conversion: ") {
		t.Errorf("status %q, invalid %d", u.status.Text, u.invalidCount())
	}
	paste(conv, "150%")
	if !strings.Contains(shown, "between 0% and 100%, got 150%") {
		t.Errorf("150%%: message %q, want the model's range in percent", shown)
	}
	if cur(u).Viral.InviteConversion != want {
		t.Errorf("model changed to %v", cur(u).Viral.InviteConversion)
	}
	seed := num(t, u, "viral.seedUsers")
	paste(seed, "20%")
	if !seed.invalid || u.invalidCount() != 2 {
		t.Errorf("20%% in a count field: invalid=%v count=%d", seed.invalid, u.invalidCount())
	}
	// Fixing the text clears the message.
	typeInto(conv, "30%")
	if shown != "" || cur(u).Viral.InviteConversion != 0.3 || u.invalidCount() != 1 {
		t.Errorf("after fixing: message %q, model %v, invalid %d", shown, cur(u).Viral.InviteConversion, u.invalidCount())
	}
	_ = plan
}

func TestUndoRedo(t *testing.T) {
	u, _ := newTestUI(t)
	seed := num(t, u, "viral.seedUsers")
	orig := cur(u).Viral.SeedUsers
	typeInto(seed, "5000")
	u.menu.undo()
	if got := cur(u).Viral.SeedUsers; got != orig {
		t.Fatalf("after undo: %v, want %v", got, orig)
	}
	if seed.entry.Text != scenario.FormatInput(orig, false) {
		t.Errorf("entry shows %q after undo", seed.entry.Text)
	}
	u.menu.redo()
	if got := cur(u).Viral.SeedUsers; got != 5000 {
		t.Fatalf("after redo: %v", got)
	}
	if seed.entry.Text != "5,000" && seed.entry.Text != "5000" {
		t.Errorf("entry shows %q after redo", seed.entry.Text)
	}
	if !strings.Contains(u.menu.undoItem.Label, "Seed users") {
		t.Errorf("undo menu label %q", u.menu.undoItem.Label)
	}
}

func TestDuplicateAndDeleteScenario(t *testing.T) {
	u, _ := newTestUI(t)
	n := len(u.s.Doc().Plan().Scenarios)
	u.list.duplicateScenario()
	ss := u.s.Doc().Plan().Scenarios
	if len(ss) != n+1 || u.s.Selected() != 1 || ss[1].Name != "Base copy" {
		t.Fatalf("after duplicate: %d scenarios, selected %d (%s)", len(ss), u.s.Selected(), ss[u.s.Selected()].Name)
	}
	if h := u.screens[tabIndex(t, "Overview")].(*overview).heading.Text; h != "Base copy" {
		t.Errorf("overview shows %q", h)
	}
	// Edits go to the selected copy only.
	typeInto(num(t, u, "viral.seedUsers"), "7")
	if ss := u.s.Doc().Plan().Scenarios; ss[1].Viral.SeedUsers != 7 || ss[0].Viral.SeedUsers == 7 {
		t.Errorf("seed users: base %v, copy %v", ss[0].Viral.SeedUsers, ss[1].Viral.SeedUsers)
	}
	u.list.deleteScenarioNow(1, false)
	if ss := u.s.Doc().Plan().Scenarios; len(ss) != n || ss[1].Name == "Base copy" {
		t.Fatalf("after delete: %d scenarios", len(ss))
	}
	u.menu.undo()
	if len(u.s.Doc().Plan().Scenarios) != n+1 {
		t.Errorf("undo delete: %d scenarios", len(u.s.Doc().Plan().Scenarios))
	}
	u.list.newScenario()
	press(u, fyne.KeyReturn) // the name dialog: Enter takes the proposed name
	if len(u.s.Doc().Plan().Scenarios) != n+2 || u.s.Selected() != n+1 {
		t.Errorf("new scenario: %d scenarios, selected %d", len(u.s.Doc().Plan().Scenarios), u.s.Selected())
	}
	u.list.moveScenario(-1)
	if u.s.Selected() != n || u.s.Doc().Plan().Scenarios[n].Name != "Scenario 5" && !strings.HasPrefix(u.s.Doc().Plan().Scenarios[n].Name, "Scenario") {
		t.Errorf("move up: selected %d, names %v", u.s.Selected(), u.s.Doc().Plan().Scenarios[n].Name)
	}
}

// scrollToBottom scrolls the inputs of tab i to the end, as a user would
// to reach a table.
func scrollToBottom(t *testing.T, u *UI, i int) {
	t.Helper()
	u.tabs.SelectIndex(i)
	m := u.screens[i].(*module)
	sp := m.body.(*container.Split)
	s := sp.Leading.(*container.Scroll)
	s.ScrollToBottom()
	if s.Offset.Y == 0 {
		t.Logf("tab %d: inputs fit without scrolling", i)
	}
}

func TestTablesEditRightCellsAfterScrolling(t *testing.T) {
	u, _ := newTestUI(t)
	// Sales stages.
	scrollToBottom(t, u, tabIndex(t, "Sales team"))
	typeInto(findField(t, u, "sales.stages[2].minARR").(*field[float64]), "4M")
	typeInto(findField(t, u, "sales.stages[3].aes").(*field[int]), "20")
	typeInto(findField(t, u, "sales.stages[1].name").(*field[string]), "First AEs")
	st := cur(u).Sales.Stages
	if st[2].MinARR != 4e6 || st[3].AEs != 20 || st[1].Name != "First AEs" {
		t.Fatalf("stages: %+v", st)
	}
	if st[1].MinARR != 1e6 || st[2].AEs != 6 {
		t.Errorf("neighbouring cells changed: %+v", st)
	}
	// A stage below the previous one is refused by the model, at the cell.
	f := findField(t, u, "sales.stages[3].minARR").(*field[float64])
	paste(f, "2M")
	if !f.invalid || cur(u).Sales.Stages[3].MinARR == 2e6 {
		t.Errorf("minARR below the previous stage accepted")
	}
	tbl := u.screens[tabIndex(t, "Sales team")].(*module).fields[len(u.screens[tabIndex(t, "Sales team")].(*module).fields)-1].(*table)
	if !strings.Contains(tbl.note.Text, "Row 4") {
		t.Errorf("table note %q", tbl.note.Text)
	}
	// Fulfillment models.
	scrollToBottom(t, u, tabIndex(t, "Fulfillment"))
	typeInto(findField(t, u, "fulfillment.models[1].perOrder").(*field[float64]), "4.5")
	typeInto(findField(t, u, "fulfillment.models[2].fixedMonthly").(*field[float64]), "$3,000")
	ms := cur(u).Fulfillment.Models
	if ms[1].PerOrder != 4.5 || ms[2].FixedMonthly != 3000 || ms[1].FixedMonthly != 300 {
		t.Fatalf("models: %+v", ms)
	}
	// Market scores.
	scrollToBottom(t, u, tabIndex(t, "Markets"))
	mk := cur(u).Markets
	fid := mk.Factors[3].ID
	path := "markets.markets[4].scores[" + fid + "]"
	typeInto(findField(t, u, path).(*field[int]), "5")
	typeInto(findField(t, u, "markets.factors[1].weight").(*field[float64]), "2")
	mk = cur(u).Markets
	if mk.Markets[4].Scores[fid] != 5 || mk.Factors[1].Weight != 2 {
		t.Fatalf("market %s scores %v, weights %v", mk.Markets[4].Name, mk.Markets[4].Scores, mk.Factors[1].Weight)
	}
	sc := findField(t, u, "markets.markets[0].scores["+fid+"]").(*field[int])
	typeInto(sc, "6")
	if !sc.invalid {
		t.Errorf("score 6 accepted")
	}
}

func TestAddRowsAndModuleSwitch(t *testing.T) {
	u, _ := newTestUI(t)
	n := len(cur(u).Markets.Markets)
	err := u.s.Doc().EditScenario(u.s.Selected(), "Add market", func(s *scenario.Scenario) error {
		s.Markets.Markets = append(s.Markets.Markets, scenario.NewMarket("Spain", s.Markets.Factors))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	f := findField(t, u, "markets.markets[6].name").(*field[string])
	if f.entry.Text != "Spain" || len(cur(u).Markets.Markets) != n+1 {
		t.Fatalf("new market row shows %q", f.entry.Text)
	}
	on := u.screens[tabIndex(t, "Sales team")].(*module).fields[0].(*toggle)
	on.check.SetChecked(false)
	if cur(u).Sales.Enabled {
		t.Fatal("sales still enabled")
	}
	if v := tileText(u, "sales.arrHorizon"); v != "—" {
		t.Errorf("ARR tile %q with sales off", v)
	}
}

func TestChartsRenderForVisibleTab(t *testing.T) {
	u, _ := newTestUI(t)
	u.tabs.SelectIndex(tabIndex(t, "Viral loop"))
	m := u.screens[tabIndex(t, "Viral loop")].(*module)
	c := m.charts[0]
	c.Resize(fyne.NewSize(450, 250))
	if c.img.Image == nil {
		t.Fatalf("no chart image; message %q", c.msg.Text)
	}
	n := c.rendered
	paste(num(t, u, "viral.invitesPerUser"), "6") // one valid change: no tab mark, no relayout
	if c.rendered <= n {
		t.Errorf("chart not redrawn after an edit")
	}
	b := c.img.Image.Bounds()
	if b.Dx() != 450 || b.Dy() != 250 {
		t.Errorf("chart %v, want 450×250 px", b)
	}
	// Hidden tabs do not render.
	s := u.screens[tabIndex(t, "Sales team")].(*module).charts[0]
	s.Resize(fyne.NewSize(300, 200))
	if s.img.Image != nil {
		t.Errorf("hidden tab rendered")
	}
}

func TestRecoverDraftAfterCrash(t *testing.T) {
	u, path := newTestUI(t)
	typeInto(num(t, u, "viral.seedUsers"), "4242")
	if err := u.s.Drafts().Flush(); err != nil {
		t.Fatal(err)
	}
	// "Crash": a new UI on the same drafts folder.
	a := test.NewTempApp(t)
	u2 := New(a, a.NewWindow("again"), Options{DraftsDir: filepath.Dir(u.s.Drafts().Path()), Synchronous: true})
	u2.Start(path)
	if !u2.s.Recovering() {
		t.Fatal("no recovery offered")
	}
	if cur(u2).Viral.SeedUsers == 4242 {
		t.Fatal("draft applied before the user chose")
	}
	dr, err := u2.s.Drafts().Pending()
	if err != nil || dr == nil {
		t.Fatalf("pending draft: %v %v", dr, err)
	}
	u2.files.answerRecovery(dr, true)
	if cur(u2).Viral.SeedUsers != 4242 || !u2.s.Doc().Dirty() || u2.s.Doc().Path() != path {
		t.Fatalf("recovered: seed %v dirty %v path %q", cur(u2).Viral.SeedUsers, u2.s.Doc().Dirty(), u2.s.Doc().Path())
	}
	u2.files.save()
	p, err := scenario.ReadFile(path)
	if err != nil || p.Scenarios[0].Viral.SeedUsers != 4242 {
		t.Fatalf("saved file: %v", err)
	}
	if dr, _ := u2.s.Drafts().Pending(); dr != nil {
		t.Errorf("draft left after save")
	}
	_ = app.Extension
}

func TestThemeSwitchPersists(t *testing.T) {
	u, _ := newTestUI(t)
	u.SetTheme(ThemeDark)
	if !u.looks.dark() || u.app.Preferences().String(themePrefKey) != ThemeDark {
		t.Fatal("dark theme not set")
	}
	if !u.looks.chartTheme().Dark {
		t.Error("charts not dark")
	}
	u.SetTheme(ThemeLight)
	if u.looks.dark() || !u.menu.light.Checked {
		t.Error("light theme not set")
	}
}

func TestExportWorkbook(t *testing.T) {
	u, path := newTestUI(t)
	out := filepath.Join(filepath.Dir(path), "plan.xlsx")
	done := make(chan error, 1)
	u.exports.excelTo(out, func(err error) { done <- err })
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(out); err != nil || st.Size() == 0 {
		t.Fatalf("workbook: %v", err)
	}
	if !strings.Contains(u.status.Text, "Exported plan.xlsx") {
		t.Errorf("status %q", u.status.Text)
	}
}

func TestQuitWaitsForRunningSave(t *testing.T) {
	u, path := newTestUI(t)
	quits := 0
	u.exit = func() { quits++ }
	typeInto(num(t, u, "viral.seedUsers"), "4321")
	j, err := u.s.Doc().StartSave() // a save still being written
	if err != nil {
		t.Fatal(err)
	}
	u.files.quit()
	u.files.quit() // pressed twice: still one quit
	if quits != 0 || len(u.win.Canvas().Overlays().List()) != 0 {
		t.Fatalf("quit while saving: quits=%d, dialogs=%d; want to wait", quits, len(u.win.Canvas().Overlays().List()))
	}
	j.Write()
	u.files.saved(u.s.Doc(), u.s.Doc().FinishSave(j))
	u.s.RunWhenIdle()
	if quits != 1 {
		t.Fatalf("after the save finished: quits=%d, want 1", quits)
	}
	o, err := app.OpenDocument(path)
	if err != nil || o.Plan().Scenarios[0].Viral.SeedUsers != 4321 {
		t.Errorf("saved file: %v", err)
	}
}

func TestCompareChoosesBaselineAndScenarios(t *testing.T) {
	u, _ := newTestUI(t)
	u.tabs.SelectIndex(tabIndex(t, "Compare"))
	c := u.screens[tabIndex(t, "Compare")].(*compare)
	names := func() []string {
		var out []string
		for _, i := range c.chartInput().Compare {
			out = append(out, u.s.Doc().Plan().Scenarios[i].Name)
		}
		return out
	}
	check := func(name string) *widget.Check {
		for _, o := range c.checks.Objects {
			if ch := o.(*widget.Check); ch.Text == name {
				return ch
			}
		}
		t.Fatalf("no check box %q", name)
		return nil
	}
	if got := strings.Join(names(), ","); got != "Base,Aggressive,Conservative" {
		t.Fatalf("default comparison %s", got)
	}
	test.Tap(check("Aggressive"))
	if got := strings.Join(names(), ","); got != "Base,Conservative" {
		t.Errorf("after unchecking Aggressive: %s", got)
	}
	if !check("Conservative").Disabled() {
		t.Error("the last compared scenario can be unchecked")
	}
	c.base.SetSelected("Conservative")
	if got := strings.Join(names(), ","); got != "Conservative,Base" {
		t.Errorf("baseline Conservative: %s", got)
	}
	if !check("Conservative").Hidden || check("Base").Hidden {
		t.Error("the baseline's own check box should be hidden, the others shown")
	}
	// The table has a header and the baseline's column first.
	hdr := strings.ReplaceAll(c.table.head.right.Objects[0].(*widget.Label).Text, "\n", " ")
	if hdr != "Conservative (36 months)" {
		t.Errorf("first scenario column %q, want the baseline and its horizon", hdr)
	}
	// Choices survive a rename (they are kept by ID).
	if err := u.s.Doc().Edit("Rename", func(p *scenario.Plan) error { p.Scenarios[2].Name = "Careful"; return nil }); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(names(), ","); got != "Careful,Base" {
		t.Errorf("after renaming the baseline: %s", got)
	}
}

func TestCompareTableWrapsLongText(t *testing.T) {
	got := fitLines("Build Sales Machine", valueColWidth-8, 14, fyne.TextStyle{})
	if !strings.Contains(got, "\n") {
		t.Errorf("fitLines kept %q on one line", got)
	}
	if fitLines("month 1", valueColWidth, 14, fyne.TextStyle{}) != "month 1" {
		t.Error("short text was broken")
	}
	if got := fitLines("Language/Cultural Fit", 80, 12, fyne.TextStyle{Bold: true}); got != "Language/\nCultural Fit" {
		t.Errorf("slash: %q", got)
	}
}

func TestTimelineStartsAtTheStart(t *testing.T) {
	u, _ := newTestUI(t)
	objs := u.screens[tabIndex(t, "Overview")].(*overview).timeline.Objects
	if len(objs) < 4 {
		t.Fatalf("timeline has %d objects", len(objs))
	}
	if w := objs[0].(*widget.Label).Text; w != "At the start" {
		t.Errorf("first milestone at %q, want \"At the start\"", w)
	}
	// A second month-0 entry does not repeat the month.
	if w := objs[2].(*widget.Label).Text; w != "" {
		t.Errorf("second month-0 entry labelled %q", w)
	}
	var all []string
	for i := 0; i+1 < len(objs); i += 2 {
		all = append(all, objs[i].(*widget.Label).Text+"|"+objs[i+1].(*widget.Label).Text)
	}
	joined := strings.Join(all, "\n")
	if !strings.Contains(joined, "May 2028|Sales · ARR reaches $1M: First Sales Hire stage from month 18") { // month 17 from January 2027
		t.Errorf("timeline:\n%s", joined)
	}
	cal := (&scenario.Plan{StartMonth: "2027-01", FiscalYearStartMonth: 1}).Calendar()
	if whenLabel(0, cal) != "At the start" || whenLabel(9, cal) != "Sep 2027" {
		t.Error("whenLabel")
	}
}

// TestEditThatCannotComputeIsRefused: a growth each field accepts, but
// whose orders pass every limit, is refused at the field with the model's
// reason, and the plan keeps its last good value.
func TestEditThatCannotComputeIsRefused(t *testing.T) {
	u, _ := newTestUI(t)
	g := num(t, u, "fulfillment.volume.monthlyGrowth")
	var shown string
	note := g.note
	g.note = func(s string) { shown = s; note(s) }
	want := cur(u).Fulfillment.Volume.MonthlyGrowth
	paste(g, "1,000%") // 40 × 11^35 orders in month 36
	if !strings.Contains(shown, "orders pass") || cur(u).Fulfillment.Volume.MonthlyGrowth != want {
		t.Errorf("message %q, model %v (want %v kept)", shown, cur(u).Fulfillment.Volume.MonthlyGrowth, want)
	}
	paste(g, "20%")
	if shown != "" || cur(u).Fulfillment.Volume.MonthlyGrowth != 0.2 {
		t.Errorf("20%%: message %q, model %v", shown, cur(u).Fulfillment.Volume.MonthlyGrowth)
	}
}

// Results computed from an older plan than the one last asked for are
// dropped, so they never show under another scenario.
func TestLateResultsAreDropped(t *testing.T) {
	u, _ := newTestUI(t)
	old := u.s.Doc().Snapshot()
	rs, err := scenario.ComputePlan(old)
	if err != nil {
		t.Fatal(err)
	}
	u.files.newPlan()
	if len(u.results().Plan.Scenarios) != 1 {
		t.Fatalf("new plan has %d scenarios", len(u.results().Plan.Scenarios))
	}
	u.computed(old, rs, nil) // the sample's results arrive late
	if u.results().Plan != u.s.Asked() {
		t.Errorf("late results of the previous plan are shown")
	}
}

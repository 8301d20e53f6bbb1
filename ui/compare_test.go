package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"scaleplan/scenario"
)

// The Compare table is rebuilt only while its tab shows, and catches up
// when the tab is selected.
func TestCompareTableWaitsForItsTab(t *testing.T) {
	u, _ := newTestUI(t)
	c := u.screens[tabIndex(t, "Compare")].(*compare)
	u.tabs.SelectIndex(tabIndex(t, "Compare"))
	u.tabs.SelectIndex(tabIndex(t, "Overview"))
	before := c.table.right.Objects
	paste(num(t, u, "viral.seedUsers"), "4242")
	if len(before) == 0 || &c.table.right.Objects[0] != &before[0] {
		t.Fatal("the hidden Compare table was rebuilt")
	}
	u.tabs.SelectIndex(tabIndex(t, "Compare"))
	if &c.table.right.Objects[0] == &before[0] || c.stale {
		t.Error("showing the Compare tab did not bring its table up to date")
	}
}

// TestCompareRemembersItsChoiceWithThePlan: choosing a baseline and the
// compared set writes them into the plan, so a saved file opened again
// shows the same comparison.
func TestCompareRemembersItsChoiceWithThePlan(t *testing.T) {
	u, path := newTestUI(t)
	i := tabIndex(t, "Compare")
	u.tabs.SelectIndex(i)
	c := u.screens[i].(*compare)
	c.base.SetSelected("Conservative")
	p := u.s.Doc().Plan()
	if p.Compare == nil || p.Compare.Baseline != p.Scenarios[2].ID {
		t.Fatalf("the plan's comparison is %+v, want Conservative as the baseline", p.Compare)
	}
	if err := u.s.Doc().SaveAs(path); err != nil {
		t.Fatal(err)
	}
	v, _ := newTestUIFrom(t, path)
	vc := v.screens[i].(*compare)
	v.tabs.SelectIndex(i)
	if vc.base.Selected != "Conservative" {
		t.Errorf("after opening the saved plan the baseline is %q, want Conservative", vc.base.Selected)
	}
}

// TestCompareUnequalHorizons: with Aggressive run to 60 months, the columns
// name each horizon, the tab says every figure is at month 36, and the ARR
// row reads "ARR at month 36".
func TestCompareUnequalHorizons(t *testing.T) {
	u, _ := newTestUI(t)
	if err := u.s.Doc().Edit("horizon", func(p *scenario.Plan) error { p.Scenarios[1].HorizonMonths = 60; return nil }); err != nil {
		t.Fatal(err)
	}
	i := tabIndex(t, "Compare")
	u.tabs.SelectIndex(i)
	c := u.screens[i].(*compare)
	var texts []string
	for _, o := range append(test.LaidOutObjects(c.table.head.right), test.LaidOutObjects(c.table.left)...) {
		if l, ok := o.(*widget.Label); ok {
			texts = append(texts, strings.ReplaceAll(l.Text, "\n", " "))
		}
	}
	all := strings.Join(texts, "|")
	for _, want := range []string{"Aggressive (60 months)", "Base (36 months)", "ARR at month 36"} {
		if !strings.Contains(all, want) {
			t.Errorf("the table lacks %q", want)
		}
	}
	if !strings.Contains(c.common.Text, "month 36") {
		t.Errorf("no word on the common month: %q", c.common.Text)
	}
}

// TestCompareDeltasColouredByDirection: against Base, Aggressive's higher
// ARR is good (green) and its higher sales cost bad (red).
func TestCompareDeltasColouredByDirection(t *testing.T) {
	u, _ := newTestUI(t)
	i := tabIndex(t, "Compare")
	u.tabs.SelectIndex(i)
	c := u.screens[i].(*compare)
	p, rs := u.s.Results()
	arr := map[string]scenario.Metric{}
	for j, s := range p.Scenarios {
		for _, m := range scenario.Metrics(&p.Scenarios[j], rs[j]) {
			if m.Key == "sales.cost" || m.Key == "sales.arrHorizon" {
				arr[s.Name+m.Key] = m
			}
		}
	}
	if !(arr["Aggressivesales.arrHorizon"].Value > arr["Basesales.arrHorizon"].Value && arr["Aggressivesales.cost"].Value > arr["Basesales.cost"].Value) {
		t.Skip("the sample no longer has Aggressive ahead on ARR and cost")
	}
	imp := map[widget.Importance]int{}
	for _, o := range test.LaidOutObjects(c.table.right) {
		if l, ok := o.(*widget.Label); ok {
			imp[l.Importance]++
		}
	}
	if imp[widget.SuccessImportance] == 0 || imp[widget.DangerImportance] == 0 {
		t.Errorf("deltas by importance %v: want some good (success) and some bad (danger)", imp)
	}
}

// TestCompareChartsReadableAt1280: at 1280×720 each overlay chart gets the
// charts pane's full width (one a row, scrolling) and its full height,
// not a quarter of the pane under a legend.
func TestCompareChartsReadableAt1280(t *testing.T) {
	u, _ := newTestUI(t)
	u.win.Resize(fyne.NewSize(1280, 720))
	i := tabIndex(t, "Compare")
	u.tabs.SelectIndex(i)
	c := u.screens[i].(*compare)
	for _, cv := range c.charts {
		if s := cv.Size(); s.Width < 400 || s.Height < compareChartHeight {
			t.Errorf("%s is %.0f×%.0f at 1280×720, want at least 400×%d", cv.panel, s.Width, s.Height, compareChartHeight)
		}
	}
}

// TestCompareHeaderStaysInView: with six scenarios at 1280×720, the header
// row (Metric and the scenario names) stays where it is while the rows
// scroll down, and each scenario's name stays over its column as the
// columns scroll sideways.
func TestCompareHeaderStaysInView(t *testing.T) {
	u, _ := newTestUI(t)
	u.win.Resize(fyne.NewSize(1280, 720))
	for range 3 {
		u.selectScenario(0)
		u.list.newVariant()
	}
	c := compareTab(t, u)
	for _, n := range []string{"Base variant", "Base variant 2", "Base variant 3"} {
		if ch := checkBox(t, c, n); !ch.Checked {
			test.Tap(ch)
		}
	}
	// the desktop driver lays out again each frame what grew; the test
	// driver does not
	c.content().Refresh()
	d := fyne.CurrentApp().Driver()
	abs := d.AbsolutePositionForObject
	name, metric := c.table.head.right.Objects[0], c.table.head.left.Objects[0]
	y0 := abs(name).Y
	aligned := func(when string) {
		t.Helper()
		for k, h := range c.table.head.right.Objects {
			col := c.table.right.Objects[k] // the first row's cell of column k
			if hx, cx := abs(h).X, abs(col).X; hx != cx || h.Size().Width != col.Size().Width {
				t.Errorf("%s: column %d's name at x %v (w %v), its values at x %v (w %v)", when, k, hx, h.Size().Width, cx, col.Size().Width)
			}
		}
		if abs(metric).X != abs(c.table.left.Objects[0]).X {
			t.Errorf("%s: Metric at x %v, the metric names at x %v", when, abs(metric).X, abs(c.table.left.Objects[0]).X)
		}
	}
	aligned("at first")
	row := c.table.left.Objects[3]
	rowY := abs(row).Y
	test.Scroll(u.win.Canvas(), abs(c.table.right.Objects[len(c.table.head.right.Objects)*3]).AddXY(5, 5), 0, -200)
	if abs(row).Y >= rowY {
		t.Fatalf("the rows did not scroll down: row 3 at y %v (was %v)", abs(row).Y, rowY)
	}
	if abs(name).Y != y0 {
		t.Errorf("the header row moved from y %v to %v as the rows scrolled", y0, abs(name).Y)
	}
	aligned("scrolled down")
	// sideways: a trackpad's horizontal movement over the values
	var side *sideScroll
	walkObjects(c.content(), func(o fyne.CanvasObject) {
		if s, ok := o.(*sideScroll); ok && s.Content == c.table.right {
			side = s
		}
	})
	if side == nil || side.Content.Size().Width <= side.Size().Width {
		t.Fatal("six columns fit at 1280×720: the test needs them to scroll sideways")
	}
	x0 := abs(name).X
	test.Scroll(u.win.Canvas(), abs(c.table.right.Objects[len(c.table.head.right.Objects)*3]).AddXY(5, 5), -150, 0)
	if side.Offset.X == 0 || abs(name).X >= x0 {
		t.Fatalf("sideways: the columns at offset %v, the first name at x %v (was %v)", side.Offset.X, abs(name).X, x0)
	}
	aligned("scrolled sideways")
	// the wheel over the header row scrolls the columns too
	before := side.Offset.X
	test.Scroll(u.win.Canvas(), abs(name).AddXY(side.Offset.X+20, 5), -60, 0)
	if side.Offset.X <= before {
		t.Errorf("a sideways movement over the names left the columns at %v", side.Offset.X)
	}
	aligned("scrolled from the header")
}

package ui

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"scaleplan/scenario"
)

// compareTab shows the Compare tab and returns it.
func compareTab(t *testing.T, u *UI) *compare {
	t.Helper()
	u.tabs.SelectIndex(tabIndex(t, "Compare"))
	return u.screens[tabIndex(t, "Compare")].(*compare)
}

func checkBox(t *testing.T, c *compare, name string) *widget.Check {
	t.Helper()
	for _, o := range c.checks.Objects {
		if ch := o.(*widget.Check); ch.Text == name {
			return ch
		}
	}
	t.Fatalf("no check box %q", name)
	return nil
}

// shownNames are the scenario columns of the table, as shown.
func shownNames(c *compare) []string {
	var out []string
	for i := range c.table.rightWidths {
		// the header is the name and the scenario's horizon: "Base (36 months)"
		h := strings.ReplaceAll(c.table.head.right.Objects[i].(*widget.Label).Text, "\n", " ")
		out = append(out, h[:strings.LastIndex(h, " (")])
	}
	return out
}

// TestCompareUpToSixScenarios: six scenarios side by side; choosing the
// scenarios and the baseline updates the table and every overlay chart.
func TestCompareUpToSixScenarios(t *testing.T) {
	u, _ := newTestUI(t)
	for range 4 {
		u.selectScenario(0)
		u.list.newVariant() // Base variant, Base variant 2 … after Base, in that order
	}
	c := compareTab(t, u)
	for _, n := range []string{"Base variant", "Base variant 2", "Base variant 3"} {
		if ch := checkBox(t, c, n); !ch.Checked {
			test.Tap(ch)
		}
	}
	// Base + Aggressive, Conservative (the defaults) + three variants = 6
	if got := shownNames(c); len(got) != 6 || got[0] != "Base" {
		t.Fatalf("columns %q, want six with Base first", got)
	}
	if ch := checkBox(t, c, "Base variant 4"); !ch.Disabled() {
		t.Error("a seventh scenario can be chosen")
	}
	c.base.SetSelected("Aggressive")
	want := []string{"Aggressive", "Base", "Base variant", "Base variant 2", "Base variant 3", "Conservative"}
	if got := shownNames(c); !slices.Equal(got, want) {
		t.Errorf("columns %q, want %q", got, want)
	}
	test.Tap(checkBox(t, c, "Base variant 2"))
	want = slices.Delete(want, 3, 4)
	if got := shownNames(c); !slices.Equal(got, want) {
		t.Errorf("after unchecking: columns %q, want %q", got, want)
	}
	for _, cv := range c.charts {
		var got []string
		for _, i := range cv.in.Compare {
			got = append(got, u.s.Doc().Plan().Scenarios[i].Name)
		}
		if !slices.Equal(got, want) {
			t.Errorf("chart %s overlays %q, want %q", cv.panel, got, want)
		}
	}
}

// TestCompareMetricColumnStays: the metric names are outside the scroller
// that moves the scenario columns sideways.
func TestCompareMetricColumnStays(t *testing.T) {
	u, _ := newTestUI(t)
	c := compareTab(t, u)
	var hscroll *sideScroll
	for _, o := range test.LaidOutObjects(c.content()) {
		if s, ok := o.(*sideScroll); ok && s.Direction == container.ScrollHorizontalOnly && s.Content == c.table.right {
			hscroll = s
		}
	}
	if hscroll == nil {
		t.Fatal("the scenario columns are not in a sideways scroller")
	}
	if slices.Contains(test.LaidOutObjects(hscroll), fyne.CanvasObject(c.table.left)) || c.table.head.left.Objects[0].(*widget.Label).Text != "Metric" {
		t.Error("the metric column scrolls sideways with the scenarios")
	}
	// the wheel scrolls the table down over the scenario columns too
	before := hscroll.outer.Offset.Y
	hscroll.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.Delta{DY: -60}})
	if hscroll.outer.Offset.Y <= before || hscroll.Offset.X != 0 {
		t.Errorf("a vertical wheel over the values moved the table to y %v (from %v), x %v", hscroll.outer.Offset.Y, before, hscroll.Offset.X)
	}
	// the two halves' rows line up
	for r := range c.table.rows() {
		l := c.table.left.Objects[r]
		rt := c.table.right.Objects[r*len(c.table.rightWidths)]
		if l.Position().Y != rt.Position().Y || l.Size().Height != rt.Size().Height {
			t.Fatalf("row %d: metric at y %v (h %v), values at y %v (h %v)", r, l.Position().Y, l.Size().Height, rt.Position().Y, rt.Size().Height)
		}
	}
}

// TestCopyTable: Copy Table puts on the clipboard, tab-separated, what the
// table shows.
func TestCopyTable(t *testing.T) {
	u, _ := newTestUI(t)
	c := compareTab(t, u)
	b := buttonIn(c.content(), "Copy Table")
	if b == nil {
		t.Fatal("no Copy Table button")
	}
	test.Tap(b)
	got := u.app.Clipboard().Content()
	lines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
	if lines[0] != "Metric\tBase (36 months)\tAggressive (36 months)\tAggressive (36 months) Δ\tConservative (36 months)\tConservative (36 months) Δ" {
		t.Errorf("header %q", lines[0])
	}
	if len(lines) != 1+len(c.model.rows) {
		t.Fatalf("%d lines for %d rows", len(lines), len(c.model.rows))
	}
	// every row, as the widgets show it (line breaks of wrapped text become spaces)
	n := len(c.table.rightWidths)
	head := []string{flat(c.table.head.left.Objects[0])}
	for k := range n {
		h := flat(c.table.head.right.Objects[k])
		head = append(head, h)
		if k > 0 {
			head = append(head, h+" Δ")
		}
	}
	if lines[0] != strings.Join(head, "\t") {
		t.Errorf("header line %q\nthe table shows %q", lines[0], strings.Join(head, "\t"))
	}
	for r := range c.table.rows() {
		line := lines[r+1]
		if c.model.rows[r].heading {
			if line != flat(c.table.left.Objects[r]) {
				t.Errorf("line %d %q, a heading", r+1, line)
			}
			continue
		}
		want := []string{flat(c.table.left.Objects[r])}
		for k := range n {
			cell := texts(c.table.right.Objects[r*n+k])
			want = append(want, cell[0])
			if k > 0 {
				want = append(want, cell[1])
			}
		}
		if line != strings.Join(want, "\t") {
			t.Errorf("line %d %q\nthe table shows %q", r+1, line, strings.Join(want, "\t"))
		}
	}
	if !strings.Contains(got, "ARR at horizon\t$3.46M\t$7.88M\t+128% vs baseline\t") {
		t.Errorf("no ARR row with Base's figure in %q", got)
	}
	if !strings.Contains(u.status.Text, "Copied the comparison") {
		t.Errorf("status %q", u.status.Text)
	}
}

// flat is a label's text on one line (fitLines breaks after slashes and
// at spaces).
func flat(o fyne.CanvasObject) string { return oneLine(o.(*widget.Label).Text) }

func oneLine(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "/\n", "/"), "\n", " ")
}

// texts are a value cell's value and delta ("" without one), one line each.
func texts(o fyne.CanvasObject) [2]string {
	var out [2]string
	k := 0
	for _, x := range test.LaidOutObjects(o) {
		if l, ok := x.(*widget.Label); ok && k < 2 {
			out[k] = oneLine(l.Text)
			k++
		}
	}
	return out
}

// TestCompareAssumptions: for a variant of the baseline, the assumptions
// that differ are exactly its overrides.
func TestCompareAssumptions(t *testing.T) {
	u, _ := newTestUI(t)
	u.list.newVariant()
	typeInto(num(t, u, "viral.inviteConversion"), "31%")
	err := u.s.Doc().EditScenario(1, "Edit", func(s *scenario.Scenario) error {
		return scenario.SetInput(s, "fulfillment.models[3PL].perOrder", 4.25)
	})
	if err != nil {
		t.Fatal(err)
	}
	c := compareTab(t, u)
	c.base.SetSelected("Base")
	for _, n := range []string{"Aggressive", "Conservative"} {
		test.Tap(checkBox(t, c, n))
	}
	test.Tap(checkBox(t, c, "Base variant"))
	for _, n := range []string{"Aggressive", "Conservative"} {
		if ch := checkBox(t, c, n); ch.Checked {
			test.Tap(ch)
		}
	}
	if got := shownNames(c); !slices.Equal(got, []string{"Base", "Base variant"}) {
		t.Fatalf("columns %q", got)
	}
	var after []string
	on := false
	for _, r := range c.model.rows {
		if r.heading {
			on = r.label == "Assumptions that differ"
			continue
		}
		if on {
			after = append(after, r.label+"="+r.cells[1].value)
		}
	}
	want := []string{"fulfillment.models[3PL].perOrder=4.25", "viral.inviteConversion=0.31"}
	if !slices.Equal(after, want) {
		t.Errorf("assumptions %q, want %q", after, want)
	}
	var overrides []string
	for _, p := range scenario.OverridePaths(&u.s.Doc().Plan().Scenarios[1]) {
		overrides = append(overrides, p+"="+strings.Trim(string(json.RawMessage(u.s.Doc().Plan().Scenarios[1].Overrides[p])), `"`))
	}
	if !slices.Equal(overrides, want) {
		t.Errorf("the variant's overrides %q", overrides)
	}
}

// TestExportComparisonSlide: Export Comparison… writes the slide off the
// UI thread in the format the name asks for.
func TestExportComparisonSlide(t *testing.T) {
	u, path := newTestUI(t)
	c := compareTab(t, u)
	for _, name := range []string{"cmp.pdf", "cmp.svg", "cmp"} {
		out := filepath.Join(filepath.Dir(path), name)
		done := make(chan error, 1)
		c.exportSlideTo(out, func(err error) { done <- err })
		if err := <-done; err != nil {
			t.Fatal(err)
		}
		if name == "cmp" {
			out += ".png"
		}
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		head := map[string]string{".pdf": "%PDF", ".svg": "<?xml", ".png": "\x89PNG"}[filepath.Ext(out)]
		if !strings.HasPrefix(string(data), head) {
			t.Errorf("%s starts %q", filepath.Base(out), data[:8])
		}
	}
	if !strings.Contains(u.status.Text, "Saved the comparison slide cmp.png") {
		t.Errorf("status %q", u.status.Text)
	}
}

package ui

import (
	"testing"

	"fyne.io/fyne/v2"

	"scaleplan/scenario"
)

// The Overview sums up the plan's settings in a line, and it follows an
// edit made in the Plan Settings dialog.
func TestPlanSummary(t *testing.T) {
	tests := []struct {
		name, currency, start string
		fiscal                int
		want                  string
	}{
		{"Acme", "USD", "2027-01", 1, "Acme · USD · month 1 is Jan 2027 · fiscal years start in January"},
		{"Kits", "EUR", "2026-09", 4, "Kits · EUR · month 1 is Sep 2026 · fiscal years start in April"},
		// a start month the codec would refuse is shown as written
		{"X", "GBP", "soon", 12, "X · GBP · month 1 is soon · fiscal years start in December"},
	}
	for _, tt := range tests {
		p := &scenario.Plan{Name: tt.name, Currency: tt.currency, StartMonth: tt.start, FiscalYearStartMonth: tt.fiscal}
		if got := planSummary(p); got != tt.want {
			t.Errorf("planSummary(%s) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// File → Plan Settings… opens a dialog holding the plan's four fields;
// they edit the plan as typed, and the Overview's line follows.
func TestPlanSettingsDialog(t *testing.T) {
	u, _ := newTestUI(t)
	o := u.screens[tabIndex(t, "Overview")].(*overview)
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("a dialog is open before Plan Settings")
	}
	u.showPlanSettings()
	if u.win.Canvas().Overlays().Top() == nil {
		t.Fatal("Plan Settings opened no dialog")
	}
	cur := o.plan[1].field
	cur.entry.SetText("")
	typeKeys(u, cur, "eur")
	if got := u.s.Doc().Plan().Currency; got != "EUR" {
		t.Errorf("currency %q, want EUR", got)
	}
	if got := o.planLine.Text; got != "Sample: Acme Kits · EUR · month 1 is Jan 2027 · fiscal years start in January" {
		t.Errorf("plan line %q", got)
	}
	o.settings.Hide()
}

// An invalid plan field left in the closed dialog is named in the status
// bar, and going to it opens the dialog again.
func TestInvalidPlanFieldReopensSettings(t *testing.T) {
	u, _ := newTestUI(t)
	o := u.screens[tabIndex(t, "Overview")].(*overview)
	u.showPlanSettings()
	fiscal := o.plan[3].field
	fiscal.entry.SetText("")
	typeKeys(u, fiscal, "13")
	if !fiscal.invalid {
		t.Fatal("fiscal month 13 accepted")
	}
	o.settings.Hide()
	ps := u.problems()
	if len(ps) != 1 {
		t.Fatalf("%d problems, want 1: %v", len(ps), ps)
	}
	if want := "Overview › Plan Settings › Fiscal year start: "; len(ps[0].text) < len(want) || ps[0].text[:len(want)] != want {
		t.Errorf("status names it %q, want it to start %q", ps[0].text, want)
	}
	u.goTo(ps[0])
	if u.win.Canvas().Overlays().Top() == nil {
		t.Error("going to the invalid fiscal month did not reopen Plan Settings")
	}
}

// The Plan Settings dialog shows the plan as it is now, though its fields
// belong to the Overview and only the selected tab loads its inputs: a
// change made while another tab shows is in the dialog when it opens.
func TestPlanSettingsShowsThePlanNow(t *testing.T) {
	u, _ := newTestUI(t)
	o := u.screens[tabIndex(t, "Overview")].(*overview)
	u.tabs.SelectIndex(tabIndex(t, "Finance"))
	if err := u.s.Doc().Edit("Currency", func(p *scenario.Plan) error { p.Currency, p.Name = "EUR", "Other"; return nil }); err != nil {
		t.Fatal(err)
	}
	u.showPlanSettings()
	if got := o.plan[1].field.entry.Text; got != "EUR" {
		t.Errorf("currency field %q, want EUR", got)
	}
	if got := o.plan[0].field.entry.Text; got != "Other" {
		t.Errorf("name field %q, want Other", got)
	}
}

// Escape closes Plan Settings, as it cancels every dialog.
func TestEscapeClosesPlanSettings(t *testing.T) {
	u, _ := newTestUI(t)
	u.showPlanSettings()
	press(u, fyne.KeyEscape)
	if u.win.Canvas().Overlays().Top() != nil {
		t.Error("Plan Settings still open after Escape")
	}
}

package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// buttonIn finds the button labelled text inside obj.
func buttonIn(obj fyne.CanvasObject, text string) *widget.Button {
	switch o := obj.(type) {
	case *widget.Button:
		if o.Text == text {
			return o
		}
	case *fyne.Container:
		for _, c := range o.Objects {
			if b := buttonIn(c, text); b != nil {
				return b
			}
		}
	case fyne.Widget:
		r := test.WidgetRenderer(o)
		for _, c := range r.Objects() {
			if b := buttonIn(c, text); b != nil {
				return b
			}
		}
	}
	return nil
}

// TestFinanceTab: typing starting cash moves the Overview's cash cards;
// Add round adds a row whose cells edit the new round; a month beyond the
// horizon is refused in place and changes nothing; the fiscal years show.
func TestFinanceTab(t *testing.T) {
	u, _ := newTestUI(t)
	if got := tileText(u, "finance.cashOutMonth"); got != "never" {
		t.Fatalf("Base runs out of cash %q, want never", got)
	}
	// Base burns about $70k a month at first: $100k lasts into February 2027.
	typeInto(num(t, u, "finance.startingCash"), "100k")
	if got := cur(u).Finance.StartingCash; got != 100000 {
		t.Fatalf("starting cash %v, want 100,000", got)
	}
	if got := tileText(u, "finance.cashOutMonth"); got != "Feb 2027" {
		t.Errorf("cash runs out %q, want Feb 2027", got)
	}
	fs := u.screens[tabIndex(t, "Finance")].(*financeScreen)
	add := buttonIn(fs.content(), "Add round")
	if add == nil {
		t.Fatal("no Add round button")
	}
	test.Tap(add)
	rounds := cur(u).Finance.FundingRounds
	if len(rounds) != 2 || rounds[1].Name != "Round 2" {
		t.Fatalf("rounds %+v, want a Round 2", rounds)
	}
	amount := findField(t, u, "finance.fundingRounds[1].amount").(*field[float64])
	typeInto(amount, "2.5M")
	if got := cur(u).Finance.FundingRounds[1].Amount; got != 2.5e6 {
		t.Errorf("new round's amount %v, want 2,500,000", got)
	}
	month := findField(t, u, "finance.fundingRounds[1].month").(*field[int])
	paste(month, "40")
	if !month.bad() || cur(u).Finance.FundingRounds[1].Month != 18 {
		t.Errorf("month 40 of 36: bad %v, month %d (want refused, 18 kept)", month.bad(), cur(u).Finance.FundingRounds[1].Month)
	}
	var years []string
	for _, o := range fs.years.Objects {
		years = append(years, o.(*widget.Label).Text)
	}
	if got := strings.Join(years, "|"); !strings.Contains(got, "FY2027|") || !strings.Contains(got, "FY2029|") {
		t.Errorf("fiscal years: %s", got)
	}
}

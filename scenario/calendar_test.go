package scenario

import (
	"strings"
	"testing"
	"time"
)

func TestCalendarLabels(t *testing.T) {
	c := (&Plan{StartMonth: "2027-01", FiscalYearStartMonth: 1}).Calendar()
	for _, tc := range []struct {
		m     int
		label string
		short string
	}{{1, "Jan 2027", "Jan 27"}, {5, "May 2027", "May 27"}, {12, "Dec 2027", "Dec 27"}, {13, "Jan 2028", "Jan 28"}, {17, "May 2028", "May 28"}, {240, "Dec 2046", "Dec 46"}} {
		if got := c.Label(tc.m); got != tc.label {
			t.Errorf("Label(%d) = %q, want %q", tc.m, got, tc.label)
		}
		if got := c.ShortLabel(tc.m); got != tc.short {
			t.Errorf("ShortLabel(%d) = %q, want %q", tc.m, got, tc.short)
		}
	}
	if got := c.Label(0); got != "Start" {
		t.Errorf("month 0 is %q, want Start", got)
	}
	c = (&Plan{StartMonth: "2026-11", FiscalYearStartMonth: 1}).Calendar()
	if y, m := c.Date(0); y != 2026 || m != time.October {
		t.Errorf("month 0 of a November start is %v %d, want October 2026", m, y)
	}
	if got := c.Label(3); got != "Jan 2027" {
		t.Errorf("month 3 from November 2026 is %q, want Jan 2027", got)
	}
}

// TestFiscalYears: from May 2027 with fiscal years starting in July, 36
// months run May–Jun 2027 (FY2027, 2 months), Jul 2027–Jun 2028 (FY2028),
// Jul 2028–Jun 2029 (FY2029) and Jul 2029–Apr 2030 (FY2030, 10 months).
func TestFiscalYears(t *testing.T) {
	c := (&Plan{StartMonth: "2027-05", FiscalYearStartMonth: 7}).Calendar()
	got := c.FiscalYears(36)
	want := []FiscalYear{
		{Label: "FY2027", Year: 2027, First: 1, Last: 2},
		{Label: "FY2028", Year: 2028, First: 3, Last: 14},
		{Label: "FY2029", Year: 2029, First: 15, Last: 26},
		{Label: "FY2030", Year: 2030, First: 27, Last: 36},
	}
	if len(got) != len(want) {
		t.Fatalf("got %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("year %d: %+v, want %+v", i, got[i], want[i])
		}
	}
	if got[3].Months() != 10 {
		t.Errorf("FY2030 holds %d months, want 10", got[3].Months())
	}
	sums := SumByYear(got, []float64{1, 2, 3, 4, 5})
	if sums[0] != 3 || sums[1] != 12 || sums[2] != 0 {
		t.Errorf("sums %v, want [3 12 0 0]", sums)
	}
	// calendar years: January starts, 13 months from December 2026
	cal := (&Plan{StartMonth: "2026-12", FiscalYearStartMonth: 1}).Calendar().FiscalYears(13)
	if len(cal) != 2 || cal[0].Label != "FY2026" || cal[0].Last != 1 || cal[1].First != 2 || cal[1].Last != 13 {
		t.Errorf("calendar years %+v", cal)
	}
}

// TestFinanceYears: the cash-only plan from January 2027 spends
// 50,000 a month: FY2027 and FY2028 each spend 600,000, FY2029 too, and the
// round lands in FY2027; FY2029 ends at −300,000.
func TestFinanceYears(t *testing.T) {
	s := cashOnly(36, 1e6, 50000)
	s.Finance.FundingRounds = []FundingRound{{Name: "Seed", Month: 10, Amount: 500000}}
	r := computeFinance(t, s).Finance
	ys := FinanceYears(r, (&Plan{StartMonth: "2027-01", FiscalYearStartMonth: 1}).Calendar())
	if len(ys) != 3 {
		t.Fatalf("%d years", len(ys))
	}
	for i, y := range ys {
		if y.NetCashFlow != -600000 || y.Costs.Other != 600000 {
			t.Errorf("%s: net %g other %g", y.Label, y.NetCashFlow, y.Costs.Other)
		}
		wantFunding, wantEnd := 0.0, []float64{900000, 300000, -300000}[i]
		if i == 0 {
			wantFunding = 500000
		}
		if y.Funding != wantFunding || y.EndCash != wantEnd {
			t.Errorf("%s: funding %g end %g, want %g %g", y.Label, y.Funding, y.EndCash, wantFunding, wantEnd)
		}
	}
}

func TestDefaultStartMonth(t *testing.T) {
	for _, tc := range []struct {
		now  time.Time
		want string
	}{
		{time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC), "2026-12"},
		{time.Date(2026, 12, 31, 23, 59, 0, 0, time.UTC), "2027-01"},
		{time.Date(2027, 1, 31, 0, 0, 0, 0, time.UTC), "2027-02"},
	} {
		if got := DefaultStartMonth(tc.now); got != tc.want {
			t.Errorf("after %v: %q, want %q", tc.now, got, tc.want)
		}
	}
}

// TestYearMetrics: the cash-only plan's three calendar years each lose
// 600,000 and earn nothing.
func TestYearMetrics(t *testing.T) {
	s := cashOnly(30, 1e6, 50000)
	r := computeFinance(t, s)
	ms := YearMetrics(r, (&Plan{StartMonth: "2027-01", FiscalYearStartMonth: 1}).Calendar())
	if len(ms) != 6 {
		t.Fatalf("%d metrics, want 6", len(ms))
	}
	if ms[1].Key != "finance.net.FY2027" || ms[1].Value != -600000 || ms[5].Label != "Net cash flow FY2029 (6 months)" || ms[5].Value != -300000 {
		t.Errorf("metrics %+v", ms)
	}
	r.Finance = nil
	if YearMetrics(r, Calendar{}) != nil {
		t.Error("no finance, no year metrics")
	}
}

// TestFinanceStory tells the cash-only plan from January 2027:
// 36 months end in December 2029 at −$300k, burning $50k; it runs out in
// month 31 (July 2029) and must raise by month 25 (January 2029).
func TestFinanceStory(t *testing.T) {
	s := cashOnly(36, 1e6, 50000)
	s.Finance.FundingRounds = []FundingRound{{Name: "Seed", Month: 10, Amount: 500000}}
	r := computeFinance(t, s)
	got := FinanceStory(s.Finance, r.Finance, (&Plan{StartMonth: "2027-01", FiscalYearStartMonth: 1}).Calendar(), "USD")
	want := []string{
		"cash -$300k at Dec 2029 (m36), lowest -$300k at Dec 2029 (m36); burning $50k a month at the horizon (trailing quarter)",
		"rounds: Seed $500k in Oct 2027",
		"runs out in Jul 2029 (m31): raise $300k more, by Jan 2029 (m25) (runway below 6 months)",
		"never cash-flow positive within the horizon; runway 0.0 months at the horizon",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("story:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

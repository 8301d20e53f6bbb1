package scenario

import (
	"fmt"
	"strconv"
	"time"
)

// Calendar limits: the years a plan may start in.
const (
	MinStartYear = 1970
	MaxStartYear = 2999
)

// Calendar dates a plan's months: month 1 is Start's month, and fiscal
// years begin in FiscalStart (1 = January). A fiscal year is named for the
// calendar year it ends in, so with FiscalStart 7 the months July 2026 to
// June 2027 are FY2027 (docs/MODELS.md §10).
type Calendar struct {
	StartYear   int
	StartMonth  time.Month
	FiscalStart time.Month
}

// FiscalYear is one fiscal year's months within a horizon: First and Last
// are model month numbers (1-based). A year cut by the start or the horizon
// holds fewer than 12 months.
type FiscalYear struct {
	Label string `json:"label"`
	Year  int    `json:"year"`
	First int    `json:"firstMonth"`
	Last  int    `json:"lastMonth"`
}

// Months is how many of the year's months fall within the horizon.
func (y FiscalYear) Months() int { return y.Last - y.First + 1 }

// ParseStartMonth reads a plan's startMonth, "YYYY-MM".
func ParseStartMonth(s string) (int, time.Month, error) {
	bad := fmt.Errorf("must be a month written YYYY-MM, such as 2027-01, got %q", s)
	if len(s) != 7 || s[4] != '-' {
		return 0, 0, bad
	}
	y, err1 := strconv.Atoi(s[:4])
	m, err2 := strconv.Atoi(s[5:])
	if err1 != nil || err2 != nil || s[0] == '+' || s[0] == '-' || s[5] == '+' || s[5] == '-' {
		return 0, 0, bad
	}
	if m < 1 || m > 12 {
		return 0, 0, fmt.Errorf("month must be 01 to 12, got %q", s)
	}
	if y < MinStartYear || y > MaxStartYear {
		return 0, 0, fmt.Errorf("year must be between %d and %d, got %q", MinStartYear, MaxStartYear, s)
	}
	return y, time.Month(m), nil
}

// DefaultStartMonth is the month after now, "YYYY-MM": a new plan starts
// next month.
func DefaultStartMonth(now time.Time) string {
	y, m, _ := now.Date()
	next := time.Date(y, m+1, 1, 0, 0, 0, 0, time.UTC)
	return next.Format("2006-01")
}

// Calendar returns the plan's calendar. A plan that has not been validated
// may carry a bad startMonth or fiscal year start; those fall back to
// January 2000 and January, so labels never fail.
func (p *Plan) Calendar() Calendar {
	c := Calendar{StartYear: 2000, StartMonth: time.January, FiscalStart: time.January}
	if y, m, err := ParseStartMonth(p.StartMonth); err == nil {
		c.StartYear, c.StartMonth = y, m
	}
	if p.FiscalYearStartMonth >= 1 && p.FiscalYearStartMonth <= 12 {
		c.FiscalStart = time.Month(p.FiscalYearStartMonth)
	}
	return c
}

// Date returns the calendar year and month of model month m (m = 1 is the
// start month; m = 0 the month before it).
func (c Calendar) Date(m int) (int, time.Month) {
	i := int(c.StartMonth) - 1 + m - 1
	y := c.StartYear + floorDiv(i, 12)
	return y, time.Month(i-floorDiv(i, 12)*12) + 1
}

// Label names model month m as people read it: "May 2027". Month 0, the
// starting state, is "Start".
func (c Calendar) Label(m int) string {
	if m == 0 {
		return "Start"
	}
	y, mo := c.Date(m)
	return fmt.Sprintf("%s %d", mo.String()[:3], y)
}

// ShortLabel names model month m for a chart axis: "May 27".
func (c Calendar) ShortLabel(m int) string {
	y, mo := c.Date(m)
	return fmt.Sprintf("%s %02d", mo.String()[:3], y%100)
}

// FiscalYearOf returns the fiscal year model month m belongs to, named for
// the calendar year the fiscal year ends in.
func (c Calendar) FiscalYearOf(m int) int {
	y, mo := c.Date(m)
	if c.FiscalStart > time.January && mo >= c.FiscalStart {
		return y + 1
	}
	return y
}

// FiscalYears groups months 1..horizon by fiscal year, in order.
func (c Calendar) FiscalYears(horizon int) []FiscalYear {
	var out []FiscalYear
	for m := 1; m <= horizon; m++ {
		fy := c.FiscalYearOf(m)
		if n := len(out); n > 0 && out[n-1].Year == fy {
			out[n-1].Last = m
			continue
		}
		out = append(out, FiscalYear{Label: fmt.Sprintf("FY%d", fy), Year: fy, First: m, Last: m})
	}
	return out
}

// SumByYear totals monthly values (index 0 = month 1) over each fiscal year.
func SumByYear(years []FiscalYear, monthly []float64) []float64 {
	out := make([]float64, len(years))
	for i, y := range years {
		for m := y.First; m <= y.Last && m <= len(monthly); m++ {
			out[i] += monthly[m-1]
		}
	}
	return out
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

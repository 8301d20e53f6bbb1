package workbook

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scaleplan/scenario"
)

// TestFinanceSheet: each scenario's Finance sheet holds the named inputs,
// a monthly table of formulas over the module sheets whose cached values
// are the engine's, the results linked from the Summary, and fiscal-year
// totals.
func TestFinanceSheet(t *testing.T) {
	p := samplePlan(t)
	f := openBytes(t, p)
	rs, err := scenario.ComputePlan(p)
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, dn := range f.GetDefinedName() {
		names[dn.Scope+"!"+dn.Name] = true
	}
	for _, n := range []string{"StartingCash", "PayingShare", "ARPU", "AverageOrderValue", "SubscriptionMargin", "ConsumerMargin",
		"OrderMargin", "ReferrerReward", "RefereeReward", "CustomerChurn", "OtherCosts", "OtherCostsGrowth", "RunwayAlert",
		"MinCashBuffer", "RoundMonths", "RoundAmounts", "EntryMonths", "EntryOneOff", "EntryMonthly"} {
		if !names["Base - Finance!"+n] {
			t.Errorf("no name %s on Base - Finance", n)
		}
	}
	for i, r := range rs {
		sh := p.Scenarios[i].Name + suffixFinance
		for j, m := range r.Finance.Months {
			rw := financeRow1 + j
			for col, want := range map[int]float64{
				fiSubscription: m.Revenue.Subscription, fiConsumer: m.Revenue.Consumer, fiOrders: m.Revenue.Orders,
				fiRevenue: m.Revenue.Total(), fiCOGS: m.COGS, fiGross: m.GrossProfit, fiSalesTeam: m.Costs.SalesTeam,
				fiPaid: m.Costs.PaidAcquisition, fiReferral: m.Costs.ReferralRewards, fiFulfillment: m.Costs.Fulfillment,
				fiMarketEntry: m.Costs.MarketEntry, fiOther: m.Costs.Other, fiOpex: m.Costs.Total(), fiNet: m.NetCashFlow,
				fiFunding: m.Funding, fiCash: m.Cash, fiBurn: m.Burn,
			} {
				cell := cellName(col, rw)
				if fo, err := f.GetCellFormula(sh, cell); err != nil || fo == "" {
					t.Fatalf("%s!%s: no formula", sh, cell)
				}
				if got := num(t, f, sh, cell); !near(got, want) {
					t.Errorf("%s!%s (month %d) = %v, want %v", sh, cell, m.Month, got, want)
				}
			}
		}
	}
	// the lines read the module sheets and the named inputs
	for col, want := range map[int]string{
		fiSubscription: "'Base - Sales'!", fiConsumer: "'Base - Viral'!", fiOrders: "'Base - Fulfillment'!",
		fiSalesTeam: "'Base - Sales'!", fiFulfillment: "'Base - Fulfillment'!", fiReferral: "ReferrerReward",
		fiFunding: "RoundAmounts", fiMarketEntry: "EntryMonthly", fiOther: "OtherCostsGrowth", fiCash: "StartingCash",
	} {
		row := financeRow1 + 11
		if col == fiCash {
			row = firstRow
		}
		if fo, _ := f.GetCellFormula("Base - Finance", cellName(col, row)); !strings.Contains(fo, want) {
			t.Errorf("Base - Finance!%s = %q, want it to use %s", cellName(col, row), fo, want)
		}
	}
	if got := str(t, f, "Base - Finance", cellName(fiDate, financeRow1+4)); got != "May 2027" {
		t.Errorf("month 5 is dated %q, want May 2027", got)
	}
	// the Summary links the finance metrics to the Finance sheet
	summary := map[string]bool{}
	rows, _ := f.GetRows("Summary")
	for r := range rows {
		if fo, _ := f.GetCellFormula("Summary", cellName(2, r+1)); strings.Contains(fo, "'Base - Finance'!") {
			summary[rows[r][0]] = true
		}
	}
	for _, label := range []string{"Cash at horizon", "Minimum cash", "Cash needed beyond rounds", "Cash-flow positive from", "B2B LTV/CAC"} {
		if !summary[label] {
			t.Errorf("Summary row %q does not link to Base - Finance", label)
		}
	}
}

// TestFinanceYearsInWorkbook: the fiscal-year block adds the months of
// each year (three full calendar years from January 2027).
func TestFinanceYearsInWorkbook(t *testing.T) {
	p := samplePlan(t)
	f := openBytes(t, p)
	rs, _ := scenario.ComputePlan(p)
	years := scenario.FinanceYears(rs[0].Finance, p.Calendar())
	if len(years) != 3 || years[0].Label != "FY2027" || years[2].Label != "FY2029" {
		t.Fatalf("years %+v", years)
	}
	rows, _ := f.GetRows("Base - Finance")
	found := 0
	for r, row := range rows {
		if len(row) == 0 || !strings.HasPrefix(row[0], "FY20") {
			continue
		}
		y := years[found]
		var netSum float64
		for _, m := range rs[0].Finance.Months[y.First-1 : y.Last] {
			netSum += m.NetCashFlow
		}
		if got := num(t, f, "Base - Finance", cellName(6, r+1)); !near(got, netSum) {
			t.Errorf("%s net cash flow %v, want %v", y.Label, got, netSum)
		}
		found++
	}
	if found != 3 {
		t.Errorf("%d fiscal-year rows, want 3", found)
	}
}

// TestFinanceWithModulesOff: lines of a module that is off are 0 (values,
// not links to a sheet that does not exist), and unit economics say so.
func TestFinanceWithModulesOff(t *testing.T) {
	p := samplePlan(t)
	p.Scenarios = p.Scenarios[:1]
	p.Scenarios[0].Viral.Enabled, p.Scenarios[0].Sales.Enabled = false, false
	p.Scenarios[0].Fulfillment.Volume.Source = scenario.VolumeManual
	f := openBytes(t, p)
	for _, col := range []int{fiSubscription, fiConsumer, fiSalesTeam, fiPaid, fiReferral} {
		cell := cellName(col, financeRow1)
		if fo, _ := f.GetCellFormula("Base - Finance", cell); fo != "" || num(t, f, "Base - Finance", cell) != 0 {
			t.Errorf("Base - Finance!%s = %q, want the value 0", cell, fo)
		}
	}
	rows, _ := f.GetRows("Base - Finance")
	off := 0
	for _, row := range rows {
		if len(row) > 2 && row[2] == "module off" {
			off++
		}
	}
	if off != 2 {
		t.Errorf("%d unit-economics rows say the module is off, want 2", off)
	}
}

// TestMonthsShowDates: the module sheets' month numbers stay numbers (the
// formulas read them) but show their date on the plan's calendar, which
// starts in January 2027.
func TestMonthsShowDates(t *testing.T) {
	f := openBytes(t, samplePlan(t))
	for _, c := range []struct {
		sheet      string
		col, row   int
		shown, raw string
	}{
		{"Base - Viral", vMonth, firstRow + 4, "5 · May 2027", "5"},
		{"Base - Sales", sMonth, firstRow, "0 · Start", "0"},
		{"Base - Sales", sMonth, firstRow + 13, "13 · Jan 2028", "13"},
		{"Base - Fulfillment", fMonth, firstRow + 35, "36 · Dec 2029", "36"},
	} {
		cell := cellName(c.col, c.row)
		shown, _ := f.GetCellValue(c.sheet, cell)
		raw, _ := f.GetCellValue(c.sheet, cell, excelize.Options{RawCellValue: true})
		if shown != c.shown || raw != c.raw {
			t.Errorf("%s!%s shows %q (raw %q), want %q (%q)", c.sheet, cell, shown, raw, c.shown, c.raw)
		}
	}
}

package workbook

import "scaleplan/scenario"

// moduleSheet is a row of the workbook's module registry: the scenario
// module a sheet shows, the suffix of its name after the scenario's, and
// the func that writes it (and records in ss the cells the Summary links to).
type moduleSheet struct {
	module string
	suffix string
	write  func(b *builder, name string, s *scenario.Scenario, r *scenario.Result, ss *scenarioSheets) *sheet
}

// moduleSheets lists the module sheets of a scenario, in tab order. To give
// a new module a sheet, write it in a file of its own and add a row here,
// after the sheets it links to (the fulfillment sheet links to the viral
// sheet's active users; the finance sheet to the viral, sales and
// fulfillment sheets).
var moduleSheets = []moduleSheet{
	{scenario.ModuleViral, suffixViral, func(b *builder, name string, s *scenario.Scenario, r *scenario.Result, ss *scenarioSheets) *sheet {
		return b.viralSheet(name, s, r.Viral, ss)
	}},
	{scenario.ModuleSales, suffixSales, func(b *builder, name string, s *scenario.Scenario, r *scenario.Result, ss *scenarioSheets) *sheet {
		return b.salesSheet(name, s, r.Sales, ss)
	}},
	{scenario.ModuleFulfillment, suffixFulfillment, func(b *builder, name string, s *scenario.Scenario, r *scenario.Result, ss *scenarioSheets) *sheet {
		return b.fulfillmentSheet(name, s, r.Fulfillment, ss)
	}},
	{scenario.ModuleMarkets, suffixMarkets, func(b *builder, name string, s *scenario.Scenario, r *scenario.Result, ss *scenarioSheets) *sheet {
		return b.marketsSheet(name, s, r.Markets, ss)
	}},
	{scenario.ModuleFinance, suffixFinance, func(b *builder, name string, s *scenario.Scenario, r *scenario.Result, ss *scenarioSheets) *sheet {
		return b.financeSheet(name, b.plan, s, r, ss)
	}},
}

// enabled reports whether the scenario has the sheet's module switched on
// (and so, once computed, a result for it).
func (m moduleSheet) enabled(s *scenario.Scenario) bool {
	mod, ok := scenario.ModuleNamed(m.module)
	return ok && mod.Enabled(s)
}

// longestSuffix is the length of the longest module sheet suffix.
func longestSuffix() int {
	n := 0
	for _, m := range moduleSheets {
		n = max(n, len(m.suffix))
	}
	return n
}

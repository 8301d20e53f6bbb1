package workbook

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"

	"scaleplan/scenario"
)

// maxSheetName is Excel's limit on a sheet name, in UTF-16 code units.
const maxSheetName = 31

// Module sheet suffixes.
const (
	suffixViral       = " - Viral"
	suffixSales       = " - Sales"
	suffixFulfillment = " - Fulfillment"
	suffixMarkets     = " - Markets"
	summaryName       = "Summary"
)

// maxPrefix leaves room for the longest suffix.
var maxPrefix = maxSheetName - longestSuffix()

// sheetNameReplacer drops what Excel forbids in a sheet name ([]:*?/\) and
// turns the apostrophe into a typographic one (’): Gnumeric cannot read a
// reference to a sheet whose quoted name doubles an apostrophe (It's).
var sheetNameReplacer = strings.NewReplacer("[", "(", "]", ")", ":", "-", "*", "-", "?", "", "/", "-", "\\", "-", "'", "’")

// cleanSheetPart makes a scenario name usable in a sheet name: no []:*?/\
// or apostrophe, no control characters, nothing leading or trailing that
// was an apostrophe, not empty.
func cleanSheetPart(name string, i int) string {
	s := sheetNameReplacer.Replace(name)
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	s = strings.Trim(s, " ’")
	if s == "" {
		s = fmt.Sprintf("Scenario %d", i+1)
	}
	return s
}

// truncateUTF16 cuts s to at most n UTF-16 code units, on a rune boundary,
// and drops trailing spaces and apostrophes the cut exposes.
func truncateUTF16(s string, n int) string {
	units := 0
	for i, r := range s {
		units += len(utf16.Encode([]rune{r}))
		if units > n {
			return strings.TrimRight(s[:i], " '")
		}
	}
	return s
}

// sheetPrefixes returns one unique (case-insensitive) sheet-name prefix per
// scenario, short enough for every module suffix.
func sheetPrefixes(p *scenario.Plan) []string {
	out := make([]string, len(p.Scenarios))
	taken := map[string]bool{strings.ToLower(summaryName): true}
	for i, s := range p.Scenarios {
		base := cleanSheetPart(s.Name, i)
		cand := truncateUTF16(base, maxPrefix)
		for n := 2; taken[strings.ToLower(cand)]; n++ {
			tag := fmt.Sprintf("~%d", n)
			cand = truncateUTF16(base, maxPrefix-len(tag)) + tag
		}
		taken[strings.ToLower(cand)] = true
		out[i] = cand
	}
	return out
}

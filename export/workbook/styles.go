package workbook

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"scaleplan/scenario"
)

// styles holds the style ids of one workbook.
type styles struct {
	title, subtitle, section, sectionTop, header, headerLeft, label, note, text, textRight, textBold, wrapNote, center, centerBold int
	// output number formats
	money, money2, count, dec, pct, pct2, integer, yesno, days int
	// input cells: blue font on a pale fill
	inMoney, inMoney2, inCount, inDec, inPct, inInt, inText, inYesNo, inDays int
	// conditional formats (differential styles): a check that passes or fails
	good, bad int
}

const (
	inputFont = "0000FF"
	inputFill = "FFF2CC"
	headFill  = "DDEBF7"
	greyText  = "595959"
)

// currencyFormats returns number formats for whole and cent amounts.
func currencyFormats(currency string) (string, string) {
	sym, ok := scenario.CurrencySymbol(currency)
	if !ok {
		return fmt.Sprintf(`#,##0 "%s";-#,##0 "%s"`, currency, currency), fmt.Sprintf(`#,##0.00 "%s";-#,##0.00 "%s"`, currency, currency)
	}
	return fmt.Sprintf(`"%s"#,##0;-"%s"#,##0`, sym, sym), fmt.Sprintf(`"%s"#,##0.00;-"%s"#,##0.00`, sym, sym)
}

func newStyles(f *excelize.File, currency string) (*styles, error) {
	money, money2 := currencyFormats(currency)
	st := &styles{}
	border := []excelize.Border{{Type: "bottom", Color: "8EA9DB", Style: 1}}
	num := func(fmtCode string, input bool) *excelize.Style {
		s := &excelize.Style{CustomNumFmt: &fmtCode}
		s.Alignment = &excelize.Alignment{Horizontal: "right"} // text such as "n/a" lines up with numbers
		if fmtCode == "@" {
			s.Alignment = &excelize.Alignment{Horizontal: "left"}
		}
		if input {
			s.Font = &excelize.Font{Color: inputFont}
			s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{inputFill}}
			s.Border = []excelize.Border{{Type: "left", Color: "BFBFBF", Style: 1}, {Type: "right", Color: "BFBFBF", Style: 1},
				{Type: "top", Color: "BFBFBF", Style: 1}, {Type: "bottom", Color: "BFBFBF", Style: 1}}
		}
		return s
	}
	defs := []struct {
		id *int
		s  *excelize.Style
	}{
		{&st.title, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 14, Color: "1F3864"}}},
		{&st.subtitle, &excelize.Style{Font: &excelize.Font{Italic: true, Color: greyText}}},
		{&st.section, &excelize.Style{Font: &excelize.Font{Bold: true, Color: "1F3864"}, Border: border}},
		{&st.sectionTop, &excelize.Style{Font: &excelize.Font{Bold: true, Color: "1F3864"}, Alignment: &excelize.Alignment{Vertical: "top"}}},
		{&st.header, &excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{headFill}},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}, Border: border}},
		{&st.headerLeft, &excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{headFill}},
			Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true}, Border: border}},
		{&st.label, &excelize.Style{}},
		{&st.note, &excelize.Style{Font: &excelize.Font{Italic: true, Color: greyText, Size: 9}}},
		{&st.text, &excelize.Style{Alignment: &excelize.Alignment{Horizontal: "left"}}},
		{&st.textBold, &excelize.Style{Font: &excelize.Font{Bold: true}}},
		{&st.center, &excelize.Style{Alignment: &excelize.Alignment{Horizontal: "center"}}},
		{&st.centerBold, &excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Horizontal: "center"}}},
		{&st.textRight, &excelize.Style{Alignment: &excelize.Alignment{Horizontal: "right"}}},
		{&st.wrapNote, &excelize.Style{Font: &excelize.Font{Italic: true, Color: greyText, Size: 9}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
		{&st.money, num(money, false)}, {&st.money2, num(money2, false)},
		{&st.count, num("#,##0", false)}, {&st.dec, num("#,##0.00", false)},
		{&st.pct, num("0.0%", false)}, {&st.pct2, num("0.000%", false)},
		{&st.integer, num("0", false)}, {&st.yesno, num(`"yes";"yes";"no"`, false)},
		{&st.days, num("#,##0.0###", false)},
		{&st.inMoney, num(money, true)}, {&st.inMoney2, num(money2, true)},
		{&st.inCount, num("#,##0", true)}, {&st.inDec, num("#,##0.00", true)},
		{&st.inPct, num("0.0%", true)}, {&st.inInt, num("0", true)},
		{&st.inText, num("@", true)}, {&st.inYesNo, num(`"yes";"yes";"no"`, true)},
		{&st.inDays, num("#,##0.0###", true)},
	}
	for _, d := range defs {
		id, err := f.NewStyle(d.s)
		if err != nil {
			return nil, fmt.Errorf("style: %w", err)
		}
		*d.id = id
	}
	return st, conditionalStyles(f, st)
}

// conditionalStyles adds the green and red formats of the plan checks.
func conditionalStyles(f *excelize.File, st *styles) error {
	for _, c := range []struct {
		id         *int
		font, fill string
	}{{&st.good, "006100", "C6EFCE"}, {&st.bad, "9C0006", "FFC7CE"}} {
		id, err := f.NewConditionalStyle(&excelize.Style{Font: &excelize.Font{Color: c.font, Bold: true},
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c.fill}}})
		if err != nil {
			return fmt.Errorf("style: %w", err)
		}
		*c.id = id
	}
	return nil
}

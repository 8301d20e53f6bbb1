package workbook

import (
	"github.com/xuri/excelize/v2"
)

// monthWidth fits "36 · May 2027" in a month column.
const monthWidth = 14

// monthCell writes model month m as its number, shown with its date on the
// plan's calendar ("5 · May 2027", month 0 "0 · Start"): formulas keep
// reading the number.
func (b *builder) monthCell(sh *sheet, c, r, m int) {
	sh.num(c, r, float64(m), b.monthStyle(m))
}

// monthStyle is the centred number format that appends month m's date;
// one style per month, shared by every sheet.
func (b *builder) monthStyle(m int) int {
	if id, ok := b.months[m]; ok {
		return id
	}
	if b.months == nil {
		b.months = map[int]int{}
	}
	format := `0" · ` + b.plan.Calendar().Label(m) + `"`
	id, err := b.f.NewStyle(&excelize.Style{CustomNumFmt: &format, Alignment: &excelize.Alignment{Horizontal: "center"}})
	if err != nil {
		id = b.st.center // the number alone
	}
	b.months[m] = id
	return id
}

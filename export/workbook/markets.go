package workbook

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"scaleplan/scenario"
)

// Markets sheet: factors across, markets down, from row headRow.
const (
	weightRow = firstRow     // the factor weights
	mktRow    = firstRow + 1 // first market
)

// marketsSheet writes the market expansion model (docs/MODELS.md §4): the
// score matrix (validated whole 1–5), weights, SUMPRODUCT weighted scores and
// ranks.
func (b *builder) marketsSheet(name string, s *scenario.Scenario, r *scenario.MarketsResult, ss *scenarioSheets) *sheet {
	sh := newSheet(name)
	st := b.st
	mk := s.Markets
	b.heading(sh, s.Name+" — Market expansion",
		"Blue cells are inputs: scores are whole numbers 1–5 where 5 is always the most favourable (large market, little competition, simple regulation); weights ≥ 0.")
	sh.freezeRow, sh.freezeCol = weightRow, 1
	sh.heights[headRow] = 45 // factor names wrap to three lines
	nf, nm := len(mk.Factors), len(mk.Markets)
	sh.width(1, 1, 24)
	sh.width(2, max(nf+1, 6), 13)
	if nf == 0 || nm == 0 {
		sh.text(1, headRow, "This scenario lists no markets to score.", st.text)
		return sh
	}
	cTotal, cWeighted, cRank, cTie, cNotes := nf+2, nf+3, nf+4, nf+5, nf+6
	sh.print = &printSetup{lastCol: cNotes}
	sh.text(1, headRow, "Market", st.headerLeft)
	for j, f := range mk.Factors {
		sh.text(2+j, headRow, f.Name, st.header)
	}
	for i, t := range []string{"Total", "Weighted score", "Rank", "Tie"} {
		sh.text(cTotal+i, headRow, t, st.header)
	}
	sh.text(cNotes, headRow, "Notes", st.headerLeft)
	sh.text(1, weightRow, "Weight", st.textBold)
	for j, f := range mk.Factors {
		sh.num(2+j, weightRow, f.Weight, st.inDec)
	}
	weights := absRange(2, weightRow, 1+nf, weightRow)
	sh.define("Weights", weights)
	last := mktRow + nm - 1
	wcol := absRange(cWeighted, mktRow, cWeighted, last)
	sh.define("MarketNames", absRange(1, mktRow, 1, last))
	sh.define("Scores", absRange(2, mktRow, 1+nf, last))
	sh.define("WeightedScores", wcol)
	byID := map[string]scenario.MarketScore{}
	for _, x := range r.Ranking {
		byID[x.ID] = x
	}
	for i, m := range mk.Markets {
		rw := mktRow + i
		res := byID[m.ID]
		sh.text(1, rw, m.Name, st.inText)
		for j, f := range mk.Factors {
			sh.num(2+j, rw, m.Scores[f.ID], st.inInt)
		}
		scores := rng(2, rw, 1+nf, rw)
		sh.formula(cTotal, rw, fmt.Sprintf("SUM(%s)", scores), res.Total, st.integer)
		sp := fmt.Sprintf("SUMPRODUCT(%s,Weights)", scores)
		sh.formula(cWeighted, rw, fmt.Sprintf("IF(SUM(Weights)>0,%s/SUM(Weights),%s)", sp, sp), res.Weighted, st.dec)
		w := cellName(cWeighted, rw)
		sh.formula(cRank, rw, fmt.Sprintf("1+SUMPRODUCT(--(WeightedScores>%s+TieTolerance))", w), res.Rank, st.integer)
		tie := ""
		if res.Tied {
			tie = "tie"
		}
		sh.formula(cTie, rw, fmt.Sprintf(`IF(SUMPRODUCT((WeightedScores-%[1]s<=TieTolerance)*(%[1]s-WeightedScores<=TieTolerance))>1,"tie","")`, w), tie, st.text)
		sh.text(cNotes, rw, m.Notes, st.text)
	}
	sh.validate(rng(2, mktRow, 1+nf, last), inRange("markets.markets[].scores[]", "Scores (5 = most favourable)"))
	sh.validate(rng(2, weightRow, 1+nf, weightRow), inRange("markets.factors[].weight", "Weights"))
	sh.width(cTotal, cTie, 10)
	sh.width(cWeighted, cWeighted, 12)
	sh.width(cNotes, cNotes, 40)

	rw := last + 2
	sh.text(1, rw, "Results", st.section)
	winner := b.derivedAt(sh, rw+1, "Top market", fmt.Sprintf("INDEX(MarketNames,MATCH(MAX(WeightedScores),WeightedScores,0))"), r.Winner, st.textBold)
	top := b.derivedAt(sh, rw+2, "Top weighted score", "MAX(WeightedScores)", r.Ranking[0].Weighted, st.dec)
	sh.text(1, rw+3, "Tie tolerance", st.label)
	sh.num(2, rw+3, scenario.TieTolerance, st.label)
	sh.define("TieTolerance", abs(2, rw+3))
	sh.text(1, rw+4, "Rank 1 is best; weighted scores within the tie tolerance share a rank.", st.note)
	ss.refs[scenario.MetricMarketsTop] = qualify(name, winner)
	ss.refs[scenario.MetricMarketsScore] = qualify(name, top)

	cats := absRange(1, mktRow, 1, last)
	sh.chart(fmt.Sprintf("A%d", rw+6), &excelize.Chart{
		Type:       excelize.Bar,
		Series:     []excelize.ChartSeries{{Name: qualify(name, abs(cWeighted, headRow)), Categories: qualify(name, cats), Values: qualify(name, wcol)}},
		Title:      excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Weighted score by market", Font: &excelize.Font{Bold: true, Size: 11}}}},
		Dimension:  excelize.ChartDimension{Width: 600, Height: 80 + 28*uint(nm)},
		Legend:     excelize.ChartLegend{Position: "none"},
		VaryColors: ptr(false), // one series: one colour
		XAxis:      excelize.ChartAxis{ReverseOrder: true},
		YAxis:      excelize.ChartAxis{MajorGridLines: true, Minimum: ptr(0.0), Maximum: ptr(5.0), NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0.0"}},
	})
	return sh
}

// derivedAt writes label in A and a formula in B on row r (no name).
func (b *builder) derivedAt(sh *sheet, r int, label, f string, cached any, style int) string {
	return b.derived(sh, r, label, "", f, cached, style)
}

func ptr[T any](v T) *T { return &v }

package chart

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"scaleplan/assets"
	"scaleplan/scenario"
)

// TestSVGIsWellFormedWhateverTheNames: names that slipped past validation
// (control characters, markup) still give well-formed XML; the attack's
// "Base\u0001" gave an SVG no XML parser reads.
func TestSVGIsWellFormedWhateverTheNames(t *testing.T) {
	p, err := scenario.Decode(assets.SamplePlan)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := scenario.ComputePlan(p)
	if err != nil {
		t.Fatal(err)
	}
	p.Scenarios[0].Name = "Base\u0001\x1b[2J"
	p.Scenarios[1].Name = `<b>&"Aggr'</b>`
	rs[2].Markets.Ranking[0].Name = "Ger\u0085many" // the chart draws the ranking
	for _, k := range []Kind{KindCompare, KindMarkets} {
		in := Input{Plan: p, Results: rs, Scenario: 0, Compare: []int{0, 1, 2}}
		if k == KindMarkets {
			in = Input{Plan: p, Results: rs, Scenario: 2}
		}
		var buf bytes.Buffer
		if err := Write(&buf, "svg", k, in, Light(), DefaultWidth, DefaultPanelHeight); err != nil {
			t.Fatal(err)
		}
		dec := xml.NewDecoder(bytes.NewReader(buf.Bytes()))
		var text strings.Builder
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: the SVG is not well-formed XML: %v", k, err)
			}
			if cd, ok := tok.(xml.CharData); ok {
				text.Write(cd)
			}
		}
		want := map[Kind]string{KindCompare: `<b>&"Aggr'</b>`, KindMarkets: "Ger\uFFFDmany"}[k]
		if !strings.Contains(text.String(), want) {
			t.Errorf("%s: the text %q is not drawn", k, want)
		}
	}
}

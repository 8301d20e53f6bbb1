package boardpack

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"image/png"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"

	"scaleplan/export/chart"
	"scaleplan/scenario"
)

// pack is everything the pack's files show, worked out once.
type pack struct {
	plan        *scenario.Plan
	results     []*scenario.Result
	sims        []*scenario.SimResult // parallel to results; nil where not simulated
	idx         []int                 // compared scenarios, baseline first
	date        time.Time
	table       Table
	charts      []chartSpec
	perScenario map[int][]int // scenario index → its charts (indexes into charts)
	overlays    []int         // the overlay charts
	assumptions []InputRow    // inputs that differ between the compared scenarios
	appendix    []InputRow    // every input of every compared scenario
}

// chartSpec is one chart of the pack.
type chartSpec struct {
	file  string // file name without extension
	title string
	plt   *plot.Plot
}

// tellingPanels are the panels a scenario page shows, most telling first;
// the first two whose module is on are used.
var tellingPanels = []chart.Panel{chart.ViralGrowth, chart.SalesARR, chart.FulfillmentMonthly, chart.MarketScores, chart.ViralSources, chart.SalesHeads, chart.FulfillmentCostPerOrder}

func newPack(p *scenario.Plan, results []*scenario.Result, sims []*scenario.SimResult, idx []int, date time.Time) *pack {
	pk := &pack{plan: p, results: results, sims: sims, idx: idx, date: date, perScenario: map[int][]int{}}
	pk.table = NewTable(p, results, idx)
	th := chart.Light()
	for n, i := range idx {
		in := chart.Input{Plan: p, Results: results, Scenario: i, Sims: sims}
		for _, panel := range tellingPanels {
			if len(pk.perScenario[i]) == 2 {
				break
			}
			plt, err := chart.Plot(panel, in, th)
			if err != nil {
				continue // module off
			}
			pk.perScenario[i] = append(pk.perScenario[i], len(pk.charts))
			pk.charts = append(pk.charts, chartSpec{file: fmt.Sprintf("%d-%s-%s", n+1, fileName(p.Scenarios[i].Name), panel), title: plt.Title.Text, plt: plt})
		}
	}
	cmp := chart.Input{Plan: p, Results: results, Scenario: idx[0], Compare: idx, Sims: sims}
	for _, panel := range chart.Panels(chart.KindCompare) {
		plt, err := chart.Plot(panel, cmp, th)
		if err != nil {
			continue
		}
		pk.overlays = append(pk.overlays, len(pk.charts))
		pk.charts = append(pk.charts, chartSpec{file: "compare-" + string(panel), title: plt.Title.Text, plt: plt})
	}
	pk.assumptions, pk.appendix = pk.inputRows()
	return pk
}

var unsafeName = regexp.MustCompile(`[^\p{L}\p{N}]+`)

// fileName makes a scenario name safe for a file name.
func fileName(name string) string {
	s := strings.Trim(unsafeName.ReplaceAllString(name, "-"), "-")
	if s == "" {
		return "scenario"
	}
	r := []rune(strings.ToLower(s))
	return string(r[:min(len(r), 60)])
}

// inputRows lists the inputs that differ between the compared scenarios
// and every input of every compared scenario.
func (pk *pack) inputRows() (differ, all []InputRow) {
	return InputRows(pk.plan, pk.idx, false), InputRows(pk.plan, pk.idx, true)
}

// InputRow is one input across compared scenarios: its path as shown (ids
// of factors and markets as their names), its value in each scenario as
// text, and whether that differs from the first (the baseline's).
type InputRow struct {
	Label  string
	Values []string
	Differ []bool
}

// InputRows lists the inputs of scenarios idx of p (the baseline first):
// every input when all, else those that differ between them (for
// variants of the baseline, exactly their overrides). Rows are matched by
// their path as shown, so markets and factors line up by name even where
// scenarios made on their own gave them different ids.
func InputRows(p *scenario.Plan, idx []int, all bool) []InputRow {
	ss := make([]*scenario.Scenario, len(idx))
	for k, i := range idx {
		ss[k] = &p.Scenarios[i]
	}
	var paths []string
	seen := map[string]bool{}
	if !all {
		for _, s := range ss[1:] {
			for path := range scenario.DiffInputs(ss[0], s) {
				if !seen[path] {
					seen[path] = true
					paths = append(paths, path)
				}
			}
		}
		slices.Sort(paths)
	} else {
		for _, s := range ss {
			for _, path := range scenario.AllInputs(s) {
				if label := displayPath(s, path); !seen[label] {
					seen[label] = true
					paths = append(paths, path)
				}
			}
		}
	}
	return inputRows(ss, paths)
}

// inputRows gives each path's value in every scenario, found by its path
// as shown in that scenario.
func inputRows(ss []*scenario.Scenario, paths []string) []InputRow {
	byLabel := make([]map[string]string, len(ss))
	for k, s := range ss {
		byLabel[k] = map[string]string{}
		for _, path := range scenario.AllInputs(s) {
			byLabel[k][displayPath(s, path)] = path
		}
	}
	out := make([]InputRow, 0, len(paths))
	for _, path := range paths {
		label := path
		for _, s := range ss {
			if l := displayPath(s, path); l != path {
				label = l
				break
			}
		}
		r := InputRow{Label: label}
		var base json.RawMessage
		for k, s := range ss {
			own := path
			if p, ok := byLabel[k][label]; ok {
				own = p
			}
			raw, err := scenario.InputJSON(s, own)
			v := "—"
			if err == nil {
				v = FormatInput(raw)
			}
			if k == 0 {
				base = raw
			}
			r.Values = append(r.Values, v)
			r.Differ = append(r.Differ, k > 0 && (err != nil || !bytes.Equal(raw, base)))
		}
		out = append(out, r)
	}
	return out
}

// displayPath shows the ids in an input path of s as the names of the
// factors and markets they belong to.
func displayPath(s *scenario.Scenario, path string) string {
	if !strings.HasPrefix(path, "markets.") {
		return path
	}
	for _, f := range s.Markets.Factors {
		path = strings.ReplaceAll(path, "["+f.ID+"]", "["+f.Name+"]")
	}
	for _, m := range s.Markets.Markets {
		path = strings.ReplaceAll(path, "["+m.ID+"]", "["+m.Name+"]")
	}
	return path
}

// Chart files: 8 × 4.5 in (16:9), PNG at 150 dpi (1200 × 675 px).
const (
	chartW   = 8 * vg.Inch
	chartH   = 4.5 * vg.Inch
	chartDPI = 150
)

// writeCharts writes every chart as PNG and SVG into dir, two at a time.
func (pk *pack) writeCharts(dir string, steps *progress) error {
	if err := os.Mkdir(dir, 0o755); err != nil {
		return fmt.Errorf("boardpack: %w", err)
	}
	var (
		mu    sync.Mutex
		first error
		wg    sync.WaitGroup
		work  = make(chan chartSpec)
	)
	for range 2 {
		wg.Go(func() {
			for c := range work {
				err := writeChart(dir, c)
				mu.Lock()
				if err != nil && first == nil {
					first = err
				}
				steps.step()
				mu.Unlock()
			}
		})
	}
	var err error
	for _, c := range pk.charts {
		if err = steps.cancelled(); err != nil {
			break
		}
		work <- c
	}
	close(work)
	wg.Wait()
	if err != nil {
		return err
	}
	return first
}

// writeChart writes one chart as PNG and SVG.
func writeChart(dir string, c chartSpec) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("boardpack: chart %s: drawing failed: %v", c.file, r)
		}
	}()
	th := chart.Light()
	img := vgimg.NewWith(vgimg.UseWH(chartW, chartH), vgimg.UseDPI(chartDPI), vgimg.UseBackgroundColor(th.Background))
	c.plt.Draw(draw.Crop(draw.New(img), 8, -8, 8, -8))
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed} // a third of the default's time, files about 20% larger
	if err := enc.Encode(&buf, img.Image()); err != nil {
		return fmt.Errorf("boardpack: chart %s: %w", c.file, err)
	}
	if err := os.WriteFile(filepath.Join(dir, c.file+".png"), buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("boardpack: %w", err)
	}
	svg := vgsvg.NewWith(vgsvg.UseWH(chartW, chartH))
	dc := draw.New(svg)
	dc.SetColor(th.Background)
	dc.Fill(dc.Rectangle.Path())
	c.plt.Draw(draw.Crop(dc, 8, -8, 8, -8))
	buf.Reset()
	if _, err := svg.WriteTo(&buf); err != nil {
		return fmt.Errorf("boardpack: chart %s: %w", c.file, err)
	}
	if err := os.WriteFile(filepath.Join(dir, c.file+".svg"), buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("boardpack: %w", err)
	}
	return nil
}

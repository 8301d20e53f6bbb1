package main

import (
	"encoding/csv"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"scaleplan/scenario"
)

// samplesCSV writes simulate's --samples file: a header, then one row per
// run: `scenario` (when several scenarios are simulated), `run`, every
// ranged input path, then every output at the horizon. Columns are the
// union over the simulated scenarios (paths sorted, outputs in registry
// order); a scenario without that input's range or that output leaves the
// cell empty. The first write error is kept and returned by flush.
type samplesCSV struct {
	w       *csv.Writer
	named   bool // a scenario column
	paths   []string
	outputs []string
	row     []string
}

// newSamplesCSV writes the header of the samples of scenarios chosen of p.
func newSamplesCSV(w io.Writer, p *scenario.Plan, chosen []int) *samplesCSV {
	c := &samplesCSV{w: csv.NewWriter(w), named: len(chosen) > 1}
	for _, i := range chosen {
		s := &p.Scenarios[i]
		for _, path := range scenario.RangePaths(s) {
			if !slices.Contains(c.paths, path) {
				c.paths = append(c.paths, path)
			}
		}
	}
	slices.Sort(c.paths)
	for _, o := range scenario.Outputs() {
		for _, i := range chosen {
			if slices.ContainsFunc(scenario.ScenarioOutputs(&p.Scenarios[i]), func(x scenario.Output) bool { return x.Key == o.Key }) {
				c.outputs = append(c.outputs, o.Key)
				break
			}
		}
	}
	var head []string
	if c.named {
		head = append(head, "scenario")
	}
	head = append(head, "run")
	for _, path := range c.paths {
		head = append(head, csvText(path))
	}
	head = append(head, c.outputs...)
	c.w.Write(head)
	return c
}

// write adds the rows of one scenario's simulation (res.Samples).
func (c *samplesCSV) write(s *scenario.Scenario, res *scenario.SimResult) {
	sm := res.Samples
	if sm == nil {
		return
	}
	col := func(names []string, key string) int { return slices.Index(names, key) }
	in := make([]int, len(sm.Inputs)) // sample column → CSV column
	for j, path := range sm.Inputs {
		in[j] = col(c.paths, path)
	}
	out := make([]int, len(sm.Outputs))
	for j, key := range sm.Outputs {
		out[j] = col(c.outputs, key)
	}
	lead := 1
	if c.named {
		lead = 2
	}
	name := csvText(s.Name)
	for i := range res.Runs {
		c.row = c.row[:0]
		if c.named {
			c.row = append(c.row, name)
		}
		c.row = append(c.row, strconv.Itoa(i+1))
		for range len(c.paths) + len(c.outputs) {
			c.row = append(c.row, "")
		}
		vals := sm.Row(i)
		for j, k := range in {
			c.row[lead+k] = csvNumber(vals[j])
		}
		for j, k := range out {
			c.row[lead+len(c.paths)+k] = csvNumber(vals[len(sm.Inputs)+j])
		}
		if err := c.w.Write(c.row); err != nil {
			return
		}
	}
}

// flush writes what is buffered and returns the first write error.
func (c *samplesCSV) flush() error {
	c.w.Flush()
	return c.w.Error()
}

// csvNumber writes a number in full precision; a number that is not
// finite leaves the cell empty.
func csvNumber(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return ""
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// csvText defuses text a spreadsheet would run as a formula (=, +, -, @,
// tab, carriage return first) by putting a ' before it.
func csvText(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

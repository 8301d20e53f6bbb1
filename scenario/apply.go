package scenario

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"scaleplan/scenario/experiment"
)

// ImpactKeys are the comparison metrics a won experiment is judged by: users,
// ARR and cash at the horizon (each where its module is on).
var ImpactKeys = []string{MetricViralActiveHorizon, MetricSalesARRHorizon, MetricFinanceCashHorizon}

// Impact is one metric at the horizon without and with a win.
type Impact struct {
	Without Metric `json:"without"`
	With    Metric `json:"with"`
	Delta   Delta  `json:"delta"`
}

// Win is what applying a significant experiment's lift to a scenario input
// gives: the new scenario (a variant of the base overriding the input, with
// a note),
// the input before and after, the reading that justified it, and the
// difference it makes at the horizon.
type Win struct {
	Base     string // the base scenario's id
	Scenario Scenario
	Input    string
	Before   float64
	After    float64
	Reading  experiment.Reading
	Impacts  []Impact
}

// ApplyExperiment works out what e's win is worth in plan p: its observed
// relative lift multiplies the input its appliesTo names in the target
// scenario, in a new variant of it inserted by the caller. It refuses an
// experiment without a target or a result, a result that is not
// significant, a running test read before its sample size, and a lift that takes the input out of its valid range, each
// located by the experiment's fields.
func ApplyExperiment(p *Plan, e experiment.Experiment) (*Win, error) {
	if e.AppliesTo == nil {
		return nil, FieldError{"appliesTo", "choose the scenario and the input the win applies to"}
	}
	r, err := e.Read()
	if err != nil {
		return nil, err
	}
	if !r.Significant {
		return nil, FieldError{"result", fmt.Sprintf("not significant: p = %.4f is not below α = %g, so there is no winner to apply", r.PValue, r.Alpha)}
	}
	if pk := e.Peeking(); pk.Early {
		return nil, FieldError{"result", fmt.Sprintf("read early: the test is running with %d of its %d visitors per arm, so its p-value is not yet a winner's", pk.Have, pk.Need)}
	}
	i := p.scenarioIndex(e.AppliesTo.ScenarioID)
	if i < 0 {
		return nil, FieldError{"appliesTo.scenarioId", fmt.Sprintf("no scenario has id %q", e.AppliesTo.ScenarioID)}
	}
	base := &p.Scenarios[i]
	before, err := InputValue(base, e.AppliesTo.Input)
	if err != nil {
		return nil, FieldError{"appliesTo.input", err.Error()}
	}
	after := before * (1 + r.Lift)
	w := &Win{Base: base.ID, Input: e.AppliesTo.Input, Before: before, After: after, Reading: r}
	name := p.freeScenarioName(clip(base.Name+" + "+e.Name, 190))
	w.Scenario, err = withInput(*base, name, e.AppliesTo.Input, after, winNote(e, r, before, after))
	if err != nil {
		return nil, err
	}
	w.Impacts, err = impacts(base, &w.Scenario, p.Currency)
	if err != nil {
		return nil, err
	}
	return w, nil
}

// withInput returns a variant of base named name that overrides one input
// and adds note to its own notes: the one place that decides what a win
// becomes.
func withInput(base Scenario, name, path string, v float64, note string) (Scenario, error) {
	s := base.Clone()
	s.ID, s.Name, s.BasedOn, s.Overrides = NewID(), name, base.ID, nil
	s.Notes = note
	if err := SetInput(&s, path, v); err != nil {
		return Scenario{}, FieldError{"appliesTo.input", err.Error()}
	}
	recordOverride(&s, path)
	s.OwnRanges = nil
	s.Ranges = effectiveRanges(&base, &s)
	if errs := ValidateScenario(&s, ""); len(errs) > 0 {
		return Scenario{}, FieldError{"appliesTo.input", fmt.Sprintf("the lift takes %s to %g, which the scenario refuses: %v", path, v, errs[0])}
	}
	return s, nil
}

// winNote says which experiment changed which input, by how much. It is
// written into the scenario's notes in words: an arrow would be drawn
// from the app's symbol font, which has no space glyph (Fyne shows the
// space after it as a missing glyph).
func winNote(e experiment.Experiment, r experiment.Reading, before, after float64) string {
	return fmt.Sprintf("From experiment %q: %s from %s to %s (lift %+.1f%%, 95%% CI %+.1f%% to %+.1f%%, p = %.4f).",
		e.Name, e.AppliesTo.Input, trimNum(before), trimNum(after), 100*r.Lift, 100*r.LiftLow, 100*r.LiftHigh, r.PValue)
}

// clip cuts s to at most n bytes without splitting a character.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// trimNum writes a number with up to six significant digits.
func trimNum(v float64) string { return fmt.Sprintf("%.6g", v) }

// impacts computes both scenarios and compares their ImpactKeys metrics.
func impacts(base, won *Scenario, currency string) ([]Impact, error) {
	rb, err := Compute(base, currency)
	if err != nil {
		return nil, fmt.Errorf("compute %s: %w", base.Name, err)
	}
	rw, err := Compute(won, currency)
	if err != nil {
		return nil, fmt.Errorf("compute %s: %w", won.Name, err)
	}
	without, with := metricsByKey(Metrics(base, rb)), metricsByKey(Metrics(won, rw))
	var out []Impact
	for _, k := range ImpactKeys {
		a, okA := without[k]
		b, okB := with[k]
		if okA && okB && a.OK && b.OK {
			out = append(out, Impact{Without: a, With: b, Delta: Compare(a, b)})
		}
	}
	return out, nil
}

func metricsByKey(ms []Metric) map[string]Metric {
	out := make(map[string]Metric, len(ms))
	for _, m := range ms {
		out[m.Key] = m
	}
	return out
}

// scenarioIndex returns the index of the scenario with id (any case), or -1.
func (p *Plan) scenarioIndex(id string) int {
	for i := range p.Scenarios {
		if strings.EqualFold(p.Scenarios[i].ID, id) {
			return i
		}
	}
	return -1
}

// freeScenarioName returns name, or name 2, name 3 … if a scenario already
// has it (case and surrounding space ignored, as validation compares).
func (p *Plan) freeScenarioName(name string) string {
	taken := func(n string) bool {
		key := strings.ToLower(strings.TrimSpace(n))
		for _, s := range p.Scenarios {
			if strings.ToLower(strings.TrimSpace(s.Name)) == key {
				return true
			}
		}
		return false
	}
	if !taken(name) {
		return name
	}
	for n := 2; ; n++ {
		if c := fmt.Sprintf("%s %d", name, n); !taken(c) {
			return c
		}
	}
}

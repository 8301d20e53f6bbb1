package scenario

import "sort"

// Milestones lists a scenario's dated events from every enabled module, in
// month order (modules in registry order within a month): the K class and
// goal of the viral loop, sales stage entries, volume crossing the
// rule-of-thumb thresholds and the recommended plan's switches, the top
// market, and the finance module's rounds, market entries and cash events.
// Month 0 is the starting state; amounts are in currency.
func Milestones(s *Scenario, r *Result, currency string) []Milestone {
	out := []Milestone{}
	for _, m := range modules {
		out = append(out, m.Milestones(s, r, currency)...)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Month < out[j].Month })
	return out
}

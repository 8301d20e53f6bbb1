// Package experiment plans and reads growth experiments (A/B tests): the
// article's experiment template, the sample size a two-proportion z-test
// needs, how long the traffic takes to deliver it, and the reading of a
// result — rates, relative lift with its 95% confidence interval, the
// pooled z-test's p-value and a warning when a running test is read early.
// docs/MODELS.md §9 gives every formula.
//
// It depends on the standard library and gonum's distributions only; the
// plan-level list, the link to a scenario input and Apply live in package
// scenario.
package experiment

import (
	"fmt"
	"math"
	"strings"
	"time"
)

// Statuses of an experiment.
const (
	StatusPlanned = "planned"
	StatusRunning = "running"
	StatusDone    = "done"
)

// Statuses lists the valid statuses in their natural order.
var Statuses = []string{StatusPlanned, StatusRunning, StatusDone}

// HypothesisTemplate is the article's sentence an experiment's hypothesis fills in.
const HypothesisTemplate = "If we …, then … will … by …% because …"

// DateLayout is how Start and End are written: an ISO date.
const DateLayout = "2006-01-02"

// Defaults of a new experiment's planning inputs.
const (
	DefaultAlpha        = 0.05
	DefaultPower        = 0.8
	DefaultVariantShare = 0.5
)

// MaxVisitors bounds the visitors of one arm, and a day's traffic.
const MaxVisitors = 1e12

// Experiment is one growth experiment of a plan: the article's template
// (name, owner, dates, hypothesis, metric, status), its planning inputs, the
// observed result once there is one, and the scenario input a win applies to.
type Experiment struct {
	ID         string `json:"id"`
	Name       string `json:"name"`
	Owner      string `json:"owner"`
	Start      string `json:"start"` // YYYY-MM-DD or empty
	End        string `json:"end"`   // YYYY-MM-DD or empty
	Hypothesis string `json:"hypothesis"`
	Metric     string `json:"metric"`
	Design
	Status    string    `json:"status"`
	Result    *Observed `json:"result"`
	AppliesTo *Target   `json:"appliesTo"`
}

// Target names the scenario input a winning experiment's lift applies to:
// the scenario's id and an input path such as viral.inviteConversion.
type Target struct {
	ScenarioID string `json:"scenarioId"`
	Input      string `json:"input"`
}

// New returns a planned experiment named name with the default α, power and
// variant share and the hypothesis template; id is the caller's new UUID.
func New(id, name string) Experiment {
	return Experiment{
		ID: id, Name: name, Hypothesis: HypothesisTemplate, Status: StatusPlanned,
		Design: Design{BaselineRate: 0.1, MinDetectableEffect: 0.1, Alpha: DefaultAlpha,
			Power: DefaultPower, VariantShare: DefaultVariantShare},
	}
}

// Clone returns a deep copy.
func (e Experiment) Clone() Experiment {
	if e.Result != nil {
		r := *e.Result
		e.Result = &r
	}
	if e.AppliesTo != nil {
		t := *e.AppliesTo
		e.AppliesTo = &t
	}
	return e
}

// FieldError is one invalid field, named by its JSON key (result.controlVisitors).
type FieldError struct {
	Field string
	Msg   string
}

func (e FieldError) Error() string { return e.Field + ": " + e.Msg }

// Errors lists every invalid field; it is an error when not empty.
type Errors []FieldError

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// err returns es as an error, or nil when empty.
func (es Errors) err() error {
	if len(es) == 0 {
		return nil
	}
	return es
}

// Validate checks the dates, the design, the status, the result and the
// target's input, and returns the problems (nil when none). The id, the
// texts (name, owner, metric, hypothesis) and the target's scenario are the
// plan's to check, with the rules of every name and note.
func (e Experiment) Validate() Errors {
	var es Errors
	fail := func(field, format string, a ...any) {
		es = append(es, FieldError{field, fmt.Sprintf(format, a...)})
	}
	start, okStart := date(e.Start, "start", fail)
	end, okEnd := date(e.End, "end", fail)
	if okStart && okEnd && e.Start != "" && e.End != "" && end.Before(start) {
		fail("end", "must not be before the start %s, got %s", e.Start, e.End)
	}
	es = append(es, e.Design.Validate()...)
	if !validStatus(e.Status) {
		fail("status", "must be %q, %q or %q, got %q", StatusPlanned, StatusRunning, StatusDone, e.Status)
	}
	if e.Result != nil {
		for _, fe := range e.Result.Validate() {
			es = append(es, FieldError{"result." + fe.Field, fe.Msg})
		}
	}
	if e.AppliesTo != nil && strings.TrimSpace(e.AppliesTo.Input) == "" {
		fail("appliesTo.input", "must name a scenario input such as viral.inviteConversion")
	}
	return es
}

func validStatus(s string) bool {
	for _, v := range Statuses {
		if s == v {
			return true
		}
	}
	return false
}

// date parses an optional ISO date, reporting a bad one under field.
func date(s, field string, fail func(string, string, ...any)) (time.Time, bool) {
	if s == "" {
		return time.Time{}, true
	}
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		fail(field, "must be a date written YYYY-MM-DD, got %q", s)
		return t, false
	}
	return t, true
}

// openUnit reports whether 0 < v < 1.
func openUnit(v float64) bool { return v > 0 && v < 1 }

// num formats a number for a message.
func num(v float64) string { return fmt.Sprintf("%g", v) }

// finite reports whether v is neither NaN nor infinite.
func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

package scenario

import (
	"fmt"
	"strings"

	"github.com/google/uuid"

	"scaleplan/scenario/experiment"
)

// MaxExperiments bounds a plan's list of experiments.
const MaxExperiments = 1000

// validateExperiments checks the plan's experiments (docs/MODELS.md,
// "Growth experiments"): each one's fields, unique ids and names, and the
// form of the input its win applies to. Whether that scenario and input
// still exist is checked when the win is applied (ApplyExperiment), so that
// renaming or deleting a scenario, stage or model is never refused because
// an experiment once pointed at it.
func validateExperiments(c *checker, es []experiment.Experiment) {
	if len(es) > MaxExperiments {
		c.fail("experiments", "must list at most %d experiments, got %d", MaxExperiments, len(es))
		return
	}
	ids, names := map[string]bool{}, map[string]bool{}
	for i, e := range es {
		c.sub(fmt.Sprintf("experiments[%d]", i), func(c *checker) {
			c.id("id", e.ID, ids)
			c.name("name", e.Name)
			c.unique("name", e.Name, "experiment", names)
			c.checkName("owner", e.Owner, true)
			c.checkName("metric", e.Metric, true)
			c.notes("hypothesis", e.Hypothesis)
			for _, fe := range e.Validate() {
				c.fail(fe.Field, "%s", fe.Msg)
			}
			if t := e.AppliesTo; t != nil {
				if _, err := uuid.Parse(t.ScenarioID); err != nil {
					c.fail("appliesTo.scenarioId", "must be a scenario's UUID, got %q", t.ScenarioID)
				}
				if _, err := parsePath(t.Input); err != nil && t.Input != "" {
					c.fail("appliesTo.input", "%v", err)
				}
			}
		})
	}
}

// ExperimentIndex returns the index of the experiment with id (any case), or -1.
func (p *Plan) ExperimentIndex(id string) int {
	for i := range p.Experiments {
		if strings.EqualFold(p.Experiments[i].ID, id) {
			return i
		}
	}
	return -1
}

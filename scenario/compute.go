package scenario

import "fmt"

// Compute runs every enabled module of a scenario and derives its
// milestones, whose amounts are in currency. Invalid inputs, and inputs the
// models cannot compute, are returned as Errors.
func Compute(s *Scenario, currency string) (*Result, error) {
	if errs := validateFields(s, ""); len(errs) > 0 {
		return nil, errs
	}
	return compute(s, currency, "")
}

// compute runs the modules of a scenario whose inputs are valid; a model
// that cannot compute is reported as Errors located under prefix.
func compute(s *Scenario, currency, prefix string) (*Result, error) {
	r := &Result{ID: s.ID, Name: s.Name, BasedOn: s.BasedOn, Horizon: s.HorizonMonths}
	if fe := computeModules(s, r, prefix); fe != nil {
		return nil, Errors{*fe}
	}
	r.Milestones = Milestones(s, r, currency)
	return r, nil
}

// ComputePlan validates the plan and computes every scenario in order. The
// models run once: a scenario they cannot compute is reported by compute,
// located like a validation error.
func ComputePlan(p *Plan) ([]*Result, error) {
	if err := p.validate(validateFields); err != nil {
		return nil, err
	}
	out := make([]*Result, len(p.Scenarios))
	for i := range p.Scenarios {
		r, err := compute(&p.Scenarios[i], p.Currency, fmt.Sprintf("scenarios[%d]", i))
		if err != nil {
			return nil, err
		}
		out[i] = r
	}
	return out, nil
}

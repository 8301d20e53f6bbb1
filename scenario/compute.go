package scenario

import "fmt"

// Compute runs every enabled module of a scenario and derives its
// milestones, whose amounts are in currency. The scenario is validated
// first; a validation failure is returned as Errors.
func Compute(s *Scenario, currency string) (*Result, error) {
	if errs := ValidateScenario(s, ""); len(errs) > 0 {
		return nil, errs
	}
	return compute(s, currency)
}

func compute(s *Scenario, currency string) (*Result, error) {
	r := &Result{ID: s.ID, Name: s.Name, Horizon: s.HorizonMonths}
	h := s.HorizonMonths
	if s.Viral.Enabled {
		v, err := ComputeViral(s.Viral, h)
		if err != nil {
			return nil, fmt.Errorf("viral: %w", err)
		}
		r.Viral = v
	}
	if s.Sales.Enabled {
		r.Sales = ComputeSales(s.Sales, h)
	}
	if s.Fulfillment.Enabled {
		f, err := ComputeFulfillment(s.Fulfillment, h, r.Viral)
		if err != nil {
			return nil, fmt.Errorf("fulfillment: %w", err)
		}
		r.Fulfillment = f
	}
	if s.Markets.Enabled {
		r.Markets = ComputeMarkets(s.Markets)
	}
	r.Milestones = Milestones(s, r, currency)
	return r, nil
}

// ComputePlan validates the plan and computes every scenario in order.
func ComputePlan(p *Plan) ([]*Result, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	out := make([]*Result, len(p.Scenarios))
	for i := range p.Scenarios {
		r, err := compute(&p.Scenarios[i], p.Currency)
		if err != nil {
			return nil, fmt.Errorf("scenarios[%d]: %w", i, err)
		}
		out[i] = r
	}
	return out, nil
}

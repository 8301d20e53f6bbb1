package scenario

import (
	"errors"
	"fmt"
)

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
	viral, ful, fe := runFallible(s, prefix)
	if fe != nil {
		return nil, Errors{*fe}
	}
	r.Viral, r.Fulfillment = viral, ful
	if s.Sales.Enabled {
		r.Sales = ComputeSales(s.Sales, s.HorizonMonths)
	}
	if s.Markets.Enabled {
		r.Markets = ComputeMarkets(s.Markets)
	}
	if s.Finance.Enabled {
		r.Finance = ComputeFinance(s, r)
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

// runFallible runs the models that can fail on inputs that are each in
// range — a viral loop growing past MaxUsers, orders past MaxOrders, a month
// no fulfillment model has the capacity for — and returns their results or
// the failure, located under prefix. Validation runs it too, so that an edit
// leading there is refused like any invalid input.
func runFallible(s *Scenario, prefix string) (*ViralResult, *FulfillmentResult, *FieldError) {
	at := func(field string, err error) *FieldError {
		if prefix != "" {
			field = prefix + "." + field
		}
		return &FieldError{Path: field, Msg: err.Error()}
	}
	var viral *ViralResult
	if s.Viral.Enabled {
		v, err := ComputeViral(s.Viral, s.HorizonMonths)
		if err != nil {
			return nil, nil, at("viral", err)
		}
		viral = v
	}
	if !s.Fulfillment.Enabled {
		return viral, nil, nil
	}
	f, err := ComputeFulfillment(s.Fulfillment, s.HorizonMonths, viral)
	if err != nil {
		field := "fulfillment.volume"
		if errors.Is(err, ErrOverCapacity) {
			field = "fulfillment.models"
		}
		return nil, nil, at(field, err)
	}
	return viral, f, nil
}

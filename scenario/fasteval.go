package scenario

// crossChecked lists the real-valued inputs, by Unindexed path, whose
// validation reads other inputs too: a stage's minARR must lie above the
// previous stage's, and one factor weight at least must be above 0. An
// input not listed is valid whenever it is within its Limit, so a value
// clamped to its limit needs no further validation (docs/MODELS.md §7).
// TestCrossCheckedInputs checks the list against validation.
var crossChecked = map[string]bool{
	"sales.stages[].minARR":    true,
	"markets.factors[].weight": true,
}

// FastEvaluator computes one scenario again and again with some of its
// inputs changed, reusing its buffers from one compute to the next: the
// simulation's runs go through it, and so can any search that computes
// many variations of a scenario (the tornado's, goal seek's and decision
// thresholds' evaluator keeps every result instead, see evaluator.go). One
// compute of the sample's Base scenario at 120 months allocates 18 times,
// against about 870 for Compute. A FastEvaluator is not safe for concurrent
// use: make one per goroutine.
type FastEvaluator struct {
	s    Scenario
	r    Result
	refs map[string]*evalInput
	// check is set once an input whose validity depends on other inputs
	// (crossChecked) has been set: Compute then validates first.
	check bool
}

// NewFastEvaluator returns an evaluator of a copy of s, which must be valid
// (Validate) with its variant inputs resolved (Plan.ResolveVariants).
func NewFastEvaluator(s *Scenario) *FastEvaluator {
	return &FastEvaluator{s: s.Clone(), refs: map[string]*evalInput{}}
}

// Scenario returns the evaluator's copy of the scenario, with the inputs set
// so far. Callers must not change it but through Set.
func (e *FastEvaluator) Scenario() *Scenario { return &e.s }

// Set sets the input at path (docs/MODELS.md §8) to v for the next
// Compute. It refuses a path that names no number, a value outside the
// input's valid range and a fraction for a whole-number input.
func (e *FastEvaluator) Set(path string, v float64) error {
	in, err := e.input(path)
	if err != nil {
		return err
	}
	return e.set(in, v)
}

// set writes v into a resolved input.
func (e *FastEvaluator) set(in *evalInput, v float64) error {
	if err := in.set(v); err != nil {
		return err
	}
	e.check = e.check || in.cross
	return nil
}

// input resolves path once and keeps it.
func (e *FastEvaluator) input(path string) (*evalInput, error) {
	if in, ok := e.refs[path]; ok {
		return in, nil
	}
	in, err := resolveEvalInput(&e.s, path)
	if err != nil {
		return nil, err
	}
	e.refs[path] = in
	return in, nil
}

// Compute computes the scenario with the inputs set so far, as Compute
// would, but without milestones (Result.Milestones is nil), and returns the
// errors Compute would. The result, with every list and map in it, belongs
// to the evaluator: it holds until the next Compute, which reuses it.
func (e *FastEvaluator) Compute() (*Result, error) {
	if e.check {
		if errs := validateFields(&e.s, ""); len(errs) > 0 {
			return nil, errs
		}
	}
	e.r.ID, e.r.Name, e.r.BasedOn, e.r.Horizon = e.s.ID, e.s.Name, e.s.BasedOn, e.s.HorizonMonths
	if fe := computeModules(&e.s, &e.r, ""); fe != nil {
		e.r = Result{} // a failed module left its result half made
		return nil, Errors{*fe}
	}
	return &e.r, nil
}

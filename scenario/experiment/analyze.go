package experiment

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// Observed is an experiment's result: visitors and conversions per arm.
type Observed struct {
	ControlVisitors    int `json:"controlVisitors"`
	ControlConversions int `json:"controlConversions"`
	VariantVisitors    int `json:"variantVisitors"`
	VariantConversions int `json:"variantConversions"`
}

// Validate checks the counts and returns the problems (nil when none).
func (o Observed) Validate() Errors {
	var es Errors
	arm := func(name string, visitors, conversions int) {
		if visitors < 1 || visitors > MaxVisitors {
			es = append(es, FieldError{name + "Visitors", fmt.Sprintf("must be between 1 and %s, got %d", num(MaxVisitors), visitors)})
		}
		switch {
		case conversions < 0:
			es = append(es, FieldError{name + "Conversions", fmt.Sprintf("must be at least 0, got %d", conversions)})
		case conversions > visitors && visitors >= 1:
			es = append(es, FieldError{name + "Conversions", fmt.Sprintf("must not be above the %d visitors, got %d", visitors, conversions)})
		}
	}
	arm("control", o.ControlVisitors, o.ControlConversions)
	arm("variant", o.VariantVisitors, o.VariantConversions)
	return es
}

// Confidence is the level of the lift's confidence interval.
const Confidence = 0.95

// Reading is what a result says: each arm's conversion rate, the relative
// lift (p_v − p_c)/p_c with its 95% confidence interval, the pooled z
// statistic, its two-sided p-value, and whether p < Alpha.
type Reading struct {
	ControlRate float64 `json:"controlRate"`
	VariantRate float64 `json:"variantRate"`
	Lift        float64 `json:"lift"`
	LiftLow     float64 `json:"liftLow"`
	LiftHigh    float64 `json:"liftHigh"`
	Z           float64 `json:"z"`
	PValue      float64 `json:"pValue"`
	Alpha       float64 `json:"alpha"`
	Significant bool    `json:"significant"`
}

// Analyze reads a result at significance level alpha (two-sided). The
// interval is (p_v − p_c ± z₀.₉₇₅·√(p_c(1−p_c)/n_c + p_v(1−p_v)/n_v)) / p_c;
// the p-value is 2·Φ(−|z|) with z = (p_v − p_c)/√(p̄(1−p̄)(1/n_c + 1/n_v))
// and p̄ the pooled rate. A control without conversions has no relative lift
// and is refused.
func Analyze(o Observed, alpha float64) (Reading, error) {
	es := o.Validate()
	if !openUnit(alpha) {
		es = append(es, FieldError{"alpha", "must be above 0 and below 1, got " + num(alpha)})
	}
	if len(es) == 0 && o.ControlConversions == 0 {
		es = append(es, FieldError{"controlConversions", "must be at least 1 for a relative lift (it divides by the control's rate), got 0"})
	}
	if len(es) > 0 {
		return Reading{}, es
	}
	nc, nv := float64(o.ControlVisitors), float64(o.VariantVisitors)
	pc, pv := float64(o.ControlConversions)/nc, float64(o.VariantConversions)/nv
	r := Reading{ControlRate: pc, VariantRate: pv, Lift: (pv - pc) / pc, Alpha: alpha}
	z95 := distuv.UnitNormal.Quantile(1 - (1-Confidence)/2)
	half := z95 * math.Sqrt(pc*(1-pc)/nc+pv*(1-pv)/nv)
	r.LiftLow, r.LiftHigh = (pv-pc-half)/pc, (pv-pc+half)/pc
	r.Z, r.PValue = ZTest(o)
	r.Significant = r.PValue < alpha
	return r, nil
}

// ZTest returns the pooled two-proportion z statistic of valid counts and
// its two-sided p-value, 2·Φ(−|z|). When no visitor or every visitor
// converted there is no difference to test: z = 0, p = 1.
func ZTest(o Observed) (z, p float64) {
	nc, nv := float64(o.ControlVisitors), float64(o.VariantVisitors)
	pc, pv := float64(o.ControlConversions)/nc, float64(o.VariantConversions)/nv
	pooled := float64(o.ControlConversions+o.VariantConversions) / (nc + nv)
	se := math.Sqrt(pooled * (1 - pooled) * (1/nc + 1/nv))
	if !(se > 0) {
		return 0, 1
	}
	z = (pv - pc) / se
	return z, 2 * distuv.UnitNormal.CDF(-math.Abs(z))
}

// Read analyzes the experiment's result at its α. Problems are located by
// the experiment's fields (result.controlConversions, alpha); an experiment
// without a result is refused.
func (e Experiment) Read() (Reading, error) {
	if e.Result == nil {
		return Reading{}, Errors{{"result", "no result yet: enter the visitors and conversions of each arm"}}
	}
	r, err := Analyze(*e.Result, e.Alpha)
	if es, ok := err.(Errors); ok {
		for i := range es {
			if es[i].Field != "alpha" {
				es[i].Field = "result." + es[i].Field
			}
		}
	}
	return r, err
}

// Peek says whether a running experiment is being read before either arm
// reached its planned sample size: Have is the smaller arm's visitors, Need
// the planned visitors per arm.
type Peek struct {
	Early bool
	Have  int64
	Need  int64
}

// Peeking checks a running experiment's result against its sample size.
// It is never Early for a planned or done experiment, without a result, or
// when the design cannot be sized.
func (e Experiment) Peeking() Peek {
	if e.Status != StatusRunning || e.Result == nil {
		return Peek{}
	}
	s, err := e.Design.Size()
	if err != nil {
		return Peek{}
	}
	have := int64(min(e.Result.ControlVisitors, e.Result.VariantVisitors))
	return Peek{Early: have < s.PerArm, Have: have, Need: s.PerArm}
}

// Warning is the sentence the app and the CLI show for an early read, or "".
func (p Peek) Warning() string {
	if !p.Early {
		return ""
	}
	return fmt.Sprintf("Read early: %s of the planned %s visitors per arm. Checking a running test "+
		"before it reaches its sample size and stopping at the first p < α finds false winners far "+
		"more often than α says (peeking); wait for the sample size.", group(p.Have), group(p.Need))
}

// group writes a whole number with thousands separators (1,094).
func group(n int64) string {
	s := fmt.Sprint(n)
	neg := n < 0
	if neg {
		s = s[1:]
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		return "-" + s
	}
	return s
}

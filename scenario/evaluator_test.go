package scenario

import (
	"context"
	"encoding/json"
	"testing"
)

// TestEvaluatorProbesAreComputeRuns: every probe of the analyses' evaluator
// (the tornado's, goal seek's and decision thresholds') gives byte for byte
// the JSON of Compute on a fresh copy with that one input changed, and the
// results stay so when read after all the probes: no probe's result is
// overwritten by a later one.
func TestEvaluatorProbesAreComputeRuns(t *testing.T) {
	s, cur := rangedBase(t, 48)
	p := newEvaluator(context.Background(), s)
	type probe struct {
		path string
		x    float64
		r    *Result
	}
	var probes []probe
	for _, path := range []string{"viral.inviteConversion", "sales.aeQuotaPerMonth", "fulfillment.models[3PL].perOrder", "finance.otherCostsPerMonth"} {
		in, err := p.input(path)
		if err != nil {
			t.Fatal(err)
		}
		lo, hi := ends(in.limit)
		for _, x := range []float64{in.value * 0.5, in.value * 1.5, lo, min(hi, in.value*4)} {
			r, err := p.at(in, x)
			if err != nil {
				t.Fatalf("%s = %g: %v", path, x, err)
			}
			probes = append(probes, probe{path, x, r})
		}
		p.restore(in)
	}
	for i, pr := range probes {
		want := computeWith(t, s, cur, []string{pr.path}, []float64{pr.x})
		want.BasedOn = "" // the evaluator's copy drops its variant links
		gb, _ := json.Marshal(pr.r)
		wb, _ := json.Marshal(want)
		if string(gb) != string(wb) {
			t.Errorf("probe %d, %s = %g: the evaluator's result differs from Compute's", i, pr.path, pr.x)
		}
	}
	if probes[0].r == probes[1].r {
		t.Error("two probes returned the same Result")
	}
}

package scenario

import (
	"fmt"
	"testing"

	"scaleplan/assets"
)

// BenchmarkComputeSample computes the three scenarios of the sample plan.
func BenchmarkComputeSample(b *testing.B) {
	p := samplePlan(b)
	for b.Loop() {
		if _, err := ComputePlan(p); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkComputeLarge computes 20 scenarios over 240 months.
func BenchmarkComputeLarge(b *testing.B) {
	p := NewPlan("large")
	p.Scenarios = nil
	for i := range 20 {
		s := NewScenario(fmt.Sprintf("S%d", i))
		s.HorizonMonths = 240
		s.Viral.MarketSize = 5e6
		s.Fulfillment.Volume.MonthlyGrowth = 0.02
		for j := range 6 {
			s.Markets.Markets = append(s.Markets.Markets, NewMarket(fmt.Sprintf("M%d", j), s.Markets.Factors))
		}
		p.Scenarios = append(p.Scenarios, s)
	}
	for b.Loop() {
		if _, err := ComputePlan(p); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeSample measures Decode of the embedded sample plan
// (what each FuzzDecode seed execution starts with).
func BenchmarkDecodeSample(b *testing.B) {
	for b.Loop() {
		if _, err := Decode(assets.SamplePlan); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFuzzBodySample runs FuzzDecode's body once on the sample.
func BenchmarkFuzzBodySample(b *testing.B) {
	for b.Loop() {
		p, err := Decode(assets.SamplePlan)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := ComputePlan(p); err != nil {
			b.Fatal(err)
		}
		enc, err := Encode(p)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Decode(enc); err != nil {
			b.Fatal(err)
		}
	}
}

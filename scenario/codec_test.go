package scenario

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scaleplan/assets"
)

func samplePlan(t testing.TB) *Plan {
	t.Helper()
	p, err := Decode(assets.SamplePlan)
	if err != nil {
		t.Fatalf("sample plan: %v", err)
	}
	return p
}

func TestSamplePlan(t *testing.T) {
	p := samplePlan(t)
	if len(p.Scenarios) != 3 || p.Scenarios[0].Name != "Base" || p.Scenarios[1].Name != "Aggressive" || p.Scenarios[2].Name != "Conservative" {
		t.Fatalf("scenarios: %+v", p.Scenarios)
	}
	for _, s := range p.Scenarios {
		if !s.Viral.Enabled || !s.Sales.Enabled || !s.Fulfillment.Enabled || !s.Markets.Enabled {
			t.Errorf("%s: every module should be on", s.Name)
		}
		if n := len(s.Markets.Markets); n < 4 || n > 6 {
			t.Errorf("%s: %d markets, want 4–6", s.Name, n)
		}
		if len(s.Markets.Factors) != 5 || s.Markets.Factors[0].Name != "Market Size (TAM)" {
			t.Errorf("%s: factors %+v", s.Name, s.Markets.Factors)
		}
		if rt := s.Fulfillment.RuleOfThumb; len(rt) != 2 || rt[0] != 100 || rt[1] != 1000 {
			t.Errorf("%s: rule of thumb %v", s.Name, rt)
		}
	}
	if _, err := ComputePlan(p); err != nil {
		t.Fatal(err)
	}
}

func TestRoundTrip(t *testing.T) {
	p := samplePlan(t)
	data, err := Encode(p)
	if err != nil {
		t.Fatal(err)
	}
	q, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := Encode(q)
	if !bytes.Equal(data, again) {
		t.Error("encode → decode → encode changed the file")
	}
	if !bytes.Equal(data, assets.SamplePlan) {
		t.Error("the embedded sample is not in canonical form (re-encode it)")
	}
}

func TestDecodeErrorsAreLocated(t *testing.T) {
	good := string(assets.SamplePlan)
	replace := func(old, new string) string {
		if !strings.Contains(good, old) {
			t.Fatalf("sample has no %q", old)
		}
		return strings.Replace(good, old, new, 1)
	}
	tests := []struct {
		name, data, want string
	}{
		{"empty", "", "empty"},
		{"truncated", good[:len(good)/2], "truncated"},
		{"syntax", `{"format": "scaleplan", "version": 1,, }`, "line 1, column"},
		{"not a plan", `{"hello": 1}`, "not a Scaleplan plan"},
		{"newer", `{"format": "scaleplan", "version": 3, "whatever": [1,2]}`, "newer version"},
		{"no version", `{"format": "scaleplan"}`, "version: missing"},
		{"string for number", replace(`"seedUsers": 1000`, `"seedUsers": "1000"`), "scenarios[0].viral.seedUsers: expected a number"},
		{"NaN string", replace(`"paidCAC": 25`, `"paidCAC": "NaN"`), "scenarios[0].viral.paidCAC: expected a number"},
		{"fraction for count", replace(`"rampMonths": 4`, `"rampMonths": 4.5`), "scenarios[0].sales.rampMonths: expected a whole number"},
		{"stage type in list", replace(`"aes": 2,`, `"aes": "two",`), "scenarios[0].sales.stages[1].aes"},
		{"rule of thumb element", replace(`"ruleOfThumb": [
          100,`, `"ruleOfThumb": [
          "100",`), "scenarios[0].fulfillment.ruleOfThumb[0]"},
		{"unknown field", replace(`"seedUsers": 1000`, `"seedUser": 1000`), `scenarios[0].viral.seedUser: unknown field, did you mean seedUsers?`},
		{"huge number", replace(`"seedUsers": 1000`, `"seedUsers": 1e999`), "scenarios[0].viral.seedUsers"},
		{"conversion 1.5", replace(`"inviteConversion": 0.2`, `"inviteConversion": 1.5`), "scenarios[0].viral.inviteConversion: must be between 0 and 1, got 1.5"},
		{"trailing data", good + `{"x":1}`, "after top-level value"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Decode([]byte(tc.data))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %v, want it to contain %q", err, tc.want)
			}
		})
	}
	_, err := Decode([]byte(`{"format": "scaleplan", "version": 7}`))
	if !errors.Is(err, ErrNewerVersion) {
		t.Errorf("newer version error %v should wrap ErrNewerVersion", err)
	}
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "plan.scaleplan")
	p := samplePlan(t)
	if err := WriteFile(path, p); err != nil {
		t.Fatal(err)
	}
	bad := p.Clone()
	bad.Scenarios[0].Viral.InviteConversion = 2
	if err := WriteFile(path, bad); err == nil {
		t.Fatal("writing an invalid plan should fail")
	}
	q, err := ReadFile(path)
	if err != nil {
		t.Fatalf("the old file should be intact: %v", err)
	}
	if q.Scenarios[0].Viral.InviteConversion != p.Scenarios[0].Viral.InviteConversion {
		t.Error("the old file changed")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
	if err := WriteFileAtomic(filepath.Join(path, "sub", "x"), []byte("x")); err == nil {
		t.Error("writing below a regular file should fail")
	}
}

// §6: "milestones" and "breakEvens" are lists; a scenario with every module
// off (or models without positive break-evens) should still print [] not null.
func TestJSONListsAreNeverNull(t *testing.T) {
	s := NewScenario("x")
	s.Viral.Enabled, s.Sales.Enabled, s.Fulfillment.Enabled, s.Markets.Enabled = false, false, false, false
	r, err := Compute(&s, "USD")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(r)
	if strings.Contains(string(b), `"milestones":null`) {
		t.Error(`compute --json prints "milestones":null for a scenario with every module off; §6 lists it as an array`)
	}
}

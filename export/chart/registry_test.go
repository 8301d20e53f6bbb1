package chart

import (
	"strings"
	"testing"

	"scaleplan/scenario"
)

// TestRegistryKindsAndPanels: every kind but compare is a scenario module,
// each panel is named after its kind and drawn by a builder, and Kinds and
// Panels read the registry in its order.
func TestRegistryKindsAndPanels(t *testing.T) {
	var kinds []string
	seen := map[Panel]bool{}
	for _, k := range Kinds() {
		kinds = append(kinds, string(k))
		if _, ok := scenario.ModuleNamed(string(k)); !ok && k != KindCompare {
			t.Errorf("kind %s is no scenario module", k)
		}
		ps := Panels(k)
		if len(ps) == 0 {
			t.Errorf("kind %s has no panels", k)
		}
		for _, p := range ps {
			if !strings.HasPrefix(string(p), string(k)+".") {
				t.Errorf("panel %s of kind %s", p, k)
			}
			if _, ok := builders[p]; !ok {
				t.Errorf("panel %s has no builder", p)
			}
			if seen[p] {
				t.Errorf("panel %s listed twice", p)
			}
			seen[p] = true
		}
	}
	if got := strings.Join(kinds, ","); got != "viral,sales,fulfillment,markets,finance,compare" {
		t.Errorf("kinds %s", got)
	}
	if len(seen) != len(builders) {
		t.Errorf("%d panels listed, %d builders", len(seen), len(builders))
	}
	if Panels("nope") != nil {
		t.Error("an unknown kind has panels")
	}
	if got := kindList(); got != "viral, sales, fulfillment, markets, finance or compare" {
		t.Errorf("kindList() = %q", got)
	}
}

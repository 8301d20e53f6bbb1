package app

import (
	"errors"
	"testing"
)

func TestStatusMessage(t *testing.T) {
	bad := errors.New("disk full")
	for _, tc := range []struct {
		name  string
		facts StatusFacts
		want  string
		sev   Severity
	}{
		{"clean", StatusFacts{}, "All changes saved.", Info},
		{"dirty", StatusFacts{Dirty: true}, "Unsaved changes (a draft is kept automatically).", Info},
		{"saving", StatusFacts{Saving: true, Dirty: true}, "Saving…", Info},
		{"autosave failing", StatusFacts{AutosaveErr: bad, Saving: true}, "Autosave is failing: disk full", Problem},
		{"one invalid", StatusFacts{Invalid: []string{"Sales team › SDRs: not a whole number"}, AutosaveErr: bad},
			"Sales team › SDRs: not a whole number — the model keeps the value from before this edit (click to go there).", Problem},
		{"two invalid", StatusFacts{Invalid: []string{"Viral loop › Seed users: x", "Sales team › SDRs: y"}},
			"2 inputs are invalid (click to go to the first): Viral loop › Seed users: x; Sales team › SDRs: y", Problem},
		{"cannot compute", StatusFacts{ComputeErr: errors.New("no stages"), Invalid: []string{"a", "b"}}, "Cannot compute: no stages", Problem},
		// Messages starting with "U" were once told apart by that letter.
		{"unsaved is no problem", StatusFacts{Dirty: true}, "Unsaved changes (a draft is kept automatically).", Info},
		{"an error starting with U is", StatusFacts{ComputeErr: errors.New("Unknown field")}, "Cannot compute: Unknown field", Problem},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, sev := tc.facts.Message()
			if got != tc.want || sev != tc.sev {
				t.Errorf("Message() = %q, %v; want %q, %v", got, sev, tc.want, tc.sev)
			}
		})
	}
}

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
		{"one invalid", StatusFacts{Invalid: 1, AutosaveErr: bad}, "1 input is invalid: the model keeps its last valid value.", Problem},
		{"three invalid", StatusFacts{Invalid: 3}, "3 inputs are invalid: the model keeps their last valid values.", Problem},
		{"cannot compute", StatusFacts{ComputeErr: errors.New("no stages"), Invalid: 2}, "Cannot compute: no stages", Problem},
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

package app

import (
	"fmt"
	"strings"
)

// Severity says how a status message is shown.
type Severity int

const (
	// Info is news: saved, saving, exported.
	Info Severity = iota
	// Problem needs the user: invalid input, a plan that cannot be
	// computed, an autosave that fails.
	Problem
)

// StatusFacts are what the status bar reports on.
type StatusFacts struct {
	ComputeErr error // the plan cannot be computed
	// Invalid names the inputs showing text that is not valid, each as
	// "Sales team › SDRs: not a whole number".
	Invalid     []string
	AutosaveErr error // the last draft could not be written
	Saving      bool  // a save is being written
	Dirty       bool  // there are unsaved changes
}

// Message is the status bar's text for f, the most urgent fact first, and
// its severity.
func (f StatusFacts) Message() (string, Severity) {
	switch {
	case f.ComputeErr != nil:
		return "Cannot compute: " + f.ComputeErr.Error(), Problem
	case len(f.Invalid) == 1:
		return f.Invalid[0] + " — the model keeps the value from before this edit (click to go there).", Problem
	case len(f.Invalid) > 1:
		return fmt.Sprintf("%d inputs are invalid (click to go to the first): %s", len(f.Invalid), strings.Join(f.Invalid, "; ")), Problem
	case f.AutosaveErr != nil:
		return "Autosave is failing: " + f.AutosaveErr.Error(), Problem
	case f.Saving:
		return "Saving…", Info
	case f.Dirty:
		return "Unsaved changes (a draft is kept automatically).", Info
	}
	return "All changes saved.", Info
}

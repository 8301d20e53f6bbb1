package main

import (
	"strings"
	"testing"
)

// TestHelpExitsZero: asking for help is not a usage error (exit 0, usage
// on stderr); running with no command at all is (exit 2).
func TestHelpExitsZero(t *testing.T) {
	for _, arg := range []string{"help", "-h", "--help"} {
		code, _, stderr := runCLI(arg)
		if code != exitOK || !strings.Contains(stderr, "usage: scaleplan-cli COMMAND") {
			t.Errorf("%s: exit %d, stderr %q; want 0 and the usage", arg, code, stderr)
		}
	}
	if code, _, _ := runCLI(); code != exitUsage {
		t.Errorf("no arguments: exit %d, want %d", code, exitUsage)
	}
}

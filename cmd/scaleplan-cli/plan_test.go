package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"scaleplan/assets"
)

// TestNewForceAndStrayArguments: -f overwrites an existing file with the
// sample plan; a positional argument is a usage error (the file is -o).
func TestNewForceAndStrayArguments(t *testing.T) {
	path := writeTemp(t, "old.scaleplan", []byte("not a plan"))
	if code, _, stderr := runCLI("new", "-o", path, "-f"); code != exitOK {
		t.Fatalf("new -f over an existing file: exit %d: %s", code, stderr)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, assets.SamplePlan) {
		t.Error("new -f did not write the sample plan over the old file")
	}
	other := filepath.Join(t.TempDir(), "other.scaleplan")
	if code, _, _ := runCLI("new", "-o", other, "extra.scaleplan"); code != exitUsage {
		t.Errorf("new with a stray argument: exit %d, want %d", code, exitUsage)
	}
	if _, err := os.Stat(other); err == nil {
		t.Error("a usage error still wrote the plan")
	}
}

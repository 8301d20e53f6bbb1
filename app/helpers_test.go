package app

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"scaleplan/assets"
	"scaleplan/scenario"
)

// samplePlan decodes the embedded sample plan.
func samplePlan(t *testing.T) *scenario.Plan {
	t.Helper()
	p, err := scenario.Decode(assets.SamplePlan)
	if err != nil {
		t.Fatalf("decode sample plan: %v", err)
	}
	return p
}

// fakeClock is a settable clock for edit merging.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time                 { return c.t }
func (c *fakeClock) add(d time.Duration)            { c.t = c.t.Add(d) }
func newClock() *fakeClock                          { return &fakeClock{t: time.Date(2025, 1, 1, 9, 0, 0, 0, time.UTC)} }
func withClock(d *Document, c *fakeClock) *Document { d.now = c.now; return d }

// sampleDoc returns a clean untitled document of the sample plan on a fake clock.
func sampleDoc(t *testing.T) (*Document, *fakeClock) {
	t.Helper()
	c := newClock()
	return withClock(NewDocument(samplePlan(t), ""), c), c
}

// setConversion edits scenario 0's invite conversion.
func setConversion(d *Document, v float64) error {
	return d.EditField("Edit Invite conversion", "s0/viral.inviteConversion", func(p *scenario.Plan) error {
		p.Scenarios[0].Viral.InviteConversion = v
		return nil
	})
}

func conversion(p *scenario.Plan) float64 { return p.Scenarios[0].Viral.InviteConversion }

// eventually polls cond until it holds or the deadline passes.
func eventually(t *testing.T, within time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(within)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("after %v: %s", within, what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// unwritableDir returns a path inside which files cannot be created: a
// read-only folder, or, when running as root (permissions are ignored), a
// path whose parent is a regular file.
func unwritableDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	ro := filepath.Join(dir, "readonly")
	if err := os.Mkdir(ro, 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(ro, 0o700) })
	probe := filepath.Join(ro, "probe")
	if f, err := os.Create(probe); err != nil {
		return ro // permissions are enforced
	} else {
		f.Close()
		os.Remove(probe)
	}
	file := filepath.Join(dir, "not-a-folder")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

// replacedFile writes path twice with write and reports whether the second
// write replaced the file (a new file renamed over the path, which is what
// makes a write atomic) rather than rewriting the old one in place.
func replacedFile(t *testing.T, path string, write func() error) bool {
	t.Helper()
	if err := write(); err != nil {
		t.Fatal(err)
	}
	before, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := write(); err != nil {
		t.Fatal(err)
	}
	after, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return !os.SameFile(before, after)
}

//go:build unix

package main

import (
	"os"
	"syscall"
	"testing"
	"time"

	"scaleplan/assets"
)

// TestFIFOPlanIsRefusedAtOnce: a named pipe as the plan is refused without
// opening it (opening would wait for a writer for ever).
func TestFIFOPlanIsRefusedAtOnce(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := syscall.Mkfifo("p.scaleplan", 0o644); err != nil {
		t.Skip(err)
	}
	done := make(chan struct{})
	var code int
	var stderr string
	go func() {
		code, _, stderr = runCLI("check", "p.scaleplan")
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("check blocks on a named pipe")
	}
	if want := "scaleplan-cli check: p.scaleplan: is a named pipe, not a plan file\n"; code != 1 || stderr != want {
		t.Errorf("exit %d, stderr %q; want 1, %q", code, stderr, want)
	}
}

// TestPermissionsKept: overwriting keeps the target's mode (0600 stays
// 0600 after new -f, export and chart), and a new file follows the umask.
func TestPermissionsKept(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.WriteFile("p.scaleplan", assets.SamplePlan, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		file string
		args []string
	}{
		{"q.scaleplan", []string{"new", "-f", "-o", "q.scaleplan"}},
		{"q.xlsx", []string{"export", "p.scaleplan", "-o", "q.xlsx"}},
		{"q.svg", []string{"chart", "p.scaleplan", "--scenario", "Base", "--chart", "sales", "-o", "q.svg"}},
	} {
		if err := os.WriteFile(tc.file, []byte("old"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(tc.file, 0o600); err != nil {
			t.Fatal(err)
		}
		if code, _, stderr := runCLI(tc.args...); code != 0 {
			t.Fatalf("%v: exit %d: %s", tc.args, code, stderr)
		}
		if fi, err := os.Stat(tc.file); err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("%v: mode after overwrite %v (%v), want 0600", tc.args, fi.Mode().Perm(), err)
		}
	}
	old := syscall.Umask(0o077)
	defer syscall.Umask(old)
	if code, _, stderr := runCLI("export", "p.scaleplan", "-o", "new.xlsx"); code != 0 {
		t.Fatalf("export: exit %d: %s", code, stderr)
	}
	if fi, err := os.Stat("new.xlsx"); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("new file under umask 077: mode %v (%v), want 0600", fi.Mode().Perm(), err)
	}
}

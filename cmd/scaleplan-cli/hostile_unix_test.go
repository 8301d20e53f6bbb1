//go:build unix

package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
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

// TestInterruptedExportLeavesNothing builds the command, starts exporting
// a plan of 100 scenarios of one-day cycles over an old workbook, and
// interrupts it (SIGINT, then SIGTERM in a second run) once its temporary
// file exists: it exits 130 or 143, says so, and leaves the folder as it
// was (the attack found 2–12 MB temporary files left behind).
func TestInterruptedExportLeavesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command and exports a large plan")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "scaleplan-cli")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	work := filepath.Join(dir, "work")
	os.Mkdir(work, 0o755)
	os.WriteFile(filepath.Join(work, "big.scaleplan"), bigPlan(t, 100), 0o644)
	for _, tc := range []struct {
		sig  syscall.Signal
		code int
		name string
	}{{syscall.SIGINT, 130, "interrupt"}, {syscall.SIGTERM, 143, "terminated"}} {
		os.WriteFile(filepath.Join(work, "big.xlsx"), []byte("old"), 0o600)
		cmd := exec.Command(bin, "export", "big.scaleplan", "-o", "big.xlsx")
		cmd.Dir = work
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		deadline := time.Now().Add(2 * time.Minute)
		for len(listDir(t, work)) < 4 { // the plan, the old workbook, the temporary and scratch files
			if time.Now().After(deadline) {
				cmd.Process.Kill()
				t.Fatalf("no temporary file appeared: %v", listDir(t, work))
			}
			time.Sleep(20 * time.Millisecond)
		}
		cmd.Process.Signal(tc.sig)
		err := cmd.Wait()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != tc.code {
			t.Errorf("%v: %v, want exit %d", tc.sig, err, tc.code)
		}
		if want := "scaleplan-cli: stopped (" + tc.name + "); the unfinished output was removed\n"; stderr.String() != want {
			t.Errorf("%v: stderr %q, want %q", tc.sig, stderr.String(), want)
		}
		if got := listDir(t, work); strings.Join(got, " ") != "big.scaleplan big.xlsx" {
			t.Errorf("%v: the folder holds %v", tc.sig, got)
		}
		if data, _ := os.ReadFile(filepath.Join(work, "big.xlsx")); string(data) != "old" {
			t.Errorf("%v: the old workbook changed", tc.sig)
		}
	}
}

// listDir lists a folder's names, sorted.
func listDir(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

// TestInterruptedSimulateLeavesNothing: SIGINT while simulate writes its
// samples removes the unfinished CSV.
func TestInterruptedSimulateLeavesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command and simulates 50,000 runs")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "scaleplan-cli")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	work := filepath.Join(dir, "work")
	os.Mkdir(work, 0o755)
	os.WriteFile(filepath.Join(work, "p.scaleplan"), rangedBytes(t, nil), 0o644)
	cmd := exec.Command(bin, "simulate", "p.scaleplan", "--runs", "50000", "--json", "--samples", "runs.csv")
	cmd.Dir = work
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(2 * time.Minute)
	for len(listDir(t, work)) < 2 { // the plan and the temporary file
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("no temporary file appeared: %v", listDir(t, work))
		}
		time.Sleep(10 * time.Millisecond)
	}
	cmd.Process.Signal(syscall.SIGINT)
	err := cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 130 {
		t.Errorf("%v, want exit 130 (stderr %q)", err, stderr.String())
	}
	if !strings.HasSuffix(stderr.String(), "scaleplan-cli: stopped (interrupt); the unfinished output was removed\n") {
		t.Errorf("stderr %q", stderr.String())
	}
	if got := listDir(t, work); strings.Join(got, " ") != "p.scaleplan" {
		t.Errorf("the folder holds %v", got)
	}
}

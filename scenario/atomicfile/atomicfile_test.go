//go:build unix

package atomicfile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// entries lists a folder's file names.
func entries(t *testing.T, dir string) []string {
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

func TestWriteKeepsPermissions(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "f")
	for _, mode := range []fs.FileMode{0o600, 0o640, 0o755, 0o444} {
		if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(path, mode); err != nil {
			t.Fatal(err)
		}
		if err := WriteBytes(path, []byte("new")); err != nil {
			t.Fatal(err)
		}
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if got := fi.Mode().Perm(); got != mode {
			t.Errorf("mode %v became %v", mode, got)
		}
		if data, _ := os.ReadFile(path); string(data) != "new" {
			t.Errorf("content %q", data)
		}
		os.Chmod(path, 0o600)
	}
	if got := entries(t, dir); len(got) != 1 {
		t.Errorf("left behind: %v", got)
	}
}

func TestWriteFollowsUmask(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct{ umask, want fs.FileMode }{{0o077, 0o600}, {0o022, 0o644}, {0o027, 0o640}} {
		old := syscall.Umask(int(tc.umask))
		path := filepath.Join(dir, "new"+tc.want.String())
		err := WriteBytes(path, []byte("x"))
		syscall.Umask(old)
		if err != nil {
			t.Fatal(err)
		}
		if fi, _ := os.Stat(path); fi.Mode().Perm() != tc.want {
			t.Errorf("umask %03o: mode %v, want %v", tc.umask, fi.Mode().Perm(), tc.want)
		}
	}
}

func TestWriteThroughLink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real")
	link := filepath.Join(dir, "link")
	os.WriteFile(real, []byte("old"), 0o600)
	if err := os.Symlink("real", link); err != nil {
		t.Skip(err)
	}
	if err := WriteBytes(link, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Lstat(link); fi.Mode()&fs.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	if data, _ := os.ReadFile(real); string(data) != "new" {
		t.Errorf("the linked file holds %q", data)
	}
}

func TestTargetsRefused(t *testing.T) {
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "folder"), 0o755)
	os.WriteFile(filepath.Join(dir, "file"), nil, 0o644)
	os.Symlink("missing", filepath.Join(dir, "dangling"))
	tests := []struct{ path, want string }{
		{"", "cannot write: no file name given"},
		{filepath.Join(dir, "folder"), "cannot write " + dir + "/folder: it is a folder"},
		{"/dev/null", "cannot write /dev/null: it is not a regular file (a character device)"},
		{filepath.Join(dir, "no", "f"), "cannot write " + dir + "/no/f: folder " + dir + "/no does not exist"},
		{filepath.Join(dir, "file", "f"), "cannot write " + dir + "/file/f: " + dir + "/file is not a folder"},
		{filepath.Join(dir, "file", "g", "h", "f"), "cannot write " + dir + "/file/g/h/f: " + dir + "/file is not a folder"},
		{filepath.Join(dir, "dangling"), "cannot write " + dir + "/dangling: it is a link to a missing file"},
	}
	for _, tc := range tests {
		called := false
		err := Write(tc.path, func(io.Writer) error { called = true; return nil })
		if err == nil || err.Error() != tc.want {
			t.Errorf("%q: error %v, want %q", tc.path, err, tc.want)
		}
		if called {
			t.Errorf("%q: wrote before refusing", tc.path)
		}
	}
	if err := WriteBytes(filepath.Join(dir, "no", "f"), nil); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a missing folder should match fs.ErrNotExist: %v", err)
	}
}

func TestFailedWriteLeavesTarget(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "f")
	os.WriteFile(path, []byte("old"), 0o644)
	err := Write(path, func(w io.Writer) error {
		w.Write([]byte("half"))
		return errors.New("disk on fire")
	})
	if err == nil || err.Error() != "cannot write "+path+": disk on fire" {
		t.Errorf("error %v", err)
	}
	if data, _ := os.ReadFile(path); string(data) != "old" {
		t.Errorf("target holds %q", data)
	}
	if got := entries(t, dir); len(got) != 1 {
		t.Errorf("left behind: %v", got)
	}
}

// TestSignalRemovesTemporaryFile runs this test binary as a child that
// starts a write and blocks in it; SIGINT or SIGTERM must remove the
// temporary file and exit 130 or 143, leaving the old target intact.
func TestSignalRemovesTemporaryFile(t *testing.T) {
	if dir := os.Getenv("ATOMICFILE_CHILD"); dir != "" {
		ExitOnSignal(func(sig os.Signal, removed []string) {
			os.Stderr.WriteString("removed " + strings.Join(removed, ",") + "\n")
		})
		Write(filepath.Join(dir, "out"), func(w io.Writer) error {
			w.Write([]byte("partial"))
			os.WriteFile(filepath.Join(dir, "ready"), nil, 0o644)
			time.Sleep(time.Minute)
			return nil
		})
		os.Exit(0)
	}
	for _, tc := range []struct {
		sig  syscall.Signal
		code int
	}{{syscall.SIGINT, 130}, {syscall.SIGTERM, 143}} {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, "out"), []byte("old"), 0o644)
		cmd := exec.Command(os.Args[0], "-test.run=^TestSignalRemovesTemporaryFile$")
		cmd.Env = append(os.Environ(), "ATOMICFILE_CHILD="+dir)
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		deadline := time.Now().Add(30 * time.Second)
		for {
			if _, err := os.Stat(filepath.Join(dir, "ready")); err == nil {
				break
			}
			if time.Now().After(deadline) {
				cmd.Process.Kill()
				t.Fatal("the child never started writing")
			}
			time.Sleep(10 * time.Millisecond)
		}
		if got := entries(t, dir); len(got) != 3 {
			t.Fatalf("before the signal: %v, want out, ready and a temporary file", got)
		}
		cmd.Process.Signal(tc.sig)
		err := cmd.Wait()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != tc.code {
			t.Errorf("%v: exit %v, want %d", tc.sig, err, tc.code)
		}
		if got := entries(t, dir); len(got) != 2 {
			t.Errorf("%v: after the signal: %v, want out and ready", tc.sig, got)
		}
		if data, _ := os.ReadFile(filepath.Join(dir, "out")); string(data) != "old" {
			t.Errorf("%v: target holds %q", tc.sig, data)
		}
		if !strings.Contains(stderr.String(), "removed "+dir+"/.out.") {
			t.Errorf("%v: stderr %q", tc.sig, stderr.String())
		}
	}
}

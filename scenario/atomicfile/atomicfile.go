// Package atomicfile writes files the way a user expects a save to behave:
// a temporary file in the target's folder is written, synced and renamed
// over the target, so a crash leaves the old file or the new one, never a
// mix. An overwritten file keeps its permissions, a new one gets what the
// umask allows, and a SIGINT or SIGTERM during a write removes the temporary
// file before the process exits (see ExitOnSignal).
//
// The desktop app's Save, the plan codec, the chart and workbook exports and
// the headless command all write through this package (docs/CLI.md, "Limits
// and hostile input").
package atomicfile

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"syscall"
)

// pending holds the temporary files being written, so that a signal
// handler can remove them. mu also stops new writes once a handler runs.
var (
	mu      sync.Mutex
	pending = map[string]bool{}
)

// Write creates or replaces the file at path with what write writes, which
// may be streamed: write gets a writer on the temporary file. A path that
// is a symbolic link replaces the file it points to.
func Write(path string, write func(w io.Writer) error) (err error) {
	target, mode, err := Target(path)
	if err != nil {
		return err
	}
	perm := fs.FileMode(0o666) // the umask decides
	if mode != 0 {
		perm = mode.Perm() // no wider than the target while it is written
	}
	tmp, err := create(target, perm)
	if err != nil {
		return failed(path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			remove(tmp.Name())
		}
	}()
	fail := func(err error) error { return failed(path, err) }
	if err := write(tmp); err != nil {
		return fail(err)
	}
	if err := tmp.Sync(); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		return fail(err)
	}
	if mode != 0 {
		// The target exists: keep its permissions (the temporary file
		// got the umask's).
		if err := os.Chmod(tmp.Name(), mode); err != nil {
			return fail(err)
		}
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		return fail(err)
	}
	forget(tmp.Name())
	if d, derr := os.Open(filepath.Dir(target)); derr == nil {
		d.Sync() // best effort: the rename reaches the disk
		d.Close()
	}
	return nil
}

// WriteBytes writes data to path atomically (see Write).
func WriteBytes(path string, data []byte) error {
	return Write(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// Target checks that path can be written before any work is done: its
// folder exists, and path is a regular file or does not exist yet. It
// returns the file to replace (path, or what the link at path points to)
// and, when that file exists, its permission bits (else 0).
func Target(path string) (target string, mode fs.FileMode, err error) {
	if path == "" {
		return "", 0, errors.New("cannot write: no file name given")
	}
	target = path
	if fi, err := os.Lstat(path); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		if target, err = filepath.EvalSymlinks(path); err != nil {
			return "", 0, fmt.Errorf("cannot write %s: it is a link to a missing file", path)
		}
	}
	fi, err := os.Stat(target)
	switch {
	case err == nil && fi.IsDir():
		return "", 0, fmt.Errorf("cannot write %s: it is a folder", path)
	case err == nil && !fi.Mode().IsRegular():
		return "", 0, fmt.Errorf("cannot write %s: it is not a regular file (%s)", path, Kind(fi.Mode()))
	case err == nil:
		return target, fi.Mode().Perm() | fi.Mode()&(fs.ModeSetuid|fs.ModeSetgid|fs.ModeSticky), nil
	case !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, syscall.ENOTDIR):
		return "", 0, failed(path, err)
	}
	dir := filepath.Dir(target)
	switch di, derr := os.Stat(dir); {
	case errors.Is(derr, fs.ErrNotExist):
		return "", 0, &targetError{fmt.Sprintf("cannot write %s: folder %s does not exist", path, dir), derr}
	case errors.Is(derr, syscall.ENOTDIR):
		return "", 0, &targetError{fmt.Sprintf("cannot write %s: %s is not a folder", path, fileAbove(dir)), derr}
	case derr != nil:
		return "", 0, failed(path, derr)
	case !di.IsDir():
		return "", 0, &targetError{fmt.Sprintf("cannot write %s: %s is not a folder", path, dir), err}
	}
	return target, 0, nil
}

// fileAbove returns the nearest of dir and the folders above it that
// exists, which is a file when a Stat of dir fails with ENOTDIR.
func fileAbove(dir string) string {
	for {
		_, err := os.Stat(dir)
		up := filepath.Dir(dir)
		if !errors.Is(err, syscall.ENOTDIR) || up == dir {
			return dir
		}
		dir = up
	}
}

// Kind names a file type that is not a regular file or a folder.
func Kind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeIrregular != 0:
		return "an irregular file"
	}
	return "not a regular file"
}

// create makes a new temporary file next to target, named
// ".<name>.<random>.tmp", with perm less the umask, and registers it for
// removal on a signal.
func create(target string, perm fs.FileMode) (*os.File, error) {
	dir, base := filepath.Split(target)
	var rnd [6]byte
	for range 100 {
		if _, err := rand.Read(rnd[:]); err != nil {
			return nil, err
		}
		name := filepath.Join(dir, "."+base+"."+hex.EncodeToString(rnd[:])+".tmp")
		mu.Lock()
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if err == nil {
			pending[name] = true
		}
		mu.Unlock()
		if !errors.Is(err, fs.ErrExist) {
			return f, err
		}
	}
	return nil, errors.New("no free temporary file name")
}

func remove(name string) {
	mu.Lock()
	defer mu.Unlock()
	os.Remove(name)
	delete(pending, name)
}

func forget(name string) {
	mu.Lock()
	defer mu.Unlock()
	delete(pending, name)
}

// RemovePending removes every temporary file still being written and
// returns their names. After it, no new temporary file is made until
// release is called; a signal handler that exits never calls it.
func RemovePending() (names []string, release func()) {
	mu.Lock()
	for name := range pending {
		os.Remove(name)
		names = append(names, name)
		delete(pending, name)
	}
	return names, mu.Unlock
}

// failed says that path cannot be written because of err, a file system
// error that stays matchable (errors.As *fs.PathError) without its
// message, which names the temporary file.
func failed(path string, err error) error {
	return &targetError{fmt.Sprintf("cannot write %s: %v", path, bare(err)), err}
}

// bare drops the operation and temporary path from a file system error,
// whose message would name the temporary file ("open .x.1f.tmp: …"); the
// caller names the target.
func bare(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// targetError is a message that matches a file system error with
// errors.Is without repeating its text.
type targetError struct {
	msg string
	err error
}

func (e *targetError) Error() string { return e.msg }
func (e *targetError) Unwrap() error { return e.err }

// Scratch creates a temporary file in dir (the system's temporary folder
// when dir is "") for work that does not fit in memory, registered like a
// write's temporary file: a signal handled by ExitOnSignal removes it.
// done closes and removes it.
func Scratch(dir string) (f *os.File, done func(), err error) {
	mu.Lock()
	defer mu.Unlock()
	f, err = os.CreateTemp(dir, ".scaleplan-scratch-*.tmp")
	if err != nil {
		return nil, nil, fmt.Errorf("cannot create a temporary file: %w", bare(err))
	}
	pending[f.Name()] = true
	return f, func() {
		f.Close()
		remove(f.Name())
	}, nil
}

package app

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"fyne.io/fyne/v2"

	"scaleplan/scenario"
)

// DraftFile is the name of the draft file in the drafts folder.
const DraftFile = "draft.json"

// draftFormat and draftVersion identify the draft file's own format.
const (
	draftFormat  = "scaleplan-draft"
	draftVersion = 1
)

// Autosave timing: a draft is written DraftDelay after the last Schedule,
// and at the latest DraftMaxWait after the first unwritten one, so steady
// typing still reaches the disk.
const (
	DraftDelay   = 700 * time.Millisecond
	DraftMaxWait = 2 * time.Second
)

// Draft is unsaved work found in the drafts folder.
type Draft struct {
	Plan  *scenario.Plan // the plan as it was typed
	Path  string         // the file the draft belongs to ("" untitled)
	Saved time.Time      // when the draft was written
}

// draftJSON is the draft file's content.
type draftJSON struct {
	Format  string          `json:"format"`
	Version int             `json:"version"`
	Path    string          `json:"path"`
	Saved   time.Time       `json:"saved"`
	Plan    json.RawMessage `json:"plan"`
}

// draftJob is one pending draft write (or removal, when plan is nil: the
// document was clean, so there is nothing to recover).
type draftJob struct {
	plan *scenario.Plan
	path string
}

// Drafts autosaves the open document to a draft file in the app's storage
// folder and finds it again after a crash. Its methods are safe to call from
// any goroutine; writes happen on a timer goroutine or in Flush.
type Drafts struct {
	dir     string
	delay   time.Duration
	maxWait time.Duration

	io    sync.Mutex // held for every file operation, so they happen in order
	wrote bool       // guarded by io: the draft file on disk was written by this Drafts
	seen  bool       // guarded by io: Pending has looked at (and handed out) the draft

	mu      sync.Mutex // guards the fields below
	timer   *time.Timer
	pending *draftJob
	first   time.Time // when the oldest unwritten Schedule happened
	lastErr error
	onErr   func(error)
}

// NewDrafts returns autosave for the folder dir (created on first write).
// An empty dir means DefaultDraftsDir(), never the working directory.
func NewDrafts(dir string) *Drafts {
	if dir == "" {
		dir = DefaultDraftsDir()
	}
	return &Drafts{dir: dir, delay: DraftDelay, maxWait: DraftMaxWait}
}

// DefaultDraftsDir is the drafts folder used when the app storage is not
// available: "Scaleplan/drafts" in the user's config folder, or in the
// system's temporary folder if there is none.
func DefaultDraftsDir() string {
	base, err := os.UserConfigDir()
	if err != nil {
		base = os.TempDir()
	}
	return filepath.Join(base, AppName, "drafts")
}

// StorageDir returns the local folder of a fyne.Storage (its RootURI), for
// NewDrafts.
func StorageDir(s fyne.Storage) (string, error) {
	u := s.RootURI()
	if u == nil || u.Scheme() != "file" {
		return "", errors.New("app storage is not a local folder")
	}
	return u.Path(), nil
}

// Path returns the draft file's path.
func (a *Drafts) Path() string { return filepath.Join(a.dir, DraftFile) }

// Schedule arranges for d's current state to be written as the draft about
// DraftDelay after the last call (debounced), on a goroutine. The plan is
// snapshotted now, so d may change afterwards. If d is clean, the pending
// write is replaced by removing the draft this Drafts wrote (there is
// nothing to lose); a draft from a previous session is left alone.
//
// Call Pending before the first Schedule: a draft left by a previous
// session that Pending has not returned is moved aside as
// draft.unrecovered-<time>.json by the first write, never overwritten.
func (a *Drafts) Schedule(d *Document) {
	job := &draftJob{path: d.Path()}
	if d.Dirty() {
		job.plan = d.Snapshot()
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	now := time.Now()
	if a.pending == nil {
		a.first = now
	}
	a.pending = job
	wait := min(a.delay, max(0, a.first.Add(a.maxWait).Sub(now)))
	if a.timer == nil {
		a.timer = time.AfterFunc(wait, func() { a.writePending() })
	} else {
		a.timer.Reset(wait)
	}
}

// Flush writes a scheduled draft now (on quit, or in tests) and returns the
// write's error. With nothing scheduled it returns nil.
func (a *Drafts) Flush() error {
	a.stopTimer()
	return a.writePending()
}

// Clear drops any scheduled write and removes the draft: call it after a
// successful save or when closing with "Don't Save". Like every write, it
// never destroys a previous session's draft that Pending has not returned.
func (a *Drafts) Clear() error {
	news, err := a.clear()
	a.report(news, err)
	return err
}

// clear does Clear's file work and records its result.
func (a *Drafts) clear() (news bool, err error) {
	a.io.Lock()
	defer a.io.Unlock()
	a.cancelPending()
	err = a.claim()
	if err == nil {
		err = a.remove()
	}
	return a.setErr(err), err
}

// cancelPending drops a scheduled write that has not started.
func (a *Drafts) cancelPending() {
	a.stopTimer()
	a.mu.Lock()
	a.pending = nil
	a.mu.Unlock()
}

// Discard drops any scheduled write and sets the draft aside as
// draft.discarded-<time>.json: the user said they do not want it back,
// but a wrong click must not destroy typed work for good.
func (a *Drafts) Discard() error {
	news, err := a.discard()
	a.report(news, err)
	return err
}

// discard does Discard's file work and records its result.
func (a *Drafts) discard() (news bool, err error) {
	a.io.Lock()
	defer a.io.Unlock()
	a.cancelPending()
	a.seen = true
	if _, statErr := os.Stat(a.Path()); statErr == nil {
		if err = os.Rename(a.Path(), a.asidePath("discarded")); err != nil {
			err = fmt.Errorf("discard draft: %w", err)
		} else {
			a.wrote = false
		}
	}
	return a.setErr(err), err
}

// claim makes the draft file ours before a write or Clear. A draft this
// Drafts neither wrote nor handed out through Pending is a previous
// session's unrecovered work: it is moved aside as
// draft.unrecovered-<time>.json, never overwritten or deleted.
func (a *Drafts) claim() error {
	if a.wrote || a.seen {
		return nil
	}
	if _, err := os.Stat(a.Path()); err == nil {
		dst := a.asidePath("unrecovered")
		if err := os.Rename(a.Path(), dst); err != nil {
			return fmt.Errorf("autosave: keep the previous draft: %w", err)
		}
	}
	a.seen = true // whatever was there is kept aside; the file is ours now
	return nil
}

// asidePath names a file beside the draft: draft.<kind>-<time>.json.
func (a *Drafts) asidePath(kind string) string {
	stamp := time.Now().UTC().Format("20060102T150405.000000000")
	return filepath.Join(a.dir, "draft."+kind+"-"+stamp+".json")
}

// LastError returns the error of the last draft write or removal, or nil if
// it succeeded, so the UI can warn that autosave is failing.
func (a *Drafts) LastError() error {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.lastErr
}

func (a *Drafts) stopTimer() {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.timer != nil {
		a.timer.Stop()
	}
}

// OnError registers fn to run after every draft write or removal that
// fails, and after the first one that succeeds again, with LastError's new
// value. It runs on the goroutine that wrote (often the timer's), after
// the file work: the UI must hand it to its UI thread.
func (a *Drafts) OnError(fn func(err error)) {
	a.mu.Lock()
	a.onErr = fn
	a.mu.Unlock()
}

// setErr records the result of a draft write or removal (call it under
// a.io, so results are recorded in the order of the file work) and
// reports whether it is news: a failure, or a recovery from one.
func (a *Drafts) setErr(err error) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	news := err != nil || a.lastErr != nil
	a.lastErr = err
	return news
}

// report tells the OnError function about news; call it without locks.
func (a *Drafts) report(news bool, err error) {
	a.mu.Lock()
	fn := a.onErr
	a.mu.Unlock()
	if news && fn != nil {
		fn(err)
	}
}

// writePending performs the pending job, if any. A failed write stays pending
// (unless a newer one arrived) so the next Flush tries again.
func (a *Drafts) writePending() error {
	news, err := a.doPending()
	a.report(news, err)
	return err
}

// doPending takes the pending job, performs it and records its result.
func (a *Drafts) doPending() (news bool, err error) {
	a.io.Lock()
	defer a.io.Unlock()
	a.mu.Lock()
	job := a.pending
	a.pending = nil
	a.mu.Unlock()
	if job == nil {
		return false, nil
	}
	err = a.do(job)
	a.mu.Lock()
	if err != nil && a.pending == nil {
		a.pending = job
	}
	a.mu.Unlock()
	return a.setErr(err), err
}

// do performs a job. A clean document only removes a draft this Drafts
// wrote: a previous session's draft stays until the user has answered
// (Recover, or Discard), even while a clean plan is shown.
func (a *Drafts) do(job *draftJob) error {
	if job.plan == nil {
		if !a.wrote {
			return nil
		}
		return a.remove()
	}
	if err := a.claim(); err != nil {
		return err
	}
	if err := a.write(job); err != nil {
		return err
	}
	a.wrote = true
	return nil
}

// write stores job as the draft file, atomically.
func (a *Drafts) write(job *draftJob) error {
	plan, err := scenario.Encode(job.plan)
	if err != nil {
		return fmt.Errorf("autosave: %w", err)
	}
	data, err := json.MarshalIndent(draftJSON{
		Format: draftFormat, Version: draftVersion,
		Path: job.path, Saved: time.Now().UTC(), Plan: plan,
	}, "", "  ")
	if err != nil {
		return fmt.Errorf("autosave: %w", err)
	}
	if err := os.MkdirAll(a.dir, 0o755); err != nil {
		return fmt.Errorf("autosave: %w", err)
	}
	if err := scenario.WriteFileAtomic(a.Path(), data); err != nil {
		return fmt.Errorf("autosave: %w", err)
	}
	return nil
}

func (a *Drafts) remove() error {
	if err := os.Remove(a.Path()); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("remove draft: %w", err)
	}
	a.wrote = false
	return nil
}

// Pending returns the draft a crash left behind, or nil if there is none.
// A draft that cannot be read (corrupt, or from a newer version) is moved
// aside as draft.corrupt-<time>.json, never deleted, and reported as an
// error naming where it went.
func (a *Drafts) Pending() (*Draft, error) {
	a.io.Lock()
	defer a.io.Unlock()
	a.seen = true
	data, err := os.ReadFile(a.Path())
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read draft: %w", err)
	}
	dr, err := decodeDraft(data)
	if err != nil {
		return nil, a.moveAside(err)
	}
	return dr, nil
}

// decodeDraft parses a draft file, validating its plan.
func decodeDraft(data []byte) (*Draft, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errors.New("the draft file is empty")
	}
	var f draftJSON
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, err
	}
	switch {
	case f.Format != draftFormat:
		return nil, fmt.Errorf("not a Scaleplan draft (format %q)", f.Format)
	case f.Version > draftVersion:
		return nil, fmt.Errorf("%w (draft version %d; this one reads up to %d)", scenario.ErrNewerVersion, f.Version, draftVersion)
	case f.Version < 1:
		return nil, fmt.Errorf("draft version must be at least 1, got %d", f.Version)
	}
	p, err := scenario.Decode(f.Plan)
	if err != nil {
		return nil, fmt.Errorf("plan: %w", err)
	}
	return &Draft{Plan: p, Path: f.Path, Saved: f.Saved}, nil
}

// moveAside renames an unreadable draft so it neither blocks nor haunts the
// next start, and returns an error that says why and where it went.
func (a *Drafts) moveAside(cause error) error {
	dst := a.asidePath("corrupt")
	if err := os.Rename(a.Path(), dst); err != nil {
		return fmt.Errorf("draft %s cannot be read: %w (and could not be moved aside: %v)", a.Path(), cause, err)
	}
	return fmt.Errorf("draft cannot be read: %w (kept as %s)", cause, dst)
}

// Recover returns a dirty document holding the draft's plan and path, so
// the user can look at it and save it.
func (a *Drafts) Recover(dr *Draft) *Document {
	d := NewDocument(dr.Plan, dr.Path)
	d.savedGen = noGeneration
	return d
}

package app

import (
	"fmt"
	"path/filepath"
	"strings"
	"sync"

	"scaleplan/scenario"
)

// SaveJob is one save of a document: a snapshot of the plan, the
// generation it was taken at and the file it goes to. Make it with
// StartSave on the UI goroutine, run Write on any goroutine, and hand it
// back to FinishSave on the UI goroutine.
type SaveJob struct {
	plan     *scenario.Plan
	gen      uint64
	seq      uint64
	path     string
	as       bool // Save As: the document moves to path on success
	log      *writeLog
	err      error
	wrote    bool
	finished bool
}

// writeLog orders the writes of one document's saves, which may run on
// several goroutines at once: one write at a time, and never a snapshot
// older than one already written to the same file.
type writeLog struct {
	mu   sync.Mutex
	last map[string]uint64 // file → number of the newest save written there
}

// write runs j's write, unless a newer save of the document already wrote
// j's file: then it does nothing and returns nil.
func (l *writeLog) write(j *SaveJob, write func() error) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.last[j.path] > j.seq {
		return nil
	}
	if err := write(); err != nil {
		return err
	}
	l.last[j.path] = j.seq
	return nil
}

// Path returns the file the job writes.
func (j *SaveJob) Path() string { return j.path }

// Write stores the snapshot at the job's path atomically
// (scenario.WriteFile). It touches no document state, so it is safe on any
// goroutine; call it once. The writes of one document's saves happen one
// at a time, and a save whose file already holds a newer save's snapshot
// writes nothing (a newer save decides what counts as saved anyway).
func (j *SaveJob) Write() error {
	op := "save"
	if j.as {
		op = "save as"
	}
	err := j.log.write(j, func() error { return scenario.WriteFile(j.path, j.plan) })
	if err != nil {
		j.err = fmt.Errorf("%s: %w", op, err)
	} else {
		j.err = nil
	}
	j.wrote = true
	return j.err
}

// StartSave snapshots the current plan for a save to the document's file.
// An untitled document returns ErrUntitled: ask for a path and use
// StartSaveAs.
func (d *Document) StartSave() (*SaveJob, error) {
	if d.path == "" {
		return nil, fmt.Errorf("save: %w", ErrUntitled)
	}
	return d.newJob(d.path, false), nil
}

// StartSaveAs snapshots the current plan for a save to path (".scaleplan"
// is added when path has no such extension). The document moves to path
// only when FinishSave sees the write succeed.
func (d *Document) StartSaveAs(path string) (*SaveJob, error) {
	if strings.TrimSpace(path) == "" {
		return nil, fmt.Errorf("save as: no file name given")
	}
	return d.newJob(absPath(WithExtension(path)), true), nil
}

func (d *Document) newJob(path string, as bool) *SaveJob {
	d.saveSeq++
	d.inFlight++
	d.mergeable = false // the written state stays reachable through undo
	if d.writes == nil {
		d.writes = &writeLog{last: map[string]uint64{}}
	}
	return &SaveJob{plan: d.Snapshot(), gen: d.gen, seq: d.saveSeq, path: path, as: as, log: d.writes}
}

// Saving reports whether a save started with StartSave or StartSaveAs has
// not been finished yet.
func (d *Document) Saving() bool { return d.inFlight > 0 }

// FinishSave records the result of j.Write and returns its error. After a
// successful write, the state that was written counts as saved, unless a
// later save has been started since (that one decides): edits made while
// the file was written keep the document dirty, and undoing back to the
// written state makes it clean. A failed write leaves the document's path,
// history and dirty flag as they were.
func (d *Document) FinishSave(j *SaveJob) error {
	if !j.finished {
		j.finished = true
		d.inFlight--
	}
	if !j.wrote {
		return fmt.Errorf("save %s: the file was not written", filepath.Base(j.path))
	}
	if j.err != nil {
		return j.err
	}
	if j.seq != d.saveSeq {
		return nil // a newer save is the candidate now
	}
	d.path = j.path
	d.savedGen = j.gen
	d.mergeable = false
	d.changed()
	return nil
}

// Save writes the plan to Path() atomically, on the calling goroutine
// (StartSave, Write, FinishSave). An untitled document returns
// ErrUntitled. On failure the document keeps its plan, path, history and
// dirty flag, and the error says why.
func (d *Document) Save() error {
	j, err := d.StartSave()
	if err != nil {
		return err
	}
	j.Write()
	return d.FinishSave(j)
}

// SaveAs writes the plan to path, adding ".scaleplan" when path has no such
// extension, and makes that the document's file. On failure the document
// keeps its old path and stays dirty: nothing is lost.
func (d *Document) SaveAs(path string) error {
	j, err := d.StartSaveAs(path)
	if err != nil {
		return err
	}
	j.Write()
	return d.FinishSave(j)
}

// WithExtension returns path with ".scaleplan" appended unless it already
// ends in it (in any letter case).
func WithExtension(path string) string {
	if strings.EqualFold(filepath.Ext(path), Extension) {
		return path
	}
	return path + Extension
}

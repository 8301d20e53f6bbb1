package app

import (
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"time"

	"scaleplan/assets"
	"scaleplan/scenario"
)

// Extension is the file name extension of plan files.
const Extension = ".scaleplan"

// AppName is the product name shown in window titles.
const AppName = "Scaleplan"

// UntitledName is the name of a document that has never been saved.
const UntitledName = "Untitled"

// MergeWindow is how close in time two edits of one field (the same merge
// key) must be to merge into one undo step (typing into one field).
const MergeWindow = time.Second

// ErrUntitled is returned by Save for a document that has no file yet: the
// caller should ask for a path and use SaveAs.
var ErrUntitled = errors.New("the plan has no file yet: use Save As")

// noGeneration is a generation no plan ever has: a document whose saved
// generation is noGeneration is dirty in every state.
const noGeneration = 0

// step is one entry of the undo or redo stack: a plan state, its generation,
// and the label of the edit that leads away from (undo) or back to (redo) it.
type step struct {
	plan  *scenario.Plan
	gen   uint64
	label string
}

// Document is the open plan: its file path, undo/redo history and dirty
// flag. Use it from one goroutine (the UI's); Snapshot gives an immutable
// deep copy for other goroutines.
type Document struct {
	plan      *scenario.Plan
	gen       uint64 // generation of plan: changes with every new state
	lastGen   uint64 // the last generation handed out
	savedGen  uint64 // generation last saved or opened
	path      string
	undo      []step
	redo      []step
	mergeable bool   // the top undo step may absorb the next same-key edit
	lastKey   string // merge key of the last edit ("" never merges)
	typing    bool   // the last edit was EditTyping: merging ignores MergeWindow
	lastEdit  time.Time
	listeners []func()
	now       func() time.Time
	// saveSeq numbers the saves started: the latest one decides what
	// counts as saved. inFlight counts the saves not finished yet.
	saveSeq  uint64
	inFlight int
	writes   *writeLog // shared with the save jobs' goroutines
}

// NewDocument returns a clean document for plan p, stored at path ("" for an
// untitled plan). The document takes ownership of p: do not change p later.
func NewDocument(p *scenario.Plan, path string) *Document {
	d := &Document{plan: p, path: absPath(path), now: time.Now}
	d.gen = d.newGen()
	d.savedGen = d.gen
	return d
}

// OpenDocument reads and validates the plan file at path. Errors say where
// the file is wrong (a scenario.Errors for invalid values, reachable with
// errors.As) and refuse files from a newer version (scenario.ErrNewerVersion).
func OpenDocument(path string) (*Document, error) {
	p, err := scenario.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("open: %w", err)
	}
	return NewDocument(p, path), nil
}

// absPath makes path absolute when it can, so one file has one name.
func absPath(path string) string {
	if path == "" {
		return ""
	}
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return filepath.Clean(path)
}

func (d *Document) newGen() uint64 {
	d.lastGen++
	return d.lastGen
}

// Plan returns the current plan. Callers must not change it: use Edit.
func (d *Document) Plan() *scenario.Plan { return d.plan }

// Snapshot returns a deep copy of the current plan, safe to hand to another
// goroutine.
func (d *Document) Snapshot() *scenario.Plan { return d.plan.Clone() }

// Generation identifies the current plan state: every edit makes a new one,
// and undo/redo return to the state's earlier number, so callers can tell
// whether they have already seen (computed, drawn) this state.
func (d *Document) Generation() uint64 { return d.gen }

// Path returns the file the document is stored in, or "" if untitled.
func (d *Document) Path() string { return d.path }

// Name returns the file's base name, or "Untitled".
func (d *Document) Name() string {
	if d.path == "" {
		return UntitledName
	}
	return filepath.Base(d.path)
}

// Title returns the window title: "sample.scaleplan — Scaleplan", with a
// leading "*" while there are unsaved changes.
func (d *Document) Title() string {
	t := d.Name() + " — " + AppName
	if d.Dirty() {
		return "*" + t
	}
	return t
}

// Dirty reports whether the plan differs from the one last saved or opened.
// Undoing back to the saved state makes the document clean again.
func (d *Document) Dirty() bool { return d.gen != d.savedGen }

// OnChange registers fn to run synchronously after every Edit that changes
// the plan, and after every successful Undo, Redo, Save and SaveAs.
func (d *Document) OnChange(fn func()) { d.listeners = append(d.listeners, fn) }

func (d *Document) changed() {
	for _, fn := range d.listeners {
		fn()
	}
}

// Edit applies fn to a deep copy of the plan. If fn returns an error, or the
// result does not validate (then the error is a scenario.Errors with the
// path of every bad input), nothing changes and the error is returned.
// A panic in fn is returned as an error, with nothing changed.
// A value typed outside its input's range widens the range (scenario.FollowRanges).
// Variants are reconciled first (scenario.Reconcile): an input changed in a
// variant becomes one of its overrides, and an edit to a base flows into
// every variant that does not override that input.
// Otherwise the copy becomes the current plan, the previous one goes on the
// undo stack (the redo stack is cleared), the document is dirty and the
// listeners run. An edit that changes nothing does nothing. label names the
// edit for the menu ("Edit Invite conversion"). Every Edit is its own undo
// step; typing uses EditField.
func (d *Document) Edit(label string, fn func(p *scenario.Plan) error) error {
	return d.edit(label, "", fn)
}

// EditField is Edit for typing into one field: consecutive edits with the
// same key (the scenario's ID and the field's path, say) within
// MergeWindow merge into one undo step. Another key, an undo or redo, a
// save or EndMerge starts a new step.
func (d *Document) EditField(label, key string, fn func(p *scenario.Plan) error) error {
	return d.edit(label, key, fn)
}

// EndMerge makes the next edit start a new undo step (call it when the
// user turns to something else, such as another scenario).
func (d *Document) EndMerge() { d.mergeable = false }

// EditTyping is EditField for one edit of a field as the user makes it,
// from the first keystroke until the UI calls EndMerge (the user confirms,
// cancels or leaves the field): every change with the same key joins one
// undo step however long the typing takes, and a change that brings the
// plan back to where the step began removes the step (the edit undid
// itself: nothing to undo, and a saved document is clean again).
func (d *Document) EditTyping(label, key string, fn func(p *scenario.Plan) error) error {
	next := d.plan.Clone()
	if err := safeEdit(label, fn, next); err != nil {
		return err
	}
	scenario.FollowRanges(d.plan, next) // as in edit: a typed value widens its range
	scenario.Reconcile(d.plan, next)    // as in edit: a variant's edits become overrides
	if err := next.Validate(); err != nil {
		return err
	}
	if reflect.DeepEqual(next, d.plan) {
		return nil
	}
	merging := d.mergeable && d.typing && key != "" && key == d.lastKey && len(d.undo) > 0
	if merging && reflect.DeepEqual(next, d.undo[len(d.undo)-1].plan) {
		s, _ := pop(&d.undo)
		d.plan, d.gen = s.plan, s.gen
		d.redo = nil
		d.mergeable = false
		d.changed()
		return nil
	}
	if !merging {
		d.undo = append(d.undo, step{plan: d.plan, gen: d.gen, label: label})
	}
	d.redo = nil
	d.plan, d.gen = next, d.newGen()
	d.mergeable, d.typing, d.lastKey, d.lastEdit = key != "", true, key, d.now()
	d.changed()
	return nil
}

// edit applies fn; key "" never merges.
func (d *Document) edit(label, key string, fn func(p *scenario.Plan) error) error {
	next := d.plan.Clone()
	if err := safeEdit(label, fn, next); err != nil {
		return err
	}
	scenario.FollowRanges(d.plan, next) // a typed value outside its range widens it
	scenario.Reconcile(d.plan, next)    // a variant's edits become overrides; base edits flow down
	if err := next.Validate(); err != nil {
		return err
	}
	if reflect.DeepEqual(next, d.plan) {
		return nil
	}
	now := d.now()
	if !d.canMerge(key, now) {
		d.undo = append(d.undo, step{plan: d.plan, gen: d.gen, label: label})
	}
	d.redo = nil
	d.plan, d.gen = next, d.newGen()
	d.mergeable, d.typing, d.lastKey, d.lastEdit = key != "", false, key, now
	d.changed()
	return nil
}

// safeEdit runs fn on p, turning a panic in fn (an index past the end of
// a list, say) into an error: a bad edit is refused, it never takes the
// app and the user's unsaved work down.
func safeEdit(label string, fn func(p *scenario.Plan) error, p *scenario.Plan) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("%s: internal error: %v", label, v)
		}
	}()
	return fn(p)
}

// canMerge reports whether an edit with merge key key at now continues the
// last edit's undo step.
func (d *Document) canMerge(key string, now time.Time) bool {
	return d.mergeable && !d.typing && key != "" && len(d.undo) > 0 && key == d.lastKey &&
		now.Sub(d.lastEdit) < MergeWindow && now.Sub(d.lastEdit) >= 0
}

// Undo goes back one step; it reports false if there is nothing to undo.
func (d *Document) Undo() bool { return d.travel(&d.undo, &d.redo) }

// Redo repeats the last undone step; it reports false if there is none.
func (d *Document) Redo() bool { return d.travel(&d.redo, &d.undo) }

// travel restores the top step of from and pushes the current state on to,
// under the same label; it reports false if from is empty.
func (d *Document) travel(from, to *[]step) bool {
	s, ok := pop(from)
	if !ok {
		return false
	}
	*to = append(*to, step{plan: d.plan, gen: d.gen, label: s.label})
	d.restore(s)
	return true
}

// pop removes and returns the top step of a stack.
func pop(stack *[]step) (step, bool) {
	n := len(*stack)
	if n == 0 {
		return step{}, false
	}
	s := (*stack)[n-1]
	(*stack)[n-1] = step{}
	*stack = (*stack)[:n-1]
	return s, true
}

// restore makes s the current state; the next edit starts a new undo step.
func (d *Document) restore(s step) {
	d.plan, d.gen = s.plan, s.gen
	d.mergeable = false
	d.changed()
}

// CanUndo reports whether Undo would do something.
func (d *Document) CanUndo() bool { return len(d.undo) > 0 }

// CanRedo reports whether Redo would do something.
func (d *Document) CanRedo() bool { return len(d.redo) > 0 }

// UndoLabel names the edit Undo would revert ("" if none), for "Undo …".
func (d *Document) UndoLabel() string {
	if len(d.undo) == 0 {
		return ""
	}
	return d.undo[len(d.undo)-1].label
}

// RedoLabel names the edit Redo would repeat ("" if none), for "Redo …".
func (d *Document) RedoLabel() string {
	if len(d.redo) == 0 {
		return ""
	}
	return d.redo[len(d.redo)-1].label
}

// SampleDocument returns an untitled, clean document holding the embedded
// sample plan (assets.SamplePlan): what the app shows on first start.
func SampleDocument() (*Document, error) {
	p, err := scenario.Decode(assets.SamplePlan)
	if err != nil {
		return nil, fmt.Errorf("sample plan: %w", err)
	}
	return NewDocument(p, ""), nil
}

package app

import "scaleplan/scenario"

// Session is one window's state around the open plan, without widgets:
// the document and the selected scenario, the plan last sent to be
// computed and the results shown, the drafts and recent files, and the
// saves and exports being written (quitting and closing the plan wait
// for them). Use it from the UI goroutine.
type Session struct {
	doc    *Document
	sel    int
	drafts *Drafts
	recent *Recent
	// recovering is set while the recover-draft question is open: the
	// draft must not be overwritten or removed before the user answers.
	recovering bool

	asked      *scenario.Plan // the snapshot last sent to be computed
	shown      *scenario.Plan // the plan of results
	results    []*scenario.Result
	computeErr error
	sim        sims // simulation results and the running job (simulate.go)

	exports  int      // exports being written
	waiting  []func() // run once no save or export is being written
	quitting bool     // a quit waits for them
}

// NewSession returns a session without a document (SetDocument gives it
// one) that autosaves to drafts and remembers files in recent.
func NewSession(drafts *Drafts, recent *Recent) *Session {
	return &Session{drafts: drafts, recent: recent}
}

// Doc returns the open document (nil before SetDocument).
func (s *Session) Doc() *Document { return s.doc }

// Drafts returns the autosave of the open document.
func (s *Session) Drafts() *Drafts { return s.drafts }

// Recent returns the recent files.
func (s *Session) Recent() *Recent { return s.recent }

// Selected returns the index of the selected scenario.
func (s *Session) Selected() int { return s.sel }

// Scenario returns the selected scenario of the current plan (do not
// change it: use the Document's edits).
func (s *Session) Scenario() *scenario.Scenario { return &s.doc.Plan().Scenarios[s.sel] }

// SetDocument makes d the open document, selects its first scenario and
// forgets the results of the previous one.
func (s *Session) SetDocument(d *Document) {
	s.doc, s.sel = d, 0
	s.shown, s.results = nil, nil
	s.dropSimulations()
}

// Select selects scenario i; it reports false, changing nothing, if the
// plan has no such scenario. The next edit starts a new undo step: an edit
// here never merges with one in another scenario.
func (s *Session) Select(i int) bool {
	if i < 0 || i >= len(s.doc.Plan().Scenarios) {
		return false
	}
	s.sel = i
	s.doc.EndMerge()
	return true
}

// Changed follows a change of the document: the selection stays within
// the plan, a draft is scheduled (unless the recover question is open) and
// a snapshot is taken to be computed, which it returns.
func (s *Session) Changed() *scenario.Plan {
	if n := len(s.doc.Plan().Scenarios); s.sel >= n {
		s.sel = n - 1
	}
	if !s.recovering {
		s.drafts.Schedule(s.doc)
	}
	s.asked = s.doc.Snapshot()
	return s.asked
}

// Asked returns the plan last sent to be computed (Changed).
func (s *Session) Asked() *scenario.Plan { return s.asked }

// Computed takes the results rs (or the error err) of computing p. Results
// of any other plan than the one last asked for are late (an edit, New,
// Open or a deleted scenario came since): fresh is false and nothing
// changes, as they would show under the wrong scenario. show reports
// whether the results are new ones to show.
func (s *Session) Computed(p *scenario.Plan, rs []*scenario.Result, err error) (fresh, show bool) {
	if p != s.asked {
		return false, false
	}
	s.computeErr = err
	if err != nil || s.sel >= len(rs) {
		return true, false
	}
	s.shown, s.results = p, rs
	return true, true
}

// Results returns the latest results shown and the plan they are of (nil
// before the first).
func (s *Session) Results() (*scenario.Plan, []*scenario.Result) { return s.shown, s.results }

// Status is the status bar's message about the document, given the number
// of inputs showing invalid text, and its severity.
func (s *Session) Status(invalid []string) (string, Severity) {
	return StatusFacts{
		ComputeErr:  s.computeErr,
		Invalid:     invalid,
		AutosaveErr: s.drafts.LastError(),
		Saving:      s.doc.Saving(),
		Dirty:       s.doc.Dirty(),
	}.Message()
}

// SetRecovering marks the recover-draft question open (on) or answered.
func (s *Session) SetRecovering(on bool) { s.recovering = on }

// Recovering reports whether the recover-draft question is open.
func (s *Session) Recovering() bool { return s.recovering }

// DropDraft removes the draft of the open plan, once its work is saved or
// knowingly dropped (the plan is replaced or closed); while the recover
// question is open the draft stays.
func (s *Session) DropDraft() error {
	if s.recovering {
		return nil
	}
	return s.drafts.Clear()
}

// Saved records a successful save of doc: its file is the first recent
// file, and the draft goes (or is rescheduled, when edits came in while
// the file was written).
func (s *Session) Saved(doc *Document) error {
	s.recent.Add(doc.Path())
	if doc != s.doc {
		return nil
	}
	if doc.Dirty() {
		s.drafts.Schedule(doc)
		return nil
	}
	return s.drafts.Clear()
}

// Busy reports whether a save or an export is still being written.
func (s *Session) Busy() bool {
	return (s.doc != nil && s.doc.Saving()) || s.exports > 0
}

// WhenIdle runs fn now, or once the saves and exports being written are
// done (RunWhenIdle).
func (s *Session) WhenIdle(fn func()) {
	if !s.Busy() {
		fn()
		return
	}
	s.waiting = append(s.waiting, fn)
}

// RunWhenIdle runs what waits for saves and exports, once none is being
// written: call it after a save or an export finishes.
func (s *Session) RunWhenIdle() {
	if s.Busy() {
		return
	}
	fns := s.waiting
	s.waiting = nil
	for _, fn := range fns {
		fn()
	}
}

// ExportStarted counts an export being written.
func (s *Session) ExportStarted() { s.exports++ }

// ExportDone counts an export finished and runs what waited for it.
func (s *Session) ExportDone() {
	s.exports--
	s.RunWhenIdle()
}

// QuitWhenIdle reports whether a quit must wait for the saves and exports
// being written; then quit runs again once they are done, once however
// often it was asked meanwhile.
func (s *Session) QuitWhenIdle(quit func()) bool {
	if s.quitting {
		return true
	}
	if !s.Busy() {
		return false
	}
	s.quitting = true
	s.WhenIdle(func() {
		s.quitting = false
		quit()
	})
	return true
}

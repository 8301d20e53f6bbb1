package app

import (
	"fmt"
	"sync"

	"scaleplan/scenario"
)

// Recomputer computes plans off the UI thread on one worker goroutine.
// Requests coalesce: while it computes, newer requests replace each other,
// and a result is delivered only if no newer request arrived meanwhile.
type Recomputer struct {
	done    func(p *scenario.Plan, rs []*scenario.Result, err error)
	compute func(p *scenario.Plan) ([]*scenario.Result, error) // scenario.ComputePlan; tests replace it

	mu     sync.Mutex
	next   *scenario.Plan
	seq    uint64 // number of the newest request
	closed bool

	wake     chan struct{}
	quit     chan struct{}
	finished chan struct{}
	once     sync.Once
}

// NewRecomputer starts the worker. done receives the plan computed, its
// results (scenario.ComputePlan) and error, on the worker goroutine: the UI
// must hand widget updates to fyne.Do, and done must not wait for the UI
// thread (Close waits for done to return).
func NewRecomputer(done func(p *scenario.Plan, rs []*scenario.Result, err error)) *Recomputer {
	return newRecomputer(done, scenario.ComputePlan)
}

func newRecomputer(done func(*scenario.Plan, []*scenario.Result, error), compute func(*scenario.Plan) ([]*scenario.Result, error)) *Recomputer {
	r := &Recomputer{
		done:     done,
		compute:  compute,
		wake:     make(chan struct{}, 1),
		quit:     make(chan struct{}),
		finished: make(chan struct{}),
	}
	go r.loop()
	return r
}

// Request asks for p to be computed. p must be a snapshot nobody changes
// later (Document.Snapshot). It never blocks; after Close it does nothing.
func (r *Recomputer) Request(p *scenario.Plan) {
	if p == nil {
		return
	}
	r.mu.Lock()
	if r.closed {
		r.mu.Unlock()
		return
	}
	r.next = p
	r.seq++
	r.mu.Unlock()
	select {
	case r.wake <- struct{}{}:
	default: // the worker has been woken already and will take the newest
	}
}

// Close stops the worker and waits for it to exit. No result is delivered
// after Close returns. Calling Close again does nothing.
func (r *Recomputer) Close() {
	r.once.Do(func() {
		r.mu.Lock()
		r.closed = true
		r.next = nil
		r.mu.Unlock()
		close(r.quit)
	})
	<-r.finished
}

func (r *Recomputer) loop() {
	defer close(r.finished)
	for {
		select {
		case <-r.quit:
			return
		case <-r.wake:
		}
		p, seq := r.take()
		if p == nil {
			continue
		}
		rs, err := safeCompute(r.compute, p)
		r.deliver(seq, p, rs, err)
	}
}

// take returns the newest request and its number.
func (r *Recomputer) take() (*scenario.Plan, uint64) {
	r.mu.Lock()
	defer r.mu.Unlock()
	p := r.next
	r.next = nil
	return p, r.seq
}

// deliver calls done unless a newer request came in or the worker is closed.
// Close waits for the worker to exit, so it never returns while done runs.
func (r *Recomputer) deliver(seq uint64, p *scenario.Plan, rs []*scenario.Result, err error) {
	r.mu.Lock()
	stale := r.closed || seq != r.seq
	r.mu.Unlock()
	if !stale {
		r.done(p, rs, err)
	}
}

// safeCompute runs compute (scenario.ComputePlan), turning a panic into an
// error so a model bug cannot take the app down.
func safeCompute(compute func(*scenario.Plan) ([]*scenario.Result, error), p *scenario.Plan) (rs []*scenario.Result, err error) {
	defer func() {
		if v := recover(); v != nil {
			rs, err = nil, fmt.Errorf("compute: internal error: %v", v)
		}
	}()
	rs, err = compute(p)
	if err != nil {
		return nil, fmt.Errorf("compute: %w", err)
	}
	return rs, nil
}

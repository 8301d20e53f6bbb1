package app

import (
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"

	"scaleplan/scenario"
)

type delivery struct {
	p   *scenario.Plan
	rs  []*scenario.Result
	err error
}

func collector() (chan delivery, func(*scenario.Plan, []*scenario.Result, error)) {
	ch := make(chan delivery, 100)
	return ch, func(p *scenario.Plan, rs []*scenario.Result, err error) { ch <- delivery{p, rs, err} }
}

func receive(t *testing.T, ch chan delivery) delivery {
	t.Helper()
	select {
	case d := <-ch:
		return d
	case <-time.After(5 * time.Second):
		t.Fatal("no result within 5 s")
		return delivery{}
	}
}

func TestRecomputerComputesPlan(t *testing.T) {
	ch, done := collector()
	r := NewRecomputer(done)
	defer r.Close()
	p := samplePlan(t)
	r.Request(p)
	got := receive(t, ch)
	if got.err != nil || got.p != p || len(got.rs) != len(p.Scenarios) || got.rs[0].Viral == nil {
		t.Fatalf("delivery %+v", got)
	}
	bad := p.Clone()
	bad.Scenarios[0].HorizonMonths = 0
	r.Request(bad)
	got = receive(t, ch)
	var es scenario.Errors
	if got.p != bad || got.rs != nil || !errors.As(got.err, &es) {
		t.Errorf("invalid plan: %+v", got)
	}
}

// TestRecomputerCoalesces holds the worker inside a computation while newer
// requests arrive: the running result is dropped, the queued ones collapse
// into the newest, and that is the only one delivered.
func TestRecomputerCoalesces(t *testing.T) {
	ch, done := collector()
	started := make(chan *scenario.Plan, 100)
	release := make(chan struct{})
	r := newRecomputer(done, func(p *scenario.Plan) ([]*scenario.Result, error) {
		started <- p
		<-release
		return nil, nil
	})
	defer r.Close()
	plans := make([]*scenario.Plan, 5)
	for i := range plans {
		plans[i] = scenario.NewPlan("p")
	}
	r.Request(plans[0])
	if p := <-started; p != plans[0] {
		t.Fatal("the first request was not computed first")
	}
	for _, p := range plans[1:] { // arrive while plans[0] computes
		r.Request(p)
	}
	close(release)
	if got := receive(t, ch); got.p != plans[4] {
		t.Errorf("delivered plan %d, want the newest", index(plans, got.p))
	}
	if p := <-started; p != plans[4] {
		t.Errorf("computed plan %d second, want the newest", index(plans, p))
	}
	last := scenario.NewPlan("last")
	r.Request(last)
	if got := receive(t, ch); got.p != last { // anything stale would have come first
		t.Errorf("delivered plan %d, want the last request", index(plans, got.p))
	}
}

func index(ps []*scenario.Plan, p *scenario.Plan) int {
	for i, q := range ps {
		if q == p {
			return i
		}
	}
	return -1
}

func TestRecomputerPanicBecomesError(t *testing.T) {
	ch, done := collector()
	r := newRecomputer(done, func(*scenario.Plan) ([]*scenario.Result, error) { panic("model bug") })
	defer r.Close()
	r.Request(scenario.NewPlan("p"))
	if got := receive(t, ch); got.err == nil || !strings.Contains(got.err.Error(), "model bug") {
		t.Errorf("error %v", got.err)
	}
}

func TestRecomputerCloseStopsWorker(t *testing.T) {
	before := runtime.NumGoroutine()
	ch, done := collector()
	release, started := make(chan struct{}), make(chan struct{})
	r := newRecomputer(done, func(*scenario.Plan) ([]*scenario.Result, error) {
		close(started)
		<-release
		return nil, nil
	})
	r.Request(scenario.NewPlan("p"))
	<-started
	closed := make(chan struct{})
	go func() { r.Close(); close(closed) }()
	eventually(t, 3*time.Second, "Close did not start", func() bool {
		r.mu.Lock()
		defer r.mu.Unlock()
		return r.closed
	})
	select {
	case <-closed:
		t.Fatal("Close returned while a computation was running")
	default:
	}
	close(release) // the running computation ends; its result must not be delivered
	<-closed
	r.Close() // twice is fine
	r.Request(scenario.NewPlan("after"))
	select {
	case got := <-ch:
		t.Errorf("delivered %q after Close", got.p.Name)
	default:
	}
	eventually(t, 3*time.Second, "worker goroutine still running", func() bool { return runtime.NumGoroutine() <= before })
}

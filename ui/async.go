package ui

import "fyne.io/fyne/v2"

// This file is the one place where work started on other goroutines comes
// back to the UI thread. Everything else in the package runs on Fyne's
// thread and may touch widgets directly.

// onUI runs fn on Fyne's UI thread. Call it from goroutines only.
func onUI(fn func()) { fyne.Do(fn) }

// background runs work on a new goroutine and hands its result to done on
// the UI thread.
func background[T any](work func() T, done func(T)) {
	go func() {
		v := work()
		onUI(func() { done(v) })
	}()
}

// work runs work like background, or at once on the calling goroutine when
// u is synchronous (tests with the fyne test driver).
func work[T any](u *UI, work func() T, done func(T)) {
	if u.sync {
		done(work())
		return
	}
	background(work, done)
}

// post runs fn on the UI thread from a goroutine: through fyne.Do, or, when
// a test set u.posted, by handing it to the test, which runs it on its own
// goroutine as an event loop would (the test driver has none).
func (u *UI) post(fn func()) {
	if u.posted != nil {
		u.posted <- fn
		return
	}
	onUI(fn)
}

package atomicfile

import (
	"os"
	"os/signal"
	"syscall"
)

// ExitOnSignal installs a handler for SIGINT and SIGTERM that removes the
// temporary files being written, calls notify (if not nil) with the signal
// and the files removed, and exits with status 128 + the signal's number
// (130, 143), as a shell reports a process killed by it. stop uninstalls
// the handler.
func ExitOnSignal(notify func(sig os.Signal, removed []string)) (stop func()) {
	ch := make(chan os.Signal, 1)
	done := make(chan struct{})
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	go func() {
		select {
		case sig := <-ch:
			removed, _ := RemovePending() // never released: the process ends
			if notify != nil {
				notify(sig, removed)
			}
			code := 1
			if s, ok := sig.(syscall.Signal); ok {
				code = 128 + int(s)
			}
			os.Exit(code)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(ch)
		close(done)
	}
}

// Command scaleplan is the Scaleplan desktop app: it opens the plan file
// given as its argument, or the sample plan, in a window (see package ui).
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime/debug"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"scaleplan/assets"
	"scaleplan/scenario/atomicfile"
	"scaleplan/ui"
)

func main() {
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: scaleplan [PLAN.scaleplan]")
	}
	flag.Parse()
	if flag.NArg() > 1 {
		flag.Usage()
		os.Exit(2)
	}
	// SIGINT and SIGTERM remove a save's or an export's unfinished
	// temporary file before the app exits (the last autosaved draft stays
	// for recovery).
	atomicfile.ExitOnSignal(func(sig os.Signal, _ []string) {
		fmt.Fprintf(os.Stderr, "scaleplan: stopped (%v)\n", sig)
	})
	a := fyneapp.NewWithID(ui.AppID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	// The window is shown first: creating it and its GL context takes the
	// main thread ~100 ms, while the text faces load on the other cores;
	// the plan is then laid out into it and drawn when the app runs. The
	// window appears as soon as a bare Fyne window would, and the plan
	// about 0.1 s later (make startup measures both).
	fonts := ui.WarmFonts()
	w := a.NewWindow("Scaleplan")
	w.Resize(fyne.NewSize(1400, 900))
	w.Show()
	fonts()
	u := ui.New(a, w, ui.Options{})
	u.Start(flag.Arg(0))
	a.Lifecycle().SetOnStarted(func() { go releaseStartupGarbage() })
	a.Run()
}

// releaseStartupGarbage returns the memory that start-up used and no longer
// needs (font files read whole, layouts measured and thrown away) to the
// system once the window has settled, instead of keeping it resident until
// the heap grows into it: about 15 MB with the sample plan.
func releaseStartupGarbage() {
	time.Sleep(2 * time.Second)
	debug.FreeOSMemory()
}

package ui

import (
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// WarmFonts loads the regular and bold text faces on other goroutines
// and returns a func that waits for them. The window's first layout
// measures text in both (labels and fields; buttons, tabs, headings and
// the Overview's figures are bold), and reading and parsing a face takes
// tens of milliseconds: started before the window is created and shown,
// that work runs on the other cores while the main thread sets up the
// window and its GL context, instead of after. Call it once the app
// exists (the faces come from its theme) and wait before building the
// window's content; it touches no widget.
func WarmFonts() (wait func()) {
	var wg sync.WaitGroup
	for _, style := range []fyne.TextStyle{{}, {Bold: true}} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fyne.MeasureText("Scaleplan", theme.TextSize(), style)
		}()
	}
	return wg.Wait
}

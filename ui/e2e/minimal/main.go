// Command minimal is the floor that ui/e2e/startup.sh measures Scaleplan
// against: a Fyne window of the same size holding one label, built and
// started the same way as cmd/scaleplan.
package main

import (
	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := fyneapp.NewWithID("app.scaleplan.Minimal")
	w := a.NewWindow("Minimal")
	w.SetContent(widget.NewLabel("Hello"))
	w.Resize(fyne.NewSize(1400, 900))
	w.ShowAndRun()
}

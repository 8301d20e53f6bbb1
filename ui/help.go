package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"scaleplan/assets"
)

// modelsMarkdown is the "How the models work" page: assets' copy of
// docs/MODELS.md.
var modelsMarkdown = assets.ModelsMarkdown

// showModels shows the models' documentation in a scrollable window.
func (m *menus) showModels() {
	u := m.u
	rt := widget.NewRichTextFromMarkdown(modelsMarkdown)
	rt.Wrapping = fyne.TextWrapWord
	w := u.app.NewWindow("How the models work — Scaleplan")
	w.SetContent(container.NewVScroll(container.NewPadded(rt)))
	w.Resize(fyne.NewSize(820, 700))
	w.Show()
}

// showAbout shows the version and what the app is.
func (m *menus) showAbout() {
	u := m.u
	md := u.app.Metadata()
	v := md.Version
	if v == "" {
		v = "development"
	}
	text := widget.NewRichTextFromMarkdown(fmt.Sprintf("**Scaleplan** %s\n\n"+
		"Scenario planning for how a startup scales: viral loop, sales team, fulfillment and market expansion.\n\n"+
		"Everything stays on this computer: Scaleplan never uses the network.", v))
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("About Scaleplan", "Close", text, u.win)
	dialogKeys(u.win, d, d.Hide, d.Hide)
	d.Resize(fyne.NewSize(460, 240))
	d.Show()
}

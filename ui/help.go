package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// modelsMarkdown is the "How the models work" page (assets' copy of
// docs/MODELS.md when the build embeds it; see help_assets.go).
var modelsMarkdown = `# How the models work

**Viral loop.** K = invites per user × invite conversion. Each viral cycle,
new users invite others; K above 1 grows by itself, 0.5–1 is sustainable,
below 0.5 needs paid acquisition. Churn, paid users and a market size cap
shape the curve.

**Sales team.** ARR moves the team through stages (Founder Sales, First
Sales Hire, Build Sales Machine, Scale Sales Machine). New AEs ramp up over
their first months; attrition is backfilled; new ARR comes from founders and
ramped AEs.

**Fulfillment.** Every model costs a fixed amount a month plus a cost per
order. The recommended plan picks the cheapest sequence of models over the
horizon, setup costs included, and is compared with the rule of thumb
(0–100, 100–1,000, 1,000+ orders a month).

**Markets.** Each market is scored 1–5 on weighted factors (5 = most
favourable); the highest weighted score wins.
`

// showModels shows the models' documentation in a scrollable window.
func (u *UI) showModels() {
	rt := widget.NewRichTextFromMarkdown(modelsMarkdown)
	rt.Wrapping = fyne.TextWrapWord
	w := u.app.NewWindow("How the models work — Scaleplan")
	w.SetContent(container.NewVScroll(container.NewPadded(rt)))
	w.Resize(fyne.NewSize(820, 700))
	w.Show()
}

// showAbout shows the version and what the app is.
func (u *UI) showAbout() {
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
	d.Resize(fyne.NewSize(460, 240))
	d.Show()
}

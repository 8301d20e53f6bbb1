package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"scaleplan/scenario"
)

// riskAnalysis is the Risk tab's questions asked of the model directly:
// the tornado of an output, goal seek and decision thresholds.
type riskAnalysis struct {
	u   *UI
	box *fyne.Container
}

func newRiskAnalysis(u *UI) *riskAnalysis {
	return &riskAnalysis{u: u, box: container.NewVBox()}
}

func (a *riskAnalysis) content() fyne.CanvasObject { return a.box }

// load follows the selected scenario.
func (a *riskAnalysis) load(p *scenario.Plan, sel int) {}

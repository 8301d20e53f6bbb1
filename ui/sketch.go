package ui

import (
	"errors"
	"image"

	"scaleplan/export/chart"
	"scaleplan/scenario"
)

// densitySketch draws the density a range draws from, for the Range
// dialog.
func densitySketch(r scenario.Range, path string, value float64, th chart.Theme, w, h int, dpi float64) (image.Image, error) {
	return nil, errors.New("density sketch: not drawn yet")
}

// tornadoChart draws a tornado for the Risk tab.
func tornadoChart(t *scenario.Tornado, currency string, label func(string) string, th chart.Theme, w, h int, dpi float64) (image.Image, error) {
	return nil, errors.New("tornado chart: not drawn yet")
}

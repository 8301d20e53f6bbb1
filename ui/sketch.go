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

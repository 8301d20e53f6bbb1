package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// statusBar is the window's bottom line. While an input is invalid it names
// it, and tapping it goes there.
type statusBar struct {
	widget.Label
	onTap func()
}

func newStatusBar() *statusBar {
	s := &statusBar{}
	s.Truncation = fyne.TextTruncateEllipsis
	s.ExtendBaseWidget(s)
	return s
}

// Tapped goes to the first invalid input, if any.
func (s *statusBar) Tapped(*fyne.PointEvent) {
	if s.onTap != nil {
		s.onTap()
	}
}

// Cursor is the pointing hand while the bar leads somewhere.
func (s *statusBar) Cursor() desktop.Cursor {
	if s.onTap != nil {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}

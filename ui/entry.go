package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// fieldEntry is the entry of a field: it reports Escape (cancel the edit)
// and losing the focus (the edit ends), and a one-line entry does not
// scroll its text, so the mouse wheel over it scrolls the form.
type fieldEntry struct {
	widget.Entry
	onEscape    func()
	onFocusLost func()
}

func newFieldEntry() *fieldEntry {
	e := &fieldEntry{}
	e.Scroll = container.ScrollNone
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey handles Escape; everything else is the entry's.
func (e *fieldEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.onEscape != nil {
		e.onEscape()
		return
	}
	e.Entry.TypedKey(k)
}

// FocusLost ends the edit.
func (e *fieldEntry) FocusLost() {
	e.Entry.FocusLost()
	if e.onFocusLost != nil {
		e.onFocusLost()
	}
}

// newLineEntry is a plain one-line entry that, like a field's, does not
// scroll its text, so the mouse wheel over it scrolls the screen.
func newLineEntry() *widget.Entry {
	e := &widget.Entry{Scroll: container.ScrollNone}
	e.ExtendBaseWidget(e)
	return e
}

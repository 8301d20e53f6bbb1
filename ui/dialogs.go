package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// dialogKeys makes Enter confirm and Escape cancel dialog d while it shows:
// the window's key handler takes both (nothing is focused but an entry of
// the dialog, whose own Enter and Escape call the same functions). The
// window's previous key handler comes back when the dialog closes.
func dialogKeys(w fyne.Window, d dialog.Dialog, confirm, cancel func()) {
	c := w.Canvas()
	prev := c.OnTypedKey()
	c.Unfocus() // keys must not reach an entry behind the dialog
	c.SetOnTypedKey(func(k *fyne.KeyEvent) {
		switch k.Name {
		case fyne.KeyReturn, fyne.KeyEnter:
			confirm()
		case fyne.KeyEscape:
			cancel()
		default:
			if prev != nil {
				prev(k)
			}
		}
	})
	d.SetOnClosed(func() { c.SetOnTypedKey(prev) })
}

// dialogEntry is an entry of a dialog: Enter confirms, Escape cancels.
func dialogEntry(confirm, cancel func()) *fieldEntry {
	e := newFieldEntry()
	e.OnSubmitted = func(string) { confirm() }
	e.onEscape = cancel
	return e
}

// showConfirm asks a yes/no question; Enter answers yes, Escape no.
func showConfirm(w fyne.Window, title, msg string, answer func(bool)) {
	d := dialog.NewConfirm(title, msg, answer, w)
	dialogKeys(w, d, d.Confirm, d.Hide)
	d.Show()
}

// showInfo shows a message; Enter and Escape close it.
func showInfo(w fyne.Window, title, msg string) {
	d := dialog.NewInformation(title, msg, w)
	dialogKeys(w, d, d.Hide, d.Hide)
	d.Show()
}

// showErr reports an error; Enter and Escape close it.
func showErr(w fyne.Window, err error) {
	d := dialog.NewError(err, w)
	dialogKeys(w, d, d.Hide, d.Hide)
	d.Show()
}

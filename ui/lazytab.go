package ui

import "fyne.io/fyne/v2"

// lazyTab wraps a tab's content so that the tabs' minimum size does not
// build it before it is first shown. container.AppTabs asks every tab's
// content for its minimum size, which creates the renderer of every widget
// on every tab and measures all their text before the first frame; a tab
// that has never been shown reports no minimum instead. Tabs other than
// the first start hidden (AppTabs shows the selected one when it lays the
// tabs out).
func lazyTab(content fyne.CanvasObject, first bool) *fyne.Container {
	box := &fyne.Container{Objects: []fyne.CanvasObject{content}}
	box.Layout = &lazyLayout{box: box}
	if !first {
		box.Hide()
	}
	return box
}

// lazyLayout stacks the content in its box once the box has been shown.
type lazyLayout struct {
	box  *fyne.Container
	seen bool
}

// MinSize is the content's minimum size, or zero while the box has never
// been visible.
func (l *lazyLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	if !l.seen && !l.box.Visible() {
		return fyne.Size{}
	}
	l.seen = true
	return objs[0].MinSize()
}

// Layout gives the content the whole box.
func (l *lazyLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	objs[0].Move(fyne.Position{})
	objs[0].Resize(size)
}

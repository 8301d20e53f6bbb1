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

// pendingLoads records, per screen, whether it still has to load the
// selected scenario's inputs and whether that load is forced (drops
// invalid text).
type pendingLoads []pendingLoad

type pendingLoad struct{ stale, force bool }

// mark makes every one of n screens stale; a forced load stays forced.
func (p *pendingLoads) mark(n int, force bool) {
	if len(*p) != n {
		*p = make(pendingLoads, n)
	}
	for i := range *p {
		(*p)[i] = pendingLoad{stale: true, force: (*p)[i].force || force}
	}
}

// take clears screen i's pending load and reports whether there was one
// and whether it is forced.
func (p pendingLoads) take(i int) (force, ok bool) {
	if i < 0 || i >= len(p) || !p[i].stale {
		return false, false
	}
	force = p[i].force
	p[i] = pendingLoad{}
	return force, true
}

// dropsText reports whether screen i's pending load will drop its invalid
// text, which then no longer counts as invalid.
func (p pendingLoads) dropsText(i int) bool { return i >= 0 && i < len(p) && p[i].force }

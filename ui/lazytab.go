package ui

import "fyne.io/fyne/v2"

// lazyTab wraps a tab's content so that nothing of it is measured or
// built before it is first shown. container.AppTabs asks every tab's
// content for its minimum size and refreshes every tab when it creates
// its renderer (and on each theme change), which would create the
// renderer of every widget on every tab and measure all their text before
// the first frame. Until the tab is first shown or laid out at a size,
// its box holds nothing (so a refresh stops there) and reports no
// minimum. Tabs other than the first start hidden (AppTabs shows the
// selected one when it lays the tabs out).
func lazyTab(content fyne.CanvasObject, first bool) *fyne.Container {
	box := &fyne.Container{}
	l := &lazyLayout{box: box, content: content}
	box.Layout = l
	if first {
		l.attach()
	} else {
		box.Hide()
	}
	return box
}

// lazyLayout puts the content in its box once the box is shown.
type lazyLayout struct {
	box      *fyne.Container
	content  fyne.CanvasObject
	attached bool
}

func (l *lazyLayout) attach() {
	if !l.attached {
		l.attached = true
		l.box.Objects = []fyne.CanvasObject{l.content}
	}
}

// MinSize is the content's minimum size, or zero while the box has never
// been visible.
func (l *lazyLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	if !l.attached {
		if !l.box.Visible() {
			return fyne.Size{}
		}
		l.attach()
	}
	return l.content.MinSize()
}

// Layout gives the content the whole box; the first layout at a size
// (AppTabs sizes the tab it is about to show) puts the content in.
func (l *lazyLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	if !l.attached {
		if size.IsZero() {
			return
		}
		l.attach()
	}
	l.content.Move(fyne.Position{})
	l.content.Resize(size)
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

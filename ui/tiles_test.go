package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// TestTileCaptionsFitAt1280 shows every key-number tile of every tab at
// 1280×720: each caption is shown whole (its lines joined give the
// metric's caption, no ellipsis) and each of its lines fits its tile.
func TestTileCaptionsFitAt1280(t *testing.T) {
	u, _ := newTestUI(t)
	u.win.Resize(fyne.NewSize(1280, 720))
	checked := 0
	for i, sc := range u.screens {
		u.tabs.SelectIndex(i)
		var tiles []*tile
		switch s := sc.(type) {
		case *overview:
			for _, k := range overviewKeys {
				tiles = append(tiles, s.tiles[k])
			}
		case *module:
			tiles = s.tiles
		case *financeScreen:
			tiles = s.tiles
		}
		for _, tl := range tiles {
			checked++
			checkTileCaption(t, tabs[i].title, tl)
		}
	}
	if checked < len(overviewKeys)+4 {
		t.Fatalf("checked %d tiles, want the Overview's %d and the modules'", checked, len(overviewKeys))
	}
}

func checkTileCaption(t *testing.T, tab string, tl *tile) {
	t.Helper()
	shown := tl.caption.Text
	if strings.Join(strings.Split(shown, "\n"), " ") != tl.label || strings.Contains(shown, "…") {
		t.Errorf("%s: caption shows %q, want all of %q", tab, shown, tl.label)
	}
	if tl.caption.Truncation != fyne.TextTruncateOff {
		t.Errorf("%s: caption %q may be truncated", tab, tl.label)
	}
	inner := tl.box.Size().Width - 2*theme.InnerPadding()
	for _, line := range strings.Split(shown, "\n") {
		if w := fyne.MeasureText(line, theme.Size(theme.SizeNameCaptionText), tl.caption.TextStyle).Width; w > inner+0.5 {
			t.Errorf("%s: caption line %q is %.0f px wide in a tile of %.0f", tab, line, w, inner)
		}
	}
}

// TestTileCaptionBreaksInNarrowTile: a caption wider than its tile breaks
// between words and the tile grows to hold both lines; a wide tile keeps
// it on one line.
func TestTileCaptionBreaksInNarrowTile(t *testing.T) {
	u, _ := newTestUI(t)
	tl := newTile(u, "Orders a month at horizon")
	tl.set("2,112", "")
	size := theme.Size(theme.SizeNameCaptionText)
	full := fyne.MeasureText("Orders a month at horizon", size, fyne.TextStyle{}).Width
	tl.box.Resize(fyne.NewSize(full/2+2*theme.InnerPadding(), 200))
	if n := strings.Count(tl.caption.Text, "\n"); n < 1 {
		t.Fatalf("caption %q in a tile half its width: want two lines or more", tl.caption.Text)
	}
	if h := tl.box.MinSize().Height; h < tl.caption.MinSize().Height+tl.value.MinSize().Height-theme.Padding() {
		t.Errorf("tile asks for %.0f px, less than its value and broken caption", h)
	}
	tl.box.Resize(fyne.NewSize(full+2*theme.InnerPadding()+10, 200))
	if tl.caption.Text != "Orders a month at horizon" {
		t.Errorf("caption in a wide tile: %q, want one line", tl.caption.Text)
	}
}

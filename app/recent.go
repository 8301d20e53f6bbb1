package app

import (
	"errors"
	"os"
	"slices"

	"fyne.io/fyne/v2"
)

// RecentKey is the preferences key of the recent files list.
const RecentKey = "recentFiles"

// MaxRecent is how many recent files are remembered.
const MaxRecent = 8

// Recent is the list of recently opened or saved plan files, newest first,
// kept in fyne preferences under RecentKey.
type Recent struct {
	prefs fyne.Preferences
}

// NewRecent returns the recent files list stored in p.
func NewRecent(p fyne.Preferences) *Recent { return &Recent{prefs: p} }

// Add puts path first (made absolute), removing an older entry for the same
// file and keeping at most MaxRecent.
func (r *Recent) Add(path string) {
	if path == "" {
		return
	}
	path = absPath(path)
	list := append([]string{path}, r.stored()...)
	r.prefs.SetStringList(RecentKey, normalize(list))
}

// Remove forgets path (for example after it failed to open).
func (r *Recent) Remove(path string) {
	path = absPath(path)
	list := slices.DeleteFunc(r.stored(), func(p string) bool { return p == path })
	r.prefs.SetStringList(RecentKey, list)
}

// List returns the recent files, newest first, without files that no longer
// exist. Missing files are only hidden, not forgotten, so a file on a
// detached drive comes back when the drive does.
func (r *Recent) List() []string {
	out := []string{}
	for _, p := range normalize(r.stored()) {
		if _, err := os.Stat(p); errors.Is(err, os.ErrNotExist) {
			continue
		}
		out = append(out, p)
	}
	return out
}

// Stored returns the remembered files, newest first, missing or not,
// without looking at the disk: a cheap way to see whether the list changed.
func (r *Recent) Stored() []string { return normalize(r.stored()) }

// Clear forgets every recent file.
func (r *Recent) Clear() { r.prefs.RemoveValue(RecentKey) }

func (r *Recent) stored() []string {
	return slices.Clone(r.prefs.StringListWithFallback(RecentKey, nil))
}

// normalize drops empty entries and duplicates (keeping the first) and cuts
// the list to MaxRecent.
func normalize(list []string) []string {
	seen := map[string]bool{}
	out := make([]string, 0, min(len(list), MaxRecent))
	for _, p := range list {
		if p == "" || seen[p] || len(out) == MaxRecent {
			continue
		}
		seen[p] = true
		out = append(out, p)
	}
	return out
}

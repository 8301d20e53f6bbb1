package app

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
)

// memPrefs is an in-memory fyne.Preferences holding string lists; any other
// method panics (through the nil embedded interface), so the test notices if
// Recent starts using one.
type memPrefs struct {
	fyne.Preferences
	lists map[string][]string
}

func newMemPrefs() *memPrefs { return &memPrefs{lists: map[string][]string{}} }

func (m *memPrefs) StringList(key string) []string { return m.StringListWithFallback(key, []string{}) }
func (m *memPrefs) StringListWithFallback(key string, fallback []string) []string {
	if v, ok := m.lists[key]; ok {
		return v
	}
	return fallback
}
func (m *memPrefs) SetStringList(key string, v []string) { m.lists[key] = slices.Clone(v) }
func (m *memPrefs) RemoveValue(key string)               { delete(m.lists, key) }

// touch creates n files named f0.scaleplan … and returns their paths.
func touch(t *testing.T, n int) []string {
	t.Helper()
	dir := t.TempDir()
	var ps []string
	for i := 0; i < n; i++ {
		p := filepath.Join(dir, fmt.Sprintf("f%d.scaleplan", i))
		if err := os.WriteFile(p, []byte("{}"), 0o644); err != nil {
			t.Fatal(err)
		}
		ps = append(ps, p)
	}
	return ps
}

func TestRecent(t *testing.T) {
	f := touch(t, 10)
	for _, tc := range []struct {
		name string
		do   func(r *Recent)
		want []string
	}{
		{"empty", func(r *Recent) {}, []string{}},
		{"newest first", func(r *Recent) { r.Add(f[0]); r.Add(f[1]); r.Add(f[2]) }, []string{f[2], f[1], f[0]}},
		{"re-adding moves to the front without duplicates", func(r *Recent) { r.Add(f[0]); r.Add(f[1]); r.Add(f[0]) }, []string{f[0], f[1]}},
		{"same file by another spelling", func(r *Recent) { r.Add(f[0]); r.Add(filepath.Join(filepath.Dir(f[0]), ".", "f0.scaleplan")) }, []string{f[0]}},
		{"at most 8", func(r *Recent) {
			for _, p := range f {
				r.Add(p)
			}
		}, []string{f[9], f[8], f[7], f[6], f[5], f[4], f[3], f[2]}},
		{"missing files are dropped", func(r *Recent) { r.Add(f[0]); r.Add(filepath.Join(t.TempDir(), "gone.scaleplan")); r.Add(f[1]) }, []string{f[1], f[0]}},
		{"remove", func(r *Recent) { r.Add(f[0]); r.Add(f[1]); r.Remove(f[0]) }, []string{f[1]}},
		{"clear", func(r *Recent) { r.Add(f[0]); r.Clear() }, []string{}},
		{"empty path ignored", func(r *Recent) { r.Add("") }, []string{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := NewRecent(newMemPrefs())
			tc.do(r)
			if got := r.List(); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("List() = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestRecentStoredInPreferences(t *testing.T) {
	f := touch(t, 2)
	p := newMemPrefs()
	NewRecent(p).Add(f[0])
	NewRecent(p).Add(f[1])
	if got := p.lists[RecentKey]; !reflect.DeepEqual(got, []string{f[1], f[0]}) {
		t.Errorf("preferences %q = %q", RecentKey, got)
	}
	// a hand-edited list with duplicates and too many entries is cleaned on read
	p.lists[RecentKey] = []string{f[0], f[0], "", f[1]}
	if got := NewRecent(p).List(); !reflect.DeepEqual(got, []string{f[0], f[1]}) {
		t.Errorf("List() = %q", got)
	}
}

func TestRecentKeepsMissingFilesStored(t *testing.T) {
	p := newMemPrefs()
	r := NewRecent(p)
	gone := filepath.Join(t.TempDir(), "later.scaleplan")
	r.Add(gone)
	if len(r.List()) != 0 {
		t.Fatal("a missing file is listed")
	}
	os.WriteFile(gone, []byte("{}"), 0o644) // the drive is back
	if got := r.List(); !reflect.DeepEqual(got, []string{gone}) {
		t.Errorf("List() = %q", got)
	}
}

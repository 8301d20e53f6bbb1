package app

import (
	"fmt"
	"path/filepath"
	"strings"

	"scaleplan/scenario"
)

// Save writes the plan to Path() atomically (scenario.WriteFile). An untitled
// document returns ErrUntitled. On failure the document keeps its plan, path,
// history and dirty flag, and the error says why.
func (d *Document) Save() error {
	if d.path == "" {
		return fmt.Errorf("save: %w", ErrUntitled)
	}
	if err := scenario.WriteFile(d.path, d.plan); err != nil {
		return fmt.Errorf("save: %w", err)
	}
	d.markSaved(d.path)
	return nil
}

// SaveAs writes the plan to path, adding ".scaleplan" when path has no such
// extension, and makes that the document's file. On failure the document
// keeps its old path and stays dirty: nothing is lost.
func (d *Document) SaveAs(path string) error {
	if strings.TrimSpace(path) == "" {
		return fmt.Errorf("save as: no file name given")
	}
	path = absPath(WithExtension(path))
	if err := scenario.WriteFile(path, d.plan); err != nil {
		return fmt.Errorf("save as: %w", err)
	}
	d.markSaved(path)
	return nil
}

// WithExtension returns path with ".scaleplan" appended unless it already
// ends in it (in any letter case).
func WithExtension(path string) string {
	if strings.EqualFold(filepath.Ext(path), Extension) {
		return path
	}
	return path + Extension
}

// markSaved records that the current plan is stored at path. Undo history is
// kept; the next edit starts a new undo step so the saved state stays
// reachable.
func (d *Document) markSaved(path string) {
	d.path = path
	d.savedGen = d.gen
	d.mergeable = false
	d.changed()
}

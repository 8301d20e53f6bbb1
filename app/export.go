package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"scaleplan/export/boardpack"
	"scaleplan/export/workbook"
	"scaleplan/scenario"
)

// ExportWorkbook writes p as an Excel workbook (export/workbook.WriteFile) on
// a new goroutine, so the UI never waits for it; a scenario with ranges gets
// its Simulation sheet (about a second a scenario, in the progress). progress (may be nil)
// receives the fraction done, 0..1; done (may be nil) receives the result
// once. Both run on that goroutine: the UI wraps widget updates in fyne.Do.
// p must be a snapshot nobody changes meanwhile (Document.Snapshot).
// Cancelling ctx stops the export: done gets an error wrapping
// context.Canceled, and the file at path is as it was.
func ExportWorkbook(ctx context.Context, path string, p *scenario.Plan, progress func(float64), done func(error)) {
	go func() {
		err := exportWorkbook(ctx, path, p, progress)
		if done != nil {
			done(err)
		}
	}()
}

// exportWorkbook does the export, turning a panic into an error.
func exportWorkbook(ctx context.Context, path string, p *scenario.Plan, progress func(float64)) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("export: internal error: %v", v)
		}
	}()
	opt := workbook.Options{Simulate: true, Context: ctx, Progress: func(n, total int) {
		if progress != nil && total > 0 {
			progress(min(1, float64(n)/float64(total)))
		}
	}}
	if err := workbook.WriteFile(path, p, opt); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if progress != nil {
		progress(1)
	}
	return nil
}

// ExportBoardPack writes the board pack of p (export/boardpack.Write) into
// the new folder dir on a new goroutine, comparing scenarios compare (the
// baseline first; empty: the first six). ctx, progress and done behave as
// ExportWorkbook's (a cancelled pack leaves no folder). p must be a
// snapshot nobody changes meanwhile.
func ExportBoardPack(ctx context.Context, dir string, p *scenario.Plan, compare []int, progress func(float64), done func(error)) {
	go func() {
		err := exportBoardPack(ctx, dir, p, compare, progress)
		if done != nil {
			done(err)
		}
	}()
}

func exportBoardPack(ctx context.Context, dir string, p *scenario.Plan, compare []int, progress func(float64)) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("board pack: internal error: %v", v)
		}
	}()
	opt := boardpack.Options{Compare: compare, Context: ctx, Simulate: true, Progress: func(n, total int) {
		if progress != nil && total > 0 {
			progress(min(1, float64(n)/float64(total)))
		}
	}}
	return boardpack.Write(dir, p, opt)
}

// FreeFolder returns parent/name, or parent/name 2, name 3 … if that
// already exists: where a new board pack can go.
func FreeFolder(parent, name string) string {
	dir := filepath.Join(parent, name)
	for n := 2; ; n++ {
		if _, err := os.Stat(dir); errors.Is(err, os.ErrNotExist) {
			return dir
		}
		dir = filepath.Join(parent, fmt.Sprintf("%s %d", name, n))
	}
}

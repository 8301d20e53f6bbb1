package app

// Review findings as tests: each one reproduced a defect and now guards
// its fix.

import (
	"path/filepath"
	"testing"

	"scaleplan/scenario"
)

// Two saves of one document can be in flight at once (the UI starts a new
// goroutine per Ctrl+S and does not wait). Nothing orders their writes: if
// the older snapshot's rename lands last, the file holds the older plan
// while FinishSave of the newer job marks the newer state as saved. The
// document is clean, the title has no "*", quitting asks nothing, and the
// last edit is gone from disk. TestOverlappingSavesLatestDecides runs this
// very interleaving but never looks at the file.
func TestReviewOverlappingSavesFileMatchesSavedState(t *testing.T) {
	d, _ := sampleDoc(t)
	path := filepath.Join(t.TempDir(), "two.scaleplan")
	if err := d.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	setConversion(d, 0.31)
	first, _ := d.StartSave()
	setConversion(d, 0.32)
	second, _ := d.StartSave()
	second.Write()
	first.Write() // the goroutine of the older save renames last
	if err := d.FinishSave(second); err != nil {
		t.Fatal(err)
	}
	if err := d.FinishSave(first); err != nil {
		t.Fatal(err)
	}
	onDisk, err := scenario.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !d.Dirty() && conversion(onDisk) != conversion(d.Plan()) {
		t.Errorf("document is clean with conversion %v, but the file holds %v", conversion(d.Plan()), conversion(onDisk))
	}
}

// A panic in an edit function (an index past the end of a slice, as the
// UI's table cells can produce) escapes Document.Edit and takes the app
// down; Edit should turn it into an error and leave the plan unchanged.
func TestReviewEditRecoversPanic(t *testing.T) {
	d, _ := sampleDoc(t)
	var err error
	func() {
		defer func() {
			if v := recover(); v != nil {
				t.Fatalf("Edit let a panic through: %v", v)
			}
		}()
		err = d.Edit("Edit Stage name", func(p *scenario.Plan) error {
			p.Scenarios[0].Sales.Stages[99].Name = "x"
			return nil
		})
	}()
	if err == nil || d.Dirty() {
		t.Errorf("err %v, dirty %v: want an error and no change", err, d.Dirty())
	}
}

package scenario

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fixClock makes Now return t for the test.
func fixClock(t *testing.T, at time.Time) {
	t.Helper()
	old := Now
	Now = func() time.Time { return at }
	t.Cleanup(func() { Now = old })
}

// TestVersion1Migrates opens every version 1 plan in testdata: it becomes
// version 2 with the calendar's defaults (the month after today, fiscal
// years from January) and finance switched off, and every scenario
// computes exactly what the version 1 inputs, read without migration,
// compute.
func TestVersion1Migrates(t *testing.T) {
	fixClock(t, time.Date(2026, time.December, 31, 23, 0, 0, 0, time.UTC))
	files, _ := filepath.Glob("testdata/*-v1.scaleplan")
	if len(files) < 2 {
		t.Fatalf("found %d version 1 plans", len(files))
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(data, []byte(`"version": 1`)) {
				t.Fatal("not a version 1 file")
			}
			p, err := Decode(data)
			if err != nil {
				t.Fatal(err)
			}
			if p.Version != 2 || p.StartMonth != "2027-01" || p.FiscalYearStartMonth != 1 {
				t.Errorf("migrated to version %d, start %q, fiscal %d; want 2, 2027-01, 1", p.Version, p.StartMonth, p.FiscalYearStartMonth)
			}
			var raw Plan // the version 1 inputs as they are, no migration
			if err := json.Unmarshal(data, &raw); err != nil {
				t.Fatal(err)
			}
			for i := range p.Scenarios {
				s := &p.Scenarios[i]
				if s.Finance.Enabled {
					t.Errorf("%s: finance must be off after migration", s.Name)
				}
				got, err := Compute(s, p.Currency)
				if err != nil {
					t.Fatal(err)
				}
				want, err := Compute(&raw.Scenarios[i], raw.Currency)
				if err != nil {
					t.Fatal(err)
				}
				if got.Finance != nil {
					t.Errorf("%s: a migrated scenario has a finance result", s.Name)
				}
				g, _ := json.Marshal(got)
				w, _ := json.Marshal(want)
				if !bytes.Equal(g, w) {
					t.Errorf("%s computes differently after migration", s.Name)
				}
			}
			// saved as version 2, and read back unchanged
			out, err := Encode(p)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(out, []byte(`"version": 2`)) || !bytes.Contains(out, []byte(`"finance": {`)) || !bytes.Contains(out, []byte(`"startMonth": "2027-01"`)) {
				t.Error("a migrated plan must be saved as version 2 with its calendar and finance")
			}
			q, err := Decode(out)
			if err != nil {
				t.Fatal(err)
			}
			again, _ := Encode(q)
			if !bytes.Equal(out, again) {
				t.Error("the version 2 file changed on a second round trip")
			}
		})
	}
}

// TestVersion2FieldsAreOptional: a version 2 file may leave out the
// calendar and finance; they take the migration's defaults.
func TestVersion2FieldsAreOptional(t *testing.T) {
	fixClock(t, time.Date(2026, time.November, 30, 1, 0, 0, 0, time.UTC))
	data, _ := os.ReadFile("testdata/modules-off-v1.scaleplan")
	v2 := strings.Replace(string(data), `"version": 1`, `"version": 2`, 1)
	p, err := Decode([]byte(v2))
	if err != nil {
		t.Fatal(err)
	}
	if p.StartMonth != "2026-12" || p.FiscalYearStartMonth != 1 || p.Scenarios[0].Finance.Enabled {
		t.Errorf("defaults: start %q, fiscal %d, finance on %v", p.StartMonth, p.FiscalYearStartMonth, p.Scenarios[0].Finance.Enabled)
	}
	if p.Scenarios[0].Finance.SubscriptionGrossMargin != 0.8 || p.Scenarios[0].Finance.RunwayAlertMonths != 6 {
		t.Error("a finance module switched on later should start from the defaults")
	}
}

// TestVersion1RefusesVersion2Fields: a version 1 file that spells out a
// field of version 2 is refused with the field's name.
func TestVersion1RefusesVersion2Fields(t *testing.T) {
	data, _ := os.ReadFile("testdata/modules-off-v1.scaleplan")
	for _, c := range []struct{ old, new, want string }{
		{`"currency": "USD",`, `"currency": "USD", "startMonth": "2027-01",`, "startMonth: this field needs file version 2, but the file says version 1"},
		{`"currency": "USD",`, `"currency": "USD", "fiscalYearStartMonth": 4,`, "fiscalYearStartMonth: this field needs file version 2"},
		{`"horizonMonths": 12,`, `"horizonMonths": 12, "finance": {"enabled": true},`, "scenarios[0].finance: this field needs file version 2"},
	} {
		_, err := Decode([]byte(strings.Replace(string(data), c.old, c.new, 1)))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("error %v, want %q", err, c.want)
		}
	}
}

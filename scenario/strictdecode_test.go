package scenario

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scaleplan/assets"
)

// TestDecodeStrict: keys in another case, repeated keys, numbers too large
// and whole numbers in other spellings, byte order marks, encodings, and
// exact columns (issue 9).
func TestDecodeStrict(t *testing.T) {
	good := string(assets.SamplePlan)
	replace := func(old, new string) string {
		t.Helper()
		if !strings.Contains(good, old) {
			t.Fatalf("sample has no %q", old)
		}
		return strings.Replace(good, old, new, 1)
	}
	tests := []struct {
		name, data string
		want       string // the whole message; "" = decodes
	}{
		{"column of x", `{"format": "scaleplan", "version": 1, x}`, "line 1, column 39: invalid character 'x' looking for beginning of object key string"},
		{"column on line 2", "{\"format\": \"scaleplan\",\n  \"version\": 1,,}", "line 2, column 16: invalid character ',' looking for beginning of object key string"},
		{"column counts characters", `{"name": "€€€", ]`, "line 1, column 17: invalid character ']' looking for beginning of object key string"},
		{"truncated", `{"format": "scaleplan", "version": 1, "name": "x`, "line 1, column 49: the file ends too early (truncated JSON)"},
		{"trailing data", `{"format": "scaleplan"} {}`, "line 1, column 25: invalid character '{' after top-level value"},
		{"key in upper case", replace(`"horizonMonths": 36,`, `"HORIZONMONTHS": 36,`), "scenarios[0].HORIZONMONTHS: unknown field, did you mean horizonMonths?"},
		{"top-level key in another case", replace(`"currency": "USD"`, `"Currency": "USD"`), "Currency: unknown field, did you mean currency?"},
		{"misspelt key", replace(`"paidCAC": 25`, `"paidCAc": 25, "paidCost": 1`), "scenarios[0].viral.paidCAc: unknown field, did you mean paidCAC?\nscenarios[0].viral.paidCost: unknown field (is the name misspelt?)"},
		{"repeated key", replace(`"paidCAC": 25`, `"paidCAC": 25, "paidCAC": 26`), "scenarios[0].viral.paidCAC: the key appears twice in this object"},
		{"repeated score", strings.Replace(good, `"scores": {`, `"scores": {"x": 1, "x": 2, `, 1), `scenarios[0].markets.markets[0].scores[x]: the key appears twice in this object`},
		{"odd key is quoted", replace(`"paidCAC": 25`, `"paidCAC": 25, "a\u001bb": 1`), `scenarios[0].viral["a\x1bb"]: unknown field (is the name misspelt?)`},
		{"too large", replace(`"paidCAC": 25`, `"paidCAC": -1e400`), "scenarios[0].viral.paidCAC: -1e400 is too large"},
		{"tiny is zero", replace(`"referrerReward": 0`, `"referrerReward": 1e-400`), ""},
		{"whole number too large", replace(`"rampMonths": 4`, `"rampMonths": 1e30`), "scenarios[0].sales.rampMonths: 1e30 is too large"},
		{"whole number as 4.0", replace(`"rampMonths": 4`, `"rampMonths": 4.0`), ""},
		{"whole number as 40e-1", replace(`"rampMonths": 4`, `"rampMonths": 40e-1`), ""},
		{"whole number as 4.5", replace(`"rampMonths": 4`, `"rampMonths": 4.5`), "scenarios[0].sales.rampMonths: expected a whole number, got 4.5"},
		{"text for a number", replace(`"paidCAC": 25`, `"paidCAC": "25"`), `scenarios[0].viral.paidCAC: expected a number, got text "25"`},
		{"list for a number", replace(`"paidCAC": 25`, `"paidCAC": [25]`), "scenarios[0].viral.paidCAC: expected a number, got a list"},
		{"null for a name", replace(`"name": "Base"`, `"name": null`), "scenarios[0].name: expected text, got null"},
		{"null list is empty", replace(`"ruleOfThumb": [
          100,
          1000
        ]`, `"ruleOfThumb": null`), ""},
		{"version 2.0", replace(`"version": 2`, `"version": 2.0`), ""},
		{"version 1e400", replace(`"version": 2`, `"version": 1e400`), "version: 1e400 is too large"},
		{"version 1.5", replace(`"version": 2`, `"version": 1.5`), "version: expected a whole number, got 1.5"},
		{"UTF-8 BOM", "\xEF\xBB\xBF" + good, ""},
		{"UTF-16 BE BOM", "\xFE\xFF\x00{", "the file is UTF-16 text; save the file as UTF-8"},
		{"UTF-32 LE BOM", "\xFF\xFE\x00\x00{\x00\x00\x00", "the file is UTF-32 text; save the file as UTF-8"},
		{"UTF-16 BE, no BOM", "\x00{\x00\"", "the file looks like UTF-16 text without a byte order mark; save the file as UTF-8"},
		{"invalid UTF-8", "{\"name\": \"caf\xE9\"}", "line 1, column 14: the file is not UTF-8 text (byte 0xE9); save it as UTF-8"},
		{"only a BOM", "\xEF\xBB\xBF  ", "the file is empty"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Decode([]byte(tc.data))
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("error %v, want none", err)
			case tc.want != "" && (err == nil || err.Error() != tc.want):
				t.Errorf("error\n%v\nwant\n%s", err, tc.want)
			}
		})
	}
}

// TestWholeNumberSpellingsDecode: 4.0 and 40e-1 decode to 4, the same as 4.
func TestWholeNumberSpellingsDecode(t *testing.T) {
	for _, lit := range []string{"4.0", "40e-1", "0.4e1", "4E0"} {
		p, err := Decode([]byte(strings.Replace(string(assets.SamplePlan), `"rampMonths": 4`, `"rampMonths": `+lit, 1)))
		if err != nil {
			t.Fatalf("%s: %v", lit, err)
		}
		if got := p.Scenarios[0].Sales.RampMonths; got != 4 {
			t.Errorf("%s decoded to %d", lit, got)
		}
	}
}

// TestShapeErrorsAreBounded: a file full of unknown keys lists at most
// maxShapeErrors of them, then says it stopped.
func TestShapeErrorsAreBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"format": "scaleplan", "version": 1`)
	for i := range 1000 {
		fmt.Fprintf(&b, `, "k%d": 1`, i)
	}
	b.WriteString("}")
	_, err := Decode([]byte(b.String()))
	var es Errors
	if !errors.As(err, &es) || len(es) != maxShapeErrors+1 || es[maxShapeErrors].Msg != "(stopped after 50 problems)" {
		t.Errorf("got %d problems: %v", len(es), err)
	}
}

// TestReadFileRefusesNonRegular: a folder and a device are refused before
// being read, with the file's name once.
func TestReadFileRefusesNonRegular(t *testing.T) {
	dir := t.TempDir()
	tests := []struct{ path, want string }{
		{dir, filepath.Base(dir) + ": is a folder, not a plan file"},
		{"/dev/null", "null: is a character device, not a plan file"},
		{filepath.Join(dir, "none.scaleplan"), "none.scaleplan: no such file or directory"},
	}
	for _, tc := range tests {
		_, err := ReadFile(tc.path)
		if err == nil || err.Error() != tc.want {
			t.Errorf("%s: %v, want %q", tc.path, err, tc.want)
		}
	}
	if _, err := ReadFile(filepath.Join(dir, "none.scaleplan")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a missing file should match fs.ErrNotExist: %v", err)
	}
}

// TestFileErrorNamesEveryLine: each line of a multi-line problem starts
// with the file's name.
func TestFileErrorNamesEveryLine(t *testing.T) {
	path := filepath.Join(t.TempDir(), "two.scaleplan")
	data := strings.Replace(string(assets.SamplePlan), `"inviteConversion": 0.2`, `"inviteConversion": 2`, 1)
	data = strings.Replace(data, `"paidCAC": 25`, `"paidCAC": -1`, 1)
	os.WriteFile(path, []byte(data), 0o644)
	_, err := ReadFile(path)
	want := "two.scaleplan: scenarios[0].viral.inviteConversion: must be between 0 and 1, got 2\n" +
		"two.scaleplan: scenarios[0].viral.paidCAC: must be between 0 and 1e+12, got -1"
	if err == nil || err.Error() != want {
		t.Errorf("error\n%v\nwant\n%s", err, want)
	}
}

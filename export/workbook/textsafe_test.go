package workbook

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestTextCells: control characters other than tab and line feed become
// U+FFFD (XML cannot hold them), and text longer than a cell holds is an
// error, never cut short (the attack saw 10 MB of notes cut to 32,767
// characters with exit 0).
func TestTextCells(t *testing.T) {
	sh := newSheet("S")
	sh.text(1, 1, "a\x1b[2J\tb\nc\u0085", 0)
	if got := sh.rows[0][0].(excelize.Cell).Value; got != "a\uFFFD[2J\tb\nc\uFFFD" {
		t.Errorf("cell holds %q", got)
	}
	sh.text(1, 2, strings.Repeat("é", excelize.TotalCellChars), 0)
	if sh.err != nil {
		t.Errorf("a full cell is an error: %v", sh.err)
	}
	sh.text(1, 3, strings.Repeat("é", excelize.TotalCellChars+1), 0)
	f := excelize.NewFile()
	defer f.Close()
	want := `sheet "S": cell A3: 32768 characters of text; a cell holds at most 32767`
	if err := sh.flush(f, nil); err == nil || err.Error() != want {
		t.Errorf("flush: %v, want %q", err, want)
	}
}

// TestAppendEscaped: what XML text cannot hold is escaped or replaced.
func TestAppendEscaped(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{`IF(A1<=0,"x",B2&C3>1)`, `IF(A1&lt;=0,"x",B2&amp;C3&gt;1)`},
		{"a\tb\nc\rd", "a&#x9;b\nc&#xD;d"},
		{"nul\x00 esc\x1b", "nul\uFFFD esc\uFFFD"},
		{"é€😀", "é€😀"},
		{"bad\xff\uFFFE", "bad\uFFFD\uFFFD"},
	}
	for _, tc := range tests {
		if got := string(appendEscaped([]byte(">"), tc.in)); got != ">"+tc.want {
			t.Errorf("appendEscaped(%q) = %q, want %q", tc.in, got, ">"+tc.want)
		}
	}
}

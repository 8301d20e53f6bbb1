package scenario

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits on the text a plan holds (docs/CLI.md, "Limits and hostile input"). A workbook cell
// holds at most 32,767 characters, so no text is ever cut short there.
const (
	// MaxNameBytes bounds every name: the plan's, a scenario's, a stage's,
	// a fulfillment model's, a factor's and a market's.
	MaxNameBytes = 200
	// MaxNotesChars bounds a scenario's or a market's notes, in characters.
	MaxNotesChars = 10000
)

// IsControl reports whether r is a control character that a name may not
// hold (C0, DEL, C1, and the line and paragraph separators). Notes may hold
// tab and line feed (multiline).
func IsControl(r rune, multiline bool) bool {
	if multiline && (r == '\t' || r == '\n') {
		return false
	}
	return unicode.IsControl(r) || r == '\u2028' || r == '\u2029'
}

// controlAt returns the first control character of s and its position in
// characters (1-based), or ok false.
func controlAt(s string, multiline bool) (r rune, at int, ok bool) {
	i := 0
	for _, r := range s {
		i++
		if IsControl(r, multiline) {
			return r, i, true
		}
	}
	return 0, 0, false
}

// textProblem says what is wrong with a name or notes, or returns "".
func textProblem(s string, multiline bool) string {
	r, at, ok := controlAt(s, multiline)
	if !ok {
		return ""
	}
	what := "control characters"
	if multiline {
		what = "control characters other than tab and line break"
	}
	return fmt.Sprintf("must not contain %s, found %s at character %d", what, runeName(r), at)
}

// runeName renders a character for a message: U+001B.
func runeName(r rune) string { return fmt.Sprintf("U+%04X", r) }

// EscapeControls replaces every control character of s (see IsControl)
// with a visible escape such as \x1b or \u0085, keeping tab and line feed
// when multiline: what a terminal or a log shows instead of obeying it.
func EscapeControls(s string, multiline bool) string {
	if _, _, ok := controlAt(s, multiline); !ok {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case !IsControl(r, multiline):
			b.WriteRune(r)
		case r < 0x80:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
	}
	return b.String()
}

// checkName checks a name: not empty unless optional, short, no control
// characters.
func (c *checker) checkName(field, v string, optional bool) {
	switch {
	case !optional && strings.TrimSpace(v) == "":
		c.fail(field, "must not be empty")
	case len(v) > MaxNameBytes:
		c.fail(field, "must be at most %d bytes long, got %d", MaxNameBytes, len(v))
	default:
		if p := textProblem(v, false); p != "" {
			c.fail(field, "%s", p)
		}
	}
}

// notes checks free text: at most MaxNotesChars characters, tab and line
// breaks but no other control characters.
func (c *checker) notes(field, v string) {
	if n := utf8.RuneCountInString(v); n > MaxNotesChars {
		c.fail(field, "must be at most %d characters long, got %d", MaxNotesChars, n)
	} else if p := textProblem(v, true); p != "" {
		c.fail(field, "%s", p)
	}
}

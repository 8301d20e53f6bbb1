package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"unicode/utf8"

	"scaleplan/scenario"
)

// safeWriter passes text to a terminal (or whatever stdout and stderr are)
// with every control character but tab and line feed shown as an escape
// (\u001b), and invalid UTF-8 bytes as \xNN, so that no name, note or
// argument can move the cursor, clear the screen or ring the bell. It
// keeps the first write error, which makes the command exit 1.
type safeWriter struct {
	w       io.Writer
	err     error
	partial []byte // the start of a character cut by the previous Write
}

func (s *safeWriter) Write(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	n := len(p)
	if len(s.partial) > 0 {
		p = append(s.partial, p...)
		s.partial = nil
	}
	out := make([]byte, 0, len(p))
	for i := 0; i < len(p); {
		c := p[i]
		if c >= 0x20 && c < 0x7f || c == '\n' || c == '\t' {
			out = append(out, c)
			i++
			continue
		}
		if !utf8.FullRune(p[i:]) && len(p)-i < utf8.UTFMax {
			s.partial = append([]byte(nil), p[i:]...) // completed by the next Write
			break
		}
		r, size := utf8.DecodeRune(p[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			out = fmt.Appendf(out, `\x%02x`, c)
		case scenario.IsControl(r, true):
			out = fmt.Appendf(out, `\u%04x`, r)
		default:
			out = append(out, p[i:i+size]...)
		}
		i += size
	}
	if _, err := s.w.Write(out); err != nil {
		s.err = err
		return 0, err
	}
	return n, nil
}

// flush writes what is left of a cut character, escaped.
func (s *safeWriter) flush() error {
	if len(s.partial) > 0 && s.err == nil {
		var out []byte
		for _, c := range s.partial {
			out = fmt.Appendf(out, `\x%02x`, c)
		}
		s.partial = nil
		if _, err := s.w.Write(out); err != nil {
			s.err = err
		}
	}
	return s.err
}

// bareErr drops the operation and file from a write error on stdout
// ("write /dev/stdout: no space left on device").
func bareErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

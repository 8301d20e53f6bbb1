package scenario

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"scaleplan/scenario/atomicfile"
)

// MaxFileSize bounds what Decode reads: a real plan is a few hundred kB.
const MaxFileSize = 16 << 20

// ErrNewerVersion marks a file written by a newer Scaleplan.
var ErrNewerVersion = errors.New("written by a newer version of Scaleplan")

// Decode reads and validates a plan file. Every failure names where it is:
// a syntax error its line and column, a wrong type, an unknown or repeated
// key its field path, an invalid value its path and range (as Errors). A
// file from a newer version is refused (wrapping ErrNewerVersion) before
// anything else is read from it. A UTF-8 byte order mark is skipped.
func Decode(data []byte) (*Plan, error) {
	data, err := checkText(data)
	if err != nil {
		return nil, err
	}
	version, err := checkHead(data)
	if err != nil {
		return nil, err
	}
	doc, err := checkShape(data, reflect.TypeFor[Plan]())
	if err != nil {
		return nil, err
	}
	var p Plan
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		return nil, locate(doc, err) // checkShape should have caught it
	}
	if err := migrate(doc, &p, version); err != nil {
		return nil, err
	}
	if err := readVariants(doc, &p); err != nil {
		return nil, err
	}
	if err := p.ResolveVariants(); err != nil {
		return nil, err
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	return &p, nil
}

// checkText refuses what is not one JSON document in UTF-8, with the
// first problem's line and column, and returns data without a UTF-8 byte
// order mark.
func checkText(data []byte) ([]byte, error) {
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("the file is %d MB; a plan file is at most %d MB", len(data)>>20, MaxFileSize>>20)
	}
	switch {
	case bytes.HasPrefix(data, []byte{0x00, 0x00, 0xFE, 0xFF}), bytes.HasPrefix(data, []byte{0xFF, 0xFE, 0x00, 0x00}):
		return nil, errors.New("the file is UTF-32 text; save the file as UTF-8")
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}), bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return nil, errors.New("the file is UTF-16 text; save the file as UTF-8")
	case utf16Unmarked(data):
		return nil, errors.New("the file looks like UTF-16 text without a byte order mark; save the file as UTF-8")
	}
	data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errors.New("the file is empty")
	}
	if !utf8.Valid(data) {
		at := 0
		for at < len(data) {
			r, n := utf8.DecodeRune(data[at:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			at += n
		}
		return nil, fmt.Errorf("%s: the file is not UTF-8 text (byte 0x%02X); save it as UTF-8", lineCol(data, at), data[at])
	}
	// A full syntax check first: its offsets are exact, unlike those of
	// the token reader checkShape uses.
	if err := json.Unmarshal(data, &struct{}{}); err != nil {
		var syn *json.SyntaxError
		if errors.As(err, &syn) {
			return nil, locate(data, err)
		}
	}
	return data, nil
}

// utf16Unmarked reports whether data starts like JSON in UTF-16 without a
// byte order mark: two ASCII characters each beside a zero byte.
func utf16Unmarked(data []byte) bool {
	if len(data) < 4 {
		return false
	}
	ascii := func(c byte) bool { return c >= 0x20 && c < 0x7f || c == '\n' || c == '\r' || c == '\t' }
	le := ascii(data[0]) && data[1] == 0 && ascii(data[2]) && data[3] == 0
	be := data[0] == 0 && ascii(data[1]) && data[2] == 0 && ascii(data[3])
	return le || be
}

// checkHead checks the format and version fields and returns the version.
func checkHead(data []byte) (int, error) {
	var head struct {
		Format  *string      `json:"format"`
		Version *json.Number `json:"version"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return 0, locate(data, err)
	}
	if head.Format == nil || *head.Format != Format {
		return 0, errors.New(`format: not a Scaleplan plan (its "format" field must be "scaleplan")`)
	}
	if head.Version == nil {
		return 0, errors.New("version: missing")
	}
	v, err := strconv.ParseFloat(head.Version.String(), 64)
	switch {
	case err != nil || math.IsInf(v, 0):
		return 0, fmt.Errorf("version: %s is too large", head.Version)
	case v != math.Trunc(v):
		return 0, fmt.Errorf("version: expected a whole number, got %s", head.Version)
	case v > Version:
		return 0, fmt.Errorf("version: %w (file version %s; this one reads up to %d): update Scaleplan to open it", ErrNewerVersion, head.Version, Version)
	case v < 1:
		return 0, fmt.Errorf("version: must be at least 1, got %s", head.Version)
	}
	return int(v), nil
}

// locate turns a json error into one that says where in the file it is.
func locate(data []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn) && strings.Contains(syn.Error(), "unexpected end"):
		return fmt.Errorf("%s: the file ends too early (truncated JSON)", lineCol(data, int(syn.Offset)))
	case errors.As(err, &syn):
		// Offset counts the bytes read, the offending one included.
		return fmt.Errorf("%s: %v", lineCol(data, int(syn.Offset)-1), syn)
	case errors.As(err, &typ):
		return fmt.Errorf("%s: expected %s, got %s", pathAt(data, typ.Offset), kindName(typ.Type.Kind().String()), typ.Value)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return errors.New("the file ends too early (truncated JSON)")
	}
	var msg = err.Error()
	const unknown = "json: unknown field "
	if len(msg) > len(unknown) && msg[:len(unknown)] == unknown {
		return fmt.Errorf("unknown field %s (is the name misspelt?)", msg[len(unknown):])
	}
	return err
}

func kindName(k string) string {
	switch k {
	case "float64", "float32":
		return "a number"
	case "int", "int64":
		return "a whole number"
	case "uint", "uint64":
		return "a whole number of 0 or more"
	case "string":
		return "text"
	case "bool":
		return "true or false"
	case "slice":
		return "a list"
	case "struct", "map":
		return "an object"
	}
	return k
}

// lineCol renders the position of byte at (0-based) as "line L, column C",
// C counting characters from 1 as editors do; at = len(data) is the end.
func lineCol(data []byte, at int) string {
	at = min(max(at, 0), len(data))
	line := 1 + bytes.Count(data[:at], []byte("\n"))
	start := bytes.LastIndexByte(data[:at], '\n') + 1
	return fmt.Sprintf("line %d, column %d", line, 1+utf8.RuneCount(data[start:at]))
}

// pathAt walks the JSON tokens up to byte offset off and returns the path of
// the value there, with array indexes (scenarios[1].viral.seedUsers).
func pathAt(data []byte, off int64) string {
	type frame struct {
		array bool
		index int
		key   string
	}
	var stack []frame
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	expectKey := false
walk:
	for dec.InputOffset() < off {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		done := dec.InputOffset() >= off // tok is the offending value
		switch t := tok.(type) {
		case json.Delim:
			if t == '{' || t == '[' {
				if done {
					break walk
				}
				stack = append(stack, frame{array: t == '[', index: -1})
				expectKey = t == '{'
				continue
			}
			stack = stack[:len(stack)-1]
		case string:
			if n := len(stack); n > 0 && !stack[n-1].array && expectKey {
				stack[n-1].key = t
				expectKey = false
				continue
			}
		}
		if done {
			break
		}
		// a value ended: next comes a key (object) or the next element (array)
		if n := len(stack); n > 0 {
			if stack[n-1].array {
				stack[n-1].index++
			} else {
				expectKey = true
			}
		}
	}
	var b bytes.Buffer
	for _, f := range stack {
		if f.array {
			b.WriteString("[" + strconv.Itoa(f.index+1) + "]")
		} else if f.key != "" {
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(f.key)
		}
	}
	if b.Len() == 0 {
		return lineCol(data, int(off))
	}
	return b.String()
}

// Encode writes the plan as indented JSON, refusing invalid plans.
func Encode(p *Plan) ([]byte, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	b, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encode plan: %w", err)
	}
	return append(b, '\n'), nil
}

// FileError is a problem with a file: Name (what the user calls the file)
// prefixes every line of Err's message, so each line says which file it is
// about.
type FileError struct {
	Name string
	Err  error
}

func (e *FileError) Error() string {
	lines := strings.Split(e.Err.Error(), "\n")
	for i, l := range lines {
		lines[i] = e.Name + ": " + l
	}
	return strings.Join(lines, "\n")
}

func (e *FileError) Unwrap() error { return e.Err }

// ReadFile reads and decodes a plan file. It refuses at once what is not a
// regular file (a folder, a named pipe, a device), and errors are
// *FileError named after the file's base name.
func ReadFile(path string) (*Plan, error) {
	name := filepath.Base(path)
	data, err := readRegular(path, MaxFileSize)
	if err != nil {
		return nil, &FileError{name, err}
	}
	p, err := Decode(data)
	if err != nil {
		return nil, &FileError{name, err}
	}
	return p, nil
}

// readRegular reads a regular file of at most limit bytes.
func readRegular(path string, limit int64) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, bareError(err)
	}
	if err := regular(fi); err != nil {
		return nil, err
	}
	if fi.Size() > limit {
		return nil, fmt.Errorf("the file is over %d MB; a plan file is at most %d MB", limit>>20, limit>>20)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, bareError(err)
	}
	defer f.Close()
	if fi, err = f.Stat(); err != nil {
		return nil, bareError(err)
	}
	if err := regular(fi); err != nil { // replaced since the first look
		return nil, err
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, bareError(err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("the file is over %d MB; a plan file is at most %d MB", limit>>20, limit>>20)
	}
	return data, nil
}

// regular refuses a folder or a special file.
func regular(fi fs.FileInfo) error {
	switch {
	case fi.IsDir():
		return errors.New("is a folder, not a plan file")
	case !fi.Mode().IsRegular():
		return fmt.Errorf("is %s, not a plan file", atomicfile.Kind(fi.Mode()))
	}
	return nil
}

// bareError drops the operation and path from a file system error: the
// FileError around it names the file once.
func bareError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// WriteFile encodes the plan and writes it atomically (see
// WriteFileAtomic).
func WriteFile(path string, p *Plan) error {
	data, err := Encode(p)
	if err != nil {
		return err
	}
	return WriteFileAtomic(path, data)
}

// WriteFileAtomic writes data to a temporary file in path's folder, syncs
// it and renames it over path, so a crash leaves the old file or the new
// one, never a mix. An overwritten file keeps its permissions, a new one
// gets the umask's, and a signal during the write removes the temporary
// file (package atomicfile).
func WriteFileAtomic(path string, data []byte) error {
	return atomicfile.WriteBytes(path, data)
}

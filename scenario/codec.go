package scenario

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// MaxFileSize bounds what Decode reads: a real plan is a few hundred kB.
const MaxFileSize = 16 << 20

// ErrNewerVersion marks a file written by a newer Scaleplan.
var ErrNewerVersion = errors.New("written by a newer version of Scaleplan")

// Decode reads and validates a plan file. Every failure names where it is:
// a syntax error its line and column, a wrong type its field path, an invalid
// value its path and range (as Errors). A file from a newer version is
// refused (wrapping ErrNewerVersion) before anything else is read from it.
func Decode(data []byte) (*Plan, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errors.New("the file is empty")
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("the file is %d MB; a plan file is at most %d MB", len(data)>>20, MaxFileSize>>20)
	}
	var head struct {
		Format  *string `json:"format"`
		Version *int    `json:"version"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, locate(data, err)
	}
	if head.Format == nil || *head.Format != Format {
		return nil, errors.New(`format: not a Scaleplan plan (its "format" field must be "scaleplan")`)
	}
	switch {
	case head.Version == nil:
		return nil, errors.New("version: missing")
	case *head.Version > Version:
		return nil, fmt.Errorf("version: %w (file version %d; this one reads up to %d): update Scaleplan to open it", ErrNewerVersion, *head.Version, Version)
	case *head.Version < 1:
		return nil, fmt.Errorf("version: must be at least 1, got %d", *head.Version)
	}
	var p Plan
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		return nil, locate(data, err)
	}
	if dec.More() {
		return nil, fmt.Errorf("%s: unexpected data after the plan", lineCol(data, dec.InputOffset()))
	}
	if err := migrate(data, &p, *head.Version); err != nil {
		return nil, err
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	return &p, nil
}

// locate turns a json error into one that says where in the file it is.
func locate(data []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn) && strings.Contains(syn.Error(), "unexpected end"):
		return fmt.Errorf("%s: the file ends too early (truncated JSON)", lineCol(data, syn.Offset))
	case errors.As(err, &syn):
		return fmt.Errorf("%s: %v", lineCol(data, syn.Offset), syn)
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

// lineCol renders a byte offset as "line L, column C".
func lineCol(data []byte, off int64) string {
	off = min(max(off, 0), int64(len(data)))
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	col := off - int64(bytes.LastIndexByte(data[:off], '\n'))
	return fmt.Sprintf("line %d, column %d", line, col)
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
		return lineCol(data, off)
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

// ReadFile reads and decodes a plan file.
func ReadFile(path string) (*Plan, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("%s: the file is over %d MB; a plan file is at most %d MB", filepath.Base(path), MaxFileSize>>20, MaxFileSize>>20)
	}
	p, err := Decode(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	return p, nil
}

// WriteFile encodes the plan and writes it atomically.
func WriteFile(path string, p *Plan) error {
	data, err := Encode(p)
	if err != nil {
		return err
	}
	return WriteFileAtomic(path, data)
}

// WriteFileAtomic writes data to a temporary file in path's folder, syncs
// it and renames it over path, so a crash leaves the old file or the new
// one, never a mix.
func WriteFileAtomic(path string, data []byte) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	if err = os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	if d, derr := os.Open(dir); derr == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

package scenario

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
)

// maxShapeErrors bounds the problems checkShape lists before it stops.
const maxShapeErrors = 50

// shapeWalker checks a syntactically valid JSON document against the Go
// type it decodes into, more strictly than encoding/json: keys match their
// field's name exactly (a key in another case is refused with the right
// spelling), no key appears twice in an object, numbers fit their field
// (too large ones are named as such), and whole-number fields take any
// spelling of a whole number (36.0, 3.6e1), which it rewrites for the
// decoder. Every problem is located by its path.
type shapeWalker struct {
	data  []byte
	dec   *json.Decoder
	errs  Errors
	fixes []numberFix
}

// numberFix replaces data[from:to] by text.
type numberFix struct {
	from, to int64
	text     string
}

// errTooMany stops a walk that has found maxShapeErrors problems.
var errTooMany = errors.New("too many problems")

// checkShape checks data against t and returns the document to decode:
// data itself, or a copy with whole numbers rewritten.
func checkShape(data []byte, t reflect.Type) ([]byte, error) {
	w := &shapeWalker{data: data, dec: json.NewDecoder(bytes.NewReader(data))}
	w.dec.UseNumber()
	err := w.value(t, "")
	if err != nil && !errors.Is(err, errTooMany) {
		return nil, err
	}
	if len(w.errs) > 0 {
		if errors.Is(err, errTooMany) {
			w.errs = append(w.errs, FieldError{Msg: fmt.Sprintf("(stopped after %d problems)", maxShapeErrors)})
		}
		return nil, w.errs
	}
	if len(w.fixes) == 0 {
		return data, nil
	}
	var b bytes.Buffer
	b.Grow(len(data))
	at := int64(0)
	for _, f := range w.fixes {
		b.Write(data[at:f.from])
		b.WriteString(f.text)
		at = f.to
	}
	b.Write(data[at:])
	return b.Bytes(), nil
}

// fail records a problem at path; it returns errTooMany at the limit.
func (w *shapeWalker) fail(path, format string, a ...any) error {
	w.errs = append(w.errs, FieldError{Path: path, Msg: fmt.Sprintf(format, a...)})
	if len(w.errs) >= maxShapeErrors {
		return errTooMany
	}
	return nil
}

// next reads a token and returns it with the offsets of its first byte and
// after its last.
func (w *shapeWalker) next() (json.Token, int64, int64, error) {
	start := w.dec.InputOffset()
	tok, err := w.dec.Token()
	if err != nil {
		return nil, 0, 0, err
	}
	end := w.dec.InputOffset()
	// InputOffset before Token points before the separators (',', ':')
	// and spaces that precede the token.
	for start < end && bytes.IndexByte([]byte(" \t\r\n,:"), w.data[start]) >= 0 {
		start++
	}
	return tok, start, end, nil
}

// value checks the next value against type t; path locates it.
func (w *shapeWalker) value(t reflect.Type, path string) error {
	tok, start, end, err := w.next()
	if err != nil {
		return err
	}
	return w.token(tok, start, end, t, path)
}

func (w *shapeWalker) token(tok json.Token, start, end int64, t reflect.Type, path string) error {
	if tok == nil {
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface:
			return nil
		}
		return w.fail(path, "expected %s, got null", kindOf(t))
	}
	if t.Kind() == reflect.Interface || t.Implements(unmarshalerType) || reflect.PointerTo(t).Implements(unmarshalerType) {
		return w.skip(tok) // decoded as it comes
	}
	if t.Kind() == reflect.Pointer {
		return w.token(tok, start, end, t.Elem(), path)
	}
	switch tok := tok.(type) {
	case json.Delim:
		switch {
		case tok == '{' && t.Kind() == reflect.Struct:
			return w.object(path, false, func(key string) (reflect.Type, string) { return fieldType(t, key) })
		case tok == '{' && t.Kind() == reflect.Map && t.Key().Kind() == reflect.String:
			return w.object(path, true, func(string) (reflect.Type, string) { return t.Elem(), "" })
		case tok == '[' && (t.Kind() == reflect.Slice || t.Kind() == reflect.Array):
			for i := 0; w.dec.More(); i++ {
				if err := w.value(t.Elem(), fmt.Sprintf("%s[%d]", path, i)); err != nil {
					return err
				}
			}
			_, err := w.dec.Token() // ']'
			return err
		}
		what := "an object"
		if tok == '[' {
			what = "a list"
		}
		if err := w.fail(path, "expected %s, got %s", kindOf(t), what); err != nil {
			return err
		}
		return w.skip(tok)
	case json.Number:
		return w.number(tok, start, end, t, path)
	case string:
		if t.Kind() != reflect.String {
			return w.fail(path, "expected %s, got text %s", kindOf(t), quoteShort(tok))
		}
	case bool:
		if t.Kind() != reflect.Bool {
			return w.fail(path, "expected %s, got %t", kindOf(t), tok)
		}
	}
	return nil
}

var unmarshalerType = reflect.TypeFor[json.Unmarshaler]()

// object checks the members of an object whose '{' was read (a map's
// when isMap); field gives a key's type, or nil and the key's right
// spelling ("" if none).
func (w *shapeWalker) object(path string, isMap bool, field func(key string) (reflect.Type, string)) error {
	seen := map[string]bool{}
	for w.dec.More() {
		tok, _, _, err := w.next()
		if err != nil {
			return err
		}
		key := tok.(string)
		at := joinPath(path, key, isMap)
		ft, spelling := field(key)
		switch {
		case seen[key]:
			err = w.fail(at, "the key appears twice in this object")
			ft = nil
		case ft == nil && spelling != "":
			err = w.fail(at, "unknown field, did you mean %s?", spelling)
		case ft == nil:
			err = w.fail(at, "unknown field (is the name misspelt?)")
		}
		seen[key] = true
		if err == nil && ft == nil {
			err = w.skipValue()
		} else if err == nil {
			err = w.value(ft, at)
		}
		if err != nil {
			return err
		}
	}
	_, err := w.dec.Token() // '}'
	return err
}

// number checks a number literal against a numeric field.
func (w *shapeWalker) number(n json.Number, start, end int64, t reflect.Type, path string) error {
	lit := string(n)
	switch t.Kind() {
	case reflect.Float64, reflect.Float32:
		if _, err := strconv.ParseFloat(lit, t.Bits()); err != nil {
			return w.fail(path, "%s is too large", lit) // ±Inf; tiny ones round to 0
		}
		return nil
	case reflect.Int, reflect.Int64, reflect.Int32, reflect.Int16, reflect.Int8:
		if _, err := strconv.ParseInt(lit, 10, t.Bits()); err == nil {
			return nil
		}
		v, err := strconv.ParseFloat(lit, 64)
		switch {
		case err != nil:
			return w.fail(path, "%s is too large", lit)
		case v != math.Trunc(v):
			return w.fail(path, "expected a whole number, got %s", lit)
		case math.Abs(v) >= math.Ldexp(1, t.Bits()-1):
			return w.fail(path, "%s is too large", lit)
		}
		// A whole number written as 36.0 or 3.6e1.
		w.fixes = append(w.fixes, numberFix{start, end, strconv.FormatInt(int64(v), 10)})
		return nil
	}
	return w.fail(path, "expected %s, got the number %s", kindOf(t), lit)
}

// skip skips the rest of a value whose first token was tok.
func (w *shapeWalker) skip(tok json.Token) error {
	d, ok := tok.(json.Delim)
	if !ok || d == '}' || d == ']' {
		return nil
	}
	for depth := 1; depth > 0; {
		tok, err := w.dec.Token()
		if err != nil {
			return err
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			depth++
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
	}
	return nil
}

// skipValue skips the next value.
func (w *shapeWalker) skipValue() error {
	tok, err := w.dec.Token()
	if err != nil {
		return err
	}
	return w.skip(tok)
}

// fieldType returns the type of struct t's field with JSON name key, or
// nil and the name of a field key may be a misspelling of: the same in
// another case, else the only one within two edits.
func fieldType(t reflect.Type, key string) (reflect.Type, string) {
	folded, near, nearCount := "", "", 0
	// VisibleFields includes the fields an untagged embedded struct
	// promotes, which encoding/json reads as the outer object's own.
	for _, f := range reflect.VisibleFields(t) {
		if !f.IsExported() || f.Anonymous && f.Tag.Get("json") == "" && f.Type.Kind() == reflect.Struct {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		switch {
		case name == key:
			return f.Type, ""
		case strings.EqualFold(name, key):
			folded = name
		case editDistance(strings.ToLower(name), strings.ToLower(key), 2) <= 2:
			near, nearCount = name, nearCount+1
		}
	}
	if folded == "" && nearCount == 1 {
		return nil, near
	}
	return nil, folded
}

// editDistance is the Levenshtein distance of a and b, or limit+1 when it
// is above limit.
func editDistance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > limit || -d > limit || len(ra) > 64 || len(rb) > 64 {
		return limit + 1
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return min(prev[len(rb)], limit+1)
}

// kindOf names what a field of type t holds, for a message.
func kindOf(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Float64, reflect.Float32:
		return "a number"
	case reflect.Int, reflect.Int64, reflect.Int32, reflect.Int16, reflect.Int8:
		return "a whole number"
	case reflect.String:
		return "text"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.Pointer:
		return kindOf(t.Elem())
	}
	return t.Kind().String()
}

// joinPath appends an object key to a path: a.b for a field, a[b] for a
// map key, and a["odd key"] for either when the key is not plain text.
func joinPath(path, key string, isMap bool) string {
	plain := key != ""
	for _, r := range key {
		if !(r == '_' || r == '-' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			plain = false
			break
		}
	}
	switch {
	case !plain:
		return path + "[" + strconv.Quote(key) + "]"
	case isMap:
		return path + "[" + key + "]"
	case path == "":
		return key
	}
	return path + "." + key
}

// quoteShort quotes text for a message, cut to 40 characters.
func quoteShort(s string) string {
	if r := []rune(s); len(r) > 40 {
		return strconv.Quote(string(r[:40])) + "…"
	}
	return strconv.Quote(s)
}

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
//
// It scans the bytes itself: the document is known to be valid JSON
// (checkText), and encoding/json's token reader is several times slower.
type shapeWalker struct {
	data  []byte
	pos   int
	path  []segment // where the value being checked is
	errs  Errors
	fixes []numberFix
}

// segment is one step of a path: a field, a map key or a list index.
type segment struct {
	key   string
	index int
	kind  byte // '.' field, '[' map key, '#' list index
}

// numberFix replaces data[from:to] by text.
type numberFix struct {
	from, to int
	text     string
}

// errTooMany stops a walk that has found maxShapeErrors problems.
var errTooMany = errors.New("too many problems")

// checkShape checks data, valid JSON, against t and returns the document
// to decode: data itself, or a copy with whole numbers rewritten.
func checkShape(data []byte, t reflect.Type) ([]byte, error) {
	w := &shapeWalker{data: data}
	if err := w.value(t); err != nil {
		w.errs = append(w.errs, FieldError{Msg: fmt.Sprintf("(stopped after %d problems)", maxShapeErrors)})
	}
	if len(w.errs) > 0 {
		return nil, w.errs
	}
	if len(w.fixes) == 0 {
		return data, nil
	}
	var b bytes.Buffer
	b.Grow(len(data))
	at := 0
	for _, f := range w.fixes {
		b.Write(data[at:f.from])
		b.WriteString(f.text)
		at = f.to
	}
	b.Write(data[at:])
	return b.Bytes(), nil
}

// where renders the current path: scenarios[0].viral.seedUsers.
func (w *shapeWalker) where() string {
	var b strings.Builder
	for _, s := range w.path {
		switch s.kind {
		case '#':
			fmt.Fprintf(&b, "[%d]", s.index)
		default:
			p := joinPath(b.String(), s.key, s.kind == '[')
			b.Reset()
			b.WriteString(p)
		}
	}
	return b.String()
}

// fail records a problem at the current path; it returns errTooMany at
// the limit.
func (w *shapeWalker) fail(format string, a ...any) error {
	w.errs = append(w.errs, FieldError{Path: w.where(), Msg: fmt.Sprintf(format, a...)})
	if len(w.errs) >= maxShapeErrors {
		return errTooMany
	}
	return nil
}

// space skips white space.
func (w *shapeWalker) space() {
	for w.pos < len(w.data) {
		switch w.data[w.pos] {
		case ' ', '\t', '\r', '\n':
			w.pos++
		default:
			return
		}
	}
}

// value checks the next value against type t.
func (w *shapeWalker) value(t reflect.Type) error {
	w.space()
	c := w.data[w.pos]
	if c == 'n' { // null
		w.pos += 4
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface:
			return nil
		}
		return w.fail("expected %s, got null", kindOf(t))
	}
	if t.Kind() == reflect.Interface || t.Implements(unmarshalerType) || reflect.PointerTo(t).Implements(unmarshalerType) {
		w.skip() // decoded as it comes
		return nil
	}
	if t.Kind() == reflect.Pointer {
		return w.value(t.Elem())
	}
	switch {
	case c == '{' && t.Kind() == reflect.Struct:
		return w.object(false, func(key string) (reflect.Type, string) { return fieldType(t, key) })
	case c == '{' && t.Kind() == reflect.Map && t.Key().Kind() == reflect.String:
		return w.object(true, func(string) (reflect.Type, string) { return t.Elem(), "" })
	case c == '[' && (t.Kind() == reflect.Slice || t.Kind() == reflect.Array):
		return w.list(t.Elem())
	case c == '{' || c == '[':
		what := map[byte]string{'{': "an object", '[': "a list"}[c]
		w.skip()
		return w.fail("expected %s, got %s", kindOf(t), what)
	case c == '"':
		start := w.pos
		w.skip()
		if t.Kind() != reflect.String {
			var text string
			json.Unmarshal(w.data[start:w.pos], &text)
			return w.fail("expected %s, got text %s", kindOf(t), quoteShort(text))
		}
	case c == 't' || c == 'f':
		w.skip()
		if t.Kind() != reflect.Bool {
			return w.fail("expected %s, got %t", kindOf(t), c == 't')
		}
	default:
		start := w.pos
		w.skip()
		return w.number(start, w.pos, t)
	}
	return nil
}

var unmarshalerType = reflect.TypeFor[json.Unmarshaler]()

// list checks the elements of a list against elem.
func (w *shapeWalker) list(elem reflect.Type) error {
	w.pos++ // '['
	w.path = append(w.path, segment{kind: '#'})
	defer func() { w.path = w.path[:len(w.path)-1] }()
	for i := 0; ; i++ {
		w.space()
		if w.data[w.pos] == ']' {
			w.pos++
			return nil
		}
		w.path[len(w.path)-1].index = i
		if err := w.value(elem); err != nil {
			return err
		}
		w.space()
		if w.data[w.pos] == ',' {
			w.pos++
		}
	}
}

// object checks the members of an object (a map's when isMap); field gives
// a key's type, or nil and the key's right spelling ("" if none).
func (w *shapeWalker) object(isMap bool, field func(key string) (reflect.Type, string)) error {
	w.pos++ // '{'
	kind := byte('.')
	if isMap {
		kind = '['
	}
	w.path = append(w.path, segment{kind: kind})
	defer func() { w.path = w.path[:len(w.path)-1] }()
	var seen keySet
	for {
		w.space()
		if w.data[w.pos] == '}' {
			w.pos++
			return nil
		}
		key := w.key()
		w.space()
		w.pos++ // ':'
		w.path[len(w.path)-1].key = key
		ft, spelling := field(key)
		var err error
		switch {
		case !seen.add(key):
			err = w.fail("the key appears twice in this object")
			ft = nil
		case ft == nil && spelling != "":
			err = w.fail("unknown field, did you mean %s?", spelling)
		case ft == nil:
			err = w.fail("unknown field (is the name misspelt?)")
		}
		if err == nil && ft == nil {
			w.space()
			w.skip()
		} else if err == nil {
			err = w.value(ft)
		}
		if err != nil {
			return err
		}
		w.space()
		if w.data[w.pos] == ',' {
			w.pos++
		}
	}
}

// key reads an object key.
func (w *shapeWalker) key() string {
	w.space()
	start := w.pos
	w.skip()
	raw := w.data[start+1 : w.pos-1]
	if bytes.IndexByte(raw, '\\') < 0 {
		return string(raw)
	}
	var k string
	json.Unmarshal(w.data[start:w.pos], &k)
	return k
}

// keySet remembers an object's keys: a list while short, then a map (a
// crafted object may hold a million keys).
type keySet struct {
	few  []string
	many map[string]bool
}

// add adds key and reports whether it was new.
func (s *keySet) add(key string) bool {
	if s.many != nil {
		if s.many[key] {
			return false
		}
		s.many[key] = true
		return true
	}
	for _, k := range s.few {
		if k == key {
			return false
		}
	}
	s.few = append(s.few, key)
	if len(s.few) > 32 {
		s.many = map[string]bool{}
		for _, k := range s.few {
			s.many[k] = true
		}
	}
	return true
}

// skip moves past the value at pos (white space already skipped).
func (w *shapeWalker) skip() {
	d := w.data
	switch d[w.pos] {
	case '"':
		for w.pos++; d[w.pos] != '"'; w.pos++ {
			if d[w.pos] == '\\' {
				w.pos++
			}
		}
		w.pos++
	case '{', '[':
		depth := 0
		for {
			switch d[w.pos] {
			case '"':
				w.skip()
				continue
			case '{', '[':
				depth++
			case '}', ']':
				depth--
			}
			w.pos++
			if depth == 0 {
				return
			}
		}
	case 't', 'n':
		w.pos += 4
	case 'f':
		w.pos += 5
	default:
		for w.pos < len(d) && strings.IndexByte("+-0123456789.eE", d[w.pos]) >= 0 {
			w.pos++
		}
	}
}

// number checks the number literal data[start:end] against type t.
func (w *shapeWalker) number(start, end int, t reflect.Type) error {
	lit := string(w.data[start:end])
	switch t.Kind() {
	case reflect.Float64, reflect.Float32:
		if _, err := strconv.ParseFloat(lit, t.Bits()); err != nil {
			return w.fail("%s is too large", lit) // ±Inf; tiny ones round to 0
		}
		return nil
	case reflect.Int, reflect.Int64, reflect.Int32, reflect.Int16, reflect.Int8:
		if _, err := strconv.ParseInt(lit, 10, t.Bits()); err == nil {
			return nil
		}
		v, err := strconv.ParseFloat(lit, 64)
		switch {
		case err != nil:
			return w.fail("%s is too large", lit)
		case v != math.Trunc(v):
			return w.fail("expected a whole number, got %s", lit)
		case math.Abs(v) >= math.Ldexp(1, t.Bits()-1):
			return w.fail("%s is too large", lit)
		}
		// A whole number written as 36.0 or 3.6e1.
		w.fixes = append(w.fixes, numberFix{start, end, strconv.FormatInt(int64(v), 10)})
		return nil
	case reflect.Uint, reflect.Uint64, reflect.Uint32, reflect.Uint16, reflect.Uint8:
		return w.unsigned(start, end, t)
	}
	return w.fail("expected %s, got the number %s", kindOf(t), lit)
}

// unsigned checks the literal data[start:end] against the unsigned type t
// (a simulation's seed): a whole number from 0 up, however it is spelt.
func (w *shapeWalker) unsigned(start, end int, t reflect.Type) error {
	lit := string(w.data[start:end])
	if _, err := strconv.ParseUint(lit, 10, t.Bits()); err == nil {
		return nil
	}
	v, err := strconv.ParseFloat(lit, 64)
	switch {
	case err != nil:
		return w.fail("%s is too large", lit)
	case v != math.Trunc(v):
		return w.fail("expected a whole number of 0 or more, got %s", lit)
	case v < 0:
		return w.fail("must be 0 or more, got %s", lit)
	case v >= math.Ldexp(1, t.Bits()):
		return w.fail("%s is too large (at most %d)", lit, uint64(math.MaxUint64)>>(64-t.Bits()))
	case v > 1<<53:
		// Beyond 2⁵³ a float no longer holds every whole number exactly.
		return w.fail("%s: write a seed above 2^53 in plain digits", lit)
	}
	w.fixes = append(w.fixes, numberFix{start, end, strconv.FormatUint(uint64(v), 10)})
	return nil
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
	case reflect.Uint, reflect.Uint64, reflect.Uint32, reflect.Uint16, reflect.Uint8:
		return "a whole number of 0 or more"
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

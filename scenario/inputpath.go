package scenario

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
)

// Input paths name one input of a scenario (docs/MODELS.md §8):
// the JSON field names from the scenario down, dot-separated, with list
// items addressed by [id] when they have one, else by [name], and map
// entries by [key]: viral.inviteConversion, sales.stages[First Sales Hire].aes,
// fulfillment.models[3PL].perOrder, markets.markets[<id>].scores[<factor id>].

// pathStep is one field of an input path, with the item or entry key that
// follows it in brackets, if any.
type pathStep struct {
	field  string
	key    string
	hasKey bool
}

// parsePath splits an input path into steps. Keys may hold dots and spaces
// but no closing bracket.
func parsePath(path string) ([]pathStep, error) {
	if strings.TrimSpace(path) == "" {
		return nil, errors.New("empty input path")
	}
	var steps []pathStep
	rest := path
	for {
		end := strings.IndexAny(rest, ".[")
		if end < 0 {
			end = len(rest)
		}
		st := pathStep{field: rest[:end]}
		if st.field == "" {
			return nil, fmt.Errorf("input path %q: a field name is missing", path)
		}
		rest = rest[end:]
		if strings.HasPrefix(rest, "[") {
			close := strings.IndexByte(rest, ']')
			if close < 0 {
				return nil, fmt.Errorf("input path %q: a [ is not closed", path)
			}
			st.key, st.hasKey = rest[1:close], true
			rest = rest[close+1:]
		}
		steps = append(steps, st)
		if rest == "" {
			return steps, nil
		}
		if !strings.HasPrefix(rest, ".") {
			return nil, fmt.Errorf("input path %q: expected . after ]", path)
		}
		rest = rest[1:]
	}
}

// inputRef is a resolved numeric input: read and write it.
type inputRef struct {
	get   func() float64
	set   func(float64) error
	whole bool
}

// location is where an input path points in a scenario: a settable value
// (a field, a list, a list item), or an entry of a map (a market's score).
type location struct {
	v     reflect.Value // the value, when not a map entry
	m     reflect.Value // the map, for a map entry
	key   reflect.Value // the entry's key
	entry bool
}

// typ is the Go type of the value at the location.
func (l location) typ() reflect.Type {
	if l.entry {
		return l.m.Type().Elem()
	}
	return l.v.Type()
}

// value returns the value at the location.
func (l location) value() reflect.Value {
	if l.entry {
		return l.m.MapIndex(l.key)
	}
	return l.v
}

// set replaces the value at the location.
func (l location) set(x reflect.Value) {
	if l.entry {
		l.m.SetMapIndex(l.key, x)
		return
	}
	l.v.Set(x)
}

// locateInput finds what an input path names in s, of any kind: a number, a
// switch, a choice, a whole list (sales.stages) or a list item's field.
func locateInput(s *Scenario, path string) (location, error) {
	steps, err := parsePath(path)
	if err != nil {
		return location{}, err
	}
	v := reflect.ValueOf(s).Elem()
	for i, st := range steps {
		at := func(format string, a ...any) error {
			return fmt.Errorf("input path %q: %s", path, fmt.Sprintf(format, a...))
		}
		f, ok := fieldByJSON(v, st.field)
		if !ok {
			return location{}, at("no input %q here", st.field)
		}
		v = f
		if !st.hasKey {
			continue
		}
		switch v.Kind() {
		case reflect.Slice:
			item, ok := itemByKey(v, st.key)
			if !ok {
				return location{}, at("%s has no item with id or name %q", st.field, st.key)
			}
			v = item
		case reflect.Map:
			if i != len(steps)-1 {
				return location{}, at("%s[%s] holds a number, not fields", st.field, st.key)
			}
			k := reflect.ValueOf(st.key)
			if !v.MapIndex(k).IsValid() {
				return location{}, at("no entry %q", st.key)
			}
			return location{m: v, key: k, entry: true}, nil
		default:
			return location{}, at("%s is not a list", st.field)
		}
	}
	return location{v: v}, nil
}

// resolveInput finds the numeric input an input path names in s.
func resolveInput(s *Scenario, path string) (inputRef, error) {
	loc, err := locateInput(s, path)
	if err != nil {
		return inputRef{}, err
	}
	return loc.ref(path)
}

// ref returns the number at the location (path names it in errors), to
// read and write.
func (l location) ref(path string) (inputRef, error) {
	if l.entry {
		return mapRef(l, path)
	}
	return valueRef(l.v, path)
}

// fieldByJSON returns the field of struct v whose JSON name is name.
func fieldByJSON(v reflect.Value, name string) (reflect.Value, bool) {
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return reflect.Value{}, false
		}
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return reflect.Value{}, false
	}
	t := v.Type()
	for i := range t.NumField() {
		tag, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if tag == name && tag != "-" {
			return v.Field(i), true
		}
	}
	return reflect.Value{}, false
}

// itemByKey finds the list item whose id (any case) or else name is key.
func itemByKey(list reflect.Value, key string) (reflect.Value, bool) {
	for _, field := range []string{"id", "name"} {
		for i := range list.Len() {
			f, ok := fieldByJSON(list.Index(i), field)
			if ok && f.Kind() == reflect.String && (f.String() == key || field == "id" && strings.EqualFold(f.String(), key)) {
				return list.Index(i), true
			}
		}
	}
	return reflect.Value{}, false
}

func mapRef(loc location, path string) (inputRef, error) {
	if loc.typ().Kind() != reflect.Float64 {
		return inputRef{}, fmt.Errorf("input path %q: not a number", path)
	}
	return inputRef{
		get: func() float64 { return loc.value().Float() },
		set: func(x float64) error { loc.set(reflect.ValueOf(x)); return nil },
	}, nil
}

func valueRef(v reflect.Value, path string) (inputRef, error) {
	switch v.Kind() {
	case reflect.Float64:
		return inputRef{get: v.Float, set: func(x float64) error { v.SetFloat(x); return nil }}, nil
	case reflect.Int:
		return inputRef{
			get: func() float64 { return float64(v.Int()) },
			set: func(x float64) error {
				if x != math.Trunc(x) || math.Abs(x) > MaxHeads*10 {
					return fmt.Errorf("input path %q: expected a whole number, got %g", path, x)
				}
				v.SetInt(int64(x))
				return nil
			},
			whole: true,
		}, nil
	}
	return inputRef{}, fmt.Errorf("input path %q: not a number (it holds %s)", path, kindName(v.Kind().String()))
}

// InputValue returns the number the input path names in s.
func InputValue(s *Scenario, path string) (float64, error) {
	r, err := resolveInput(s, path)
	if err != nil {
		return 0, err
	}
	return r.get(), nil
}

// SetInput sets the number the input path names in s. It does not validate
// the scenario; a whole-number input refuses a fraction.
func SetInput(s *Scenario, path string, v float64) error {
	r, err := resolveInput(s, path)
	if err != nil {
		return err
	}
	return r.set(v)
}

// FloatInputs lists the input paths of every real-valued input of s, in
// field order: the inputs a relative change (an experiment's lift) can
// apply to. Whole-number inputs, switches and text are left out, and so are
// market scores and factor weights, which are judgements, not rates.
func FloatInputs(s *Scenario) []string {
	var kept []string
	for _, p := range RangeInputs(s) {
		if !strings.HasPrefix(p, "markets.") {
			kept = append(kept, p)
		}
	}
	return kept
}

// RangeInputs lists the input paths of every real-valued input of s, in
// field order: the inputs that may take a range, and that goal seek and
// decision thresholds may vary (FloatInputs and the markets' factor
// weights; scores are whole numbers).
func RangeInputs(s *Scenario) []string {
	var out []string
	var walk func(v reflect.Value, prefix string)
	walk = func(v reflect.Value, prefix string) {
		if v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return
			}
			v = v.Elem()
		}
		switch v.Kind() {
		case reflect.Float64:
			out = append(out, prefix)
		case reflect.Struct:
			t := v.Type()
			for i := range t.NumField() {
				tag, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
				if tag == "" || tag == "-" || !t.Field(i).IsExported() {
					continue
				}
				walk(v.Field(i), join(prefix, tag))
			}
		case reflect.Slice:
			for i := range v.Len() {
				key := itemKey(v.Index(i))
				if key == "" {
					return // a list of plain numbers (ruleOfThumb) has no item paths
				}
				walk(v.Index(i), prefix+"["+key+"]")
			}
		}
	}
	walk(reflect.ValueOf(s).Elem(), "")
	return out
}

func join(prefix, field string) string {
	if prefix == "" {
		return field
	}
	return prefix + "." + field
}

// itemKey is how a list item is addressed: its id, else its name.
func itemKey(item reflect.Value) string {
	for _, field := range []string{"id", "name"} {
		if f, ok := fieldByJSON(item, field); ok && f.Kind() == reflect.String && f.String() != "" {
			return f.String()
		}
	}
	return ""
}

// KeyedPath rewrites the list indexes of path, as the editor numbers a
// table's rows (sales.stages[1].aes), as the items' keys that overrides and
// every other use name them by (sales.stages[First Sales Hire].aes). A
// whole number in brackets is read as an index first; any other key that
// is an item's id or name stays, as do map keys and the index of an item
// without a key.
func KeyedPath(s *Scenario, path string) (string, error) {
	steps, err := parsePath(path)
	if err != nil {
		return "", err
	}
	v := reflect.ValueOf(s).Elem()
	var b strings.Builder
	for i, st := range steps {
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(st.field)
		f, ok := fieldByJSON(v, st.field)
		if !ok {
			return "", fmt.Errorf("input path %q: no input %q here", path, st.field)
		}
		v = f
		if !st.hasKey {
			continue
		}
		key := st.key
		if v.Kind() == reflect.Slice {
			if n, err := strconv.Atoi(key); err == nil && n >= 0 && n < v.Len() {
				v = v.Index(n)
				if k := itemKey(v); k != "" {
					key = k
				}
			} else if item, ok := itemByKey(v, key); ok {
				v = item
			} else {
				return "", fmt.Errorf("input path %q: %s has no item %q", path, st.field, key)
			}
		}
		b.WriteString("[" + key + "]")
	}
	return b.String(), nil
}

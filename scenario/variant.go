package scenario

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// Variants (docs/MODELS.md §8): a scenario BasedOn another stores
// only its Overrides, a map from input path to a JSON value. In memory every
// scenario holds its inputs in full — a variant's are its base's with its
// overrides applied — so the models, the charts and the workbook need not
// know about variants. ResolveVariants and Reconcile keep them up to date.

// ownFields are a scenario's fields that are not inputs: a variant never
// inherits them and cannot override them.
// Ranges are not inputs either: a variant's are merged with its base's
// (variant_ranges.go).
var ownFields = map[string]bool{"id": true, "name": true, "notes": true, "basedOn": true, "overrides": true, "ranges": true}

// IsVariant reports whether s is based on another scenario.
func (s *Scenario) IsVariant() bool { return s.BasedOn != "" }

// ScenarioByID returns the scenario with id (any case), or nil.
func (p *Plan) ScenarioByID(id string) *Scenario {
	if i := p.scenarioIndex(id); i >= 0 {
		return &p.Scenarios[i]
	}
	return nil
}

// Variants returns the indexes of the scenarios based directly on the
// scenario with id, in plan order.
func (p *Plan) Variants(id string) []int {
	var out []int
	for i := range p.Scenarios {
		if p.Scenarios[i].BasedOn != "" && strings.EqualFold(p.Scenarios[i].BasedOn, id) {
			out = append(out, i)
		}
	}
	return out
}

// Depth is how many bases lie above scenario i (0 for a scenario that is
// no variant), following basedOn as far as it leads without a cycle.
func (p *Plan) Depth(i int) int {
	seen := map[int]bool{i: true}
	d := 0
	for {
		j := p.scenarioIndex(p.Scenarios[i].BasedOn)
		if p.Scenarios[i].BasedOn == "" || j < 0 || seen[j] {
			return d
		}
		seen[j] = true
		i, d = j, d+1
	}
}

// familyOrder returns the indexes of the scenarios in an order that puts
// every base before its variants, and a located error for each scenario
// whose basedOn names no scenario or leads round in a cycle (those and
// their variants are left out of the order).
func (p *Plan) familyOrder() ([]int, Errors) {
	const (
		unseen = iota
		visiting
		done
		broken
	)
	state := make([]int, len(p.Scenarios))
	var order []int
	var errs Errors
	var visit func(i int, chain []int) bool
	visit = func(i int, chain []int) bool {
		switch state[i] {
		case done:
			return true
		case broken:
			return false
		case visiting:
			errs = append(errs, FieldError{fmt.Sprintf("scenarios[%d].basedOn", i), "a cycle: " + p.chainNames(append(chain, i)) + "; a scenario cannot be based, even indirectly, on itself"})
			return false
		}
		s := &p.Scenarios[i]
		ok := true
		if s.BasedOn != "" {
			state[i] = visiting
			j := p.scenarioIndex(s.BasedOn)
			switch {
			case j < 0:
				errs = append(errs, FieldError{fmt.Sprintf("scenarios[%d].basedOn", i), fmt.Sprintf("no scenario has id %q (the base is missing)", s.BasedOn)})
				ok = false
			default:
				ok = visit(j, append(chain, i))
			}
		}
		if !ok {
			state[i] = broken
			return false
		}
		state[i] = done
		order = append(order, i)
		return true
	}
	for i := range p.Scenarios {
		visit(i, nil)
	}
	return order, errs
}

// chainNames renders a basedOn chain by scenario name: "A" → "B" → "A".
func (p *Plan) chainNames(chain []int) string {
	names := make([]string, len(chain))
	for k, i := range chain {
		names[k] = fmt.Sprintf("%q", p.Scenarios[i].Name)
	}
	return strings.Join(names, " → ")
}

// ResolveVariants sets every variant's inputs to its base's with its
// overrides applied, bases first, so a variant of a variant inherits both
// levels. A cycle, a dangling base or an override that does not apply is
// returned as Errors located in the plan file
// (scenarios[2].overrides["fulfillment.models[4PL].perOrder"]: …).
func (p *Plan) ResolveVariants() error {
	order, errs := p.familyOrder()
	for _, i := range order {
		v := &p.Scenarios[i]
		if v.BasedOn == "" {
			continue
		}
		errs = append(errs, resolveVariant(p.ScenarioByID(v.BasedOn), v, fmt.Sprintf("scenarios[%d]", i))...)
	}
	if len(errs) == 0 {
		return nil
	}
	return errs
}

// resolveVariant gives v its base's inputs with v's overrides applied, in
// sorted path order (a whole list before an item of it), and its effective
// ranges (effectiveRanges). On error v is left as it was.
func resolveVariant(base, v *Scenario, prefix string) Errors {
	r := base.Clone()
	r.ID, r.Name, r.Notes, r.BasedOn, r.Overrides = v.ID, v.Name, v.Notes, v.BasedOn, v.Overrides
	r.OwnRanges = v.OwnRanges
	r.Ranges = effectiveRanges(base, &r)
	var errs Errors
	for _, path := range OverridePaths(v) {
		if err := applyOverride(&r, path, v.Overrides[path]); err != nil {
			errs = append(errs, FieldError{overrideAt(prefix, path), err.Error()})
		}
	}
	if len(errs) == 0 {
		*v = r
	}
	return errs
}

// overrideAt locates an override in the plan file.
func overrideAt(prefix, path string) string {
	at := fmt.Sprintf("overrides[%q]", path)
	if prefix == "" {
		return at
	}
	return prefix + "." + at
}

// OverridePaths returns the input paths s overrides, sorted.
func OverridePaths(s *Scenario) []string {
	paths := make([]string, 0, len(s.Overrides))
	for p := range s.Overrides {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	return paths
}

// applyOverride sets the input at path in s to the JSON value raw, which
// must have the input's type (a number, true or false, text, a list …).
func applyOverride(s *Scenario, path string, raw json.RawMessage) error {
	if st, err := parsePath(path); err == nil && ownFields[st[0].field] {
		return fmt.Errorf("%s is the variant's own, not an input it can override", st[0].field)
	}
	loc, err := locateInput(s, path)
	if err != nil {
		return errors.New(strings.TrimPrefix(err.Error(), fmt.Sprintf("input path %q: ", path)))
	}
	v, err := decodeValue(raw, loc.typ())
	if err != nil {
		return err
	}
	loc.set(v)
	return nil
}

// decodeValue reads raw as a value of type t as strictly as a plan file is
// read (shape.go): no null, no unknown or repeated key, the right kind.
func decodeValue(raw json.RawMessage, t reflect.Type) (reflect.Value, error) {
	trimmed := bytes.TrimSpace(raw)
	if len(trimmed) == 0 || bytes.Equal(trimmed, []byte("null")) {
		return reflect.Value{}, fmt.Errorf("expected %s, got null", kindName(t.Kind().String()))
	}
	doc, err := checkShape(trimmed, t)
	if err != nil {
		var es Errors
		if errors.As(err, &es) && len(es) > 0 {
			return reflect.Value{}, es[0] // the first problem, located inside the value
		}
		return reflect.Value{}, locate(trimmed, err)
	}
	nv := reflect.New(t)
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.DisallowUnknownFields()
	if err := dec.Decode(nv.Interface()); err != nil {
		return reflect.Value{}, locate(doc, err)
	}
	if dec.More() {
		return reflect.Value{}, errors.New("unexpected data after the value")
	}
	return nv.Elem(), nil
}

// DiffInputs returns the inputs of b that differ from a's, by input path,
// each with b's value as JSON. Lists whose items keep their ids or names
// (in the same order) differ item by item and field by field
// (fulfillment.models[3PL].perOrder); a list that gained, lost or
// reordered items differs as a whole (sales.stages). The scenario's own
// fields (id, name, notes) are not inputs and never differ.
func DiffInputs(a, b *Scenario) map[string]json.RawMessage {
	out := map[string]json.RawMessage{}
	va, vb := reflect.ValueOf(a).Elem(), reflect.ValueOf(b).Elem()
	t := va.Type()
	for i := range t.NumField() {
		tag := jsonName(t.Field(i))
		if tag == "" || ownFields[tag] {
			continue
		}
		diffValues(va.Field(i), vb.Field(i), tag, out)
	}
	return out
}

// jsonName is a struct field's JSON name, "" when it has none.
func jsonName(f reflect.StructField) string {
	tag, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	if tag == "-" || !f.IsExported() {
		return ""
	}
	return tag
}

func diffValues(a, b reflect.Value, path string, out map[string]json.RawMessage) {
	switch a.Kind() {
	case reflect.Struct:
		t := a.Type()
		for i := range t.NumField() {
			if tag := jsonName(t.Field(i)); tag != "" {
				diffValues(a.Field(i), b.Field(i), path+"."+tag, out)
			}
		}
		return
	case reflect.Slice:
		if keys, ok := sameItemKeys(a, b); ok {
			for i, k := range keys {
				diffValues(a.Index(i), b.Index(i), path+"["+k+"]", out)
			}
			return
		}
	case reflect.Map:
		if keys, ok := sameMapKeys(a, b); ok {
			for _, k := range keys {
				kv := reflect.ValueOf(k)
				diffValues(a.MapIndex(kv), b.MapIndex(kv), path+"["+k+"]", out)
			}
			return
		}
	}
	if !reflect.DeepEqual(a.Interface(), b.Interface()) {
		out[path] = marshalValue(b)
	}
}

// marshalValue writes an input's value as JSON (inputs are always finite).
func marshalValue(v reflect.Value) json.RawMessage {
	raw, err := json.Marshal(v.Interface())
	if err != nil {
		panic(fmt.Sprintf("scenario: an input does not encode: %v", err))
	}
	return raw
}

// sameItemKeys returns the keys of two lists of items when both hold the
// same addressable keys in the same order, each once.
func sameItemKeys(a, b reflect.Value) ([]string, bool) {
	if a.Len() != b.Len() || a.Type().Elem().Kind() != reflect.Struct {
		return nil, false
	}
	keys := make([]string, a.Len())
	seen := map[string]bool{}
	for i := range a.Len() {
		k := itemKey(a.Index(i))
		lk := strings.ToLower(k)
		if k == "" || k != itemKey(b.Index(i)) || seen[lk] || strings.Contains(k, "]") {
			return nil, false
		}
		seen[lk] = true
		keys[i] = k
	}
	return keys, true
}

// sameMapKeys returns the sorted keys of two maps with the same keys.
func sameMapKeys(a, b reflect.Value) ([]string, bool) {
	if a.Len() != b.Len() || a.Type().Key().Kind() != reflect.String {
		return nil, false
	}
	keys := make([]string, 0, a.Len())
	for _, k := range a.MapKeys() {
		if !b.MapIndex(k).IsValid() || strings.Contains(k.String(), "]") {
			return nil, false
		}
		keys = append(keys, k.String())
	}
	slices.Sort(keys)
	return keys, true
}

// coveredBy reports whether override key k covers path: k is path or one
// of its parents (sales.stages covers sales.stages[Seed].aes).
func coveredBy(path, k string) bool {
	return path == k || strings.HasPrefix(path, k) && (path[len(k)] == '.' || path[len(k)] == '[')
}

// OverrideOf returns the override of s that covers the input at path (the
// path itself or a list it is in), if any.
func OverrideOf(s *Scenario, path string) (string, bool) {
	for _, k := range OverridePaths(s) {
		if coveredBy(path, k) {
			return k, true
		}
	}
	return "", false
}

// recordOverride makes the current value of the input at path in s one of
// its overrides: the override covering it takes s's current value if one
// exists, else path becomes an override, replacing any inside it.
func recordOverride(s *Scenario, path string) {
	if k, ok := OverrideOf(s, path); ok {
		path = k
	}
	loc, err := locateInput(s, path)
	if err != nil {
		return
	}
	for k := range s.Overrides {
		if coveredBy(k, path) {
			delete(s.Overrides, k)
		}
	}
	if s.Overrides == nil {
		s.Overrides = map[string]json.RawMessage{}
	}
	s.Overrides[path] = marshalValue(loc.value())
}

// ResetOverride removes the override at path from variant s, and any inside
// it, so those inputs follow the base again once resolved (Reconcile,
// ResolveVariants). It reports whether there was one.
func ResetOverride(s *Scenario, path string) bool {
	found := false
	for k := range s.Overrides {
		if coveredBy(k, path) {
			delete(s.Overrides, k)
			found = true
		}
	}
	return found
}

// Reconcile brings next's variants up to date after an edit turned prev
// into next: an input changed in a variant becomes (or updates) one of its
// overrides, then every variant is resolved again from its base, bases
// first, so an edit to a base flows into every variant that does not
// override that input. A range edited in a variant becomes one of its own,
// and ranges follow a list item that is renamed (followRenames). prev may
// be nil. Problems (a cycle, a dangling base, an override that no longer
// applies) are left for Validate to report.
func Reconcile(prev, next *Plan) {
	order, _ := next.familyOrder()
	for _, i := range order {
		v := &next.Scenarios[i]
		var old *Scenario
		if prev != nil {
			old = prev.ScenarioByID(v.ID)
		}
		if v.BasedOn == "" {
			if old != nil {
				v.Ranges = followRenames(old, v, v.Ranges)
			}
			continue
		}
		sameBase := old != nil && strings.EqualFold(old.BasedOn, v.BasedOn)
		if sameBase {
			changed := DiffInputs(old, v)
			for _, path := range sortedKeys(changed) {
				recordOverride(v, path)
			}
		}
		edited := v.Ranges
		base := next.ScenarioByID(v.BasedOn)
		if errs := resolveVariant(base, v, ""); len(errs) == 0 && sameBase {
			recordRanges(old, v, edited)
			v.Ranges = effectiveRanges(base, v)
		}
	}
}

func sortedKeys(m map[string]json.RawMessage) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// NewVariant returns a variant of the scenario with baseID in p, called
// name, with no overrides yet: every input is its base's.
func NewVariant(p *Plan, baseID, name string) (Scenario, error) {
	base := p.ScenarioByID(baseID)
	if base == nil {
		return Scenario{}, fmt.Errorf("no scenario has id %q", baseID)
	}
	v := Scenario{ID: NewID(), Name: name, BasedOn: base.ID, Overrides: map[string]json.RawMessage{}}
	if errs := resolveVariant(base, &v, ""); len(errs) > 0 {
		return Scenario{}, errs
	}
	return v, nil
}

// Detach turns variant s into a scenario of its own that keeps its current
// inputs and ranges in full and no longer follows a base.
func Detach(s *Scenario) {
	s.BasedOn, s.Overrides, s.OwnRanges = "", nil, nil
}

// variantErrors checks every variant of p: its base exists and no cycle
// leads back to it, and its overrides apply to its base's inputs (each
// names an input and has a value of the input's type).
func (p *Plan) variantErrors() Errors {
	order, errs := p.familyOrder()
	for _, i := range order {
		s := &p.Scenarios[i]
		if s.BasedOn == "" {
			continue
		}
		probe := s.Clone()
		errs = append(errs, resolveVariant(p.ScenarioByID(s.BasedOn), &probe, fmt.Sprintf("scenarios[%d]", i))...)
	}
	for i := range p.Scenarios {
		if p.Scenarios[i].BasedOn == "" && len(p.Scenarios[i].Overrides) > 0 {
			errs = append(errs, FieldError{fmt.Sprintf("scenarios[%d].overrides", i), "only a variant (a scenario with basedOn) has overrides"})
		}
	}
	return errs
}

// AllInputs lists the input path of every input of s, in field order:
// numbers, switches and choices one by one, list items by their id or name
// (without the key field itself), and lists of plain numbers
// (fulfillment.ruleOfThumb) whole.
func AllInputs(s *Scenario) []string {
	var out []string
	var walk func(v reflect.Value, path, skip string)
	walk = func(v reflect.Value, path, skip string) {
		switch v.Kind() {
		case reflect.Struct:
			t := v.Type()
			for i := range t.NumField() {
				tag := jsonName(t.Field(i))
				if tag == "" || tag == skip || path == "" && ownFields[tag] {
					continue
				}
				walk(v.Field(i), join(path, tag), "")
			}
			return
		case reflect.Slice:
			if keys, ok := sameItemKeys(v, v); ok {
				for i, k := range keys {
					field := "name"
					if f, ok := fieldByJSON(v.Index(i), "id"); ok && f.String() != "" {
						field = "id"
					}
					walk(v.Index(i), path+"["+k+"]", field)
				}
				return
			}
		case reflect.Map:
			if keys, ok := sameMapKeys(v, v); ok {
				for _, k := range keys {
					out = append(out, path+"["+k+"]")
				}
				return
			}
		}
		out = append(out, path)
	}
	walk(reflect.ValueOf(s).Elem(), "", "")
	return out
}

// InputJSON returns the value of the input at path in s as JSON: a number,
// true or false, text, or a list.
func InputJSON(s *Scenario, path string) (json.RawMessage, error) {
	loc, err := locateInput(s, path)
	if err != nil {
		return nil, err
	}
	return marshalValue(loc.value()), nil
}

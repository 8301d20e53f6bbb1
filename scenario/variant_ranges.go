package scenario

import (
	"maps"
	"reflect"
	"slices"
	"strings"
)

// A variant's ranges (docs/MODELS.md §8): its base's, with its own added or
// replacing them; a base's range on an input the variant overrides (or on a
// list holding it) is dropped unless the variant gives one. The file stores
// only the variant's own (OwnRanges); in memory Ranges holds the effective
// ones.

// effectiveRanges returns variant v's ranges: base's, less those on inputs
// v overrides, with v's own added or replacing them; nil when none.
func effectiveRanges(base, v *Scenario) map[string]Range {
	out := map[string]Range{}
	for p, r := range base.Ranges {
		if _, overridden := OverrideOf(v, p); !overridden {
			out[p] = r
		}
	}
	maps.Copy(out, v.OwnRanges)
	if len(out) == 0 {
		return nil
	}
	return out
}

// recordRanges updates variant v's own ranges after an edit turned old
// into v (v resolved again; edited holds its ranges as the edit left them):
// a range the edit added or changed becomes v's own, one it removed is no
// longer v's own (the base's, if any, applies again), and an inherited
// range whose input the edit newly overrides without changing its value (a
// model renamed in the variant) is kept as v's own rather than dropped.
// Paths follow renamed list items.
func recordRanges(old, v *Scenario, edited map[string]Range) {
	ren := renamedItems(old, v)
	own := map[string]Range{}
	for p, r := range v.OwnRanges {
		own[renamePath(p, ren)] = r
	}
	before, oldPath := map[string]Range{}, map[string]string{}
	for p, r := range old.Ranges {
		np := renamePath(p, ren)
		before[np], oldPath[np] = r, p
	}
	for p, r := range edited {
		p = renamePath(p, ren)
		b, had := before[p]
		if !had || b != r || carriedOver(old, v, oldPath[p], p) {
			own[p] = r
		}
	}
	for p := range before {
		if _, kept := edited[oldPath[p]]; !kept {
			if _, keptRenamed := edited[p]; !keptRenamed {
				delete(own, p)
			}
		}
	}
	v.OwnRanges = nil
	if len(own) > 0 {
		v.OwnRanges = own
	}
}

// carriedOver reports whether the input at path in v (oldPath in old) is
// newly covered by one of v's overrides while keeping its value.
func carriedOver(old, v *Scenario, oldPath, path string) bool {
	if _, now := OverrideOf(v, path); !now {
		return false
	}
	if _, before := OverrideOf(old, oldPath); before {
		return false
	}
	a, errA := InputValue(old, oldPath)
	b, errB := InputValue(v, path)
	return errA == nil && errB == nil && a == b
}

// followRenames returns ranges with their paths following the list items
// renamed between old and cur (fulfillment.models[3PL].perOrder becomes
// fulfillment.models[Partner].perOrder when 3PL is renamed Partner).
func followRenames(old, cur *Scenario, ranges map[string]Range) map[string]Range {
	ren := renamedItems(old, cur)
	if len(ren) == 0 || len(ranges) == 0 {
		return ranges
	}
	out := make(map[string]Range, len(ranges))
	for p, r := range ranges {
		out[renamePath(p, ren)] = r
	}
	return out
}

// renamePath rewrites path for the renamed items in ren (old item path →
// new item path), outer lists first.
func renamePath(path string, ren map[string]string) string {
	froms := slices.Collect(maps.Keys(ren))
	slices.SortFunc(froms, func(a, b string) int { return len(a) - len(b) })
	for _, from := range froms {
		if coveredBy(path, from) {
			path = ren[from] + path[len(from):]
		}
	}
	return path
}

// renamedItems finds the list items of a renamed in place in b: lists of
// the same length whose item at some position has another key in b, a key
// the list did not hold before (a rename, not a reorder). It maps each old
// item path to its new one (fulfillment.models[3PL] →
// fulfillment.models[Partner]). The scenario's own fields are skipped.
func renamedItems(a, b *Scenario) map[string]string {
	ren := map[string]string{}
	va, vb := reflect.ValueOf(a).Elem(), reflect.ValueOf(b).Elem()
	t := va.Type()
	for i := range t.NumField() {
		if tag := jsonName(t.Field(i)); tag != "" && !ownFields[tag] {
			findRenames(va.Field(i), vb.Field(i), tag, ren)
		}
	}
	return ren
}

func findRenames(a, b reflect.Value, path string, ren map[string]string) {
	switch a.Kind() {
	case reflect.Struct:
		t := a.Type()
		for i := range t.NumField() {
			if tag := jsonName(t.Field(i)); tag != "" {
				findRenames(a.Field(i), b.Field(i), path+"."+tag, ren)
			}
		}
	case reflect.Slice:
		if a.Len() != b.Len() || a.Type().Elem().Kind() != reflect.Struct {
			return
		}
		keysA, keysB := itemKeys(a), itemKeys(b)
		for i := range a.Len() {
			ka, kb := itemKey(a.Index(i)), itemKey(b.Index(i))
			item := path + "[" + kb + "]"
			if ka != kb && ka != "" && kb != "" && !keysB[ka] && !keysA[kb] && !strings.Contains(ka+kb, "]") {
				ren[path+"["+ka+"]"] = item
			}
			findRenames(a.Index(i), b.Index(i), item, ren)
		}
	}
}

// itemKeys is the set of a list's item keys.
func itemKeys(list reflect.Value) map[string]bool {
	keys := make(map[string]bool, list.Len())
	for i := range list.Len() {
		keys[itemKey(list.Index(i))] = true
	}
	return keys
}

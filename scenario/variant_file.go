package scenario

import (
	"encoding/json"
	"fmt"
)

// variantKeys is what readVariants needs to know of each scenario in a
// plan file: whether it is a variant and which of its fields it spells out.
type variantKeys struct {
	Scenarios []map[string]json.RawMessage `json:"scenarios"`
}

// readVariants finishes decoding the variants of a plan file: a variant
// stores only its own fields, its overrides and its own ranges (an
// inherited module written out in full is refused, so that nothing in the
// file is silently ignored), and a horizonMonths it gives is an override of
// its base's. Its ranges become its OwnRanges; ResolveVariants adds its
// base's.
func readVariants(data []byte, p *Plan) error {
	var keys variantKeys
	if err := json.Unmarshal(data, &keys); err != nil {
		return err
	}
	var errs Errors
	for i := range p.Scenarios {
		s := &p.Scenarios[i]
		if s.BasedOn == "" || i >= len(keys.Scenarios) {
			continue
		}
		s.OwnRanges = s.Ranges
		for _, k := range sortedKeys(keys.Scenarios[i]) {
			switch {
			case k == "horizonMonths":
				if s.Overrides == nil {
					s.Overrides = map[string]json.RawMessage{}
				}
				s.Overrides[k] = keys.Scenarios[i][k]
			case !ownFields[k]:
				errs = append(errs, FieldError{fmt.Sprintf("scenarios[%d].%s", i, k), fmt.Sprintf("a variant (based on %q) stores only the inputs it changes: move them into \"overrides\" by input path (%s.…)", s.BasedOn, k)})
			}
		}
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

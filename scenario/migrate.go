package scenario

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"
)

// Now is the clock that dates new plans and migrated files; tests replace it.
var Now = time.Now

// presence records which optional version 2 fields a file spells out.
type presence struct {
	StartMonth           json.RawMessage `json:"startMonth"`
	FiscalYearStartMonth json.RawMessage `json:"fiscalYearStartMonth"`
	Simulation           json.RawMessage `json:"simulation"`
	Scenarios            []struct {
		Finance   json.RawMessage `json:"finance"`
		BasedOn   json.RawMessage `json:"basedOn"`
		Overrides json.RawMessage `json:"overrides"`
		Ranges    json.RawMessage `json:"ranges"`
	} `json:"scenarios"`
}

func given(raw json.RawMessage) bool { return len(raw) > 0 && !bytes.Equal(raw, []byte("null")) }

// migrate brings a decoded plan of file version `version` to the current
// Version. Version 1 files gain the calendar (starting the month after now,
// fiscal years from January) and, per scenario, a finance module that is
// switched off, so they compute exactly as before; a version 1 file that
// spells out a version 2 field is refused rather than half-read. In version
// 2 every one of those fields is optional and takes the same default.
func migrate(data []byte, p *Plan, version int) error {
	var has presence
	if err := json.Unmarshal(data, &has); err != nil {
		return err
	}
	if version < 2 {
		if err := refuseNewer(has, version); err != nil {
			return err
		}
	}
	if !given(has.StartMonth) {
		p.StartMonth = DefaultStartMonth(Now())
	}
	if !given(has.FiscalYearStartMonth) {
		p.FiscalYearStartMonth = 1
	}
	for i := range p.Scenarios {
		if i >= len(has.Scenarios) || !given(has.Scenarios[i].Finance) {
			p.Scenarios[i].Finance = DefaultFinance()
			p.Scenarios[i].Finance.Enabled = false
		}
	}
	p.Version = Version
	return nil
}

// refuseNewer names the first version 2 field a version 1 file holds.
func refuseNewer(has presence, version int) error {
	field := ""
	switch {
	case given(has.StartMonth):
		field = "startMonth"
	case given(has.FiscalYearStartMonth):
		field = "fiscalYearStartMonth"
	case given(has.Simulation):
		field = "simulation"
	default:
		for i, s := range has.Scenarios {
			if name := v2ScenarioField(s.Finance, s.BasedOn, s.Overrides, s.Ranges); name != "" {
				field = fmt.Sprintf("scenarios[%d].%s", i, name)
				break
			}
		}
	}
	if field == "" {
		return nil
	}
	return fmt.Errorf("%s: this field needs file version 2, but the file says version %d", field, version)
}

// v2ScenarioField names the first version 2 field a scenario spells out.
func v2ScenarioField(finance, basedOn, overrides, ranges json.RawMessage) string {
	switch {
	case given(finance):
		return "finance"
	case given(basedOn):
		return "basedOn"
	case given(overrides):
		return "overrides"
	case given(ranges):
		return "ranges"
	}
	return ""
}

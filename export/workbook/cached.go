package workbook

import (
	"bytes"
	"fmt"
)

// errNA is the text the stream writer caches for a #N/A result, and the
// value of an error cell.
const errNA = "#N/A"

var (
	naValue   = []byte("<v>" + errNA + "</v>")
	cellStart = []byte("<c ")
	strType   = []byte(` t="str"`)
	errType   = []byte(` t="e"`)
)

// markErrors rewrites a worksheet's XML so that formula cells caching the
// text "#N/A" cache the error #N/A instead (t="e"), as Excel writes them:
// viewers that show cached values, and charts drawn from them, then skip
// the point instead of plotting text as zero. User text is never affected:
// the stream writer stores it as inline strings, not <v> values.
func markErrors(src []byte) ([]byte, error) {
	out := make([]byte, 0, len(src))
	rest := src
	for {
		at := bytes.Index(rest, naValue)
		if at < 0 {
			return append(out, rest...), nil
		}
		start := bytes.LastIndex(rest[:at], cellStart)
		if start < 0 {
			return nil, fmt.Errorf("cached %s outside a cell", errNA)
		}
		head := rest[start:at]
		t := bytes.Index(head, strType)
		if t < 0 || bytes.IndexByte(head[:t], '>') >= 0 {
			return nil, fmt.Errorf("cached %s in a cell that is not a formula: %.60s", errNA, head)
		}
		out = append(out, rest[:start+t]...)
		out = append(out, errType...)
		out = append(out, rest[start+t+len(strType):at+len(naValue)]...)
		rest = rest[at+len(naValue):]
	}
}

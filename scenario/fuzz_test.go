package scenario

import (
	"bytes"
	"encoding/json"
	"testing"

	"scaleplan/assets"
)

// FuzzDecode: any input either decodes to a valid plan that computes and
// survives an encode/decode round trip unchanged, or is refused with an
// error; never a panic.
//
// The seeds are small: the fuzzer minimises every new input it finds, byte
// by byte, so a 20 kB seed would keep it minimising instead of fuzzing.
func FuzzDecode(f *testing.F) {
	f.Add(compactSeed(f))
	f.Add([]byte(`{"format":"scaleplan","version":1,"name":"","currency":"USD","scenarios":[]}`))
	f.Add([]byte(`{"format":"scaleplan","version":2}`))
	f.Add([]byte(`{"format":"scaleplan","version":1,"scenarios":[{"viral":{"seedUsers":"NaN"}}]}`))
	f.Add([]byte(`[1,2,{"a":[{"b":}]}]`))
	f.Add([]byte{0xff, 0x00, 0x7b})
	// issue 9: a BOM, keys in another case and twice, whole numbers as
	// 36.0, huge numbers, escapes in keys and names
	f.Add([]byte("\xef\xbb\xbf{\"format\":\"scaleplan\",\"VERSION\":2,\"version\":2.0,\"name\":\"a\\u001b\",\"scenarios\":[{\"horizonMonths\":3.6e1,\"x\\\"\":1e999}]}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Decode(data)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			return
		}
		if _, err := ComputePlan(p); err != nil {
			return // a valid plan may still be refused by compute (e.g. no capacity), with an error
		}
		enc, err := Encode(p)
		if err != nil {
			t.Fatalf("a decoded plan does not encode: %v", err)
		}
		q, err := Decode(enc)
		if err != nil {
			t.Fatalf("an encoded plan does not decode: %v", err)
		}
		again, _ := Encode(q)
		if !bytes.Equal(enc, again) {
			t.Fatal("round trip changed the plan")
		}
	})
}

// compactSeed is the sample plan's first scenario over three months, as
// compact JSON with every field present.
func compactSeed(f *testing.F) []byte {
	p, err := Decode(assets.SamplePlan)
	if err != nil {
		f.Fatal(err)
	}
	p.Scenarios = p.Scenarios[:1]
	p.Scenarios[0].HorizonMonths = 3
	p.Scenarios[0].Markets.Markets = p.Scenarios[0].Markets.Markets[:2]
	b, err := json.Marshal(p)
	if err != nil {
		f.Fatal(err)
	}
	return b
}

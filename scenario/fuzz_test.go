package scenario

import (
	"bytes"
	"testing"

	"scaleplan/assets"
)

// FuzzDecode: any input either decodes to a valid plan that computes and
// survives an encode/decode round trip unchanged, or is refused with an
// error; never a panic.
func FuzzDecode(f *testing.F) {
	f.Add(assets.SamplePlan)
	f.Add([]byte(`{"format":"scaleplan","version":1,"name":"","currency":"USD","scenarios":[]}`))
	f.Add([]byte(`{"format":"scaleplan","version":2}`))
	f.Add([]byte(`{"format":"scaleplan","version":1,"scenarios":[{"viral":{"seedUsers":"NaN"}}]}`))
	f.Add([]byte(`[1,2,{"a":[{"b":}]}]`))
	f.Add([]byte{0xff, 0x00, 0x7b})
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

package scenario

import (
	"math"
	"strings"
	"testing"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in      string
		percent bool
		want    float64
		err     string
	}{
		{"1000", false, 1000, ""},
		{"1,000", false, 1000, ""},
		{"1,234,567.5", false, 1234567.5, ""},
		{"250k", false, 250000, ""},
		{"1.5M", false, 1.5e6, ""},
		{"1.5 m", false, 1.5e6, ""},
		{"2bn", false, 2e9, ""},
		{"$25", false, 25, ""},
		{" $1,500 ", false, 1500, ""},
		{"€3.5k", false, 3500, ""},
		{"-3", false, -3, ""},
		{"$-3", false, -3, ""},
		{".5", false, 0.5, ""},
		{"20%", true, 0.2, ""},
		{"20", true, 0.2, ""},
		{"3.5 %", true, 0.035, ""},
		{"0%", true, 0, ""},
		{"", false, 0, "enter a number"},
		{"abc", false, 0, "not a number"},
		{"1,5", false, 0, "commas must separate thousands"},
		{"1,0000", false, 0, "commas must separate thousands"},
		{",100", false, 0, "commas must separate thousands"},
		{"20%", false, 0, "not a percentage"},
		{"5k%", true, 0, "cannot have a k/M/bn suffix"},
		{"NaN", false, 0, "not a number"},
		{"Inf", false, 0, "not a number"},
		{"1e5", false, 0, "not a number"},
		{"0x10", false, 0, "not a number"},
		{"1.2.3", false, 0, "not a number"},
		{"9,999,999,999,999,999", false, 0, "too large"},
		{"1..", false, 0, "not a number"},
		{"٣", false, 0, "not a number"},
	}
	for _, tc := range tests {
		got, err := ParseNumber(tc.in, tc.percent)
		switch {
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("ParseNumber(%q) error = %v, want %q", tc.in, err, tc.err)
		case tc.err == "" && err != nil:
			t.Errorf("ParseNumber(%q): %v", tc.in, err)
		case tc.err == "" && !near(got, tc.want, 1e-15):
			t.Errorf("ParseNumber(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestFormatInput(t *testing.T) {
	tests := []struct {
		v       float64
		percent bool
		want    string
	}{
		{1000, false, "1,000"}, {1234567.5, false, "1,234,567.5"}, {0, false, "0"}, {-2500, false, "-2,500"},
		{0.2, true, "20%"}, {0.07, true, "7%"}, {0.035, true, "3.5%"}, {1.1, true, "110%"}, {30.4375, false, "30.4375"},
	}
	for _, tc := range tests {
		if got := FormatInput(tc.v, tc.percent); got != tc.want {
			t.Errorf("FormatInput(%v, %v) = %q, want %q", tc.v, tc.percent, got, tc.want)
		}
		back, err := ParseNumber(FormatInput(tc.v, tc.percent), tc.percent)
		if err != nil || !near(back, tc.v, 1e-12) {
			t.Errorf("round trip of %v: %v, %v", tc.v, back, err)
		}
	}
}

func TestFormatHelpers(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{FormatCount(1234567.4), "1,234,567"}, {FormatMoney(2500, "USD"), "$2,500"}, {FormatMoney(-2500, "EUR"), "-€2,500"},
		{FormatMoney(99, "CHF"), "99 CHF"}, {FormatCompact(950), "950"}, {FormatCompact(12500), "12.5k"},
		{FormatCompact(1.25e6), "1.25M"}, {FormatCompact(3.4e9), "3.4bn"}, {FormatCompact(-2000), "-2k"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"1,000", "250k", "1.5M", "$25", "20%", "-3", ".5", "1,5", "NaN", "1e5", "€3.5k", "9,999,999,999,999,999"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, percent bool) {
		v, err := ParseNumber(s, percent)
		if err != nil {
			return
		}
		if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > MaxInput {
			t.Fatalf("ParseNumber(%q) = %v: must be finite and at most %g", s, v, MaxInput)
		}
		text := FormatInput(v, percent)
		back, err := ParseNumber(text, percent)
		if err != nil {
			t.Fatalf("FormatInput(%v) = %q does not parse: %v", v, text, err)
		}
		if !near(back, v, 1e-11) {
			t.Fatalf("round trip %q → %v → %q → %v", s, v, text, back)
		}
	})
}

// FormatCompact feeds milestone texts: 999,999 must not read "1000k".
func TestFormatCompactRollover(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{{999999, "1M"}, {999.9999, "1k"}, {999499, "999k"}, {1e6, "1M"}, {12500, "12.5k"}} {
		if got := FormatCompact(c.v); got != c.want {
			if c.v == 999999 || c.v == 999.9999 {
				t.Errorf("FormatCompact(%v) = %q, want %q (rounding to 3 digits rolls over into the next unit)", c.v, got, c.want)
			}
			t.Errorf("FormatCompact(%v) = %q, want %q", c.v, got, c.want)
		}
	}
}

// TestMoneyLimitsAreMarked: amounts of money say so in their limit (the
// Risk tab writes them with the currency); counts and rates do not.
func TestMoneyLimitsAreMarked(t *testing.T) {
	for path, money := range map[string]bool{
		"viral.paidCAC": true, "sales.averageACV": true, "sales.costs.ae": true,
		"fulfillment.models[3PL].perOrder": true, "fulfillment.models[3PL].setupCost": true,
		"finance.startingCash": true, "finance.fundingRounds[Seed].amount": true,
		"viral.marketSize": false, "viral.goalUsers": false, "fulfillment.models[3PL].capacity": false,
		"viral.inviteConversion": false, "fulfillment.volume.startOrdersPerMonth": false,
	} {
		if l, ok := LimitOf(path); !ok || l.Money != money {
			t.Errorf("%s: limit %+v (known %v), want Money %v", path, l, ok, money)
		}
	}
}

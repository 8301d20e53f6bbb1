package scenario

import "testing"

// TestFormatMetric: every unit, compact or not, and metrics that do not
// exist; the expected strings are written out by hand.
func TestFormatMetric(t *testing.T) {
	money := func(v float64) Metric { return Metric{Unit: UnitMoney, Value: v, OK: true} }
	count := func(v float64) Metric { return Metric{Unit: UnitCount, Value: v, OK: true} }
	tests := []struct {
		m        Metric
		currency string
		from     float64
		want     string
	}{
		{money(3_460_000), "USD", 1e6, "$3.46M"},
		{money(-2_060_000), "USD", 1e6, "-$2.06M"},
		{money(450_000), "USD", 1e6, "$450,000"},
		{money(3_460_000), "USD", 1e7, "$3,460,000"},
		{money(3_460_000), "USD", 0, "$3,460,000"},
		{money(3_460_000), "XYZ", 1e6, "3.46M XYZ"},
		{count(27_473), "USD", 1e6, "27,473"},
		{count(12_500_000), "USD", 1e6, "12.5M"},
		{Metric{Unit: UnitMonth, Value: 12, OK: true}, "USD", 1e6, "month 12"},
		{Metric{Unit: UnitMonth}, "USD", 1e6, "not reached"},
		{Metric{Unit: UnitMonth, Text: "never"}, "USD", 1e6, "never"},
		{Metric{Unit: UnitMoney}, "USD", 1e6, "—"},
		{Metric{Unit: UnitRatio, Value: 0.6, OK: true}, "USD", 1e6, "0.6"},
		{Metric{Unit: UnitRatio, Value: 1.254, OK: true}, "USD", 1e6, "1.25"},
		{Metric{Unit: UnitRatio, Value: 3, OK: true}, "USD", 1e6, "3"},
		{Metric{Unit: UnitRatio, Value: -0.004, OK: true}, "USD", 1e6, "0"},
		{Metric{Unit: UnitRatio, Value: -1.5, OK: true}, "USD", 1e6, "-1.5"},
		{Metric{Unit: UnitText, Text: "Germany", OK: true}, "USD", 1e6, "Germany"},
		{Metric{Unit: UnitText, OK: true}, "USD", 1e6, "—"},
	}
	for _, tt := range tests {
		if got := FormatMetric(tt.m, tt.currency, tt.from); got != tt.want {
			t.Errorf("FormatMetric(%+v, %s, %g) = %q, want %q", tt.m, tt.currency, tt.from, got, tt.want)
		}
	}
}

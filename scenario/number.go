package scenario

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// MaxInput bounds the magnitude of a number typed into a field.
const MaxInput = 1e15

// ParseNumber reads a number the way people type it: "1,000", "250k",
// "1.5M", "2bn", "$25", "-3". In a rate field (percent true) the number is a
// percentage, with or without a trailing "%": "20%" and "20" both give 0.2.
// Commas must group thousands ("1,5" is refused rather than misread);
// NaN, infinities, exponents and anything else are refused with a message.
func ParseNumber(text string, percent bool) (float64, error) {
	s := strings.TrimSpace(text)
	if s == "" {
		return 0, errors.New("enter a number")
	}
	neg := false
	if strings.HasPrefix(s, "-") || strings.HasPrefix(s, "−") {
		neg = true
		s = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(s, "-"), "−"))
	}
	for _, sym := range symbolsLongestFirst {
		s = strings.TrimSpace(strings.TrimPrefix(s, sym))
	}
	if strings.HasPrefix(s, "-") && !neg {
		neg = true
		s = strings.TrimSpace(s[1:])
	}
	isPct := strings.HasSuffix(s, "%")
	if isPct {
		if !percent {
			return 0, fmt.Errorf("%q: this field is not a percentage", text)
		}
		s = strings.TrimSpace(strings.TrimSuffix(s, "%"))
	}
	mult, s := suffixMultiplier(s)
	if isPct && mult != 1 {
		return 0, fmt.Errorf("%q: a percentage cannot have a k/M/bn suffix", text)
	}
	digits, err := stripGrouping(s)
	if err != nil {
		return 0, fmt.Errorf("%q: %w", text, err)
	}
	v, err := strconv.ParseFloat(digits, 64)
	if err != nil {
		return 0, fmt.Errorf("%q is not a number", text)
	}
	v *= mult
	if percent {
		v /= 100
	}
	if neg {
		v = -v
	}
	if math.IsNaN(v) || math.Abs(v) > MaxInput {
		return 0, fmt.Errorf("%q is too large", text)
	}
	return v, nil
}

// suffixMultiplier strips a k, M or bn suffix and returns its multiplier.
func suffixMultiplier(s string) (float64, string) {
	lower := strings.ToLower(s)
	for _, sf := range []struct {
		suffix string
		mult   float64
	}{{"bn", 1e9}, {"b", 1e9}, {"m", 1e6}, {"k", 1e3}} {
		if strings.HasSuffix(lower, sf.suffix) {
			return sf.mult, strings.TrimSpace(s[:len(s)-len(sf.suffix)])
		}
	}
	return 1, s
}

// stripGrouping accepts digits with an optional decimal point and
// thousands grouped by commas, and returns the bare digits.
func stripGrouping(s string) (string, error) {
	if s == "" {
		return "", errors.New("no digits")
	}
	intPart, frac, hasDot := strings.Cut(s, ".")
	if hasDot && (frac == "" && intPart == "" || strings.ContainsAny(frac, ".,")) {
		return "", errors.New("not a number")
	}
	for _, r := range frac {
		if !unicode.IsDigit(r) || r > unicode.MaxASCII {
			return "", errors.New("not a number")
		}
	}
	groups := strings.Split(intPart, ",")
	for i, g := range groups {
		for _, r := range g {
			if r < '0' || r > '9' {
				return "", errors.New("not a number")
			}
		}
		switch {
		case len(groups) == 1:
		case i == 0 && (len(g) < 1 || len(g) > 3):
			return "", errors.New("commas must separate thousands, as in 1,000")
		case i > 0 && len(g) != 3:
			return "", errors.New("commas must separate thousands, as in 1,000")
		}
	}
	out := strings.Join(groups, "")
	if hasDot {
		if out == "" {
			out = "0"
		}
		out += "." + frac
	}
	return out, nil
}

// FormatInput writes a value the way a field shows it, so that ParseNumber
// reads it back: thousands grouped, up to six decimals, rates as "20%".
func FormatInput(v float64, percent bool) string {
	if percent {
		return group(strconv.FormatFloat(roundSig(v*100, 12), 'f', -1, 64)) + "%"
	}
	return group(strconv.FormatFloat(roundSig(v, 12), 'f', -1, 64))
}

// roundSig rounds to n significant digits, hiding binary noise such as
// 7.000000000000001.
func roundSig(v float64, n int) float64 {
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return v
	}
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', n, 64), 64)
	if err != nil {
		return v
	}
	return r
}

// group inserts thousands separators into a plain decimal string.
func group(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac, hasDot := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if hasDot {
		b.WriteString("." + frac)
	}
	return sign + b.String()
}

// FormatCount writes a count rounded to a whole number with thousands grouped.
func FormatCount(v float64) string {
	return group(strconv.FormatFloat(math.Round(v), 'f', 0, 64))
}

// currencySymbols is the one table of currency symbols: every amount the
// app, the charts and the workbook show is written with the symbol before
// it, or, for a code not listed here, with the ISO code after it (99 CHF).
var currencySymbols = map[string]string{
	"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "CAD": "CA$", "AUD": "A$",
}

// CurrencySymbol returns the symbol written before amounts in the currency
// code, and false for codes that are written after the amount instead.
func CurrencySymbol(code string) (string, bool) {
	sym, ok := currencySymbols[code]
	return sym, ok
}

// symbolsLongestFirst lists the table's symbols so that "CA$" is tried
// before "$".
var symbolsLongestFirst = func() []string {
	syms := slices.Collect(maps.Values(currencySymbols))
	slices.SortFunc(syms, func(a, b string) int { return cmp.Or(len(b)-len(a), strings.Compare(a, b)) })
	return syms
}()

// FormatMoney writes an amount rounded to whole units with thousands grouped
// and the currency's symbol before it (else the ISO code after it).
func FormatMoney(v float64, currency string) string {
	return withCurrency(v, currency, FormatCount)
}

// FormatMoneyCompact writes an amount in short form with its currency: $1.5M.
func FormatMoneyCompact(v float64, currency string) string {
	return withCurrency(v, currency, FormatCompact)
}

func withCurrency(v float64, currency string, format func(float64) string) string {
	sign := ""
	if v < 0 {
		sign, v = "-", -v
	}
	if sym, ok := CurrencySymbol(currency); ok {
		return sign + sym + format(v)
	}
	return sign + format(v) + " " + currency
}

// FormatCompact writes a number in a short form: 950, 12.5k, 1.2M, 3.4bn.
func FormatCompact(v float64) string {
	a := math.Abs(v)
	sign := ""
	if v < 0 {
		sign = "-"
	}
	// round to 3 significant digits first, so 999,999 reads 1M, not 1000k
	a = roundSig(a, 3)
	trim := func(x float64, suffix string) string {
		return sign + strconv.FormatFloat(roundSig(x, 3), 'f', -1, 64) + suffix
	}
	switch {
	case a >= 1e9:
		return trim(a/1e9, "bn")
	case a >= 1e6:
		return trim(a/1e6, "M")
	case a >= 1e3:
		return trim(a/1e3, "k")
	default:
		return trim(a, "")
	}
}

// FormatMoneyCents writes an amount below 100 with cents ($24.50), larger
// ones like FormatMoney.
func FormatMoneyCents(v float64, currency string) string {
	s := FormatMoney(v, currency)
	if v >= 100 {
		return s
	}
	return strings.TrimSuffix(s, FormatCount(v)) + fmt.Sprintf("%.2f", v)
}

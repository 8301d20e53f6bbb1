package workbook

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"strings"
	"testing"

	"scaleplan/scenario"
)

// excel2007 lists the worksheet functions Excel 2007 knows without a prefix
// (the function list of ECMA-376, 1st edition). Functions added later
// (IFS, MAXIFS, XLOOKUP, CEILING.MATH, RANK.EQ, STDEV.S …) must be stored
// as _xlfn.NAME, or Excel shows #NAME?. Keep this list to Excel 2007's.
var excel2007 = wordSet(`
ABS ACCRINT ACCRINTM ACOS ACOSH ADDRESS AMORDEGRC AMORLINC AND AREAS ASC ASIN ASINH ATAN ATAN2 ATANH
AVEDEV AVERAGE AVERAGEA AVERAGEIF AVERAGEIFS BAHTTEXT BESSELI BESSELJ BESSELK BESSELY BETADIST BETAINV
BIN2DEC BIN2HEX BIN2OCT BINOMDIST CEILING CELL CHAR CHIDIST CHIINV CHITEST CHOOSE CLEAN CODE COLUMN
COLUMNS COMBIN COMPLEX CONCATENATE CONFIDENCE CONVERT CORREL COS COSH COUNT COUNTA COUNTBLANK COUNTIF
COUNTIFS COUPDAYBS COUPDAYS COUPDAYSNC COUPNCD COUPNUM COUPPCD COVAR CRITBINOM CUBEKPIMEMBER CUBEMEMBER
CUBEMEMBERPROPERTY CUBERANKEDMEMBER CUBESET CUBESETCOUNT CUBEVALUE CUMIPMT CUMPRINC DATE DATEDIF DATEVALUE
DAVERAGE DAY DAYS360 DB DCOUNT DCOUNTA DDB DEC2BIN DEC2HEX DEC2OCT DEGREES DELTA DEVSQ DGET DISC DMAX DMIN
DOLLAR DOLLARDE DOLLARFR DPRODUCT DSTDEV DSTDEVP DSUM DURATION DVAR DVARP EDATE EFFECT EOMONTH ERF ERFC
ERROR.TYPE EVEN EXACT EXP EXPONDIST FACT FACTDOUBLE FALSE FDIST FIND FINDB FINV FISHER FISHERINV FIXED
FLOOR FORECAST FREQUENCY FTEST FV FVSCHEDULE GAMMADIST GAMMAINV GAMMALN GCD GEOMEAN GESTEP GETPIVOTDATA
GROWTH HARMEAN HEX2BIN HEX2DEC HEX2OCT HLOOKUP HOUR HYPERLINK HYPGEOMDIST IF IFERROR IMABS IMAGINARY
IMARGUMENT IMCONJUGATE IMCOS IMDIV IMEXP IMLN IMLOG10 IMLOG2 IMPOWER IMPRODUCT IMREAL IMSIN IMSQRT IMSUB
IMSUM INDEX INDIRECT INFO INT INTERCEPT INTRATE IPMT IRR ISBLANK ISERR ISERROR ISEVEN ISLOGICAL ISNA
ISNONTEXT ISNUMBER ISODD ISPMT ISREF ISTEXT JIS KURT LARGE LCM LEFT LEFTB LEN LENB LINEST LN LOG LOG10
LOGEST LOGINV LOGNORMDIST LOOKUP LOWER MATCH MAX MAXA MDETERM MDURATION MEDIAN MID MIDB MIN MINA MINUTE
MINVERSE MIRR MMULT MOD MODE MONTH MROUND MULTINOMIAL N NA NEGBINOMDIST NETWORKDAYS NOMINAL NORMDIST
NORMINV NORMSDIST NORMSINV NOT NOW NPER NPV OCT2BIN OCT2DEC OCT2HEX ODD ODDFPRICE ODDFYIELD ODDLPRICE
ODDLYIELD OFFSET OR PEARSON PERCENTILE PERCENTRANK PERMUT PHONETIC PI PMT POISSON POWER PPMT PRICE
PRICEDISC PRICEMAT PROB PRODUCT PROPER PV QUARTILE QUOTIENT RADIANS RAND RANDBETWEEN RANK RATE RECEIVED
REPLACE REPLACEB REPT RIGHT RIGHTB ROMAN ROUND ROUNDDOWN ROUNDUP ROW ROWS RSQ RTD SEARCH SEARCHB SECOND
SERIESSUM SIGN SIN SINH SKEW SLN SLOPE SMALL SQRT SQRTPI STANDARDIZE STDEV STDEVA STDEVP STDEVPA STEYX
SUBSTITUTE SUBTOTAL SUM SUMIF SUMIFS SUMPRODUCT SUMSQ SUMX2MY2 SUMX2PY2 SUMXMY2 SYD T TAN TANH TBILLEQ
TBILLPRICE TBILLYIELD TDIST TEXT TIME TIMEVALUE TINV TODAY TRANSPOSE TREND TRIM TRIMMEAN TRUE TRUNC TTEST
TYPE UPPER USDOLLAR VALUE VAR VARA VARP VARPA VDB VLOOKUP WEEKDAY WEEKNUM WEIBULL WORKDAY XIRR XNPV YEAR
YEARFRAC YIELD YIELDDISC YIELDMAT ZTEST`)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// Excel's limits on a cell formula.
const (
	maxFormulaLen = 8192
	maxNesting    = 64
)

var (
	funcCall = regexp.MustCompile(`(?i)(_xlfn\.)?([A-Z][A-Z0-9.]*)\($`)
	// definedNameRe is a valid name that cannot be read as a cell reference.
	definedNameRe = regexp.MustCompile(`^[A-Za-z_\\][A-Za-z0-9_.]*$`)
	a1Like        = regexp.MustCompile(`(?i)^[A-Z]{1,3}[0-9]+$|^[RC]$|^R[0-9]*C[0-9]*$`)
)

// checkFormula returns what Excel would reject or misread in formula f
// (without its leading "="): functions newer than Excel 2007 without the
// _xlfn. prefix, more than 8,192 characters or 64 nesting levels, array
// constants, and references to other sheets that are not quoted names of
// existing sheets.
func checkFormula(f string, sheets map[string]bool) []string {
	var bad []string
	if len(f) > maxFormulaLen {
		bad = append(bad, fmt.Sprintf("%d characters", len(f)))
	}
	depth, maxDepth := 0, 0
	var word strings.Builder
	for i := 0; i < len(f); i++ {
		c := f[i]
		switch {
		case c == '"': // string literal: skip to its end ("" is an escaped quote)
			i = skipQuoted(f, i, '"')
			word.Reset()
			continue
		case c == '\'': // quoted sheet name
			end := skipQuoted(f, i, '\'')
			name := strings.ReplaceAll(f[i+1:end], "''", "'")
			if end+1 >= len(f) || f[end+1] != '!' || !sheets[name] {
				bad = append(bad, fmt.Sprintf("bad sheet reference %s", f[i:min(end+2, len(f))]))
			}
			i = end + 1
			word.Reset()
			continue
		case c == '!':
			bad = append(bad, "unquoted sheet reference before "+f[i:])
		case c == '{':
			bad = append(bad, "array constant")
		case c == '(':
			word.WriteByte(c)
			if m := funcCall.FindStringSubmatch(word.String()); m != nil && m[1] == "" && !excel2007[strings.ToUpper(m[2])] {
				bad = append(bad, fmt.Sprintf("%s is not an Excel 2007 function (store it as _xlfn.%s)", m[2], m[2]))
			}
			depth++
			maxDepth = max(maxDepth, depth)
			word.Reset()
			continue
		case c == ')':
			depth--
		}
		if isWordByte(c) {
			word.WriteByte(c)
		} else {
			word.Reset()
		}
	}
	if maxDepth > maxNesting {
		bad = append(bad, fmt.Sprintf("%d nesting levels", maxDepth))
	}
	if depth != 0 {
		bad = append(bad, "unbalanced parentheses")
	}
	return bad
}

func isWordByte(c byte) bool {
	return c == '_' || c == '.' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
}

// skipQuoted returns the index of the quote closing the quoted text that
// starts at i (a doubled quote is part of the text).
func skipQuoted(s string, i int, q byte) int {
	for j := i + 1; j < len(s); j++ {
		if s[j] == q {
			if j+1 < len(s) && s[j+1] == q {
				j++
				continue
			}
			return j
		}
	}
	return len(s) - 1
}

func TestCheckFormula(t *testing.T) {
	sheets := map[string]bool{"It's": true, "Base - Viral": true}
	ok := []string{
		`IF(AND($I$14>0,H5>$I$14),"over cap.",B1+C1*H5)`,
		`SUMPRODUCT(--(RuleThresholds<=H5))`,
		`'It''s'!$B$5+'Base - Viral'!A1`,
		`IF(A1="x!{(",1,_xlfn.IFS(A1,1))`,
		`IFERROR(NA(),0)`,
	}
	for _, f := range ok {
		if bad := checkFormula(f, sheets); len(bad) > 0 {
			t.Errorf("%s: %v", f, bad)
		}
	}
	bad := []string{
		`IFS(A1>0,1)`, `_xlfn.IFS(A1,1)+MAXIFS(A:A,B:B,1)`, `CEILING.MATH(A1)`, `XLOOKUP(1,A:A,B:B)`, `RANK.EQ(A1,A:A)`,
		`STDEV.S(A1:A3)`, `Base!A1`, `'Nope'!A1`, `SUM({1,2})`, strings.Repeat("(", 65) + "1" + strings.Repeat(")", 65),
		"1" + strings.Repeat("+1", 4100),
	}
	for _, f := range bad {
		if len(checkFormula(f, sheets)) == 0 {
			t.Errorf("%.40s: not flagged", f)
		}
	}
}

// TestExcelCompatibility scans the package XML of the exported sample and
// edge workbooks for what Microsoft Excel (which the tests cannot run)
// would reject or show as #NAME?: every formula (see checkFormula), array
// formulas, defined names (valid, sheet-scoped with a localSheetId naming
// the sheet they point into), data validation, number formats and
// conditional formats.
func TestExcelCompatibility(t *testing.T) {
	for name, p := range map[string]*scenario.Plan{"sample": samplePlan(t), "edge-viral": edgeViralPlan(t),
		"edge-sales": salesPlan(t), "names": namesPlan(t)} {
		var buf bytes.Buffer
		if err := Write(&buf, p, Options{}); err != nil {
			t.Fatal(err)
		}
		pkg := readPackage(t, buf.Bytes())
		sheets := checkWorkbookXML(t, name, pkg["xl/workbook.xml"])
		known := map[string]bool{}
		for _, s := range sheets {
			known[s] = true
		}
		dxfs := checkStylesXML(t, name, pkg["xl/styles.xml"])
		n := 0
		for part, data := range pkg {
			if strings.HasPrefix(part, "xl/worksheets/sheet") {
				n += checkSheetXML(t, name+" "+part, data, known, dxfs)
			}
		}
		t.Logf("%s: %d formulas checked", name, n)
		if n < 1000 {
			t.Errorf("%s: only %d formulas", name, n)
		}
	}
}

func readPackage(t *testing.T, data []byte) map[string][]byte {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name] = b
	}
	return out
}

// checkWorkbookXML checks the defined names and returns the sheet names in
// order.
func checkWorkbookXML(t *testing.T, wb string, data []byte) []string {
	var x struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
		} `xml:"sheets>sheet"`
		Names []struct {
			Name     string `xml:"name,attr"`
			LocalID  *int   `xml:"localSheetId,attr"`
			RefersTo string `xml:",chardata"`
		} `xml:"definedNames>definedName"`
	}
	if err := xml.Unmarshal(data, &x); err != nil {
		t.Fatalf("%s: workbook.xml: %v", wb, err)
	}
	var sheets []string
	for _, s := range x.Sheets {
		sheets = append(sheets, s.Name)
	}
	seen := map[string]bool{}
	for _, dn := range x.Names {
		where := fmt.Sprintf("%s: name %s", wb, dn.Name)
		if !definedNameRe.MatchString(dn.Name) || a1Like.MatchString(dn.Name) || len(dn.Name) > 255 {
			t.Errorf("%s: not a valid Excel name", where)
		}
		if dn.LocalID == nil || *dn.LocalID < 0 || *dn.LocalID >= len(sheets) {
			t.Errorf("%s: localSheetId %v out of range", where, dn.LocalID)
			continue
		}
		scope := sheets[*dn.LocalID]
		if want := qualify(scope, ""); !strings.HasPrefix(dn.RefersTo, want) {
			t.Errorf("%s: refers to %s, outside its sheet %s", where, dn.RefersTo, scope)
		}
		key := strings.ToLower(scope + "!" + dn.Name)
		if seen[key] {
			t.Errorf("%s: defined twice in %s", where, scope)
		}
		seen[key] = true
	}
	if len(x.Names) == 0 {
		t.Errorf("%s: no defined names", wb)
	}
	return sheets
}

// checkStylesXML checks the custom number formats and returns the number of
// differential formats (for conditional formatting).
func checkStylesXML(t *testing.T, wb string, data []byte) int {
	var x struct {
		NumFmts []struct {
			ID   int    `xml:"numFmtId,attr"`
			Code string `xml:"formatCode,attr"`
		} `xml:"numFmts>numFmt"`
		Dxfs []struct{} `xml:"dxfs>dxf"`
	}
	if err := xml.Unmarshal(data, &x); err != nil {
		t.Fatalf("%s: styles.xml: %v", wb, err)
	}
	for _, nf := range x.NumFmts {
		if nf.ID < 164 || nf.Code == "" || strings.Count(nf.Code, `"`)%2 != 0 || len(splitSections(nf.Code)) > 4 || len(nf.Code) > 255 {
			t.Errorf("%s: number format %d %q is not valid", wb, nf.ID, nf.Code)
		}
	}
	return len(x.Dxfs)
}

// splitSections splits a number format on semicolons outside quotes.
func splitSections(code string) []string {
	var out []string
	start, quoted := 0, false
	for i, c := range code {
		switch {
		case c == '"':
			quoted = !quoted
		case c == ';' && !quoted:
			out = append(out, code[start:i])
			start = i + 1
		}
	}
	return append(out, code[start:])
}

// sheetXML is what checkSheetXML reads of a worksheet.
type sheetXML struct {
	Cells []struct {
		Ref string `xml:"r,attr"`
		T   string `xml:"t,attr"`
		F   *struct {
			T    string `xml:"t,attr"`
			Text string `xml:",chardata"`
		} `xml:"f"`
		V string `xml:"v"`
	} `xml:"sheetData>row>c"`
	Validations []struct {
		Type       string `xml:"type,attr"`
		Operator   string `xml:"operator,attr"`
		Sqref      string `xml:"sqref,attr"`
		Error      string `xml:"error,attr"`
		ErrorTitle string `xml:"errorTitle,attr"`
		Formula1   string `xml:"formula1"`
		Formula2   string `xml:"formula2"`
	} `xml:"dataValidations>dataValidation"`
	Conditional []struct {
		Sqref string `xml:"sqref,attr"`
		Rules []struct {
			Dxf int `xml:"dxfId,attr"`
		} `xml:"cfRule"`
	} `xml:"conditionalFormatting"`
}

// checkSheetXML checks a worksheet's formulas, validation and conditional
// formats, and returns the number of formulas.
func checkSheetXML(t *testing.T, where string, data []byte, sheets map[string]bool, dxfs int) int {
	var x sheetXML
	if err := xml.Unmarshal(data, &x); err != nil {
		t.Fatalf("%s: %v", where, err)
	}
	n := 0
	for _, c := range x.Cells {
		if c.F == nil {
			if c.T == "e" || c.T == "str" {
				t.Errorf("%s!%s: cached %s without a formula", where, c.Ref, c.T)
			}
			continue
		}
		n++
		if c.F.T != "" {
			t.Errorf("%s!%s: %s formula (none is meant to be)", where, c.Ref, c.F.T)
		}
		if c.T == "e" && c.V != errNA {
			t.Errorf("%s!%s: cached error %q", where, c.Ref, c.V)
		}
		for _, b := range checkFormula(c.F.Text, sheets) {
			t.Errorf("%s!%s = %.120s: %s", where, c.Ref, c.F.Text, b)
		}
	}
	for _, dv := range x.Validations {
		checkValidation(t, where, dv.Type, dv.Operator, dv.Sqref, dv.Error, dv.ErrorTitle, dv.Formula1, dv.Formula2)
	}
	for _, cf := range x.Conditional {
		for _, r := range cf.Rules {
			if r.Dxf < 0 || r.Dxf >= dxfs {
				t.Errorf("%s: conditional format on %s uses dxf %d of %d", where, cf.Sqref, r.Dxf, dxfs)
			}
		}
	}
	return n
}

var sqrefRe = regexp.MustCompile(`^[A-Z]{1,3}[1-9][0-9]*(:[A-Z]{1,3}[1-9][0-9]*)?( [A-Z]{1,3}[1-9][0-9]*(:[A-Z]{1,3}[1-9][0-9]*)?)*$`)

// checkValidation checks one data validation rule against Excel's limits:
// known types, a range, numeric bounds, lists under 256 characters, error
// titles up to 32 and messages up to 225 characters.
func checkValidation(t *testing.T, where, typ, op, sqref, msg, title, f1, f2 string) {
	t.Helper()
	bad := func(why string) { t.Errorf("%s: validation on %s: %s", where, sqref, why) }
	if !sqrefRe.MatchString(sqref) {
		bad("bad range")
	}
	if len([]rune(title)) > 32 || len([]rune(msg)) > 225 {
		bad("error title or message too long")
	}
	switch typ {
	case "list":
		if !strings.HasPrefix(f1, `"`) || !strings.HasSuffix(f1, `"`) || len(f1) > 257 {
			bad("list is not a quoted list under 256 characters: " + f1)
		}
	case "whole", "decimal":
		if op != "between" || !isNumber(f1) || !isNumber(f2) {
			bad(fmt.Sprintf("bounds %q %q %q", op, f1, f2))
		}
	default:
		bad("type " + typ)
	}
}

func isNumber(s string) bool {
	var x float64
	_, err := fmt.Sscan(s, &x)
	return err == nil && !strings.ContainsAny(s, "eE")
}

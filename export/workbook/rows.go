package workbook

import (
	"bufio"
	"compress/flate"
	"hash/crc32"
	"io"
	"math"
	"os"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// rowStore keeps the cells of every sheet written so far as worksheet XML
// (<row> elements), compressed, in a scratch file, so that memory holds
// the cells of one sheet at a time however large the plan (docs/CLI.md,
// "Limits and hostile input"). A goroutine compresses while the next sheet
// is built. finishPackage splices each sheet's rows into the package
// excelize writes with empty sheets.
type rowStore struct {
	buf   []byte
	cols  []string // column names by index - 1
	work  chan chunk
	done  chan error
	spans map[string]span // sheet name → its rows in the file, once closed
	err   error

	// owned by the compressing goroutine
	file *os.File
	out  *bufio.Writer
	zw   *flate.Writer
	n    int64 // compressed bytes written
	cur  span
}

// chunk is XML for the compressing goroutine, or the end of a sheet.
type chunk struct {
	data  []byte
	sheet string // when the sheet ends
	end   span   // its used range
}

// span is a sheet's rows in the scratch file: compressed (a deflate stream
// without its final block), with their CRC-32 and length uncompressed, and
// the sheet's used range.
type span struct {
	off, n        int64
	crc           uint32
	raw           int64
	lastCol, rows int
}

// chunkSize is the XML handed to the compressing goroutine at a time.
const chunkSize = 256 << 10

func newRowStore(f *os.File) *rowStore {
	rs := &rowStore{file: f, out: bufio.NewWriterSize(f, 1<<20), work: make(chan chunk, 4),
		done: make(chan error, 1), spans: map[string]span{}}
	rs.zw, _ = flate.NewWriter(rs.out, flate.BestSpeed) // the level is valid
	go rs.compress()
	return rs
}

// compress deflates the chunks into the file, one stream per sheet.
func (rs *rowStore) compress() {
	var err error
	spans := map[string]span{}
	for c := range rs.work {
		if err != nil {
			continue // drain
		}
		if c.sheet == "" {
			rs.cur.crc = crc32.Update(rs.cur.crc, crc32.IEEETable, c.data)
			rs.cur.raw += int64(len(c.data))
			_, err = rs.zw.Write(c.data)
			continue
		}
		// Flush ends the stream on a byte boundary without a final block,
		// so that finishPackage can put the sheet's XML around it.
		if err = rs.zw.Flush(); err != nil {
			continue
		}
		if err = rs.out.Flush(); err != nil {
			continue
		}
		pos, serr := rs.file.Seek(0, io.SeekCurrent)
		if err = serr; err != nil {
			continue
		}
		sp := rs.cur
		sp.off, sp.n, sp.lastCol, sp.rows = rs.n, pos-rs.n, c.end.lastCol, c.end.rows
		spans[c.sheet] = sp
		rs.n, rs.cur = pos, span{}
		rs.zw.Reset(rs.out)
	}
	rs.spans = spans
	rs.done <- err
}

// add writes the rows of s and records where they are.
func (rs *rowStore) add(s *sheet) error {
	if rs.err != nil {
		return rs.err
	}
	var end span
	var scratch []any
	for i := range max(len(s.rows), s.extraRows) {
		var row []any
		if i < len(s.rows) {
			row = s.rows[i]
		}
		if s.extra != nil && i < s.extraRows {
			if len(row) == 0 {
				row = scratch[:0]
			}
			row = s.extra(i+1, row)
			if i >= len(s.rows) {
				scratch = row
			}
		}
		if len(row) == 0 {
			continue
		}
		h := s.heights[i+1]
		if h == 0 && s.print != nil {
			// a printed sheet fixes every row's height, so its page breaks
			// land where print.go computes them in every engine
			h = defaultRowPx * pointsPerPixel
		}
		rs.buf = rs.row(rs.buf, i+1, row, h)
		end.rows, end.lastCol = i+1, max(end.lastCol, len(row))
		if len(rs.buf) >= chunkSize {
			rs.work <- chunk{data: rs.buf}
			rs.buf = make([]byte, 0, chunkSize+chunkSize/4)
		}
	}
	if len(rs.buf) > 0 {
		rs.work <- chunk{data: rs.buf}
		rs.buf = make([]byte, 0, chunkSize+chunkSize/4)
	}
	rs.work <- chunk{sheet: s.name, end: end}
	return nil
}

// close waits for the compressing goroutine; spans are complete after it.
func (rs *rowStore) close() error {
	if rs.work != nil {
		close(rs.work)
		rs.err = <-rs.done
		rs.work = nil
	}
	return rs.err
}

// reader returns the compressed rows of a sheet.
func (rs *rowStore) reader(sp span) io.Reader {
	return io.NewSectionReader(rs.file, sp.off, sp.n)
}

// col returns the name of column c (1-based), cached.
func (rs *rowStore) col(c int) string {
	for len(rs.cols) < c {
		rs.cols = append(rs.cols, colName(len(rs.cols)+1))
	}
	return rs.cols[c-1]
}

// row appends row r's XML as excelize's stream writer writes it: a cell
// per non-nil value, its style, a formula with its cached value (a number,
// true or false, text, or #N/A as an error value), text as an inline
// string.
func (rs *rowStore) row(b []byte, r int, cells []any, height float64) []byte {
	b = append(b, `<row r="`...)
	b = strconv.AppendInt(b, int64(r), 10)
	b = append(b, '"')
	if height > 0 {
		b = append(b, ` ht="`...)
		b = strconv.AppendFloat(b, height, 'f', -1, 64)
		b = append(b, `" customHeight="1"`...)
	}
	b = append(b, '>')
	for i, v := range cells {
		cell, ok := v.(excelize.Cell)
		if !ok {
			continue
		}
		b = rs.cell(b, rs.col(i+1), r, cell)
	}
	return append(b, `</row>`...)
}

// cell appends one <c> element.
func (rs *rowStore) cell(b []byte, col string, r int, c excelize.Cell) []byte {
	var t, v, text string
	preserve := false
	switch val := c.Value.(type) {
	case nil:
		if c.Formula != "" {
			t = "str"
		}
	case float64:
		if math.IsNaN(val) || math.IsInf(val, 0) {
			t, text = "inlineStr", "n/a" // never written: num and formula make them "n/a"
			break
		}
		v = strconv.FormatFloat(val, 'g', 15, 64)
	case bool:
		t, v = "b", "0"
		if val {
			v = "1"
		}
	case string:
		switch {
		case c.Formula != "" && val == errNA:
			t, v = "e", errNA
		case c.Formula != "":
			t, v, preserve = "str", bstr(val), edgeSpace(val)
		default:
			t, text = "inlineStr", val
		}
	}
	b = append(b, `<c`...)
	if preserve {
		b = append(b, ` xml:space="preserve"`...)
	}
	b = append(b, ` r="`...)
	b = append(b, col...)
	b = strconv.AppendInt(b, int64(r), 10)
	b = append(b, '"')
	if c.StyleID != 0 {
		b = append(b, ` s="`...)
		b = strconv.AppendInt(b, int64(c.StyleID), 10)
		b = append(b, '"')
	}
	if t != "" {
		b = append(b, ` t="`...)
		b = append(b, t...)
		b = append(b, '"')
	}
	b = append(b, '>')
	if c.Formula != "" {
		b = append(b, `<f>`...)
		b = appendEscaped(b, c.Formula)
		b = append(b, `</f>`...)
	}
	if v != "" {
		b = append(b, `<v>`...)
		b = appendEscaped(b, v)
		b = append(b, `</v>`...)
	}
	if t == "inlineStr" {
		b = append(b, `<is><t`...)
		if edgeSpace(text) {
			b = append(b, ` xml:space="preserve"`...)
		}
		b = append(b, '>')
		b = appendEscaped(b, bstr(text))
		b = append(b, `</t></is>`...)
	}
	return append(b, `</c>`...)
}

// appendEscaped appends s escaped for XML text: & < > as entities, tab
// and carriage return as character references, line feeds as they are
// (as excelize writes text), and characters XML cannot hold (other
// controls, U+FFFE, U+FFFF, invalid UTF-8) as U+FFFD.
func appendEscaped(b []byte, s string) []byte {
	plain := 0 // s[plain:i] needs no escaping
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x80 && c != '&' && c != '<' && c != '>' || c == '\n' {
			i++
			continue
		}
		b = append(b, s[plain:i]...)
		n := 1
		switch {
		case c >= 0x80:
			var r rune
			r, n = utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n == 1 || r == 0xFFFE || r == 0xFFFF {
				b = append(b, "\uFFFD"...)
			} else {
				b = append(b, s[i:i+n]...)
			}
		case c == '&':
			b = append(b, "&amp;"...)
		case c == '<':
			b = append(b, "&lt;"...)
		case c == '>':
			b = append(b, "&gt;"...)
		case c == '\t':
			b = append(b, "&#x9;"...)
		case c == '\r':
			b = append(b, "&#xD;"...)
		default:
			b = append(b, "\uFFFD"...)
		}
		i += n
		plain = i
	}
	return append(b, s[plain:]...)
}

// edgeSpace reports whether text starts or ends with white space, which
// XML keeps only with xml:space="preserve".
func edgeSpace(s string) bool {
	if s == "" {
		return false
	}
	return strings.IndexByte("\t\n\r ", s[0]) >= 0 || strings.IndexByte("\t\n\r ", s[len(s)-1]) >= 0
}

// bstrEscape matches what a spreadsheet would read as an escaped
// character (_x0041_ is "A").
var bstrEscape = regexp.MustCompile(`_x[0-9A-Fa-f]{4}_`)

// bstr escapes text that looks like an escaped character, so that it
// reads back as typed: "_x0041_" is written "_x005F_x0041_".
func bstr(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	return bstrEscape.ReplaceAllStringFunc(s, func(m string) string { return "_x005F" + m })
}

// crc32Combine returns the CRC-32 (IEEE) of a+b from crc1 of a, crc2 of b
// and b's length, as zlib's crc32_combine does: crc1 is advanced over
// len2 zero bytes by squaring the operator that appends one zero bit.
func crc32Combine(crc1, crc2 uint32, len2 int64) uint32 {
	if len2 <= 0 {
		return crc1 ^ crc2
	}
	var even, odd [32]uint32
	odd[0] = 0xedb88320 // the reversed IEEE polynomial
	row := uint32(1)
	for n := 1; n < 32; n++ {
		odd[n] = row
		row <<= 1
	}
	gf2Square(&even, &odd) // two zero bits
	gf2Square(&odd, &even) // four zero bits
	for {
		gf2Square(&even, &odd) // the first pass: one zero byte
		if len2&1 != 0 {
			crc1 = gf2Times(&even, crc1)
		}
		if len2 >>= 1; len2 == 0 {
			break
		}
		gf2Square(&odd, &even)
		if len2&1 != 0 {
			crc1 = gf2Times(&odd, crc1)
		}
		if len2 >>= 1; len2 == 0 {
			break
		}
	}
	return crc1 ^ crc2
}

func gf2Times(mat *[32]uint32, vec uint32) uint32 {
	var sum uint32
	for i := 0; vec != 0; i, vec = i+1, vec>>1 {
		if vec&1 != 0 {
			sum ^= mat[i]
		}
	}
	return sum
}

func gf2Square(square, mat *[32]uint32) {
	for n := range 32 {
		square[n] = gf2Times(mat, mat[n])
	}
}

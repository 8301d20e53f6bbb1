package workbook

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/xml"
	"fmt"
	"hash/crc32"
	"io"
	"strconv"
)

// definedName is a sheet-scoped name: localSheetID is the sheet's position.
type definedName struct {
	name, refersTo string
	localSheetID   int
}

// names lists the defined names of every sheet written, in sheet order.
func (b *builder) names() []definedName {
	index := map[string]int{}
	for i, n := range b.f.GetSheetList() {
		index[n] = i
	}
	var out []definedName
	for _, sh := range b.sheets {
		for _, dn := range sh.names {
			out = append(out, definedName{dn.Name, dn.RefersTo, index[dn.Scope]})
		}
	}
	return out
}

// sheetParts returns the package path of each sheet written, by name.
// excelize numbers a new sheet's part after its sheetId, and this package
// never deletes a sheet.
func (b *builder) sheetParts() map[string]string {
	out := map[string]string{}
	for id, name := range b.f.GetSheetMap() {
		out[name] = fmt.Sprintf("xl/worksheets/sheet%d.xml", id)
	}
	return out
}

// finishPackage copies the xlsx package in data, written by excelize with
// empty sheets, to w: it adds the defined names to xl/workbook.xml and
// splices each sheet's rows from the row store into its part. (excelize's
// SetDefinedName checks duplicates in quadratic time, which dominates
// large exports; the names here are unique by construction.)
func (b *builder) finishPackage(w io.Writer, data []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return err
	}
	if err := b.rows.close(); err != nil {
		return err
	}
	names := b.names()
	rowsOf := map[string]span{}
	for name, part := range b.sheetParts() {
		if sp, ok := b.rows.spans[name]; ok {
			rowsOf[part] = sp
		}
	}
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(out, flate.BestSpeed)
	})
	for _, f := range zr.File {
		if err := b.cancelled(); err != nil {
			return err
		}
		var err error
		if sp, ok := rowsOf[f.Name]; ok {
			err = b.writeSheetPart(zw, f, sp)
		} else if f.Name == "xl/workbook.xml" && len(names) > 0 {
			err = rewritePart(zw, f, func(src []byte) ([]byte, error) { return withDefinedNames(src, names) })
		} else {
			err = zw.Copy(f)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", f.Name, err)
		}
	}
	return zw.Close()
}

// writeSheetPart writes the empty sheet part f with the rows of sp in its
// sheetData and its used range as its dimension. The rows are already
// compressed: the part is their deflate stream with the sheet's head and
// tail compressed around it, and its CRC-32 is combined from the three.
func (b *builder) writeSheetPart(zw *zip.Writer, f *zip.File, sp span) error {
	src, err := readPart(f)
	if err != nil {
		return err
	}
	const empty = "<sheetData></sheetData>"
	at := bytes.Index(src, []byte(empty))
	if at < 0 {
		return fmt.Errorf("unexpected worksheet layout")
	}
	head := append(bytes.Clone(src[:at]), "<sheetData>"...)
	if sp.rows > 0 {
		head = bytes.Replace(head, []byte(`<dimension ref="A1">`), []byte(`<dimension ref="A1:`+cellName(max(sp.lastCol, 1), sp.rows)+`">`), 1)
	}
	tail := append([]byte("</sheetData>"), src[at+len(empty):]...)
	var zhead, ztail bytes.Buffer
	fw, _ := flate.NewWriter(&zhead, flate.BestSpeed)
	fw.Write(head)
	fw.Flush() // no final block: the rows follow
	fw.Reset(&ztail)
	fw.Write(tail)
	fw.Close()
	crc := crc32Combine(crc32.ChecksumIEEE(head), sp.crc, sp.raw)
	crc = crc32Combine(crc, crc32.ChecksumIEEE(tail), int64(len(tail)))
	fh := &zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: f.Modified, CRC32: crc,
		CompressedSize64:   uint64(zhead.Len()) + uint64(sp.n) + uint64(ztail.Len()),
		UncompressedSize64: uint64(len(head)) + uint64(sp.raw) + uint64(len(tail))}
	out, err := zw.CreateRaw(fh)
	if err != nil {
		return err
	}
	if _, err := out.Write(zhead.Bytes()); err != nil {
		return err
	}
	if _, err := io.Copy(out, b.rows.reader(sp)); err != nil {
		return err
	}
	_, err = out.Write(ztail.Bytes())
	return err
}

// readPart reads a package part.
func readPart(f *zip.File) ([]byte, error) {
	r, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return io.ReadAll(r)
}

// rewritePart writes package part f through edit.
func rewritePart(zw *zip.Writer, f *zip.File, edit func([]byte) ([]byte, error)) error {
	src, err := readPart(f)
	if err != nil {
		return err
	}
	x, err := edit(src)
	if err != nil {
		return err
	}
	out, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: f.Modified})
	if err != nil {
		return err
	}
	_, err = out.Write(x)
	return err
}

// withDefinedNames inserts the sheet-scoped names after <sheets>.
func withDefinedNames(src []byte, names []definedName) ([]byte, error) {
	at := bytes.Index(src, []byte("</sheets>"))
	if at < 0 || bytes.Contains(src, []byte("<definedNames")) {
		return nil, fmt.Errorf("unexpected workbook.xml layout")
	}
	at += len("</sheets>")
	var x bytes.Buffer
	x.Write(src[:at])
	x.WriteString("<definedNames>")
	for _, n := range names {
		x.WriteString(`<definedName name="`)
		xml.EscapeText(&x, []byte(n.name))
		x.WriteString(`" localSheetId="` + strconv.Itoa(n.localSheetID) + `">`)
		xml.EscapeText(&x, []byte(n.refersTo))
		x.WriteString("</definedName>")
	}
	x.WriteString("</definedNames>")
	x.Write(src[at:])
	return x.Bytes(), nil
}

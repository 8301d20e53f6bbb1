package workbook

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
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

// errorSheets returns the package paths of the worksheets that cache #N/A
// values. excelize numbers a new sheet's part after its sheetId, and this
// package never deletes a sheet.
func (b *builder) errorSheets() map[string]bool {
	ids := map[string]int{}
	for id, name := range b.f.GetSheetMap() {
		ids[name] = id
	}
	out := map[string]bool{}
	for _, sh := range b.sheets {
		if sh.hasErrors {
			out[fmt.Sprintf("xl/worksheets/sheet%d.xml", ids[sh.name])] = true
		}
	}
	return out
}

// finishPackage copies the xlsx package in data to w, adding the defined
// names to xl/workbook.xml and storing cached #N/A values of the sheets in
// errSheets as errors. (excelize's SetDefinedName checks duplicates in
// quadratic time, which dominates large exports; the names here are unique
// by construction.)
func finishPackage(w io.Writer, data []byte, names []definedName, errSheets map[string]bool) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	for _, f := range zr.File {
		var err error
		switch {
		case f.Name == "xl/workbook.xml" && len(names) > 0:
			err = rewritePart(zw, f, func(src []byte) ([]byte, error) { return withDefinedNames(src, names) })
		case errSheets[f.Name]:
			err = rewritePart(zw, f, markErrors)
		default:
			err = zw.Copy(f)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", f.Name, err)
		}
	}
	return zw.Close()
}

// rewritePart writes package part f through edit.
func rewritePart(zw *zip.Writer, f *zip.File, edit func([]byte) ([]byte, error)) error {
	r, err := f.Open()
	if err != nil {
		return err
	}
	src, err := io.ReadAll(r)
	r.Close()
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

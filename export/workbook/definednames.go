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

// addDefinedNames copies the xlsx package in data to w, adding the defined
// names to xl/workbook.xml. (excelize's SetDefinedName checks duplicates in
// quadratic time, which dominates large exports; the names here are unique
// by construction.)
func addDefinedNames(w io.Writer, data []byte, names []definedName) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	for _, f := range zr.File {
		if f.Name != "xl/workbook.xml" || len(names) == 0 {
			if err := zw.Copy(f); err != nil {
				return err
			}
			continue
		}
		if err := rewriteWorkbookXML(zw, f, names); err != nil {
			return err
		}
	}
	return zw.Close()
}

func rewriteWorkbookXML(zw *zip.Writer, f *zip.File, names []definedName) error {
	r, err := f.Open()
	if err != nil {
		return err
	}
	src, err := io.ReadAll(r)
	r.Close()
	if err != nil {
		return err
	}
	at := bytes.Index(src, []byte("</sheets>"))
	if at < 0 || bytes.Contains(src, []byte("<definedNames")) {
		return fmt.Errorf("unexpected workbook.xml layout")
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
	out, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: f.Modified})
	if err != nil {
		return err
	}
	_, err = out.Write(x.Bytes())
	return err
}

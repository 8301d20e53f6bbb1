package ui

import "scaleplan/app"

// The workbook export runs on app's goroutine; its callbacks come back
// through onUI in exportExcel.
func init() { exportWorkbook = app.ExportWorkbook }

package main

import (
	"os"
	"regexp"
	"testing"

	"scaleplan/ui"
)

// TestAppIDMatchesFyneAppToml checks that the ID set in code equals the
// packaging metadata's (docs/ARCHITECTURE.md, "One home for each fact").
func TestAppIDMatchesFyneAppToml(t *testing.T) {
	data, err := os.ReadFile("../../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*ID\s*=\s*"([^"]*)"`).FindSubmatch(data)
	if m == nil {
		t.Fatal("FyneApp.toml has no ID")
	}
	if got := string(m[1]); got != ui.AppID {
		t.Fatalf("FyneApp.toml ID = %q, ui.AppID = %q", got, ui.AppID)
	}
}

// Package assets holds the files Scaleplan embeds: the sample plan and the icon.
package assets

import _ "embed"

// SamplePlan is the plan shown on first start and written by `scaleplan-cli new`:
// three scenarios (Base, Aggressive, Conservative) with every module on.
//
//go:embed sample.scaleplan
var SamplePlan []byte

// ModelsMarkdown is the user guide "How the models work": a copy of
// docs/MODELS.md (a test keeps the two equal; `make docs` copies it).
//
//go:embed MODELS.md
var ModelsMarkdown string

// Icon is the app icon (512×512 PNG), also named by FyneApp.toml for packaging.
//
//go:embed icon.png
var Icon []byte

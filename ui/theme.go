package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"scaleplan/export/chart"
)

// Theme preference values (key themePrefKey).
const (
	themePrefKey = "theme"
	ThemeSystem  = "system"
	ThemeLight   = "light"
	ThemeDark    = "dark"
)

// variantTheme is the default theme forced to one variant.
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

// Color returns the default theme's colour for the forced variant.
func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}

// looks is the interface's theme: the stored choice (light, dark or the
// system's), applying it, and what redraws when it changes (charts).
type looks struct {
	app     fyne.App
	redraws []func()
}

func newLooks(a fyne.App) *looks { return &looks{app: a} }

// pref is the stored choice: ThemeLight, ThemeDark or ThemeSystem.
func (l *looks) pref() string {
	return l.app.Preferences().StringWithFallback(themePrefKey, ThemeSystem)
}

// SetTheme switches to ThemeLight, ThemeDark or ThemeSystem and remembers it.
func (u *UI) SetTheme(name string) {
	u.looks.app.Preferences().SetString(themePrefKey, name)
	u.looks.apply(name)
	if u.menu != nil {
		u.menu.refresh()
	}
}

func (l *looks) apply(name string) {
	switch name {
	case ThemeLight:
		l.app.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantLight})
	case ThemeDark:
		l.app.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantDark})
	default:
		l.app.Settings().SetTheme(theme.DefaultTheme())
	}
}

// dark reports whether the interface is dark now.
func (l *looks) dark() bool {
	switch l.pref() {
	case ThemeLight:
		return false
	case ThemeDark:
		return true
	}
	return l.app.Settings().ThemeVariant() == theme.VariantDark
}

// chartTheme matches the charts to the interface.
func (l *looks) chartTheme() chart.Theme {
	if l.dark() {
		return chart.Dark()
	}
	return chart.Light()
}

// onChange registers fn to run (on the UI thread) after the theme changes.
func (l *looks) onChange(fn func()) { l.redraws = append(l.redraws, fn) }

// watch runs the onChange functions whenever the settings change.
func (l *looks) watch() {
	l.app.Settings().AddListener(func(fyne.Settings) {
		onUI(func() {
			for _, fn := range l.redraws {
				fn()
			}
		})
	})
}

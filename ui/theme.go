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

func (u *UI) themePref() string {
	return u.app.Preferences().StringWithFallback(themePrefKey, ThemeSystem)
}

// SetTheme switches to ThemeLight, ThemeDark or ThemeSystem and remembers it.
func (u *UI) SetTheme(name string) {
	u.app.Preferences().SetString(themePrefKey, name)
	u.applyTheme(name)
	if u.menu != nil {
		u.menu.refresh()
	}
}

func (u *UI) applyTheme(name string) {
	switch name {
	case ThemeLight:
		u.app.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantLight})
	case ThemeDark:
		u.app.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantDark})
	default:
		u.app.Settings().SetTheme(theme.DefaultTheme())
	}
}

// dark reports whether the interface is dark now.
func (u *UI) dark() bool {
	switch u.themePref() {
	case ThemeLight:
		return false
	case ThemeDark:
		return true
	}
	return u.app.Settings().ThemeVariant() == theme.VariantDark
}

// chartTheme matches the charts to the interface.
func (u *UI) chartTheme() chart.Theme {
	if u.dark() {
		return chart.Dark()
	}
	return chart.Light()
}

// onThemeChange registers fn to run (on the UI thread) after the theme changes.
func (u *UI) onThemeChange(fn func()) { u.themed = append(u.themed, fn) }

// watchTheme runs the theme listeners whenever the settings change.
func (u *UI) watchTheme() {
	u.app.Settings().AddListener(func(fyne.Settings) {
		onUI(func() {
			for _, fn := range u.themed {
				fn()
			}
		})
	})
}

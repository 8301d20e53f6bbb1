#!/bin/sh
# Takes docs/screenshot-<tab>-<light|dark>.png from the real window under
# Xvfb at 1400×900. Usage: ui/e2e/screenshots.sh [BINARY] (run from the repo root).
set -eu
BIN=${1:-./scaleplan}
DISPLAY_NUM=${DISPLAY_NUM:-:58}
export LANG=en_US.UTF-8
work=$(mktemp -d)
Xvfb "$DISPLAY_NUM" -screen 0 1400x900x24 -noreset >"$work/xvfb.log" 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$work"' EXIT
export DISPLAY="$DISPLAY_NUM"
sleep 1
# x positions of the tabs (y = 51).
tabs="overview:266 viral:352 sales:444 fulfillment:540 markets:627 finance:703 compare:782"
for variant in light dark; do
	home="$work/home-$variant"
	mkdir -p "$home/.config/fyne/app.scaleplan.Scaleplan" "$home/.cache" "$home/.local/share"
	printf '{"theme":"%s"}' "$variant" >"$home/.config/fyne/app.scaleplan.Scaleplan/preferences.json"
	HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_CACHE_HOME="$home/.cache" XDG_DATA_HOME="$home/.local/share" \
		"$BIN" assets/sample.scaleplan >"$work/app-$variant.log" 2>&1 &
	app=$!
	for i in $(seq 50); do xdotool search --name 'sample.scaleplan' >/dev/null 2>&1 && break; sleep 0.2; done
	sleep 2
	for t in $tabs; do
		name=${t%%:*} x=${t#*:}
		xdotool mousemove "$x" 51 click 1
		xdotool mousemove 1399 899
		sleep 1.5
		import -window root "docs/screenshot-$name-$variant.png"
	done
	kill "$app"
	wait "$app" 2>/dev/null || true
done
echo "screenshots in docs/"

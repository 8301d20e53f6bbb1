#!/bin/sh
# Takes docs/screenshot-experiments-<light|dark>.png (the sample's running
# test, read early) and docs/screenshot-experiments-apply-<light|dark>.png
# (its winner applied) from the real window under Xvfb at 1280×720.
# Usage: ui/e2e/experiments-screenshots.sh [BINARY] (run from the repo root).
set -eu
BIN=${1:-./scaleplan}
DISPLAY_NUM=${DISPLAY_NUM:-:47}
export LANG=en_US.UTF-8
work=$(mktemp -d)
Xvfb "$DISPLAY_NUM" -screen 0 1280x720x24 -noreset >"$work/xvfb.log" 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$work"' EXIT
export DISPLAY="$DISPLAY_NUM"
sleep 1

# shot THEME OUT ACTION…: start the app on a copy of the sample, run the
# actions (X,Y clicks; scroll:X,Y,N wheel steps down) and take the screen.
shot() {
	variant=$1 out=$2
	shift 2
	home="$work/home-$variant"
	rm -rf "$home"
	mkdir -p "$home/.config/fyne/app.scaleplan.Scaleplan" "$home/.cache" "$home/.local/share"
	printf '{"theme":"%s"}' "$variant" >"$home/.config/fyne/app.scaleplan.Scaleplan/preferences.json"
	cp assets/sample.scaleplan "$work/sample.scaleplan"
	HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_CACHE_HOME="$home/.cache" XDG_DATA_HOME="$home/.local/share" \
		"$BIN" "$work/sample.scaleplan" >"$work/app-$variant.log" 2>&1 &
	app=$!
	for i in $(seq 50); do xdotool search --name 'sample.scaleplan' >/dev/null 2>&1 && break; sleep 0.2; done
	sleep 2
	wid=$(xdotool search --name 'sample.scaleplan' | head -1)
	xdotool windowsize "$wid" 1280 720 windowmove "$wid" 0 0
	sleep 1
	for a in "$@"; do
		case "$a" in
		scroll:*)
			a=${a#scroll:} x=${a%%,*} r=${a#*,}
			xdotool mousemove "$x" "${r%%,*}" click --repeat "${r#*,}" --delay 60 5
			sleep 1 ;;
		*)
			xdotool mousemove "${a%%,*}" "${a#*,}" click 1
			sleep 1.5 ;;
		esac
	done
	xdotool mousemove 1279 719
	sleep 1.5
	import -window root "$out"
	kill "$app"
	wait "$app" 2>/dev/null || true
}

# The Experiments tab (clicked twice: the first layout after the window is
# resized can be stale), a row of the backlog, the Apply button.
tab="926,50 600,700 926,50"
for v in light dark; do
	# shellcheck disable=SC2086
	shot "$v" "docs/screenshot-experiments-$v.png" $tab 312,200 scroll:540,300,15
	# shellcheck disable=SC2086
	shot "$v" "docs/screenshot-experiments-apply-$v.png" $tab scroll:540,300,40 511,559
done
echo "screenshots in docs/"

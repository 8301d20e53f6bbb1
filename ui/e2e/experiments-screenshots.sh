#!/bin/sh
# Takes docs/screenshot-experiments-<light|dark>.png (the sample's running
# test, read early) and docs/screenshot-experiments-apply-<light|dark>.png
# (its winner applied) from the real window under Xvfb at 1280×720.
# Usage: ui/e2e/experiments-screenshots.sh [BINARY] (run from the repo root).
set -eu
BIN=${1:-./scaleplan}
. ui/e2e/lib.sh
x_start 1280x720 "${DISPLAY_NUM:-:47}"

# shot THEME OUT ACTION…: start the app on a copy of the sample in a fresh
# home, run the actions (X,Y clicks; scroll:X,Y,N wheel steps down) and
# take the screen.
shot() {
	variant=$1 out=$2
	shift 2
	app_home "$variant"
	cp assets/sample.scaleplan "$work/sample.scaleplan"
	app_open "$work/sample.scaleplan"
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
	shoot "$out" 1.5
	app_quit
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

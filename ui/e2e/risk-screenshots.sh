#!/bin/sh
# Takes docs/screenshot-range-<theme>.png (the Range dialog of Invite
# conversion on the Viral loop tab), docs/screenshot-simulating-<theme>.png
# (Simulate's progress bar and Cancel, on the Risk tab) and
# docs/screenshot-risk-<theme>.png (the Risk tab once simulated), from the
# real window under Xvfb at 1280×720 (SIZE=WxH and SUFFIX for another size:
# the clicks scale with it). The plan is the sample as it ships, with its
# ranges and its simulation setting.
# Usage: ui/e2e/risk-screenshots.sh [BINARY] (run from the repo root).
set -eu
BIN=${1:-./scaleplan}
SUFFIX=${SUFFIX:-}
. ui/e2e/lib.sh
x_start "${SIZE:-1280x720}" "${DISPLAY_NUM:-:47}"
# Tab positions (y = 51) and the Range… button of Invite conversion: the
# tabs keep their x at any width; the button sits at the inputs' right edge
# (40% of the tabs' width, which starts at 226), on the fourth input's row.
viral=352 risk=765
rangeX=$((226 + (W - 226) * 45 / 100 - 15)) rangeY=290
cp assets/sample.scaleplan "$work/ranged.scaleplan"
for variant in light dark; do
	app_home "$variant"
	app_open "$work/ranged.scaleplan"
	tab "$viral"
	sleep 2
	xdotool mousemove "${RANGEX:-$rangeX}" "$rangeY" click 1
	sleep ${SKETCHWAIT:-6} # the sketch renders off the UI thread
	import -window root "docs/screenshot-range$SUFFIX-$variant.png"
	xdotool key Escape
	sleep 1
	tab "$risk"
	sleep 2
	xdotool mousemove $((W - 1)) $((H - 1)) key ctrl+r
	sleep ${PROGRESSWAIT:-0.5} # the sample's 6,000 runs take about a second
	import -window root "docs/screenshot-simulating$SUFFIX-$variant.png"
	sleep ${SIMWAIT:-45}
	import -window root "docs/screenshot-risk$SUFFIX-$variant.png"
	app_quit
done
echo "screenshots in docs/"

#!/bin/sh
# Takes docs/screenshot-sim-<tab>-<light|dark>.png: the sample as it ships
# (its own ranges and runs), simulated in the real window (Ctrl+R),
# then the Viral loop, Finance, Risk and Compare tabs, and Compare scrolled
# down to the odds, at 1280×720
# (SIZE=WxH to change; SUFFIX names the files of another size).
# Usage: ui/e2e/sim-screenshots.sh [BINARY] (run from the repo root).
set -eu
BIN=${1:-./scaleplan}
SUFFIX=${SUFFIX:-}
. ui/e2e/lib.sh
x_start "${SIZE:-1280x720}" "${DISPLAY_NUM:-:46}"
# The sample plan as it ships: ranges on the inputs founders argue about,
# and its own simulation setting.
cp assets/sample.scaleplan "$work/ranged.scaleplan"
# x positions of the tabs (y = 51).
tabs=${TABS:-"viral:352 finance:703 risk:765 compare:830"}
for variant in light dark; do
	app_home "$variant"
	app_open "$work/ranged.scaleplan"
	xdotool mousemove $((W / 2)) $((H / 2)) key ctrl+r
	sleep ${SIMWAIT:-40}
	for t in $tabs; do
		tab "${t#*:}"
		shoot "docs/screenshot-sim-${t%%:*}$SUFFIX-$variant.png"
	done
	# Compare again, its table scrolled down to the odds.
	tab 830
	sleep 2
	xdotool mousemove 400 $((H * 2 / 3))
	for i in $(seq ${ODDS_SCROLL:-110}); do xdotool click 5; done
	shoot "docs/screenshot-sim-compare-odds$SUFFIX-$variant.png"
	app_quit
done
echo "screenshots in docs/"

#!/bin/sh
# Takes docs/screenshot-<tab>-<light|dark>.png from the real window under
# Xvfb at 1280×720 (SIZE=WxH to change), and docs/screenshot-compare-unequal-
# <theme>.png: Compare with Aggressive run to 60 months and the others to 36.
# Usage: ui/e2e/screenshots.sh [BINARY] (run from the repo root).
set -eu
BIN=${1:-./scaleplan}
. ui/e2e/lib.sh
x_start "${SIZE:-1280x720}" "${DISPLAY_NUM:-:58}"
# The sample with Aggressive (the second scenario) run to 60 months.
awk '/"horizonMonths": 36/ { n++; if (n == 2) sub(/36/, "60") } 1' assets/sample.scaleplan >"$work/unequal.scaleplan"
# x positions of the tabs (y = 51). The Risk and Experiments tabs are shot
# by risk-screenshots.sh and experiments-screenshots.sh (a simulation run,
# an experiment read), which write the same file names.
tabs="overview:266 viral:352 sales:444 fulfillment:540 markets:627 finance:703 compare:831"
# tabs_shots VARIANT PLAN TABS SUFFIX: open PLAN in the theme, click each tab, save.
tabs_shots() {
	variant=$1 plan=$2 list=$3 suffix=$4
	app_home "$variant"
	app_open "$plan"
	for t in $list; do
		tab "${t#*:}"
		shoot "docs/screenshot-${t%%:*}$suffix-$variant.png"
	done
	app_quit
}
for variant in light dark; do
	tabs_shots "$variant" assets/sample.scaleplan "$tabs" ""
	tabs_shots "$variant" "$work/unequal.scaleplan" "compare:831" "-unequal"
done
echo "screenshots in docs/"

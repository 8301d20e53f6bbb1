#!/bin/sh
# Takes docs/screenshot-<tab>-<light|dark>.png from the real window under
# Xvfb at 1280×720 (SIZE=WxH to change), and docs/screenshot-compare-unequal-
# <theme>.png: Compare with Aggressive run to 60 months and the others to 36.
# Usage: ui/e2e/screenshots.sh [BINARY] (run from the repo root).
set -eu
BIN=${1:-./scaleplan}
DISPLAY_NUM=${DISPLAY_NUM:-:58}
SIZE=${SIZE:-1280x720}
W=${SIZE%x*} H=${SIZE#*x}
export LANG=en_US.UTF-8
work=$(mktemp -d)
Xvfb "$DISPLAY_NUM" -screen 0 "${SIZE}x24" -noreset >"$work/xvfb.log" 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$work"' EXIT
export DISPLAY="$DISPLAY_NUM"
sleep 1
# The sample with Aggressive (the second scenario) run to 60 months.
awk '/"horizonMonths": 36/ { n++; if (n == 2) sub(/36/, "60") } 1' assets/sample.scaleplan >"$work/unequal.scaleplan"
# x positions of the tabs (y = 51).
tabs="overview:266 viral:352 sales:444 fulfillment:540 markets:627 finance:703 risk:765 compare:831 experiments:926"
# shoot VARIANT PLAN TABS SUFFIX: open PLAN in the theme, click each tab, save.
shoot() {
	variant=$1 plan=$2 list=$3 suffix=$4
	home="$work/home-$variant"
	mkdir -p "$home/.config/fyne/app.scaleplan.Scaleplan" "$home/.cache" "$home/.local/share"
	printf '{"theme":"%s"}' "$variant" >"$home/.config/fyne/app.scaleplan.Scaleplan/preferences.json"
	HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_CACHE_HOME="$home/.cache" XDG_DATA_HOME="$home/.local/share" \
		"$BIN" "$plan" >"$work/app-$variant.log" 2>&1 &
	app=$!
	for i in $(seq 100); do xdotool search --name 'Scaleplan' >/dev/null 2>&1 && break; sleep 0.2; done
	sleep 3
	xdotool search --name 'Scaleplan' | while read -r win; do xdotool windowsize "$win" "$W" "$H"; done
	sleep 4
	for t in $list; do
		name=${t%%:*} x=${t#*:}
		xdotool mousemove "$x" 51 click 1
		xdotool mousemove $((W - 1)) $((H - 1))
		sleep ${PAUSE:-3}
		import -window root "docs/screenshot-$name$suffix-$variant.png"
	done
	kill "$app"
	wait "$app" 2>/dev/null || true
}
for variant in light dark; do
	shoot "$variant" assets/sample.scaleplan "$tabs" ""
	shoot "$variant" "$work/unequal.scaleplan" "compare:831" "-unequal"
done
echo "screenshots in docs/"

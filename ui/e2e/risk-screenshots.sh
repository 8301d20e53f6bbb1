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
DISPLAY_NUM=${DISPLAY_NUM:-:47}
SIZE=${SIZE:-1280x720}
SUFFIX=${SUFFIX:-}
W=${SIZE%x*} H=${SIZE#*x}
export LANG=en_US.UTF-8
work=$(mktemp -d)
Xvfb "$DISPLAY_NUM" -screen 0 "${SIZE}x24" -noreset >"$work/xvfb.log" 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$work"' EXIT
export DISPLAY="$DISPLAY_NUM"
sleep 1
cp assets/sample.scaleplan "$work/ranged.scaleplan"
# Tab positions (y = 51) and the Range… button of Invite conversion: the
# tabs keep their x at any width; the button sits at the inputs' right edge
# (40% of the tabs' width, which starts at 226), on the fourth input's row.
viral=352 risk=765
rangeX=$((226 + (W - 226) * 45 / 100 - 15)) rangeY=290
for variant in light dark; do
	home="$work/home-$variant"
	mkdir -p "$home/.config/fyne/app.scaleplan.Scaleplan" "$home/.cache" "$home/.local/share"
	printf '{"theme":"%s"}' "$variant" >"$home/.config/fyne/app.scaleplan.Scaleplan/preferences.json"
	HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_CACHE_HOME="$home/.cache" XDG_DATA_HOME="$home/.local/share" \
		"$BIN" "$work/ranged.scaleplan" >"$work/app-$variant.log" 2>&1 &
	app=$!
	for i in $(seq 100); do xdotool search --name 'Scaleplan' >/dev/null 2>&1 && break; sleep 0.2; done
	sleep 3
	xdotool search --name 'Scaleplan' | while read -r win; do xdotool windowsize "$win" "$W" "$H"; done
	sleep 3
	xdotool mousemove "$viral" 51 click 1
	sleep 2
	xdotool mousemove "${RANGEX:-$rangeX}" "$rangeY" click 1
	sleep ${SKETCHWAIT:-6} # the sketch renders off the UI thread
	import -window root "docs/screenshot-range$SUFFIX-$variant.png"
	xdotool key Escape
	sleep 1
	xdotool mousemove "$risk" 51 click 1
	sleep 2
	xdotool mousemove $((W - 1)) $((H - 1)) key ctrl+r
	sleep ${PROGRESSWAIT:-2}
	import -window root "docs/screenshot-simulating$SUFFIX-$variant.png"
	sleep ${SIMWAIT:-45}
	import -window root "docs/screenshot-risk$SUFFIX-$variant.png"
	kill "$app"
	wait "$app" 2>/dev/null || true
done
echo "screenshots in docs/"

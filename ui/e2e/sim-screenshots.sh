#!/bin/sh
# Takes docs/screenshot-sim-<tab>-<light|dark>.png: the sample with ranges
# on four inputs of every scenario, simulated in the real window (Ctrl+R),
# then the Viral loop, Finance, Risk and Compare tabs, and Compare scrolled
# down to the odds, at 1280×720
# (SIZE=WxH to change; SUFFIX names the files of another size).
# Usage: ui/e2e/sim-screenshots.sh [BINARY] (run from the repo root).
set -eu
BIN=${1:-./scaleplan}
DISPLAY_NUM=${DISPLAY_NUM:-:46}
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
# The sample plan as it ships: ranges on the inputs founders argue about,
# and its own simulation setting.
cp assets/sample.scaleplan "$work/ranged.scaleplan"
# x positions of the tabs (y = 51).
tabs=${TABS:-"viral:352 finance:703 risk:765 compare:830"}
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
	xdotool mousemove $((W / 2)) $((H / 2)) key ctrl+r
	sleep ${SIMWAIT:-40}
	for t in $tabs; do
		name=${t%%:*} x=${t#*:}
		xdotool mousemove "$x" 51 click 1
		xdotool mousemove $((W - 1)) $((H - 1))
		sleep ${PAUSE:-3}
		import -window root "docs/screenshot-sim-$name$SUFFIX-$variant.png"
	done
	# Compare again, its table scrolled down to the odds.
	xdotool mousemove 830 51 click 1
	sleep 2
	xdotool mousemove 400 $((H * 2 / 3))
	for i in $(seq ${ODDS_SCROLL:-110}); do xdotool click 5; done
	xdotool mousemove $((W - 1)) $((H - 1))
	sleep ${PAUSE:-3}
	import -window root "docs/screenshot-sim-compare-odds$SUFFIX-$variant.png"
	kill "$app"
	wait "$app" 2>/dev/null || true
done
echo "screenshots in docs/"

# What the screenshot scripts in ui/e2e share: a private X server, a private
# home with a theme, the app started there and sized, clicks and screens.
# Source it from the repository root with BIN set to the binary:
#
#	. ui/e2e/lib.sh
#	x_start 1280x720 :58     # $work, $W, $H and DISPLAY are set
#	app_home dark            # a fresh private home, dark theme
#	app_open plan.scaleplan  # started ($app), its window sized W×H
#	tab 352                  # a click on the tab at x = 352
#	shoot docs/x.png         # the pointer to a corner, a pause, the screen
#	app_quit
#
# It sets LANG=en_US.UTF-8, as the tests run. Whatever is still running
# when the script exits is stopped, and $work removed. POSIX sh; needs
# Xvfb, xdpyinfo, xdotool and import (ImageMagick).

export LANG=en_US.UTF-8
work="" xvfb="" app="" launches=0

# e2e_fail MESSAGE [LOG]: says what failed, with LOG's first lines (a
# panic's message comes first), and exits 1.
e2e_fail() {
	echo "${0##*/}: $1" >&2
	[ -z "${2:-}" ] || grep -v '^\s' "$2" | head -20 >&2
	exit 1
}

# e2e_cleanup stops the app and Xvfb, politely first so that Xvfb removes
# its lock file, and removes $work. x_start sets it to run on exit.
e2e_cleanup() {
	for p in $app $xvfb; do kill "$p" 2>/dev/null || true; done
	sleep 0.3
	for p in $app $xvfb; do kill -9 "$p" 2>/dev/null || true; done
	[ -z "$work" ] || rm -rf "$work"
}

# x_start SIZE FIRST: makes the work folder $work, sets W and H from SIZE
# (WxH), starts Xvfb with one screen of that size on the first free
# display from FIRST (":58" or "58"), exports DISPLAY and waits until the
# server answers.
x_start() {
	W=${1%x*} H=${1#*x}
	n=${2#:}
	work=$(mktemp -d)
	trap e2e_cleanup EXIT
	trap 'exit 1' HUP INT TERM
	while [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ]; do n=$((n + 1)); done
	export DISPLAY=":$n"
	Xvfb "$DISPLAY" -screen 0 "${W}x${H}x24" -nolisten tcp -noreset >"$work/xvfb.log" 2>&1 &
	xvfb=$!
	i=0
	until xdpyinfo >/dev/null 2>&1; do
		i=$((i + 1))
		kill -0 "$xvfb" 2>/dev/null || e2e_fail "Xvfb did not start on $DISPLAY" "$work/xvfb.log"
		[ $i -lt 100 ] || e2e_fail "Xvfb on $DISPLAY does not answer" "$work/xvfb.log"
		sleep 0.1
	done
}

# app_home THEME: a fresh private home, $home, whose preferences choose
# THEME (light or dark). No real preferences, recent files or drafts are
# read or written, and no draft of an earlier start is offered back.
app_home() {
	home="$work/home-$1"
	rm -rf "$home"
	mkdir -p "$home/.config/fyne/app.scaleplan.Scaleplan" "$home/.cache" "$home/.local/share"
	printf '{"theme":"%s"}' "$1" >"$home/.config/fyne/app.scaleplan.Scaleplan/preferences.json"
}

# app_open PLAN: starts $BIN on PLAN in $home as $app (its output in
# $work/app-N.log), waits up to 20 s for its window, lets it settle, sizes
# it W×H at the top left and lets it lay out again.
app_open() {
	launches=$((launches + 1))
	log="$work/app-$launches.log"
	HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_CACHE_HOME="$home/.cache" XDG_DATA_HOME="$home/.local/share" \
		"$BIN" "$1" >"$log" 2>&1 &
	app=$!
	i=0
	until xdotool search --onlyvisible --name Scaleplan >/dev/null 2>&1; do
		i=$((i + 1))
		kill -0 "$app" 2>/dev/null || e2e_fail "the app exited before its window showed" "$log"
		[ $i -lt 100 ] || e2e_fail "no window after 20 s" "$log"
		sleep 0.2
	done
	sleep 3
	for win in $(xdotool search --name Scaleplan); do
		xdotool windowsize "$win" "$W" "$H" windowmove "$win" 0 0
	done
	sleep 3
}

# app_quit stops the app and waits for it.
app_quit() {
	kill "$app" 2>/dev/null || true
	wait "$app" 2>/dev/null || true
	app=""
}

# tab X: clicks the tab at x = X (the tabs' row is at y = 51).
tab() { xdotool mousemove "$1" 51 click 1; }

# shoot FILE [SECONDS]: moves the pointer out of the way (the bottom right
# corner), waits SECONDS (default $PAUSE, else 3) and saves the screen.
shoot() {
	xdotool mousemove $((W - 1)) $((H - 1))
	sleep "${2:-${PAUSE:-3}}"
	import -window root "$1"
}

#!/bin/sh
# Start-up time and memory of Scaleplan against the floor: a minimal Fyne
# window (one label, ui/e2e/minimal) of the same size, built the same way,
# started the same way under Xvfb. The two are started alternately RUNS
# times (default 5) and the medians are compared:
#
#   map     exec → the window is mapped (MapNotify, not polled);
#   frame   exec → the first frame is drawn into the window;
#   drawn   exec → the window is "not blank" by the end-to-end test's
#           criterion (standard deviation over the window > 0.05: the
#           content is shown; a window with one label never gets there);
#   CPU     CPU time the process used until then (the minimal window: until
#           its first frame), which depends less on the machine's load;
#   RSS     resident memory 3 s after the first frame (VmRSS), and the
#           peak so far (VmHWM).
#
# Both binaries are copied into a temporary folder first, as an install
# copies them, and started from there. A binary fresh from the linker is
# in the page cache as the linker wrote it, and on this kernel (large page
# -cache folios) it is then mapped, and counted resident, whole: 31 MB of
# Scaleplan's 45 MB file against 23 MB for a copy (the minimal window: 18
# against 15 MB). A copy is what a user runs, and it puts both programs on
# the same footing.
#
# Scaleplan opens a copy of assets/sample.scaleplan. The measuring helper
# (ui/e2e/xstart.c) is compiled with cc and libX11, both needed by the
# build anyway. On a shared machine the numbers vary from run to run: the
# load average is printed with them.
#
# Usage (from the repo root): ui/e2e/startup.sh [SCALEPLAN [MINIMAL]]
# (make startup builds both binaries first). RUNS=9 ui/e2e/startup.sh for
# more runs.
set -eu
BIN=$(realpath "${1:-./scaleplan}")
MIN=$(realpath "${2:-./minimal}")
RUNS=${RUNS:-5}
export LANG=en_US.UTF-8
work=$(mktemp -d)
xvfb=""
cleanup() {
	[ -n "$xvfb" ] && { kill "$xvfb" 2>/dev/null || true; sleep 0.3; kill -9 "$xvfb" 2>/dev/null || true; }
	rm -rf "$work"
}
trap cleanup EXIT

cc -O2 -o "$work/xstart" ui/e2e/xstart.c -lX11 -lm
mkdir "$work/bin"
cat "$BIN" >"$work/bin/scaleplan" && cat "$MIN" >"$work/bin/minimal" && chmod +x "$work/bin/scaleplan" "$work/bin/minimal"
BIN="$work/bin/scaleplan" MIN="$work/bin/minimal"

n=98
while [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done
export DISPLAY=":$n"
Xvfb ":$n" -screen 0 1400x900x24 -nolisten tcp -noreset >"$work/xvfb.log" 2>&1 &
xvfb=$!
i=0
until xdpyinfo >/dev/null 2>&1; do
	i=$((i + 1))
	[ $i -lt 50 ] || { echo "startup: Xvfb did not start" >&2; exit 1; }
	sleep 0.1
done

# Private HOME and XDG folders. Preferences, recent files and drafts are
# emptied before every start; the cache (Fyne's index of the system fonts,
# built on a first start) is kept, as on a user's machine, and each program
# is started once unmeasured to build it.
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_CACHE_HOME="$work/home/.cache" \
	XDG_DATA_HOME="$work/home/.local/share" XDG_RUNTIME_DIR="$work/run"
fresh_home() {
	rm -rf "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
	mkdir -p "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
	chmod 700 "$XDG_RUNTIME_DIR"
}
plan="$work/sample.scaleplan"
cp assets/sample.scaleplan "$plan"

# measure NAME CMD...: one start, appended to $work/NAME.
measure() {
	name=$1
	shift
	fresh_home
	"$work/xstart" -- "$@" >>"$work/$name" 2>>"$work/$name.log" || { echo "startup: $name failed:" >&2; tail -5 "$work/$name.log" >&2; exit 1; }
	sleep 0.5
}
measure warmup "$MIN"
measure warmup "$BIN" "$plan"
echo "startup: $RUNS runs each, alternating; load average $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq "$RUNS"); do
	measure minimal "$MIN"
	measure scaleplan "$BIN" "$plan"
done

# field NAME KEY: the values of KEY over the runs of NAME, one a line.
field() { sed -n "s/.*$2=\(-*[0-9]*\).*/\1/p" "$work/$1"; }
median() { sort -n | awk '{v[NR]=$1} END{print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
list() { field "$1" "$2" | tr '\n' ' '; }
for k in map_ms frame_ms drawn_ms cpu_ms rss_kb hwm_kb; do
	eval "m_$k=$(field minimal $k | median)"
	eval "s_$k=$(field scaleplan $k | median)"
done
ratio() { awk "BEGIN{printf \"%.2f\", $1/$2}"; }
mb() { awk "BEGIN{printf \"%.0f\", $1/1024}"; }
printf '%-22s %10s %10s %8s\n' "median of $RUNS" minimal Scaleplan ratio
printf '%-22s %8s ms %8s ms %8s\n' "window mapped" "$m_map_ms" "$s_map_ms" "$(ratio "$s_map_ms" "$m_map_ms")×"
printf '%-22s %8s ms %8s ms %8s\n' "first frame" "$m_frame_ms" "$s_frame_ms" "$(ratio "$s_frame_ms" "$m_frame_ms")×"
printf '%-22s %8s    %8s ms\n' "content drawn (e2e)" "–" "$s_drawn_ms"
printf '%-22s %8s ms %8s ms %8s\n' "CPU until drawn" "$m_cpu_ms" "$s_cpu_ms" "$(ratio "$s_cpu_ms" "$m_cpu_ms")×"
printf '%-22s %8s MB %8s MB %+7s MB\n' "resident (VmRSS)" "$(mb "$m_rss_kb")" "$(mb "$s_rss_kb")" "$(mb $((s_rss_kb - m_rss_kb)))"
printf '%-22s %8s MB %8s MB %+7s MB\n' "peak (VmHWM)" "$(mb "$m_hwm_kb")" "$(mb "$s_hwm_kb")" "$(mb $((s_hwm_kb - m_hwm_kb)))"
echo "every run:"
echo "  minimal:   map $(list minimal map_ms)| frame $(list minimal frame_ms)| cpu $(list minimal cpu_ms)| rss_kb $(list minimal rss_kb)"
echo "  scaleplan: map $(list scaleplan map_ms)| frame $(list scaleplan frame_ms)| drawn $(list scaleplan drawn_ms)| cpu $(list scaleplan cpu_ms)| rss_kb $(list scaleplan rss_kb)"
echo "startup: load average after $(cut -d' ' -f1-3 /proc/loadavg)"

#!/usr/bin/env bash
# The editor's benchmarks (issues 13 and 14, section 5). Prints each figure with its target and the ratio.
#   bench/editor.sh     EditorBench (a 1,000-node workflow: open + first paint, frames while panning
#                       and zooming), EditorRunBench (the engine benchmark's 10,000 nodes run from the
#                       editor and headless, side by side; the UI thread's longest stall meanwhile),
#                       GalleryBench (a gallery of 10,000 entries: opening to the first screen of
#                       thumbnails, frames while scrolling), then the workbench's start-up: to the
#                       empty window, and to the window with the workflow left open last time open
#                       again, side by side (median of 7 each)
# Needs Xvfb when there is no display; builds the product first if needed (through ./pexper).
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
product=$root/releng/com.pexper.repository/target/products/com.pexper.product/linux/gtk/x86_64/pexper
# shellcheck source=../releng/bin/jdk.sh
. "$root/releng/bin/jdk.sh"
JAVA_HOME=$(pick_jdk)

home=$(mktemp -d "${TMPDIR:-/tmp}/pexper-bench.XXXXXX")
xvfb=
cleanup() {
  [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null
  rm -rf "$home"
}
trap cleanup EXIT
export PEXPER_HOME=$home/pexper
"$root/pexper" help >/dev/null # builds the product when it is missing or stale
if [ -z "${DISPLAY:-}" ]; then
  display=:$((90 + RANDOM % 100))
  Xvfb "$display" -screen 0 1280x1024x24 >/dev/null 2>&1 &
  xvfb=$!
  export DISPLAY=$display
  sleep 1
fi

echo "== Editor (the product's jars on a plain classpath, SWT on $DISPLAY) =="
# SWT unpacks its native libraries under user.home: the bench's folder, not the user's
[ -n "${SKIP_EDITOR_BENCH:-}" ] || "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Duser.home="$home" -cp "$product/plugins/*" \
  "$root/bench/EditorBench.java" 2>&1 | grep -v '^SWT SessionManagerDBus'

echo
echo "== Running from the editor (the product's jars, SWT on $DISPLAY) =="
# EditorRunBench uses EngineBench's workflow: a multi-file source program, run from bench/
[ -n "${SKIP_EDITOR_BENCH:-}" ] || (cd "$root/bench" && "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
  -Duser.home="$home" -cp "$product/plugins/*" EditorRunBench.java 2>&1 | grep -v '^SWT SessionManagerDBus')

echo
echo "== Gallery (the product's jars, SWT on $DISPLAY) =="
# GalleryBench uses EditorBench's timing: a multi-file source program, run from bench/
[ -n "${SKIP_GALLERY_BENCH:-}" ] || (cd "$root/bench" && "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
  -Duser.home="$home" -cp "$product/plugins/*" GalleryBench.java 2>&1 | grep -v '^SWT SessionManagerDBus')

# Milliseconds from starting ./pexper ARGS... until its main window has the title TITLE.
until_titled() {
  local title=$1 start pid ms
  shift
  start=$(date +%s%N)
  "$root/pexper" "$@" >/dev/null 2>&1 &
  pid=$!
  # the main window: titled so (GTK may add a space) and window-sized, not one of the small hidden ones
  until xwininfo -root -tree 2>/dev/null | awk -v t="$title" '$0 ~ ("^ *0x[0-9a-f]+ \"" t " ?\":") && match($0, /[0-9]+x[0-9]+\+/) {
      split(substr($0, RSTART, RLENGTH - 1), size, "x"); if (size[1] >= 600) found = 1 } END { exit !found }'; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "pexper $* exited before its window showed" >&2
      return 1
    fi
    sleep 0.02
  done
  ms=$((($(date +%s%N) - start) / 1000000))
  kill "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null || true
  echo "$ms"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
ratio() { awk -v v="$1" -v t="$2" 'BEGIN { printf "%.2f", v / t }'; }

workflow=$root/examples/product-photos.pexper
titled="product-photos.pexper — Pexper"
empty_home=$home/empty
last_home=$home/last
echo
echo "== Workbench start-up, from process start to the window (median of 7, interleaved) =="
first=$(PEXPER_HOME=$empty_home until_titled "Pexper")
# the workbench keeps its session when it is stopped: started again, it opens the workflow left open
PEXPER_HOME=$last_home until_titled "$titled" "$workflow" >/dev/null
empty=()
last=()
for _ in 1 2 3 4 5 6 7; do
  empty+=("$(PEXPER_HOME=$empty_home until_titled "Pexper")")
  last+=("$(PEXPER_HOME=$last_home until_titled "$titled")")
done
e=$(printf '%s\n' "${empty[@]}" | median)
l=$(printf '%s\n' "${last[@]}" | median)
printf '%-62s %6s %10s %7s\n' "measurement" "value" "target" "ratio"
printf '%-62s %3d ms %10s %7s\n' "first start with an empty PEXPER_HOME (sets up runtime state)" "$first" "" ""
printf '%-62s %3d ms %10s %7s\n' "to the empty window" "$e" "" ""
printf '%-62s %3d ms %10s %7s\n' "to the window with the last workflow (product-photos) open" "$l" "<= 3000 ms" "$(ratio "$l" 3000)"
printf '%-62s %3d ms %10s %7s\n' "  what reopening the workflow adds" "$((l - e))" "" ""
echo "(each run: ${empty[*]} / ${last[*]} ms)"

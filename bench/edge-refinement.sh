#!/usr/bin/env bash
# What --refine changes against the plain mask, on the sample photos: prints the numbers and writes
# the picture docs/edge-refinement.png (see bench/EdgeRefinementReport.java for the measure).
#
#   bench/edge-refinement.sh [--model=isnet-medium] [PHOTO...]
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
product=$root/releng/com.pexper.repository/target/products/com.pexper.product/linux/gtk/x86_64/pexper
# shellcheck source=../releng/bin/jdk.sh
. "$root/releng/bin/jdk.sh"
JAVA_HOME=$(pick_jdk)

model=isnet-medium photos=()
for arg in "$@"; do
  case "$arg" in
    --model=*) model=${arg#--model=} ;;
    *) photos+=("$(readlink -f "$arg")") ;;
  esac
done
[ ${#photos[@]} -gt 0 ] || photos=("$root"/examples/images/*.png "$root"/examples/images/*.jpg)

export PEXPER_HOME=${PEXPER_BENCH_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/pexper-bench}
"$root/bench/ensure-model.sh" "$model"

# As the launcher does: ONNX Runtime's telemetry off before it starts (the code does it too),
# temporary files inside PEXPER_HOME, no perf-data file in /tmp.
export ORT_DISABLE_TELEMETRY=1
mkdir -p "$PEXPER_HOME/tmp/bench"
jvm=(-Xmx4g "-Djava.io.tmpdir=$PEXPER_HOME/tmp/bench" -XX:-UsePerfData)
if [ "$(java_major "$JAVA_HOME")" -ge 24 ]; then jvm+=(--illegal-native-access=allow); fi
"$JAVA_HOME/bin/java" "${jvm[@]}" -cp "$product/plugins/*" "$root/bench/EdgeRefinementReport.java" \
  "$root/docs/edge-refinement.png" "$model" "${photos[@]}"

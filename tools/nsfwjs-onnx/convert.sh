#!/usr/bin/env bash
# Converts npm nsfwjs@4.4.0's MobileNetV2 to weka-models/mobilenet_v2_block12.onnx (+ .sha256).
# Fetches the package with `npm pack` into a temporary folder (deleted at the end) and checks the
# tarball's SHA-256, extracts the network with node (extract_keras.cjs), builds the ONNX graph with
# python3 + onnx + numpy (build_onnx.py). Re-running gives a byte-identical file.
#
# Writes <out>, <out>.sha256 and <out>.LICENSE (the package's MIT licence text with a line on
# where the file comes from).
#
# usage: tools/nsfwjs-onnx/convert.sh [--size S] [--cut LAYER] [--out FILE]
#   defaults: --size 128 --cut block_12_add --out weka-models/mobilenet_v2_block12.onnx
#   (--out is required with another size or cut)
# env: PYTHON (default python3), NSFWJS_TGZ (use this nsfwjs-4.4.0.tgz instead of npm pack)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
size=128
cut=block_12_add
out=
while [ $# -gt 0 ]; do
  case "$1" in
    --size) size=$2; shift 2 ;;
    --cut) cut=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) echo "usage: $0 [--size S] [--cut LAYER] [--out FILE]" >&2; exit 2 ;;
  esac
done
if [ -z "$out" ]; then
  if [ "$size" != 128 ] || [ "$cut" != block_12_add ]; then
    echo "$0: another size or cut needs --out (the default file is block_12_add at 128 px)" >&2
    exit 2
  fi
  out=$root/weka-models/mobilenet_v2_block12.onnx
fi
python=${PYTHON:-python3}
# sha256 of nsfwjs-4.4.0.tgz as npm serves it (npm's own integrity: sha512-krC1fgeTLXtZwgdpKJ0jm7hqv0gTSRQQRL+FhOaxaJ9Wj92t42BO3csO2odwgTAgZgf2RvkwPtp0R8Aa7dc+MA==)
tgz_sha256=585cd178f3b994337c4d10a87b080d342fc52f8b9bf0085c4d1f345a3a1c5382

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -n "${NSFWJS_TGZ:-}" ]; then
  cp "$NSFWJS_TGZ" "$work/nsfwjs-4.4.0.tgz"
else
  (cd "$work" && npm pack --silent nsfwjs@4.4.0 >/dev/null)
fi
echo "$tgz_sha256  $work/nsfwjs-4.4.0.tgz" | sha256sum --check --quiet
tar -xzf "$work/nsfwjs-4.4.0.tgz" -C "$work"
node "$here/extract_keras.cjs" "$work/package" mobilenet_v2 "$work/keras"
"$python" "$here/build_onnx.py" --keras "$work/keras" --size "$size" --cut "$cut" --out "$out"
(cd "$(dirname "$out")" && sha256sum "$(basename "$out")" > "$(basename "$out").sha256")
{
  echo "$(basename "$out") is derived from the weights and topology in dist/models/mobilenet_v2/"
  echo "of the npm package nsfwjs@4.4.0 (package.json: \"license\": \"MIT\"), converted by"
  echo "tools/nsfwjs-onnx/convert.sh. The package's LICENSE file follows."
  echo
  cat "$work/package/LICENSE"
} > "$out.LICENSE"
cat "$out.sha256"

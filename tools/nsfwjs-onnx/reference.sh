#!/usr/bin/env bash
# Reference values from nsfwjs's own runtime: installs @tensorflow/tfjs 4.22.0 (pure JS, CPU backend)
# and fetches nsfwjs@4.4.0 with npm into a temporary folder (deleted at the end), then runs
# make_reference.cjs, which writes src/test/resources/onnx/reference.json.
#
# usage: tools/nsfwjs-onnx/reference.sh [--cut LAYER] [--out FILE] [SIZE ...]
#   defaults: --cut block_12_add --out src/test/resources/onnx/reference.json 128
#   (--out is required with another size or cut)
# env: NSFWJS_TGZ (use this nsfwjs-4.4.0.tgz instead of npm pack)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cut=block_12_add
out=
sizes=()
while [ $# -gt 0 ]; do
  case "$1" in
    --cut) cut=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) sizes+=("$1"); shift ;;
  esac
done
[ ${#sizes[@]} -gt 0 ] || sizes=(128)
if [ -z "$out" ]; then
  if [ "${sizes[*]}" != 128 ] || [ "$cut" != block_12_add ]; then
    echo "$0: another size or cut needs --out (the default file is block_12_add at 128 px)" >&2
    exit 2
  fi
  out=$root/src/test/resources/onnx/reference.json
fi
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
mkdir -p "$work/tfjs"
(cd "$work/tfjs" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund @tensorflow/tfjs@4.22.0 >/dev/null)
NODE_PATH="$work/tfjs/node_modules" node "$here/make_reference.cjs" "$work/package" "$out" "$cut" "${sizes[@]}"

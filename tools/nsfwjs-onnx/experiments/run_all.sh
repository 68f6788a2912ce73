#!/usr/bin/env bash
# Reruns every experiment of FINDINGS.md: builds the ONNX files (4 cuts x 4 sizes), extracts
# features of the training pictures, the service's own 109 features, cross-validates, times.
# Needs: npm + node, python3 with numpy onnx onnxruntime scikit-learn pillow (PYTHON), a JDK 17
# (javac/java, for the service's features), the data sets under DAYNIGHT_DATASETS
# (default /work/shared/datasets; holding amos-day-night/ and pexels-day-night/).
# Writes everything into WORKDIR (default: a new temporary folder); nothing into the repository.
#
# usage: tools/nsfwjs-onnx/experiments/run_all.sh [WORKDIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tool=$(cd "$here/.." && pwd)
root=$(cd "$tool/../.." && pwd)
python=${PYTHON:-python3}
work=${1:-$(mktemp -d)}
mkdir -p "$work/models" "$work/timing" "$work/classes"
echo "work folder: $work"

if [ ! -f "$work/keras/model.json" ]; then
  (cd "$work" && npm pack --silent nsfwjs@4.4.0 >/dev/null)
  echo "585cd178f3b994337c4d10a87b080d342fc52f8b9bf0085c4d1f345a3a1c5382  $work/nsfwjs-4.4.0.tgz" | sha256sum --check --quiet
  tar -xzf "$work/nsfwjs-4.4.0.tgz" -C "$work"
  node "$tool/extract_keras.cjs" "$work/package" mobilenet_v2 "$work/keras"
fi
cuts=(block_9_add block_10_project_BN block_11_add block_12_add)
for size in 96 128 160 224; do
  "$python" "$tool/build_onnx.py" --keras "$work/keras" --size "$size" \
    $(printf -- '--cut %s ' "${cuts[@]}") --out "$work/models/model_$size.onnx" >/dev/null
  for cut in "${cuts[@]}"; do
    "$python" "$tool/build_onnx.py" --keras "$work/keras" --size "$size" --cut "$cut" \
      --out "$work/timing/model_${cut}_$size.onnx" >/dev/null
  done
done

"$python" "$here/features.py" --models "$work/models" --out "$work/features.npz"
javac -d "$work/classes" -sourcepath "$root/src/main/java" "$here/DumpFeatures.java"
"$python" -c "import numpy; print('\n'.join(numpy.load('$work/features.npz')['path']))" \
  | java -cp "$work/classes" DumpFeatures > "$work/service109.tsv"
(cd "$here" && "$python" cv.py --features "$work/features.npz" --service "$work/service109.tsv" \
  --csv "$work/cv.csv" | tee "$work/cv.txt")
"$python" "$here/timing.py" --models "$work/timing" --csv "$work/timing.csv" | tee "$work/timing.txt"
"$python" "$here/table.py" --timing "$work/timing.csv" --cv "$work/cv.csv" | tee "$work/tables.md"

'use strict';
// Reference values from the package's own runtime: loads nsfwjs's mobilenet_v2 with
// @tensorflow/tfjs (pure JS "cpu" backend) from the unpacked npm package, exactly as the package's
// loader builds its ModelArtifacts (dist/cjs/core.js, JSONHandler), takes the activation of the
// cut layer on fixed generated pictures, pools it like build_onnx.py (mean over the whole map, its
// top half = rows 0..ceil(h/2)-1, its bottom half = rows floor(h/2)..h-1) and writes JSON.
//
// The packaged model has a fixed 224 x 224 input. For another size S the same topology is rebuilt
// with input [null, S, S, 3], truncated after the cut layer, and every layer's weights are copied
// from the loaded packaged model; at 224 the truncated model is checked against a sub-model of the
// packaged one (must agree exactly).
//
// usage: NODE_PATH=<dir with node_modules/@tensorflow/tfjs> node make_reference.cjs \
//          <package dir> <out.json> <cut layer> <size> [<size> ...]
const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs');

// ---- the test pictures: 8-bit RGB values v(x, y, c), the network gets v / 255 -------------------
// x = column 0..S-1, y = row 0..S-1 (row 0 at the top), c = 0 (R), 1 (G), 2 (B); "/" below is
// integer division (floor, all operands >= 0).
const PICTURES = {
  // R rises left to right, G top to bottom, B falls left to right
  gradient: (S) => (x, y, c) => c === 0 ? Math.floor(255 * x / (S - 1))
    : c === 1 ? Math.floor(255 * y / (S - 1)) : Math.floor(255 * (S - 1 - x) / (S - 1)),
  // 8 x 8 pixel squares, white where (x/8 + y/8) is even, else black; same in R, G, B
  checkerboard: () => (x, y) => ((Math.floor(x / 8) + Math.floor(y / 8)) % 2 === 0 ? 255 : 0),
  // constant mid grey
  grey: () => () => 128,
  // xorshift32 (s ^= s << 13; s ^= s >>> 17; s ^= s << 5; all mod 2^32), seed 2463534242,
  // one step per value in the order y, x, c (row by row, pixel by pixel, R G B); v = s >>> 24
  noise: () => {
    let s = 2463534242 >>> 0;
    return () => {
      s = (s ^ (s << 13)) >>> 0;
      s = (s ^ (s >>> 17)) >>> 0;
      s = (s ^ (s << 5)) >>> 0;
      return s >>> 24;
    };
  },
};

const PICTURE_FORMULAS = {
  gradient: 'R = 255*x / (S-1), G = 255*y / (S-1), B = 255*(S-1-x) / (S-1), integer division',
  checkerboard: 'R = G = B = 255 where (x/8 + y/8) % 2 == 0 (integer division), else 0',
  grey: 'R = G = B = 128',
  noise: 'xorshift32 state s = 2463534242; per value, in the order y, x, c: s ^= s << 13; s ^= s >>> 17; s ^= s << 5 (32-bit unsigned); v = s >>> 24',
};

function picture(name, S) {
  const v = PICTURES[name](S);
  const data = new Float32Array(S * S * 3);
  let i = 0;
  for (let y = 0; y < S; y++) {
    for (let x = 0; x < S; x++) {
      for (let c = 0; c < 3; c++) {
        data[i++] = v(x, y, c) / 255;
      }
    }
  }
  return data;
}

async function loadPackaged(pkgDir) {
  const dir = path.resolve(pkgDir, 'dist', 'models', 'mobilenet_v2');
  const modelJson = require(path.join(dir, 'model.min.js'));
  const weightSpecs = [];
  const parts = [];
  for (const group of modelJson.weightsManifest) {
    for (const p of group.paths) {
      parts.push(Buffer.from(require(path.join(dir, p + '.min.js')), 'base64'));
    }
    weightSpecs.push(...group.weights);
  }
  const all = Buffer.concat(parts);
  const weightData = all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength);
  const model = await tf.loadLayersModel(tf.io.fromMemory({
    modelTopology: modelJson.modelTopology, weightSpecs, weightData }));
  return { model, topology: modelJson.modelTopology };
}

function truncatedAt(packaged, topology, cut, S) {
  const config = JSON.parse(JSON.stringify(topology.model_config));
  const byName = Object.fromEntries(config.config.layers.map((l) => [l.name, l]));
  const needed = new Set();
  const stack = [cut];
  while (stack.length) {
    const name = stack.pop();
    if (needed.has(name)) continue;
    needed.add(name);
    for (const node of byName[name].inbound_nodes) for (const entry of node) stack.push(entry[0]);
  }
  config.config.layers = config.config.layers.filter((l) => needed.has(l.name));
  config.config.output_layers = [[cut, 0, 0]];
  for (const l of config.config.layers) {
    if (l.class_name === 'InputLayer') l.config.batch_input_shape = [null, S, S, 3];
  }
  return tf.models.modelFromJSON({ modelTopology: config }).then((m) => {
    for (const layer of m.layers) layer.setWeights(packaged.getLayer(layer.name).getWeights());
    return m;
  });
}

function pooled(activation) {
  return tf.tidy(() => {
    const h = activation.shape[1];
    const top = activation.slice([0, 0, 0, 0], [-1, Math.ceil(h / 2), -1, -1]);
    const bottom = activation.slice([0, Math.floor(h / 2), 0, 0], [-1, h - Math.floor(h / 2), -1, -1]);
    return tf.concat([activation.mean([1, 2]), top.mean([1, 2]), bottom.mean([1, 2])], 1);
  });
}

async function main() {
  const [pkgDir, outFile, cut, ...sizeArgs] = process.argv.slice(2);
  if (!pkgDir || !outFile || !cut || sizeArgs.length === 0) {
    console.error('usage: node make_reference.cjs <package dir> <out.json> <cut layer> <size> [<size> ...]');
    process.exit(2);
  }
  await tf.setBackend('cpu');
  const { model, topology } = await loadPackaged(pkgDir);
  // sanity: the packaged model runs and gives its 5 class probabilities
  const probs = tf.tidy(() => model.predict(tf.tensor4d(picture('grey', 224), [1, 224, 224, 3])).dataSync());
  if (probs.length !== 5 || Math.abs(probs.reduce((a, b) => a + b, 0) - 1) > 1e-4) {
    throw new Error('packaged model gave ' + probs);
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
  const out = {
    source: `npm ${pkg.name}@${pkg.version} dist/models/mobilenet_v2, run by @tensorflow/tfjs ${tf.version.tfjs} backend ${tf.getBackend()}`,
    cut,
    input: 'pixels float32 NHWC [1, S, S, 3]: v(x, y, c) / 255, x = column, y = row (0 = top), c = 0 R, 1 G, 2 B',
    pictures: PICTURE_FORMULAS,
    output: '3 x C floats: channel means over the whole map, over its rows 0..ceil(h/2)-1 (top half), over its rows floor(h/2)..h-1 (bottom half)',
    cases: [],
  };
  for (const S of sizeArgs.map(Number)) {
    const truncated = await truncatedAt(model, topology, cut, S);
    let direct = null;
    if (S === 224) direct = tf.model({ inputs: model.inputs, outputs: model.getLayer(cut).output });
    for (const name of Object.keys(PICTURES)) {
      const input = tf.tensor4d(picture(name, S), [1, S, S, 3]);
      const act = truncated.predict(input);
      const features = Array.from(pooled(act).dataSync());
      if (direct) {
        const d = Array.from(pooled(direct.predict(input)).dataSync());
        const diff = Math.max(...d.map((v, i) => Math.abs(v - features[i])));
        if (diff !== 0) throw new Error(`truncated model differs from the packaged one by ${diff}`);
      }
      out.cases.push({ picture: name, size: S, map: act.shape.slice(1), features });
      console.log(`${cut} ${name} ${S}px: map ${act.shape.slice(1).join('x')}, first ${features.slice(0, 3).map((v) => v.toFixed(6)).join(' ')}`);
      tf.dispose([input, act]);
    }
  }
  fs.mkdirSync(path.dirname(path.resolve(outFile)), { recursive: true });
  // one line per case, the rest indented
  const head = Object.entries(out).filter(([k]) => k !== 'cases')
    .map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  const cases = out.cases.map((c) => '    ' + JSON.stringify(c));
  fs.writeFileSync(outFile, '{\n' + head.join(',\n') + ',\n  "cases": [\n' + cases.join(',\n') + '\n  ]\n}\n');
  console.log('wrote ' + outFile);
}

main().catch((e) => { console.error(e); process.exit(1); });

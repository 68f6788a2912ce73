'use strict';
// Reads one network out of the unpacked npm package nsfwjs (dist/models/<name>/) the way the
// package's own loader does (dist/cjs/core.js, JSONHandler): model.min.js is a UMD module whose
// value is {modelTopology, weightsManifest}; each group1-shardXofY.min.js is a UMD module whose
// value is the base64 of that shard's bytes. Writes
//   <out>/model.json   {"modelTopology": ..., "weightsManifest": ...} as plain JSON
//   <out>/weights.bin  the shards' bytes, decoded and concatenated in manifest order
// No dependencies beyond node itself.
//
// usage: node extract_keras.cjs <package dir> <model name, e.g. mobilenet_v2> <out dir>
const fs = require('fs');
const path = require('path');

const [pkgDir, modelName, outDir] = process.argv.slice(2);
if (!pkgDir || !modelName || !outDir) {
  console.error('usage: node extract_keras.cjs <package dir> <model name> <out dir>');
  process.exit(2);
}
const modelDir = path.resolve(pkgDir, 'dist', 'models', modelName);
const model = require(path.join(modelDir, 'model.min.js'));
if (!model.modelTopology || !model.weightsManifest) {
  throw new Error('model.min.js holds no modelTopology/weightsManifest');
}
const parts = [];
for (const group of model.weightsManifest) {
  for (const p of group.paths) {
    const base64 = require(path.join(modelDir, p + '.min.js'));
    if (typeof base64 !== 'string') throw new Error(p + '.min.js is not a base64 string');
    parts.push(Buffer.from(base64, 'base64'));
  }
}
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, 'model.json'),
  JSON.stringify({ modelTopology: model.modelTopology, weightsManifest: model.weightsManifest }));
const weights = Buffer.concat(parts);
fs.writeFileSync(path.join(outDir, 'weights.bin'), weights);
console.log(`extracted ${modelName}: ${model.modelTopology.model_config.config.layers.length} layers, ` +
  `${weights.length} weight bytes -> ${outDir}`);

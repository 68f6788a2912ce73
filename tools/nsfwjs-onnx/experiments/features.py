#!/usr/bin/env python3
"""Pooled MobileNetV2 features (and simple colour statistics) of the training pictures.

For every picture of pexels-day-night/train and amos-day-night/training (all of them; the pexels
hold-out is dropped later, in cv.py): decode with PIL, apply the EXIF orientation, convert to RGB,
then squash the whole picture (no crop) to S x S for each size S, and run the multi-output ONNX
model of that size (build_onnx.py with --cut block_10_add --cut block_11_add --cut block_12_add).
Two ways to get the S x S picture:
  full : full decode, then area average (PIL Image.resize with Image.BOX: each output pixel is the
         mean of the source area it covers, fractional pixels weighted).
  dc   : decode at 1/8 scale (libjpeg DCT scaling: each pixel the mean of one 8x8 block, what the
         service's DC decoder reads), then PIL bilinear (antialiased when it shrinks) to S x S.
Colour statistics: 26 numbers from the full decode area-averaged to 64 x 64 (see colour_stats).

usage: features.py --models DIR (model_<S>.onnx inside) --out features.npz [--sizes 96,128,160,224]
"""
import argparse
import time

import numpy as np
import onnxruntime as ort
from PIL import Image, ImageOps

import common


def colour_stats(rgb64):
    """26 numbers from a 64 x 64 RGB picture with values in [0, 1]."""
    r, g, b = rgb64[..., 0], rgb64[..., 1], rgb64[..., 2]
    luma = 0.2126 * r + 0.7152 * g + 0.0722 * b
    mx, mn = rgb64.max(axis=-1), rgb64.min(axis=-1)
    sat = np.where(mx > 0, (mx - mn) / np.maximum(mx, 1e-6), 0)
    out = [r.mean(), g.mean(), b.mean(), r.std(), g.std(), b.std(),
           luma.mean(), luma.std(), *np.percentile(luma, [10, 50, 90]),
           sat.mean(), mx.mean(),
           (luma < 32 / 255).mean(), (luma >= 192 / 255).mean(),
           luma[:21].mean(), luma[21:43].mean(), luma[43:].mean(),
           *np.histogram(luma, bins=8, range=(0, 1))[0] / luma.size]
    return np.array(out, dtype=np.float32)


def load(path, sizes):
    with Image.open(path) as im:
        im = ImageOps.exif_transpose(im).convert('RGB')
        full = {s: np.asarray(im.resize((s, s), Image.BOX), dtype=np.float32) / 255 for s in sizes}
        stats = colour_stats(np.asarray(im.resize((64, 64), Image.BOX), dtype=np.float32) / 255)
    with Image.open(path) as im:
        w, h = im.size
        im.draft('RGB', ((w + 7) // 8, (h + 7) // 8))
        im = ImageOps.exif_transpose(im).convert('RGB')
        dc = {s: np.asarray(im.resize((s, s), Image.BILINEAR), dtype=np.float32) / 255 for s in sizes}
    return full, dc, stats


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--models', required=True)
    parser.add_argument('--out', required=True)
    parser.add_argument('--sizes', default='96,128,160,224')
    parser.add_argument('--threads', type=int, default=2)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(',')]
    options = ort.SessionOptions()
    options.intra_op_num_threads = args.threads
    sessions = {s: ort.InferenceSession('%s/model_%d.onnx' % (args.models, s), options,
                                        providers=['CPUExecutionProvider']) for s in sizes}
    cuts = [o.name for o in sessions[sizes[0]].get_outputs()]
    items = [(p, l, 'pexels') for p, l in common.labelled(common.PEXELS)] + \
            [(p, l, 'amos') for p, l in common.labelled(common.AMOS)]
    result = {'path': np.array([p for p, _, _ in items]), 'label': np.array([l for _, l, _ in items]),
              'source': np.array([s for _, _, s in items])}
    collected = {}
    stats = []
    start = time.time()
    batch = 32
    for b0 in range(0, len(items), batch):
        loaded = [load(p, sizes) for p, _, _ in items[b0:b0 + batch]]
        stats.extend(x[2] for x in loaded)
        for variant, k in (('full', 0), ('dc', 1)):
            for s in sizes:
                x = np.stack([x[k][s] for x in loaded])
                for cut, value in zip(cuts, sessions[s].run(None, {'pixels': x})):
                    collected.setdefault('%s_%d_%s' % (variant, s, cut), []).append(value)
        print('%d/%d pictures, %.0f s' % (min(b0 + batch, len(items)), len(items), time.time() - start), flush=True)
    for key, parts in collected.items():
        result[key] = np.concatenate(parts)
    result['colour'] = np.stack(stats)
    np.savez_compressed(args.out, **result)
    print('wrote %s: %s' % (args.out, ', '.join(sorted(collected))))


if __name__ == '__main__':
    main()

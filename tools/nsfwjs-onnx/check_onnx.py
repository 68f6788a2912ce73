#!/usr/bin/env python3
"""Checks an ONNX file from build_onnx.py against reference values from make_reference.cjs.

Rebuilds the generated pictures of the README (same formulas as make_reference.cjs), runs them
through ONNX Runtime (CPU, one thread) and prints the largest absolute and relative difference per
picture. Exits 1 when the largest absolute difference exceeds --tolerance.

usage: check_onnx.py --onnx FILE --reference reference.json [--size S] [--tolerance 1e-3]
"""
import argparse
import json
import sys

import numpy as np
import onnxruntime as ort


def values(name, S):
    """The 8-bit values v[y, x, c] of a generated picture (see README / make_reference.cjs)."""
    y, x = np.mgrid[0:S, 0:S].astype(np.int64)
    if name == 'gradient':
        return np.stack([255 * x // (S - 1), 255 * y // (S - 1), 255 * (S - 1 - x) // (S - 1)], axis=-1)
    if name == 'checkerboard':
        v = np.where((x // 8 + y // 8) % 2 == 0, 255, 0)
        return np.stack([v, v, v], axis=-1)
    if name == 'grey':
        return np.full((S, S, 3), 128, dtype=np.int64)
    if name == 'noise':
        s = 2463534242
        out = np.empty(S * S * 3, dtype=np.int64)
        for i in range(out.size):
            s ^= (s << 13) & 0xFFFFFFFF
            s ^= s >> 17
            s ^= (s << 5) & 0xFFFFFFFF
            out[i] = s >> 24
        return out.reshape(S, S, 3)
    raise ValueError(name)


def pixels(name, S):
    # float32(v / 255): the division done in float32 (as Java's v / 255f) gives the same value
    return (values(name, S).astype(np.float32) / np.float32(255)).reshape(1, S, S, 3)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--onnx', required=True)
    parser.add_argument('--reference', required=True)
    parser.add_argument('--size', type=int, help='only the cases of this size (default: the ONNX input size)')
    parser.add_argument('--tolerance', type=float, default=1e-3)
    args = parser.parse_args()

    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    session = ort.InferenceSession(args.onnx, options, providers=['CPUExecutionProvider'])
    shape = session.get_inputs()[0].shape
    size = args.size or shape[1]
    with open(args.reference, encoding='utf-8') as f:
        reference = json.load(f)
    worst = 0.0
    cases = [c for c in reference['cases'] if c['size'] == size]
    if not cases:
        print('no reference cases at %d px' % size)
        return 1
    for case in cases:
        want = np.array(case['features'], dtype=np.float64)
        got = session.run(None, {'pixels': pixels(case['picture'], size)})[0][0].astype(np.float64)
        diff = np.abs(got - want)
        rel = diff / np.maximum(np.abs(want), 1e-3)
        worst = max(worst, diff.max())
        print('%-12s %3d px: max |diff| %.3g (feature %d: %.6f vs %.6f), max rel %.3g, max |value| %.3f'
              % (case['picture'], size, diff.max(), diff.argmax(), got[diff.argmax()], want[diff.argmax()],
                 rel.max(), np.abs(want).max()))
    print('%s vs %s at %d px (%s): max |diff| %.3g over %d pictures x %d features'
          % (args.onnx, args.reference, size, reference['cut'], worst, len(cases), len(cases[0]['features'])))
    return 0 if worst <= args.tolerance else 1


if __name__ == '__main__':
    sys.exit(main())

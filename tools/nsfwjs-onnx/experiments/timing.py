#!/usr/bin/env python3
"""Milliseconds per picture of the single-output ONNX files, ONNX Runtime on the CPU, one thread.

Each model_<cut>_<S>.onnx in --models is run on one picture at a time (batch 1, a fixed
pseudo-random input), intra_op_num_threads = inter_op_num_threads = 1, sequential execution,
default graph optimisations. 20 warm-up runs, then --rounds rounds that visit every model in turn
(so that noise from other work on the machine spreads over all of them), each round timing
--runs runs per model. Prints the median over all timed runs, and the fastest round's median.

usage: timing.py --models DIR [--rounds 5] [--runs 100] [--csv out.csv]
"""
import argparse
import glob
import os
import re
import statistics
import time

import numpy as np
import onnxruntime as ort


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--models', required=True)
    parser.add_argument('--rounds', type=int, default=5)
    parser.add_argument('--csv', help='also write cut,size,ms_median,ms_fastest_round here')
    parser.add_argument('--runs', type=int, default=100)
    args = parser.parse_args()
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    models = {}
    for path in sorted(glob.glob(os.path.join(args.models, 'model_*_*.onnx'))):
        m = re.fullmatch(r'model_(.+)_(\d+)\.onnx', os.path.basename(path))
        cut, size = m.group(1), int(m.group(2))
        session = ort.InferenceSession(path, options, providers=['CPUExecutionProvider'])
        x = np.random.default_rng(1).random((1, size, size, 3), dtype=np.float32)
        for _ in range(20):
            session.run(None, {'pixels': x})
        models[(cut, size)] = (session, x, [])
    print('onnxruntime %s, %d CPU(s) visible' % (ort.__version__, os.cpu_count()))
    for r in range(args.rounds):
        for key, (session, x, rounds) in models.items():
            times = []
            for _ in range(args.runs):
                t = time.perf_counter()
                session.run(None, {'pixels': x})
                times.append((time.perf_counter() - t) * 1000)
            rounds.append(times)
    print('| cut | size | ms/picture (median) | fastest round median |')
    print('| --- | --- | --- | --- |')
    rows = []
    for (cut, size), (_, _, rounds) in sorted(models.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        everything = [t for times in rounds for t in times]
        rows.append((cut, size, '%.2f' % statistics.median(everything),
                     '%.2f' % min(statistics.median(t) for t in rounds)))
        print('| %s | %d | %s | %s |' % rows[-1])
    if args.csv:
        with open(args.csv, 'w') as f:
            f.write('cut,size,ms_median,ms_fastest_round\n')
            f.writelines('%s,%d,%s,%s\n' % row for row in rows)


if __name__ == '__main__':
    main()

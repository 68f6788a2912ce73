#!/usr/bin/env python3
"""5-fold cross-validated accuracy of SVMs on the pooled features from features.py.

Protocol (the project's, weka-models/MODEL_CARD.md; see common.py): pexels-day-night/train less the
20 % hold-out (839 pictures), folds stratified by label with java.util.Random(1); AMOS training
(240 pictures), folds by capture day (10 days; the folds hold 44/167/17/6/6 pictures). Each data
set is scored on its own (per fold, a model trained on the other folds of that data set only).
Features are standardised on the training folds (StandardScaler inside the pipeline).
Classifiers (scikit-learn SVC, fixed settings for every row, no tuning per row):
  linear: linear kernel, C = 0.01
  rbf:    RBF kernel, C = 10, gamma = 0.1 / number of features
(picked from a small grid, linear C in {0.003, 0.01, 0.03}, rbf gamma in {0.1, 0.3}/n x C in
{1, 10, 100}, on block_12_add 128 and 224 px + service 109 features: so those rows are slightly
optimistic). pexels is also scored with the folds of seeds 1..5 (column "mean5"), because one
fold assignment moves an accuracy by about a point.

Rows: colour statistics alone; the service's own 109 features alone (--service, the output of
DumpFeatures.java); each pooled set alone, + colour, + service 109.

usage: cv.py --features features.npz [--service service109.tsv] [--variants full,dc]
             [--only TEXT] [--seeds 1,2,3,4,5] [--csv out.csv]
"""
import argparse
import csv
import time

import numpy as np
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

import common

CLASSIFIERS = {
    'linear': lambda n: SVC(kernel='linear', C=0.01),
    'rbf': lambda n: SVC(kernel='rbf', C=10, gamma=0.1 / n),
}


def cv_accuracy(X, y, folds, classifier):
    correct = 0
    for f in sorted(set(folds)):
        test = folds == f
        model = make_pipeline(StandardScaler(), CLASSIFIERS[classifier](X.shape[1]))
        model.fit(X[~test], y[~test])
        correct += int((model.predict(X[test]) == y[test]).sum())
    return correct / len(y)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--features', required=True)
    parser.add_argument('--service', help='TSV from DumpFeatures.java: path, then 109 comma-separated numbers')
    parser.add_argument('--variants', default='full,dc')
    parser.add_argument('--only', help='only pooled sets whose key contains this text')
    parser.add_argument('--classifiers', default='linear,rbf')
    parser.add_argument('--seeds', default='1,2,3,4,5', help='pexels fold seeds; the first is the protocol\'s')
    parser.add_argument('--csv', help='also write the results here')
    args = parser.parse_args()
    data = np.load(args.features)
    path, label, source = data['path'], data['label'], data['source']
    pex = source == 'pexels'
    hold = common.held_out([(p, l) for p, l in zip(path[pex], label[pex])])
    pex &= ~np.isin(path, list(hold))
    seeds = [int(s) for s in args.seeds.split(',')]
    pex_folds = [np.array(common.stratified_folds(list(label[pex]), seed=s)) for s in seeds]
    amos = source == 'amos'
    amos_folds = np.array(common.day_folds(list(path[amos])))
    print('pexels %d pictures (less the hold-out), amos %d pictures (%d days, folds of %s pictures)' % (
        pex.sum(), amos.sum(), len(set(p.split('/')[-1][:8] for p in path[amos])),
        '/'.join(str(c) for c in np.bincount(amos_folds))))

    keys = [k for k in data.files if k.split('_')[0] in args.variants.split(',')]
    keys.sort(key=lambda k: (k.split('_')[0], int(k.split('_')[1]), k))
    if args.only:
        keys = [k for k in keys if args.only in k]
    service = None
    if args.service:
        table = {}
        with open(args.service, encoding='utf-8') as f:
            for line in f:
                p, values = line.rstrip('\n').split('\t')
                table[p] = [float(v) for v in values.split(',')]
        service = np.array([table[p] for p in path])
    rows = [('-', '-', '-', 'colour', data['colour'])]
    if service is not None:
        rows.append(('-', '-', '-', 'service109', service))
    for k in keys:
        variant, size, cut = k.split('_')[0], k.split('_')[1], k.split('_', 3)[3]
        rows.append((variant, size, cut, 'pooled', data[k]))
        rows.append((variant, size, cut, 'pooled+colour', np.hstack([data[k], data['colour']])))
        if service is not None:
            rows.append((variant, size, cut, 'pooled+service109', np.hstack([data[k], service])))
    classifiers = args.classifiers.split(',')
    header = ['decode', 'size', 'cut', 'features', 'n']
    for c in classifiers:
        header += ['pexels_%s' % c, 'pexels_%s_mean%d' % (c, len(seeds)), 'amos_%s' % c]
    print('| ' + ' | '.join(header) + ' |')
    print('|' + ' --- |' * len(header))
    out = []
    for variant, size, cut, kind, X in rows:
        X = X.astype(np.float64)
        cells = [variant, size, cut, kind, str(X.shape[1])]
        for c in classifiers:
            p = [cv_accuracy(X[pex], label[pex], folds, c) for folds in pex_folds]
            a = cv_accuracy(X[amos], label[amos], amos_folds, c)
            cells += ['%.4f' % p[0], '%.4f' % np.mean(p), '%.4f' % a]
        out.append(cells)
        print('| ' + ' | '.join(cells) + ' |', flush=True)
    if args.csv:
        with open(args.csv, 'w', newline='') as f:
            writer = csv.writer(f, lineterminator='\n')
            writer.writerow(header)
            writer.writerows(out)


if __name__ == '__main__':
    main()

#!/usr/bin/env python3
"""Joins timing.csv and cv.csv into the Markdown tables of FINDINGS.md.

usage: table.py --timing timing.csv --cv cv.csv
"""
import argparse
import csv

CUTS = ['block_9_add', 'block_10_project_BN', 'block_11_add', 'block_12_add']
SIZES = ['96', '128', '160', '224']


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--timing', required=True)
    parser.add_argument('--cv', required=True)
    args = parser.parse_args()
    with open(args.timing) as f:
        ms = {(r['cut'], r['size']): r['ms_median'] for r in csv.DictReader(f)}
    with open(args.cv) as f:
        cv = {(r['decode'], r['size'], r['cut'], r['features']): r for r in csv.DictReader(f)}
    for clf in ('linear', 'rbf'):
        for decode in ('full', 'dc'):
            print('\n%s SVM, pictures %s; pexels = mean over fold seeds 1-5 (seed 1 alone in brackets), '
                  'AMOS = by capture day\n' % (clf, {'full': 'fully decoded, area-averaged to S x S',
                                                      'dc': 'decoded at 1/8 scale, bilinear to S x S'}[decode]))
            print('| cut | size | numbers | ms/picture | pexels: pooled alone | + colour | + service 109 '
                  '| AMOS: pooled alone | + colour | + service 109 |')
            print('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |')
            for cut in CUTS:
                for size in SIZES:
                    rows = [cv[(decode, size, cut, k)] for k in ('pooled', 'pooled+colour', 'pooled+service109')]
                    print('| %s | %s | %s | %s | %s | %s |' % (
                        cut, size, rows[0]['n'], ms[(cut, size)],
                        ' | '.join('%s (%s)' % (r['pexels_%s_mean5' % clf], r['pexels_%s' % clf]) for r in rows),
                        ' | '.join(r['amos_%s' % clf] for r in rows)))
        for base in ('colour', 'service109'):
            r = cv[('-', '-', '-', base)]
            print('\n%s alone (%s numbers), %s: pexels %s (%s), AMOS %s' % (
                base, r['n'], clf, r['pexels_%s_mean5' % clf], r['pexels_%s' % clf], r['amos_%s' % clf]))


if __name__ == '__main__':
    main()

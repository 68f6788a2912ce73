"""Data sets, hold-out and folds of the project's protocol (weka-models/MODEL_CARD.md), in Python.

- Files: `<data set>/<day|night>/*.jp(e)g`, day pictures then night pictures, each sorted by name.
- pexels hold-out (HoldOut.STANDARD, seed 4, 20 %): per label, rank the file names by the hex
  SHA-256 of "4:<file name>"; the first round(0.2 n) are held out and never used here.
- Folds (CrossValidation, 5 folds, seed 1): pexels per label shuffled with java.util.Random(1)
  (Collections.shuffle) and dealt out in turn; AMOS grouped by capture day (yyyyMMdd of the name),
  days in name order, day k to fold k mod 5.
"""
import hashlib
import math
import os
import re

DATASETS = os.environ.get('DAYNIGHT_DATASETS', '/work/shared/datasets')
PEXELS = os.path.join(DATASETS, 'pexels-day-night', 'train')
AMOS = os.path.join(DATASETS, 'amos-day-night', 'training')
LABELS = ('day', 'night')


def jpegs(folder):
    names = [n for n in os.listdir(folder)
             if os.path.isfile(os.path.join(folder, n)) and n.lower().endswith(('.jpg', '.jpeg'))]
    return [os.path.join(folder, n) for n in sorted(names, key=lambda n: n.encode('utf-8'))]


def labelled(root):
    """[(path, label)]: day pictures then night pictures, each sorted by name."""
    return [(p, label) for label in LABELS for p in jpegs(os.path.join(root, label))]


def held_out(items, seed=4, fraction=0.2):
    out = set()
    for label in LABELS:
        paths = [p for p, l in items if l == label]
        ranked = sorted(paths, key=lambda p: hashlib.sha256(('%d:%s' % (seed, os.path.basename(p))).encode()).hexdigest())
        out.update(ranked[:int(math.floor(fraction * len(ranked) + 0.5))])
    return out


class JavaRandom:
    """java.util.Random, enough for Collections.shuffle."""
    MASK = (1 << 48) - 1

    def __init__(self, seed):
        self.seed = (seed ^ 0x5DEECE66D) & self.MASK

    def next(self, bits):
        self.seed = (self.seed * 0x5DEECE66D + 0xB) & self.MASK
        v = self.seed >> (48 - bits)
        return v - (1 << bits) if v >= 1 << (bits - 1) and bits == 32 else v

    def next_int(self, bound):
        if bound & (bound - 1) == 0:
            return (bound * self.next(31)) >> 31
        while True:
            bits = self.next(31)
            val = bits % bound
            if bits - val + (bound - 1) < (1 << 31):
                return val


def java_shuffle(items, seed):
    items = list(items)
    rnd = JavaRandom(seed)
    for i in range(len(items), 1, -1):
        j = rnd.next_int(i)
        items[i - 1], items[j] = items[j], items[i - 1]
    return items


def stratified_folds(labels, folds=5, seed=1):
    fold = [0] * len(labels)
    for label in LABELS:
        idx = java_shuffle([i for i, l in enumerate(labels) if l == label], seed)
        for pos, i in enumerate(idx):
            fold[i] = pos % folds
    return fold


def day_folds(paths, folds=5):
    days = []
    for p in paths:
        m = re.fullmatch(r'(\d{8})_\d{6}\.[A-Za-z]+', os.path.basename(p))
        if not m:
            raise ValueError('no capture day in %s' % p)
        days.append(m.group(1))
    order = sorted(set(days))
    return [order.index(d) % folds for d in days]

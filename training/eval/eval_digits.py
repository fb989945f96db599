#!/usr/bin/env python3
"""Accuracy of an ONNX digits model (run by OpenCV DNN, as in Java) on cut zones.

usage: eval_digits.py MODEL.onnx ZONES_DIR [--show N]
Prints exact-string accuracy (best path) by kind: typed/handwritten x scan/pdf/photo x line/cell.
"""
import os, sys
import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
import zone_eval

ALPHABET = "0123456789"


def main():
    model, zd, show = zone_eval.args()
    stats, wrong = {}, []
    for r, lp in zone_eval.read(model, zd, "digits", 256):
        pred = zone_eval.greedy(lp, ALPHABET)
        ok = pred == r["digits"]
        conf = float(np.exp(zone_eval.log_likelihood(lp, pred, ALPHABET)))
        b = "p>=0.99" if conf >= 0.99 else "p>=0.9" if conf >= 0.9 else "p>=0.5" if conf >= 0.5 else "p<0.5"
        for key in ["conf " + b] + zone_eval.groups(r):
            a, n = stats.get(key, (0, 0))
            stats[key] = (a + ok, n + 1)
        if not ok:
            wrong.append((r["png"], r["digits"], pred))
    for k in sorted(stats):
        a, n = stats[k]
        print(f"{k:14s} {a / n:.3f}  ({a}/{n})")
    for w in wrong[:show]:
        print("  wrong:", *w)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Accuracy of an ONNX digits model (run by OpenCV DNN, as in Java) on cut zones.

usage: eval_digits.py MODEL.onnx ZONES_DIR [--show N]
Prints exact-string accuracy (best path) by kind: typed/handwritten x scan/pdf/photo x line/cell.
"""
import json, os, sys
import numpy as np
import cv2

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
from preprocess import preprocess


def greedy(lp, alphabet="0123456789"):
    best, out, prev = lp.argmax(0), [], 0
    for b in best:
        if b != prev and b != 0:
            out.append(alphabet[b - 1])
        prev = b
    return "".join(out)


def main():
    model, zd = sys.argv[1], sys.argv[2]
    show = int(sys.argv[sys.argv.index("--show") + 1]) if "--show" in sys.argv else 0
    net = cv2.dnn.readNetFromONNX(model)
    rows = [json.loads(l) for l in open(os.path.join(zd, "zones.jsonl"))]
    stats, wrong = {}, []
    for r in rows:
        g = cv2.imread(os.path.join(zd, r["png"] + "__digits.png"), cv2.IMREAD_GRAYSCALE)
        x = preprocess(g, 256).astype(np.float32)[None, None] / 255.0
        net.setInput(x)
        pred = greedy(net.forward()[0, :, 0, :])
        ok = pred == r["digits"]
        kind = ("hand" if r["handwritten"] else "typed", r["capture"], "cell" if r["field"].startswith("party") else "line")
        for key in ["all", kind[0], kind[1], kind[2], f"{kind[0]}-{kind[1]}"]:
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

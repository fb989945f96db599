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


def log_likelihood(lp, text, alphabet="0123456789"):
    """CTC forward algorithm; lp: C x T log-probabilities (as Ctc.logLikelihood in Java)."""
    lab = [0]
    for ch in text:
        lab += [alphabet.index(ch) + 1, 0]
    S, T = len(lab), lp.shape[1]
    a = np.full(S, -np.inf)
    a[0] = lp[0, 0]
    if S > 1:
        a[1] = lp[lab[1], 0]
    for t in range(1, T):
        b = a.copy()
        b[1:] = np.logaddexp(b[1:], a[:-1])
        for s_ in range(2, S):
            if lab[s_] != 0 and lab[s_] != lab[s_ - 2]:
                b[s_] = np.logaddexp(b[s_], a[s_ - 2])
        a = b + lp[lab, t]
    return np.logaddexp(a[-1], a[-2]) if S > 1 else a[-1]


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
        lp = net.forward()[0, :, 0, :]
        pred = greedy(lp)
        ok = pred == r["digits"]
        conf = float(np.exp(log_likelihood(lp, pred)))
        b = "p>=0.99" if conf >= 0.99 else "p>=0.9" if conf >= 0.9 else "p>=0.5" if conf >= 0.5 else "p<0.5"
        a, n = stats.get("conf " + b, (0, 0))
        stats["conf " + b] = (a + ok, n + 1)
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

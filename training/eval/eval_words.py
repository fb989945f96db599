#!/usr/bin/env python3
"""Words model on cut zones: free reading (best path) and, what the reconciliation needs,
whether the words of the true number score above those of near misses.

usage: eval_words.py MODEL.onnx ZONES_DIR [--show N]
"""
import json, os, sys
import numpy as np
import cv2

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "common"))
sys.path.insert(0, os.environ.get("HATTAMA_GENERATOR", "/work/shared/devset-generator"))
from preprocess import preprocess
from ctcnet import edit_distance
import numerals

ALPHABET = " абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі"


def greedy(lp):
    best, out, prev = lp.argmax(0), [], 0
    for b in best:
        if b != prev and b != 0:
            out.append(ALPHABET[b - 1])
        prev = b
    return " ".join("".join(out).split())


def log_likelihood(lp, text):
    lab = [0]
    for ch in text:
        lab += [ALPHABET.index(ch) + 1, 0]
    lab = np.array(lab)
    S, T = len(lab), lp.shape[1]
    skip = np.zeros(S, bool)
    skip[2:] = (lab[2:] != 0) & (lab[2:] != lab[:-2])
    a = np.full(S, -np.inf)
    a[0] = lp[0, 0]
    a[1] = lp[lab[1], 0]
    for t in range(1, T):
        b = a.copy()
        b[1:] = np.logaddexp(b[1:], a[:-1])
        b[2:] = np.where(skip[2:], np.logaddexp(b[2:], a[:-2]), b[2:])
        a = b + lp[lab, t]
    return np.logaddexp(a[-1], a[-2])


def main():
    model, zd = sys.argv[1], sys.argv[2]
    show = int(sys.argv[sys.argv.index("--show") + 1]) if "--show" in sys.argv else 0
    net = cv2.dnn.readNetFromONNX(model)
    rows = [json.loads(l) for l in open(os.path.join(zd, "zones.jsonl"))]
    stats, wrong = {}, []
    for r in rows:
        g = cv2.imread(os.path.join(zd, r["png"] + "__words.png"), cv2.IMREAD_GRAYSCALE)
        net.setInput(preprocess(g, 1024).astype(np.float32)[None, None] / 255.0)
        lp = net.forward()[0, :, 0, :]
        pred = greedy(lp)
        truth = r["words"]
        exact = pred in truth
        cer = min(edit_distance(pred, t) for t in truth) / len(truth[0])
        v, lang = r["words_value"], r["lang"]
        right = max(log_likelihood(lp, t) for t in set(truth))
        misses = {m for d in (1, 2, 9, 10, 11, 90, 100, 1000) for m in (v - d, v + d) if m >= 0}
        beaten = all(right > max(log_likelihood(lp, numerals.words(lang, m, e)) for e in (True, False)) for m in misses)
        kind = ("hand" if r["handwritten"] else "typed", r["capture"], "cell" if r["field"].startswith("party") else "line")
        for key in ["all", kind[0], kind[1], kind[2], f"{kind[0]}-{kind[1]}"]:
            s = stats.setdefault(key, [0, 0, 0.0, 0])
            s[0] += exact; s[1] += beaten; s[2] += cer; s[3] += 1
        if not beaten or not exact:
            wrong.append((r["png"], truth[0], pred, beaten))
    print(f"{'kind':14s} exact  CER    true-beats-near-misses")
    for k in sorted(stats):
        e, b, c, n = stats[k]
        print(f"{k:14s} {e / n:.3f}  {c / n:.3f}  {b / n:.3f}   (n={n})")
    for w in wrong[:show]:
        print("  ", *w)


if __name__ == "__main__":
    main()

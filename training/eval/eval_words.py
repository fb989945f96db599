#!/usr/bin/env python3
"""Words model on cut zones: free reading (best path) and, what the reconciliation needs,
whether the words of the true number score above those of near misses.

usage: eval_words.py MODEL.onnx ZONES_DIR [--show N]
"""
import os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "common"))
sys.path.insert(0, os.environ.get("HATTAMA_GENERATOR", "/work/shared/devset-generator"))
import zone_eval
from zone_eval import log_likelihood
from ctcnet import edit_distance
import numerals

ALPHABET = " абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі"


def main():
    model, zd, show = zone_eval.args()
    stats, wrong = {}, []
    for r, lp in zone_eval.read(model, zd, "words", 1024):
        pred = " ".join(zone_eval.greedy(lp, ALPHABET).split())
        truth = r["words"]
        exact = pred in truth
        cer = min(edit_distance(pred, t) for t in truth) / len(truth[0])
        v, lang = r["words_value"], r["lang"]
        right = max(log_likelihood(lp, t, ALPHABET) for t in set(truth))
        misses = {m for d in (1, 2, 9, 10, 11, 90, 100, 1000) for m in (v - d, v + d) if m >= 0}
        beaten = all(right > max(log_likelihood(lp, numerals.words(lang, m, e), ALPHABET) for e in (True, False)) for m in misses)
        for key in zone_eval.groups(r):
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

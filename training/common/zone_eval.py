"""What eval/eval_digits.py and eval/eval_words.py share: a model run by OpenCV DNN, as in Java,
on the zones cut by eval/dev_zones.py, its best-path reading and the CTC likelihood of a text.
"""
import json, os, sys
import numpy as np
import cv2

from preprocess import preprocess


def args():
    """MODEL.onnx ZONES_DIR [--show N] -> (model, zones_dir, show)."""
    show = int(sys.argv[sys.argv.index("--show") + 1]) if "--show" in sys.argv else 0
    return sys.argv[1], sys.argv[2], show


def read(model, zd, zone, width):
    """Yields each row of zd/zones.jsonl with the log-probabilities (C x T) for its zone."""
    net = cv2.dnn.readNetFromONNX(model)
    rows = [json.loads(l) for l in open(os.path.join(zd, "zones.jsonl"))]
    for r in rows:
        g = cv2.imread(os.path.join(zd, f"{r['png']}__{zone}.png"), cv2.IMREAD_GRAYSCALE)
        net.setInput(preprocess(g, width).astype(np.float32)[None, None] / 255.0)
        yield r, net.forward()[0, :, 0, :]


def groups(r):
    """The tallies a zone counts in: all, writer, capture, line or cell, writer-capture."""
    writer = "hand" if r["handwritten"] else "typed"
    return ["all", writer, r["capture"], "cell" if r["field"].startswith("party") else "line", f"{writer}-{r['capture']}"]


def greedy(lp, alphabet):
    best, out, prev = lp.argmax(0), [], 0
    for b in best:
        if b != prev and b != 0:
            out.append(alphabet[b - 1])
        prev = b
    return "".join(out)


def log_likelihood(lp, text, alphabet):
    """CTC forward algorithm; lp: C x T log-probabilities (as Ctc.logLikelihood in Java)."""
    lab = [0]
    for ch in text:
        lab += [alphabet.index(ch) + 1, 0]
    lab = np.array(lab)
    S, T = len(lab), lp.shape[1]
    skip = np.zeros(S, bool)
    skip[2:] = (lab[2:] != 0) & (lab[2:] != lab[:-2])
    a = np.full(S, -np.inf)
    a[0] = lp[0, 0]
    if S > 1:
        a[1] = lp[lab[1], 0]
    for t in range(1, T):
        b = a.copy()
        b[1:] = np.logaddexp(b[1:], a[:-1])
        b[2:] = np.where(skip[2:], np.logaddexp(b[2:], a[:-2]), b[2:])
        a = b + lp[lab, t]
    return np.logaddexp(a[-1], a[-2]) if S > 1 else a[-1]

"""Crop normalisation shared by training and by kz.hattama.ocr.LinePreprocessor (Java).

The Java port must stay bit-for-bit equal: integer histograms, floor(x + 0.5) rounding, the same
OpenCV calls (morphologyEx, resize INTER_AREA). PreprocessParityTest checks it on fixtures.

Why a text band at all: zones come as 60-96 px tall crops in which the figures may fill a third
of the height (typed digits in a table cell) or nearly all of it (large handwriting). Resizing
the whole crop to 32 px would shrink typed cell digits to ~7 px; cutting the band of ink first
keeps the text at ~24 px whatever the zone.
"""
import math
import numpy as np
import cv2


def _quantile(hist, q):
    target = q * float(hist.sum())
    cum = 0
    for v in range(256):
        cum += int(hist[v])
        if cum >= target:
            return v
    return 255


def _rnd(x):
    return int(math.floor(x + 0.5))


def text_band(g):
    """Returns (y0, y1, x0, x1) (inclusive-exclusive) of the text in the grey crop g, and the
    background grey level."""
    H, W = g.shape
    hist = np.bincount(g.ravel(), minlength=256)
    lo = _quantile(hist, 0.005)  # a lone handwritten 1 is well under 1 % of a zone
    bg = _quantile(hist, 0.5)
    if bg - lo < 24:
        return 0, H, 0, W, bg
    # nearer the paper than the ink: a faint pen beside a black printed rule must still count;
    # 20 grey levels is 3-4 sigma of scanner and JPEG noise
    thr = bg - max(20, (bg - lo) * 2 // 5)
    mask = np.where(g < thr, 255, 0).astype(np.uint8)
    # rules and cell borders are longer than any stroke of a figure: find them by opening with
    # a long line and leave them out of the band search (the pixels themselves stay in the crop)
    kh = max(30, _rnd(0.6 * H))
    kv = max(24, _rnd(0.7 * H))
    lines_h = cv2.morphologyEx(mask, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (kh, 1)))
    lines_v = cv2.morphologyEx(mask, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, kv)))
    lines = cv2.dilate(cv2.max(lines_h, lines_v), cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3)))
    text = cv2.subtract(mask, lines)
    # neighbours' strokes poke in at the left and right edges: leave them out of the row profile
    m = W // 25
    rows = (text[:, m:W - m] > 0).sum(axis=1)
    # detached parts of one figure (the flag of a 5, a dot of jitter) are a few px apart; the
    # form label above a rule is 15+ px away from the figures
    gap = max(3, H // 12)
    groups = []  # (start, end exclusive, mass)
    y = 0
    while y < H:
        if rows[y] < 2:
            y += 1
            continue
        start, end, mass, quiet = y, y, 0, 0
        while y < H and quiet <= gap:
            if rows[y] >= 2:
                end, quiet = y, 0
                mass += int(rows[y])
            else:
                quiet += 1
            y += 1
        groups.append((start, end + 1, mass))
    if not groups:
        return 0, H, 0, W, bg
    # The figures are the lowest real group: above them may be the form label (often heavier
    # than a lone 1), below them only the cut-off hint under the rule (short, at the bottom
    # edge) or bits of a tilted rule (thin).
    top_mass = max(g[2] for g in groups)
    best = None
    for s0, e0, m0 in groups:
        tall = (e0 - s0) * 8 >= H and e0 - s0 >= 6
        hint = e0 >= H and (e0 - s0) * 4 < H
        if s0 > 0 and tall and not hint and m0 >= 12 and m0 * 32 >= top_mass:
            best = (s0, e0)
    if best is None:
        best = max(groups, key=lambda g: g[2])[:2]
    y0, y1 = best
    cols = (text[y0:y1] > 0).sum(axis=0)
    xs = np.nonzero(cols)[0]
    x0, x1 = int(xs[0]), int(xs[-1]) + 1
    bh = y1 - y0
    py = _rnd(0.12 * bh) + 2
    px = _rnd(0.25 * bh) + 2
    return max(0, y0 - py), min(H, y1 + py), max(0, x0 - px), min(W, x1 + px), bg


def preprocess(g, out_w=256, out_h=32):
    """Grey uint8 crop -> uint8 out_h x out_w image, ink high (255), background and padding 0."""
    if g.ndim == 3:
        g = cv2.cvtColor(g, cv2.COLOR_BGR2GRAY)
    y0, y1, x0, x1, bg = text_band(g)
    sub = np.ascontiguousarray(g[y0:y1, x0:x1])
    h, w = sub.shape
    nw = min(out_w, max(1, _rnd(w * out_h / h)))
    r = cv2.resize(sub, (nw, out_h), interpolation=cv2.INTER_AREA)
    lo = _quantile(np.bincount(r.ravel(), minlength=256), 0.01)
    hi = bg
    if hi - lo < 32:
        lo = hi - 32
    f = (hi - r.astype(np.float64)) / float(hi - lo)
    f = np.clip(f, 0.0, 1.0)
    out = np.zeros((out_h, out_w), np.uint8)
    out[:, :nw] = np.floor(f * 255.0 + 0.5).astype(np.uint8)
    return out

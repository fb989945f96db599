#!/usr/bin/env python3
"""Cuts the digits and words zones out of generated protocols, for MEASURING only (never train
on them): the dev set, or protocols rendered by gen_protocols.py with other seeds.

usage: dev_zones.py PROTOCOL_DIR OUT_DIR
Writes OUT_DIR/<file>__<field>__digits.png and __words.png and OUT_DIR/zones.jsonl
({png, field, digits, words, handwritten, capture, lang}).

A rough stand-in for the layout stage: find the page (photos: the bright quadrilateral),
warp it to A4 at 200 dpi, deskew, find the rules by morphology and use the generator's
geometry (digits rule x 120..470, party digits cell x 760..1010, rows 96 px).
"""
import json, os, re, sys
import numpy as np
import cv2

sys.path.insert(0, os.environ.get("HATTAMA_GENERATOR", "/work/shared/devset-generator"))
import numerals

W, H = 1654, 2339
ORDER = ["voters_total", "ballots_received", "ballots_issued", "voters_participated", "voted_outside",
         "ballots_invalid", "ballots_unused"]


def load(path):
    if path.endswith(".pdf"):
        data = open(path, "rb").read()
        s = data.index(b"stream", data.index(b"/DCTDecode")) + len(b"stream")
        s += 2 if data[s:s + 2] == b"\r\n" else 1
        e = data.index(b"endstream", s)
        return cv2.imdecode(np.frombuffer(data[s:e], np.uint8), cv2.IMREAD_GRAYSCALE)
    return cv2.imread(path, cv2.IMREAD_GRAYSCALE)


def order_corners(pts):
    pts = pts.reshape(4, 2).astype(np.float32)
    s, d = pts.sum(1), np.diff(pts, axis=1).ravel()
    return np.float32([pts[np.argmin(s)], pts[np.argmin(d)], pts[np.argmax(s)], pts[np.argmax(d)]])


def find_page(g):
    h, w = g.shape
    k = 800.0 / max(h, w)
    small = cv2.resize(g, (int(w * k), int(h * k)), interpolation=cv2.INTER_AREA)
    small = cv2.GaussianBlur(small, (0, 0), 3)
    _, m = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    m = cv2.morphologyEx(m, cv2.MORPH_CLOSE, np.ones((15, 15), np.uint8))
    cs, _ = cv2.findContours(m, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    c = max(cs, key=cv2.contourArea)
    if cv2.contourArea(c) > 0.97 * small.shape[0] * small.shape[1]:
        return None
    hull = cv2.convexHull(c)
    for eps in (0.01, 0.02, 0.03, 0.05):
        ap = cv2.approxPolyDP(hull, eps * cv2.arcLength(hull, True), True)
        if len(ap) == 4:
            return order_corners(ap) / k
    return None


def deskew(g):
    small = cv2.resize(g, (W // 2, H // 2), interpolation=cv2.INTER_AREA)
    inv = (255 - small).astype(np.float32)
    best = (0, -1)
    for a in np.arange(-3.0, 3.01, 0.1):
        M = cv2.getRotationMatrix2D((W / 4, H / 4), a, 1.0)
        r = cv2.warpAffine(inv, M, (W // 2, H // 2))
        v = r.sum(1).var()
        if v > best[1]:
            best = (a, v)
    M = cv2.getRotationMatrix2D((W / 2, H / 2), best[0], 1.0)
    return cv2.warpAffine(g, M, (W, H), borderValue=250, flags=cv2.INTER_LINEAR)


def normalise(g):
    q = find_page(g)
    if q is not None:
        M = cv2.getPerspectiveTransform(q, np.float32([[0, 0], [W, 0], [W, H], [0, H]]))
        g = cv2.warpPerspective(g, M, (W, H), flags=cv2.INTER_LINEAR, borderValue=255)
    elif g.shape != (H, W):
        g = cv2.resize(g, (W, H), interpolation=cv2.INTER_AREA)
    return deskew(g)


def rules(g):
    bw = cv2.adaptiveThreshold(g, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 31, 15)
    lines = cv2.morphologyEx(bw, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (120, 1)))
    lines = cv2.dilate(lines, np.ones((3, 9), np.uint8))
    left = (lines[:, 140:450] > 0).mean(1)
    gap = (lines[:, 485:505] > 0).mean(1)
    far = (lines[:, 600:1500] > 0).mean(1)

    def runs(mask):
        ys, out = np.nonzero(mask)[0], []
        for y in ys:
            if out and y - out[-1][1] <= 3:
                out[-1][1] = y
            else:
                out.append([y, y])
        return [(a + b) // 2 for a, b in out]
    digit_rules = runs((left > 0.7) & (gap < 0.3) & (far > 0.7))
    table = runs((left > 0.7) & (gap > 0.7) & (far > 0.7))
    return digit_rules, table


def main():
    src, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    truth = [json.loads(l) for l in open(os.path.join(src, "truth.jsonl"))]
    rows, missed = [], 0
    for t in truth:
        g = normalise(load(os.path.join(src, t["file"])))
        dr, table = rules(g)
        base = dict(handwritten=t["handwritten"], capture=t["capture"], lang=t["lang"])
        wd = t.get("words_differ") or {}
        zones = []
        if len(dr) == 7:
            for key, y in zip(ORDER, dr):
                zones.append((key, t["fields"][key], (110, y - 66, 482, y + 6), (515, y - 66, W - 105, y + 6)))
        else:
            missed += 7
            print(f"{t['file']}: {len(dr)} digit rules", file=sys.stderr)
        if len(table) >= 6:
            top = table[-6]
            for i, p in enumerate(t["parties"]):
                y0 = top + i * 96
                zones.append((f"party_{i + 1}", p["votes"], (760, y0, 1010, y0 + 96), (1010, y0, W - 110, y0 + 96)))
        else:
            missed += 5
            print(f"{t['file']}: {len(table)} table lines", file=sys.stderr)
        for key, v, bd, bw_ in zones:
            name = re.sub(r"\W", "_", t["file"]) + "__" + key
            x0, y0, x1, y1 = bd
            cv2.imwrite(os.path.join(out, name + "__digits.png"), g[y0:y1, x0:x1])
            x0, y0, x1, y1 = bw_
            cv2.imwrite(os.path.join(out, name + "__words.png"), g[y0:y1, x0:x1])
            words_v = wd.get("words", v) if wd.get("field") == key else v
            rows.append(dict(base, png=name, field=key, digits=str(v),
                             words_value=words_v, words=[numerals.words(t["lang"], words_v, True),
                                                         numerals.words(t["lang"], words_v, False)]))
    with open(os.path.join(out, "zones.jsonl"), "w") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} zones, {missed} not found", file=sys.stderr)


if __name__ == "__main__":
    main()

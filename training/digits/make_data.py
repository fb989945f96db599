#!/usr/bin/env python3
"""Synthetic digits-zone crops for the digits recogniser.

usage: make_data.py OUT.npz COUNT SEED [--png DIR]
Writes X (uint8 N x 32 x 256, preprocessed exactly as the Java reader does) and labels.
With --png, also writes the raw grey crops (before preprocessing) as DIR/<kind>-<digits>.png,
for fixtures and for eyeballing.
Seeds: 1 = training set, 2 = held-out validation, >= 100 = fixtures. Each chunk of 500 samples
is seeded from (SEED, chunk) so the output does not depend on the number of processes.
"""
import os, random, sys
from multiprocessing import Pool
import numpy as np
import cv2

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
import synth
from preprocess import preprocess

CHUNK = 500
_state = {}

LABELS = {"ru": ["1. Общее число избирателей на участке", "избирательные бюллетени",
                 "в том числе число избирателей, проголосовавших вне помещения",
                 "6. Число избирательных бюллетеней, признанных недействительными",
                 "7. Число неиспользованных (испорченных) избирательных бюллетеней"],
          "kk": ["1. Учаскедегі сайлаушылардың жалпы саны", "сайлау бюллетеньдерінің саны",
                 "оның ішінде дауыс беруге арналған үй-жайдан тыс жерде",
                 "Жарамсыз деп танылған сайлау бюллетеньдерінің саны", "Пайдаланылмаған (бүлінген)"]}
HINTS = {"ru": "(цифрами)", "kk": "(санмен)"}
PARTY_BITS = ["Народная партия", "Казахстана", "Партия «Nur Otan»", "патриотическая партия «Ауыл»",
              "Қазақстан Халық партиясы", "саяси партиясы", "демократиялық партиясы"]
WORDS_BITS = ["две тысячи сто", "сорок семь", "бір мың төрт жүз", "тоқсан үш", "шестьсот", "елу"]


def init():
    _state["hand"] = synth.hand_families("0123456789")
    _state["typed"] = synth.typed_families("0123456789")
    _state["mnist"] = synth.load_mnist()


def value(rng):
    r = rng.random()
    if r < 0.35:  # what the generator produces: mostly 0..3500, small counts for the minor lines
        return str(rng.choice([rng.randint(300, 3500), rng.randint(0, 400), rng.randint(0, 90), rng.randint(0, 20)]))
    n = rng.choices([1, 2, 3, 4, 5, 6], [10, 16, 24, 28, 12, 10])[0]
    s = str(rng.randint(1, 9)) if n > 1 else str(rng.randint(0, 9))
    return s + "".join(str(rng.randint(0, 9)) for _ in range(n - 1))


def make_style(rng):
    st = _state
    r = rng.random()
    if r < 0.35:
        fam = rng.choice(st["typed"])
        return synth.Style(rng, "typed", fam, rng.randint(26, 34))
    if r < 0.55:
        return synth.Style(rng, "mnist", rng.choice(st["hand"]), rng.randint(32, 52), st["mnist"])
    return synth.Style(rng, "hand", rng.choice(st["hand"]), rng.randint(32, 52))


def ink_grey(rng, style):
    if style.kind == "typed":
        return rng.uniform(5, 40)
    return rng.choice([rng.uniform(35, 70), rng.uniform(15, 40)])  # blue ballpoint in grey, or black


def sample(rng, text=None):
    text = text or value(rng)
    style = make_style(rng)
    lang = rng.choice(["ru", "kk"])
    form_path = rng.choice(synth.FORM_FONTS)
    H, W = 220, 640
    ink = np.zeros((H, W), np.float32)
    form = np.zeros((H, W), np.float32)
    if rng.random() < 0.65:
        kind = "line"
        R = 140  # the rule; the figures' zone is x 20..370 here (120..470 on the page)
        cv2.line(form, (20, R), (370, R), 1.0, 2)
        cv2.line(form, (420, R), (639, R), 1.0, 2)
        if rng.random() < 0.85:
            synth.form_text(form, 10 + rng.uniform(-3, 3), R - 88 + rng.uniform(-4, 4), rng.choice(LABELS[lang]), form_path, 27)
        synth.form_text(form, 130, R + 6, HINTS[lang], form_path, 22)
        x = 50 + rng.uniform(0, 60)
        if rng.random() < 0.8:  # writers put figures on the rule
            ytop = R - style.vextent(text)[1] - rng.uniform(1, 8)
        else:  # the generator's placement: fonts with a deep descent hang over the rule
            ytop = R - style.size - 4 + rng.uniform(-7, 5)
        style.draw(rng, ink, x, ytop, text)
        if rng.random() < 0.8:  # the words written on the long rule to the right
            style.draw(rng, ink, 440 + rng.uniform(0, 20), R - style.size - 4, rng.choice(WORDS_BITS))
        box = [20 + rng.uniform(-18, 12), R - rng.uniform(50, 74), 370 + rng.uniform(-12, 30), R + rng.choice([rng.uniform(-2, 9), rng.uniform(2, 9)])]
    else:
        kind = "cell"
        L, T = 110, 60  # cell x 110..360 (760..1010 on the page), rows 96 px
        for yy in (T - 96, T, T + 96, T + 192):
            cv2.line(form, (0, yy), (W - 1, yy), 1.0, 2)
        for xx in (L, L + 250):
            cv2.line(form, (xx, 0), (xx, H - 1), 1.0, 2)
        bits = rng.sample(PARTY_BITS, 3)
        for j, b in enumerate(bits):
            synth.form_text(form, L - 10 - synth._font(form_path, 22).getlength(b), T + 8 + 27 * j, b, form_path, 22)
        x = L + 30 + rng.uniform(0, 30)
        if rng.random() < 0.5:
            t0, b0 = style.vextent(text)
            ytop = T + 48 + rng.uniform(-9, 9) - (t0 + b0) / 2
        else:
            ytop = T + 20 + rng.uniform(-6, 6)
        style.draw(rng, ink, x, ytop, text)
        if rng.random() < 0.8:
            style.draw(rng, ink, L + 265, T + 20, rng.choice(WORDS_BITS))
        if rng.random() < 0.4:  # figures of the rows above and below
            style.draw(rng, ink, L + 30 + rng.uniform(0, 30), T - 76, value(rng))
            style.draw(rng, ink, L + 30 + rng.uniform(0, 30), T + 116, value(rng))
        box = [L + rng.uniform(-9, 7), T + rng.uniform(-9, 6), L + 250 + rng.uniform(-7, 9), T + 96 + rng.uniform(-6, 9)]
    if rng.random() < 0.2:
        for _ in range(rng.randint(1, 2)):
            side = rng.choice([box[0] + rng.uniform(-10, 10), box[2] + rng.uniform(-10, 10)])
            synth.scribble(rng, ink, side, rng.uniform(box[1], box[3]), style.size)
    if style.kind != "typed":
        ink = synth.stroke_width(rng, ink, style.size)
    elif rng.random() < 0.2:
        ink = cv2.dilate(ink, np.ones((2, 2), np.uint8))
    mode = "photo" if rng.random() < 0.55 else "scan"
    crop = synth.capture(rng, ink, form, ink_grey(rng, style), mode, [int(round(v)) for v in box])
    return crop, text, f"{'typed' if style.kind == 'typed' else 'hand'}-{kind}-{mode}"


def chunk(args):
    seed, c, n, png = args
    if not _state:
        init()
    rng = random.Random(seed * 1000003 + c)
    X, Y, K = [], [], []
    for i in range(n):
        crop, text, kind = sample(rng)
        X.append(preprocess(crop))
        Y.append(text)
        K.append(kind)
        if png:
            cv2.imwrite(os.path.join(png, f"{kind}-{text}-{seed}-{c * CHUNK + i}.png"), crop)
    return np.stack(X), Y, K


def main():
    out, count, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    png = sys.argv[sys.argv.index("--png") + 1] if "--png" in sys.argv else None
    if png:
        os.makedirs(png, exist_ok=True)
    jobs = [(seed, c, min(CHUNK, count - c * CHUNK), png) for c in range((count + CHUNK - 1) // CHUNK)]
    procs = int(os.environ.get("PROCS", "2"))
    if procs > 1:
        with Pool(procs, initializer=init) as p:
            res = p.map(chunk, jobs, chunksize=1)
    else:
        res = [chunk(j) for j in jobs]
    X = np.concatenate([r[0] for r in res])
    Y = sum((r[1] for r in res), [])
    K = sum((r[2] for r in res), [])
    np.savez_compressed(out, X=X, y=np.array(Y), kind=np.array(K))
    print(f"{out}: {len(Y)} samples")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Synthetic words-zone crops (number words, Russian and Kazakh) for the words recogniser.

usage: make_data.py OUT.npz COUNT SEED [--png DIR]
Writes X (uint8 N x 32 x 1024, preprocessed as the Java reader does) and labels. Seeds as for
the digits: 1.. training, 2 validation, >= 100 fixtures; chunks of 250 seeded from (SEED, chunk).
"""
import os, random, sys
from multiprocessing import Pool
import numpy as np
import cv2

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "common"))
import synth
from preprocess import preprocess
sys.path.insert(0, synth.GENERATOR)
import numerals
import importlib.util
_spec = importlib.util.spec_from_file_location("digits_make_data", os.path.join(HERE, "..", "digits", "make_data.py"))
_digits = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_digits)
LABELS, value = _digits.LABELS, _digits.value

ALPHABET = " абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі"
HINTS = {"ru": "(прописью)", "kk": "(жазбаша)"}
CHUNK = 250
WIDTH = 1024
_state = {}


def init():
    _state["hand"] = {lang: synth.hand_families(chars) for lang, chars in
                      (("ru", "абвгдеёжзийклмнопрстуфхцчшщыьэюя"), ("kk", "абвгдежзийклмнопрстуфхцчшыіәғқңөұүһ"))}
    _state["typed"] = synth.typed_families("абв")


def text_for(rng, lang):
    n = int(value(rng))
    return numerals.words(lang, n, rng.random() < 0.7)


def make_style(rng, lang, size_hand):
    if rng.random() < 0.35:
        return synth.Style(rng, "typed", rng.choice(_state["typed"]), rng.randint(26, 34))
    return synth.Style(rng, "hand", rng.choice(_state["hand"][lang]), size_hand)


def length(style, text):
    return sum(synth._font(style.fam.path_for(ch), style.size).getlength(ch) * style.xscale if ch != " " else style.size * 0.33
               for ch in text) * (1 + 0.5 * max(0.0, style.spacing) * 0.5)


def fit(rng, style, text, avail):
    """Shrinks the writing until it fits, as the generator (and a person) does."""
    while length(style, text) > avail and style.size > 18:
        style.size -= 2
    return style


def sample(rng):
    lang = rng.choice(["ru", "kk"])
    text = text_for(rng, lang)
    style = make_style(rng, lang, rng.randint(32, 50))
    form_path = rng.choice(synth.FORM_FONTS)
    H, W = 220, 1120
    ink = np.zeros((H, W), np.float32)
    form = np.zeros((H, W), np.float32)
    full = style.size
    if rng.random() < 0.6:
        kind = "line"
        R = 140  # the long rule, x 20..1044 here (520..1544 on the page)
        cv2.line(form, (20, R), (1044, R), 1.0, 2)
        if rng.random() < 0.85:
            synth.form_text(form, -90 + rng.uniform(-3, 3), R - 88 + rng.uniform(-4, 4), rng.choice(LABELS[lang]) * 2, form_path, 27)
        synth.form_text(form, 400, R + 6, HINTS[lang], form_path, 22)
        fit(rng, style, text, 1004 * rng.uniform(0.85, 1.0))
        x = 40 + rng.uniform(0, 20)
        if rng.random() < 0.75:
            ytop = R - style.vextent(text)[1] - rng.uniform(1, 8)
        else:
            ytop = R - style.size - 4 + rng.uniform(-5, 4)
        style.draw(rng, ink, x, ytop, text)
        box = [20 + rng.uniform(-18, 12), R - rng.uniform(50, 74), 1044 + rng.uniform(-25, 10), R + rng.choice([rng.uniform(-2, 9), rng.uniform(2, 9)])]
    else:
        kind = "cell"
        L, T = 40, 60  # cell x 40..574 (1010..1544 on the page), rows 96 px
        for yy in (T - 96, T, T + 96, T + 192):
            cv2.line(form, (0, yy), (W - 1, yy), 1.0, 2)
        for xx in (L, L + 534):
            cv2.line(form, (xx, 0), (xx, H - 1), 1.0, 2)
        if rng.random() < 0.7:  # the figures in the cell to the left
            synth.Style(rng, style.kind, style.fam, full).draw(rng, ink, L - 200 + rng.uniform(0, 30), T + 20, value(rng))
        fit(rng, style, text, 504 * rng.uniform(0.85, 1.0))
        if rng.random() < 0.5:
            ytop = T + 20 + (full - style.size) // 2 + rng.uniform(-4, 4)
        else:
            t0, b0 = style.vextent(text)
            ytop = T + 48 + rng.uniform(-9, 9) - (t0 + b0) / 2
        style.draw(rng, ink, L + 15 + rng.uniform(-5, 10), ytop, text)
        box = [L + rng.uniform(-9, 7), T + rng.uniform(-9, 6), L + 534 + rng.uniform(-7, 9), T + 96 + rng.uniform(-6, 9)]
    if rng.random() < 0.15:
        side = rng.choice([box[0] + rng.uniform(-10, 10), box[2] + rng.uniform(-10, 10)])
        synth.scribble(rng, ink, side, rng.uniform(box[1], box[3]), full)
    if style.kind != "typed":
        ink = synth.stroke_width(rng, ink, style.size)
    mode = "photo" if rng.random() < 0.55 else "scan"
    grey = rng.uniform(5, 40) if style.kind == "typed" else rng.choice([rng.uniform(35, 70), rng.uniform(15, 40)])
    crop = synth.capture(rng, ink, form, grey, mode, [int(round(v)) for v in box])
    return crop, text, f"{'typed' if style.kind == 'typed' else 'hand'}-{kind}-{mode}-{lang}"


def chunk(args):
    seed, c, n, png = args
    if not _state:
        init()
    rng = random.Random(seed * 1000003 + c)
    X, Y, K = [], [], []
    for i in range(n):
        crop, text, kind = sample(rng)
        X.append(preprocess(crop, WIDTH))
        Y.append(text)
        K.append(kind)
        if png:
            cv2.imwrite(os.path.join(png, f"{kind}-{seed}-{c * CHUNK + i}.png"), crop)
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

#!/usr/bin/env python3
"""Synthetic digits-zone crops for the digits recogniser.

usage: make_data.py OUT.npz COUNT SEED [--png DIR]
Writes X (uint8 N x 32 x 256, preprocessed exactly as the Java reader does) and labels.
With --png, also writes the raw grey crops (before preprocessing) as DIR/<kind>-<digits>.png,
for fixtures and for eyeballing.
Seeds: 1 = training set, 2 = held-out validation, >= 100 = fixtures. Each chunk of 500 samples
is seeded from (SEED, chunk) so the output does not depend on the number of processes.
"""
import os, sys
import numpy as np
import cv2

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
import synth, datagen
from datagen import LABELS, value

CHUNK = 500
_state = {}

HINTS = {"ru": "(цифрами)", "kk": "(санмен)"}
PARTY_BITS = ["Народная партия", "Казахстана", "Партия «Nur Otan»", "патриотическая партия «Ауыл»",
              "Қазақстан Халық партиясы", "саяси партиясы", "демократиялық партиясы"]
WORDS_BITS = ["две тысячи сто", "сорок семь", "бір мың төрт жүз", "тоқсан үш", "шестьсот", "елу"]


def init():
    _state["hand"] = synth.hand_families("0123456789")
    _state["typed"] = synth.typed_families("0123456789")
    _state["mnist"] = synth.load_mnist()


def make_style(rng):
    st = _state
    r = rng.random()
    if r < 0.35:
        fam = rng.choice(st["typed"])
        return synth.Style(rng, "typed", fam, rng.randint(26, 34))
    if r < 0.55:
        return synth.Style(rng, "mnist", rng.choice(st["hand"]), rng.randint(32, 52), st["mnist"])
    return synth.Style(rng, "hand", rng.choice(st["hand"]), rng.randint(32, 52))


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
        ytop = synth.place_on_rule(rng, style, text, R, 0.8)
        style.draw(rng, ink, x, ytop, text)
        style.drop_first = 0.0
        if rng.random() < 0.8:  # the words written on the long rule to the right
            style.draw(rng, ink, 440 + rng.uniform(0, 20), R - style.size - 4, rng.choice(WORDS_BITS))
        box = synth.rule_cut(rng, 20, 370, R, (-12, 30))  # may reach into the gap before the words rule
    else:
        kind = "cell"
        L, T = 110, 60  # cell x 110..360 (760..1010 on the page), rows 96 px
        synth.table_cell(form, L, T, 250)
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
        box = synth.cell_cut(rng, L, T, 250)
    if rng.random() < 0.2:
        synth.stray_strokes(rng, ink, box, style.size, rng.randint(1, 2))
    if style.kind != "typed":
        ink = synth.stroke_width(rng, ink, style.size)
    elif rng.random() < 0.2:
        ink = cv2.dilate(ink, np.ones((2, 2), np.uint8))
    crop, mode = synth.scan_or_photo(rng, ink, form, style.kind, box)
    return crop, text, f"{'typed' if style.kind == 'typed' else 'hand'}-{kind}-{mode}"


if __name__ == "__main__":
    datagen.main(init, sample, 256, CHUNK, "{kind}-{text}-{seed}-{i}.png")

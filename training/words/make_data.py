#!/usr/bin/env python3
"""Synthetic words-zone crops (number words, Russian and Kazakh) for the words recogniser.

usage: make_data.py OUT.npz COUNT SEED [--png DIR]
Writes X (uint8 N x 32 x 1024, preprocessed as the Java reader does) and labels. Seeds as for
the digits: 1.. training, 2 validation, >= 100 fixtures; chunks of 250 seeded from (SEED, chunk).
"""
import os, sys
import numpy as np
import cv2

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
import synth, datagen
from datagen import LABELS, value
sys.path.insert(0, synth.GENERATOR)
import numerals

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
        ytop = synth.place_on_rule(rng, style, text, R, 0.75)
        style.draw(rng, ink, x, ytop, text)
        style.drop_first = 0.0
        box = synth.rule_cut(rng, 20, 1044, R, (-25, 10))
    else:
        kind = "cell"
        L, T = 40, 60  # cell x 40..574 (1010..1544 on the page), rows 96 px
        synth.table_cell(form, L, T, 534)
        if rng.random() < 0.7:  # the figures in the cell to the left
            synth.Style(rng, style.kind, style.fam, full).draw(rng, ink, L - 200 + rng.uniform(0, 30), T + 20, value(rng))
        fit(rng, style, text, 504 * rng.uniform(0.85, 1.0))
        if rng.random() < 0.5:
            ytop = T + 20 + (full - style.size) // 2 + rng.uniform(-4, 4)
        else:
            t0, b0 = style.vextent(text)
            ytop = T + 48 + rng.uniform(-9, 9) - (t0 + b0) / 2
        style.draw(rng, ink, L + 15 + rng.uniform(-5, 10), ytop, text)
        box = synth.cell_cut(rng, L, T, 534)
    if rng.random() < 0.15:
        synth.stray_strokes(rng, ink, box, full)
    if style.kind != "typed":
        ink = synth.stroke_width(rng, ink, style.size)
    crop, mode = synth.scan_or_photo(rng, ink, form, style.kind, box)
    return crop, text, f"{'typed' if style.kind == 'typed' else 'hand'}-{kind}-{mode}-{lang}"


if __name__ == "__main__":
    datagen.main(init, sample, WIDTH, CHUNK, "{kind}-{seed}-{i}.png")

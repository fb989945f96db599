#!/usr/bin/env python3
"""Test fixtures for DigitReaderTest and PreprocessParityTest.

usage: make_fixtures.py OUT_DIR [ZONES_DIR PNG_NAME...]
Renders synthetic crops with seed 100 (never a training seed) named <typed|hand>-<digits>-<n>.png
and copies the given zones cut by training/eval/dev_zones.py from protocols generated with
other seeds than the dev set. Beside each crop, <name>.pre.png is the Python preprocessing
(the Java port must reproduce it exactly).
"""
import json, os, random, shutil, sys
import cv2

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
import make_data
from preprocess import preprocess

WANT = {"typed-line": 3, "typed-cell": 2, "hand-line": 4, "hand-cell": 3}


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    make_data.init()
    rng = random.Random(100)
    have = {k: 0 for k in WANT}
    n = 0
    while any(have[k] < WANT[k] for k in WANT):
        crop, text, kind = make_data.sample(rng)
        k = "-".join(kind.split("-")[:2])
        n += 1
        if have[k] >= WANT[k]:
            continue
        have[k] += 1
        name = f"{kind.split('-')[0]}-{text}-s{n}"
        cv2.imwrite(os.path.join(out, name + ".png"), crop)
        cv2.imwrite(os.path.join(out, name + ".pre.png"), preprocess(crop, 256))
    if len(sys.argv) > 2:
        zd = sys.argv[2]
        rows = {json.loads(l)["png"]: json.loads(l) for l in open(os.path.join(zd, "zones.jsonl"))}
        for png in sys.argv[3:]:
            r = rows[png]
            name = f"{'hand' if r['handwritten'] else 'typed'}-{r['digits']}-{png.split('__')[0]}"
            crop = cv2.imread(os.path.join(zd, png + "__digits.png"), cv2.IMREAD_GRAYSCALE)
            cv2.imwrite(os.path.join(out, name + ".png"), crop)
            cv2.imwrite(os.path.join(out, name + ".pre.png"), preprocess(crop, 256))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Test fixtures for WordsReaderTest.

usage: make_fixtures.py OUT_DIR [ZONES_DIR PNG_NAME...]
Renders synthetic words crops with seed 100 (never a training seed) and copies words zones cut
by training/eval/dev_zones.py from protocols of other seeds than the dev set. OUT_DIR/index.json
maps each file to its language, number and text; <name>.pre.png is the Python preprocessing.
"""
import json, os, random, sys
import cv2

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "common"))
import make_data
from preprocess import preprocess

WANT = {"typed-line": 2, "typed-cell": 1, "hand-line": 3, "hand-cell": 2}


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    make_data.init()
    rng = random.Random(100)
    have = {k: 0 for k in WANT}
    index, n = {}, 0
    while any(have[k] < WANT[k] for k in WANT):
        crop, text, kind = make_data.sample(rng)
        k = "-".join(kind.split("-")[:2])
        n += 1
        if have[k] >= WANT[k]:
            continue
        have[k] += 1
        name = f"{k}-{kind.split('-')[-1]}-s{n}"
        cv2.imwrite(os.path.join(out, name + ".png"), crop)
        cv2.imwrite(os.path.join(out, name + ".pre.png"), preprocess(crop, make_data.WIDTH))
        index[name + ".png"] = {"lang": kind.split("-")[-1], "text": text}
    if len(sys.argv) > 2:
        zd = sys.argv[2]
        rows = {json.loads(l)["png"]: json.loads(l) for l in open(os.path.join(zd, "zones.jsonl"))}
        for png in sys.argv[3:]:
            r = rows[png]
            name = f"{'hand' if r['handwritten'] else 'typed'}-{r['lang']}-{png.split('__')[0]}-{r['field']}"
            crop = cv2.imread(os.path.join(zd, png + "__words.png"), cv2.IMREAD_GRAYSCALE)
            cv2.imwrite(os.path.join(out, name + ".png"), crop)
            cv2.imwrite(os.path.join(out, name + ".pre.png"), preprocess(crop, make_data.WIDTH))
            index[name + ".png"] = {"lang": r["lang"], "value": r["words_value"], "text": r["words"][0],
                                    "alternatives": r["words"][1:]}
    with open(os.path.join(out, "index.json"), "w") as f:
        json.dump(index, f, ensure_ascii=False, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()

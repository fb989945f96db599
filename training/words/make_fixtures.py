#!/usr/bin/env python3
"""Test fixtures for WordsReaderTest.

usage: make_fixtures.py OUT_DIR [ZONES_DIR PNG_NAME...]
Renders synthetic words crops with seed 100 (never a training seed) and copies words zones cut
by training/eval/dev_zones.py from protocols of other seeds than the dev set. OUT_DIR/index.json
maps each file to its language, number and text; <name>.pre.png is the Python preprocessing.
"""
import os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "common"))
import make_data, fixtures

WANT = {"typed-line": 2, "typed-cell": 1, "hand-line": 3, "hand-cell": 2}


def synthetic_name(n, text, kind):
    writer, zone, _, lang = kind.split("-")
    return f"{writer}-{zone}-{lang}-s{n}", {"lang": lang, "text": text}


def zone_name(r):
    name = f"{'hand' if r['handwritten'] else 'typed'}-{r['lang']}-{r['png'].split('__')[0]}-{r['field']}"
    return name, {"lang": r["lang"], "value": r["words_value"], "text": r["words"][0], "alternatives": r["words"][1:]}


if __name__ == "__main__":
    fixtures.main(make_data.init, make_data.sample, WANT, "words", make_data.WIDTH, synthetic_name, zone_name)

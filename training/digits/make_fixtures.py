#!/usr/bin/env python3
"""Test fixtures for DigitReaderTest and PreprocessParityTest.

usage: make_fixtures.py OUT_DIR [ZONES_DIR PNG_NAME...]
Renders synthetic crops with seed 100 (never a training seed) named <typed|hand>-<digits>-<n>.png
and copies the given zones cut by training/eval/dev_zones.py from protocols generated with
other seeds than the dev set. Beside each crop, <name>.pre.png is the Python preprocessing
(the Java port must reproduce it exactly).
"""
import os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
import make_data, fixtures

WANT = {"typed-line": 3, "typed-cell": 2, "hand-line": 4, "hand-cell": 3}


def synthetic_name(n, text, kind):
    return f"{kind.split('-')[0]}-{text}-s{n}", None


def zone_name(r):
    return f"{'hand' if r['handwritten'] else 'typed'}-{r['digits']}-{r['png'].split('__')[0]}", None


if __name__ == "__main__":
    fixtures.main(make_data.init, make_data.sample, WANT, "digits", 256, synthetic_name, zone_name)

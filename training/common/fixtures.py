"""What the recipes' make_fixtures.py share: the Java tests' crops, synthetic ones of seed 100
(never a training seed) and zones cut by eval/dev_zones.py from protocols of other seeds than
the dev set, each beside <name>.pre.png, its Python preprocessing, which the Java port must
reproduce exactly.
"""
import json, os, random, sys
import cv2

from preprocess import preprocess


def synthetic(sample, want):
    """Yields (n, crop, text, kind) until want["<typed|hand>-<line|cell>"] crops of each; n counts
    every crop drawn, so a fixture's name says where it is in the seed's sequence."""
    rng = random.Random(100)
    have = {k: 0 for k in want}
    n = 0
    while any(have[k] < want[k] for k in want):
        crop, text, kind = sample(rng)
        k = "-".join(kind.split("-")[:2])
        n += 1
        if have[k] >= want[k]:
            continue
        have[k] += 1
        yield n, crop, text, kind


def zones(args, zone):
    """args: [ZONES_DIR PNG_NAME...]; yields (the row of ZONES_DIR/zones.jsonl, the zone's crop)."""
    if not args:
        return
    zd = args[0]
    rows = {json.loads(l)["png"]: json.loads(l) for l in open(os.path.join(zd, "zones.jsonl"))}
    for png in args[1:]:
        yield rows[png], cv2.imread(os.path.join(zd, f"{png}__{zone}.png"), cv2.IMREAD_GRAYSCALE)


def main(init, sample, want, zone, width, synthetic_name, zone_name):
    """make_fixtures.py OUT_DIR [ZONES_DIR PNG_NAME...]. synthetic_name(n, text, kind) and
    zone_name(row) give a fixture's name and its entry in OUT_DIR/index.json (None: no index)."""
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    init()
    index = {}

    def put(named, crop):
        name, entry = named
        cv2.imwrite(os.path.join(out, name + ".png"), crop)
        cv2.imwrite(os.path.join(out, name + ".pre.png"), preprocess(crop, width))
        if entry is not None:
            index[name + ".png"] = entry

    for n, crop, text, kind in synthetic(sample, want):
        put(synthetic_name(n, text, kind), crop)
    for row, crop in zones(sys.argv[2:], zone):
        put(zone_name(row), crop)
    if index:
        with open(os.path.join(out, "index.json"), "w") as f:
            json.dump(index, f, ensure_ascii=False, indent=1, sort_keys=True)

#!/usr/bin/env python3
"""Re-sends a set of protocols through a messenger: every picture (a PDF's page too) comes out as a
JPEG of long side 1280 px at quality 60-80, as WhatsApp and Telegram send photos.

usage: messenger.py IN OUT SEED

IN/truth.jsonl is copied with each record's file renamed to the .jpg and "messenger" added to its
conditions. Deterministic for a seed.
"""
import io, json, os, random, sys
from PIL import Image
from hardset import messenger


def first_page(path):
    """The picture of a scan; of a PDF, its first page's image (the generator's PDFs are one JPEG a page)."""
    if not path.lower().endswith(".pdf"):
        return Image.open(path).convert("RGB")
    with open(path, "rb") as f:
        data = f.read()
    at = data.index(b"/DCTDecode")
    start = data.index(b"stream", at) + len(b"stream")
    start += 2 if data[start:start + 2] == b"\r\n" else 1
    return Image.open(io.BytesIO(data[start:data.index(b"endstream", start)])).convert("RGB")


def main():
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    src, out, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
    os.makedirs(out, exist_ok=True)
    rng = random.Random(f"messenger-{seed}")
    with open(os.path.join(src, "truth.jsonl"), encoding="utf-8") as f:
        truth = [json.loads(l) for l in f if l.strip()]
    for t in truth:
        img, quality = messenger(first_page(os.path.join(src, t["file"])), rng)
        name = os.path.splitext(t["file"])[0] + ".jpg"
        img.save(os.path.join(out, name), quality=quality)
        t["file"] = name
        t["conditions"] = list(t.get("conditions") or []) + ["messenger"]
    with open(os.path.join(out, "truth.jsonl"), "w", encoding="utf-8") as f:
        for t in truth:
            f.write(json.dumps(t, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Fetches the held-out handwriting families (@fontsource packages from npm) into OUT/<family>/,
one folder per family as the dev-set generator expects (PROTOCOL_FONTS=OUT).

usage: holdout_fonts.py [OUT]        (default /tmp/hattama-holdout-fonts)

The families are hands the readers never saw: not in training/fetch_assets.sh's list (checked
here against that file), never one of the reserved test fonts. Each family's Cyrillic and Kazakh
coverage is checked with fontTools and printed; a family without the Kazakh letters is kept but
the generator then writes only Russian protocols with it (it picks, per protocol, among the
families that cover the language), and a family without Russian Cyrillic is dropped.
"""
import glob, os, re, shutil, subprocess, sys, tarfile
from fontTools.ttLib import TTFont

HERE = os.path.dirname(os.path.abspath(__file__))
FETCH_ASSETS = os.path.join(HERE, "..", "..", "..", "training", "fetch_assets.sh")
RESERVED = ("caveat", "bad-script", "marck-script", "neucha")
# Unlike the training hands: a connected brush script, a pencil hand with long thin strokes, a round
# pop hand; then the three families training keeps out on purpose (synth.HOLDOUT), the only
# never-trained hands here that carry the Kazakh letters.
FAMILIES = ["comforter-brush", "klee-one", "hachi-maru-pop", "playpen-sans", "marmelad", "balsamiq-sans"]
SUBSETS = ("latin", "latin-ext", "cyrillic", "cyrillic-ext")
KAZAKH = "әғқңөұүһіӘҒҚҢӨҰҮҺІ"
RUSSIAN = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ0123456789"


def training_families():
    with open(FETCH_ASSETS, encoding="utf-8") as f:
        text = f.read()
    m = re.search(r'FAMILIES="([^"]*)"', text)
    fams = set(m.group(1).split()) if m else set()
    fams |= {os.path.basename(d) for d in glob.glob("/work/shared/devset-generator/fonts/*")}
    return fams


def coverage(folder):
    cps = set()
    for p in glob.glob(os.path.join(folder, "*-400-normal.woff")):
        cps |= set(TTFont(p).getBestCmap() or {})
    return ("".join(c for c in RUSSIAN if ord(c) not in cps), "".join(c for c in KAZAKH if ord(c) not in cps))


def fetch(name, out, pkgdir):
    if any(name.startswith(r) for r in RESERVED):
        raise SystemExit(f"reserved test font, never fetched: {name}")
    dest = os.path.join(out, name)
    if glob.glob(os.path.join(dest, "*-400-normal.woff")):
        return dest
    tgz = glob.glob(os.path.join(pkgdir, f"fontsource-{name}-*.tgz"))
    if not tgz:
        subprocess.run(["npm", "pack", f"@fontsource/{name}"], cwd=pkgdir, check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        tgz = glob.glob(os.path.join(pkgdir, f"fontsource-{name}-*.tgz"))
    os.makedirs(dest, exist_ok=True)
    with tarfile.open(tgz[0]) as t:
        for m in t.getmembers():
            base = os.path.basename(m.name)
            if m.isfile() and m.name.startswith("package/files/") and any(
                    base == f"{name}-{s}-400-normal.woff" for s in SUBSETS):
                with t.extractfile(m) as src, open(os.path.join(dest, base), "wb") as dst:
                    shutil.copyfileobj(src, dst)
    return dest


def main():
    out = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "/tmp/hattama-holdout-fonts")
    pkgdir = os.path.join(out, ".pkg")
    os.makedirs(pkgdir, exist_ok=True)
    trained = training_families() - {"playpen-sans", "marmelad", "balsamiq-sans"}
    for name in FAMILIES:
        if name in trained:
            raise SystemExit(f"{name} is a training family: not a held-out hand")
        dest = fetch(name, out, pkgdir)
        no_ru, no_kk = coverage(dest)
        if no_ru:
            print(f"{name:16s} DROPPED: lacks Russian letters {no_ru}")
            shutil.rmtree(dest)
        elif no_kk:
            print(f"{name:16s} Russian only (lacks Kazakh {no_kk})")
        else:
            print(f"{name:16s} Russian and Kazakh")
    print(out)


if __name__ == "__main__":
    main()

"""What the recipes' make_data.py share: the form's labels, the figures people write, and the
writing of a data set (chunks, processes, the .npz file).

A recipe gives init() (loads its fonts into its own state, once per process) and sample(rng)
-> (grey crop, text, kind "<typed|hand>-<line|cell>-<scan|photo>[-...]").
"""
import functools, os, random, sys
from multiprocessing import Pool
import numpy as np
import cv2

from preprocess import preprocess

LABELS = {"ru": ["1. Общее число избирателей на участке", "избирательные бюллетени",
                 "в том числе число избирателей, проголосовавших вне помещения",
                 "6. Число избирательных бюллетеней, признанных недействительными",
                 "7. Число неиспользованных (испорченных) избирательных бюллетеней"],
          "kk": ["1. Учаскедегі сайлаушылардың жалпы саны", "сайлау бюллетеньдерінің саны",
                 "оның ішінде дауыс беруге арналған үй-жайдан тыс жерде",
                 "Жарамсыз деп танылған сайлау бюллетеньдерінің саны", "Пайдаланылмаған (бүлінген)"]}


def value(rng):
    """A figure as a protocol carries it (the words recipe spells the same numbers)."""
    r = rng.random()
    if r < 0.35:  # what the generator produces: mostly 0..3500, small counts for the minor lines
        return str(rng.choice([rng.randint(300, 3500), rng.randint(0, 400), rng.randint(0, 90), rng.randint(0, 20)]))
    n = rng.choices([1, 2, 3, 4, 5, 6], [10, 16, 24, 28, 12, 10])[0]
    s = str(rng.randint(1, 9)) if n > 1 else str(rng.randint(0, 9))
    return s + "".join(str(rng.randint(0, 9)) for _ in range(n - 1))


def _chunk(sample, width, chunk, png_name, job):
    seed, c, n, png = job
    # seeded from (seed, chunk) so that the output does not depend on the number of processes
    rng = random.Random(seed * 1000003 + c)
    X, Y, K = [], [], []
    for i in range(n):
        crop, text, kind = sample(rng)
        X.append(preprocess(crop, width))
        Y.append(text)
        K.append(kind)
        if png:
            cv2.imwrite(os.path.join(png, png_name.format(kind=kind, text=text, seed=seed, i=c * chunk + i)), crop)
    return np.stack(X), Y, K


def main(init, sample, width, chunk, png_name):
    """make_data.py OUT.npz COUNT SEED [--png DIR]; png_name formats kind, text, seed and i."""
    out, count, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    png = sys.argv[sys.argv.index("--png") + 1] if "--png" in sys.argv else None
    if png:
        os.makedirs(png, exist_ok=True)
    jobs = [(seed, c, min(chunk, count - c * chunk), png) for c in range((count + chunk - 1) // chunk)]
    work = functools.partial(_chunk, sample, width, chunk, png_name)
    procs = int(os.environ.get("PROCS", "2"))
    if procs > 1:
        with Pool(procs, initializer=init) as p:
            res = p.map(work, jobs, chunksize=1)
    else:
        init()
        res = [work(j) for j in jobs]
    X = np.concatenate([r[0] for r in res])
    Y = sum((r[1] for r in res), [])
    K = sum((r[2] for r in res), [])
    np.savez_compressed(out, X=X, y=np.array(Y), kind=np.array(K))
    print(f"{out}: {len(Y)} samples")

#!/usr/bin/env python3
"""Trains the words CTC recogniser and exports it to ONNX (opset 13, input 1x1x32x1024).

usage: train.py TRAIN.npz VAL.npz OUT.onnx [STEPS]
"""
import os, sys, time, random
import numpy as np
import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
from ctcnet import CtcNet, train, evaluate, export_onnx

ALPHABET = " абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі"


def main():
    tr, va, out = sys.argv[1:4]
    steps = int(sys.argv[4]) if len(sys.argv) > 4 else 3000
    torch.set_num_threads(int(os.environ.get("THREADS", "1")))
    random.seed(0); np.random.seed(0); torch.manual_seed(0)
    d, v = np.load(tr), np.load(va)
    X, Y = d["X"], [str(s) for s in d["y"]]
    Xv, Yv, Kv = v["X"], [str(s) for s in v["y"]], [str(s) for s in v["kind"]]
    # letters need a wider view than figures: three context convolutions of width 5 at stride 4
    model = CtcNet(len(ALPHABET) + 1, ch=(16, 32, 64, 96, 128), ctx=3)
    log = lambda m: print(time.strftime("%H:%M:%S"), m, flush=True)
    log(f"train {len(X)} val {len(Xv)} params {sum(p.numel() for p in model.parameters())}")
    train(model, X, Y, ALPHABET, Xv, Yv, Kv, steps, 32, float(os.environ.get("LR", "3e-3")), 0, log)
    torch.save(model.state_dict(), out + ".pt")
    export_onnx(model, out, 1024)
    log(f"exported {out} {os.path.getsize(out)} bytes")
    log(f"final val {evaluate(model, Xv, Yv, Kv, ALPHABET)}")


if __name__ == "__main__":
    main()

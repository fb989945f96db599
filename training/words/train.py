#!/usr/bin/env python3
"""Trains the words CTC recogniser and exports it to ONNX (opset 13, input 1x1x32x1024).

usage: train.py TRAIN.npz VAL.npz OUT.onnx [STEPS]
"""
import os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
import ctcnet

ALPHABET = " абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі"

if __name__ == "__main__":
    # letters need a wider view than figures: three context convolutions of width 5 at stride 4
    ctcnet.main(ALPHABET, 1024, 3000, ctx=3)

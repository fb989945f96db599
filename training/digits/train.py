#!/usr/bin/env python3
"""Trains the digits CTC recogniser and exports it to ONNX (opset 13, input 1x1x32x256).

usage: train.py TRAIN.npz VAL.npz OUT.onnx [STEPS]
"""
import os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
import ctcnet

ALPHABET = "0123456789"

if __name__ == "__main__":
    ctcnet.main(ALPHABET, 256, 2000)

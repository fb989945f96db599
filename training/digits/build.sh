#!/usr/bin/env bash
# Rebuilds src/main/resources/models/digits.onnx (the steps: ../common/build.sh).
# ~7-20 min of data generation and ~36 min of training (20 CPU-min) on 2 shared CPU cores.
export N_TRAIN=${N_TRAIN:-60000} N_VAL=${N_VAL:-3000} STEPS=${STEPS:-5000}
exec bash "$(dirname "$0")/../common/build.sh" digits 3

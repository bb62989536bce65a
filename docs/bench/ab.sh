#!/usr/bin/env bash
# Interleaved A/B timing of the training step: runs `bench` from two copies of the app
# alternately (A, B, A, B, ...) and prints both sorted series with their medians.
# usage: docs/bench/ab.sh DIR_A DIR_B [RUNS]   (each DIR holds gatescope.jar and lib/)
# CELL=gru docs/bench/ab.sh ... times another cell.
set -euo pipefail
export OPENBLAS_CORETYPE="${OPENBLAS_CORETYPE:-SKYLAKEX}"
runs="${3:-5}"
a=()
b=()
for _ in $(seq 1 "$runs"); do
  a+=("$(java -jar "$1/gatescope.jar" bench --cell "${CELL:-lstm}" 2>/dev/null | grep -o 'step_ms=[0-9.]*' | cut -d= -f2)")
  b+=("$(java -jar "$2/gatescope.jar" bench --cell "${CELL:-lstm}" 2>/dev/null | grep -o 'step_ms=[0-9.]*' | cut -d= -f2)")
done
python3 - "${a[*]}" "${b[*]}" <<'PY'
import statistics, sys
for name, series in zip("AB", sys.argv[1:]):
    v = sorted(float(x) for x in series.split())
    print(name, v, "median", statistics.median(v))
PY

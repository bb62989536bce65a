#!/usr/bin/env bash
# Issue 15's targets, GateScope and the PyTorch baseline back to back in one shell (see
# docs/benchmarks.md). Run from the repository after `./mvnw package`; the core type is the
# caller's (export OPENBLAS_CORETYPE=... to choose OpenBLAS's kernels for both sides).
set -u
cd "$(dirname "$0")/../.."
jar=target/gatescope.jar
base=../shared/bench/pytorch_baseline.py
for r in 1 2 3; do
  echo "== pair $r lstm"
  java -jar "$jar" bench --threads 1 2>&1 | grep RESULT
  /usr/bin/python3 "$base" step --threads 1 2>&1 | tail -2
done
for c in gru rnn; do
  echo "== $c"
  java -jar "$jar" bench --threads 1 --cell "$c" 2>&1 | grep RESULT
  /usr/bin/python3 "$base" step --threads 1 --cell "$c" 2>&1 | tail -2
done
echo "== time to 98 %"
/usr/bin/time -f "gatescope wall %e s cpu %U+%S" \
  java -jar "$jar" train --target-accuracy 0.98 --quiet --out /tmp/tta.gatescope 2>&1 | tail -3
/usr/bin/time -f "pytorch wall %e s cpu %U+%S" \
  /usr/bin/python3 "$base" tta --target 0.98 --threads 1 2>&1 | tail -3

#!/usr/bin/env python3
"""Where a training step's time goes, from async-profiler's collapsed stacks of `gatescope bench`.

async-profiler walks Java and native frames of the same sample, so the products (OpenBLAS) and
the Java loops are counted by one clock; JFR's samples under-count the vectorised loops (see
docs/benchmarks.md). The profiler is a measuring tool only, not a dependency of GateScope:

  ./mvnw -q dependency:get -Dartifact=tools.profiler:async-profiler:3.0
  unzip -o -q ~/.m2/repository/tools/profiler/async-profiler/3.0/async-profiler-3.0.jar \
    'linux-x64/*' -d /tmp/ap
  java -agentpath:/tmp/ap/linux-x64/libasyncProfiler.so=start,event=itimer,interval=200us,\
collapsed,file=/tmp/step.collapsed -jar target/gatescope.jar bench --threads 1 --iters 100
  python3 docs/bench/ap-phases.py /tmp/step.collapsed

(`event=itimer`: CPU time by the process's interval timer, which works where the machine offers
no hardware counters.) Only samples inside a training step (lossAndGradient or Optimizer.step)
count. A sample under OpenBLAS's sgemm is a product; any other goes to the innermost GateScope
frame, and the norm's and Adam's to Adam.
"""
import collections
import sys

PKG = "io/gatescope/"


def phase(frames):
    text = ";".join(frames)
    if "Optimizer.step" in text or "Optimizer.gradientNorm" in text:
        return "Adam (with the gradient norm)"
    if "cblas_sgemm" in text or "libopenblas" in text:
        return "products (OpenBLAS sgemm)"
    for f in reversed(frames):
        if PKG in f:
            return f.split("/")[-1]
    return "other: " + frames[-1][:60]


def main(path):
    counts = collections.Counter()
    for line in open(path, encoding="utf-8"):
        stack, n = line.rstrip("\n").rsplit(" ", 1)
        if "lossAndGradient" not in stack and "Optimizer." not in stack:
            continue
        counts[phase(stack.split(";"))] += int(n)
    total = sum(counts.values())
    print(f"{total} samples inside training steps")
    for k, v in counts.most_common(25):
        print(f"{100 * v / total:6.2f} %  {k}")


if __name__ == "__main__":
    main(sys.argv[1])

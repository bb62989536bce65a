#!/usr/bin/env python3
"""Where a training step's time goes, from a JFR recording of `gatescope bench`.

Record with Java and native method samples at the same period (10 ms), e.g. a copy of the JDK's
profile.jfc with method-sampling-native-interval set to 10 ms, then:

  jfr print --json --events jdk.ExecutionSample,jdk.NativeMethodSample --stack-depth 128 step.jfr \
    | python3 docs/bench/jfr-phases.py

Only the main thread's samples inside a training step (RecurrentClassifier.lossAndGradient or
Optimizer.step) are counted. Each sample goes to the phase of the innermost GateScope frame:
Nd.gemm, gemmRows, multiply -> products, Mirror -> copies between Java arrays and native buffers, Optimizer and Adam -> Adam,
a GateScope frame under which ND4J code runs -> other ND4J calls, the cells and activations ->
cell loops, RecurrentClassifier -> loss and the rest.
"""
import collections
import json
import sys

PKG = "io/gatescope/"


def name(frame):
    m = frame["method"]
    return m["type"]["name"] + "." + m["name"]


def phase(frames):
    inner_library = False
    for f in frames:  # innermost first
        n = name(f)
        if not n.startswith(PKG):
            if n.startswith(("org/nd4j/", "org/bytedeco/")):
                inner_library = True
            continue
        cls = n[len(PKG):].rsplit(".", 1)[0]
        if n.endswith(("core/engine/Nd.gemm", "core/engine/Nd.gemmRows",
                       "core/engine/Nd.multiply", "core/engine/Nd.sgemm")):
            return "products (cblas_sgemm and its call)", caller(frames, f)
        if cls in ("core/engine/Mirror", "core/engine/JointOperand"):
            return "copies Java <-> native (Mirror)", None
        if cls in ("core/train/Optimizer", "core/train/Adam"):
            return "Adam (ND4J updater, norm, params -= step)", None
        if inner_library:
            return "other ND4J calls (assign, views)", None
        if cls in ("core/engine/LstmCell", "core/engine/GruCell", "core/engine/RnnCell",
                   "core/engine/RecurrentLayer", "core/engine/Activations",
                   "core/engine/Overrides", "core/engine/TraceKeeper"):
            return "cell loops (Java)", None
        if cls == "core/engine/RecurrentClassifier":
            return "loss, softmax and the rest (Java)", None
        return "other: " + n, None
    return "outside GateScope", None


def caller(frames, gemm):
    """The method that made the product: the first GateScope frame under the Nd calls."""
    below = frames[frames.index(gemm) + 1:]
    for f in below:
        n = name(f)
        if n.startswith(PKG) and "/core/engine/Nd." not in n:
            return n[len(PKG):].replace("core/engine/", "")
    return "?"


def main():
    events = json.load(sys.stdin)["recording"]["events"]
    where = collections.Counter()
    phases = collections.Counter()
    callers = collections.Counter()
    for e in events:
        v = e["values"]
        if (v.get("sampledThread") or {}).get("javaName") != "main" or not v.get("stackTrace"):
            continue
        frames = v["stackTrace"]["frames"]
        names = [name(f) for f in frames]
        if any(n.endswith("RecurrentClassifier.lossAndGradient") or n.endswith("Optimizer.step")
               for n in names):
            where["training step"] += 1
            p, c = phase(frames)
            phases[p] += 1
            if c:
                callers[c] += 1
        elif any(n.endswith("GemmReplay.run") for n in names):
            where["sgemm replay"] += 1
        elif any(n.endswith("RecurrentClassifier.trace") for n in names):
            where["single-image trace"] += 1
        else:
            where["other (start, set-up)"] += 1
    print("main-thread samples:", dict(where))
    total = sum(phases.values())
    for p, c in phases.most_common():
        print(f"{p:45s} {c:6d}  {100 * c / total:5.1f} %")
    print("products by the method that makes them:")
    for p, c in callers.most_common():
        print(f"  {p:43s} {c:6d}  {100 * c / total:5.1f} %")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Draws docs/images/benchmarks.png from the numbers in docs/benchmarks.md (measured by hand)."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

# Training step, ms (back-to-back pairs, OPENBLAS_CORETYPE=SKYLAKEX, one thread).
configs = ["LSTM", "GRU", "RNN"]
gatescope = [[20.63, 20.45, 20.96, 21.71, 21.64, 21.57], [27.11, 27.56], [7.28, 7.70]]
pytorch = [[30.49, 30.46, 30.47, 31.22, 31.93, 32.10], [25.73, 25.92], [11.44, 12.05]]
mean = lambda v: sum(v) / len(v)

fig, ax = plt.subplots(1, 2, figsize=(10, 3.8))
x = range(len(configs))
ax[0].bar([i - 0.2 for i in x], [mean(v) for v in gatescope], 0.4, label="GateScope", color="#e69f00")
ax[0].bar([i + 0.2 for i in x], [mean(v) for v in pytorch], 0.4, label="PyTorch 1.13", color="#56b4e9")
ax[0].set_xticks(list(x), configs)
ax[0].set_ylabel("ms per training step (lower is better)")
ax[0].set_title("Training step, batch 128, P=H=128")
ax[0].legend()

# Single image: medians of the six LSTM pairs (trace1_ms, infer1_ms).
ax[1].bar([0, 1], [0.47, 0.40], color=["#e69f00", "#56b4e9"])
ax[1].set_xticks([0, 1], ["GateScope\n(full gate trace)", "PyTorch\n(output only)"])
ax[1].axhline(1.0, color="#cc79a7", linestyle="--", label="1 ms goal")
ax[1].set_ylabel("ms per image")
ax[1].set_title("Single image, LSTM")
ax[1].legend()
fig.tight_layout()
fig.savefig("docs/images/benchmarks.png", dpi=110)

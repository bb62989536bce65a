#!/usr/bin/env python3
"""Draws docs/images/benchmarks.png from the numbers in docs/benchmarks.md (measured by hand)."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

# Training step, ms (two back-to-back runs each, OPENBLAS_CORETYPE=SKYLAKEX, one thread).
configs = ["LSTM", "GRU", "RNN"]
gatescope = [[32.54, 30.49], [31.37, 29.00], [10.61, 10.10]]
pytorch = [[28.72, 28.23], [22.70, 22.80], [9.67, 10.23]]
mean = lambda v: sum(v) / len(v)

fig, ax = plt.subplots(1, 2, figsize=(10, 3.8))
x = range(len(configs))
ax[0].bar([i - 0.2 for i in x], [mean(v) for v in gatescope], 0.4, label="GateScope", color="#e69f00")
ax[0].bar([i + 0.2 for i in x], [mean(v) for v in pytorch], 0.4, label="PyTorch 1.13", color="#56b4e9")
ax[0].set_xticks(list(x), configs)
ax[0].set_ylabel("ms per training step (lower is better)")
ax[0].set_title("Training step, batch 128, P=H=128")
ax[0].legend()

ax[1].bar([0, 1], [0.53, 0.40], color=["#e69f00", "#56b4e9"])
ax[1].set_xticks([0, 1], ["GateScope\n(full gate trace)", "PyTorch\n(output only)"])
ax[1].axhline(1.0, color="#cc79a7", linestyle="--", label="1 ms goal")
ax[1].set_ylabel("ms per image")
ax[1].set_title("Single image, LSTM")
ax[1].legend()
fig.tight_layout()
fig.savefig("docs/images/benchmarks.png", dpi=110)

#!/usr/bin/env python3
"""Draws docs/images/benchmarks.png from the numbers in docs/benchmarks.md (measured by hand)."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

# Training step, ms (two back-to-back runs each, OPENBLAS_CORETYPE=SKYLAKEX, one thread).
configs = ["LSTM", "GRU", "RNN"]
gatescope = [[43.17, 41.21], [41.56, 42.55], [13.85, 12.60]]
pytorch = [[30.25, 30.15], [26.62, 27.84], [12.89, 12.49]]
mean = lambda v: sum(v) / len(v)

fig, ax = plt.subplots(1, 2, figsize=(10, 3.8))
x = range(len(configs))
ax[0].bar([i - 0.2 for i in x], [mean(v) for v in gatescope], 0.4, label="GateScope", color="#e69f00")
ax[0].bar([i + 0.2 for i in x], [mean(v) for v in pytorch], 0.4, label="PyTorch 1.13", color="#56b4e9")
ax[0].set_xticks(list(x), configs)
ax[0].set_ylabel("ms per training step (lower is better)")
ax[0].set_title("Training step, batch 128, P=H=128")
ax[0].legend()

ax[1].bar([0, 1], [0.67, 0.43], color=["#e69f00", "#56b4e9"])
ax[1].set_xticks([0, 1], ["GateScope\n(full gate trace)", "PyTorch\n(output only)"])
ax[1].axhline(1.0, color="#cc79a7", linestyle="--", label="1 ms goal")
ax[1].set_ylabel("ms per image")
ax[1].set_title("Single image, LSTM")
ax[1].legend()
fig.tight_layout()
fig.savefig("docs/images/benchmarks.png", dpi=110)

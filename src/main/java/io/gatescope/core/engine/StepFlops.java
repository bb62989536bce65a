package io.gatescope.core.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The matrix products of one training step (forward, backpropagation through time, weight
 * gradients), as the engine makes them, with their shapes: what {@code bench} counts as the step's
 * floating-point work (2·m·n·k per product) and replays to measure the sgemm rate on exactly those
 * shapes.
 *
 * <p>It follows the engine's choices: the projection folded into the first layer's input side
 * ({@link InputSide}); per step, one product per {@link JointOperand} [v | x | 1]·[RW; W; b] (the
 * LSTM and the RNN have one, the GRU two: its gates, then its candidate) and, going back, one
 * dz·RWᵀ per operand for t &gt; 0; after BPTT one operandᵀ·dz per operand for all its weight
 * gradients. Element-wise work, Adam and copies are not products and are not counted.
 */
public final class StepFlops {
  private static final int T = ModelConfig.STEPS;
  private static final int F = ModelConfig.FEATURES;
  private static final int K = ModelConfig.CLASSES;

  private StepFlops() {}

  /**
   * out [m, n] = a·b with inner size k, made {@code times} times per step; ta, tb as the engine
   * passes them to BLAS.
   */
  public record Product(String what, int m, int n, int k, boolean ta, boolean tb, int times) {
    /** Floating-point operations of all its calls in a step: 2·m·n·k each. */
    public long flops() {
      return 2L * m * n * k * times;
    }
  }

  /** Total floating-point operations of one step's products. */
  public static long count(ModelConfig cfg, int batch) {
    return products(cfg, batch).stream().mapToLong(Product::flops).sum();
  }

  /** Every product of one training step on a batch of {@code batch}, forward first. */
  public static List<Product> products(ModelConfig cfg, int batch) {
    int b = batch;
    int h = cfg.hidden();
    int p = cfg.projection();
    int tb = T * b;
    int n = gates(cfg.cell()) * h;
    int[] parts = partColumns(cfg.cell(), h);
    boolean folded = p > 0;
    List<Product> fwd = new ArrayList<>();
    List<Product> bwd = new ArrayList<>();

    if (folded) {
      fwd.add(new Product("Wp·W", F, n, p, false, false, 1));
      fwd.add(new Product("bp·W", 1, n, p, false, false, 1));
    } else if (p > 0) {
      fwd.add(new Product("x·Wp", tb, p, F, false, false, 1));
    }
    // Output layer: logits = a⟨T⟩·W_y; ∂W_y = a⟨T⟩ᵀ·∂logits; ∂a⟨T⟩ = ∂logits·W_yᵀ.
    bwd.add(new Product("aᵀ·dlogits", h, K, b, true, false, 1));
    bwd.add(new Product("dlogits·Wyᵀ", b, h, K, false, true, 1));
    for (int l = 0; l < cfg.layers(); l++) {
      int in = l > 0 ? h : (p > 0 && !folded ? p : F);
      for (int cols : parts) {
        fwd.add(new Product("l" + l + " xa·[RW;W;b]", b, cols, h + in + 1, false, false, T));
      }
    }
    for (int l = cfg.layers() - 1; l >= 0; l--) {
      int in = l > 0 ? h : (p > 0 && !folded ? p : F);
      String at = "l" + l + " ";
      for (int cols : parts) {
        bwd.add(new Product(at + "dz·RWᵀ", b, h, cols, false, true, T - 1));
        bwd.add(new Product(at + "xaᵀ·dz", h + in + 1, cols, tb, true, false, 1));
      }
      if (l == 0 && folded) {
        // ∂W = Wpᵀ·G + bpᵀ·Σdz, ∂Wp = G·Wᵀ, ∂bp = Σdz·Wᵀ, with G = xᵀ·dz (counted above).
        bwd.add(new Product("Wpᵀ·G", p, n, F, true, false, 1));
        bwd.add(new Product("bpᵀ·Σdz", p, n, 1, true, false, 1));
        bwd.add(new Product("G·Wᵀ", F, p, n, false, true, 1));
        bwd.add(new Product("Σdz·Wᵀ", 1, p, n, false, true, 1));
      }
      if (l > 0 || (p > 0 && !folded)) {
        for (int cols : parts) {
          bwd.add(new Product(at + "dz·Wᵀ", tb, in, cols, false, true, 1));
        }
      }
    }
    if (p > 0 && !folded) {
      bwd.add(new Product("xᵀ·dproj", F, p, tb, true, false, 1));
    }
    fwd.add(new Product("a·Wy", b, K, h, false, false, 1));
    List<Product> all = new ArrayList<>(fwd);
    all.addAll(bwd);
    return List.copyOf(all);
  }

  /** The columns of each joint operand's product (see {@link Cell#parts()}). */
  private static int[] partColumns(CellType c, int h) {
    return switch (c) {
      case LSTM -> new int[] {4 * h};
      case GRU -> new int[] {2 * h, h};
      case RNN -> new int[] {h};
    };
  }

  private static int gates(CellType c) {
    return switch (c) {
      case LSTM -> 4;
      case GRU -> 3;
      case RNN -> 1;
    };
  }
}

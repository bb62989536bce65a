package io.gatescope.core.engine.reference;

import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.ModelConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model's parameters as named double matrices, unpacked from (and packed back into) one flat
 * vector in the engine's layout, written out here from the lesson's description, not taken from the
 * engine: proj.W [F, P], proj.b [1, P] (only when P > 0); per layer l: "l{l}.W" [in, G·H], its
 * recurrent matrices ("l{l}.RW" [H, G·H] for the LSTM and the RNN; "l{l}.RWru" [H, 2H] and
 * "l{l}.RWc" [H, H] for the GRU), "l{l}.b" [1, G·H]; then out.W [H, 10], out.b [1, 10]. Each matrix
 * is stored row by row: element (r, c) of a [rows, cols] matrix at offset + r·cols + c.
 *
 * <p>Gate columns: LSTM [c̃ | Γf | Γo | Γu], GRU [Γr | Γu | c̃], H columns each.
 */
final class ReferenceParams {
  /** One matrix of the layout: its name, shape and where it starts in the flat vector. */
  record Block(String name, int rows, int cols, int offset) {
    int size() {
      return rows * cols;
    }
  }

  private final List<Block> layout;
  private final Map<String, double[][]> matrices = new LinkedHashMap<>();

  private ReferenceParams(List<Block> layout) {
    this.layout = layout;
    for (Block b : layout) {
      matrices.put(b.name(), new double[b.rows()][b.cols()]);
    }
  }

  /** All zeros (a gradient to accumulate into). */
  static ReferenceParams zeros(ModelConfig cfg) {
    return new ReferenceParams(layout(cfg));
  }

  /** The matrices of a flat vector in the layout of {@code cfg}. */
  static ReferenceParams unpack(ModelConfig cfg, double[] flat) {
    ReferenceParams p = zeros(cfg);
    int total = p.size();
    if (flat.length != total) {
      throw new IllegalArgumentException(flat.length + " parameters, " + total + " expected");
    }
    for (Block b : p.layout) {
      double[][] m = p.get(b.name());
      for (int r = 0; r < b.rows(); r++) {
        for (int c = 0; c < b.cols(); c++) {
          m[r][c] = flat[b.offset() + r * b.cols() + c];
        }
      }
    }
    return p;
  }

  /** Back into one flat vector, same layout. */
  double[] flat() {
    double[] out = new double[size()];
    for (Block b : layout) {
      double[][] m = get(b.name());
      for (int r = 0; r < b.rows(); r++) {
        for (int c = 0; c < b.cols(); c++) {
          out[b.offset() + r * b.cols() + c] = m[r][c];
        }
      }
    }
    return out;
  }

  double[][] get(String name) {
    double[][] m = matrices.get(name);
    if (m == null) {
      throw new IllegalArgumentException("no parameter " + name);
    }
    return m;
  }

  List<Block> layout() {
    return layout;
  }

  int size() {
    Block last = layout.get(layout.size() - 1);
    return last.offset() + last.size();
  }

  /** Gates per unit: the width of W and b is gates·H. */
  static int gates(CellType cell) {
    return switch (cell) {
      case LSTM -> 4;
      case GRU -> 3;
      case RNN -> 1;
    };
  }

  static List<Block> layout(ModelConfig cfg) {
    int f = ModelConfig.FEATURES;
    int p = cfg.projection();
    int h = cfg.hidden();
    int g = gates(cfg.cell());
    List<String> names = new ArrayList<>();
    List<int[]> shapes = new ArrayList<>();
    if (p > 0) {
      names.add("proj.W");
      shapes.add(new int[] {f, p});
      names.add("proj.b");
      shapes.add(new int[] {1, p});
    }
    for (int l = 0; l < cfg.layers(); l++) {
      int in = l > 0 ? h : p > 0 ? p : f;
      names.add("l" + l + ".W");
      shapes.add(new int[] {in, g * h});
      if (cfg.cell() == CellType.GRU) {
        names.add("l" + l + ".RWru");
        shapes.add(new int[] {h, 2 * h});
        names.add("l" + l + ".RWc");
        shapes.add(new int[] {h, h});
      } else {
        names.add("l" + l + ".RW");
        shapes.add(new int[] {h, g * h});
      }
      names.add("l" + l + ".b");
      shapes.add(new int[] {1, g * h});
    }
    names.add("out.W");
    shapes.add(new int[] {h, ModelConfig.CLASSES});
    names.add("out.b");
    shapes.add(new int[] {1, ModelConfig.CLASSES});
    List<Block> out = new ArrayList<>();
    int offset = 0;
    for (int i = 0; i < names.size(); i++) {
      int[] s = shapes.get(i);
      out.add(new Block(names.get(i), s[0], s[1], offset));
      offset += s[0] * s[1];
    }
    return List.copyOf(out);
  }
}

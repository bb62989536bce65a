package io.gatescope.cli;

import io.gatescope.core.Limits;
import io.gatescope.core.Messages;
import io.gatescope.core.engine.BackwardFlops;
import io.gatescope.core.engine.Batches;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.GemmReplay;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.NativeSetup;
import io.gatescope.core.engine.RecurrentClassifier;
import io.gatescope.core.engine.StepFlops;
import io.gatescope.core.train.Optimizer;
import io.gatescope.core.train.OptimizerKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.nd4j.linalg.api.ndarray.INDArray;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Times a training step (forward + BPTT + Adam) on random data and a single-image forward with the
 * full gate trace, the same measurements the PyTorch reference script makes, and one image's
 * backward view.
 *
 * <p>Beside the step it measures the sgemm rate of this core, in the same run, with the same
 * OpenBLAS call the engine makes, and reports the roofline: the step's matrix products counted from
 * their shapes ({@link StepFlops}), the time they alone would take at that rate, and the measured
 * step time over it. The backward view gets the same on its own products ({@link BackwardFlops}).
 * {@code --only backward} times the backward view alone.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = Version.class)
public final class BenchCommand implements Callable<Integer> {
  // Help texts of every option are in help.properties (and help_zh.properties).
  @Mixin ModelShapeOptions shape;

  @Mixin BatchOption batch;

  @Mixin ThreadsOption threads;

  @Option(names = "--blocks", defaultValue = "7", paramLabel = "N")
  int blocks;

  @Option(names = "--iters", defaultValue = "20", paramLabel = "N")
  int iters;

  /** What {@code --only} times alone. */
  enum Part {
    backward
  }

  @Option(names = "--only", paramLabel = "PART", descriptionKey = "bench.only")
  Part only;

  @Mixin JsonOption output;

  @Override
  public Integer call() {
    int hidden = shape.hidden;
    int proj = shape.proj;
    int layers = shape.layers;
    Cli.requireRange("--hidden", hidden, Limits.HIDDEN);
    Cli.requireRange("--proj", proj, Limits.PROJECTION);
    Cli.requireRange("--batch", batch.size, Limits.BATCH);
    Cli.require(blocks >= 1, Messages.get("cli.atLeast", "--blocks", 1));
    Cli.require(iters >= 1, Messages.get("cli.atLeast", "--iters", 1));
    threads.init();
    ModelConfig cfg = new ModelConfig(CellType.parse(shape.cell), layers, hidden, proj, 1.0, 1);
    RecurrentClassifier model = RecurrentClassifier.create(cfg);

    SplittableRandom r = new SplittableRandom(1);
    float[][] imgs = new float[batch.size][784];
    for (float[] img : imgs) {
      for (int i = 0; i < img.length; i++) {
        img[i] = (float) r.nextDouble();
      }
    }
    int[] labels = new int[batch.size];
    Arrays.setAll(labels, i -> i % 10);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("cell", cfg.cell().name().toLowerCase());
    out.put("hidden", hidden);
    out.put("proj", proj);
    out.put("batch", batch.size);
    out.put("layers", layers);
    if (only == null) {
      step(model, imgs, labels, out);
    }
    out.putAll(backward(model.copy(), imgs[0], labels[0]));
    out.put("native", NativeSetup.describe());
    if (output.json) {
      System.out.println(Json.write(out));
    } else {
      StringBuilder sb = new StringBuilder("RESULT mode=" + (only == null ? "step" : only));
      out.forEach(
          (k, v) -> {
            if (!(v instanceof Map) && !(v instanceof List)) {
              sb.append(' ').append(k).append('=').append(v);
            }
          });
      System.out.println(sb);
      System.out.println("native " + NativeSetup.describe());
    }
    return 0;
  }

  /** The training step against the sgemm rate on its products, and one traced forward. */
  private void step(
      RecurrentClassifier model, float[][] imgs, int[] labels, Map<String, Object> out) {
    ModelConfig cfg = model.config();
    Optimizer opt = new Optimizer(model, OptimizerKind.ADAM.updater(1e-3, null), 0);
    INDArray x = Batches.timeMajor(imgs); // [T·B, 28]

    for (int i = 0; i < 10; i++) {
      model.lossAndGradient(x, labels);
      opt.step(0);
    }
    // The sgemm rate is measured on the step's own products, every one of them with its shape,
    // transposes and count (StepFlops), replayed on operands of those shapes. A rate on large
    // square matrices would be the core's peak, which the step's thin products (at the classic
    // size B = 128 rows, inner sizes 157 and 512) cannot reach on any engine; with the step's own
    // shapes, step_gflop / gemm_gflops is the time its products alone take here, and the
    // roofline ratio says how much the rest of the step (cell loops, Adam, copies) adds to it.
    List<StepFlops.Product> products = StepFlops.products(cfg, batch.size);
    GemmReplay gemms = new GemmReplay(products, 1);
    for (int i = 0; i < 3; i++) {
      gemms.run();
    }
    // Step blocks and product blocks alternate, so that a change in the machine's load falls on
    // both measurements alike.
    List<Double> stepMs = new ArrayList<>();
    List<Double> gemmGflops = new ArrayList<>();
    for (int b = 0; b < blocks; b++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < iters; i++) {
        model.lossAndGradient(x, labels);
        opt.step(0);
      }
      stepMs.add((System.nanoTime() - t0) / 1e6 / iters);
      long g0 = System.nanoTime();
      for (int i = 0; i < iters; i++) {
        gemms.run();
      }
      gemmGflops.add((double) gemms.flops() * iters / (System.nanoTime() - g0));
    }
    double step = median(stepMs);
    double gflops = median(gemmGflops); // flop per ns = GFLOP/s
    double stepGflop = gemms.flops() / 1e9;
    double roofline = step / (stepGflop / gflops * 1000);

    RecurrentClassifier single = model.copy();
    float[] img = imgs[0];
    // Early: the first thousand traces after 50, while the JIT still compiles the trace's own code
    // (a window's first seconds of drawing). Then, after 5,000 more, what a window that has been
    // drawn in for a while gives: the median of single calls, as a user feels each one.
    double traceEarly = medianMs(() -> single.trace(img), 50, 200);
    for (int i = 0; i < 5_000; i++) {
      single.trace(img);
    }
    double trace = medianOfCalls(() -> single.trace(img), 1_000);

    out.put("step_ms", round(step, 2));
    out.put("gemm_gflops", significant(gflops, 4));
    out.put("step_gflop", significant(stepGflop, 4));
    out.put("roofline_ratio", significant(roofline, 3));
    out.put("samples_per_s", Math.round(batch.size * 1000 / step));
    out.put("trace1_ms", round(trace, 3));
    out.put("trace1_early_ms", round(traceEarly, 3));
    out.put("step_blocks_ms", stepMs.stream().map(v -> round(v, 2)).toList());
    out.put("gemm_blocks_gflops", gemmGflops.stream().map(v -> significant(v, 4)).toList());
  }

  /**
   * One digit's backward view (gradients per gate, ∂L/∂pixel, row occlusion and the connectivity
   * triangle), in blocks that alternate with blocks of its own products replayed alone, as the
   * step's are: its time, its products' work and rate, and the time over theirs.
   */
  private Map<String, Object> backward(RecurrentClassifier single, float[] img, int label) {
    List<StepFlops.Product> products = BackwardFlops.products(single, img, label);
    GemmReplay gemms = new GemmReplay(products, 1);
    int perBlock = 40;
    for (int i = 0; i < 10; i++) {
      single.backwardTrace(img, label);
      gemms.run();
    }
    List<Double> ms = new ArrayList<>();
    List<Double> gflops = new ArrayList<>();
    for (int b = 0; b < Math.max(blocks, 5); b++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < perBlock; i++) {
        single.backwardTrace(img, label);
      }
      ms.add((System.nanoTime() - t0) / 1e6 / perBlock);
      long g0 = System.nanoTime();
      for (int i = 0; i < perBlock; i++) {
        gemms.run();
      }
      gflops.add((double) gemms.flops() * perBlock / (System.nanoTime() - g0));
    }
    double backward = median(ms);
    double rate = median(gflops);
    double gflop = gemms.flops() / 1e9;
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("backward1_ms", round(backward, 3));
    out.put("backward1_gflop", significant(gflop, 4));
    out.put("backward_gemm_gflops", significant(rate, 4));
    out.put("backward_roofline_ratio", significant(backward / (gflop / rate * 1000), 3));
    out.put("backward_blocks_ms", ms.stream().map(v -> round(v, 3)).toList());
    return out;
  }

  /** The median time of {@code calls} single calls, in ms. */
  private static double medianOfCalls(Runnable run, int calls) {
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      long t0 = System.nanoTime();
      run.run();
      ms.add((System.nanoTime() - t0) / 1e6);
    }
    return median(ms);
  }

  /** The median over 5 blocks of {@code perBlock} runs, after {@code warmUp} runs, in ms. */
  private static double medianMs(Runnable run, int warmUp, int perBlock) {
    for (int i = 0; i < warmUp; i++) {
      run.run();
    }
    List<Double> ms = new ArrayList<>();
    for (int b = 0; b < 5; b++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < perBlock; i++) {
        run.run();
      }
      ms.add((System.nanoTime() - t0) / 1e6 / perBlock);
    }
    return median(ms);
  }

  static double median(List<Double> v) {
    List<Double> s = new ArrayList<>(v);
    s.sort(null);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  /** v to the given number of significant digits (a tiny model's GFLOP must not round to 0). */
  static double significant(double v, int digits) {
    if (v == 0 || !Double.isFinite(v)) {
      return v;
    }
    int shift = digits - 1 - (int) Math.floor(Math.log10(Math.abs(v)));
    return BigDecimal.valueOf(v)
        .movePointRight(shift)
        .setScale(0, RoundingMode.HALF_UP)
        .movePointLeft(shift)
        .doubleValue();
  }

  static double round(double v, int digits) {
    double f = Math.pow(10, digits);
    return Math.round(v * f) / f;
  }
}

package io.gatescope.cli;

import io.gatescope.core.data.Mnist;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.Reading;
import io.gatescope.core.model.ModelFile;
import io.gatescope.core.model.TrainingSummary;
import io.gatescope.core.train.EvaluationStats;
import io.gatescope.core.train.IterationStats;
import io.gatescope.core.train.OptimizerKind;
import io.gatescope.core.train.Trainer;
import io.gatescope.core.train.TrainingConfig;
import io.gatescope.core.train.TrainingListener;
import io.gatescope.core.train.TrainingResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Trains a model with a terminal progress bar and saves it. */
@Command(
    name = "train",
    description = "Train a model on MNIST and save it (defaults: the classic lesson).")
public final class TrainCommand implements Callable<Integer> {
  @Mixin DataOptions io;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--out", required = true, description = "where to save the model")
  Path out;

  @Option(names = "--cell", defaultValue = "lstm", description = "lstm, gru or rnn")
  String cell;

  @Option(names = "--layers", defaultValue = "1")
  int layers;

  @Option(names = "--hidden", defaultValue = "128")
  int hidden;

  @Option(names = "--proj", defaultValue = "128", description = "projection size, 0 = none")
  int proj;

  @Option(names = "--batch", defaultValue = "128")
  int batch;

  @Option(names = "--epochs", defaultValue = "10")
  int epochs;

  @Option(names = "--lr", defaultValue = "0.001", description = "learning rate")
  double lr;

  @Option(
      names = "--lr-decay",
      defaultValue = "0.8",
      description = "learning-rate factor per epoch (default 0.8), 1 = constant")
  double lrDecay;

  @Option(
      names = "--optimizer",
      defaultValue = "adam",
      description = "adam, sgd, momentum, rmsprop")
  String optimizer;

  @Option(names = "--clip", defaultValue = "0", description = "gradient clip norm, 0 = off")
  double clip;

  @Option(names = "--forget-bias", defaultValue = "1.0")
  double forgetBias;

  @Option(
      names = "--reading",
      defaultValue = "rows",
      description = "rows (the lesson), columns or permuted_rows (harder: long-range memory)")
  String reading;

  @Option(names = "--seed", defaultValue = "42")
  long seed;

  @Option(names = "--train-size", defaultValue = "60000")
  int trainSize;

  @Option(names = "--test-size", defaultValue = "10000")
  int testSize;

  @Option(names = "--eval-every", defaultValue = "0", description = "iterations; 0 = each epoch")
  int evalEvery;

  @Option(names = "--target-accuracy", defaultValue = "0", description = "stop at this accuracy")
  double target;

  @Option(names = "--quiet", description = "no progress bar")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    io.initNative();
    TrainingConfig cfg;
    try {
      ModelConfig model =
          new ModelConfig(
              CellType.parse(cell), layers, hidden, proj, forgetBias, seed, Reading.parse(reading));
      cfg =
          new TrainingConfig(
              model,
              batch,
              epochs,
              lr,
              OptimizerKind.parse(optimizer),
              clip,
              trainSize,
              testSize,
              evalEvery,
              target,
              lrDecay);
    } catch (IllegalArgumentException e) {
      throw new Cli.UserError(e.getMessage());
    }
    List<TrainingConfig.FieldError> errors = cfg.validate();
    if (!errors.isEmpty()) {
      throw new Cli.UserError(errors.get(0).toString());
    }
    Mnist data = io.mnist();
    PrintStream err = System.err;
    Trainer trainer = new Trainer(cfg, data, null, new Progress(err, quiet));
    Thread hook = new Thread(trainer::cancel);
    Runtime.getRuntime().addShutdownHook(hook);
    TrainingResult r = trainer.run();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException ignored) {
      // already shutting down
    }
    if (!quiet) {
      err.println();
    }
    String command =
        "gatescope train "
            + String.join(
                " ",
                spec.commandLine()
                    .getParseResult()
                    .originalArgs()
                    .subList(1, spec.commandLine().getParseResult().originalArgs().size()));
    ModelFile.save(
        trainer.model(),
        new TrainingSummary(
            r.epochs(), r.iterations(), r.finalAccuracy(), LocalDate.now().toString(), command),
        out);
    System.out.printf(
        "%s: %s. %d epochs, %d iterations, test accuracy %.4f (best %.4f), %.1f s.%n",
        r.reason().name().toLowerCase().replace('_', ' '),
        r.message(),
        r.epochs(),
        r.iterations(),
        r.finalAccuracy(),
        r.bestAccuracy(),
        r.elapsedMillis() / 1000.0);
    if (r.millisToTarget() >= 0) {
      System.out.printf("time to %.4f: %.1f s%n", target, r.millisToTarget() / 1000.0);
    }
    System.out.println("saved " + out);
    return r.reason() == TrainingResult.StopReason.DIVERGED ? 1 : 0;
  }

  /** A one-line progress bar on stderr. */
  static final class Progress implements TrainingListener {
    private final PrintStream out;
    private final boolean quiet;
    private double lastAcc = Double.NaN;
    private long lastPrint;

    Progress(PrintStream out, boolean quiet) {
      this.out = out;
      this.quiet = quiet;
    }

    @Override
    public void onIteration(IterationStats s) {
      long now = System.currentTimeMillis();
      if (quiet || now - lastPrint < 200 && s.iteration() != s.totalIterations()) {
        return;
      }
      lastPrint = now;
      int width = 30;
      int done = (int) (width * (long) s.iteration() / s.totalIterations());
      out.printf(
          "\r[%s%s] epoch %d  it %d/%d  loss %.4f  acc %s  %.0f img/s  ETA %s   ",
          "#".repeat(done),
          ".".repeat(width - done),
          s.epoch(),
          s.iteration(),
          s.totalIterations(),
          s.loss(),
          Double.isNaN(lastAcc) ? "-" : String.format("%.4f", lastAcc),
          s.samplesPerSecond(),
          eta(s.etaSeconds()));
    }

    @Override
    public void onEvaluation(EvaluationStats s) {
      lastAcc = s.testAccuracy();
      if (!quiet) {
        out.printf(
            "%n  eval at epoch %d, iteration %d: test accuracy %.4f, test loss %.4f, %.1f s%n",
            s.epoch(), s.iteration(), s.testAccuracy(), s.testLoss(), s.elapsedMillis() / 1000.0);
      }
    }

    static String eta(double seconds) {
      long s = Math.round(seconds);
      return s >= 3600
          ? String.format("%dh%02dm", s / 3600, s % 3600 / 60)
          : String.format("%dm%02ds", s / 60, s % 60);
    }
  }
}

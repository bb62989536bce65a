package io.gatescope.cli;

import io.gatescope.core.Messages;
import io.gatescope.core.data.Mnist;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.Reading;
import io.gatescope.core.engine.RecurrentClassifier;
import io.gatescope.core.model.ModelFile;
import io.gatescope.core.model.TrainingSummary;
import io.gatescope.core.train.EvaluationStats;
import io.gatescope.core.train.IterationStats;
import io.gatescope.core.train.OptimizerKind;
import io.gatescope.core.train.TimeLapse;
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
@Command(name = "train", mixinStandardHelpOptions = true, versionProvider = Version.class)
public final class TrainCommand implements Callable<Integer> {
  @Mixin DataOptions io;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  // Help texts of every option are in help.properties (and help_zh.properties).
  @Option(names = "--out", required = true, paramLabel = "FILE")
  Path out;

  @Mixin ModelShapeOptions shape;

  @Mixin BatchOption batch;

  @Option(names = "--epochs", defaultValue = "10", paramLabel = "N")
  int epochs;

  @Option(names = "--lr", defaultValue = "0.001", paramLabel = "RATE")
  double lr;

  @Option(names = "--lr-decay", defaultValue = "0.8", paramLabel = "FACTOR")
  double lrDecay;

  @Option(names = "--optimizer", defaultValue = "adam", paramLabel = "NAME")
  String optimizer;

  @Option(names = "--clip", defaultValue = "0", paramLabel = "NORM")
  double clip;

  @Option(names = "--forget-bias", defaultValue = "1.0", paramLabel = "BIAS")
  double forgetBias;

  @Option(names = "--reading", defaultValue = "rows", paramLabel = "ORDER")
  String reading;

  @Option(names = "--seed", defaultValue = "42", paramLabel = "N")
  long seed;

  @Option(names = "--train-size", defaultValue = "60000", paramLabel = "N")
  int trainSize;

  @Option(names = "--test-size", defaultValue = "10000", paramLabel = "N")
  int testSize;

  @Option(names = "--eval-every", defaultValue = "0", paramLabel = "N")
  int evalEvery;

  @Option(names = "--target-accuracy", defaultValue = "0", paramLabel = "ACC")
  double target;

  @Option(names = "--quiet")
  boolean quiet;

  @Option(names = "--time-lapse")
  boolean timeLapse;

  @Override
  public Integer call() throws Exception {
    io.initNative();
    TrainingConfig cfg = config();
    Mnist data = io.mnist();
    PrintStream err = System.err;
    RecurrentClassifier model = RecurrentClassifier.create(cfg.model());
    Progress progress = new Progress(err, quiet);
    TimeLapse lapse =
        timeLapse
            ? TimeLapse.forRun(
                model,
                TimeLapse.defaultProbes(data.test()).stream()
                    .map(i -> data.test().images().imageAsFloats(i))
                    .toList(),
                cfg.epochs() * cfg.iterationsPerEpoch())
            : null;
    Trainer trainer =
        new Trainer(cfg, data, model, lapse == null ? progress : lapse.then(progress));
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
    System.out.println(
        Messages.get(
            "cli.train.summary",
            r.message().replaceAll("[.。]$", ""),
            r.epochs(),
            r.iterations(),
            r.finalAccuracy(),
            r.bestAccuracy(),
            r.elapsedMillis() / 1000.0));
    if (r.millisToTarget() >= 0) {
      System.out.println(
          Messages.get("cli.train.timeToTarget", target, r.millisToTarget() / 1000.0));
    }
    if (lapse != null) {
      System.out.println(
          Messages.get(
              "cli.train.timeLapse",
              lapse.frames().size(),
              lapse.every(),
              lapse.bytesPerFrame(),
              lapse.maxBytes()));
    }
    System.out.println(Messages.get("cli.train.saved", out));
    return r.reason() == TrainingResult.StopReason.DIVERGED ? 1 : 0;
  }

  /**
   * The run the options describe, checked as the Train form checks it (the ranges are {@link
   * io.gatescope.core.Limits}'); a user error names the first bad value.
   */
  TrainingConfig config() {
    TrainingConfig cfg;
    try {
      ModelConfig model =
          new ModelConfig(
              CellType.parse(shape.cell),
              shape.layers,
              shape.hidden,
              shape.proj,
              forgetBias,
              seed,
              Reading.parse(reading));
      cfg =
          TrainingConfig.builder()
              .model(model)
              .batch(batch.size)
              .epochs(epochs)
              .learningRate(lr)
              .optimizer(OptimizerKind.parse(optimizer))
              .clipNorm(clip)
              .trainSize(trainSize)
              .testSize(testSize)
              .evalEvery(evalEvery)
              .targetAccuracy(target)
              .lrDecay(lrDecay)
              .build();
    } catch (IllegalArgumentException e) {
      throw new Cli.UserError(e.getMessage());
    }
    List<TrainingConfig.FieldError> errors = cfg.validate();
    if (!errors.isEmpty()) {
      throw new Cli.UserError(errors.get(0).toString());
    }
    return cfg;
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
      String acc = Double.isNaN(lastAcc) ? "-" : String.format("%.4f", lastAcc);
      out.print(
          "\r["
              + "#".repeat(done)
              + ".".repeat(width - done)
              + "] "
              + Messages.get(
                  "cli.train.progress",
                  s.epoch(),
                  s.iteration(),
                  s.totalIterations(),
                  s.loss(),
                  acc,
                  s.samplesPerSecond(),
                  eta(s.etaSeconds()))
              + "   ");
    }

    @Override
    public void onEvaluation(EvaluationStats s) {
      lastAcc = s.testAccuracy();
      if (!quiet) {
        out.println();
        out.println(
            "  "
                + Messages.get(
                    "cli.train.eval",
                    s.epoch(),
                    s.iteration(),
                    s.testAccuracy(),
                    s.testLoss(),
                    s.elapsedMillis() / 1000.0));
      }
    }

    static String eta(double seconds) {
      long s = Math.round(seconds);
      return s >= 3600
          ? Messages.get("train.eta.hours", s / 3600, s % 3600 / 60)
          : Messages.get("train.eta.minutes", s / 60, s % 60);
    }
  }
}

package io.gatescope.core.runs;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.gatescope.core.AtomicFile;
import io.gatescope.core.Messages;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.engine.Reading;
import io.gatescope.core.train.EvaluationStats;
import io.gatescope.core.train.GateSaturation;
import io.gatescope.core.train.IterationStats;
import io.gatescope.core.train.OptimizerKind;
import io.gatescope.core.train.TrainingConfig;
import io.gatescope.core.train.TrainingResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One run as a JSON file ({@code "format": "gatescope-run"}): the config, the result and the
 * curves, iterations as rows of numbers so a long run stays small. Written atomically; read with a
 * size bound, and every way a file can be wrong (foreign, damaged, cut off, too large, newer)
 * becomes a {@link RunFileException} naming the file.
 */
public final class RunFile {
  static final String FORMAT = "gatescope-run";
  static final int VERSION = 1;

  /** Refuse to read anything larger: a 10-epoch classic run is well under 2 MB. */
  static final long MAX_BYTES = 32L << 20;

  /** The columns of an iteration row, in order. */
  static final List<String> ITERATION_COLUMNS =
      List.of(
          "epoch",
          "iteration",
          "total_iterations",
          "loss",
          "batch_accuracy",
          "samples_per_s",
          "elapsed_ms",
          "eta_s",
          "learning_rate");

  // NaN and infinities are real values of a diverged run: kept as written, not dropped.
  private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().create();

  private RunFile() {}

  public static void write(RunRecord run, Path file) throws IOException {
    AtomicFile.write(file, encode(run));
  }

  static byte[] encode(RunRecord run) {
    JsonObject root = new JsonObject();
    root.addProperty("format", FORMAT);
    root.addProperty("version", VERSION);
    root.addProperty("name", run.name());
    root.addProperty("finished", run.finished().toString());
    root.add("config", config(run.config()));
    root.add("result", result(run.result()));
    JsonObject its = new JsonObject();
    JsonArray cols = new JsonArray();
    ITERATION_COLUMNS.forEach(cols::add);
    its.add("columns", cols);
    JsonArray rows = new JsonArray();
    for (IterationStats s : run.iterations()) {
      JsonArray r = new JsonArray();
      r.add(s.epoch());
      r.add(s.iteration());
      r.add(s.totalIterations());
      r.add(s.loss());
      r.add(s.batchAccuracy());
      r.add(s.samplesPerSecond());
      r.add(s.elapsedMillis());
      r.add(s.etaSeconds());
      r.add(s.learningRate());
      rows.add(r);
    }
    its.add("rows", rows);
    root.add("iterations", its);
    JsonArray evs = new JsonArray();
    for (EvaluationStats e : run.evaluations()) {
      JsonObject o = new JsonObject();
      o.addProperty("epoch", e.epoch());
      o.addProperty("iteration", e.iteration());
      o.addProperty("test_loss", e.testLoss());
      o.addProperty("test_accuracy", e.testAccuracy());
      o.addProperty("elapsed_ms", e.elapsedMillis());
      JsonArray sat = new JsonArray();
      for (GateSaturation g : e.saturation()) {
        JsonArray gs = new JsonArray();
        gs.add(g.gate().name());
        gs.add(g.low());
        gs.add(g.high());
        sat.add(gs);
      }
      o.add("saturation", sat);
      evs.add(o);
    }
    root.add("evaluations", evs);
    return GSON.toJson(root).getBytes(StandardCharsets.UTF_8);
  }

  private static JsonObject config(TrainingConfig c) {
    ModelConfig m = c.model();
    JsonObject o = new JsonObject();
    o.addProperty("cell", m.cell().name());
    o.addProperty("layers", m.layers());
    o.addProperty("hidden", m.hidden());
    o.addProperty("projection", m.projection());
    o.addProperty("forget_bias", m.forgetBias());
    o.addProperty("seed", m.seed());
    o.addProperty("reading", m.reading().name());
    o.addProperty("batch", c.batch());
    o.addProperty("epochs", c.epochs());
    o.addProperty("learning_rate", c.learningRate());
    o.addProperty("optimizer", c.optimizer().name());
    o.addProperty("clip_norm", c.clipNorm());
    o.addProperty("train_size", c.trainSize());
    o.addProperty("test_size", c.testSize());
    o.addProperty("eval_every", c.evalEvery());
    o.addProperty("target_accuracy", c.targetAccuracy());
    o.addProperty("lr_decay", c.lrDecay());
    return o;
  }

  private static JsonObject result(TrainingResult r) {
    JsonObject o = new JsonObject();
    o.addProperty("reason", r.reason().name());
    o.addProperty("message", r.message());
    o.addProperty("epochs", r.epochs());
    o.addProperty("iterations", r.iterations());
    o.addProperty("final_accuracy", r.finalAccuracy());
    o.addProperty("best_accuracy", r.bestAccuracy());
    o.addProperty("elapsed_ms", r.elapsedMillis());
    o.addProperty("ms_to_target", r.millisToTarget());
    return o;
  }

  /** Reads a run file, never more than {@link #MAX_BYTES} of it. */
  public static RunRecord read(Path file) throws RunFileException {
    String name = String.valueOf(file.getFileName());
    byte[] bytes;
    try {
      if (!Files.isRegularFile(file)) {
        throw new RunFileException(Messages.get("runs.notFile", name));
      }
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw new RunFileException(Messages.get("runs.huge", name, size, MAX_BYTES));
      }
      try (InputStream in = Files.newInputStream(file)) {
        // The size may have grown since: read at most one byte more than the bound allows.
        bytes = in.readNBytes((int) MAX_BYTES + 1);
      }
      if (bytes.length > MAX_BYTES) {
        throw new RunFileException(Messages.get("runs.huge", name, bytes.length, MAX_BYTES));
      }
    } catch (IOException e) {
      throw new RunFileException(Messages.get("runs.unreadable", name, e.getMessage()));
    }
    return decode(bytes, name);
  }

  static RunRecord decode(byte[] bytes, String name) throws RunFileException {
    if (bytes.length == 0) {
      throw new RunFileException(Messages.get("runs.empty", name));
    }
    JsonObject root;
    try {
      JsonElement e = JsonParser.parseString(new String(bytes, StandardCharsets.UTF_8));
      if (!e.isJsonObject()) {
        throw new RunFileException(Messages.get("runs.foreign", name));
      }
      root = e.getAsJsonObject();
    } catch (JsonParseException | IllegalStateException e) {
      // A file that starts like ours but does not parse was cut off or damaged.
      boolean ours =
          new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.UTF_8)
              .contains(FORMAT);
      throw new RunFileException(
          ours
              ? Messages.get("runs.damaged", name, String.valueOf(e.getMessage()))
              : Messages.get("runs.foreign", name));
    }
    JsonElement format = root.get("format");
    if (format == null || !format.isJsonPrimitive() || !FORMAT.equals(format.getAsString())) {
      throw new RunFileException(Messages.get("runs.foreign", name));
    }
    try {
      int version = root.get("version").getAsInt();
      if (version > VERSION) {
        throw new RunFileException(Messages.get("runs.newer", name, version, VERSION));
      }
      JsonObject c = root.getAsJsonObject("config");
      TrainingConfig config =
          TrainingConfig.builder()
              .model(
                  new ModelConfig(
                      CellType.valueOf(c.get("cell").getAsString()),
                      c.get("layers").getAsInt(),
                      c.get("hidden").getAsInt(),
                      c.get("projection").getAsInt(),
                      c.get("forget_bias").getAsDouble(),
                      c.get("seed").getAsLong(),
                      Reading.valueOf(c.get("reading").getAsString())))
              .batch(c.get("batch").getAsInt())
              .epochs(c.get("epochs").getAsInt())
              .learningRate(c.get("learning_rate").getAsDouble())
              .optimizer(OptimizerKind.valueOf(c.get("optimizer").getAsString()))
              .clipNorm(c.get("clip_norm").getAsDouble())
              .trainSize(c.get("train_size").getAsInt())
              .testSize(c.get("test_size").getAsInt())
              .evalEvery(c.get("eval_every").getAsInt())
              .targetAccuracy(c.get("target_accuracy").getAsDouble())
              .lrDecay(c.get("lr_decay").getAsDouble())
              .build();
      // A config no form or command could have started is not a run GateScope made.
      List<TrainingConfig.FieldError> refused = config.validate();
      if (!refused.isEmpty()) {
        throw new RunFileException(Messages.get("runs.damaged", name, refused.get(0)));
      }
      JsonObject r = root.getAsJsonObject("result");
      TrainingResult result =
          new TrainingResult(
              TrainingResult.StopReason.valueOf(r.get("reason").getAsString()),
              r.get("message").getAsString(),
              r.get("epochs").getAsInt(),
              r.get("iterations").getAsInt(),
              r.get("final_accuracy").getAsDouble(),
              r.get("best_accuracy").getAsDouble(),
              r.get("elapsed_ms").getAsLong(),
              r.get("ms_to_target").getAsLong());
      JsonObject its = root.getAsJsonObject("iterations");
      List<String> cols = new ArrayList<>();
      its.getAsJsonArray("columns").forEach(x -> cols.add(x.getAsString()));
      if (!cols.equals(ITERATION_COLUMNS)) {
        throw new RunFileException(
            Messages.get("runs.damaged", name, "iterations: " + String.join(",", cols)));
      }
      List<IterationStats> iterations = new ArrayList<>();
      for (JsonElement x : its.getAsJsonArray("rows")) {
        JsonArray a = x.getAsJsonArray();
        if (a.size() != ITERATION_COLUMNS.size()) {
          throw new RunFileException(
              Messages.get("runs.damaged", name, "iteration row " + (iterations.size() + 1)));
        }
        iterations.add(
            new IterationStats(
                a.get(0).getAsInt(),
                a.get(1).getAsInt(),
                a.get(2).getAsInt(),
                a.get(3).getAsDouble(),
                a.get(4).getAsDouble(),
                a.get(5).getAsDouble(),
                a.get(6).getAsLong(),
                a.get(7).getAsDouble(),
                a.get(8).getAsDouble()));
      }
      List<EvaluationStats> evaluations = new ArrayList<>();
      for (JsonElement x : root.getAsJsonArray("evaluations")) {
        JsonObject o = x.getAsJsonObject();
        List<GateSaturation> sat = new ArrayList<>();
        for (JsonElement g : o.getAsJsonArray("saturation")) {
          JsonArray ga = g.getAsJsonArray();
          sat.add(
              new GateSaturation(
                  Quantity.valueOf(ga.get(0).getAsString()),
                  ga.get(1).getAsDouble(),
                  ga.get(2).getAsDouble()));
        }
        evaluations.add(
            new EvaluationStats(
                o.get("epoch").getAsInt(),
                o.get("iteration").getAsInt(),
                o.get("test_loss").getAsDouble(),
                o.get("test_accuracy").getAsDouble(),
                new int[0][], // the confusion matrix is not kept: Evaluate computes it
                List.copyOf(sat),
                o.get("elapsed_ms").getAsLong()));
      }
      return new RunRecord(
          root.get("name").getAsString(),
          Instant.parse(root.get("finished").getAsString()),
          config,
          result,
          iterations,
          evaluations);
    } catch (RuntimeException e) {
      // A missing field (NullPointerException), a wrong type, an unknown enum name, a value the
      // config refuses: all mean the file is not a whole run.
      throw new RunFileException(
          Messages.get(
              "runs.damaged",
              name,
              e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }
  }
}

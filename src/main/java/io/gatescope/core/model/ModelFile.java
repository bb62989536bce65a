package io.gatescope.core.model;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.gatescope.core.AtomicFile;
import io.gatescope.core.Messages;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.RecurrentClassifier;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * GateScope model files: a zip with {@code gatescope.json} (format version, model config, training
 * summary, parameter layout) and {@code params.bin} (the flat parameter array in ND4J's own
 * serialization). Saving is atomic: the file is written next to the target and moved over it, so a
 * crash mid-save leaves the previous file intact.
 *
 * <p>{@link #load} also opens DL4J MultiLayerNetwork zips of the supported shape.
 */
public final class ModelFile {
  public static final String FORMAT = "gatescope-model";
  public static final int VERSION = 1;
  static final String JSON = "gatescope.json";
  static final String PARAMS = "params.bin";

  /** No model file this app reads is anywhere near this; larger ones are refused unread. */
  static final long MAX_FILE = 1L << 30;

  /** The model description is a few hundred bytes; anything over this is not one. */
  static final long MAX_JSON = 1L << 20;

  /**
   * The largest model GateScope opens: 2^26 parameters (256 MiB in single precision), over 400
   * times the lesson's model. Larger ones are refused before any weight is read.
   */
  public static final long MAX_PARAMS = 1L << 26;

  /**
   * The largest weight (in absolute value) a model may hold. Trained models stay far below it;
   * beyond it a forward pass could overflow single precision and show NaN for every number.
   */
  static final double MAX_WEIGHT = 1e6;

  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

  private ModelFile() {}

  /** Writes atomically; on failure the previous file at {@code target} is untouched. */
  public static void save(RecurrentClassifier model, TrainingSummary summary, Path target)
      throws ModelFileException {
    save(model, summary, target, Files::newOutputStream);
  }

  static void save(
      RecurrentClassifier model, TrainingSummary summary, Path target, AtomicFile.Opener opener)
      throws ModelFileException {
    try {
      AtomicFile.write(
          target,
          opener,
          raw -> {
            ZipOutputStream zip = new ZipOutputStream(raw);
            zip.putNextEntry(new ZipEntry(JSON));
            zip.write(describe(model, summary).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(PARAMS));
            DataOutputStream out = new DataOutputStream(zip);
            Nd4j.write(model.params().flat(), out);
            out.flush();
            zip.closeEntry();
            zip.finish();
          });
    } catch (IOException | RuntimeException e) {
      throw new ModelFileException(Messages.get("model.saveFailed", target, e.getMessage()), e);
    }
  }

  static String describe(RecurrentClassifier model, TrainingSummary s) {
    ModelConfig c = model.config();
    JsonObject root = new JsonObject();
    root.addProperty("format", FORMAT);
    root.addProperty("version", VERSION);
    JsonObject cfg = new JsonObject();
    cfg.addProperty("cell", c.cell().name().toLowerCase());
    cfg.addProperty("layers", c.layers());
    cfg.addProperty("hidden", c.hidden());
    cfg.addProperty("projection", c.projection());
    cfg.addProperty("forget_bias", c.forgetBias());
    cfg.addProperty("seed", c.seed());
    cfg.addProperty("reading", c.reading().name().toLowerCase());
    root.add("config", cfg);
    JsonObject tr = new JsonObject();
    tr.addProperty("epochs", s.epochs());
    tr.addProperty("iterations", s.iterations());
    if (Double.isFinite(s.testAccuracy())) {
      tr.addProperty("test_accuracy", s.testAccuracy());
    }
    tr.addProperty("date", s.date());
    tr.addProperty("command", s.command());
    root.add("training", tr);
    root.addProperty("param_count", model.params().size());
    root.addProperty("dtype", model.params().dataType().name().toLowerCase());
    return GSON.toJson(root);
  }

  /** Opens a GateScope model file or a supported DL4J zip, with a clear message otherwise. */
  public static SavedModel load(Path file) throws ModelFileException {
    String name = file.getFileName().toString();
    long size;
    try {
      size = Files.size(file);
    } catch (NoSuchFileException e) {
      throw new ModelFileException(Messages.get("model.noFile", name));
    } catch (IOException e) {
      throw new ModelFileException(Messages.get("model.unreadable", name, e.getMessage()));
    }
    if (size == 0) {
      throw new ModelFileException(Messages.get("model.empty", name));
    }
    if (size > MAX_FILE) {
      throw new ModelFileException(Messages.get("model.huge", name, size));
    }
    try (BoundedZip zip = BoundedZip.open(file, name)) {
      if (!zip.has(JSON)) {
        if (zip.has(Dl4jImport.CONFIG)) {
          return loadDl4j(file, name, zip);
        }
        throw new ModelFileException(Messages.get("model.foreignZip", name, JSON));
      }
      return loadGateScope(file, name, zip);
    }
  }

  private static SavedModel loadGateScope(Path file, String name, BoundedZip zip)
      throws ModelFileException {
    JsonObject root;
    try {
      byte[] json = zip.read(JSON, MAX_JSON, Messages.get("model.entryHuge", name, JSON, MAX_JSON));
      root = JsonParser.parseString(new String(json, StandardCharsets.UTF_8)).getAsJsonObject();
    } catch (JsonParseException | IllegalStateException e) {
      throw new ModelFileException(Messages.get("model.badJson", name, e.getMessage()));
    }
    try {
      if (!FORMAT.equals(root.get("format").getAsString())) {
        throw new ModelFileException(
            Messages.get("model.foreignFormat", name, root.get("format").getAsString()));
      }
      int version = root.get("version").getAsInt();
      if (version > VERSION) {
        throw new ModelFileException(Messages.get("model.newer", name, version, VERSION));
      }
      JsonObject c = root.getAsJsonObject("config");
      ModelConfig cfg =
          new ModelConfig(
              CellType.parse(c.get("cell").getAsString()),
              c.get("layers").getAsInt(),
              c.get("hidden").getAsInt(),
              c.get("projection").getAsInt(),
              c.get("forget_bias").getAsDouble(),
              c.get("seed").getAsLong(),
              c.has("reading")
                  ? io.gatescope.core.engine.Reading.parse(c.get("reading").getAsString())
                  : io.gatescope.core.engine.Reading.ROWS);
      // Everything about the weights is decided from the description before any is read.
      long expected = cfg.paramCount();
      if (expected > MAX_PARAMS) {
        throw new ModelFileException(
            Messages.get("model.tooManyParams", name, expected, MAX_PARAMS));
      }
      if (root.has("param_count") && root.get("param_count").getAsLong() != expected) {
        throw new ModelFileException(
            Messages.get(
                "model.weightsMismatch",
                name,
                Messages.get("model.countLies", root.get("param_count").getAsLong(), expected)));
      }
      if (!zip.has(PARAMS)) {
        throw new ModelFileException(Messages.get("model.noWeights", name, PARAMS));
      }
      INDArray flat =
          readArray(
              zip.read(
                  PARAMS,
                  SerializedArray.maxBytes(expected),
                  Messages.get("model.weightsTooLarge", name, PARAMS, expected)),
              expected,
              name);
      RecurrentClassifier model;
      try {
        model = RecurrentClassifier.withParams(cfg, flat);
      } catch (IllegalArgumentException e) {
        throw new ModelFileException(Messages.get("model.weightsMismatch", name, e.getMessage()));
      }
      checkWeights(model, name);
      JsonObject t = root.has("training") ? root.getAsJsonObject("training") : new JsonObject();
      TrainingSummary summary =
          new TrainingSummary(
              t.has("epochs") ? t.get("epochs").getAsInt() : 0,
              t.has("iterations") ? t.get("iterations").getAsInt() : 0,
              t.has("test_accuracy") ? t.get("test_accuracy").getAsDouble() : Double.NaN,
              t.has("date") ? t.get("date").getAsString() : "",
              t.has("command") ? t.get("command").getAsString() : "");
      return new SavedModel(model, summary, file.toString());
    } catch (NullPointerException
        | ClassCastException
        | IllegalStateException
        | UnsupportedOperationException
        | NumberFormatException e) {
      throw new ModelFileException(
          Messages.get("model.incomplete", name, e.getClass().getSimpleName()));
    } catch (IllegalArgumentException e) {
      throw new ModelFileException(Messages.get("model.invalid", name, e.getMessage()));
    }
  }

  /** Refuses weights that are not numbers, or so large that the model could not compute. */
  static void checkWeights(RecurrentClassifier model, String name) throws ModelFileException {
    INDArray flat = model.params().flat();
    double largest = flat.amaxNumber().doubleValue();
    if (!Double.isFinite(flat.sumNumber().doubleValue()) || !Double.isFinite(largest)) {
      throw new ModelFileException(Messages.get("model.nanWeights", name));
    }
    if (largest > MAX_WEIGHT) {
      throw new ModelFileException(Messages.get("model.hugeWeights", name, largest, MAX_WEIGHT));
    }
  }

  /** A parameter vector in ND4J's serialization, read and checked in Java. */
  static INDArray readArray(byte[] bytes, long expected, String name) throws ModelFileException {
    try {
      return SerializedArray.read(bytes, expected);
    } catch (IllegalArgumentException e) {
      throw new ModelFileException(Messages.get("model.badWeights", name, e.getMessage()));
    }
  }

  private static SavedModel loadDl4j(Path file, String name, BoundedZip zip)
      throws ModelFileException {
    // DL4J's own reader is not used: it allocates and copies what the bytes claim. The
    // configuration is read (bounded) and checked, the weights are read in Java, and the network
    // is built from the two, as DL4J's reader would.
    Dl4jImport.Checked checked = Dl4jImport.checkConfiguration(zip, name);
    INDArray params =
        readArray(
            zip.read(
                Dl4jImport.COEFFICIENTS,
                SerializedArray.maxBytes(checked.params()),
                Messages.get(
                    "model.weightsTooLarge", name, Dl4jImport.COEFFICIENTS, checked.params())),
            checked.params(),
            name);
    MultiLayerNetwork net;
    try {
      net = new MultiLayerNetwork(checked.configuration());
      net.init(params.castTo(checked.configuration().getDataType()), false);
    } catch (RuntimeException e) {
      throw new ModelFileException(
          Messages.get("model.badDl4j", name, e.getMessage(), Dl4jImport.supported()));
    }
    RecurrentClassifier model = Dl4jImport.convert(net, name);
    checkWeights(model, name);
    return new SavedModel(model, TrainingSummary.none(), file + " (DL4J)");
  }
}

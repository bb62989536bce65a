package io.gatescope.fuzz;

import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.engine.Reading;
import io.gatescope.core.engine.RecurrentClassifier;
import io.gatescope.core.model.ModelFile;
import io.gatescope.core.model.TrainingSummary;
import io.gatescope.core.runs.RunFile;
import io.gatescope.core.runs.RunRecord;
import io.gatescope.core.settings.Settings;
import io.gatescope.core.train.EvaluationStats;
import io.gatescope.core.train.GateSaturation;
import io.gatescope.core.train.IterationStats;
import io.gatescope.core.train.TrainingConfig;
import io.gatescope.core.train.TrainingResult;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Writes the seed corpora of the fuzz tests into {@code src/test/resources/fuzz/} from real files:
 * MNIST's own headers and first images, model files GateScope saves (small ones, so the fuzzer is
 * fast, and the shipped model), a DL4J network zip, pictures of a test digit in each format, a
 * settings file and a run file as the app writes them. Run once by hand (see docs/faults.md);
 * inputs that once broke a reader are added next to these by hand.
 */
public final class MakeCorpus {
  private MakeCorpus() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args.length > 0 ? args[0] : "src/test/resources/fuzz");
    byte[] images = gunzip(Path.of("data/mnist/t10k-images-idx3-ubyte.gz"), 16 + 3 * 784);
    byte[] labels = gunzip(Path.of("data/mnist/t10k-labels-idx1-ubyte.gz"), 8 + 10);
    ByteBuffer.wrap(images).putInt(4, 3);
    ByteBuffer.wrap(labels).putInt(4, 10);
    write(root.resolve("idx/t10k-images-first-3"), images);
    write(root.resolve("idx/t10k-labels-first-10"), labels);
    write(root.resolve("idx/t10k-images-first-3.gz"), FuzzSupport.gzip(images));

    models(root.resolve("model"));
    dl4j(root.resolve("dl4j"));
    pictures(root.resolve("picture"), images);
    settings(root.resolve("settings"));
    run(root.resolve("run"));
  }

  private static void models(Path dir) throws Exception {
    List<ModelConfig> configs =
        List.of(
            new ModelConfig(CellType.LSTM, 1, 4, 3, 1.0, 1),
            new ModelConfig(CellType.GRU, 1, 3, 0, 1.0, 2),
            new ModelConfig(CellType.RNN, 2, 2, 2, 1.0, 3),
            new ModelConfig(CellType.LSTM, 1, 2, 0, 1.0, 4, Reading.COLUMNS));
    for (ModelConfig c : configs) {
      String name =
          c.cell().name().toLowerCase()
              + "-l"
              + c.layers()
              + "-h"
              + c.hidden()
              + "-p"
              + c.projection();
      Path file = dir.resolve(name + ".gatescope");
      Files.createDirectories(dir);
      ModelFile.save(RecurrentClassifier.create(c), TrainingSummary.none(), file);
      try (ZipFile zip = new ZipFile(file.toFile())) {
        write(
            dir.resolve(name + ".parts"),
            ModelParts.frame(
                zip.getInputStream(zip.getEntry("gatescope.json")).readAllBytes(),
                zip.getInputStream(zip.getEntry("params.bin")).readAllBytes()));
      }
    }
  }

  private static void dl4j(Path dir) throws Exception {
    MultiLayerConfiguration conf =
        new NeuralNetConfiguration.Builder()
            .dataType(DataType.FLOAT)
            .seed(5)
            .weightInit(WeightInit.XAVIER)
            .updater(new Sgd(0.0))
            .list()
            .layer(new DenseLayer.Builder().nIn(28).nOut(3).activation(Activation.IDENTITY).build())
            .layer(
                new LastTimeStep(
                    new LSTM.Builder()
                        .nIn(3)
                        .nOut(4)
                        .activation(Activation.TANH)
                        .gateActivationFunction(Activation.SIGMOID)
                        .build()))
            .layer(
                new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                    .nIn(4)
                    .nOut(10)
                    .activation(Activation.SOFTMAX)
                    .build())
            .setInputType(InputType.recurrent(28, 28))
            .build();
    MultiLayerNetwork net = new MultiLayerNetwork(conf);
    net.init();
    Files.createDirectories(dir);
    Path file = dir.resolve("dense3-lstm4.zip");
    ModelSerializer.writeModel(net, file.toFile(), false);
    try (ZipFile zip = new ZipFile(file.toFile())) {
      write(
          dir.resolve("dense3-lstm4.parts"),
          ModelParts.frame(
              zip.getInputStream(zip.getEntry("configuration.json")).readAllBytes(),
              zip.getInputStream(zip.getEntry("coefficients.bin")).readAllBytes()));
    }
  }

  private static void pictures(Path dir, byte[] idx) throws IOException {
    // Test digit 0 (a 7), dark on white as a user's picture would be.
    BufferedImage grey = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
    BufferedImage rgb = new BufferedImage(28, 28, BufferedImage.TYPE_INT_RGB);
    BufferedImage argb = new BufferedImage(28, 28, BufferedImage.TYPE_INT_ARGB);
    BufferedImage bits = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_BINARY);
    for (int y = 0; y < 28; y++) {
      for (int x = 0; x < 28; x++) {
        int ink = idx[16 + y * 28 + x] & 0xFF;
        int v = 255 - ink;
        int rgbv = (v << 16) | (v << 8) | v;
        grey.getRaster().setSample(x, y, 0, v);
        rgb.setRGB(x, y, rgbv);
        argb.setRGB(x, y, (ink << 24)); // black ink on transparency
        bits.setRGB(x, y, ink > 127 ? 0 : 0xFFFFFF);
      }
    }
    Files.createDirectories(dir);
    ImageIO.write(grey, "png", dir.resolve("seven-grey.png").toFile());
    ImageIO.write(argb, "png", dir.resolve("seven-alpha.png").toFile());
    ImageIO.write(bits, "png", dir.resolve("seven-1bit.png").toFile());
    ImageIO.write(rgb, "jpg", dir.resolve("seven.jpg").toFile());
    ImageIO.write(rgb, "bmp", dir.resolve("seven.bmp").toFile());
    ImageIO.write(grey, "gif", dir.resolve("seven.gif").toFile());
  }

  private static void settings(Path dir) throws IOException {
    Settings s = new Settings();
    s.put("language", "zh-CN");
    s.put("workspace", "inside");
    s.put("window.x", "12");
    s.put("window.y", "30");
    s.put("window.width", "1366");
    s.put("window.height", "740");
    s.put("window.maximized", "false");
    s.put("model.last", "/home/teacher/models/run 3 LSTM H128.gatescope");
    for (TrainingConfigField f : TrainingConfigField.values()) {
      s.put("train." + f.key, f.value);
    }
    Files.createDirectories(dir);
    s.save(dir.resolve("settings.properties"));
  }

  /** The training form as the app saves it (field name, text typed). */
  private enum TrainingConfigField {
    CELL("cell", "LSTM"),
    READING("reading", "ROWS"),
    LAYERS("layers", "1"),
    HIDDEN("hidden", "128"),
    PROJECTION("projection", "128"),
    BATCH("batch", "128"),
    EPOCHS("epochs", "2"),
    LR("lr", "0.001"),
    LR_DECAY("lr_decay", "1"),
    OPTIMIZER("optimizer", "ADAM"),
    CLIP("clip", "0"),
    FORGET_BIAS("forget_bias", "1.0"),
    SEED("seed", "42"),
    TRAIN_SIZE("train_size", "60000"),
    EVAL_EVERY("eval_every", "100");

    final String key;
    final String value;

    TrainingConfigField(String key, String value) {
      this.key = key;
      this.value = value;
    }
  }

  private static void run(Path dir) throws IOException {
    TrainingConfig cfg =
        TrainingConfig.quickDemo().toBuilder()
            .model(new ModelConfig(CellType.LSTM, 1, 16, 8, 1.0, 42, Reading.ROWS))
            .build();
    List<IterationStats> its =
        List.of(
            new IterationStats(1, 1, 3, 2.30, 0.11, 900, 15, 0.02, 1e-3),
            new IterationStats(1, 2, 3, 2.21, 0.19, 950, 30, 0.03, 1e-3),
            new IterationStats(1, 3, 3, Double.NaN, 0.25, 990, 45, Double.NaN, 1e-3));
    List<EvaluationStats> evs =
        List.of(
            new EvaluationStats(
                1,
                3,
                2.1,
                0.31,
                new int[0][],
                List.of(
                    new GateSaturation(Quantity.UPDATE, 0.01, 0.02),
                    new GateSaturation(Quantity.FORGET, 0.0, 0.05),
                    new GateSaturation(Quantity.OUTPUT, 0.02, 0.01)),
                60));
    TrainingResult r =
        new TrainingResult(TrainingResult.StopReason.COMPLETED, "", 1, 3, 0.31, 0.31, 700, -1);
    Files.createDirectories(dir);
    RunFile.write(
        new RunRecord("#1 LSTM H16", Instant.parse("2026-12-01T04:00:00Z"), cfg, r, its, evs),
        dir.resolve("run-1.json"));
  }

  private static byte[] gunzip(Path gz, int n) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
      return in.readNBytes(n);
    }
  }

  private static void write(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
  }
}

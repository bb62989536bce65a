package io.gatescope.core.model;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.ParamSet;
import io.gatescope.core.engine.RecurrentClassifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Converts a DL4J network of the shape [Dense(28→P, identity)] → LSTM(→H) [→ LastTimeStep] →
 * Output(H→10, softmax) into a GateScope model.
 *
 * <p>DL4J's LSTM keeps W [nIn, 4H], RW [H, 4H] and b [1, 4H] with the gate blocks in the order
 * [block input c̃ (tanh) | forget Γf | output Γo | input Γu], the same layout GateScope uses, so
 * the arrays copy over unchanged; DL4J's dense W is [nIn, nOut] like ours.
 */
public final class Dl4jImport {
  /** The entries of a DL4J model zip that GateScope reads. */
  static final String CONFIG = "configuration.json";

  static final String COEFFICIENTS = "coefficients.bin";

  /** What this import reads, in the user's language. */
  public static String supported() {
    return Messages.get("dl4j.supported");
  }

  private Dl4jImport() {}

  /** The parts of a supported network: dense projection (0 if none), the LSTM, the output. */
  record Shape(int projection, int lstmIndex, int hidden, int outputIndex) {}

  /** Checks the layers' configurations, or throws saying what is unsupported. */
  static Shape shapeOf(List<Layer> confs, String name) throws ModelFileException {
    int idx = 0;
    int projection = 0;
    if (idx < confs.size() && confs.get(idx) instanceof DenseLayer dense) {
      if (!(dense.getActivationFn() instanceof ActivationIdentity) || dense.getNIn() != 28) {
        throw unsupported(name, Messages.get("dl4j.dense"));
      }
      projection = (int) dense.getNOut();
      idx++;
    }
    if (idx >= confs.size()) {
      throw unsupported(name, Messages.get("dl4j.noLstm"));
    }
    Layer rec = confs.get(idx);
    if (rec instanceof LastTimeStep lts) {
      rec = lts.getUnderlying();
    }
    if (rec == null) {
      throw unsupported(name, Messages.get("dl4j.noLstm"));
    }
    if (!(rec instanceof LSTM lstm)) {
      throw unsupported(name, Messages.get("dl4j.notLstm", idx, rec.getClass().getSimpleName()));
    }
    if (!(lstm.getActivationFn() instanceof ActivationTanH)
        || !(lstm.getGateActivationFn() instanceof ActivationSigmoid)) {
      throw unsupported(name, Messages.get("dl4j.activations"));
    }
    int lstmIndex = idx++;
    int hidden = (int) lstm.getNOut();
    int expectedIn = projection > 0 ? projection : 28;
    if (lstm.getNIn() != expectedIn) {
      throw unsupported(name, Messages.get("dl4j.inputs", lstm.getNIn(), expectedIn));
    }
    if (idx != confs.size() - 1
        || !(confs.get(idx) instanceof OutputLayer out)
        || !(out.getActivationFn() instanceof ActivationSoftmax)
        || out.getNOut() != 10) {
      throw unsupported(name, Messages.get("dl4j.output"));
    }
    if (((OutputLayer) confs.get(idx)).getNIn() != hidden) {
      throw unsupported(name, Messages.get("dl4j.outputIn", hidden));
    }
    return new Shape(projection, lstmIndex, hidden, idx);
  }

  /** A configuration GateScope can import, and how many parameters its network has. */
  record Checked(MultiLayerConfiguration configuration, long params) {}

  /**
   * Reads the zip's network configuration (bounded) and checks that GateScope supports it, before
   * any weight is read.
   */
  static Checked checkConfiguration(BoundedZip zip, String name) throws ModelFileException {
    byte[] json =
        zip.read(
            CONFIG,
            ModelFile.MAX_JSON,
            Messages.get("model.entryHuge", name, CONFIG, ModelFile.MAX_JSON));
    List<Layer> confs = new ArrayList<>();
    MultiLayerConfiguration conf;
    try {
      conf = MultiLayerConfiguration.fromJson(new String(json, StandardCharsets.UTF_8));
      conf.getConfs().forEach(c -> confs.add(c.getLayer()));
    } catch (RuntimeException e) {
      throw new ModelFileException(
          Messages.get("model.badDl4j", name, e.getMessage(), supported()));
    }
    Shape s = shapeOf(confs, name);
    long expected;
    try {
      expected = configOf(s, 1.0).paramCount();
    } catch (IllegalArgumentException e) {
      throw new ModelFileException(Messages.get("model.invalid", name, e.getMessage()));
    }
    if (expected > ModelFile.MAX_PARAMS) {
      throw new ModelFileException(
          Messages.get("model.tooManyParams", name, expected, ModelFile.MAX_PARAMS));
    }
    return new Checked(conf, expected);
  }

  private static ModelConfig configOf(Shape s, double forgetBias) {
    return new ModelConfig(CellType.LSTM, 1, s.hidden(), s.projection(), forgetBias, 0);
  }

  /**
   * Converts, or throws {@link ModelFileException} saying what is unsupported; {@code name} is the
   * file the network came from, for the message.
   */
  public static RecurrentClassifier convert(MultiLayerNetwork net, String name)
      throws ModelFileException {
    List<Layer> confs = new ArrayList<>();
    for (int i = 0; i < net.getnLayers(); i++) {
      confs.add(net.getLayerWiseConfigurations().getConf(i).getLayer());
    }
    Shape s = shapeOf(confs, name);
    Layer rec = confs.get(s.lstmIndex());
    LSTM lstm = (LSTM) (rec instanceof LastTimeStep lts ? lts.getUnderlying() : rec);
    ModelConfig cfg = configOf(s, lstm.getForgetGateBiasInit());
    RecurrentClassifier model = RecurrentClassifier.create(cfg); // in float, whatever the zip holds
    ParamSet p = model.params();
    if (s.projection() > 0) {
      p.get("proj.W").assign(net.getParam("0_W"));
      p.get("proj.b").assign(net.getParam("0_b"));
    }
    p.get("l0.W").assign(net.getParam(s.lstmIndex() + "_W"));
    p.get("l0.RW").assign(net.getParam(s.lstmIndex() + "_RW"));
    p.get("l0.b").assign(net.getParam(s.lstmIndex() + "_b"));
    p.get("out.W").assign(net.getParam(s.outputIndex() + "_W"));
    p.get("out.b").assign(net.getParam(s.outputIndex() + "_b"));
    return model;
  }

  /** DL4J's input layout for the same images: [B, 28 features, 28 steps] (NCW). */
  public static INDArray toDl4jInput(float[][] images) {
    int b = images.length;
    float[] data = new float[b * 28 * 28];
    for (int i = 0; i < b; i++) {
      for (int t = 0; t < 28; t++) {
        for (int f = 0; f < 28; f++) {
          data[(i * 28 + f) * 28 + t] = images[i][t * 28 + f];
        }
      }
    }
    return org.nd4j.linalg.factory.Nd4j.create(data, new long[] {b, 28, 28}, 'c'); // [B, F, T]
  }

  private static ModelFileException unsupported(String name, String why) {
    return new ModelFileException(Messages.get("dl4j.unsupported", name, why, supported()));
  }
}

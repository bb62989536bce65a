package io.gatescope.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.core.engine.Batches;
import io.gatescope.core.engine.RecurrentClassifier;
import java.util.Map;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The engine and DL4J's own LSTM, on the same weights, agree on outputs and gradients. */
class Dl4jAgreementTest {
  static MultiLayerNetwork dl4j(int proj, int hidden, long seed) {
    var list =
        new NeuralNetConfiguration.Builder()
            .dataType(DataType.DOUBLE)
            .seed(seed)
            .weightInit(WeightInit.XAVIER)
            .updater(new Sgd(0.0))
            .list();
    int i = 0;
    if (proj > 0) {
      list.layer(
          i++, new DenseLayer.Builder().nIn(28).nOut(proj).activation(Activation.IDENTITY).build());
    }
    list.layer(
        i++,
        new LastTimeStep(
            new LSTM.Builder()
                .nIn(proj > 0 ? proj : 28)
                .nOut(hidden)
                .activation(Activation.TANH)
                .gateActivationFunction(Activation.SIGMOID)
                .forgetGateBiasInit(1.0)
                .build()));
    list.layer(
        i,
        new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
            .nIn(hidden)
            .nOut(10)
            .activation(Activation.SOFTMAX)
            .build());
    MultiLayerConfiguration conf = list.setInputType(InputType.recurrent(28, 28)).build();
    MultiLayerNetwork net = new MultiLayerNetwork(conf);
    net.init();
    // Random biases too, so a wrong bias mapping cannot hide behind zeros.
    SplittableRandom r = new SplittableRandom(seed);
    INDArray p = net.params();
    for (long k = 0; k < p.length(); k++) {
      p.putScalar(k, p.getDouble(k) + (r.nextDouble() - 0.5) * 0.2);
    }
    return net;
  }

  @Test
  void outputsAndGradientsAgreeWithDl4jLstm() throws Exception {
    for (int proj : new int[] {0, 6}) {
      MultiLayerNetwork net = dl4j(proj, 5, 3 + proj);
      RecurrentClassifier ours = Dl4jImport.convert(net, "net.zip");

      float[][] imgs = randomImages(4, 17);
      int[] labels = {1, 7, 3, 0};
      INDArray dlIn = Dl4jImport.toDl4jInput(imgs).castTo(DataType.DOUBLE);
      INDArray dlOut = net.output(dlIn);
      float[][] ourOut = ours.predict(Batches.timeMajor(imgs)); // ours in float
      for (int b = 0; b < 4; b++) {
        for (int k = 0; k < 10; k++) {
          assertEquals(dlOut.getDouble(b, k), ourOut[b][k], 1e-5, "proj " + proj + " p[" + b + "]");
        }
      }

      INDArray oneHot = Nd4j.zeros(DataType.DOUBLE, 4, 10);
      for (int b = 0; b < 4; b++) {
        oneHot.putScalar(b, labels[b], 1.0);
      }
      net.setInput(dlIn);
      net.setLabels(oneHot);
      net.computeGradientAndScore();
      double ourLoss = ours.lossAndGradient(Batches.timeMajor(imgs), labels);
      assertEquals(net.score(), ourLoss, 1e-5, "loss");

      Map<String, String> names =
          proj > 0
              ? Map.of(
                  "0_W", "proj.W", "0_b", "proj.b", "1_W", "l0.W", "1_RW", "l0.RW", "1_b", "l0.b",
                  "2_W", "out.W", "2_b", "out.b")
              : Map.of(
                  "0_W", "l0.W", "0_RW", "l0.RW", "0_b", "l0.b", "1_W", "out.W", "1_b", "out.b");
      for (var e : names.entrySet()) {
        // DL4J's raw gradient is of the summed loss; its updater divides by the batch size later.
        INDArray theirs = net.gradient().getGradientFor(e.getKey()).div(4);
        INDArray mine = ours.gradients().get(e.getValue());
        double maxDiff = theirs.reshape(mine.shape()).sub(mine).amaxNumber().doubleValue();
        assertTrue(maxDiff < 1e-5, e.getKey() + " vs " + e.getValue() + ": " + maxDiff);
      }
    }
  }

  @Test
  void otherArchitecturesAreRefusedWithAMessage() {
    MultiLayerNetwork net =
        new MultiLayerNetwork(
            new NeuralNetConfiguration.Builder()
                .list()
                .layer(new SimpleRnn.Builder().nIn(28).nOut(4).build())
                .layer(
                    new org.deeplearning4j.nn.conf.layers.RnnOutputLayer.Builder()
                        .nIn(4)
                        .nOut(10)
                        .activation(Activation.SOFTMAX)
                        .build())
                .build());
    net.init();
    ModelFileException e =
        assertThrows(ModelFileException.class, () -> Dl4jImport.convert(net, "net.zip"));
    assertTrue(e.getMessage().contains("SimpleRnn"), e.getMessage());
    assertTrue(e.getMessage().contains(Dl4jImport.supported()), e.getMessage());
  }

  static float[][] randomImages(int b, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[][] out = new float[b][784];
    for (float[] img : out) {
      for (int i = 0; i < img.length; i++) {
        img[i] = (float) r.nextDouble();
      }
    }
    return out;
  }
}

package io.gatescope.core.engine;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The LSTM cell, in the lesson's notation:
 *
 * <pre>
 *   c̃⟨t⟩ = tanh(W_c[a⟨t−1⟩, x⟨t⟩] + b_c)     Γu = σ(W_u[a⟨t−1⟩, x⟨t⟩] + b_u)
 *   Γf   = σ(W_f[a⟨t−1⟩, x⟨t⟩] + b_f)      Γo = σ(W_o[a⟨t−1⟩, x⟨t⟩] + b_o)
 *   c⟨t⟩ = Γu ⊙ c̃⟨t⟩ + Γf ⊙ c⟨t−1⟩          a⟨t⟩ = Γo ⊙ tanh(c⟨t⟩)
 * </pre>
 *
 * The four W_·[a, x] products are one: W (input part, [in, 4H]) and RW (recurrent part, [H, 4H])
 * hold the gates side by side as [ c̃ | Γf | Γo | Γu ], DL4J's column order, so DL4J LSTM weights
 * copy in unchanged.
 */
final class LstmLayer extends RecurrentLayer {
  static final int CAND = 0;
  static final int FORGET = 1;
  static final int OUTPUT = 2;
  static final int UPDATE = 3;

  /** The gate blocks in column order, as quantities (for clamping). */
  static final List<Quantity> BLOCKS =
      List.of(Quantity.CANDIDATE, Quantity.FORGET, Quantity.OUTPUT, Quantity.UPDATE);

  private INDArray w; // [in, 4H]
  private INDArray rw; // [H, 4H]
  private INDArray b; // [1, 4H]
  private INDArray dw; // [in, 4H]
  private INDArray drw; // [H, 4H]
  private INDArray db; // [1, 4H]

  // Forward state, all timesteps (time-major).
  private INDArray x; // [T·B, in]
  private INDArray gates; // [T·B, 4H]: pre-activations, then c̃, Γf, Γo, Γu in place
  private INDArray c; // [(T+1)·B, H]: c⟨0..T⟩
  private INDArray tanhC; // [T·B, H]: tanh(c⟨1..T⟩)
  private INDArray[] gAt; // [B, 4H] per step
  private INDArray[] candAt; // c̃⟨t⟩ [B, H]
  private INDArray[] sigAt; // Γf, Γo, Γu side by side [B, 3H]
  private INDArray[] forgetAt;
  private INDArray[] outputAt;
  private INDArray[] updateAt;
  private INDArray[] cAt; // c⟨0..T⟩
  private INDArray[] tanhCAt;
  private INDArray tmp; // [B, H]
  private boolean intervened;

  // Backward state.
  private INDArray dz; // [T·B, 4H]: ∂loss/∂(gate pre-activations)
  private INDArray local; // [T·B, 4H]: local derivative that turns dc (or da) into dz per block
  private INDArray daToDc; // [T·B, H]: ∂c⟨t⟩-path factor Γo ⊙ (1 − tanh²c⟨t⟩)
  private INDArray[] dzCand;
  private INDArray[] dzForget;
  private INDArray[] dzOutput;
  private INDArray[] dzUpdate;
  private INDArray[] dzAt;
  private INDArray[] localCand;
  private INDArray[] localForget;
  private INDArray[] localOutput;
  private INDArray[] localUpdate;
  private INDArray[] daToDcAt;
  private INDArray dc; // [B, H]
  private INDArray dcNext; // [B, H]

  LstmLayer(String prefix, int in, int h) {
    super(prefix, in, h);
  }

  @Override
  List<ParamSet.Spec> specs() {
    return List.of(
        new ParamSet.Spec(prefix + "W", in, 4 * h),
        new ParamSet.Spec(prefix + "RW", h, 4 * h),
        new ParamSet.Spec(prefix + "b", 1, 4 * h));
  }

  @Override
  void bind(ParamSet params, ParamSet grads) {
    w = params.get(prefix + "W");
    rw = params.get(prefix + "RW");
    b = params.get(prefix + "b");
    dw = grads.get(prefix + "W");
    drw = grads.get(prefix + "RW");
    db = grads.get(prefix + "b");
  }

  @Override
  void initialize(SplittableRandom rnd, ModelConfig cfg) {
    for (int g = 0; g < 4; g++) {
      Init.xavier(w, g * h, h, rnd);
      Init.orthogonal(rw, g * h, h, rnd);
    }
    b.assign(0);
    Nd.cols(b, FORGET * h, (FORGET + 1) * h).assign(cfg.forgetBias());
  }

  @Override
  protected void allocateCell(int bs) {
    long tb = (long) T * bs;
    gates = Nd4j.zeros(dtype, tb, 4L * h); // [T·B, 4H]
    c = Nd4j.zeros(dtype, tb + bs, h); // [(T+1)·B, H]
    tanhC = Nd4j.zeros(dtype, tb, h); // [T·B, H]
    tmp = Nd4j.zeros(dtype, bs, h); // [B, H]
    gAt = stepViews(gates, T, bs);
    candAt = colViews(gAt, CAND * h, (CAND + 1) * h);
    sigAt = colViews(gAt, h, 4L * h);
    forgetAt = colViews(gAt, FORGET * h, (FORGET + 1) * h);
    outputAt = colViews(gAt, OUTPUT * h, (OUTPUT + 1) * h);
    updateAt = colViews(gAt, UPDATE * h, (UPDATE + 1) * h);
    cAt = stepViews(c, T + 1, bs);
    tanhCAt = stepViews(tanhC, T, bs);

    dz = Nd4j.zeros(dtype, tb, 4L * h); // [T·B, 4H]
    local = Nd4j.zeros(dtype, tb, 4L * h); // [T·B, 4H]
    daToDc = Nd4j.zeros(dtype, tb, h); // [T·B, H]
    dzAt = stepViews(dz, T, bs);
    dzCand = colViews(dzAt, CAND * h, (CAND + 1) * h);
    dzForget = colViews(dzAt, FORGET * h, (FORGET + 1) * h);
    dzOutput = colViews(dzAt, OUTPUT * h, (OUTPUT + 1) * h);
    dzUpdate = colViews(dzAt, UPDATE * h, (UPDATE + 1) * h);
    INDArray[] localAt = stepViews(local, T, bs);
    localCand = colViews(localAt, CAND * h, (CAND + 1) * h);
    localForget = colViews(localAt, FORGET * h, (FORGET + 1) * h);
    localOutput = colViews(localAt, OUTPUT * h, (OUTPUT + 1) * h);
    localUpdate = colViews(localAt, UPDATE * h, (UPDATE + 1) * h);
    daToDcAt = stepViews(daToDc, T, bs);
    dc = Nd4j.zeros(dtype, bs, h); // [B, H]
    dcNext = Nd4j.zeros(dtype, bs, h); // [B, H]
  }

  @Override
  INDArray forward(INDArray input, List<Intervention> interventions) {
    this.x = input;
    INDArray[] clamp = clampVectors(interventions, index(), BLOCKS);
    INDArray scaleA = hiddenScale(interventions, index());
    intervened = clamp != null || scaleA != null;

    // Input part of every gate at every step in one product: x⟨t⟩·W + b.
    Nd.gemm(input, w, gates, false, false, 0); // [T·B, 4H]
    gates.addiRowVector(b);
    aAt[0].assign(0);
    cAt[0].assign(0);
    for (int t = 0; t < T; t++) {
      INDArray z = gAt[t]; // [B, 4H]
      Nd.gemm(aAt[t], rw, z, false, false, 1); // += a⟨t−1⟩·RW
      Nd.tanh(candAt[t], candAt[t]); // c̃⟨t⟩
      Nd.sigmoid(sigAt[t], sigAt[t]); // Γf, Γo, Γu
      if (clamp != null) {
        z.muliRowVector(clamp[0]).addiRowVector(clamp[1]);
      }
      Nd.mul(updateAt[t], candAt[t], cAt[t + 1]); // Γu ⊙ c̃⟨t⟩
      Nd.mul(forgetAt[t], cAt[t], tmp); // Γf ⊙ c⟨t−1⟩
      cAt[t + 1].addi(tmp); // c⟨t⟩
      Nd.tanh(cAt[t + 1], tanhCAt[t]);
      Nd.mul(outputAt[t], tanhCAt[t], aAt[t + 1]); // a⟨t⟩ = Γo ⊙ tanh(c⟨t⟩)
      if (scaleA != null) {
        aAt[t + 1].muliRowVector(scaleA);
      }
    }
    return outputs();
  }

  @Override
  INDArray backward(INDArray dOut, boolean wantInputGradient) {
    if (intervened) {
      throw new IllegalStateException("gradients are not defined with interventions active");
    }
    long tb = (long) T * batch;
    INDArray cand = Nd.cols(gates, CAND * h, (CAND + 1) * h); // [T·B, H]
    INDArray sig = Nd.cols(gates, h, 4L * h); // [T·B, 3H]
    INDArray update = Nd.cols(gates, UPDATE * h, (UPDATE + 1) * h);
    INDArray output = Nd.cols(gates, OUTPUT * h, (OUTPUT + 1) * h);
    INDArray lCand = Nd.cols(local, CAND * h, (CAND + 1) * h);
    INDArray lSig = Nd.cols(local, h, 4L * h);
    INDArray lForget = Nd.cols(local, FORGET * h, (FORGET + 1) * h);
    INDArray lOutput = Nd.cols(local, OUTPUT * h, (OUTPUT + 1) * h);
    INDArray lUpdate = Nd.cols(local, UPDATE * h, (UPDATE + 1) * h);

    // Local derivatives for all steps at once: a few large calls instead of many small ones.
    Nd.sigmoidDerivative(sig, lSig); // σ' of Γf, Γo, Γu
    lForget.muli(Nd.rows(c, 0, tb)); // ∂c⟨t⟩/∂zf = c⟨t−1⟩ ⊙ σ'
    lOutput.muli(tanhC); // ∂a⟨t⟩/∂zo = tanh(c⟨t⟩) ⊙ σ'
    lUpdate.muli(cand); // ∂c⟨t⟩/∂zu = c̃⟨t⟩ ⊙ σ'
    Nd.tanhDerivative(cand, lCand);
    lCand.muli(update); // ∂c⟨t⟩/∂zc = Γu ⊙ (1 − c̃²)
    Nd.tanhDerivative(tanhC, daToDc);
    daToDc.muli(output); // ∂a⟨t⟩/∂c⟨t⟩ = Γo ⊙ (1 − tanh²c⟨t⟩)

    INDArray[] dOutAt = stepViews(dOut, T, batch);
    daNext.assign(0);
    dcNext.assign(0);
    for (int t = T - 1; t >= 0; t--) {
      Nd.add(dOutAt[t], daNext, da); // ∂a⟨t⟩ from above and from step t+1
      recordDa(t);
      Nd.mul(da, localOutput[t], dzOutput[t]);
      Nd.mul(da, daToDcAt[t], dc);
      dc.addi(dcNext); // ∂c⟨t⟩
      Nd.mul(dc, localCand[t], dzCand[t]);
      Nd.mul(dc, localForget[t], dzForget[t]);
      Nd.mul(dc, localUpdate[t], dzUpdate[t]);
      if (t > 0) {
        Nd.mul(dc, forgetAt[t], dcNext); // ∂c⟨t−1⟩ = ∂c⟨t⟩ ⊙ Γf
        Nd.gemm(dzAt[t], rw, daNext, false, true, 0); // ∂a⟨t−1⟩ = dz·RWᵀ  [B, H]
      }
    }
    // Weight gradients for all steps in one product each.
    Nd.gemm(x, dz, dw, true, false, 0); // [in, 4H]
    Nd.gemm(previousOutputs(), dz, drw, true, false, 0); // [H, 4H]
    db.assign(dz.sum(0)); // [4H] into the [1, 4H] view
    if (!wantInputGradient) {
      return null;
    }
    INDArray dx = Nd4j.zeros(dtype, tb, in); // [T·B, in]
    Nd.gemm(dz, w, dx, false, true, 0);
    return dx;
  }

  @Override
  Map<Quantity, INDArray> recorded() {
    Map<Quantity, INDArray> m = new EnumMap<>(Quantity.class);
    m.put(Quantity.UPDATE, Nd.cols(gates, UPDATE * h, (UPDATE + 1) * h));
    m.put(Quantity.FORGET, Nd.cols(gates, FORGET * h, (FORGET + 1) * h));
    m.put(Quantity.OUTPUT, Nd.cols(gates, OUTPUT * h, (OUTPUT + 1) * h));
    m.put(Quantity.CANDIDATE, Nd.cols(gates, CAND * h, (CAND + 1) * h));
    m.put(Quantity.CELL, Nd.rows(c, batch, (long) (T + 1) * batch));
    m.put(Quantity.HIDDEN, outputs());
    return m;
  }
}

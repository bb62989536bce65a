package io.gatescope.core.engine;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The GRU cell in the lesson's notation (the reset gate acts on a⟨t−1⟩ before the product):
 *
 * <pre>
 *   Γr = σ(W_r[a⟨t−1⟩, x⟨t⟩] + b_r)        Γu = σ(W_u[a⟨t−1⟩, x⟨t⟩] + b_u)
 *   c̃⟨t⟩ = tanh(W_c[Γr ⊙ a⟨t−1⟩, x⟨t⟩] + b_c)
 *   a⟨t⟩ = Γu ⊙ c̃⟨t⟩ + (1 − Γu) ⊙ a⟨t−1⟩
 * </pre>
 *
 * Γr and Γu share one product: Wru [in, 2H] and Uru [H, 2H] hold [ Γr | Γu ]; the candidate has Wc
 * [in, H] and Uc [H, H].
 */
final class GruLayer extends RecurrentLayer {
  static final List<Quantity> BLOCKS = List.of(Quantity.RESET, Quantity.UPDATE);

  private INDArray wru; // [in, 2H]
  private INDArray uru; // [H, 2H]
  private INDArray bru; // [1, 2H]
  private INDArray wc; // [in, H]
  private INDArray uc; // [H, H]
  private INDArray bc; // [1, H]
  private INDArray dwru;
  private INDArray duru;
  private INDArray dbru;
  private INDArray dwc;
  private INDArray duc;
  private INDArray dbc;

  private INDArray x; // [T·B, in]
  private INDArray ru; // [T·B, 2H]: pre-activations, then Γr, Γu in place
  private INDArray cand; // [T·B, H]: pre-activation, then c̃ in place
  private INDArray ra; // [T·B, H]: Γr ⊙ a⟨t−1⟩
  private INDArray[] ruAt;
  private INDArray[] resetAt;
  private INDArray[] updateAt;
  private INDArray[] candAt;
  private INDArray[] raAt;
  private INDArray tmp; // [B, H]
  private boolean intervened;

  private INDArray dru; // [T·B, 2H]
  private INDArray dcand; // [T·B, H]
  private INDArray[] druAt;
  private INDArray[] dResetAt;
  private INDArray[] dUpdateAt;
  private INDArray[] dcandAt;
  private INDArray localU; // [T·B, H]: (c̃ − a⟨t−1⟩) ⊙ σ'(Γu)
  private INDArray localC; // [T·B, H]: Γu ⊙ (1 − c̃²)
  private INDArray localR; // [T·B, H]: a⟨t−1⟩ ⊙ σ'(Γr)
  private INDArray oneMinusU; // [T·B, H]
  private INDArray[] localUAt;
  private INDArray[] localCAt;
  private INDArray[] localRAt;
  private INDArray[] oneMinusUAt;
  private INDArray dra; // [B, H]

  GruLayer(String prefix, int in, int h) {
    super(prefix, in, h);
  }

  @Override
  List<ParamSet.Spec> specs() {
    return List.of(
        new ParamSet.Spec(prefix + "Wru", in, 2 * h),
        new ParamSet.Spec(prefix + "Uru", h, 2 * h),
        new ParamSet.Spec(prefix + "bru", 1, 2 * h),
        new ParamSet.Spec(prefix + "Wc", in, h),
        new ParamSet.Spec(prefix + "Uc", h, h),
        new ParamSet.Spec(prefix + "bc", 1, h));
  }

  @Override
  void bind(ParamSet p, ParamSet g) {
    wru = p.get(prefix + "Wru");
    uru = p.get(prefix + "Uru");
    bru = p.get(prefix + "bru");
    wc = p.get(prefix + "Wc");
    uc = p.get(prefix + "Uc");
    bc = p.get(prefix + "bc");
    dwru = g.get(prefix + "Wru");
    duru = g.get(prefix + "Uru");
    dbru = g.get(prefix + "bru");
    dwc = g.get(prefix + "Wc");
    duc = g.get(prefix + "Uc");
    dbc = g.get(prefix + "bc");
  }

  @Override
  void initialize(SplittableRandom rnd, ModelConfig cfg) {
    for (int g = 0; g < 2; g++) {
      Init.xavier(wru, g * h, h, rnd);
      Init.orthogonal(uru, g * h, h, rnd);
    }
    Init.xavier(wc, rnd);
    Init.orthogonal(uc, 0, h, rnd);
    bru.assign(0);
    bc.assign(0);
  }

  @Override
  protected void allocateCell(int bs) {
    long tb = (long) T * bs;
    ru = Nd4j.zeros(dtype, tb, 2L * h); // [T·B, 2H]
    cand = Nd4j.zeros(dtype, tb, h); // [T·B, H]
    ra = Nd4j.zeros(dtype, tb, h); // [T·B, H]
    ruAt = stepViews(ru, T, bs);
    resetAt = colViews(ruAt, 0, h);
    updateAt = colViews(ruAt, h, 2L * h);
    candAt = stepViews(cand, T, bs);
    raAt = stepViews(ra, T, bs);
    tmp = Nd4j.zeros(dtype, bs, h); // [B, H]

    dru = Nd4j.zeros(dtype, tb, 2L * h); // [T·B, 2H]
    dcand = Nd4j.zeros(dtype, tb, h); // [T·B, H]
    druAt = stepViews(dru, T, bs);
    dResetAt = colViews(druAt, 0, h);
    dUpdateAt = colViews(druAt, h, 2L * h);
    dcandAt = stepViews(dcand, T, bs);
    localU = Nd4j.zeros(dtype, tb, h); // [T·B, H]
    localC = Nd4j.zeros(dtype, tb, h);
    localR = Nd4j.zeros(dtype, tb, h);
    oneMinusU = Nd4j.zeros(dtype, tb, h);
    localUAt = stepViews(localU, T, bs);
    localCAt = stepViews(localC, T, bs);
    localRAt = stepViews(localR, T, bs);
    oneMinusUAt = stepViews(oneMinusU, T, bs);
    dra = Nd4j.zeros(dtype, bs, h); // [B, H]
  }

  @Override
  INDArray forward(INDArray input, List<Intervention> interventions) {
    this.x = input;
    INDArray[] clamp = clampVectors(interventions, index(), BLOCKS);
    INDArray scaleA = hiddenScale(interventions, index());
    intervened = clamp != null || scaleA != null;

    Nd.gemm(input, wru, ru, false, false, 0); // [T·B, 2H]
    ru.addiRowVector(bru);
    Nd.gemm(input, wc, cand, false, false, 0); // [T·B, H]
    cand.addiRowVector(bc);
    aAt[0].assign(0);
    for (int t = 0; t < T; t++) {
      Nd.gemm(aAt[t], uru, ruAt[t], false, false, 1); // += a⟨t−1⟩·Uru
      Nd.sigmoid(ruAt[t], ruAt[t]); // Γr, Γu
      if (clamp != null) {
        ruAt[t].muliRowVector(clamp[0]).addiRowVector(clamp[1]);
      }
      Nd.mul(resetAt[t], aAt[t], raAt[t]); // Γr ⊙ a⟨t−1⟩
      Nd.gemm(raAt[t], uc, candAt[t], false, false, 1); // += (Γr ⊙ a⟨t−1⟩)·Uc
      Nd.tanh(candAt[t], candAt[t]); // c̃⟨t⟩
      Nd.sub(candAt[t], aAt[t], tmp); // c̃ − a⟨t−1⟩
      Nd.mul(updateAt[t], tmp, aAt[t + 1]);
      aAt[t + 1].addi(aAt[t]); // a⟨t⟩ = a⟨t−1⟩ + Γu ⊙ (c̃ − a⟨t−1⟩)
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
    INDArray reset = Nd.cols(ru, 0, h);
    INDArray update = Nd.cols(ru, h, 2L * h);
    INDArray aPrev = previousOutputs();

    Nd.sub(cand, aPrev, localU);
    Nd.sigmoidDerivative(update, oneMinusU); // scratch: σ'(Γu)
    localU.muli(oneMinusU); // ∂a⟨t⟩/∂zu
    Nd.tanhDerivative(cand, localC);
    localC.muli(update); // ∂a⟨t⟩/∂zc
    Nd.sigmoidDerivative(reset, localR);
    localR.muli(aPrev); // ∂(Γr ⊙ a⟨t−1⟩)/∂zr
    oneMinusU.assign(update).rsubi(1.0); // ∂a⟨t⟩/∂a⟨t−1⟩ directly: 1 − Γu

    INDArray[] dOutAt = stepViews(dOut, T, batch);
    daNext.assign(0);
    for (int t = T - 1; t >= 0; t--) {
      Nd.add(dOutAt[t], daNext, da);
      recordDa(t);
      Nd.mul(da, localUAt[t], dUpdateAt[t]);
      Nd.mul(da, localCAt[t], dcandAt[t]);
      Nd.gemm(dcandAt[t], uc, dra, false, true, 0); // ∂(Γr ⊙ a⟨t−1⟩) [B, H]
      Nd.mul(dra, localRAt[t], dResetAt[t]);
      if (t > 0) {
        Nd.mul(da, oneMinusUAt[t], daNext);
        Nd.mul(dra, resetAt[t], tmp);
        daNext.addi(tmp);
        Nd.gemm(druAt[t], uru, daNext, false, true, 1); // + dz_ru·Uruᵀ
      }
    }
    Nd.gemm(x, dru, dwru, true, false, 0); // [in, 2H]
    Nd.gemm(aPrev, dru, duru, true, false, 0); // [H, 2H]
    dbru.assign(dru.sum(0));
    Nd.gemm(x, dcand, dwc, true, false, 0); // [in, H]
    Nd.gemm(ra, dcand, duc, true, false, 0); // [H, H]
    dbc.assign(dcand.sum(0));
    if (!wantInputGradient) {
      return null;
    }
    INDArray dx = Nd4j.zeros(dtype, tb, in); // [T·B, in]
    Nd.gemm(dru, wru, dx, false, true, 0);
    Nd.gemm(dcand, wc, dx, false, true, 1);
    return dx;
  }

  @Override
  Map<Quantity, INDArray> recorded() {
    Map<Quantity, INDArray> m = new EnumMap<>(Quantity.class);
    m.put(Quantity.UPDATE, Nd.cols(ru, h, 2L * h));
    m.put(Quantity.RESET, Nd.cols(ru, 0, h));
    m.put(Quantity.CANDIDATE, cand);
    m.put(Quantity.HIDDEN, outputs());
    return m;
  }
}

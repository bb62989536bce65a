package io.gatescope.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The floating-point operations of one training step's products: golden counts worked out by hand
 * from the shapes (T = 28 steps, F = 28 inputs, K = 10 classes, 2·m·n·k per product), and the
 * engine's own products, recorded while it trains, against the list StepFlops gives.
 */
class StepFlopsTest {
  /**
   * The seed: LSTM, 1 layer, H = 128, P = 128, B = 128. T·B = 3584 > P, so the projection is folded
   * and the layer's input is x itself (width 28); n = 4H = 512; the joint operand is [a | x | 1],
   * 128 + 28 + 1 = 157 wide.
   *
   * <pre>
   * forward
   *   Wp·W        [28,128]·[128,512]           2·28·512·128       =     3,670,016
   *   bp·W        [1,128]·[128,512]            2·1·512·128        =       131,072
   *   xa·[RW;W;b] [128,157]·[157,512], 28×     28·2·128·512·157   =   576,192,512
   *   a·Wy        [128,128]·[128,10]           2·128·10·128       =       327,680
   *                                                         sum      580,321,280
   * backward
   *   aᵀ·dlogits  [128,128]ᵀ·[128,10]          2·128·10·128       =       327,680
   *   dlogits·Wyᵀ [128,10]·[10,128]            2·128·128·10       =       327,680
   *   dz·RWᵀ      [128,512]·[512,128], 27×     27·2·128·128·512   =   452,984,832
   *   xaᵀ·dz      [3584,157]ᵀ·[3584,512]       2·157·512·3584     =   576,192,512
   *   Wpᵀ·G       [28,128]ᵀ·[28,512]           2·128·512·28       =     3,670,016
   *   bpᵀ·Σdz     [1,128]ᵀ·[1,512]             2·128·512·1        =       131,072
   *   G·Wᵀ        [28,512]·[512,128]           2·28·128·512       =     3,670,016
   *   Σdz·Wᵀ      [1,512]·[512,128]            2·1·128·512        =       131,072
   *                                                         sum    1,037,434,880
   * step                                                           1,617,756,160
   * </pre>
   */
  @Test
  void seedLstm() {
    assertEquals(1_617_756_160L, StepFlops.count(ModelConfig.classic(), 128));
  }

  /**
   * GRU, 2 layers, H = 64, no projection, B = 32: n = 3H = 192, T·B = 896; layer 0 reads x (28
   * wide), layer 1 reads a of layer 0 (64 wide).
   *
   * <pre>
   * per layer, in = input width (28, then 64)
   *   forward   x·W          [896,in]·[in,192]         2·896·192·in
   *             a·RWru, 28×  [32,64]·[64,128]          28·2·32·128·64   = 14,680,064
   *             (Γr⊙a)·RWc, 28× [32,64]·[64,64]        28·2·32·64·64    =  7,340,032
   *   backward  dzc·RWcᵀ, 28× [32,64]·[64,64]          28·2·32·64·64    =  7,340,032
   *             dzru·RWruᵀ, 27× [32,128]·[128,64]      27·2·32·64·128   = 14,155,776
   *             aᵀ·dzru      [896,64]ᵀ·[896,128]       2·64·128·896     = 14,680,064
   *             (Γr⊙a)ᵀ·dzc  [896,64]ᵀ·[896,64]        2·64·64·896      =  7,340,032
   *             xᵀ·dz        [896,in]ᵀ·[896,192]       2·in·192·896
   *   x·W and xᵀ·dz: in = 28 → 9,633,792 each; in = 64 → 22,020,096 each
   * layer 0: 2·9,633,792 + 14,680,064 + 7,340,032 + 7,340,032 + 14,155,776
   *          + 14,680,064 + 7,340,032                                 = 84,803,584
   * layer 1: 2·22,020,096 + the same six                              = 109,576,192
   *   and ∂x of layer 1 for layer 0: dz·Wᵀ [896,192]·[192,64] 2·896·64·192 = 22,020,096
   * output: a·Wy, aᵀ·dlogits, dlogits·Wyᵀ, each 2·32·10·64 = 40,960   =    122,880
   * step: 84,803,584 + 109,576,192 + 22,020,096 + 122,880             = 216,522,752
   * </pre>
   */
  @Test
  void twoLayerGru() {
    assertEquals(216_522_752L, StepFlops.count(new ModelConfig(CellType.GRU, 2, 64, 0, 1, 1), 32));
  }

  /**
   * RNN, 1 layer, H = 100, P = 50, B = 1: T·B = 28 ≤ P, so the projection is not folded; the layer
   * reads the projected input (50 wide); n = H = 100.
   *
   * <pre>
   * forward   x·Wp        [28,28]·[28,50]       2·28·50·28     =  78,400
   *           x·W         [28,50]·[50,100]      2·28·100·50    = 280,000
   *           a·RW, 28×   [1,100]·[100,100]     28·2·100·100   = 560,000
   *           a·Wy        [1,100]·[100,10]      2·10·100       =   2,000
   *                                                    sum        920,400
   * backward  aᵀ·dlogits  [1,100]ᵀ·[1,10]       2·100·10·1     =   2,000
   *           dlogits·Wyᵀ [1,10]·[10,100]       2·100·10       =   2,000
   *           dz·RWᵀ, 27× [1,100]·[100,100]     27·2·100·100   = 540,000
   *           aᵀ·dz       [28,100]ᵀ·[28,100]    2·100·100·28   = 560,000
   *           xᵀ·dz       [28,50]ᵀ·[28,100]     2·50·100·28    = 280,000
   *           dz·Wᵀ       [28,100]·[100,50]     2·28·50·100    = 280,000
   *           xᵀ·dproj    [28,28]ᵀ·[28,50]      2·28·50·28     =  78,400
   *                                                    sum      1,742,400
   * step                                                        2,662,800
   * </pre>
   */
  @Test
  void rnnWithUnfoldedProjection() {
    assertEquals(2_662_800L, StepFlops.count(new ModelConfig(CellType.RNN, 1, 100, 50, 1, 1), 1));
  }

  /**
   * What the engine really multiplies in a training step, recorded at its one BLAS call, is the
   * list StepFlops gives: the same shapes, as often. Folded and unfolded projections, no
   * projection, one to three layers, every cell.
   */
  @Test
  void theEnginesOwnProductsAreTheListed() {
    List<Object[]> cases =
        List.of(
            new Object[] {new ModelConfig(CellType.LSTM, 1, 16, 12, 1, 1), 4},
            new Object[] {new ModelConfig(CellType.LSTM, 2, 8, 40, 1, 1), 1},
            new Object[] {new ModelConfig(CellType.LSTM, 3, 8, 0, 1, 1), 3},
            new Object[] {new ModelConfig(CellType.GRU, 1, 16, 12, 1, 1), 4},
            new Object[] {new ModelConfig(CellType.GRU, 2, 8, 40, 1, 1), 1},
            new Object[] {new ModelConfig(CellType.RNN, 2, 16, 12, 1, 1), 4},
            new Object[] {new ModelConfig(CellType.RNN, 1, 8, 0, 1, 1), 2});
    for (Object[] c : cases) {
      ModelConfig cfg = (ModelConfig) c[0];
      int batch = (Integer) c[1];
      RecurrentClassifier m = RecurrentClassifier.create(cfg);
      var x = Batches.timeMajor(EngineFixtures.randomImages(batch, 3));
      int[] y = EngineFixtures.randomLabels(batch, 3);
      m.lossAndGradient(x, y); // buffers made; the counted step below is a repeat, as in training
      List<String> made = new ArrayList<>();
      Nd.probe = (rows, cols, inner) -> made.add(rows + "×" + cols + "×" + inner);
      try {
        m.lossAndGradient(x, y);
      } finally {
        Nd.probe = null;
      }
      List<String> listed = new ArrayList<>();
      long flops = 0;
      for (StepFlops.Product p : StepFlops.products(cfg, batch)) {
        for (int i = 0; i < p.times(); i++) {
          listed.add(p.m() + "×" + p.n() + "×" + p.k());
        }
      }
      for (String s : made) {
        String[] d = s.split("×");
        flops += 2 * Long.parseLong(d[0]) * Long.parseLong(d[1]) * Long.parseLong(d[2]);
      }
      made.sort(null);
      listed.sort(null);
      assertEquals(listed, made, cfg + " batch " + batch);
      assertEquals(StepFlops.count(cfg, batch), flops, cfg + " batch " + batch);
    }
  }
}

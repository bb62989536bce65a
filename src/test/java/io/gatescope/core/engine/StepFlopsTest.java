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
   * wide), layer 1 reads a of layer 0 (64 wide). Two joint operands per layer, each in + 64 + 1
   * wide: [a | x | 1] for Γr, Γu (128 columns) and [Γr⊙a | x | 1] for c̃ (64 columns).
   *
   * <pre>
   * layer 0, operands 93 wide
   *   xa·[RWru;Wru;bru], 28×   [32,93]·[93,128]      28·2·32·128·93   = 21,331,968
   *   xa·[RWc;Wc;bc], 28×      [32,93]·[93,64]       28·2·32·64·93    = 10,665,984
   *   dzru·RWruᵀ, 27×          [32,128]·[128,64]     27·2·32·64·128   = 14,155,776
   *   dzc·RWcᵀ, 27×            [32,64]·[64,64]       27·2·32·64·64    =  7,077,888
   *   xaᵀ·dzru                 [896,93]ᵀ·[896,128]   2·93·128·896     = 21,331,968
   *   xaᵀ·dzc                  [896,93]ᵀ·[896,64]    2·93·64·896      = 10,665,984
   *                                                           sum      85,229,568
   * layer 1, operands 129 wide
   *   the two forward products, 28×     28·2·32·129·(128 + 64)        = 44,384,256
   *   the two xaᵀ·dz                    2·129·896·(128 + 64)          = 44,384,256
   *   dz·RWᵀ, 27× (as layer 0)          14,155,776 + 7,077,888        = 21,233,664
   *   ∂x for layer 0: dz·Wᵀ  [896,128]·[128,64] + [896,64]·[64,64]
   *                                     2·896·64·(128 + 64)           = 22,020,096
   *                                                           sum     132,022,272
   * output: a·Wy, aᵀ·dlogits, dlogits·Wyᵀ, each 2·32·10·64 = 40,960   =    122,880
   * step: 85,229,568 + 132,022,272 + 122,880                          = 217,374,720
   * </pre>
   */
  @Test
  void twoLayerGru() {
    assertEquals(217_374_720L, StepFlops.count(new ModelConfig(CellType.GRU, 2, 64, 0, 1, 1), 32));
  }

  /**
   * RNN, 1 layer, H = 100, P = 50, B = 1: a single image, the projection folded all the same; the
   * layer reads x (28 wide); n = H = 100; the joint operand is 100 + 28 + 1 = 129 wide.
   *
   * <pre>
   * forward   Wp·W             [28,50]·[50,100]      2·28·100·50    = 280,000
   *           bp·W             [1,50]·[50,100]       2·1·100·50     =  10,000
   *           xa·[RW;W;b], 28× [1,129]·[129,100]     28·2·100·129   = 722,400
   *           a·Wy             [1,100]·[100,10]      2·10·100       =   2,000
   *                                                         sum      1,014,400
   * backward  aᵀ·dlogits       [1,100]ᵀ·[1,10]       2·100·10·1     =   2,000
   *           dlogits·Wyᵀ      [1,10]·[10,100]       2·100·10       =   2,000
   *           dz·RWᵀ, 27×      [1,100]·[100,100]     27·2·100·100   = 540,000
   *           xaᵀ·dz           [28,129]ᵀ·[28,100]    2·129·100·28   = 722,400
   *           Wpᵀ·G            [28,50]ᵀ·[28,100]     2·50·100·28    = 280,000
   *           bpᵀ·Σdz          [1,50]ᵀ·[1,100]       2·50·100·1     =  10,000
   *           G·Wᵀ             [28,100]·[100,50]     2·28·50·100    = 280,000
   *           Σdz·Wᵀ           [1,100]·[100,50]      2·1·50·100     =  10,000
   *                                                         sum      1,846,400
   * step                                                             2,860,800
   * </pre>
   */
  @Test
  void rnnSingleImageWithProjection() {
    assertEquals(2_860_800L, StepFlops.count(new ModelConfig(CellType.RNN, 1, 100, 50, 1, 1), 1));
  }

  /**
   * What the engine really multiplies in a training step, recorded at its one BLAS call, is the
   * list StepFlops gives: the same shapes, as often. With a projection (folded) or none, no
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

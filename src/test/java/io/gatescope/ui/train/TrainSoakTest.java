package io.gatescope.ui.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.train.TrainingConfig;
import io.gatescope.ui.FxTestSupport;
import io.gatescope.ui.WorkbenchFixture;
import io.gatescope.ui.WorkbenchTestBase;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** 100 start/stop cycles of a tiny run: threads must not pile up, nor the heap keep growing. */
class TrainSoakTest extends WorkbenchTestBase {
  @Override
  protected String workspace() {
    return "Train";
  }

  /**
   * The smallest heap use seen over a few collections: native-memory bookkeeping (ND4J's pointer
   * objects are freed by a reference queue) makes a single reading swing by hundreds of MB.
   */
  static long usedHeapAfterGc() throws InterruptedException {
    long min = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(100);
      min = Math.min(min, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return min;
  }

  @Test
  void startStopCyclesLeaveNoThreadsAndNoGrowingHeap() throws Exception {
    WorkbenchFixture.awaitReady(wb);
    TrainingConfig tiny =
        TrainingConfig.builder()
            .model(new ModelConfig(CellType.LSTM, 1, 4, 0, 1, 1))
            .batch(32)
            .epochs(50)
            .trainSize(256)
            .testSize(64)
            .lrDecay(1)
            .build();
    FxTestSupport.run(() -> wb.trainVm.applyPreset(tiny));
    long[] heap = new long[4];
    int threadsBefore = 0;
    for (int cycle = 0; cycle < 100; cycle++) {
      int before = FxTestSupport.onFx(() -> wb.trainVm.history().runs().size());
      FxTestSupport.run(wb.trainVm::start);
      FxTestSupport.waitFor("iterations", 30, () -> !wb.trainVm.series().loss().isEmpty());
      FxTestSupport.run(wb.trainVm::stop);
      FxTestSupport.waitFor(
          "stopped",
          30,
          () ->
              !wb.trainVm.run().runningProperty().get()
                  && wb.trainVm.history().runs().size() == before + 1);
      if (cycle == 9) {
        Thread.sleep(200);
        threadsBefore = Thread.activeCount();
        heap[0] = usedHeapAfterGc();
      } else if (cycle == 39 || cycle == 69 || cycle == 99) {
        heap[(cycle + 1) / 30] = usedHeapAfterGc();
      }
    }
    Thread.sleep(200);
    int threadsAfter = Thread.activeCount();
    System.out.printf(
        "soak: threads after 10 cycles %d, after 100 %d; heap after GC at 10/40/70/100 cycles:"
            + " %d/%d/%d/%d MB%n",
        threadsBefore, threadsAfter, heap[0] >> 20, heap[1] >> 20, heap[2] >> 20, heap[3] >> 20);
    assertTrue(threadsAfter <= threadsBefore + 2, threadsBefore + " → " + threadsAfter);
    // Readings after GC still vary by a few hundred MB from run to run (300 cycles showed no
    // upward trend, see the issue note), so this guards against gross leaks only: a model or a
    // data copy kept per run would pass 1 GB long before run 100.
    assertTrue(heap[3] < 1L << 30, "heap after 100 runs: " + (heap[3] >> 20) + " MB");
  }
}

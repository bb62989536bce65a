package io.gatescope.ui.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.RecurrentClassifier;
import io.gatescope.ui.FxTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * Newest request wins, cancel and close, with the worker and the FX thread held by latches so the
 * order of events is fixed (no sleeps).
 */
class InferenceServiceTest {
  private static final RecurrentClassifier MODEL =
      RecurrentClassifier.create(new ModelConfig(CellType.LSTM, 1, 8, 4, 1.0, 3));
  private static final float[] A = image(0.1f);
  private static final float[] B = image(0.9f);
  private static final float[] C = image(0.5f);

  private InferenceService service;
  private final List<float[]> delivered = new ArrayList<>(); // FX thread only

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @BeforeEach
  void start() throws Exception {
    service = new InferenceService();
    FxTestSupport.run(() -> service.setModel(MODEL));
  }

  @AfterEach
  void stop() {
    service.shutdown();
  }

  private static float[] image(float level) {
    float[] img = new float[784];
    for (int i = 0; i < img.length; i++) {
      img[i] = (i % 28) < 14 ? level : 1 - level;
    }
    return img;
  }

  /** What the model itself says for the input: the result a request must deliver. */
  private static float[] expected(float[] input) {
    return MODEL.copy().trace(input).probabilities();
  }

  private void collect(GateTrace tr) {
    assertTrue(Platform.isFxApplicationThread(), "results arrive on the FX thread");
    delivered.add(tr.probabilities());
  }

  /** Holds the worker until the returned latch is released; returns once it is held. */
  private CountDownLatch holdWorker() throws InterruptedException {
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    service.submit(
        m -> {
          held.countDown();
          await(release);
        });
    assertTrue(held.await(30, TimeUnit.SECONDS));
    return release;
  }

  /** Holds the FX thread until the returned latch is released; returns once it is held. */
  private static CountDownLatch holdFx() throws InterruptedException {
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Platform.runLater(
        () -> {
          held.countDown();
          await(release);
        });
    assertTrue(held.await(30, TimeUnit.SECONDS));
    return release;
  }

  /** Waits until the worker has finished everything queued before this call. */
  private void drainWorker() throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    service.submit(m -> done.countDown());
    assertTrue(done.await(30, TimeUnit.SECONDS));
  }

  /** Waits until the FX thread has run everything posted before this call. */
  private List<float[]> deliveredSoFar() throws Exception {
    return FxTestSupport.onFx(() -> List.copyOf(delivered));
  }

  private static void await(CountDownLatch l) {
    try {
      assertTrue(l.await(30, TimeUnit.SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void aRequestOvertakenBeforeItStartsIsSkippedAndOnlyTheNewestArrives() throws Exception {
    assertTrue(expected(A)[0] != expected(B)[0], "the inputs give different answers");
    InferenceService.Channel ch = service.channel();
    CountDownLatch release = holdWorker();
    ch.trace(A, List.of(), this::collect);
    ch.trace(B, List.of(), this::collect);
    release.countDown();
    drainWorker();
    List<float[]> got = deliveredSoFar();
    assertEquals(1, got.size(), "only the newest request gave a result");
    assertArrayEquals(expected(B), got.get(0), 0f);
  }

  @Test
  void anOlderResultNeverOverwritesANewerOne() throws Exception {
    InferenceService.Channel ch = service.channel();
    CountDownLatch fx = holdFx();
    ch.trace(A, List.of(), this::collect);
    drainWorker(); // A is computed and its result waits for the FX thread
    ch.trace(B, List.of(), this::collect);
    drainWorker(); // B too, behind A
    fx.countDown();
    List<float[]> got = deliveredSoFar();
    assertEquals(1, got.size(), "A's result, overtaken by B, was dropped");
    assertArrayEquals(expected(B), got.get(0), 0f);

    // Requests that do not overtake each other each arrive, in order.
    ch.trace(C, List.of(), this::collect);
    drainWorker();
    deliveredSoFar(); // C's result has reached the FX thread before A is asked for
    ch.trace(A, List.of(), this::collect);
    drainWorker();
    got = deliveredSoFar();
    assertEquals(3, got.size());
    assertArrayEquals(expected(C), got.get(1), 0f);
    assertArrayEquals(expected(A), got.get(2), 0f);
  }

  @Test
  void cancelDropsPendingAndInFlightRequestsOfItsChannelOnly() throws Exception {
    InferenceService.Channel ch = service.channel();
    InferenceService.Channel other = service.channel();
    CountDownLatch release = holdWorker();
    ch.trace(A, List.of(), this::collect); // pending when cancelled
    other.trace(C, List.of(), this::collect);
    ch.cancel();
    release.countDown();
    drainWorker();
    List<float[]> got = deliveredSoFar();
    assertEquals(1, got.size(), "the other channel's request still arrives");
    assertArrayEquals(expected(C), got.get(0), 0f);

    CountDownLatch fx = holdFx();
    ch.trace(B, List.of(), this::collect);
    drainWorker(); // computed, its result waiting for the FX thread
    ch.cancel();
    fx.countDown();
    assertEquals(1, deliveredSoFar().size(), "a result cancelled in flight is dropped");

    ch.trace(B, List.of(), this::collect);
    drainWorker();
    got = deliveredSoFar();
    assertEquals(2, got.size(), "a request after cancel arrives");
    assertArrayEquals(expected(B), got.get(1), 0f);
  }

  @Test
  void closeDropsQueuedRequestsAndIgnoresLaterOnes() throws Exception {
    InferenceService.Channel ch = service.channel();
    CountDownLatch release = holdWorker();
    ch.trace(A, List.of(), this::collect); // queued behind the held job
    service.shutdown();
    release.countDown();
    // A request after close neither fails nor arrives.
    FxTestSupport.run(() -> ch.trace(B, List.of(), this::collect));
    List<Boolean> ran = new ArrayList<>();
    FxTestSupport.run(() -> service.submit(m -> ran.add(true)));
    assertEquals(0, deliveredSoFar().size());
    assertEquals(List.of(), ran);
  }

  @Test
  void aNewModelIsUsedByTheNextRequest() throws Exception {
    InferenceService.Channel ch = service.channel();
    RecurrentClassifier other =
        RecurrentClassifier.create(new ModelConfig(CellType.GRU, 1, 8, 4, 1.0, 9));
    assertTrue(other.trace(A).probabilities()[0] != expected(A)[0], "the models differ");
    List<Integer> changes = new ArrayList<>();
    FxTestSupport.run(
        () -> {
          service.onModelChanged(() -> changes.add(1));
          service.setModel(other);
        });
    assertEquals(List.of(1), changes, "views are told the model changed");
    ch.trace(A, List.of(), this::collect);
    drainWorker();
    List<float[]> got = deliveredSoFar();
    assertEquals(1, got.size());
    assertArrayEquals(other.copy().trace(A).probabilities(), got.get(0), 0f);
  }

  /**
   * Background work (a picture read, a teaching, a mistakes search) runs on the one worker, after
   * what was queued before it, never beside it on a thread of its own; its result arrives on the FX
   * thread.
   */
  @Test
  void backgroundWorkQueuesOnTheWorkerAndAnswersOnTheFxThread() throws Exception {
    List<String> order = new ArrayList<>(); // FX thread only
    CountDownLatch release = holdWorker();
    service.run(
        () -> Thread.currentThread().getName(),
        name -> {
          assertTrue(Platform.isFxApplicationThread());
          order.add("run on " + name);
        });
    service.compute(
        m -> m.trace(A).probabilities()[0], p -> order.add("compute " + (p == expected(A)[0])));
    assertEquals(List.of(), FxTestSupport.onFx(() -> List.copyOf(order)), "held behind the job");
    release.countDown();
    drainWorker();
    assertEquals(
        List.of("run on gatescope-inference", "compute true"),
        FxTestSupport.onFx(() -> List.copyOf(order)));
  }
}

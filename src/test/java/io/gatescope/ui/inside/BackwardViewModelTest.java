package io.gatescope.ui.inside;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.core.engine.BackwardTrace;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.RecurrentClassifier;
import io.gatescope.core.model.TrainingSummary;
import io.gatescope.ui.FxTestSupport;
import io.gatescope.ui.common.Input;
import io.gatescope.ui.common.ModelEntry;
import io.gatescope.ui.common.Session;
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
 * The backward view-model off the FX thread: newest request wins, results arrive on the FX thread,
 * nothing is computed while the view is hidden, and the default target rule. The worker is held by
 * a latch so the order of events is fixed (no sleeps).
 */
class BackwardViewModelTest {
  private static final RecurrentClassifier MODEL =
      RecurrentClassifier.create(new ModelConfig(CellType.LSTM, 1, 8, 4, 1.0, 3));
  private static final float[] A = image(0.1f);
  private static final float[] B = image(0.9f);

  private Session session;
  private BackwardViewModel bvm;
  private final List<BackwardTrace> delivered = new ArrayList<>(); // FX thread only

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @BeforeEach
  void start() throws Exception {
    FxTestSupport.run(
        () -> {
          session = new Session();
          session
              .models()
              .add(
                  new ModelEntry(
                      ModelEntry.Kind.TRAINED, "m", MODEL.copy(), TrainingSummary.none(), null));
          bvm = new BackwardViewModel(session, new InsideViewModel(session));
          bvm.resultProperty()
              .addListener(
                  (o, a, r) -> {
                    assertTrue(Platform.isFxApplicationThread(), "results arrive on FX");
                    if (r != null) {
                      delivered.add(r.trace());
                    }
                  });
        });
  }

  @AfterEach
  void stop() throws Exception {
    FxTestSupport.run(session::shutdown);
  }

  private static float[] image(float level) {
    float[] img = new float[784];
    for (int i = 0; i < img.length; i++) {
      img[i] = (i % 28) < 14 ? level : 1 - level;
    }
    return img;
  }

  private CountDownLatch holdWorker() throws InterruptedException {
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    session
        .inference()
        .submit(
            m -> {
              held.countDown();
              try {
                assertTrue(release.await(30, TimeUnit.SECONDS));
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    assertTrue(held.await(30, TimeUnit.SECONDS));
    return release;
  }

  /** Waits for the worker to finish what was queued, then for the FX thread to deliver it. */
  private List<BackwardTrace> settled() throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    session.inference().submit(m -> done.countDown());
    assertTrue(done.await(60, TimeUnit.SECONDS));
    return FxTestSupport.onFx(() -> List.copyOf(delivered));
  }

  @Test
  void onlyTheNewestRequestIsComputedAndDeliveredOnTheFxThread() throws Exception {
    FxTestSupport.run(() -> bvm.setShown(true));
    settled();
    FxTestSupport.run(delivered::clear);
    CountDownLatch release = holdWorker();
    FxTestSupport.run(() -> session.show(Input.drawing(A)));
    FxTestSupport.run(() -> session.show(Input.drawing(B)));
    release.countDown();
    List<BackwardTrace> got = settled();
    assertEquals(1, got.size(), "the overtaken request gave no result");
    assertArrayEquals(B, got.get(0).image(), 0f);
    int k = MODEL.copy().trace(B).prediction(); // a drawing has no true digit
    assertEquals(k, got.get(0).target());
    assertEquals(MODEL.copy().backwardTrace(B, k).loss(), got.get(0).loss(), 0);
  }

  @Test
  void nothingIsComputedWhileHiddenAndTheLatestInputOnceShown() throws Exception {
    FxTestSupport.run(() -> session.show(Input.drawing(A)));
    assertTrue(settled().isEmpty(), "hidden: no backward trace computed");
    FxTestSupport.run(() -> session.show(Input.drawing(B)));
    assertTrue(settled().isEmpty());
    FxTestSupport.run(() -> bvm.setShown(true));
    List<BackwardTrace> got = settled();
    assertEquals(1, got.size());
    assertArrayEquals(B, got.get(0).image(), 0f);
  }

  @Test
  void theDefaultTargetIsTheTrueDigitElseThePredictionAndAChoiceHoldsUntilTheInputChanges()
      throws Exception {
    FxTestSupport.run(() -> bvm.setShown(true));
    int wrong = (MODEL.copy().trace(A).prediction() + 1) % 10;
    FxTestSupport.run(() -> session.show(Input.testImage(3, A, wrong)));
    settled();
    assertEquals(
        new TargetChoice(wrong, TargetChoice.Why.TRUE_DIGIT),
        FxTestSupport.onFx(() -> bvm.targetProperty().get()));
    assertEquals(wrong, FxTestSupport.onFx(() -> bvm.trace().target()));
    int other = (wrong + 2) % 10;
    FxTestSupport.run(() -> bvm.choose(other));
    settled();
    assertEquals(other, FxTestSupport.onFx(() -> bvm.trace().target()));
    assertEquals(MODEL.copy().backwardTrace(A, other).loss(), bvm.trace().loss(), 0);
    // The chooser still names the default and why.
    assertEquals(
        new TargetChoice(wrong, TargetChoice.Why.TRUE_DIGIT),
        FxTestSupport.onFx(() -> bvm.targetChoices().get(wrong)));
    FxTestSupport.run(() -> session.show(Input.drawing(B)));
    settled();
    int p = MODEL.copy().trace(B).prediction();
    assertEquals(
        new TargetChoice(p, TargetChoice.Why.PREDICTION),
        FxTestSupport.onFx(() -> bvm.targetProperty().get()));
    assertEquals(p, FxTestSupport.onFx(() -> bvm.trace().target()));
  }

  @Test
  void noInputNoTrace() throws Exception {
    FxTestSupport.run(() -> bvm.setShown(true));
    settled();
    assertNull(FxTestSupport.onFx(bvm::trace));
  }

  @Test
  void theHighwayHasTheComparedCellsCurvesForTheSameDigitOrSaysHowToGetThem() throws Exception {
    FxTestSupport.run(() -> bvm.setShown(true));
    FxTestSupport.run(() -> session.show(Input.drawing(A)));
    settled();
    List<HighwaySeries> alone = FxTestSupport.onFx(() -> List.copyOf(bvm.highway()));
    assertEquals(
        List.of(HighwaySeries.Line.CELL, HighwaySeries.Line.HIDDEN),
        alone.stream().map(HighwaySeries::line).toList());
    assertArrayEquals(
        bvm.trace().norms(io.gatescope.core.engine.Quantity.CELL), alone.get(0).values(), 0);
    assertEquals(
        io.gatescope.core.Messages.get("inside.back.highway.none"),
        FxTestSupport.onFx(() -> bvm.highwayNoteProperty().get()));
    RecurrentClassifier gru =
        RecurrentClassifier.create(new ModelConfig(CellType.GRU, 1, 8, 4, 1.0, 5));
    RecurrentClassifier rnn =
        RecurrentClassifier.create(new ModelConfig(CellType.RNN, 1, 8, 4, 1.0, 6));
    FxTestSupport.run(
        () -> session.setComparisonModels(java.util.Map.of(CellType.GRU, gru, CellType.RNN, rnn)));
    settled();
    List<HighwaySeries> all = FxTestSupport.onFx(() -> List.copyOf(bvm.highway()));
    assertEquals(4, all.size());
    int k = bvm.trace().target();
    assertArrayEquals(
        gru.copy().backwardTrace(A, k).norms(io.gatescope.core.engine.Quantity.HIDDEN),
        all.get(2).values(),
        0);
    assertArrayEquals(
        rnn.copy().backwardTrace(A, k).norms(io.gatescope.core.engine.Quantity.HIDDEN),
        all.get(3).values(),
        0);
    assertEquals("", FxTestSupport.onFx(() -> bvm.highwayNoteProperty().get()));
  }
}

package io.gatescope.ui.lesson;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.Intervention;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.engine.RecurrentClassifier;
import io.gatescope.core.lesson.DrawingPicture;
import io.gatescope.core.lesson.Lesson;
import io.gatescope.core.lesson.LessonInput;
import io.gatescope.core.lesson.LessonStep;
import io.gatescope.core.lesson.LocalText;
import io.gatescope.ui.FxTestSupport;
import io.gatescope.ui.WorkbenchFixture;
import io.gatescope.ui.WorkbenchTestBase;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A lesson's drawing is read on the inference worker; if the lesson closes, or another step is
 * applied, before it is read, the late drawing shows nothing and its step's clamps are not applied
 * over what the window shows now.
 */
class LessonLatePictureTest extends WorkbenchTestBase {
  private static final String ENTRY = "pictures/drawing-1.png";

  @Override
  protected String workspace() {
    return "inside";
  }

  @Test
  void aDrawingReadAfterTheLessonClosedChangesNothing() throws Exception {
    WorkbenchFixture.awaitReady(wb);
    FxTestSupport.run(() -> wb.session.showTestImage(3));
    float[] before = FxTestSupport.onFx(() -> wb.session.inputProperty().get().clone());
    FxTestSupport.run(
        () -> {
          wb.lessonVm.open(lesson());
          wb.lessonVm.close(); // while the drawing is still being read
        });
    afterTheWorkersQueue();
    assertEquals(List.of(), FxTestSupport.onFx(() -> List.copyOf(wb.insideVm.interventions())));
    assertArrayEquals(before, FxTestSupport.onFx(() -> wb.session.inputProperty().get()));
  }

  @Test
  void aDrawingReadAfterTheNextStepWasAppliedLeavesThatStep() throws Exception {
    WorkbenchFixture.awaitReady(wb);
    FxTestSupport.run(
        () -> {
          wb.lessonVm.open(lesson());
          wb.lessonVm.next(); // step 2 (test image 5, no clamps) before step 1's drawing is read
        });
    afterTheWorkersQueue();
    assertEquals(1, FxTestSupport.onFx(() -> wb.lessonVm.indexProperty().get()));
    assertEquals(List.of(), FxTestSupport.onFx(() -> List.copyOf(wb.insideVm.interventions())));
    assertEquals(5, FxTestSupport.onFx(() -> wb.session.testIndexProperty().get()));
    assertFalse(
        Arrays.equals(
            DrawingPicture.rounded(drawn()),
            FxTestSupport.onFx(() -> wb.session.inputProperty().get())),
        "step 1's drawing is not shown at step 2");
    FxTestSupport.run(wb.lessonVm::close);
  }

  /**
   * A step's live numbers are its own input's: the trace of the image shown before, still on its
   * way when the lesson opened, arrives while the step's drawing is being read, and is not the one
   * the caption reads.
   */
  @Test
  void aStepsNumbersAreReadFromItsOwnInput() throws Exception {
    String caption =
        captionOfAStepAfterImage3(
            "P(1) = {P(1) @28}, a = {a[0] @28}",
            DrawingPicture.png(DrawingPicture.rounded(drawn())));
    RecurrentClassifier m = FxTestSupport.onFx(() -> wb.session.modelProperty().get().copy());
    GateTrace drawing = m.trace(DrawingPicture.rounded(drawn()));
    assertEquals(
        "P(1) = "
            + drawing.stepProbabilities()[27][1]
            + ", a = "
            + drawing.top(Quantity.HIDDEN)[27][0],
        caption);
  }

  /**
   * A step whose picture cannot be read quotes no number: "—" where each would be, not the numbers
   * of the image the window still shows.
   */
  @Test
  void aStepWhosePictureCannotBeReadQuotesNoNumber() throws Exception {
    assertEquals("P(1) = —", captionOfAStepAfterImage3("P(1) = {P(1) @28}", new byte[] {1, 2, 3}));
  }

  /**
   * The caption of a one-step lesson whose drawing is {@code png}, opened just after test image 3
   * was shown (its trace still on the worker), once the worker has done all that was asked.
   */
  private String captionOfAStepAfterImage3(String caption, byte[] png) throws Exception {
    WorkbenchFixture.awaitReady(wb);
    LessonStep s =
        step(
            "inside",
            new LessonInput.Drawing(ENTRY),
            -1,
            28,
            List.of(),
            new LocalText(caption, ""));
    Lesson l =
        new Lesson(
            "numbers",
            new LocalText("Numbers", ""),
            List.of(s),
            Map.of(ENTRY, png),
            Optional.empty());
    FxTestSupport.run(
        () -> {
          wb.session.showTestImage(3); // its trace is asked for, the drawing is read after it
          wb.lessonVm.open(l);
        });
    afterTheWorkersQueue(); // the picture read, and the step's trace asked for
    afterTheWorkersQueue(); // the step's trace
    String shown = FxTestSupport.onFx(() -> wb.lessonVm.captionProperty().get());
    FxTestSupport.run(wb.lessonVm::close);
    return shown;
  }

  /**
   * Record step pressed while the current step's picture is still being read: the step recorded is
   * what the window shows (test image 3), and the late picture does not replace it.
   */
  @Test
  void aStepRecordedWhileAPictureIsReadKeepsWhatTheWindowShows() throws Exception {
    WorkbenchFixture.awaitReady(wb);
    FxTestSupport.run(
        () -> {
          wb.lessonVm.open(lesson()); // step 1's drawing is read on the worker
          wb.session.showTestImage(3);
          wb.lessonVm.authoring().record();
        });
    afterTheWorkersQueue();
    afterTheWorkersQueue();
    assertEquals(3, FxTestSupport.onFx(() -> wb.session.testIndexProperty().get()));
    assertEquals(
        new LessonInput.TestImage(3),
        FxTestSupport.onFx(() -> wb.lessonVm.currentStep().input()),
        "the step recorded");
    FxTestSupport.run(wb.lessonVm::close);
  }

  /** Waits until what the inference worker had queued, and its hand-over to the window, is done. */
  private void afterTheWorkersQueue() throws Exception {
    AtomicBoolean done = new AtomicBoolean();
    FxTestSupport.run(() -> wb.session.inference().run(() -> null, r -> done.set(true)));
    FxTestSupport.waitFor("the worker's queue", 60, done::get);
  }

  /** Step 1: a drawing with unit 16 silenced; step 2: test image 5, nothing clamped. */
  private static Lesson lesson() {
    LessonStep drawing =
        step(
            "draw",
            new LessonInput.Drawing(ENTRY),
            16,
            9,
            List.of(Intervention.silence(0, 16)),
            new LocalText("Your seven.", "你的七。"));
    LessonStep image =
        step(
            "inside",
            new LessonInput.TestImage(5),
            -1,
            28,
            List.of(),
            new LocalText("A test image.", "一张测试图像。"));
    return new Lesson(
        "late-picture",
        new LocalText("Late", "迟到"),
        List.of(drawing, image),
        Map.of(ENTRY, DrawingPicture.png(DrawingPicture.rounded(drawn()))),
        Optional.empty());
  }

  /** A step without hidden controls, question or check. */
  private static LessonStep step(
      String workspace,
      LessonInput input,
      int unit,
      int timestep,
      List<Intervention> ivs,
      LocalText caption) {
    return new LessonStep(
        workspace,
        input,
        unit,
        timestep,
        ivs,
        List.of(),
        caption,
        LocalText.EMPTY,
        Optional.empty());
  }

  private static float[] drawn() {
    float[] p = new float[784];
    for (int r = 6; r < 22; r++) {
      p[r * 28 + 14] = 1f; // a stroke down the middle
    }
    return p;
  }
}

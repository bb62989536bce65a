package io.gatescope.ui.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.RecurrentClassifier;
import io.gatescope.core.lesson.Lesson;
import io.gatescope.core.lesson.ShippedLessons;
import io.gatescope.ui.FxTestSupport;
import io.gatescope.ui.common.ModelEntry;
import io.gatescope.ui.common.Session;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * A lesson's own model that arrives after the teacher moved on (another lesson opened, the lesson
 * closed) is not put in use: the opener is held by the test, so every arrival comes when the test
 * says.
 */
class LessonModelTest {
  private static final RecurrentClassifier NET =
      RecurrentClassifier.create(new ModelConfig(CellType.LSTM, 1, 8, 4, 1.0, 3));

  private Session session;
  private LessonModel model;
  private ModelEntry shipped;
  private ModelEntry users; // the model in use before any lesson
  private final List<Path> asked = new ArrayList<>(); // FX thread only
  private final List<CompletableFuture<Optional<ModelEntry>>> pending = new ArrayList<>();
  private final List<String> arrived = new ArrayList<>(); // the lessons whose `then` ran

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @BeforeEach
  void shelf() throws Exception {
    FxTestSupport.run(
        () -> {
          session = new Session();
          model = new LessonModel(session);
          shipped = entry(ModelEntry.Kind.SHIPPED, "shipped");
          users = entry(ModelEntry.Kind.FILE, "users");
          session.models().add(shipped);
          session.models().add(users);
        });
  }

  @AfterEach
  void stop() {
    session.shutdown();
  }

  private static ModelEntry entry(ModelEntry.Kind kind, String name) {
    return new ModelEntry(kind, name, NET, null, null);
  }

  /** Stands in for File ▸ Open: asked for a file, completes when the test says. */
  private CompletableFuture<Optional<ModelEntry>> opener(Path file) {
    asked.add(file);
    var f = new CompletableFuture<Optional<ModelEntry>>();
    pending.add(f);
    return f;
  }

  /** The k-th model asked for is read: on the shelf and in use, as File ▸ Open leaves it. */
  private ModelEntry arrive(int k, String name) throws Exception {
    ModelEntry e = entry(ModelEntry.Kind.FILE, name);
    FxTestSupport.run(
        () -> {
          session.models().add(e);
          pending.get(k).complete(Optional.of(e));
        });
    return e;
  }

  private static Lesson withModel(String id, byte mark) throws Exception {
    return ShippedLessons.load(id).withModel(Optional.of(new byte[] {'P', 'K', 3, 4, mark}));
  }

  private void open(Lesson l) throws Exception {
    FxTestSupport.run(() -> model.open(l, this::opener, ok -> arrived.add(l.id())));
  }

  /** The first lesson, with a model of its own, opened; its model file handed to the opener. */
  private void openFirst() throws Exception {
    open(withModel("reading-a-seven", (byte) 1));
    awaitAsked(1);
  }

  private void awaitAsked(int n) throws Exception {
    FxTestSupport.waitFor(n + " model files asked for", 30, () -> asked.size() == n);
  }

  private ModelEntry inUse() throws Exception {
    return FxTestSupport.onFx(() -> session.models().currentProperty().get());
  }

  @Test
  void aModelThatArrivesAfterAnotherLessonsModelLeavesThatOneInUse() throws Exception {
    openFirst();
    open(withModel("forget-gate", (byte) 2));
    awaitAsked(2);
    ModelEntry second = arrive(1, "second");
    assertSame(second, inUse());
    arrive(0, "first"); // late: the first lesson is gone
    assertSame(second, inUse(), "the open lesson's model stays in use");
    assertEquals(List.of("forget-gate"), FxTestSupport.onFx(() -> List.copyOf(arrived)));
    FxTestSupport.run(model::restore);
    assertSame(users, inUse(), "closing brings back the model from before either lesson");
  }

  @Test
  void aModelThatArrivesAfterTheLessonClosedLeavesTheModelInUse() throws Exception {
    openFirst();
    FxTestSupport.run(model::restore);
    arrive(0, "late");
    assertSame(users, inUse());
    assertEquals(List.of(), FxTestSupport.onFx(() -> List.copyOf(arrived)));
  }

  @Test
  void aModelThatArrivesAfterALessonWithoutOneLeavesTheShippedModelInUse() throws Exception {
    openFirst();
    Lesson plain = ShippedLessons.load("forget-gate");
    FxTestSupport.run(() -> model.useShipped(plain));
    assertSame(shipped, inUse());
    arrive(0, "late");
    assertSame(shipped, inUse(), "the lesson written for the shipped model reads it");
  }

  @Test
  void aLateModelDoesNotUndoAChoiceMadeAfterTheLessonClosed() throws Exception {
    openFirst();
    FxTestSupport.run(model::restore);
    FxTestSupport.run(() -> session.models().select(shipped)); // the teacher's own choice
    arrive(0, "late");
    assertSame(shipped, inUse());
  }

  @Test
  void aLessonStillInUseGetsItsModel() throws Exception {
    openFirst();
    ModelEntry own = arrive(0, "own");
    assertSame(own, inUse());
    assertEquals(List.of("reading-a-seven"), FxTestSupport.onFx(() -> List.copyOf(arrived)));
    FxTestSupport.run(model::restore);
    assertSame(users, inUse());
  }

  @Test
  void closingWhileTheNextLessonsModelIsOnItsWayBringsBackTheModelFromBeforeBoth()
      throws Exception {
    openFirst();
    arrive(0, "first");
    open(withModel("forget-gate", (byte) 2));
    awaitAsked(2);
    FxTestSupport.run(model::restore);
    assertSame(users, inUse(), "the first lesson's model does not outlive the lessons");
    arrive(1, "late");
    assertSame(users, inUse());
    assertEquals(
        io.gatescope.core.Messages.get("lesson.model.late", "What the forget gate keeps", "users"),
        FxTestSupport.onFx(() -> session.statusProperty().get()),
        "the status bar says which model stays, after the opener said it opened the late one");
  }

  @Test
  void closingAfterALessonOnTheShippedModelBringsBackTheModelFromBeforeAllThree() throws Exception {
    openFirst();
    arrive(0, "first");
    open(withModel("forget-gate", (byte) 2)); // left before its model came
    awaitAsked(2);
    Lesson plain = ShippedLessons.load("forget-gate");
    FxTestSupport.run(() -> model.useShipped(plain));
    assertSame(shipped, inUse());
    FxTestSupport.run(model::restore);
    assertSame(users, inUse());
  }

  @Test
  void savingWhileTheLessonsModelIsOnItsWayKeepsTheModelItCameWith() throws Exception {
    Lesson l = withModel("reading-a-seven", (byte) 1);
    open(l);
    awaitAsked(1);
    LessonModel.Carry carry = FxTestSupport.onFx(() -> model.carry(l, true));
    assertSame(l, carry.into(l), "the lesson's own bytes, not the model in use meanwhile");
    FxTestSupport.run(() -> model.carried(carry));
    ModelEntry own = arrive(0, "own");
    assertSame(own, inUse());
    FxTestSupport.run(model::restore);
    assertSame(users, inUse());
  }

  @Test
  void savingALessonWhoseModelWasRefusedCarriesTheModelInUse() throws Exception {
    openFirst();
    ModelEntry first = arrive(0, "first");
    Lesson second = withModel("forget-gate", (byte) 2);
    open(second);
    awaitAsked(2);
    FxTestSupport.run(() -> pending.get(1).complete(Optional.empty())); // refused
    assertSame(first, inUse());
    LessonModel.Carry carry = FxTestSupport.onFx(() -> model.carry(second, true));
    assertSame(first, carry.entry());
    assertEquals(false, carry.keep(), "the model in use is not the second lesson's own");
  }

  @Test
  void aLessonSavedWithTheModelInUseStillBringsBackTheModelFromBeforeTheLessons() throws Exception {
    Lesson first = withModel("reading-a-seven", (byte) 1);
    open(first);
    awaitAsked(1);
    FxTestSupport.run(() -> pending.get(0).complete(Optional.empty())); // refused
    LessonModel.Carry carry = FxTestSupport.onFx(() -> model.carry(first, true));
    assertSame(users, carry.entry());
    FxTestSupport.run(() -> model.carried(carry));
    open(withModel("forget-gate", (byte) 2));
    awaitAsked(2);
    arrive(1, "second");
    FxTestSupport.run(model::restore);
    assertSame(users, inUse());
  }

  @Test
  void aLessonLeftBeforeItsFileWasWrittenIsNotRead() throws Exception {
    Lesson first = withModel("reading-a-seven", (byte) 1);
    Lesson second = withModel("forget-gate", (byte) 2);
    FxTestSupport.run(
        () -> {
          model.open(first, this::opener, ok -> {});
          model.open(second, this::opener, ok -> {});
        });
    awaitAsked(1); // the worker writes the files in order: the first one's turn came first
    assertEquals("forget-gate.gatescope", asked.get(0).getFileName().toString());
  }
}

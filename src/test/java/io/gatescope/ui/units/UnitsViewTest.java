package io.gatescope.ui.units;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.gatescope.core.data.LabeledImages;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.engine.RecurrentClassifier;
import io.gatescope.core.inspect.PatternSearch;
import io.gatescope.core.inspect.PatternSelection;
import io.gatescope.core.inspect.StateMap;
import io.gatescope.core.inspect.TraceIndex;
import io.gatescope.core.inspect.UnitProfile;
import io.gatescope.ui.FxTestSupport;
import io.gatescope.ui.WorkbenchFixture;
import io.gatescope.ui.WorkbenchTestBase;
import io.gatescope.ui.common.Heatmap;
import io.gatescope.ui.common.ModelEntry;
import io.gatescope.ui.common.Workspace;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The Units workspace on the real window, with an index of the first test images only. */
class UnitsViewTest extends WorkbenchTestBase {
  static final int IMAGES = 300;

  @Override
  protected String workspace() {
    return "units";
  }

  UnitsViewModel units() {
    return wb.unitsVm;
  }

  /** MNIST and the model loaded, the index limited to IMAGES and built. */
  TraceIndex indexed() throws Exception {
    WorkbenchFixture.awaitReady(wb);
    FxTestSupport.run(
        () -> {
          units().index.limitImages(IMAGES);
          units().index.ensure();
        });
    FxTestSupport.waitFor("the index", 120, () -> units().index.indexProperty().get() != null);
    return FxTestSupport.onFx(() -> units().index.indexProperty().get());
  }

  LabeledImages test() throws Exception {
    return FxTestSupport.onFx(() -> wb.session.dataProperty().get().test());
  }

  RecurrentClassifier model() throws Exception {
    return FxTestSupport.onFx(() -> wb.session.modelProperty().get().copy());
  }

  List<Thumbnail> thumbnails(String gallery) throws Exception {
    return FxTestSupport.onFx(
        () ->
            ((javafx.scene.Parent) wb.shell.getScene().lookup("#" + gallery))
                .getChildrenUnmodifiable().stream().map(Thumbnail.class::cast).toList());
  }

  void awaitCard(int unit) throws Exception {
    FxTestSupport.waitFor(
        "the card of unit " + unit,
        60,
        () ->
            units().card.profileProperty().get() != null
                && units().card.profileProperty().get().unit() == unit);
  }

  @Test
  void theCardListsUnitProfilesTopImagesAndAThumbnailOpensInInside(FxRobot robot) throws Exception {
    TraceIndex index = indexed();
    FxTestSupport.run(() -> units().card.chooseUnit(5));
    awaitCard(5);
    UnitProfile shown = FxTestSupport.onFx(() -> units().card.profileProperty().get());
    UnitProfile expected =
        UnitProfile.of(index, model(), test(), Quantity.HIDDEN, 5, CardViewModel.TOP, false);
    assertEquals(expected.ranked(), shown.ranked());
    assertArrayEquals(expected.classMeans(), shown.classMeans());
    List<Thumbnail> thumbs = thumbnails("units-card-gallery");
    for (int i = 0; i < expected.ranked().size(); i++) {
      assertEquals(expected.ranked().get(i).testIndex(), thumbs.get(i).testIndex());
      assertEquals(expected.ranked().get(i).step(), thumbs.get(i).outlinedRow());
    }

    int first = expected.ranked().get(0).testIndex();
    robot.clickOn(FxTestSupport.centre(thumbs.get(0)), MouseButton.PRIMARY);
    FxTestSupport.waitFor(
        "Inside showing test image " + first,
        10,
        () ->
            wb.session.testIndexProperty().get() == first
                && wb.shell.selectedWorkspace() == Workspace.INSIDE);
  }

  @Test
  void aCardThatFailsSaysWhyInPlaceOfTheCardBeforeAndTheNextCardClearsIt() throws Exception {
    indexed();
    FxTestSupport.run(() -> units().card.chooseUnit(3));
    FxTestSupport.waitFor(
        "the card of unit 3", 60, () -> units().card.profileProperty().get() != null);
    FxTestSupport.run(
        () ->
            units()
                .card
                .profileWith(
                    job ->
                        m -> {
                          throw new IllegalStateException("no card today");
                        }));
    FxTestSupport.run(() -> units().card.chooseUnit(4));
    javafx.scene.control.Label failure =
        FxTestSupport.onFx(
            () -> (javafx.scene.control.Label) wb.shell.getScene().lookup("#units-card-failure"));
    FxTestSupport.waitFor("the card's failure", 60, () -> failure.isVisible());
    String words =
        io.gatescope.core.Messages.get(
            "units.card.failed",
            io.gatescope.ui.common.Failure.describe(new IllegalStateException("no card today")));
    assertEquals(words, FxTestSupport.onFx(failure::getText));
    assertEquals(words, FxTestSupport.onFx(() -> wb.session.statusProperty().get()));
    // Unit 3's images are not left under unit 4's failure.
    assertEquals(null, FxTestSupport.onFx(() -> units().card.profileProperty().get()));
    assertEquals(-1, thumbnails("units-card-gallery").get(0).testIndex());

    FxTestSupport.run(() -> units().card.profileWith(job -> job));
    FxTestSupport.run(() -> units().card.chooseUnit(5));
    awaitCard(5);
    assertFalse(FxTestSupport.onFx(failure::isVisible));
    assertFalse(FxTestSupport.onFx(failure::isManaged));
  }

  @Test
  void aBrushedRectangleFindsWhatPatternSearchFinds(FxRobot robot) throws Exception {
    TraceIndex index = indexed();
    Heatmap map = patternMapOfTestImage7(robot);
    Point2D from = FxTestSupport.onFx(() -> map.localToScreen(map.centerOf(10, 2)));
    Point2D to = FxTestSupport.onFx(() -> map.localToScreen(map.centerOf(20, 5)));
    robot.drag(from, MouseButton.PRIMARY).dropTo(to);
    FxTestSupport.waitFor(
        "the matches",
        60,
        () ->
            units().pattern.selectionProperty().get() != null
                && !units().pattern.matchesProperty().get().isEmpty());
    PatternSelection sel = FxTestSupport.onFx(() -> units().pattern.selectionProperty().get());
    assertArrayEquals(new int[] {2, 3, 4, 5}, sel.units());
    assertEquals(9, sel.fromStep());
    assertEquals(19, sel.toStep());
    double theta = FxTestSupport.onFx(() -> units().pattern.thetaProperty().get());
    List<PatternSearch.Match> expected =
        PatternSearch.threshold(index, model(), test(), sel, theta, PatternViewModel.MATCHES);
    assertEquals(expected, FxTestSupport.onFx(() -> units().pattern.matchesProperty().get()));
    List<Thumbnail> thumbs = thumbnails("units-match-gallery");
    assertEquals(expected.get(0).testIndex(), thumbs.get(0).testIndex());
  }

  @Test
  void theStateMapShowsStateMapsPointsAndThePathGrowsWithTheTimestep(FxRobot robot)
      throws Exception {
    indexed();
    FxTestSupport.run(
        () -> {
          wb.session.showTestImage(3);
          units().pageProperty().set(UnitsViewModel.Page.MAP);
        });
    FxTestSupport.waitFor("the state map", 120, () -> units().map.pathProperty().get() != null);
    StateMap shown = FxTestSupport.onFx(() -> units().map.mapProperty().get());
    StateMap expected =
        StateMap.build(model(), test(), IMAGES, Quantity.HIDDEN, p -> {}, () -> false);
    assertEquals(expected.images(), shown.images());
    for (int i = 0; i < expected.images(); i += 7) {
      for (int t = 0; t < 28; t++) {
        assertEquals(expected.x(i, t), shown.x(i, t), 0f);
        assertEquals(expected.y(i, t), shown.y(i, t), 0f);
      }
    }
    StateScatter scatter = robot.lookup("#units-state-map").queryAs(StateScatter.class);
    FxTestSupport.run(() -> wb.session.setTimestep(5));
    assertEquals(5, (int) FxTestSupport.onFx(scatter::pathPointsDrawn));
    FxTestSupport.run(() -> wb.session.setTimestep(20));
    assertEquals(20, (int) FxTestSupport.onFx(scatter::pathPointsDrawn));
  }

  @Test
  void aNewModelBuildsTheIndexAgainAndCancelStopsABuild() throws Exception {
    TraceIndex first = indexed();
    assertEquals(128, first.hidden());
    RecurrentClassifier small =
        RecurrentClassifier.create(new ModelConfig(CellType.LSTM, 1, 16, 16, 1, 3));
    FxTestSupport.run(
        () ->
            wb.session
                .models()
                .add(new ModelEntry(ModelEntry.Kind.TRAINED, "small", small, null, null)));
    FxTestSupport.waitFor(
        "the index of the new model",
        60,
        () ->
            units().index.indexProperty().get() != null
                && units().index.indexProperty().get().hidden() == 16);

    int startedBefore = FxTestSupport.onFx(() -> units().index.startedBuilds());
    int stoppedBefore = FxTestSupport.onFx(() -> units().index.stoppedBuilds());
    FxTestSupport.run(
        () -> {
          units().index.limitImages(10_000);
          wb.session.models().select(wb.session.models().entries().get(0));
        });
    // Under way: its job has begun on the lane (a signal, not a first progress report).
    FxTestSupport.waitFor(
        "the build under way", 60, () -> units().index.startedBuilds() > startedBefore);
    boolean building =
        FxTestSupport.onFx(
            () -> {
              units().index.cancel();
              return units().index.buildingProperty().get();
            });
    assertFalse(building);
    FxTestSupport.waitFor(
        "the build stopped", 30, () -> units().index.stoppedBuilds() > stoppedBefore);
  }

  @Test
  void insidesUnitCardButtonShowsThatUnitsCardInUnits() throws Exception {
    indexed();
    FxTestSupport.run(
        () -> {
          wb.session.show(io.gatescope.ui.common.Workspace.INSIDE);
          wb.insideVm.selectUnit(17);
        });
    FxTestSupport.run(
        () ->
            ((javafx.scene.control.Button) wb.shell.getScene().lookup("#inside-unit-card")).fire());
    FxTestSupport.waitFor(
        "the Units workspace",
        30,
        () ->
            wb.shell.tabs().getSelectionModel().getSelectedItem().getUserData()
                == io.gatescope.ui.common.Workspace.UNITS);
    assertEquals(17, (int) FxTestSupport.onFx(() -> units().card.unitProperty().get()));
  }

  /** A point of a canvas widget's canvas, on the screen. */
  static Point2D onScreen(javafx.scene.layout.Region widget, double x, double y) throws Exception {
    return FxTestSupport.onFx(() -> widget.getChildrenUnmodifiable().get(0).localToScreen(x, y));
  }

  @Test
  void aCardDoesNotWaitBehindTheLongLane() throws Exception {
    indexed();
    java.util.concurrent.CountDownLatch busy = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch holding = new java.util.concurrent.CountDownLatch(1);
    RecurrentClassifier model = FxTestSupport.onFx(() -> wb.session.modelProperty().get());
    try {
      // The long lane holds a job (as a state-map build would) until the card has come.
      FxTestSupport.run(
          () ->
              units()
                  .longLane()
                  .run(
                      model,
                      m -> {
                        holding.countDown();
                        try {
                          busy.await();
                        } catch (InterruptedException e) {
                          Thread.currentThread().interrupt();
                        }
                        return null;
                      },
                      r -> {},
                      e -> {}));
      holding.await();
      FxTestSupport.run(() -> units().card.chooseUnit(7));
      FxTestSupport.waitFor(
          "the card of unit 7 while the long lane is busy",
          60,
          () ->
              units().card.profileProperty().get() != null
                  && units().card.profileProperty().get().unit() == 7);
      assertEquals(1, busy.getCount(), "the long lane's job was still running");
    } finally {
      busy.countDown();
    }
  }

  @Test
  void theThetaSliderAndTheHistogramMoveTogetherAndTheSliderSearches(FxRobot robot)
      throws Exception {
    TraceIndex index = indexed();
    FxTestSupport.run(
        () -> {
          wb.session.showTestImage(7);
          units().pageProperty().set(UnitsViewModel.Page.PATTERN);
        });
    FxTestSupport.waitFor(
        "the shown digit's map", 30, () -> units().pattern.traceProperty().get() != null);
    FxTestSupport.run(() -> units().pattern.select(new int[] {2, 3, 4, 5}, 9, 19));
    FxTestSupport.waitFor(
        "the histogram", 60, () -> units().pattern.histogramProperty().get() != null);
    javafx.scene.control.Slider slider =
        robot.lookup("#units-theta-slider").queryAs(javafx.scene.control.Slider.class);
    HistogramChart chart = robot.lookup("#units-theta").queryAs(HistogramChart.class);
    var h = FxTestSupport.onFx(() -> units().pattern.histogramProperty().get());
    assertEquals(h.lo(), FxTestSupport.onFx(slider::getMin), 0);
    assertEquals(h.hi(), FxTestSupport.onFx(slider::getMax), 0);
    assertFalse(FxTestSupport.onFx(slider::isDisabled));

    double theta = h.lo() + (h.hi() - h.lo()) * 0.3;
    FxTestSupport.run(() -> slider.setValue(theta));
    assertEquals(theta, FxTestSupport.onFx(() -> units().pattern.thetaProperty().get()), 0);
    assertEquals(theta, FxTestSupport.onFx(chart::theta), 0);
    PatternSelection sel = FxTestSupport.onFx(() -> units().pattern.selectionProperty().get());
    List<PatternSearch.Match> expected =
        PatternSearch.threshold(index, model(), test(), sel, theta, PatternViewModel.MATCHES);
    FxTestSupport.waitFor(
        "the matches for the slider's θ",
        60,
        () -> expected.equals(units().pattern.matchesProperty().get()));

    // Dragging moves θ and the histogram's line, without a search per step.
    double dragged = h.lo() + (h.hi() - h.lo()) * 0.8;
    FxTestSupport.run(
        () -> {
          slider.setValueChanging(true);
          slider.setValue(dragged);
        });
    assertEquals(dragged, FxTestSupport.onFx(chart::theta), 0);
    assertEquals(expected, FxTestSupport.onFx(() -> units().pattern.matchesProperty().get()));
    FxTestSupport.run(() -> slider.setValueChanging(false));

    // A click on the histogram moves the slider.
    double x = FxTestSupport.onFx(() -> chart.xOf(h.lo() + (h.hi() - h.lo()) * 0.5));
    double y = FxTestSupport.onFx(() -> chart.getHeight() / 2);
    robot.clickOn(onScreen(chart, x, y), MouseButton.PRIMARY);
    double clicked = FxTestSupport.onFx(() -> units().pattern.thetaProperty().get());
    assertEquals(h.lo() + (h.hi() - h.lo()) * 0.5, clicked, (h.hi() - h.lo()) * 0.02);
    assertEquals(clicked, FxTestSupport.onFx(slider::getValue), 0);
  }

  @Test
  void hoveringAPointOfTheStateMapShowsThatPointsImage(FxRobot robot) throws Exception {
    indexed();
    FxTestSupport.run(
        () -> {
          wb.session.showTestImage(3);
          units().pageProperty().set(UnitsViewModel.Page.MAP);
        });
    FxTestSupport.waitFor("the state map", 120, () -> units().map.pathProperty().get() != null);
    StateScatter scatter = robot.lookup("#units-state-map").queryAs(StateScatter.class);
    StateMap map = FxTestSupport.onFx(() -> units().map.mapProperty().get());
    // A dot that is the nearest one at its own place, away from the path's end.
    StateScatter.Dot target = null;
    double[] at = null;
    for (int i = 40; i < map.images() && target == null; i += 3) {
      int img = i;
      double[] p = FxTestSupport.onFx(() -> scatter.toScreen(map.x(img, 27), map.y(img, 27)));
      StateScatter.Dot d = FxTestSupport.onFx(() -> scatter.dotAt(p[0], p[1]));
      if (new StateScatter.Dot(img, 27).equals(d)) {
        target = d;
        at = p;
      }
    }
    if (target == null) {
      throw new AssertionError("no dot of its own on the map");
    }
    StateScatter.Dot want = target;
    robot.moveTo(onScreen(scatter, at[0], at[1]));
    FxTestSupport.waitFor("the hovered dot", 10, () -> want.equals(scatter.hovered()));
    double[] box = FxTestSupport.onFx(scatter::thumbnailBox);
    javafx.scene.image.WritableImage shot =
        FxTestSupport.onFx(() -> scatter.getChildrenUnmodifiable().get(0).snapshot(null, null));
    float[] px = test().images().imageAsFloats(want.image());
    int differing = 0;
    for (int r = 0; r < 28; r++) {
      for (int c = 0; c < 28; c++) {
        double sx = box[0] + (c + 0.5) * box[2] / 28;
        double sy = box[1] + (r + 0.5) * box[2] / 28;
        double grey = shot.getPixelReader().getColor((int) sx, (int) sy).getBrightness();
        double expected = 1 - Math.max(0, Math.min(1, px[r * 28 + c]));
        differing += Math.abs(grey - expected) > 0.02 ? 1 : 0;
      }
    }
    assertEquals(0, differing, "pixels of the hovered dot's image drawn otherwise");
  }

  @Test
  void aBrushLetGoBelowTheMapKeepsTheRectangleAsLastDraggedOverTheCells(FxRobot robot)
      throws Exception {
    indexed();
    Heatmap map = patternMapOfTestImage7(robot);
    Point2D from = FxTestSupport.onFx(() -> map.localToScreen(map.centerOf(10, 120)));
    Point2D below =
        FxTestSupport.onFx(
            () -> map.localToScreen(map.centerOf(20, 127).getX(), map.getHeight() + 20));
    robot.drag(from, MouseButton.PRIMARY).dropTo(below);
    FxTestSupport.waitFor(
        "the selection", 10, () -> units().pattern.selectionProperty().get() != null);
    PatternSelection sel = FxTestSupport.onFx(() -> units().pattern.selectionProperty().get());
    assertEquals(9, sel.fromStep());
    assertEquals(120, sel.units()[0]);
    assertEquals(
        sel.units()[sel.units().length - 1],
        FxTestSupport.onFx(() -> map.brush().units()[map.brush().units().length - 1]));
  }

  /** The pattern page showing test image 7, its map laid out with data. */
  private Heatmap patternMapOfTestImage7(FxRobot robot) throws Exception {
    FxTestSupport.run(
        () -> {
          wb.session.showTestImage(7);
          units().pageProperty().set(UnitsViewModel.Page.PATTERN);
        });
    FxTestSupport.waitFor(
        "the shown digit's map", 30, () -> units().pattern.traceProperty().get() != null);
    Heatmap map = robot.lookup("#units-pattern-map").queryAs(Heatmap.class);
    FxTestSupport.waitFor(
        "the map laid out",
        10,
        () -> {
          Point2D c = map.centerOf(20, 5);
          return map.getWidth() > 100 && map.cellAt(c.getX(), c.getY()) != null;
        });
    return map;
  }
}

package io.gatescope.ui.inside;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.core.Messages;
import io.gatescope.core.data.LabeledImages;
import io.gatescope.core.engine.Batches;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.Intervention;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.engine.RecurrentClassifier;
import io.gatescope.core.engine.Softmax;
import io.gatescope.core.inspect.PatternSearch;
import io.gatescope.core.inspect.PatternSelection;
import io.gatescope.core.inspect.SilencingDrop;
import io.gatescope.core.inspect.TraceIndex;
import io.gatescope.core.inspect.UnitOrder;
import io.gatescope.ui.FxTestSupport;
import io.gatescope.ui.WorkbenchFixture;
import io.gatescope.ui.WorkbenchTestBase;
import io.gatescope.ui.common.Heatmap;
import io.gatescope.ui.common.ModelEntry;
import io.gatescope.ui.common.Workspace;
import io.gatescope.ui.units.PatternViewModel;
import io.gatescope.ui.units.UnitsViewModel;
import java.util.Arrays;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.control.MenuItem;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Inside's ways into Units: a map's unit number and a gate-statistics dot open the unit card, a
 * rectangle brushed on a map is searched in Units, and "Silence in Inside" silences the card's unit
 * of the top layer, also in a two-layer model.
 */
class InsideUnitLinksTest extends WorkbenchTestBase {
  static final int IMAGES = 300;

  @Override
  protected String workspace() {
    return "inside";
  }

  /** Inside's view (call on the FX thread). */
  InsideView inside() {
    return wb.insideView; // shown or not (a workspace not shown is out of the window)
  }

  /** The model and MNIST loaded, Units' index limited to IMAGES, test image i in six maps. */
  void showTestImage(int i) throws Exception {
    WorkbenchFixture.awaitReady(wb);
    FxTestSupport.run(
        () -> {
          wb.unitsVm.index.limitImages(IMAGES);
          wb.session.showTestImage(i);
        });
    FxTestSupport.waitFor("six maps", 30, () -> wb.insideVm.maps().size() == 6);
  }

  Heatmap laidOut(Quantity q) throws Exception {
    Heatmap hm = FxTestSupport.onFx(() -> inside().heatmap(q));
    FxTestSupport.waitFor(
        "the map laid out with data",
        10,
        () -> {
          if (hm.getWidth() < 100) {
            return false;
          }
          Point2D last = hm.centerOf(28, 0);
          return hm.cellAt(last.getX(), last.getY()) != null;
        });
    return hm;
  }

  /** The workspace on screen (call on the FX thread). */
  Workspace shownWorkspace() {
    return (Workspace) wb.shell.tabs().getSelectionModel().getSelectedItem().getUserData();
  }

  @Test
  void clickingAMapsUnitNumberOpensThatUnitsCardAndACellClickStillSelects(FxRobot robot)
      throws Exception {
    showTestImage(0);
    FxTestSupport.run(() -> wb.insideVm.orderKindProperty().set(UnitOrder.VARIANCE));
    Heatmap forget = laidOut(Quantity.FORGET);
    FxTestSupport.waitFor(
        "the variance order",
        10,
        () -> !Arrays.equals(wb.insideVm.orderProperty().get(), identity(128)));

    // A plain click on a cell selects it, as before: no card.
    Point2D cell = FxTestSupport.onFx(() -> forget.localToScreen(forget.centerOf(12, 9)));
    robot.clickOn(cell, MouseButton.PRIMARY);
    // Rows are about 2 px high here: the robot's whole pixel may be a row off.
    List<Integer> near =
        FxTestSupport.onFx(
            () -> {
              int[] o = wb.insideVm.orderProperty().get();
              return List.of(o[8], o[9], o[10]);
            });
    FxTestSupport.waitFor(
        "the clicked cell selected",
        10,
        () ->
            near.contains(wb.insideVm.selectedUnitProperty().get())
                && wb.session.timestepProperty().get() == 12);
    assertEquals(Workspace.INSIDE, FxTestSupport.onFx(this::shownWorkspace));

    // The pointer over a unit number: a hand, and the read-out says what a click does.
    int row = FxTestSupport.onFx(() -> forget.labelledRows()[3]);
    int unit = FxTestSupport.onFx(() -> wb.insideVm.orderProperty().get()[row]);
    assertEquals(
        Integer.toString(unit), FxTestSupport.onFx(() -> forget.unitLabel(row)), "the label");
    Point2D label = FxTestSupport.onFx(() -> forget.localToScreen(forget.unitLabelCenter(row)));
    robot.moveTo(label);
    FxTestSupport.waitFor(
        "the read-out of the unit number",
        10,
        () ->
            Messages.get("inside.hover.unitLabel", unit).equals(wb.insideVm.hoverProperty().get()));
    assertEquals(
        javafx.scene.Cursor.HAND,
        FxTestSupport.onFx(() -> forget.getChildrenUnmodifiable().get(0).getCursor()));

    robot.clickOn(label, MouseButton.PRIMARY);
    FxTestSupport.waitFor("the Units workspace", 30, () -> shownWorkspace() == Workspace.UNITS);
    assertEquals(unit, (int) FxTestSupport.onFx(() -> wb.unitsVm.card.unitProperty().get()));
    assertEquals(
        UnitsViewModel.Page.CARD, FxTestSupport.onFx(() -> wb.unitsVm.pageProperty().get()));
    assertEquals(unit, (int) FxTestSupport.onFx(() -> wb.insideVm.selectedUnitProperty().get()));
    FxTestSupport.waitFor(
        "the card of unit " + unit,
        120,
        () ->
            wb.unitsVm.card.profileProperty().get() != null
                && wb.unitsVm.card.profileProperty().get().unit() == unit);
  }

  @Test
  void aClickOnAGateStatisticsDotSelectsAndADoubleClickOpensItsCard(FxRobot robot)
      throws Exception {
    showTestImage(0);
    FxTestSupport.run(wb.insideVm::computeGateStatistics);
    FxTestSupport.waitFor(
        "the gate statistics", 120, () -> wb.insideVm.gateStatisticsProperty().get() != null);
    GateScatter scatter = FxTestSupport.onFx(() -> inside().gateScatter());
    // A dot that is the nearest to its own centre (not hidden under another unit's).
    int[] found = {-1};
    Point2D[] at = {null};
    FxTestSupport.run(
        () -> {
          for (Quantity q : List.of(Quantity.FORGET, Quantity.UPDATE, Quantity.OUTPUT)) {
            for (int u = 127; u >= 0 && found[0] < 0; u--) {
              Point2D p = scatter.dotOf(q, u);
              boolean own = true; // the nearest dot within 2 px around it, too
              for (int dx = -2; dx <= 2; dx++) {
                for (int dy = -2; dy <= 2; dy++) {
                  own &= scatter.nearest(p.getX() + dx, p.getY() + dy) == u;
                }
              }
              if (own) {
                found[0] = u;
                at[0] = p;
              }
            }
          }
        });
    int unit = found[0];
    assertTrue(unit >= 0, "a dot of its own");
    FxTestSupport.run(
        () -> {
          javafx.scene.Node n = scatter;
          while (!(n instanceof javafx.scene.control.ScrollPane)) {
            n = n.getParent();
          }
          ((javafx.scene.control.ScrollPane) n).setVvalue(1); // the plot in sight
        });
    java.util.concurrent.Callable<Point2D> screen =
        () ->
            FxTestSupport.onFx(
                () ->
                    scatter
                        .getChildrenUnmodifiable()
                        .get(0)
                        .localToScreen(at[0].getX(), at[0].getY()));
    robot.clickOn(screen.call(), MouseButton.PRIMARY);
    FxTestSupport.waitFor(
        "the dot's unit selected", 10, () -> wb.insideVm.selectedUnitProperty().get() == unit);
    assertEquals(Workspace.INSIDE, FxTestSupport.onFx(this::shownWorkspace));

    // The side column may have scrolled as the selection was drawn: the dot where it is now.
    Point2D[] was = {null};
    FxTestSupport.waitFor(
        "the plot at rest",
        10,
        () -> {
          Point2D p = scatter.getChildrenUnmodifiable().get(0).localToScreen(at[0]);
          boolean still = p.equals(was[0]);
          was[0] = p;
          return still;
        });
    robot.doubleClickOn(screen.call(), MouseButton.PRIMARY);
    FxTestSupport.waitFor("the Units workspace", 30, () -> shownWorkspace() == Workspace.UNITS);
    assertEquals(unit, (int) FxTestSupport.onFx(() -> wb.unitsVm.card.unitProperty().get()));
  }

  @Test
  void aRectangleBrushedOnAMapIsSearchedInUnits(FxRobot robot) throws Exception {
    showTestImage(7);
    FxTestSupport.run(() -> wb.insideVm.orderKindProperty().set(UnitOrder.VARIANCE));
    Heatmap forget = laidOut(Quantity.FORGET);
    FxTestSupport.waitFor(
        "the variance order",
        10,
        () -> !Arrays.equals(wb.insideVm.orderProperty().get(), identity(128)));
    int[] order = FxTestSupport.onFx(() -> wb.insideVm.orderProperty().get());
    Point2D from = FxTestSupport.onFx(() -> forget.localToScreen(forget.centerOf(10, 2)));
    Point2D to = FxTestSupport.onFx(() -> forget.localToScreen(forget.centerOf(20, 5)));
    robot.drag(from, MouseButton.PRIMARY).dropTo(to);
    FxTestSupport.waitFor("the offer", 10, () -> inside().patternOffer().isShowing());
    // The drag brushed; it did not click a cell.
    assertEquals(Workspace.INSIDE, FxTestSupport.onFx(this::shownWorkspace));
    // Rows are about 2 px high here: the robot's whole pixels may land a row off.
    Heatmap.Brush b = FxTestSupport.onFx(forget::brush);
    assertTrue(Math.abs(b.fromRow() - 2) <= 1 && Math.abs(b.toRow() - 5) <= 1, "rows " + b);
    int[] units = Arrays.copyOfRange(order, b.fromRow(), b.toRow() + 1);
    assertArrayEquals(units, b.units());
    assertEquals(10, b.fromStep());
    assertEquals(20, b.toStep());

    MenuItem find = FxTestSupport.onFx(() -> inside().patternOffer().getItems().get(0));
    assertEquals("inside-find-pattern", find.getId());
    FxTestSupport.run(
        () -> {
          find.fire();
          inside().patternOffer().hide();
        });
    FxTestSupport.waitFor("the Units workspace", 30, () -> shownWorkspace() == Workspace.UNITS);
    PatternSelection expectedSel = new PatternSelection(Quantity.FORGET, units, 9, 19);
    PatternViewModel p = wb.unitsVm.pattern;
    assertEquals(
        UnitsViewModel.Page.PATTERN, FxTestSupport.onFx(() -> wb.unitsVm.pageProperty().get()));
    assertEquals(expectedSel, FxTestSupport.onFx(() -> p.selectionProperty().get()));
    assertArrayEquals(order, FxTestSupport.onFx(() -> p.orderProperty().get()));
    FxTestSupport.waitFor(
        "Γf shown as the chosen quantity",
        10,
        () -> {
          var seg =
              (org.controlsfx.control.SegmentedButton)
                  wb.shell.getScene().lookup("#units-pattern-quantity");
          var chosen = seg == null ? null : seg.getToggleGroup().getSelectedToggle();
          return chosen != null && chosen.getUserData() == Quantity.FORGET;
        });
    assertEquals(null, FxTestSupport.onFx(forget::brush), "the brush went with the offer");

    FxTestSupport.waitFor("the matches", 120, () -> !p.matchesProperty().get().isEmpty());
    RecurrentClassifier model = FxTestSupport.onFx(() -> wb.session.modelProperty().get().copy());
    LabeledImages test = FxTestSupport.onFx(() -> wb.session.dataProperty().get().test());
    GateTrace tr = model.trace(test.images().imageAsFloats(7));
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int u : units) {
      for (int t = 9; t <= 19; t++) {
        lo = Math.min(lo, tr.top(Quantity.FORGET)[t][u]);
        hi = Math.max(hi, tr.top(Quantity.FORGET)[t][u]);
      }
    }
    double theta = lo + (hi - lo) / 2;
    assertEquals(theta, FxTestSupport.onFx(() -> p.thetaProperty().get()), 0);
    TraceIndex index = FxTestSupport.onFx(() -> wb.unitsVm.index.indexProperty().get());
    assertEquals(
        PatternSearch.threshold(index, model, test, expectedSel, theta, PatternViewModel.MATCHES),
        FxTestSupport.onFx(() -> p.matchesProperty().get()));
  }

  @Test
  void silenceInInsideSilencesTheTopLayersUnitOfATwoLayerModelAsTheDropMeasuredIt()
      throws Exception {
    showTestImage(4);
    RecurrentClassifier deep =
        RecurrentClassifier.create(new ModelConfig(CellType.LSTM, 2, 16, 16, 1, 5));
    FxTestSupport.run(
        () ->
            wb.session
                .models()
                .add(new ModelEntry(ModelEntry.Kind.TRAINED, "two layers", deep, null, null)));
    FxTestSupport.waitFor(
        "the two-layer model", 30, () -> wb.session.modelProperty().get() == deep);
    FxTestSupport.run(
        () -> {
          wb.session.show(Workspace.UNITS);
          wb.unitsVm.card.chooseUnit(3);
        });
    FxTestSupport.waitFor(
        "the drop of unit 3",
        120,
        () ->
            wb.unitsVm.card.dropProperty().get() != null
                && wb.unitsVm.card.dropProperty().get().unit() == 3);
    javafx.scene.control.Button silence =
        FxTestSupport.onFx(
            () -> (javafx.scene.control.Button) wb.shell.getScene().lookup("#units-silence"));
    assertEquals(false, FxTestSupport.onFx(silence::isDisabled));
    FxTestSupport.run(silence::fire);
    FxTestSupport.waitFor("Inside", 30, () -> shownWorkspace() == Workspace.INSIDE);

    List<Intervention> ivs = FxTestSupport.onFx(() -> List.copyOf(wb.insideVm.interventions()));
    assertEquals(List.of(Intervention.silence(1, 3)), ivs);
    assertEquals(
        Messages.get(
            "inside.iv",
            Quantity.HIDDEN.symbol(),
            0f,
            Messages.get("inside.iv.layer", Messages.get("inside.iv.units", "3"), 2)),
        FxTestSupport.onFx(() -> wb.insideVm.interventionsText()));
    LabeledImages test = FxTestSupport.onFx(() -> wb.session.dataProperty().get().test());
    RecurrentClassifier copy = deep.copy();
    GateTrace expected = copy.trace(test.images().imageAsFloats(4), ivs);
    FxTestSupport.waitFor(
        "Inside's trace with the silence",
        30,
        () ->
            wb.insideVm.traceProperty().get() != null
                && !wb.insideVm.traceProperty().get().interventions().isEmpty());
    GateTrace shown = FxTestSupport.onFx(() -> wb.insideVm.traceProperty().get());
    assertArrayEquals(expected.top(Quantity.HIDDEN)[27], shown.top(Quantity.HIDDEN)[27], 0f);
    assertEquals(0f, shown.top(Quantity.HIDDEN)[27][3], 0f);

    // The card's drop is the accuracy lost with Inside's very interventions.
    SilencingDrop d = FxTestSupport.onFx(() -> wb.unitsVm.card.dropProperty().get());
    int right = 0;
    for (int i = 0; i < d.images(); i++) {
      copy.forward(Batches.timeMajor(new float[][] {test.images().imageAsFloats(i)}), ivs);
      right += Softmax.argmax(copy.lastProbabilities()[0]) == test.label(i) ? 1 : 0;
    }
    assertEquals(right / (double) d.images(), d.silencedAccuracy(), 0);
  }

  static int[] identity(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    return a;
  }
}

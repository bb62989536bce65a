package io.gatescope.ui.inside;

import static io.gatescope.ui.common.Controls.heading;
import static io.gatescope.ui.common.Controls.keepWidth;
import static io.gatescope.ui.common.Controls.workspace;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.inspect.PatternSelection;
import io.gatescope.ui.common.DigitImage;
import io.gatescope.ui.common.Heatmap;
import io.gatescope.ui.common.Keys;
import io.gatescope.ui.common.Legend;
import io.gatescope.ui.common.StepStrip;
import java.util.function.IntConsumer;
import javafx.beans.Observable;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Inside workspace: one heatmap per gate and state, timestep × unit, a read-out at the pointer,
 * the equations of the selected cell, and interventions with the prediction before and after.
 */
public final class InsideView extends BorderPane {
  private final InsideViewModel vm;
  private final MapGrid maps;
  private final DigitImage digit = new DigitImage();
  private final StepStrip strip = new StepStrip();
  private final GateScatter scatter = new GateScatter();
  private final CellSection cell;
  private final EquationsBox equations;
  private final UnitLinks links;
  private final BackwardViewModel bvm;
  private final MapGrid backMaps;
  private final BackwardPanels backward;

  public InsideView(InsideViewModel vm, BackwardViewModel bvm) {
    this.vm = vm;
    this.bvm = bvm;
    this.backward = new BackwardPanels(bvm, vm);
    this.maps =
        new MapGrid(
            MapSource.forward(vm),
            new javafx.beans.property.SimpleStringProperty(
                Messages.get("inside.maps.links", Messages.get("inside.maps.hint"))));
    this.backMaps = new MapGrid(MapSource.backward(bvm), backward.mapsHint());
    maps.setId("inside-maps");
    backMaps.setId("inside-back-maps");
    this.cell = new CellSection(vm);
    this.equations = new EquationsBox(vm, bvm, cell.shownProperty());
    this.links = new UnitLinks(vm);
    workspace(this, "inside-view", "inside.css");
    setTop(buildTopBar());
    setLeft(buildSideColumn());
    setCenter(buildCentre());
    setBottom(buildBottom());
    bindKeys();
    bindRefresh();
  }

  /** The summary; the test image to show; how the units are sorted and coloured. */
  private HBox buildTopBar() {
    return InsideTopBar.build(vm);
  }

  private static final double SIDE_GAP = 6;

  /** The input, P(digit | rows 1..t) and the gate statistics; scrolls when the window is short. */
  private ScrollPane buildSideColumn() {
    digit.setPrefSize(140, 140);
    digit.setId("inside-digit");
    strip.setPrefSize(230, 100);
    strip.setId("inside-strip");
    strip.setOnStepSelect(vm::selectStep);
    scatter.setId("inside-scatter");
    scatter.setOnSelect(vm::selectUnit);
    scatter.setOnOpen(links::openUnitCard);
    Button compute =
        new Button(Messages.get("inside.compute"), new FontIcon("mdi2c-chart-scatter-plot"));
    compute.setId("inside-stats");
    compute.setTooltip(new Tooltip(Messages.get("inside.compute.tip")));
    compute.setOnAction(e -> vm.computeGateStatistics());
    keepWidth(compute);
    Label statsTitle = heading(Messages.get("inside.stats"));
    statsTitle.setWrapText(true);
    Label statsNote = wrapping(new Label(), 226);
    statsNote.getStyleClass().add("muted");
    statsNote.textProperty().bind(vm.statisticsStatusProperty());
    // 6 px between the side column's parts: at 1024×600 with a unit's equations below, the
    // gate-statistics row then still lies whole above the column's lower edge.
    VBox input = new VBox(SIDE_GAP, wrapping(heading(Messages.get("inside.input")), 226), digit);
    VBox stats = new VBox(8, new HBox(8, statsTitle, compute), scatter, statsNote);
    VBox rows = backward.rowsMattered();
    VBox triangle = backward.connectivity();
    forwardOnly(input, stats);
    backwardOnly(rows, triangle);
    VBox left =
        new VBox(
            SIDE_GAP,
            input,
            rows,
            wrapping(heading(Messages.get("inside.steps")), 226),
            strip,
            stats,
            triangle);
    left.setPadding(new Insets(4, 8, 8, 12));
    left.setPrefWidth(250);
    // Scrolls when the window is short, so the equations below are never pushed out of sight.
    ScrollPane leftScroll = new ScrollPane(left);
    leftScroll.setFitToWidth(true);
    leftScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    leftScroll.setMinHeight(0);
    leftScroll.setPrefViewportWidth(250);
    leftScroll.getStyleClass().add("plain-scroll");
    return leftScroll;
  }

  /** Shows the nodes only in Forward (the maps) or the cell view. */
  private void forwardOnly(Region... nodes) {
    for (Region n : nodes) {
      n.visibleProperty().bind(cell.shownProperty().isNotEqualTo(CellSection.Shown.BACKWARD));
      n.managedProperty().bind(n.visibleProperty());
    }
  }

  /** Shows the nodes only in Backward. */
  private void backwardOnly(Region... nodes) {
    for (Region n : nodes) {
      n.visibleProperty().bind(cell.shownProperty().isEqualTo(CellSection.Shown.BACKWARD));
      n.managedProperty().bind(n.visibleProperty());
    }
  }

  /**
   * The maps, their gradients, or the diagram of the selected cell (a double click on a map opens
   * it). The backward traces are computed only while Backward is shown.
   */
  private Node buildCentre() {
    maps.setOnOpenCell(cell::openCell);
    maps.setOnUnitLabel(links::openUnitCard, vm::hoverUnitLabel);
    maps.setOnBrush(links::offerPattern);
    backMaps.setOnOpenCell(cell::openCell);
    Node centre = cell.build(maps, backMaps, backward.bar(), this);
    cell.shownProperty().addListener((o, a, b) -> bvm.setShown(b == CellSection.Shown.BACKWARD));
    return centre;
  }

  /**
   * The equations of the selected cell (forward or backward), and the interventions with their
   * effect; in Backward the highway chart in their place (gradients know no interventions).
   */
  private HBox buildBottom() {
    VBox eqBox = buildEquations();
    // The cell view shows the same equations under its diagram: the room goes to the diagram.
    eqBox.visibleProperty().bind(cell.shownProperty().isNotEqualTo(CellSection.Shown.CELL));
    eqBox.managedProperty().bind(eqBox.visibleProperty());
    InterventionsPanel interventions = new InterventionsPanel(vm);
    interventions.setId("inside-interventions");
    forwardOnly(interventions);
    VBox highway = backward.highway();
    backwardOnly(highway);
    HBox bottom = new HBox(24, eqBox, interventions, highway);
    HBox.setHgrow(eqBox, Priority.ALWAYS);
    bottom.setPadding(new Insets(4, 12, 10, 12));
    return bottom;
  }

  private VBox buildEquations() {
    return equations.build(links::openUnitCard);
  }

  private void bindKeys() {
    Keys.bind(this, "Shortcut+Left", () -> vm.stepBy(-1));
    Keys.bind(this, "Shortcut+Right", () -> vm.stepBy(1));
    Keys.bind(this, "Shortcut+Up", () -> vm.unitBy(-1));
    Keys.bind(this, "Shortcut+Down", () -> vm.unitBy(1));
    Keys.bind(this, "Shortcut+Shift+U", links::openUnitCard);
  }

  private void bindRefresh() {
    vm.maps()
        .addListener(
            (Observable o) -> {
              maps.rebuild();
              refreshCursor();
            });
    vm.timestepProperty().addListener(o -> refreshCursor());
    vm.inputProperty().addListener(o -> refreshCursor());
    vm.selectedUnitProperty().addListener(o -> refreshCursor());
    maps.visibleProperty().addListener(o -> refreshCursor());
    backMaps.visibleProperty().addListener(o -> refreshCursor());
    bvm.maps()
        .addListener(
            (Observable o) -> {
              backMaps.rebuild();
              refreshCursor();
            });
    vm.gateStatisticsProperty().addListener(o -> refreshScatter());
    vm.selectedUnitProperty().addListener(o -> refreshScatter());
    maps.rebuild();
    refreshCursor();
  }

  private void refreshCursor() {
    int t = vm.timestepProperty().get();
    if (maps.isVisible()) { // hidden behind the cell diagram: marked when shown again
      maps.mark(t, vm.selectedUnitProperty().get());
    }
    if (backMaps.isVisible()) {
      backMaps.mark(t, vm.selectedUnitProperty().get());
    }
    digit.show(vm.inputProperty().get(), t, vm.reading());
    var tr = vm.traceProperty().get();
    strip.show(tr == null ? null : tr.stepProbabilities(), t);
  }

  private void refreshScatter() {
    scatter.show(vm.gateStatisticsProperty().get(), vm.selectedUnitProperty().get());
  }

  static String describe(Quantity q) {
    return switch (q) {
      case UPDATE -> Messages.get("quantity.update");
      case FORGET -> Messages.get("quantity.forget");
      case OUTPUT -> Messages.get("quantity.output");
      case RESET -> Messages.get("quantity.reset");
      case CANDIDATE -> Messages.get("quantity.candidate");
      case CELL -> Messages.get("quantity.cell");
      case HIDDEN -> Messages.get("quantity.hidden");
      case CELL_TANH -> Messages.get("quantity.cell_tanh");
    };
  }

  /** For tests: the heatmap of a quantity, if shown. */
  public Heatmap heatmap(Quantity q) {
    return maps.heatmap(q);
  }

  /** For tests: the heatmap of ∂L/∂q in Backward, if shown. */
  Heatmap backwardHeatmap(Quantity q) {
    return backMaps.heatmap(q);
  }

  /** For tests: the backward view's panels. */
  BackwardPanels backwardPanels() {
    return backward;
  }

  /** Shows the backward maps (as the Backward toggle does). */
  public void showBackward() {
    cell.shownProperty().set(CellSection.Shown.BACKWARD);
  }

  /** What the centre shows, as a lesson step names it: "maps", "backward" or "cell". */
  public String shownView() {
    return cell.shownProperty().get().name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Shows "maps" (Forward), "backward" or "cell" in the centre, as the toggle does. */
  public void showView(String view) {
    cell.shownProperty().set(CellSection.Shown.valueOf(view.toUpperCase(java.util.Locale.ROOT)));
  }

  /** For tests: the legend of a quantity's map, if shown. */
  public Legend legend(Quantity q) {
    return maps.legend(q);
  }

  /** What "Unit card" does with the selected unit (the window shows its card in Units). */
  public void setOnUnitCard(IntConsumer action) {
    links.setOnUnitCard(action);
  }

  /** What "Find this pattern" does with a selection brushed on a map and the maps' row order. */
  public void setOnFindPattern(java.util.function.BiConsumer<PatternSelection, int[]> action) {
    links.setOnFindPattern(action);
  }

  /** For tests: the offer made after a brush on a map ("Find this pattern"). */
  ContextMenu patternOffer() {
    return links.patternOffer();
  }

  /** For tests: the gate-statistics plot. */
  GateScatter gateScatter() {
    return scatter;
  }

  /** Shows the cell diagram of the selected unit at the current timestep in place of the maps. */
  public void showCellDiagram() {
    cell.openCell();
  }

  /** For tests: the cell section (toggle and diagram). */
  CellSection cellSection() {
    return cell;
  }

  /** For tests: the equations as shown. */
  public String equationsText() {
    return equations.text();
  }

  static Label wrapping(Label l, double maxWidth) {
    l.setWrapText(true);
    l.setMaxWidth(maxWidth);
    l.setMinHeight(Region.USE_PREF_SIZE);
    return l;
  }
}

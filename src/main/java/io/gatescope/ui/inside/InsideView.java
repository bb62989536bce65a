package io.gatescope.ui.inside;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.inspect.UnitOrder;
import io.gatescope.ui.common.Choices;
import io.gatescope.ui.common.DigitImage;
import io.gatescope.ui.common.Heatmap;
import io.gatescope.ui.common.Keys;
import io.gatescope.ui.common.Legend;
import io.gatescope.ui.common.Segments;
import io.gatescope.ui.common.StepStrip;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SegmentedButton;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Inside workspace: one heatmap per gate and state, timestep × unit, a read-out at the pointer,
 * the equations of the selected cell, and interventions with the prediction before and after.
 */
public final class InsideView extends BorderPane {
  private final InsideViewModel vm;
  private final GridPane grid = new GridPane();
  private final List<Heatmap> heatmaps = new ArrayList<>();
  private final List<Legend> legends = new ArrayList<>();
  private final DigitImage digit = new DigitImage();
  private final StepStrip strip = new StepStrip();
  private final GateScatter scatter = new GateScatter();
  private final List<Label> titles = new ArrayList<>();
  private final EquationText equations = new EquationText();
  private final Pane overlay = new Pane();
  private final Label readout = new Label();

  public InsideView(InsideViewModel vm) {
    this.vm = vm;
    setId("inside-view");
    getStyleClass().add("workspace");
    getStylesheets().add(InsideView.class.getResource("inside.css").toExternalForm());

    Label summary = new Label();
    summary.getStyleClass().add("section-title");
    summary.textProperty().bind(vm.summaryProperty());
    Spinner<Integer> index = new Spinner<>(0, 9999, 0);
    index.setEditable(true);
    index.setPrefWidth(90);
    Button show = new Button(Messages.get("inside.show"), new FontIcon("mdi2i-image-outline"));
    show.setTooltip(new Tooltip(Messages.get("inside.show.tip")));
    show.setOnAction(e -> vm.session().showTestImage(index.getValue()));
    vm.session() // the spinner follows the shown test image, whoever showed it
        .testIndexProperty()
        .addListener(
            (o, a, i) -> {
              if (i.intValue() >= 0) {
                index.getValueFactory().setValue(i.intValue());
              }
            });
    ComboBox<UnitOrder> order =
        new ComboBox<>(FXCollections.observableArrayList(UnitOrder.values()));
    order.valueProperty().bindBidirectional(vm.orderKindProperty());
    order.setTooltip(new Tooltip(Messages.get("inside.order.tip")));
    CheckBox shared = new CheckBox(Messages.get("inside.shared"));
    shared.selectedProperty().bindBidirectional(vm.sharedRangeProperty());
    shared.setTooltip(new Tooltip(Messages.get("inside.shared.tip")));
    HBox top =
        new HBox(
            10,
            summary,
            spacer(),
            new Label(Messages.get("draw.testIndex")),
            index,
            show,
            new Label(Messages.get("inside.units")),
            order,
            shared);
    top.setAlignment(Pos.CENTER_LEFT);
    top.setPadding(new Insets(8, 12, 4, 12));
    setTop(top);
    fitTopBar(top, summary);

    setLeft(buildSideColumn());
    setCenter(buildMaps());
    setBottom(buildBottom());
    bindKeys();

    vm.maps().addListener((Observable o) -> rebuild());
    vm.timestepProperty().addListener(o -> refreshCursor());
    vm.inputProperty().addListener(o -> refreshCursor());
    vm.selectedUnitProperty().addListener(o -> refreshCursor());
    vm.gateStatisticsProperty().addListener(o -> refreshScatter());
    vm.selectedUnitProperty().addListener(o -> refreshScatter());
    rebuild();
  }

  /**
   * Nothing in the top bar is cut: the controls keep their width, the summary takes what is left
   * and wraps onto a second line when that is not enough.
   */
  private static void fitTopBar(HBox top, Label summary) {
    for (javafx.scene.Node n : top.getChildren()) {
      if (n instanceof Region r && n != summary && HBox.getHgrow(n) == null) {
        r.setMinWidth(Region.USE_PREF_SIZE);
      }
    }
    summary.setWrapText(true);
    summary.setMinWidth(120);
    summary.setMinHeight(Region.USE_PREF_SIZE);
  }

  /** The input, P(digit | rows 1..t) and the gate statistics; scrolls when the window is short. */
  private ScrollPane buildSideColumn() {
    digit.setPrefSize(140, 140);
    strip.setPrefSize(230, 100);
    strip.setOnStepSelect(t -> vm.timestepProperty().set(t));
    scatter.setId("inside-scatter");
    scatter.setOnSelect(vm::selectUnit);
    Button compute =
        new Button(Messages.get("inside.compute"), new FontIcon("mdi2c-chart-scatter-plot"));
    compute.setId("inside-stats");
    compute.setTooltip(new Tooltip(Messages.get("inside.compute.tip")));
    compute.setOnAction(e -> vm.computeGateStatistics());
    compute.setMinWidth(Region.USE_PREF_SIZE);
    Label statsTitle = title(Messages.get("inside.stats"));
    statsTitle.setWrapText(true);
    Label statsNote = wrapping(new Label(), 226);
    statsNote.getStyleClass().add("muted");
    statsNote.textProperty().bind(vm.statisticsStatusProperty());
    VBox left =
        new VBox(
            8,
            wrapping(title(Messages.get("inside.input")), 226),
            digit,
            wrapping(title(Messages.get("inside.steps")), 226),
            strip,
            new HBox(8, statsTitle, compute),
            scatter,
            statsNote);
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

  /**
   * The maps, three by two, with one line on the axes under them, and the read-out that follows the
   * pointer over a map.
   */
  private StackPane buildMaps() {
    grid.setHgap(10);
    grid.setVgap(6);
    for (int c = 0; c < 3; c++) {
      ColumnConstraints cc = new ColumnConstraints();
      cc.setPercentWidth(100 / 3.0);
      grid.getColumnConstraints().add(cc);
    }
    for (int r = 0; r < 2; r++) {
      RowConstraints rc = new RowConstraints();
      rc.setPercentHeight(50);
      grid.getRowConstraints().add(rc);
    }
    Label axes = new Label(Messages.get("inside.maps.hint"));
    axes.getStyleClass().add("muted");
    axes.setWrapText(true);
    axes.setMinHeight(Region.USE_PREF_SIZE);
    VBox maps = new VBox(4, grid, axes);
    VBox.setVgrow(grid, Priority.ALWAYS);
    maps.setPadding(new Insets(4, 12, 4, 4));

    readout.setId("inside-hover");
    readout.getStyleClass().add("hover-readout");
    readout.setMouseTransparent(true);
    readout.textProperty().bind(vm.hoverProperty());
    readout.visibleProperty().bind(vm.hoverProperty().isNotEmpty());
    overlay.getChildren().add(readout);
    overlay.setMouseTransparent(true);
    overlay.setPickOnBounds(false);
    StackPane center = new StackPane(maps, overlay);
    center.setMinSize(0, 0);
    return center;
  }

  /** Places the read-out just below and right of the pointer, inside the maps' area. */
  private void placeReadout(MouseEvent e) {
    if (readout.getText().isEmpty()) {
      return;
    }
    Point2D p = overlay.sceneToLocal(e.getSceneX(), e.getSceneY());
    readout.applyCss();
    double w = readout.prefWidth(-1);
    double h = readout.prefHeight(w);
    double x = p.getX() + 14;
    double y = p.getY() + 16;
    if (x + w > overlay.getWidth()) {
      x = Math.max(0, p.getX() - 8 - w);
    }
    if (y + h > overlay.getHeight()) {
      y = Math.max(0, p.getY() - 8 - h);
    }
    readout.resizeRelocate(x, y, w, h);
  }

  /** The equations of the selected cell, and the interventions with their effect. */
  private HBox buildBottom() {
    equations.setId("inside-equations");
    vm.equationsProperty().addListener((o, a, b) -> equations.setText(b));
    equations.setText(vm.equationsProperty().get());
    Button prev = new Button(null, new FontIcon("mdi2c-chevron-left"));
    prev.setTooltip(new Tooltip(Messages.get("inside.prev.tip")));
    prev.setOnAction(e -> vm.stepBy(-1));
    Button next = new Button(null, new FontIcon("mdi2c-chevron-right"));
    next.setTooltip(new Tooltip(Messages.get("inside.next.tip")));
    next.setOnAction(e -> vm.stepBy(1));
    VBox eqBox =
        new VBox(4, new HBox(6, title(Messages.get("inside.equations")), prev, next), equations);
    eqBox.setMinWidth(0);

    VBox ivBox = buildInterventions();
    HBox bottom = new HBox(24, eqBox, ivBox);
    HBox.setHgrow(eqBox, Priority.ALWAYS);
    bottom.setPadding(new Insets(4, 12, 10, 12));
    return bottom;
  }

  private VBox buildInterventions() {
    ComboBox<Quantity> gate = new ComboBox<>();
    gate.valueProperty().bindBidirectional(vm.clampGateProperty());
    Choices.showAs(gate, q -> q.symbol() + " " + describe(q));
    vm.traceProperty()
        .addListener(
            o -> {
              List<Quantity> gates = vm.clampableGates();
              if (!gate.getItems().equals(gates)) {
                gate.getItems().setAll(gates);
                if (!gates.contains(vm.clampGateProperty().get()) && !gates.isEmpty()) {
                  vm.clampGateProperty().set(gates.get(0));
                }
              }
            });
    // Three values, all in view: the choice reads at a glance on a projector.
    SegmentedButton value =
        Segments.of(
            List.of(0.0, 0.5, 1.0),
            v -> java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString(),
            vm.clampValueProperty());
    value.setId("inside-clamp-value");
    value.setTooltip(new Tooltip(Messages.get("inside.clampValue.tip")));
    CheckBox onlySelected = new CheckBox(Messages.get("inside.selectedOnly"));
    onlySelected.selectedProperty().bindBidirectional(vm.clampSelectedOnlyProperty());
    onlySelected.setMinWidth(Region.USE_PREF_SIZE);
    Button clamp = new Button(Messages.get("inside.clamp"), new FontIcon("mdi2l-lock-outline"));
    clamp.setId("inside-clamp");
    clamp.setOnAction(e -> vm.applyClamp());
    clamp.setTooltip(new Tooltip(Messages.get("inside.clamp.tip")));
    Button silence = new Button(Messages.get("inside.silence"), new FontIcon("mdi2v-volume-off"));
    silence.setOnAction(e -> vm.silenceSelected());
    silence.setTooltip(new Tooltip(Messages.get("inside.silence.tip")));
    Button reset = new Button(Messages.get("inside.reset"), new FontIcon("mdi2r-restore"));
    reset.setId("inside-reset");
    reset.setOnAction(e -> vm.resetInterventions());
    reset.setTooltip(new Tooltip(Messages.get("inside.reset.tip")));
    for (Button b : List.of(clamp, silence, reset)) {
      b.setMinWidth(Region.USE_PREF_SIZE);
    }
    Label active = wrapping(new Label(), 380);
    active.getStyleClass().add("muted");
    vm.interventions().addListener((Observable o) -> active.setText(vm.interventionsText()));
    VBox ivBox =
        new VBox(
            4,
            title(Messages.get("inside.interventions")),
            centered(new HBox(6, gate, new Label("="), value, onlySelected)),
            new HBox(6, clamp, silence, reset),
            active,
            buildBeforeAfter());
    ivBox.setMinWidth(Region.USE_PREF_SIZE);
    return ivBox;
  }

  private static HBox centered(HBox row) {
    row.setAlignment(Pos.CENTER_LEFT);
    return row;
  }

  /** "Prediction before: 5 (96.1%) → after: 3 (54.2%)", shown while an intervention is active. */
  private HBox buildBeforeAfter() {
    Label before = new Label();
    before.setId("inside-prediction-before");
    before.getStyleClass().add("prediction-before");
    before.textProperty().bind(vm.predictionBeforeProperty());
    Label after = new Label();
    after.setId("inside-prediction-after");
    after.getStyleClass().add("prediction-after");
    after.textProperty().bind(vm.predictionAfterProperty());
    Label heading = new Label(Messages.get("inside.prediction"));
    heading.getStyleClass().add("muted");
    HBox row = new HBox(8, heading, before, new Label("→"), after);
    row.setAlignment(Pos.BASELINE_LEFT);
    for (javafx.scene.Node n : row.getChildren()) {
      ((Region) n).setMinWidth(Region.USE_PREF_SIZE);
    }
    row.visibleProperty().bind(vm.predictionAfterProperty().isNotEmpty());
    row.managedProperty().bind(row.visibleProperty());
    return row;
  }

  private void bindKeys() {
    Keys.bind(this, "Shortcut+Left", () -> vm.stepBy(-1));
    Keys.bind(this, "Shortcut+Right", () -> vm.stepBy(1));
    Keys.bind(this, "Shortcut+Up", () -> vm.unitBy(-1));
    Keys.bind(this, "Shortcut+Down", () -> vm.unitBy(1));
  }

  private void rebuild() {
    List<InsideViewModel.MapData> maps = vm.maps();
    if (heatmaps.size() != maps.size()) {
      grid.getChildren().clear();
      heatmaps.clear();
      legends.clear();
      titles.clear();
      for (int i = 0; i < maps.size(); i++) {
        Heatmap hm = new Heatmap();
        hm.addEventHandler(MouseEvent.MOUSE_MOVED, this::placeReadout);
        Legend lg = new Legend();
        Label t = new Label();
        t.getStyleClass().add("map-title");
        t.setWrapText(true);
        // The heading wraps (or the legend moves under it) rather than being cut.
        FlowPane head = new FlowPane(4, 2, t, lg);
        head.getStyleClass().add("map-head");
        head.setAlignment(Pos.CENTER_LEFT);
        head.setMinWidth(0);
        VBox box = new VBox(2, head, hm);
        t.maxWidthProperty().bind(box.widthProperty().subtract(12));
        head.prefWrapLengthProperty().bind(box.widthProperty().subtract(12));
        VBox.setVgrow(hm, Priority.ALWAYS);
        box.getStyleClass().add("map-panel");
        box.setMinSize(0, 0);
        grid.add(box, i % 3, i / 3);
        heatmaps.add(hm);
        legends.add(lg);
        titles.add(t);
      }
    }
    for (int i = 0; i < maps.size(); i++) {
      InsideViewModel.MapData m = maps.get(i);
      Heatmap hm = heatmaps.get(i);
      hm.setId("map-" + m.quantity().key());
      hm.show(m.values(), vm.orderProperty().get(), m.map(), m.lo(), m.hi());
      hm.setOnCellHover(
          c -> {
            if (c != null) {
              vm.hoverAt(m.quantity(), c.step(), c.unit(), c.value());
            } else {
              vm.clearHover();
            }
          });
      hm.setOnCellClick(c -> vm.select(c.step(), c.unit()));
      legends.get(i).show(m.map(), m.lo(), m.hi());
      titles.get(i).setText(m.quantity().symbol() + "  " + describe(m.quantity()));
    }
    refreshCursor();
  }

  private void refreshCursor() {
    int t = vm.timestepProperty().get();
    for (Heatmap hm : heatmaps) {
      hm.stepCursorProperty().set(t);
      hm.select(t, vm.selectedUnitProperty().get());
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
    for (int i = 0; i < vm.maps().size() && i < heatmaps.size(); i++) {
      if (vm.maps().get(i).quantity() == q) {
        return heatmaps.get(i);
      }
    }
    return null;
  }

  /** For tests: the legend of a quantity's map, if shown. */
  public Legend legend(Quantity q) {
    Heatmap hm = heatmap(q);
    return hm == null ? null : legends.get(heatmaps.indexOf(hm));
  }

  /** For tests: the equations as shown. */
  public String equationsText() {
    return equations.text();
  }

  private static Label title(String s) {
    Label l = new Label(s);
    l.getStyleClass().add("section-title");
    return l;
  }

  private static Label wrapping(Label l, double maxWidth) {
    l.setWrapText(true);
    l.setMaxWidth(maxWidth);
    l.setMinHeight(Region.USE_PREF_SIZE);
    return l;
  }

  private static Region spacer() {
    Region r = new Region();
    HBox.setHgrow(r, Priority.ALWAYS);
    return r;
  }
}

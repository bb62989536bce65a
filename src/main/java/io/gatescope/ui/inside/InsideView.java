package io.gatescope.ui.inside;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.inspect.UnitOrder;
import io.gatescope.ui.common.Choices;
import io.gatescope.ui.common.DigitImage;
import io.gatescope.ui.common.Heatmap;
import io.gatescope.ui.common.Keys;
import io.gatescope.ui.common.Legend;
import io.gatescope.ui.common.StepStrip;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Inside workspace: one heatmap per gate and state, timestep × unit, and the equations. */
public final class InsideView extends BorderPane {
  private final InsideViewModel vm;
  private final GridPane grid = new GridPane();
  private final List<Heatmap> heatmaps = new ArrayList<>();
  private final List<Legend> legends = new ArrayList<>();
  private final DigitImage digit = new DigitImage();
  private final StepStrip strip = new StepStrip();
  private final GateScatter scatter = new GateScatter();

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

    digit.setPrefSize(140, 140);
    Label hover = new Label();
    hover.setId("inside-hover");
    hover.getStyleClass().add("mono");
    hover.setWrapText(true);
    hover.setMaxWidth(226);
    hover.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    hover.textProperty().bind(vm.hoverProperty());
    strip.setPrefSize(230, 100);
    strip.setOnStepSelect(t -> vm.timestepProperty().set(t));
    scatter.setOnSelect(vm::selectUnit);
    Button compute =
        new Button(Messages.get("inside.compute"), new FontIcon("mdi2c-chart-scatter-plot"));
    compute.setId("inside-stats");
    compute.setTooltip(new Tooltip(Messages.get("inside.compute.tip")));
    compute.setOnAction(e -> vm.computeGateStatistics());
    Keys.bind(this, "Shortcut+Left", () -> vm.stepBy(-1));
    Keys.bind(this, "Shortcut+Right", () -> vm.stepBy(1));
    Keys.bind(this, "Shortcut+Up", () -> vm.unitBy(-1));
    Keys.bind(this, "Shortcut+Down", () -> vm.unitBy(1));
    Label statsNote = new Label();
    statsNote.getStyleClass().add("muted");
    statsNote.setWrapText(true);
    statsNote.setMaxWidth(226);
    statsNote.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    statsNote.textProperty().bind(vm.statisticsStatusProperty());
    vm.gateStatisticsProperty().addListener(o -> refreshScatter());
    vm.selectedUnitProperty().addListener(o -> refreshScatter());
    VBox left =
        new VBox(
            8,
            title(Messages.get("inside.input")),
            digit,
            title(Messages.get("inside.steps")),
            strip,
            hover,
            new HBox(8, title(Messages.get("inside.stats")), compute),
            scatter,
            statsNote);
    left.setPadding(new Insets(4, 8, 8, 12));
    left.setPrefWidth(250);
    // Scrolls when the window is short, so the equations below are never pushed out of sight.
    javafx.scene.control.ScrollPane leftScroll = new javafx.scene.control.ScrollPane(left);
    leftScroll.setFitToWidth(true);
    leftScroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
    leftScroll.setMinHeight(0);
    leftScroll.setPrefViewportWidth(250);
    leftScroll.getStyleClass().add("plain-scroll");
    setLeft(leftScroll);

    grid.setHgap(10);
    grid.setVgap(6);
    grid.setPadding(new Insets(4, 12, 4, 4));
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
    setCenter(grid);

    Label eq = new Label();
    eq.setId("inside-equations");
    eq.getStyleClass().add("mono");
    eq.textProperty().bind(vm.equationsProperty());
    eq.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // seven lines, never cut
    Button prev = new Button(null, new FontIcon("mdi2c-chevron-left"));
    prev.setTooltip(new Tooltip(Messages.get("inside.prev.tip")));
    prev.setOnAction(e -> vm.stepBy(-1));
    Button next = new Button(null, new FontIcon("mdi2c-chevron-right"));
    next.setTooltip(new Tooltip(Messages.get("inside.next.tip")));
    next.setOnAction(e -> vm.stepBy(1));
    VBox eqBox = new VBox(4, new HBox(6, title(Messages.get("inside.equations")), prev, next), eq);

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
    ComboBox<Double> value = new ComboBox<>(FXCollections.observableArrayList(0.0, 0.5, 1.0));
    value.valueProperty().bindBidirectional(vm.clampValueProperty());
    CheckBox onlySelected = new CheckBox(Messages.get("inside.selectedOnly"));
    onlySelected.selectedProperty().bindBidirectional(vm.clampSelectedOnlyProperty());
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
    Label active = new Label();
    active.getStyleClass().add("muted");
    vm.interventions().addListener((Observable o) -> active.setText(vm.interventionsText()));
    VBox ivBox =
        new VBox(
            4,
            title(Messages.get("inside.interventions")),
            new HBox(6, gate, new Label("="), value, onlySelected),
            new HBox(6, clamp, silence, reset),
            active);
    HBox bottom = new HBox(24, eqBox, ivBox);
    HBox.setHgrow(eqBox, Priority.ALWAYS);
    bottom.setPadding(new Insets(4, 12, 10, 12));
    setBottom(bottom);

    vm.maps().addListener((Observable o) -> rebuild());
    vm.timestepProperty().addListener(o -> refreshCursor());
    vm.inputProperty().addListener(o -> refreshCursor());
    vm.selectedUnitProperty().addListener(o -> refreshCursor());
    rebuild();
  }

  private void rebuild() {
    List<InsideViewModel.MapData> maps = vm.maps();
    if (heatmaps.size() != maps.size()) {
      grid.getChildren().clear();
      heatmaps.clear();
      legends.clear();
      for (int i = 0; i < maps.size(); i++) {
        Heatmap hm = new Heatmap();
        Legend lg = new Legend();
        Label t = new Label();
        t.getStyleClass().add("map-title");
        Label axis = new Label(Messages.get("inside.axes"));
        axis.getStyleClass().add("muted");
        HBox head = new HBox(8, t, spacer(), lg);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(2, head, hm, axis);
        VBox.setVgrow(hm, Priority.ALWAYS);
        box.getStyleClass().add("map-panel");
        grid.add(box, i % 3, i / 3);
        heatmaps.add(hm);
        legends.add(lg);
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
            }
          });
      hm.setOnCellClick(c -> vm.select(c.step(), c.unit()));
      legends.get(i).show(m.map(), m.lo(), m.hi());
      VBox box = (VBox) grid.getChildren().get(i);
      HBox head = (HBox) box.getChildren().get(0);
      ((Label) head.getChildren().get(0))
          .setText(m.quantity().symbol() + "  " + describe(m.quantity()));
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

  private static Label title(String s) {
    Label l = new Label(s);
    l.getStyleClass().add("section-title");
    return l;
  }

  private static javafx.scene.layout.Region spacer() {
    javafx.scene.layout.Region r = new javafx.scene.layout.Region();
    HBox.setHgrow(r, Priority.ALWAYS);
    return r;
  }
}

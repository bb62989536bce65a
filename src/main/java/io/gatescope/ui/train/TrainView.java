package io.gatescope.ui.train;

import io.gatescope.core.Messages;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;

/** The Train workspace: hyperparameters, run controls, live charts and the run list. */
public final class TrainView extends BorderPane {
  private final FormPane form;
  private final RunControls controls;
  private final TrainCharts charts;
  private final RunListPane runList;
  private final ProbeField probes;
  private final TimeLapsePane timeLapse;

  public TrainView(TrainViewModel vm) {
    this.form = new FormPane(vm);
    this.controls = new RunControls(vm);
    this.charts = new TrainCharts(vm);
    this.runList = new RunListPane(vm.history());
    this.probes = new ProbeField(vm.timeLapse());
    this.timeLapse = new TimeLapsePane(vm.timeLapse());
    setId("train-view");
    getStyleClass().add("workspace");
    getStylesheets().add(TrainView.class.getResource("train.css").toExternalForm());
    setLeft(buildLeftColumn());
    setCenter(buildCenter());
    charts.onLossClick(vm.timeLapse()::selectNearest);
  }

  /** Left: the preset, the form (scrolls), its reasons and the run buttons (always in view). */
  private Node buildLeftColumn() {
    ScrollPane formScroll = buildFormScroll();
    VBox left =
        new VBox(
            8,
            title(Messages.get("train.hyperparameters")),
            form.buildPreset(),
            formScroll,
            form.buildReasons(),
            probes.buildReason(),
            controls.buildButtons(this));
    VBox.setVgrow(formScroll, Priority.ALWAYS);
    left.setPadding(new Insets(10, 10, 10, 12));
    left.setPrefWidth(290);
    left.setMinWidth(250);
    return left;
  }

  /** As tall as the form when there is room (the buttons right under it), else shorter. */
  private ScrollPane buildFormScroll() {
    probes.addTo(form.grid()); // the time-lapse's probe digits, the form's last row
    ScrollPane formScroll = new ScrollPane(FormValidation.decorated(form.grid()));
    formScroll.setId("train-form-scroll");
    formScroll.setFitToWidth(true);
    formScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    formScroll.getStyleClass().add("edge-to-edge");
    formScroll.setMaxHeight(Region.USE_PREF_SIZE);
    formScroll.setMinHeight(80);
    return formScroll;
  }

  /**
   * Center: the run's status (and the time-lapse's toggle once there are frames) over a 2 × 2 grid
   * of the charts and the run list; the time-lapse, when shown, takes the grid's lower row.
   */
  private Node buildCenter() {
    Node grid = buildChartGrid();
    VBox center = new VBox(8, controls.buildStatus(timeLapse.buildToggle()), grid);
    VBox.setVgrow(grid, Priority.ALWAYS);
    center.setPadding(new Insets(10, 12, 10, 4));
    return center;
  }

  private Node buildChartGrid() {
    GridPane grid = new GridPane();
    grid.setHgap(8);
    grid.setVgap(8);
    List<Node> panes = charts.panes();
    grid.add(panes.get(0), 0, 0);
    grid.add(panes.get(1), 1, 0);
    Node runs = runList.build();
    grid.add(panes.get(2), 0, 1);
    grid.add(runs, 1, 1);
    // Under the loss chart (click it to pick a frame) and the accuracy chart, when shown.
    Node lapse = timeLapse.build();
    grid.add(lapse, 0, 1, 2, 1);
    for (Node n : List.of(panes.get(2), runs)) {
      n.visibleProperty().bind(timeLapse.showing().not());
      n.managedProperty().bind(n.visibleProperty());
    }
    for (int i = 0; i < 2; i++) {
      RowConstraints rc = new RowConstraints();
      rc.setPercentHeight(50);
      rc.setVgrow(Priority.ALWAYS);
      grid.getRowConstraints().add(rc);
      ColumnConstraints cc = new ColumnConstraints();
      cc.setPercentWidth(50);
      cc.setHgrow(Priority.ALWAYS);
      grid.getColumnConstraints().add(cc);
    }
    for (Node n : grid.getChildren()) {
      GridPane.setHgrow(n, Priority.ALWAYS);
      GridPane.setVgrow(n, Priority.ALWAYS);
    }
    grid.setMinHeight(0);
    return grid;
  }

  /** What Export CSV would write now (for tests). */
  List<Run> exportTargets() {
    return runList.exportTargets();
  }

  /** Brings the charts up to date now instead of at the next pulse (for tests). */
  void flushCharts() {
    charts.flush();
  }

  /** A section's title: bold, wrapping rather than cut. */
  static Label title(String s) {
    Label l = new Label(s);
    l.getStyleClass().add("section-title");
    l.setWrapText(true);
    l.setMinHeight(Region.USE_PREF_SIZE);
    return l;
  }
}

package io.gatescope.ui.inside;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.inspect.CellNumbers;
import io.gatescope.ui.common.Keys;
import io.gatescope.ui.common.PictureExport;
import io.gatescope.ui.common.StepPlayer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableIntegerValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The cell view: the diagram of one cell with its numbers, the equation lines beneath it, and the
 * step-through (Step, Back, Reset) with Play, which reads the digit row by row through the shared
 * timestep so the numbers change as t moves.
 */
public final class CellPanel extends BorderPane {
  static final int ROWS = 28;
  private static final int ROWS_PER_SECOND = 2;

  private final CellStepper stepper;
  private final ObservableIntegerValue timestep;
  private final IntConsumer moveTo;
  private final BooleanProperty playing = new SimpleBooleanProperty(false);
  private final CellDiagram diagram = new CellDiagram();
  private final VBox lines = new VBox(1);
  private final HBox header = new HBox();
  private final List<HBox> lineRows = new ArrayList<>();
  private final Button step = new Button();
  private final Button back = new Button();
  private final Button reset = new Button();
  private final Button play = new Button();
  private CellNumbers numbers;
  private float tanhC = Float.NaN;
  private double cellRange = 1;

  /**
   * @param stepper the step-through state (the operation lit)
   * @param timestep the shared timestep (1..28) that Play moves
   * @param moveTo sets the shared timestep
   */
  public CellPanel(CellStepper stepper, ObservableIntegerValue timestep, IntConsumer moveTo) {
    this.stepper = stepper;
    this.timestep = timestep;
    this.moveTo = moveTo;
    setId("cell-panel");
    getStyleClass().add("cell-panel");
    getStylesheets()
        .addAll(
            CellPanel.class.getResource("inside.css").toExternalForm(),
            CellPanel.class.getResource("cell.css").toExternalForm());
    setCenter(buildDiagram());
    setBottom(buildBottom());
    buildPlayer();
    bindKeys();
    followStepper();
  }

  /**
   * Shows one cell: its numbers, tanh(c⟨t⟩) as the engine computed it (LSTM; NaN for GRU and RNN),
   * the r of c's colour scale [−r, r] (as the heatmap of c uses it) and the equation lines
   * (Equations.describe: header, then one line per operation). The step lit stays lit.
   */
  public void show(CellNumbers n, float tanhC, double cellRange, String equationText) {
    this.numbers = n;
    this.tanhC = tanhC;
    this.cellRange = cellRange;
    List<String> text = equationLines(equationText);
    diagram.equations(text);
    buildLines(text);
    stepper.show(n);
    redraw();
  }

  // ------------------------------------------------------------------ build

  private Region buildDiagram() {
    diagram.setId("cell-diagram");
    PictureExport.attach( // right-click: Copy image, Save PNG (2×), Save CSV of its numbers
        diagram,
        new PictureExport.Source(
            () -> "gatescope-cell-" + (numbers == null ? "" : numbers.unit() + "-t" + numbers.t()),
            diagram::picture,
            () -> CellCsv.of(numbers)));
    VBox.setVgrow(diagram, Priority.ALWAYS);
    BorderPane.setMargin(diagram, new Insets(0, 0, 6, 0));
    return diagram;
  }

  /** The equations' header line with the buttons beside it, then one line per operation. */
  private Region buildBottom() {
    lines.setId("cell-lines");
    lines.setMinWidth(0);
    header.setAlignment(Pos.CENTER_LEFT);
    header.setMinWidth(0);
    HBox.setHgrow(header, Priority.ALWAYS);
    HBox top = new HBox(10, header, buildButtons());
    top.setAlignment(Pos.CENTER_LEFT);
    VBox bottom = new VBox(2, top, lines);
    bottom.getStyleClass().add("cell-lines");
    return bottom;
  }

  private Region buildButtons() {
    button(step, "cell.step", "cell.step.tip", "mdi2s-step-forward");
    button(back, "cell.back", "cell.back.tip", "mdi2s-step-backward");
    button(reset, "cell.reset", "cell.reset.tip", "mdi2r-restore");
    button(play, "cell.play", "cell.play.tip", "mdi2p-play");
    step.setId("cell-step");
    back.setId("cell-back");
    reset.setId("cell-reset");
    play.setId("cell-play");
    step.setOnAction(e -> stepper.step());
    back.setOnAction(e -> stepper.back());
    reset.setOnAction(e -> stepper.reset());
    play.setOnAction(e -> togglePlay());
    step.disableProperty().bind(stepper.canStepProperty().not());
    back.disableProperty().bind(stepper.canBackProperty().not());
    reset.disableProperty().bind(stepper.canBackProperty().not());
    HBox box = new HBox(4, back, step, reset, play);
    box.setMinWidth(Region.USE_PREF_SIZE);
    for (Button b : List.of(step, back, reset, play)) {
      b.setMinWidth(Region.USE_PREF_SIZE);
    }
    return box;
  }

  private static void button(Button b, String text, String tip, String icon) {
    b.setText(Messages.get(text));
    b.setTooltip(new Tooltip(Messages.get(tip)));
    b.setGraphic(new FontIcon(icon));
    b.setAlignment(Pos.CENTER_LEFT);
  }

  /** Play reads the digit row by row through the shared timestep, then rests on the last row. */
  private void buildPlayer() {
    new StepPlayer(
        timestep,
        moveTo,
        playing,
        new SimpleObjectProperty<>(ROWS_PER_SECOND),
        new SimpleBooleanProperty(false),
        ROWS);
    playing.addListener(
        (o, a, on) -> {
          play.setText(Messages.get(on ? "cell.pause" : "cell.play"));
          play.setGraphic(new FontIcon(on ? "mdi2p-pause" : "mdi2p-play"));
        });
  }

  private void togglePlay() {
    if (!playing.get() && timestep.get() >= ROWS) {
      moveTo.accept(1);
    }
    playing.set(!playing.get());
  }

  private void bindKeys() {
    Keys.bind(this, "Shortcut+Shift+Right", stepper::step);
    Keys.bind(this, "Shortcut+Shift+Left", stepper::back);
    Keys.bind(this, "Shortcut+Shift+Home", stepper::reset);
    Keys.bind(this, "Shortcut+Shift+Enter", this::togglePlay);
  }

  private void followStepper() {
    stepper.highlightedProperty().addListener((o, a, q) -> redraw());
    stepper.lineIndexProperty().addListener((o, a, i) -> lightLine());
  }

  // ------------------------------------------------------------------ show

  private static List<String> equationLines(String text) {
    List<String> out = new ArrayList<>(Arrays.asList((text == null ? "" : text).split("\\R")));
    while (!out.isEmpty() && out.get(out.size() - 1).isBlank()) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  private void buildLines(List<String> text) {
    lines.getChildren().clear();
    header.getChildren().clear();
    lineRows.clear();
    for (int i = 0; i < text.size(); i++) {
      EquationText t = new EquationText();
      t.setText(text.get(i));
      HBox row = new HBox(t);
      HBox.setHgrow(t, Priority.ALWAYS);
      row.getStyleClass().add(i == 0 ? "cell-line-header" : "cell-line");
      lineRows.add(row);
      (i == 0 ? header : lines).getChildren().add(row);
    }
    lightLine();
  }

  private void lightLine() {
    int lit = stepper.lineIndexProperty().get();
    for (int i = 0; i < lineRows.size(); i++) {
      List<String> style = lineRows.get(i).getStyleClass();
      style.remove("cell-line-lit");
      if (i == lit && i > 0) {
        style.add("cell-line-lit");
      }
    }
  }

  private void redraw() {
    if (numbers != null) {
      diagram.show(numbers, tanhC, cellRange, stepper.highlightedProperty().get());
    }
  }

  // ------------------------------------------------------------------ for tests

  CellDiagram diagram() {
    return diagram;
  }

  /** The equation line lit (its text), or null. */
  String litLine() {
    for (HBox row : lineRows) {
      if (row.getStyleClass().contains("cell-line-lit")) {
        return ((EquationText) row.getChildren().get(0)).text();
      }
    }
    return null;
  }

  Quantity lit() {
    return stepper.highlightedProperty().get();
  }

  BooleanProperty playingProperty() {
    return playing;
  }
}

package io.gatescope.ui.draw;

import io.gatescope.core.Messages;
import io.gatescope.core.preprocess.StrokeRaster.Stroke;
import io.gatescope.ui.common.DigitImage;
import io.gatescope.ui.common.Keys;
import io.gatescope.ui.common.ProbabilityBars;
import io.gatescope.ui.common.StepStrip;
import javafx.beans.Observable;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Draw workspace: canvas, what the model sees, its prediction and how it changed per row. */
public final class DrawView extends BorderPane {
  private static final javafx.css.PseudoClass FOCUSED_CANVAS =
      javafx.css.PseudoClass.getPseudoClass("canvas-focused");
  private final DrawViewModel vm;
  private final Canvas canvas = new Canvas(DrawViewModel.CANVAS, DrawViewModel.CANVAS);
  private final DigitImage preview = new DigitImage();
  private final ProbabilityBars bars = new ProbabilityBars();
  private final StepStrip strip = new StepStrip();

  public DrawView(DrawViewModel vm) {
    this.vm = vm;
    getStyleClass().add("workspace");
    getStylesheets().add(DrawView.class.getResource("draw.css").toExternalForm());
    setId("draw-view");
    canvas.setId("draw-canvas");
    canvas.setAccessibleText(Messages.get("draw.canvas.a11y"));
    canvas.setFocusTraversable(true);
    preview.setId("draw-preview");
    bars.setId("draw-bars");
    strip.setId("draw-strip");

    canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> vm.beginStroke(e.getX(), e.getY()));
    canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> vm.extendStroke(e.getX(), e.getY()));
    canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> vm.endStroke());
    vm.strokes().addListener((Observable o) -> paintCanvas());
    vm.backgroundProperty().addListener(o -> paintCanvas());

    Button clear =
        button(
            Messages.get("draw.clear"), "mdi2e-eraser", Messages.get("draw.clear.tip"), vm::clear);
    clear.setId("draw-clear");
    Button undo =
        button(Messages.get("draw.undo"), "mdi2u-undo", Messages.get("draw.undo.tip"), vm::undo);
    undo.setId("draw-undo");
    Slider brush = new Slider(6, 40, vm.brushProperty().get());
    brush.valueProperty().bindBidirectional(vm.brushProperty());
    brush.setTooltip(new Tooltip(Messages.get("draw.pen.tip")));
    brush.setPrefWidth(90);
    HBox penRow = new HBox(8, clear, undo, new Label(Messages.get("draw.pen")), brush);
    penRow.setAlignment(Pos.CENTER_LEFT);

    Spinner<Integer> index = new Spinner<>(0, 9999, 0);
    index.setEditable(true);
    index.setPrefWidth(90);
    index.setId("draw-test-index");
    index.getValueFactory().valueProperty().addListener((o, a, b) -> vm.loadTestImage(b));
    vm.testIndexProperty().addListener((o, a, b) -> index.getValueFactory().setValue(b.intValue()));
    Button load =
        button(
            Messages.get("draw.load"),
            "mdi2i-image-outline",
            Messages.get("draw.load.tip"),
            () -> vm.loadTestImage(index.getValue()));
    load.setId("draw-load");
    Button random =
        button(
            Messages.get("draw.random"),
            "mdi2d-dice-5-outline",
            Messages.get("draw.random.tip"),
            vm::loadRandom);
    Button mistake =
        button(
            Messages.get("draw.mistake"),
            "mdi2a-alert-circle-outline",
            Messages.get("draw.mistake.tip"),
            vm::nextMistake);
    HBox mnistRow =
        new HBox(8, new Label(Messages.get("draw.testIndex")), index, load, random, mistake);
    mnistRow.setAlignment(Pos.CENTER_LEFT);

    StackPane canvasFrame = new StackPane(canvas);
    canvasFrame.getStyleClass().add("canvas-frame");
    canvasFrame.setMaxSize(DrawViewModel.CANVAS + 4, DrawViewModel.CANVAS + 4);
    Label source = new Label();
    source.textProperty().bind(vm.sourceProperty());
    source.getStyleClass().add("muted");
    Label help = new Label(Messages.get("draw.help"));
    help.setWrapText(true);
    help.setMaxWidth(DrawViewModel.CANVAS + 140);
    help.getStyleClass().add("muted");
    javafx.scene.control.ComboBox<Integer> truth =
        new javafx.scene.control.ComboBox<>(
            javafx.collections.FXCollections.observableArrayList(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
    truth.setPromptText(Messages.get("draw.teach.digit"));
    truth.valueProperty().bindBidirectional(vm.teachLabelProperty());
    truth.setId("draw-teach-label");
    Button teach =
        button(
            Messages.get("draw.teach"),
            "mdi2s-school-outline",
            Messages.get("draw.teach.tip"),
            vm::teach);
    teach.setId("draw-teach");
    teach
        .disableProperty()
        .bind(
            vm.teachingProperty()
                .or(truth.valueProperty().isNull())
                .or(vm.inputProperty().isNull()));
    Button untaught =
        button(
            Messages.get("draw.untaught"),
            "mdi2u-undo-variant",
            Messages.get("draw.untaught.tip"),
            vm::undoTeach);
    untaught.disableProperty().bind(vm.beforeTeachingProperty().isNull());
    HBox teachRow =
        new HBox(8, new Label(Messages.get("draw.teach.wrong")), truth, teach, untaught);
    teachRow.setAlignment(Pos.CENTER_LEFT);
    VBox left =
        new VBox(
            10,
            title(Messages.get("draw.title")),
            canvasFrame,
            penRow,
            mnistRow,
            teachRow,
            source,
            help);
    left.setPadding(new Insets(12));

    Label digit = new Label();
    digit.setId("draw-digit");
    digit.getStyleClass().add("big-digit");
    digit.textProperty().bind(vm.headlineProperty());
    Label detail = new Label();
    detail.getStyleClass().add("muted");
    detail.textProperty().bind(vm.detailProperty());
    VBox verdict = new VBox(2, digit, detail);
    verdict.setAlignment(Pos.CENTER_LEFT);
    preview.setPrefSize(196, 196);
    VBox previewBox = new VBox(4, title(Messages.get("draw.sees")), preview);
    HBox top =
        new HBox(
            18, previewBox, new VBox(6, title(Messages.get("draw.prediction")), verdict, bars));
    HBox.setHgrow(bars, Priority.ALWAYS);

    Slider step = new Slider(1, 28, vm.timestepProperty().get());
    step.setId("draw-step");
    step.setMajorTickUnit(3);
    step.setMinorTickCount(2);
    step.setSnapToTicks(true);
    step.setShowTickMarks(true);
    step.valueProperty().addListener((o, a, b) -> vm.timestepProperty().set(b.intValue()));
    vm.timestepProperty().addListener((o, a, b) -> step.setValue(b.intValue()));
    ToggleButton play = new ToggleButton(null, new FontIcon("mdi2p-play"));
    play.selectedProperty().bindBidirectional(vm.playingProperty());
    play.setTooltip(new Tooltip(Messages.get("draw.play.tip")));
    Label stepLabel = new Label();
    stepLabel
        .textProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () -> Messages.get("draw.row", vm.timestepProperty().get()),
                vm.timestepProperty()));
    HBox stepRow = new HBox(8, play, step, stepLabel);
    stepRow.setAlignment(Pos.CENTER_LEFT);
    HBox.setHgrow(step, Priority.ALWAYS);

    VBox right = new VBox(10, top, title(Messages.get("draw.reading")), strip, stepRow);
    right.setPadding(new Insets(12));
    VBox.setVgrow(strip, Priority.ALWAYS);
    setLeft(left);
    setCenter(right);

    Runnable refresh =
        () -> {
          preview.show(vm.inputProperty().get(), vm.timestepProperty().get(), vm.reading());
          bars.show(vm.probabilitiesProperty().get());
          strip.show(vm.stepProbabilitiesProperty().get(), vm.timestepProperty().get());
        };
    vm.inputProperty().addListener(o -> refresh.run());
    vm.probabilitiesProperty().addListener(o -> refresh.run());
    vm.timestepProperty().addListener(o -> refresh.run());
    vm.stepProbabilitiesProperty().addListener(o -> refresh.run());

    Keys.bind(this, "Shortcut+Z", vm::undo);
    Keys.bind(this, "Esc", vm::clear);
    Keys.bind(this, "Delete", vm::clear);
    Keys.bind(this, "Shortcut+R", vm::loadRandom);
    Keys.bind(this, "Shortcut+M", vm::nextMistake);
    Keys.bind(this, "Shortcut+Left", () -> vm.stepBy(-1));
    Keys.bind(this, "Shortcut+Right", () -> vm.stepBy(1));
    // Space plays the reading when the canvas has the focus (elsewhere it presses buttons).
    canvas.addEventHandler(
        javafx.scene.input.KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.SPACE) {
            vm.playingProperty().set(!vm.playingProperty().get());
            e.consume();
          }
        });
    canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> canvas.requestFocus());
    canvas
        .focusedProperty()
        .addListener(
            (o, a, f) -> canvasFrame.pseudoClassStateChanged(FOCUSED_CANVAS, f)); // a visible ring
    paintCanvas();
    refresh.run();
  }

  private void paintCanvas() {
    GraphicsContext g = canvas.getGraphicsContext2D();
    double s = canvas.getWidth();
    g.setFill(Color.BLACK);
    g.fillRect(0, 0, s, s);
    float[] bg = vm.backgroundProperty().get();
    if (bg != null) {
      double c = s / 28;
      for (int y = 0; y < 28; y++) {
        for (int x = 0; x < 28; x++) {
          if (bg[y * 28 + x] > 0) {
            g.setFill(Color.gray(Math.min(1, bg[y * 28 + x])));
            g.fillRect(x * c, y * c, c + 0.5, c + 0.5);
          }
        }
      }
    }
    g.setStroke(Color.WHITE);
    g.setLineCap(StrokeLineCap.ROUND);
    g.setLineJoin(StrokeLineJoin.ROUND);
    for (Stroke st : vm.strokes()) {
      double[] p = st.xy();
      g.setLineWidth(st.width());
      g.beginPath();
      g.moveTo(p[0], p[1]);
      g.lineTo(p[0] + 0.01, p[1]);
      for (int i = 2; i + 1 < p.length; i += 2) {
        g.lineTo(p[i], p[i + 1]);
      }
      g.stroke();
    }
  }

  private static Label title(String s) {
    Label l = new Label(s);
    l.getStyleClass().add("section-title");
    return l;
  }

  private static Button button(String text, String icon, String tip, Runnable action) {
    Button b = new Button(text, new FontIcon(icon));
    b.setTooltip(new Tooltip(tip));
    b.setOnAction(e -> action.run());
    return b;
  }
}

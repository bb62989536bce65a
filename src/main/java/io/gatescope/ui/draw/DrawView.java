package io.gatescope.ui.draw;

import io.gatescope.core.Messages;
import io.gatescope.core.preprocess.StrokeRaster.Stroke;
import io.gatescope.ui.common.Choices;
import io.gatescope.ui.common.DigitImage;
import io.gatescope.ui.common.Keys;
import io.gatescope.ui.common.ProbabilityBars;
import io.gatescope.ui.common.StepPlayer;
import io.gatescope.ui.common.StepStrip;
import java.io.File;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Draw workspace: the canvas (showing whatever input the session shows), what the model sees,
 * its answer after row t and how that answer changed row by row, with playback.
 */
public final class DrawView extends BorderPane {
  private static final javafx.css.PseudoClass FOCUSED_CANVAS =
      javafx.css.PseudoClass.getPseudoClass("canvas-focused");

  /** The left column's width: the canvas and its frame, plus padding. */
  private static final double LEFT_WIDTH = 380;

  private final DrawViewModel vm;
  private final Canvas canvas = new Canvas(DrawViewModel.CANVAS, DrawViewModel.CANVAS);
  private final StackPane canvasFrame = new StackPane(canvas);
  private final DigitImage preview = new DigitImage();
  private final ProbabilityBars bars = new ProbabilityBars();
  private final StepStrip strip = new StepStrip();
  private final Spinner<Integer> index = new Spinner<>(0, 9999, 0);
  private final StepPlayer player;

  public DrawView(DrawViewModel vm) {
    this.vm = vm;
    getStyleClass().add("workspace");
    getStylesheets().add(DrawView.class.getResource("draw.css").toExternalForm());
    setId("draw-view");
    buildCanvas();
    setLeft(
        scrolling(
            column(
                buildHeading(),
                canvasFrame,
                buildPenRow(),
                buildMnistRow(),
                buildTeachRow(),
                buildHelp())));
    setCenter(
        column(
            buildAnswer(), title(Messages.get("draw.reading")), buildStrip(), buildPlaybackRow()));
    player =
        new StepPlayer(
            vm.timestepProperty(), vm.playingProperty(), vm.speedProperty(), vm.loopProperty(), 28);
    bindRefresh();
    bindKeys();
    paintCanvas();
  }

  // ---- the left column: canvas and its controls ----

  private void buildCanvas() {
    canvas.setId("draw-canvas");
    canvas.setAccessibleText(Messages.get("draw.canvas.a11y"));
    canvas.setFocusTraversable(true);
    canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> vm.beginStroke(e.getX(), e.getY()));
    canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> vm.extendStroke(e.getX(), e.getY()));
    canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> vm.endStroke());
    canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> canvas.requestFocus());
    vm.strokes().addListener((Observable o) -> paintCanvas());
    vm.backgroundProperty().addListener(o -> paintCanvas());
    canvasFrame.getStyleClass().add("canvas-frame");
    canvasFrame.setMaxSize(DrawViewModel.CANVAS + 4, DrawViewModel.CANVAS + 4);
    canvasFrame.setMinSize(DrawViewModel.CANVAS + 4, DrawViewModel.CANVAS + 4);
    canvas
        .focusedProperty()
        .addListener(
            (o, a, f) -> canvasFrame.pseudoClassStateChanged(FOCUSED_CANVAS, f)); // a visible ring
  }

  private Node buildPenRow() {
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
    brush.setPrefWidth(80);
    HBox pen = new HBox(6, new Label(Messages.get("draw.pen")), brush);
    pen.setAlignment(Pos.CENTER_LEFT);
    return flow(clear, undo, pen);
  }

  private Node buildMnistRow() {
    index.setEditable(true);
    index.setPrefWidth(90);
    index.setId("draw-test-index");
    index.getValueFactory().setValue(vm.testIndexProperty().get());
    index.getValueFactory().valueProperty().addListener((o, a, b) -> vm.loadTestImage(b));
    // Follows the shown test image, whoever showed it.
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
    Button picture =
        button(
            Messages.get("draw.picture"),
            "mdi2f-file-image-outline",
            Messages.get("draw.picture.tip"),
            this::choosePicture);
    picture.setId("draw-picture");
    HBox byIndex = new HBox(6, new Label(Messages.get("draw.testIndex")), index, load);
    byIndex.setAlignment(Pos.CENTER_LEFT);
    return flow(byIndex, random, mistake, picture);
  }

  private void choosePicture() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(Messages.get("draw.picture.title"));
    chooser
        .getExtensionFilters()
        .add(
            new FileChooser.ExtensionFilter(
                Messages.get("draw.picture.filter"), "*.png", "*.jpg", "*.jpeg"));
    File f = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
    if (f != null) {
      vm.openPicture(f.toPath());
    }
  }

  private Node buildTeachRow() {
    ComboBox<Integer> truth =
        new ComboBox<>(FXCollections.observableArrayList(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
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
    untaught.visibleProperty().bind(vm.beforeTeachingProperty().isNotNull());
    untaught.managedProperty().bind(untaught.visibleProperty()); // only when there is one to undo
    HBox wrong = new HBox(6, new Label(Messages.get("draw.teach.wrong")), truth);
    wrong.setAlignment(Pos.CENTER_LEFT);
    return flow(wrong, teach, untaught);
  }

  /** "Draw" and what the canvas shows now ("MNIST test #7", "your drawing", "picture 3.png"). */
  private Node buildHeading() {
    Label source = new Label();
    source.setId("draw-source");
    source.textProperty().bind(vm.sourceProperty());
    source.getStyleClass().add("muted");
    wrap(source);
    FlowPane heading = flow(title(Messages.get("draw.title")), source);
    heading.setAlignment(Pos.BASELINE_LEFT);
    return heading;
  }

  private Node buildHelp() {
    Label help = new Label(Messages.get("draw.help"));
    help.getStyleClass().add("muted");
    wrap(help);
    return help;
  }

  // ---- the centre: the answer after row t, the strip, playback ----

  private Node buildAnswer() {
    Label digit = new Label();
    digit.setId("draw-digit");
    digit.getStyleClass().add("big-digit");
    digit.textProperty().bind(vm.headlineProperty());
    Label detail = new Label();
    detail.setId("draw-detail");
    detail.getStyleClass().add("muted");
    detail.textProperty().bind(vm.detailProperty());
    wrap(detail);
    Label note = new Label();
    note.setId("draw-step-note");
    note.getStyleClass().add("step-note");
    note.textProperty().bind(vm.stepNoteProperty());
    wrap(note);
    Label interventions = new Label();
    interventions.setId("draw-intervention-note");
    interventions.getStyleClass().add("muted");
    interventions.textProperty().bind(vm.interventionNoteBinding());
    interventions.visibleProperty().bind(interventions.textProperty().isNotEmpty());
    interventions.managedProperty().bind(interventions.visibleProperty());
    wrap(interventions);
    VBox verdict = new VBox(2, digit, detail, note, interventions);
    verdict.setAlignment(Pos.CENTER_LEFT);
    preview.setId("draw-preview");
    preview.setDimUnread(true);
    preview.setPrefSize(180, 180);
    preview.setMaxSize(180, 180);
    VBox previewBox = new VBox(4, title(Messages.get("draw.sees")), preview);
    previewBox.setMinWidth(150);
    previewBox.setPrefWidth(184);
    previewBox.setMaxWidth(184);
    bars.setId("draw-bars");
    bars.setMinHeight(120);
    VBox answer = new VBox(4, title(Messages.get("draw.prediction")), verdict, bars);
    VBox.setVgrow(bars, Priority.ALWAYS);
    HBox top = new HBox(18, previewBox, answer);
    HBox.setHgrow(answer, Priority.ALWAYS);
    return top;
  }

  private Node buildStrip() {
    strip.setId("draw-strip");
    strip.setOnStepSelect(vm::selectStep);
    VBox.setVgrow(strip, Priority.ALWAYS);
    return strip;
  }

  private Node buildPlaybackRow() {
    Button play = new Button();
    play.setId("draw-play");
    FontIcon icon = new FontIcon("mdi2p-play");
    icon.setId("draw-play-icon");
    vm.playingProperty()
        .addListener((o, a, on) -> icon.setIconLiteral(on ? "mdi2p-pause" : "mdi2p-play"));
    play.setGraphic(icon);
    Tooltip tip = new Tooltip();
    tip.textProperty()
        .bind(
            Bindings.when(vm.playingProperty())
                .then(Messages.get("draw.pause.tip"))
                .otherwise(Messages.get("draw.play.tip")));
    play.setTooltip(tip);
    play.accessibleTextProperty().bind(tip.textProperty());
    play.setOnAction(e -> vm.togglePlaying());

    Slider step = new Slider(1, 28, vm.timestepProperty().get());
    step.setId("draw-step");
    step.setMajorTickUnit(3);
    step.setMinorTickCount(2);
    step.setSnapToTicks(true);
    step.setShowTickMarks(true);
    step.setMinWidth(90);
    step.valueProperty().addListener((o, a, b) -> vm.timestepProperty().set(b.intValue()));
    vm.timestepProperty().addListener((o, a, b) -> step.setValue(b.intValue()));
    Label stepLabel = new Label();
    stepLabel.setId("draw-row");
    stepLabel.setMinWidth(Region.USE_PREF_SIZE);
    stepLabel
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> Messages.get("draw.row", vm.timestepProperty().get()),
                vm.timestepProperty()));

    ComboBox<Integer> speed =
        new ComboBox<>(FXCollections.observableArrayList(DrawViewModel.SPEEDS));
    speed.setId("draw-speed");
    Choices.showAs(speed, v -> Messages.get("draw.speed.value", v));
    speed.valueProperty().bindBidirectional(vm.speedProperty());
    speed.setTooltip(new Tooltip(Messages.get("draw.speed.tip")));
    speed.setMinWidth(Region.USE_PREF_SIZE);
    Label speedLabel = new Label(Messages.get("draw.speed"));
    speedLabel.setMinWidth(Region.USE_PREF_SIZE);
    speedLabel.setLabelFor(speed);
    CheckBox loop = new CheckBox(Messages.get("draw.loop"));
    loop.setId("draw-loop");
    loop.selectedProperty().bindBidirectional(vm.loopProperty());
    loop.setTooltip(new Tooltip(Messages.get("draw.loop.tip")));
    loop.setMinWidth(Region.USE_PREF_SIZE);

    HBox row = new HBox(8, play, step, stepLabel, speedLabel, speed, loop);
    row.setAlignment(Pos.CENTER_LEFT);
    HBox.setHgrow(step, Priority.ALWAYS);
    return row;
  }

  // ---- wiring ----

  private void bindRefresh() {
    Runnable refresh =
        () -> {
          int t = vm.timestepProperty().get();
          preview.show(vm.inputProperty().get(), t, vm.reading());
          bars.show(vm.probabilitiesAtStepProperty().get());
          strip.show(vm.stepProbabilitiesProperty().get(), t);
        };
    vm.inputProperty().addListener(o -> refresh.run());
    vm.probabilitiesAtStepProperty().addListener(o -> refresh.run());
    vm.timestepProperty().addListener(o -> refresh.run());
    vm.stepProbabilitiesProperty().addListener(o -> refresh.run());
    refresh.run();
  }

  private void bindKeys() {
    Keys.bind(this, "Shortcut+Z", vm::undo);
    Keys.bind(this, "Esc", vm::clear);
    Keys.bind(this, "Delete", vm::clear);
    Keys.bind(this, "Shortcut+R", vm::loadRandom);
    Keys.bind(this, "Shortcut+M", vm::nextMistake);
    Keys.bind(this, "Shortcut+Left", () -> vm.stepBy(-1));
    Keys.bind(this, "Shortcut+Right", () -> vm.stepBy(1));
    // Space plays and pauses the reading wherever the focus is in Draw, except on a control that
    // Space already means something to (a button, a box to type in, a list to open).
    addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.SPACE && !spaceIsTaken(getScene().getFocusOwner())) {
            vm.togglePlaying();
            e.consume();
          }
        });
  }

  private static boolean spaceIsTaken(javafx.scene.Node focus) {
    return focus instanceof javafx.scene.control.ButtonBase
        || focus instanceof javafx.scene.control.TextInputControl
        || focus instanceof javafx.scene.control.ComboBoxBase
        || focus instanceof javafx.scene.control.Spinner
        || focus instanceof javafx.scene.control.CheckBox;
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

  /** The playback, for tests. */
  StepPlayer player() {
    return player;
  }

  // ---- small builders ----

  private static VBox column(Node... children) {
    VBox v = new VBox(8, children);
    v.setPadding(new Insets(12));
    return v;
  }

  /** The left column scrolls when the window is short; it never grows sideways. */
  private static ScrollPane scrolling(VBox content) {
    content.setPrefWidth(LEFT_WIDTH);
    ScrollPane sp = new ScrollPane(content);
    sp.setId("draw-left");
    sp.setFitToWidth(true);
    sp.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    sp.setMinHeight(0);
    sp.setMinWidth(LEFT_WIDTH);
    sp.setPrefViewportWidth(LEFT_WIDTH);
    sp.getStyleClass().add("plain-scroll");
    return sp;
  }

  private static FlowPane flow(Node... children) {
    FlowPane f = new FlowPane(8, 6, children);
    f.setAlignment(Pos.CENTER_LEFT);
    return f;
  }

  private static void wrap(Label l) {
    l.setWrapText(true);
    l.setMinHeight(Region.USE_PREF_SIZE);
  }

  private static Label title(String s) {
    Label l = new Label(s);
    l.getStyleClass().add("section-title");
    wrap(l);
    return l;
  }

  private static Button button(String text, String icon, String tip, Runnable action) {
    Button b = new Button(text, new FontIcon(icon));
    b.setTooltip(new Tooltip(tip));
    b.setOnAction(e -> action.run());
    return b;
  }
}

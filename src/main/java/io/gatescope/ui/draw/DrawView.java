package io.gatescope.ui.draw;

import static io.gatescope.ui.common.Controls.button;
import static io.gatescope.ui.common.Controls.flow;
import static io.gatescope.ui.common.Controls.note;
import static io.gatescope.ui.common.Controls.title;
import static io.gatescope.ui.common.Controls.workspace;
import static io.gatescope.ui.common.Controls.wrap;

import io.gatescope.core.Messages;
import io.gatescope.ui.common.DigitImage;
import io.gatescope.ui.common.Keys;
import io.gatescope.ui.common.ProbabilityBars;
import io.gatescope.ui.common.ReadingExport;
import io.gatescope.ui.common.StepPlayer;
import io.gatescope.ui.common.StepStrip;
import java.io.File;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The Draw workspace: the canvas (showing whatever input the session shows), what the model sees,
 * its answer after row t and how that answer changed row by row, with playback.
 */
public final class DrawView extends BorderPane {
  /** The left column's width: the canvas and its frame, plus padding. */
  private static final double LEFT_WIDTH = 380;

  private final DrawViewModel vm;
  private final DigitImage preview = new DigitImage();
  private final ProbabilityBars bars = new ProbabilityBars();
  private final StepStrip strip = new StepStrip();
  private final Spinner<Integer> index = new Spinner<>(0, 9999, 0);
  private final StepPlayer player;

  public DrawView(DrawViewModel vm) {
    this.vm = vm;
    workspace(this, "draw-view", "draw.css");
    setLeft(
        scrolling(
            column(
                buildHeading(),
                new DrawCanvas(vm),
                buildPenRow(),
                buildMnistRow(),
                buildTeachRow(),
                note(Messages.get("draw.help")))));
    setCenter(column(buildAnswer(), buildReadingTitle(), buildStrip(), new PlaybackRow(vm)));
    player = buildPlayer();
    bindRefresh();
    bindKeys();
  }

  // ---- the left column: canvas and its controls ----

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
    verdict.setPadding(new Insets(0, 20, 0, 0)); // the bars' ⓘ sits at the end of its last line
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

  /** "Reading row by row", and the button that exports it as an animated GIF. */
  private Node buildReadingTitle() {
    Button export =
        button(
            Messages.get("export.reading"),
            "mdi2f-file-gif-box",
            Messages.get("export.reading.tip"),
            () -> ReadingExport.ask(vm.session(), getScene().getWindow()));
    export.setId("draw-export-reading");
    export.disableProperty().bind(vm.inputProperty().isNull());
    return flow(title(Messages.get("draw.reading")), export);
  }

  private Node buildStrip() {
    strip.setId("draw-strip");
    strip.setOnStepSelect(vm::selectStep);
    VBox.setVgrow(strip, Priority.ALWAYS);
    return strip;
  }

  // ---- wiring ----

  /** Plays the reading row by row while the view-model says so. */
  private StepPlayer buildPlayer() {
    return new StepPlayer(
        vm.timestepProperty(),
        vm::moveTo,
        vm.playingProperty(),
        vm.speedProperty(),
        vm.loopProperty(),
        28);
  }

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
}

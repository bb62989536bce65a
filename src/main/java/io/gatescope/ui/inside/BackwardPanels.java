package io.gatescope.ui.inside;

import static io.gatescope.ui.common.Controls.button;
import static io.gatescope.ui.common.Controls.heading;
import static io.gatescope.ui.common.Controls.keepWidth;
import static io.gatescope.ui.common.Controls.note;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.BackwardTrace;
import io.gatescope.ui.common.StepPlayer;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The parts of Inside's backward view around its maps: the bar above them (target, L and P, colour
 * scale, Play), which rows mattered (gradient × input and row occlusion on the picture), the
 * connectivity triangle beside the P(digit | rows 1..t) strip, and the highway chart.
 */
final class BackwardPanels {
  private static final double SIDE = 226; // the left column's content width

  private final BackwardViewModel bvm;
  private final InsideViewModel vm;
  private final RowAttribution rows = new RowAttribution();
  private final ConnectivityTriangle triangle = new ConnectivityTriangle();
  private final HighwayChart highway = new HighwayChart();
  private final BooleanProperty playing = new SimpleBooleanProperty(false);
  private final SimpleIntegerProperty played = new SimpleIntegerProperty(1); // rows played, 1..28

  BackwardPanels(BackwardViewModel bvm, InsideViewModel vm) {
    this.bvm = bvm;
    this.vm = vm;
    new StepPlayer(
        played,
        this::playTo,
        playing,
        new SimpleObjectProperty<>(4),
        new SimpleBooleanProperty(false),
        28);
    playing.addListener(
        (o, a, on) -> {
          if (!on) {
            bvm.showAll();
          }
        });
    for (Observable o :
        new Observable[] {bvm.resultProperty(), vm.timestepProperty(), bvm.attributionProperty()}) {
      o.addListener(x -> refresh());
    }
    bvm.highway().addListener((Observable o) -> highway.show(bvm.highway()));
  }

  /** Above the maps: the target, L and P(target), the colour scale, signed log and Play. */
  FlowPane bar() {
    Label targetLabel = new Label(Messages.get("inside.back.target"));
    ComboBox<TargetChoice> target = new ComboBox<>(bvm.targetChoices());
    target.setId("inside-back-target");
    target.valueProperty().bindBidirectional(bvm.targetProperty());
    target.setTooltip(new Tooltip(Messages.get("inside.back.target.tip")));
    Label loss = new Label();
    loss.setId("inside-back-loss");
    loss.getStyleClass().add("back-loss");
    loss.textProperty().bind(bvm.lossProperty());
    CheckBox log = new CheckBox(Messages.get("inside.back.log"));
    log.setId("inside-back-log");
    log.selectedProperty().bindBidirectional(bvm.signedLogProperty());
    log.setTooltip(new Tooltip(Messages.get("inside.back.log.tip")));
    Button play =
        button(
            Messages.get("inside.back.play"),
            "mdi2p-play",
            Messages.get("inside.back.play.tip"),
            this::togglePlay);
    play.setId("inside-back-play");
    keepWidth(target, log, play, targetLabel);
    Label ivNote = note("");
    ivNote.setId("inside-back-note");
    ivNote.getStyleClass().add("back-note");
    ivNote.textProperty().bind(bvm.interventionNoteProperty());
    ivNote.visibleProperty().bind(bvm.interventionNoteProperty().isNotEmpty());
    ivNote.managedProperty().bind(ivNote.visibleProperty());
    HBox choose = new HBox(6, targetLabel, target);
    choose.setAlignment(Pos.CENTER_LEFT);
    keepWidth(choose);
    FlowPane bar = new FlowPane(10, 4, choose, loss, log, play, ivNote);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setMinWidth(0);
    ivNote.maxWidthProperty().bind(bar.widthProperty().subtract(4));
    return bar;
  }

  /**
   * Under the maps: what the colours mean for this target (and the signed-log scale when on), and
   * what a click does.
   */
  javafx.beans.binding.StringBinding mapsHint() {
    return Bindings.createStringBinding(
        () -> {
          TargetChoice k = bvm.targetProperty().get();
          if (k == null) {
            return ""; // no trace yet
          }
          String s = Messages.get("inside.back.colours", k.digit());
          return bvm.signedLogProperty().get()
              ? s + " " + Messages.get("inside.back.colours.log")
              : s;
        },
        bvm.targetProperty(),
        bvm.signedLogProperty());
  }

  /** Left column, in place of the plain input: the picture, gradient × input and the row bars. */
  VBox rowsMattered() {
    rows.setId("inside-back-rows");
    rows.setPrefSize(SIDE, 140);
    CheckBox overlay = new CheckBox(Messages.get("inside.back.overlay"));
    overlay.setId("inside-back-overlay");
    overlay.selectedProperty().bindBidirectional(bvm.attributionProperty());
    overlay.setTooltip(new Tooltip(Messages.get("inside.back.overlay.tip")));
    Label caption = InsideView.wrapping(note(""), SIDE);
    caption
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> {
                  TargetChoice k = bvm.targetProperty().get();
                  return k == null ? "" : Messages.get("inside.back.rows.caption", k.digit());
                },
                bvm.targetProperty()));
    return new VBox(
        4,
        InsideView.wrapping(heading(Messages.get("inside.back.rows")), SIDE),
        rows,
        overlay,
        caption,
        readOut(rows.readOutProperty()));
  }

  /** Left column, under the strip: which earlier rows each step's answer leans on. */
  VBox connectivity() {
    triangle.setId("inside-back-triangle");
    triangle.setPrefSize(SIDE, 180);
    triangle.setOnStepSelect(vm::selectStep);
    return new VBox(
        4,
        InsideView.wrapping(heading(Messages.get("inside.back.triangle")), SIDE),
        triangle,
        InsideView.wrapping(note(Messages.get("inside.back.triangle.caption")), SIDE),
        readOut(triangle.readOutProperty()));
  }

  /** Bottom, in place of the interventions: the gradient highway. */
  VBox highway() {
    highway.setId("inside-back-highway");
    highway.setPrefSize(340, 90);
    highway.setMinHeight(60);
    Label none = note("");
    none.setId("inside-back-highway-note");
    none.textProperty().bind(bvm.highwayNoteProperty());
    none.visibleProperty().bind(bvm.highwayNoteProperty().isNotEmpty());
    none.managedProperty().bind(none.visibleProperty());
    none.setMaxWidth(340);
    VBox box = new VBox(4, heading(Messages.get("inside.back.highway")), highway, none);
    VBox.setVgrow(highway, javafx.scene.layout.Priority.ALWAYS);
    box.setPrefWidth(340);
    box.setMinWidth(260);
    return box;
  }

  private static Label readOut(javafx.beans.property.ReadOnlyStringProperty text) {
    Label l = InsideView.wrapping(new Label(), SIDE);
    l.getStyleClass().add("mono-small");
    l.textProperty().bind(text);
    l.visibleProperty().bind(text.isNotEmpty());
    return l;
  }

  private void refresh() {
    BackwardTrace bt = bvm.trace();
    int t = vm.timestepProperty().get();
    if (bt == null) {
      rows.show(null, null, null, 0);
      triangle.show(null);
    } else {
      rows.show(bt.image(), bt.gradientTimesInput(), bt.rowOcclusion(), bt.target());
      triangle.show(bt.connectivity());
    }
    rows.setOverlay(bvm.attributionProperty().get());
    rows.mark(t, vm.reading());
    triangle.mark(t);
  }

  /** Play: the gradient arrives from t = 28 back to 1, the timestep following it; again stops. */
  private void togglePlay() {
    if (playing.get()) {
      playing.set(false);
      return;
    }
    played.set(1);
    playTo(1);
    playing.set(true);
  }

  /** {@code n} rows played: the gradient has reached step 29 − n. */
  private void playTo(int n) {
    played.set(n);
    int t = 29 - n;
    bvm.arriveAt(t);
    vm.selectStep(t);
  }

  /** For tests. */
  RowAttribution rows() {
    return rows;
  }

  ConnectivityTriangle triangle() {
    return triangle;
  }

  HighwayChart highwayChart() {
    return highway;
  }
}

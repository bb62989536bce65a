package io.gatescope.ui.train;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.train.TimeLapse;
import io.gatescope.ui.common.ColorMap;
import io.gatescope.ui.common.Heatmap;
import io.gatescope.ui.common.Segments;
import io.gatescope.ui.common.StepStrip;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SegmentedButton;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The training time-lapse under the charts, once a run has frames: a slider over the frames, the
 * probe shown (one of up to four), its top layer's maps and its P(digit | rows 1..t) strip at that
 * frame, with the frame's iteration and the loss the run reported there. Every value shown is the
 * frame's own (see {@link TimeLapse}); a click on the loss chart picks the nearest frame.
 */
final class TimeLapsePane {
  /** The most maps a cell has (an LSTM's six). */
  private static final int MAPS = 6;

  private final TimeLapseReplay vm;
  private final Slider slider = new Slider(0, 0, 0);
  private final ObjectProperty<Integer> chosenProbe = new SimpleObjectProperty<>(0);
  private final HBox probeButtons = new HBox(4);
  private final Label readout = new Label();
  private final List<Heatmap> maps = new ArrayList<>();
  private final List<Label> mapNames = new ArrayList<>();
  private final List<Node> mapBoxes = new ArrayList<>();
  private final StepStrip strip = new StepStrip();

  TimeLapsePane(TimeLapseReplay vm) {
    this.vm = vm;
  }

  /** Shown when there are frames and the time-lapse is asked for (its toggle, the loss chart). */
  BooleanBinding showing() {
    return Bindings.isNotEmpty(vm.frames()).and(vm.shownProperty());
  }

  /** "Time-lapse": shows the time-lapse in place of the saturation chart and the run list. */
  Node buildToggle() {
    ToggleButton t =
        new ToggleButton(Messages.get("train.lapse.title"), new FontIcon("mdi2f-filmstrip"));
    t.setId("train-timelapse-show");
    t.setTooltip(new Tooltip(Messages.get("train.lapse.show.tip")));
    t.selectedProperty().bindBidirectional(vm.shownProperty());
    t.visibleProperty().bind(Bindings.isNotEmpty(vm.frames()));
    t.managedProperty().bind(t.visibleProperty());
    t.setMinWidth(Region.USE_PREF_SIZE);
    return t;
  }

  /** The whole panel; shown (and taking room) only while {@link #showing()}. */
  Node build() {
    Node frame = buildFrame();
    VBox.setVgrow(frame, Priority.ALWAYS);
    VBox box = new VBox(2, buildHeader(), frame, buildReadout());
    box.setId("train-timelapse");
    box.getStyleClass().add("timelapse");
    box.visibleProperty().bind(showing());
    box.managedProperty().bind(box.visibleProperty());
    box.setMinHeight(0);
    vm.frameProperty().addListener((Observable o) -> show());
    vm.probeProperty().addListener((Observable o) -> show());
    chosenProbe.addListener((o, was, now) -> vm.probeProperty().set(now));
    vm.probeProperty().addListener((o, was, now) -> chosenProbe.set(now.intValue()));
    vm.runProbesProperty().addListener((Observable o) -> buildProbeButtons());
    buildProbeButtons();
    return box;
  }

  /** "Time-lapse", the probes to choose from, and the slider over the frames. */
  private Node buildHeader() {
    Label title = TrainView.title(Messages.get("train.lapse.title"));
    Tooltip tip = new Tooltip();
    tip.textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    Messages.get(
                        "train.lapse.tip",
                        vm.everyProperty().get(),
                        vm.maxBytesProperty().get() / 1e6,
                        vm.maxBytesProperty().get(),
                        TimeLapseReplay.BUDGET_BYTES >> 20),
                vm.everyProperty(),
                vm.maxBytesProperty()));
    tip.setWrapText(true);
    tip.setMaxWidth(420);
    title.setTooltip(tip);
    title.setMinWidth(Region.USE_PREF_SIZE);
    Node slide = buildSlider();
    HBox.setHgrow(slide, Priority.ALWAYS);
    HBox header = new HBox(10, title, probeButtons, slide);
    header.setAlignment(Pos.CENTER_LEFT);
    return header;
  }

  /** Which frame, its iteration and loss, and what the probe was read as. */
  private Label buildReadout() {
    readout.setId("train-timelapse-readout");
    readout.setWrapText(true);
    readout.setMinWidth(0);
    readout.setMinHeight(Region.USE_PREF_SIZE);
    return readout;
  }

  /** One segment per probe of the run: "#0 (7)"; one is always chosen. */
  private void buildProbeButtons() {
    List<Integer> probes = vm.runProbesProperty().get();
    List<Integer> order = java.util.stream.IntStream.range(0, probes.size()).boxed().toList();
    SegmentedButton box =
        Segments.of(
            order,
            i -> Messages.get("train.lapse.probe", probes.get(i), vm.label(probes.get(i))),
            chosenProbe);
    for (int i = 0; i < box.getButtons().size(); i++) {
      ToggleButton b = box.getButtons().get(i);
      int test = probes.get(i);
      b.setId("train-timelapse-probe-" + i);
      b.setTooltip(new Tooltip(Messages.get("train.lapse.probe.tip", test, vm.label(test))));
    }
    probeButtons.getChildren().setAll(box);
  }

  /** Frame by frame: arrows, Page Up/Down, Home and End work as on any slider. */
  private Node buildSlider() {
    slider.setId("train-timelapse-slider");
    slider.setMinWidth(120);
    slider.setBlockIncrement(1);
    slider.setMajorTickUnit(1);
    slider.setMinorTickCount(0);
    slider.setSnapToTicks(true);
    slider.setAccessibleText(Messages.get("train.lapse.slider"));
    slider.setTooltip(new Tooltip(Messages.get("train.lapse.slider")));
    vm.frames()
        .addListener(
            (Observable o) -> {
              slider.setMax(Math.max(0, vm.frames().size() - 1));
              show();
            });
    slider
        .valueProperty()
        .addListener(
            (o, was, now) -> {
              int i = (int) Math.round(now.doubleValue());
              if (i != vm.frameProperty().get() && i < vm.frames().size()) {
                vm.frameProperty().set(i);
              }
            });
    return slider;
  }

  /** The probe's maps, each under its symbol and colour range, and its step strip. */
  private Node buildFrame() {
    HBox row = new HBox(6);
    for (int i = 0; i < MAPS; i++) {
      Heatmap hm = new Heatmap();
      hm.setId("train-timelapse-map-" + i);
      hm.setMinSize(60, 70);
      hm.setPrefSize(110, 88);
      Label name = new Label();
      name.getStyleClass().add("timelapse-map-name");
      name.setMinWidth(0);
      hm.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
      VBox.setVgrow(hm, Priority.ALWAYS);
      VBox box = new VBox(1, name, hm);
      HBox.setHgrow(box, Priority.ALWAYS);
      box.managedProperty().bind(box.visibleProperty());
      maps.add(hm);
      mapNames.add(name);
      mapBoxes.add(box);
      row.getChildren().add(box);
    }
    strip.setId("train-timelapse-strip");
    strip.setMinSize(160, 70);
    strip.setPrefSize(230, 88);
    Label stripName = new Label(Messages.get("train.lapse.strip"));
    stripName.setMinWidth(0);
    strip.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
    VBox.setVgrow(strip, Priority.ALWAYS);
    VBox stripBox = new VBox(1, stripName, strip);
    HBox.setHgrow(stripBox, Priority.SOMETIMES);
    row.getChildren().add(stripBox);
    return row;
  }

  /** The frame and probe chosen, as the frame holds them. */
  private void show() {
    TimeLapse.Frame f = vm.shownFrame();
    if (f == null) {
      readout.setText("");
      return;
    }
    if (slider.getValue() != vm.frameProperty().get()) {
      slider.setValue(vm.frameProperty().get());
    }
    int p = Math.min(vm.probeProperty().get(), f.probes().size() - 1);
    TimeLapse.Probe probe = f.probes().get(p);
    int i = 0;
    for (Map.Entry<Quantity, float[][]> e : probe.maps().entrySet()) {
      showMap(i++, e.getKey(), e.getValue());
    }
    for (; i < MAPS; i++) {
      mapBoxes.get(i).setVisible(false);
    }
    float[][] steps = probe.stepProbabilities();
    strip.show(steps, steps.length);
    readout.setText(readoutText(f, p, probe));
  }

  private void showMap(int i, Quantity q, float[][] v) {
    int[] order = new int[v[0].length];
    java.util.Arrays.setAll(order, u -> u);
    // As Inside colours them: gates 0..1; c̃ and a −1..1; c to its own largest magnitude.
    double hi = q.isGate() ? 1 : q == Quantity.CELL ? Math.max(1e-6, maxAbs(v)) : 1;
    double lo = q.isGate() ? 0 : -hi;
    maps.get(i).show(v, order, q.isGate() ? ColorMap.SEQUENTIAL : ColorMap.DIVERGING, lo, hi);
    mapNames
        .get(i)
        .setText(
            q.isGate()
                ? Messages.get("train.lapse.map", q.symbol(), lo, hi)
                : Messages.get("train.lapse.map.symmetric", q.symbol(), hi));
    mapBoxes.get(i).setVisible(true);
  }

  private String readoutText(TimeLapse.Frame f, int p, TimeLapse.Probe probe) {
    int n = vm.frames().size();
    int k = vm.frameProperty().get() + 1;
    float[] last = probe.stepProbabilities()[probe.stepProbabilities().length - 1];
    int test = vm.runProbesProperty().get().get(p);
    String reads =
        Messages.get(
            "train.lapse.reads",
            test,
            vm.label(test),
            probe.prediction(),
            last[probe.prediction()]);
    OptionalDouble loss = vm.shownLoss();
    String at =
        f.iteration() == 0
            ? Messages.get("train.lapse.at.start", k, n)
            : loss.isPresent()
                ? Messages.get("train.lapse.at", k, n, f.iteration(), loss.getAsDouble())
                : Messages.get("train.lapse.at.noLoss", k, n, f.iteration());
    return Messages.get("train.lapse.readout", at, reads);
  }

  private static double maxAbs(float[][] v) {
    double m = 0;
    for (float[] row : v) {
      for (float x : row) {
        m = Math.max(m, Math.abs(x));
      }
    }
    return m;
  }
}

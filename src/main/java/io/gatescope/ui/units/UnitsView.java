package io.gatescope.ui.units;

import static io.gatescope.ui.common.Controls.button;
import static io.gatescope.ui.common.Controls.flow;
import static io.gatescope.ui.common.Controls.heading;
import static io.gatescope.ui.common.Controls.keepWidth;
import static io.gatescope.ui.common.Controls.note;
import static io.gatescope.ui.common.Controls.workspace;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.inspect.Histogram;
import io.gatescope.core.inspect.PatternSearch;
import io.gatescope.core.inspect.PatternSelection;
import io.gatescope.core.inspect.UnitProfile;
import io.gatescope.core.inspect.UnitRanking;
import io.gatescope.ui.common.ColorMap;
import io.gatescope.ui.common.Heatmap;
import io.gatescope.ui.common.Keys;
import io.gatescope.ui.common.Segments;
import io.gatescope.ui.common.StepPlayer;
import java.util.List;
import java.util.stream.IntStream;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Units workspace: the index's progress and memory at the top, then one of three pages: the
 * unit card, the pattern search, the state map.
 */
public final class UnitsView extends BorderPane {
  private final UnitsViewModel vm;
  private final TilePane cardGallery = gallery("units-card-gallery", CardViewModel.TOP, 3);
  private final Bars perDigit = new Bars(false, 0);
  private final Bars perStep = new Bars(true, 1);
  private final HBox gateHistograms = new HBox(6);
  private final Heatmap patternMap = new Heatmap();
  private final HistogramChart thetaChart = new HistogramChart();
  private final Slider thetaSlider = new Slider(0, 1, 0.5);
  private final TilePane matchGallery = gallery("units-match-gallery", PatternViewModel.MATCHES, 6);
  private final StateScatter scatter = new StateScatter();

  public UnitsView(UnitsViewModel vm) {
    this.vm = vm;
    workspace(this, "units-view", "units.css");
    setTop(buildTopBar());
    setCenter(buildPages());
    bindKeys();
    bindCard();
    bindPattern();
    bindMap();
  }

  // ---- the top bar: pages and the index ----

  private Node buildTopBar() {
    var pages =
        Segments.of(
            List.of(UnitsViewModel.Page.values()),
            p -> Messages.get("units.page." + p.name().toLowerCase(java.util.Locale.ROOT)),
            vm.pageProperty());
    pages.setId("units-pages");
    ProgressBar progress = new ProgressBar();
    progress.setId("units-index-progress");
    progress.setPrefWidth(120);
    progress.progressProperty().bind(vm.index.progressProperty());
    Button cancel =
        button(
            Messages.get("units.index.cancel"),
            "mdi2c-close-circle-outline",
            Messages.get("units.index.cancel.tip"),
            vm.index::cancel);
    cancel.setId("units-index-cancel");
    for (Node n : List.of(progress, cancel)) {
      n.visibleProperty().bind(vm.index.buildingProperty());
      n.managedProperty().bind(vm.index.buildingProperty());
    }
    Label indexNote = note("");
    indexNote.setId("units-index-note");
    indexNote.textProperty().bind(vm.index.noteProperty());
    indexNote.setMinWidth(120);
    HBox.setHgrow(indexNote, Priority.ALWAYS);
    keepWidth(pages, cancel);
    HBox top = new HBox(10, pages, indexNote, progress, cancel);
    top.setAlignment(Pos.CENTER_LEFT);
    top.setPadding(new Insets(6, 10, 4, 10));
    vm.pageProperty().addListener((o, a, p) -> vm.shown());
    return top;
  }

  private Node buildPages() {
    Node card = buildCardPage();
    Node pattern = buildPatternPage();
    Node map = buildMapPage();
    StackPane pages = new StackPane(card, pattern, map);
    Runnable show =
        () -> {
          card.setVisible(vm.pageProperty().get() == UnitsViewModel.Page.CARD);
          pattern.setVisible(vm.pageProperty().get() == UnitsViewModel.Page.PATTERN);
          map.setVisible(vm.pageProperty().get() == UnitsViewModel.Page.MAP);
        };
    vm.pageProperty().addListener(o -> show.run());
    show.run();
    return pages;
  }

  // ---- the unit card ----

  private Node buildCardPage() {
    CardViewModel c = vm.card;
    Spinner<Integer> unit = new Spinner<>(0, 4095, 0);
    unit.setId("units-unit");
    unit.setEditable(true);
    unit.setPrefWidth(80);
    unit.valueProperty().addListener((o, a, u) -> c.chooseUnit(u));
    c.unitProperty().addListener((o, a, u) -> unit.getValueFactory().setValue(u.intValue()));
    c.unitsProperty()
        .addListener(
            (o, a, n) ->
                ((javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory)
                        unit.getValueFactory())
                    .setMax(n.intValue() - 1));
    HBox quantities = new HBox();
    Runnable fillQuantities =
        () -> {
          var chosen = new SimpleObjectProperty<>(c.quantityProperty().get());
          chosen.addListener((o, a, q) -> c.chooseQuantity(q));
          c.quantityProperty().addListener((o, a, q) -> chosen.set(q));
          var seg = Segments.of(c.quantitiesProperty().get(), Quantity::symbol, chosen);
          seg.setId("units-quantity");
          quantities.getChildren().setAll(seg);
        };
    c.quantitiesProperty().addListener(o -> fillQuantities.run());
    fillQuantities.run();
    ToggleButton lowest = new ToggleButton(Messages.get("units.card.lowest"));
    lowest.setId("units-lowest");
    lowest.selectedProperty().addListener((o, a, on) -> c.showLowest(on));
    Label drop = note("");
    drop.setId("units-drop");
    drop.textProperty().bind(c.dropTextProperty());
    Button silence =
        button(
            Messages.get("units.card.silence"),
            "mdi2v-volume-off",
            Messages.get("units.card.silence.tip"),
            c::silenceInInside);
    silence.setId("units-silence");
    silence.disableProperty().bind(c.canSilenceProperty().not());
    keepWidth(unit, lowest, silence);
    var controls = flow(new Label(Messages.get("units.card.unit")), unit, quantities, lowest);
    Label galleryTitle = heading("");
    galleryTitle
        .textProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () ->
                    Messages.get(
                        c.lowestProperty().get() ? "units.card.lowestTitle" : "units.card.topTitle",
                        CardViewModel.TOP),
                c.lowestProperty()));
    VBox left = new VBox(6, galleryTitle, cardGallery);
    perDigit.setId("units-per-digit");
    gateHistograms.setId("units-gates");
    perStep.setId("units-per-step");
    VBox right =
        new VBox(
            4,
            heading(Messages.get("units.card.perDigit")),
            perDigit,
            heading(Messages.get("units.card.perStep")),
            perStep,
            heading(Messages.get("units.card.gates")),
            gateHistograms,
            drop,
            silence);
    VBox.setVgrow(perDigit, Priority.ALWAYS);
    VBox.setVgrow(perStep, Priority.ALWAYS);
    HBox.setHgrow(right, Priority.ALWAYS);
    HBox body = new HBox(14, left, right);
    VBox page = new VBox(6, controls, body);
    VBox.setVgrow(body, Priority.ALWAYS);
    page.setPadding(new Insets(4, 10, 8, 10));
    page.setId("units-card");
    return page;
  }

  private TilePane gallery(String id, int count, int columns) {
    TilePane tiles = new TilePane(6, 6);
    tiles.setId(id);
    tiles.setPrefColumns(columns);
    tiles.setMinWidth(columns * 94);
    tiles.setMaxWidth(Region.USE_PREF_SIZE);
    for (int i = 0; i < count; i++) {
      Thumbnail t = new Thumbnail();
      t.setPrefSize(88, 88 + 28);
      t.setOnMouseClicked(
          e -> {
            if (t.testIndex() >= 0) {
              if (id.equals("units-card-gallery")) {
                vm.card.open(t.testIndex());
              } else {
                vm.pattern.open(t.testIndex());
              }
            }
          });
      t.setCursor(javafx.scene.Cursor.HAND);
      tiles.getChildren().add(t);
    }
    return tiles;
  }

  private void bindCard() {
    CardViewModel c = vm.card;
    c.profileProperty().addListener((o, a, p) -> showProfile(p));
  }

  private void showProfile(UnitProfile p) {
    List<UnitRanking.Entry> ranked = p == null ? List.of() : p.ranked();
    for (int i = 0; i < cardGallery.getChildren().size(); i++) {
      Thumbnail t = (Thumbnail) cardGallery.getChildren().get(i);
      if (i < ranked.size()) {
        UnitRanking.Entry e = ranked.get(i);
        t.show(
            e.testIndex(),
            vm.card.pixels(e.testIndex()),
            e.step(),
            Messages.get("units.card.entry", e.testIndex(), e.step() + 1, e.value()));
      } else {
        t.show(-1, null, -1, "");
      }
    }
    perDigit.show(p == null ? null : p.classMeans());
    perStep.show(p == null ? null : p.stepMeans());
    gateHistograms.getChildren().clear();
    if (p != null) {
      p.gateHistograms()
          .forEach(
              (q, h) -> {
                HistogramChart chart = new HistogramChart();
                chart.setPrefSize(120, 70);
                chart.show(h, q.symbol() + " " + Messages.get("units.card.unitOf", p.unit()));
                HBox.setHgrow(chart, Priority.ALWAYS);
                gateHistograms.getChildren().add(chart);
              });
    }
    reportTiming();
  }

  /** With -Dgatescope.timing=true: the time from choosing a unit to the card on screen. */
  private void reportTiming() {
    if (!Boolean.getBoolean("gatescope.timing") || getScene() == null) {
      return;
    }
    long asked = vm.card.requestedAt();
    var scene = getScene();
    Runnable[] once = new Runnable[1];
    once[0] =
        () -> {
          scene.removePostLayoutPulseListener(once[0]);
          System.err.printf(
              "units: card for unit %d on screen %d ms after it was chosen%n",
              vm.card.unitProperty().get(), (System.nanoTime() - asked) / 1_000_000);
        };
    scene.addPostLayoutPulseListener(once[0]);
  }

  // ---- the pattern search ----

  private Node buildPatternPage() {
    PatternViewModel p = vm.pattern;
    var chosen = new SimpleObjectProperty<>(p.quantityProperty().get());
    chosen.addListener((o, a, q) -> p.chooseQuantity(q));
    p.quantityProperty().addListener((o, a, q) -> chosen.set(q)); // e.g. a search from Inside
    HBox quantities = new HBox();
    Runnable fill =
        () -> {
          var seg = Segments.of(p.quantities(), Quantity::symbol, chosen);
          seg.setId("units-pattern-quantity");
          quantities.getChildren().setAll(seg);
        };
    p.traceProperty().addListener(o -> fill.run());
    fill.run();
    var modeChoice = new SimpleObjectProperty<>(p.modeProperty().get());
    modeChoice.addListener((o, a, m) -> p.chooseMode(m));
    var modes =
        Segments.of(
            List.of(PatternViewModel.Mode.values()),
            m -> Messages.get("units.pattern.mode." + m.name().toLowerCase(java.util.Locale.ROOT)),
            modeChoice);
    modes.setId("units-pattern-mode");
    patternMap.setId("units-pattern-map");
    VBox.setVgrow(patternMap, Priority.ALWAYS);
    VBox left =
        new VBox(
            6,
            flow(new Label(Messages.get("units.pattern.quantity")), quantities),
            note(Messages.get("units.pattern.brushHint")),
            patternMap);
    left.setPrefWidth(360);
    left.setMinWidth(260);
    thetaChart.setId("units-theta");
    thetaChart.setPrefSize(300, 90);
    thetaChart.setOnTheta(p::setTheta);
    Label status = note("");
    status.setId("units-pattern-status");
    status.textProperty().bind(p.statusProperty());
    Label theta = new Label();
    theta
        .textProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () -> Messages.get("units.pattern.theta", p.thetaProperty().get()),
                p.thetaProperty()));
    VBox right =
        new VBox(6, flow(modes, theta), thetaChart, buildThetaSlider(), status, matchGallery);
    HBox.setHgrow(right, Priority.ALWAYS);
    HBox page = new HBox(12, left, right);
    HBox.setHgrow(left, Priority.SOMETIMES);
    page.setPadding(new Insets(4, 10, 8, 10));
    page.setId("units-pattern");
    return page;
  }

  /**
   * θ as a slider under the histogram, over the histogram's range: dragging it moves the line on
   * the histogram (what θ keeps) and searches when let go; a click on the histogram moves the
   * slider.
   */
  private Node buildThetaSlider() {
    PatternViewModel p = vm.pattern;
    thetaSlider.setId("units-theta-slider");
    thetaSlider.setTooltip(
        new javafx.scene.control.Tooltip(Messages.get("units.pattern.slider.tip")));
    thetaSlider.setMaxWidth(Double.MAX_VALUE);
    boolean[] following = {false}; // the slider follows θ: not a move of the user's
    thetaSlider
        .valueProperty()
        .addListener(
            (o, a, v) -> {
              if (!following[0]) {
                if (thetaSlider.isValueChanging()) {
                  p.previewTheta(v.doubleValue());
                } else {
                  p.setTheta(v.doubleValue());
                }
              }
            });
    thetaSlider
        .valueChangingProperty()
        .addListener(
            (o, was, now) -> {
              if (was && !now) {
                p.setTheta(thetaSlider.getValue()); // let go: search
              }
            });
    Runnable follow =
        () -> {
          following[0] = true;
          Histogram h = p.histogramProperty().get();
          if (h != null) {
            thetaSlider.setMin(h.lo());
            thetaSlider.setMax(h.hi());
          }
          thetaSlider.setValue(p.thetaProperty().get());
          following[0] = false;
        };
    p.thetaProperty().addListener(o -> follow.run());
    p.histogramProperty().addListener(o -> follow.run());
    thetaSlider
        .disableProperty()
        .bind(
            p.histogramProperty()
                .isNull()
                .or(p.modeProperty().isNotEqualTo(PatternViewModel.Mode.THRESHOLD)));
    return thetaSlider;
  }

  private void bindPattern() {
    PatternViewModel p = vm.pattern;
    p.traceProperty().addListener((o, a, tr) -> showPatternMap());
    p.quantityProperty().addListener((o, a, q) -> showPatternMap());
    patternMap.setOnBrush(b -> p.select(b.units(), b.fromStep() - 1, b.toStep() - 1));
    p.orderProperty().addListener((o, a, ord) -> showPatternMap());
    p.selectionProperty().addListener((o, a, s) -> showSelection(s));
    p.thetaProperty().addListener((o, a, t) -> thetaChart.theta(t.doubleValue()));
    p.histogramProperty().addListener((o, a, h) -> showHistogram(h));
    p.modeProperty()
        .addListener(
            (o, a, m) ->
                thetaChart.theta(
                    m == PatternViewModel.Mode.THRESHOLD ? p.thetaProperty().get() : Double.NaN));
    p.matchesProperty().addListener((o, a, m) -> showMatches(m));
  }

  /** The selection as a brush over its rows in the map's order (its units side by side there). */
  private void showSelection(PatternSelection s) {
    int[] order = rowOrder();
    if (s == null || order == null) {
      patternMap.clearBrush();
      return;
    }
    int[] u = s.units();
    int r0 = indexOf(order, u[0]);
    int r1 = indexOf(order, u[u.length - 1]);
    if (r0 < 0 || r1 < 0) {
      patternMap.clearBrush();
      return;
    }
    patternMap.showBrush(s.fromStep() + 1, r0, s.toStep() + 1, r1);
  }

  /** The pattern map's rows (display row → unit), or null before the map is shown. */
  private int[] rowOrder() {
    GateTrace tr = vm.pattern.traceProperty().get();
    if (tr == null) {
      return null;
    }
    int[] o = vm.pattern.orderProperty().get();
    return o != null && o.length == tr.hidden() ? o : IntStream.range(0, tr.hidden()).toArray();
  }

  private static int indexOf(int[] a, int v) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] == v) {
        return i;
      }
    }
    return -1;
  }

  private void showPatternMap() {
    GateTrace tr = vm.pattern.traceProperty().get();
    Quantity q = vm.pattern.quantityProperty().get();
    if (tr == null || !tr.cell().quantities().contains(q)) {
      return;
    }
    float[][] v = tr.top(q);
    double lo = 0;
    double hi = 1;
    if (!q.isGate()) {
      double m = 1e-6;
      for (float[] row : v) {
        for (float x : row) {
          m = Math.max(m, Math.abs(x));
        }
      }
      lo = -m;
      hi = m;
    }
    patternMap.show(v, rowOrder(), q.isGate() ? ColorMap.SEQUENTIAL : ColorMap.DIVERGING, lo, hi);
    showSelection(vm.pattern.selectionProperty().get());
  }

  private void showHistogram(Histogram h) {
    PatternSelection s = vm.pattern.selectionProperty().get();
    String title =
        s == null
            ? ""
            : Messages.get(
                "units.pattern.histogram",
                s.quantity().symbol(),
                s.units().length,
                s.fromStep() + 1,
                s.toStep() + 1);
    thetaChart.show(h, title);
    thetaChart.theta(
        vm.pattern.modeProperty().get() == PatternViewModel.Mode.THRESHOLD
            ? vm.pattern.thetaProperty().get()
            : Double.NaN);
  }

  private void showMatches(List<PatternSearch.Match> matches) {
    for (int i = 0; i < matchGallery.getChildren().size(); i++) {
      Thumbnail t = (Thumbnail) matchGallery.getChildren().get(i);
      if (i < matches.size()) {
        PatternSearch.Match m = matches.get(i);
        t.show(
            m.testIndex(),
            vm.pattern.pixels(m.testIndex()),
            -1,
            Messages.get("units.pattern.match", m.testIndex(), m.score()));
      } else {
        t.show(-1, null, -1, "");
      }
    }
  }

  // ---- the state map ----

  private Node buildMapPage() {
    MapViewModel m = vm.map;
    var chosen = new SimpleObjectProperty<>(m.quantityProperty().get());
    chosen.addListener((o, a, q) -> m.chooseQuantity(q));
    var quantity =
        Segments.of(
            List.of(Quantity.HIDDEN, Quantity.CELL),
            q -> Messages.get("units.map.of", q.symbol()),
            chosen);
    quantity.setId("units-map-quantity");
    ToggleButton play =
        new ToggleButton(Messages.get("units.map.play"), new FontIcon("mdi2p-play"));
    play.setId("units-map-play");
    play.selectedProperty().bindBidirectional(m.playingProperty());
    play.setOnAction(
        e -> {
          if (play.isSelected() && m.timestepProperty().get() >= 28) {
            m.moveTo(1);
          }
        });
    new StepPlayer(
        m.timestepProperty(),
        m::moveTo,
        m.playingProperty(),
        new SimpleObjectProperty<>(4),
        new javafx.beans.property.SimpleBooleanProperty(false),
        28);
    Label step = new Label();
    step.textProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () -> Messages.get("units.map.step", m.timestepProperty().get()),
                m.timestepProperty()));
    Label status = note("");
    status.textProperty().bind(m.statusProperty());
    keepWidth(quantity, play, step);
    scatter.setId("units-state-map");
    scatter.setPixels(m::pixels);
    VBox.setVgrow(scatter, Priority.ALWAYS);
    VBox page =
        new VBox(
            6, flow(quantity, play, step, status), note(Messages.get("units.map.hint")), scatter);
    page.setPadding(new Insets(4, 10, 8, 10));
    page.setId("units-map");
    return page;
  }

  private void bindMap() {
    MapViewModel m = vm.map;
    m.mapProperty().addListener((o, a, map) -> scatter.show(map));
    ObservableValue<?>[] deps = {m.pathProperty(), m.timestepProperty()};
    for (ObservableValue<?> d : deps) {
      d.addListener(o -> scatter.path(m.pathProperty().get(), m.timestepProperty().get()));
    }
    vm.pageProperty()
        .addListener(
            (o, a, p) -> {
              if (p == UnitsViewModel.Page.MAP) {
                m.ensure();
              }
            });
  }

  // ---- keys ----

  private void bindKeys() {
    Keys.bind(this, "Shortcut+Up", () -> vm.card.unitBy(-1));
    Keys.bind(this, "Shortcut+Down", () -> vm.card.unitBy(1));
  }
}

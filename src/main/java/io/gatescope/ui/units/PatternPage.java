package io.gatescope.ui.units;

import static io.gatescope.ui.common.Controls.flow;
import static io.gatescope.ui.common.Controls.note;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.inspect.Histogram;
import io.gatescope.core.inspect.PatternSearch;
import io.gatescope.core.inspect.PatternSelection;
import io.gatescope.ui.common.ColorMap;
import io.gatescope.ui.common.Heatmap;
import io.gatescope.ui.common.Segments;
import java.util.List;
import java.util.stream.IntStream;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;

/**
 * The pattern search page: brush a pattern on one image's map, then find the test images that show
 * it.
 */
final class PatternPage extends HBox {
  private final PatternViewModel pattern;
  private final Heatmap patternMap = new Heatmap();
  private final HistogramChart thetaChart = new HistogramChart();
  private final Slider thetaSlider = new Slider(0, 1, 0.5);
  private final TilePane matchGallery;

  PatternPage(PatternViewModel pattern) {
    this.pattern = pattern;
    this.matchGallery =
        Galleries.tiles("units-match-gallery", PatternViewModel.MATCHES, 6, pattern::open);
    build();
    bindPattern();
  }

  private void build() {
    PatternViewModel p = pattern;
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
    setSpacing(12);
    getChildren().setAll(left, right);
    HBox.setHgrow(left, Priority.SOMETIMES);
    setPadding(new Insets(4, 10, 8, 10));
    setId("units-pattern");
  }

  /**
   * θ as a slider under the histogram, over the histogram's range: dragging it moves the line on
   * the histogram (what θ keeps) and searches when let go; a click on the histogram moves the
   * slider.
   */
  private Node buildThetaSlider() {
    PatternViewModel p = pattern;
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
    PatternViewModel p = pattern;
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
    GateTrace tr = pattern.traceProperty().get();
    if (tr == null) {
      return null;
    }
    int[] o = pattern.orderProperty().get();
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
    GateTrace tr = pattern.traceProperty().get();
    Quantity q = pattern.quantityProperty().get();
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
    showSelection(pattern.selectionProperty().get());
  }

  private void showHistogram(Histogram h) {
    PatternSelection s = pattern.selectionProperty().get();
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
        pattern.modeProperty().get() == PatternViewModel.Mode.THRESHOLD
            ? pattern.thetaProperty().get()
            : Double.NaN);
  }

  private void showMatches(List<PatternSearch.Match> matches) {
    for (int i = 0; i < matchGallery.getChildren().size(); i++) {
      Thumbnail t = (Thumbnail) matchGallery.getChildren().get(i);
      if (i < matches.size()) {
        PatternSearch.Match m = matches.get(i);
        t.show(
            m.testIndex(),
            pattern.pixels(m.testIndex()),
            -1,
            Messages.get("units.pattern.match", m.testIndex(), m.score()));
      } else {
        t.show(-1, null, -1, "");
      }
    }
  }
}

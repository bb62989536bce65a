package io.gatescope.ui.common;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.engine.Reading;
import io.gatescope.core.engine.Softmax;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The frames of "Export reading": one per timestep t = 1..T, each showing the digit with the rows
 * not read yet darkened (as Draw shows it), the maps of the cell's quantities filled in up to
 * column t, and P(digit | rows 1..t) up to t; then a last frame with the final answer, held longer.
 * Every number comes from one trace of the model; the widgets are GateScope's own (Heatmap,
 * DigitImage, StepStrip) in an offscreen scene. FX thread: each {@link #frame} is one snapshot.
 */
public final class ReadingFrames {
  /** How long a row's frame shows, in hundredths of a second. */
  public static final int ROW_CS = 35;

  /** How long the last frame (the answer) shows. */
  public static final int ANSWER_CS = 350;

  static final double WIDTH = 860;
  static final double HEIGHT = 520;

  private final float[] pixels;
  private final GateTrace trace;
  private final Reading reading;
  private final DigitImage digit = new DigitImage();
  private final StepStrip strip = new StepStrip();
  private final List<Heatmap> maps = new ArrayList<>();
  private final Label row = new Label();
  private final Label answer = new Label();
  private final Scene scene;

  /**
   * @param pixels the 28×28 input the trace read
   * @param trace the model's trace of it
   * @param reading how the model reads the image (rows, columns, permuted rows)
   * @param what the input in words (e.g. "MNIST test #0")
   * @param model the model's name
   */
  public ReadingFrames(
      float[] pixels, GateTrace trace, Reading reading, String what, String model) {
    this.pixels = pixels.clone();
    this.trace = trace;
    this.reading = reading;
    Label title = new Label(Messages.get("export.reading.title", what, model));
    title.getStyleClass().add("reading-title");
    title.setStyle("-fx-font-size: 15px; -fx-font-weight: bold;");
    answer.setStyle("-fx-font-size: 14px; -fx-text-fill: #ffb000;");
    row.setStyle("-fx-font-size: 13px;");
    VBox head = new VBox(2, title, row, answer);
    VBox left = new VBox(8, buildDigit(), buildStrip());
    VBox body = new VBox(8, head, new HBox(14, left, buildMaps()));
    body.setPadding(new Insets(12));
    body.setPrefSize(WIDTH, HEIGHT);
    body.setMinSize(WIDTH, HEIGHT);
    body.setMaxSize(WIDTH, HEIGHT);
    scene = new Scene(body, WIDTH, HEIGHT, PictureExport.BACKGROUND);
    scene
        .getStylesheets()
        .add(ReadingFrames.class.getResource("/io/gatescope/ui/gatescope.css").toExternalForm());
  }

  private DigitImage buildDigit() {
    digit.setDimUnread(true);
    digit.setPrefSize(250, 250);
    digit.setMaxSize(250, 250);
    return digit;
  }

  private VBox buildStrip() {
    strip.setPrefSize(330, 150);
    strip.setMaxSize(330, 150);
    return new VBox(2, new Label(Messages.get("export.reading.strip")), strip);
  }

  /** The cell's maps, three to a row, each named with its symbol and its colour range. */
  private GridPane buildMaps() {
    GridPane grid = new GridPane();
    grid.setHgap(8);
    grid.setVgap(6);
    int layer = trace.layers().size() - 1;
    int[] order = new int[trace.hidden()];
    Arrays.setAll(order, u -> u);
    List<Quantity> qs = trace.cell().quantities();
    for (int i = 0; i < qs.size(); i++) {
      Quantity q = qs.get(i);
      float[][] v = trace.get(layer, q);
      double r = q.isGate() ? 1 : q == Quantity.CELL ? Math.max(1e-6, maxAbs(v)) : 1;
      double lo = q.isGate() ? 0 : -r;
      Heatmap hm = new Heatmap();
      hm.show(v, order, q.isGate() ? ColorMap.SEQUENTIAL : ColorMap.DIVERGING, lo, r);
      hm.setPrefSize(156, 186);
      hm.setMaxSize(156, 186);
      maps.add(hm);
      Label name = new Label(String.format("%s   %.3g … %.3g", q.symbol(), lo, r));
      grid.add(new VBox(2, name, hm), i % 3, i / 3);
    }
    return grid;
  }

  /** How many frames: one per timestep, then the answer. */
  public int count() {
    return trace.steps() + 1;
  }

  /** How long frame {@code k} shows, in hundredths of a second. */
  public int centiseconds(int k) {
    return k < trace.steps() ? ROW_CS : ANSWER_CS;
  }

  /**
   * Frame k (0-based): after row k + 1, or the answer for the last; in the colours of exports
   * ({@link ColorScheme#inExportColours}). FX thread.
   */
  public WritableImage frame(int k) {
    return ColorScheme.inExportColours(() -> frameNow(k));
  }

  private WritableImage frameNow(int k) {
    int steps = trace.steps();
    int t = Math.min(steps, k + 1);
    digit.show(pixels, k < steps ? t : 0, reading);
    for (Heatmap hm : maps) {
      hm.showUpTo(t);
    }
    strip.show(Arrays.copyOf(trace.stepProbabilities(), t), k < steps ? t : 0);
    float[] p = trace.stepProbabilities()[t - 1];
    int best = Softmax.argmax(p);
    row.setText(Messages.get("export.reading.row", t));
    answer.setText(
        k < steps
            ? Messages.get("export.reading.answer", t, best, 100 * p[best])
            : Messages.get("export.reading.final", best, 100 * p[best]));
    scene.getRoot().applyCss();
    scene.getRoot().layout();
    return scene.snapshot(null);
  }

  /** A snapshot's pixels as a GIF frame. FX thread (reading an image's pixels is cheap). */
  public static AnimatedGif.Frame gifFrame(WritableImage img, int centiseconds) {
    int w = (int) img.getWidth();
    int h = (int) img.getHeight();
    int[] argb = new int[w * h];
    img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
    return new AnimatedGif.Frame(w, h, argb, centiseconds);
  }

  private static double maxAbs(float[][] v) {
    double m = 0;
    for (float[] r : v) {
      for (float x : r) {
        m = Math.max(m, Math.abs(x));
      }
    }
    return m;
  }
}

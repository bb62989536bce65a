package io.gatescope.ui.common;

import io.gatescope.core.AtomicFile;
import io.gatescope.core.Messages;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Right-click on a picture: Copy image, Save PNG (drawn again at twice the size, for slides), Save
 * CSV of the numbers behind it; in presenter mode also whether pictures keep its high-contrast
 * colours (by default they have the usual ones: {@link ColorScheme#inExportColours}). One menu for
 * every picture GateScope draws: canvas widgets get it from {@link CanvasWidget}, charts and other
 * nodes through {@link #attach(Node, Source)}.
 */
public final class PictureExport {
  /** Twice the size on screen: sharp on a projector and in slides. */
  public static final double PNG_SCALE = 2;

  /** The window's background, behind pictures that leave parts of themselves transparent. */
  public static final Color BACKGROUND = Color.web("#1e2226");

  private static final String MENU_KEY = "gatescope.pictureExport";

  /** The menu's items shown only in presenter mode (the choice of colours for exports). */
  private static final String PRESENTER_ONLY = "export-presenter-only";

  /**
   * A picture that can be exported.
   *
   * @param name the file name proposed, without extension (e.g. "heatmap-forget")
   * @param render the picture drawn at a scale (1 = as on screen), on the FX thread
   * @param csv the numbers behind it, or null when it has none to give (the item is then disabled)
   */
  public record Source(
      Supplier<String> name, DoubleFunction<WritableImage> render, Supplier<CsvTable> csv) {}

  /** Where to save: a file chooser, or a fixed answer in tests. Returns null when cancelled. */
  public interface SaveAsk {
    Path ask(Window owner, String initialName, String extension);
  }

  private static SaveAsk saveAsk = PictureExport::choose;

  private PictureExport() {}

  /** Replaces the file chooser (tests answer with a path instead of a dialog). */
  public static void useSaveAsk(SaveAsk ask) {
    saveAsk = ask == null ? PictureExport::choose : ask;
  }

  /** Asks where to save a file (the save dialog, or the tests' answer); null when cancelled. */
  public static Path askSave(Window owner, String initialName, String extension) {
    return saveAsk.ask(owner, initialName, extension);
  }

  /** Gives {@code node} the export menu on right-click (or the keyboard's context-menu key). */
  public static void attach(Node node, Source source) {
    node.addEventHandler(
        ContextMenuEvent.CONTEXT_MENU_REQUESTED,
        e -> {
          if (e.isConsumed()) {
            return;
          }
          ContextMenu menu = menuOf(node, source);
          menu.getItems().get(2).setDisable(source.csv() == null || source.csv().get() == null);
          boolean presenter = ColorScheme.highContrast();
          menu.getItems().stream()
              .filter(i -> i.getStyleClass().contains(PRESENTER_ONLY))
              .forEach(i -> i.setVisible(presenter));
          menu.show(node, e.getScreenX(), e.getScreenY());
          e.consume();
        });
  }

  /** The export menu of a node, made once (tests fire its items). */
  public static ContextMenu menuOf(Node node, Source source) {
    Object m = node.getProperties().get(MENU_KEY);
    if (m instanceof ContextMenu cm) {
      return cm;
    }
    MenuItem copy = item("export.copy", "mdi2c-content-copy", "export-copy");
    copy.setOnAction(e -> copy(source.render().apply(1)));
    MenuItem png = item("export.png", "mdi2i-image-outline", "export-png");
    png.setOnAction(e -> savePng(node, source));
    MenuItem csv = item("export.csv", "mdi2f-file-delimited-outline", "export-csv");
    csv.setOnAction(e -> saveCsv(node, source));
    CheckMenuItem contrast = new CheckMenuItem(Messages.get("export.highContrast"));
    contrast.setId("export-high-contrast");
    contrast.selectedProperty().bindBidirectional(ColorScheme.exportInHighContrastProperty());
    SeparatorMenuItem line = new SeparatorMenuItem();
    for (MenuItem i : List.of(line, contrast)) {
      i.getStyleClass().add(PRESENTER_ONLY);
      i.setVisible(ColorScheme.highContrast());
    }
    ContextMenu menu = new ContextMenu(copy, png, csv, line, contrast);
    menu.setId("export-menu");
    node.getProperties().put(MENU_KEY, menu);
    return menu;
  }

  /**
   * Gives a chart the export menu: Copy and Save PNG of the chart as drawn (rendered again at 2×),
   * and a CSV of its series: series name, x, y, each value as the chart holds it.
   */
  public static void attachChart(XYChart<?, ?> chart, String name) {
    attach(chart, new Source(() -> name, s -> snapshot(chart, s), () -> chartCsv(chart)));
  }

  /** The series of a chart, one row per point, or null when it has none. */
  public static CsvTable chartCsv(XYChart<?, ?> chart) {
    if (chart.getData().isEmpty()) {
      return null;
    }
    CsvTable t =
        new CsvTable(
            List.of(
                Messages.get("export.csv.series"),
                label(chart.getXAxis().getLabel(), "x"),
                label(chart.getYAxis().getLabel(), "y")));
    for (XYChart.Series<?, ?> s : chart.getData()) {
      String name = s.getName() == null ? "" : s.getName();
      for (XYChart.Data<?, ?> d : s.getData()) {
        t.row(List.of(name, text(d.getXValue()), text(d.getYValue())));
      }
    }
    return t;
  }

  private static String label(String l, String otherwise) {
    return l == null || l.isBlank() ? otherwise : l;
  }

  private static String text(Object v) {
    return v == null ? "" : v.toString();
  }

  /** The export menu of a node that has one, or null. */
  public static ContextMenu menuOf(Node node) {
    return node.getProperties().get(MENU_KEY) instanceof ContextMenu cm ? cm : null;
  }

  /** A node as it is drawn, at a scale: the scene graph renders it again at that size. */
  public static WritableImage snapshot(Node node, double scale) {
    SnapshotParameters p = new SnapshotParameters();
    p.setFill(BACKGROUND);
    p.setTransform(Transform.scale(scale, scale));
    return node.snapshot(p, null);
  }

  /** Puts an image on the clipboard. */
  public static void copy(WritableImage img) {
    ClipboardContent c = new ClipboardContent();
    c.putImage(img);
    Clipboard.getSystemClipboard().setContent(c);
  }

  private static void savePng(Node node, Source source) {
    Path f = saveAsk.ask(window(node), source.name().get() + ".png", "png");
    if (f != null) {
      try {
        AtomicFile.write(f, Files2.png(source.render().apply(PNG_SCALE)));
      } catch (IOException ex) {
        failed(node, f, ex);
      }
    }
  }

  private static void saveCsv(Node node, Source source) {
    CsvTable t = source.csv() == null ? null : source.csv().get();
    if (t == null) {
      return;
    }
    Path f = saveAsk.ask(window(node), source.name().get() + ".csv", "csv");
    if (f != null) {
      try {
        AtomicFile.write(f, t.text().getBytes(StandardCharsets.UTF_8));
      } catch (IOException ex) {
        failed(node, f, ex);
      }
    }
  }

  private static void failed(Node node, Path f, IOException ex) {
    Alert a = new Alert(Alert.AlertType.ERROR, Messages.get("file.saveFailed", f, ex.getMessage()));
    a.initOwner(window(node)); // a window of the main one: it follows presenter mode's size
    a.show();
  }

  private static Window window(Node node) {
    return node.getScene() == null ? null : node.getScene().getWindow();
  }

  private static MenuItem item(String key, String icon, String id) {
    MenuItem item = new MenuItem(Messages.get(key), new FontIcon(icon));
    item.setId(id);
    return item;
  }

  /** The system's save dialog, proposing a name and filtering by the extension. */
  private static Path choose(Window owner, String initialName, String extension) {
    FileChooser fc = new FileChooser();
    fc.setInitialFileName(initialName);
    fc.getExtensionFilters()
        .addAll(
            new FileChooser.ExtensionFilter(
                Messages.get("export.filter." + extension), "*." + extension),
            new FileChooser.ExtensionFilter(Messages.get("file.filter.all"), "*"));
    File f = fc.showSaveDialog(owner);
    return f == null ? null : f.toPath();
  }
}

package io.gatescope.ui.train;

import io.gatescope.core.AtomicFile;
import io.gatescope.core.Messages;
import io.gatescope.ui.common.ChartSummary;
import io.gatescope.ui.common.Files2;
import java.io.File;
import java.io.IOException;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Alert;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.stage.FileChooser;

/**
 * A Train chart: a line chart of iterations against a measure, without symbols or animation (a live
 * chart must stay cheap to redraw), with a screen-reader summary and "Save as PNG" on its context
 * menu.
 */
final class TrainChart {
  private TrainChart() {}

  static LineChart<Number, Number> create(String id, String title, String x, String y) {
    NumberAxis xa = new NumberAxis();
    xa.setLabel(x);
    xa.setForceZeroInRange(true); // iterations from 0: same ticks on every chart
    NumberAxis ya = new NumberAxis();
    ya.setLabel(y);
    ya.setAnimated(false);
    xa.setAnimated(false);
    LineChart<Number, Number> c = new LineChart<>(xa, ya);
    ChartSummary.attach(c); // what a screen reader says
    c.setTitle(title);
    c.setAnimated(false);
    c.setCreateSymbols(false);
    c.setMinSize(160, 120);
    c.setPrefSize(420, 260);
    MenuItem png = new MenuItem(Messages.get("chart.savePng"));
    png.setOnAction(e -> savePng(c, id));
    c.setOnContextMenuRequested(e -> new ContextMenu(png).show(c, e.getScreenX(), e.getScreenY()));
    return c;
  }

  private static void savePng(LineChart<Number, Number> c, String id) {
    FileChooser fc = new FileChooser();
    fc.setInitialFileName(id + ".png");
    File f = fc.showSaveDialog(c.getScene().getWindow());
    if (f != null) {
      try {
        AtomicFile.write(f.toPath(), Files2.png(c.snapshot(null, null)));
      } catch (IOException ex) {
        new Alert(Alert.AlertType.ERROR, Messages.get("file.saveFailed", f, ex.getMessage()))
            .show();
      }
    }
  }
}

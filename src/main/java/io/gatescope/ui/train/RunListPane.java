package io.gatescope.ui.train;

import io.gatescope.core.Messages;
import java.io.File;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;

/** The run list (tick a run to overlay its test accuracy) and its Export CSV button. */
final class RunListPane {
  private final RunHistory history;
  private final ListView<Run> list = new ListView<>();

  RunListPane(RunHistory history) {
    this.history = history;
  }

  Node build() {
    buildList();
    Button csv = buildExport();
    FlowPane head = new FlowPane(8, 4, TrainView.title(Messages.get("train.runs")), csv);
    head.setAlignment(Pos.CENTER_LEFT);
    VBox box = new VBox(4, head, list);
    VBox.setVgrow(list, Priority.ALWAYS);
    box.setMinSize(0, 0);
    return box;
  }

  private void buildList() {
    list.setItems(history.runs());
    list.setId("train-runs");
    Label empty = new Label(Messages.get("train.runs.empty"));
    empty.setWrapText(true);
    empty.setPadding(new Insets(8));
    list.setPlaceholder(empty);
    var checkBoxCells = CheckBoxListCell.forListView(Run::shown);
    list.setCellFactory(
        lv -> {
          // A long summary wraps onto a second line instead of ending in "…".
          ListCell<Run> cell = checkBoxCells.call(lv);
          cell.setWrapText(true);
          cell.prefWidthProperty().bind(lv.widthProperty().subtract(18));
          cell.setMaxWidth(Region.USE_PREF_SIZE);
          // Which accuracy is which: final (as the status bar's model) and best.
          cell.itemProperty()
              .addListener(
                  (o, a, run) -> {
                    String tip = run == null ? null : run.accuracyTip();
                    cell.setTooltip(tip == null ? null : new Tooltip(tip));
                  });
          return cell;
        });
  }

  private Button buildExport() {
    Button csv =
        new Button(Messages.get("train.exportCsv"), new FontIcon("mdi2f-file-delimited-outline"));
    csv.setId("train-export");
    csv.setTooltip(new Tooltip(Messages.get("train.exportCsv.tip")));
    csv.setMinWidth(Region.USE_PREF_SIZE);
    // Enabled for the ticked runs or the selected one: exportTargets says which it writes.
    csv.disableProperty()
        .bind(
            Bindings.createBooleanBinding(
                () -> exportTargets().isEmpty(),
                list.getSelectionModel().selectedItemProperty(),
                history.overlaid()));
    csv.setOnAction(
        e -> {
          FileChooser fc = new FileChooser();
          fc.setInitialFileName("gatescope-runs.csv");
          File f = fc.showSaveDialog(list.getScene().getWindow());
          if (f != null) {
            history.exportCsv(exportTargets(), f.toPath());
          }
        });
    return csv;
  }

  /** What Export CSV would write now: the ticked runs, or else the selected one. */
  List<Run> exportTargets() {
    return history.exportTargets(list.getSelectionModel().getSelectedItem());
  }
}

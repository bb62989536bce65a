package io.gatescope.ui.units;

import static io.gatescope.ui.common.Controls.button;
import static io.gatescope.ui.common.Controls.keepWidth;
import static io.gatescope.ui.common.Controls.note;
import static io.gatescope.ui.common.Controls.workspace;

import io.gatescope.core.Messages;
import io.gatescope.ui.common.Keys;
import io.gatescope.ui.common.Segments;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;

/**
 * The Units workspace: the index's progress and memory at the top, then one of three pages: the
 * unit card, the pattern search, the state map.
 */
public final class UnitsView extends BorderPane {
  private final UnitsViewModel vm;

  public UnitsView(UnitsViewModel vm) {
    this.vm = vm;
    workspace(this, "units-view", "units.css");
    setTop(buildTopBar());
    setCenter(buildPages());
    bindKeys();
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
    Node card = new CardPage(vm.card);
    Node pattern = new PatternPage(vm.pattern);
    Node map = new StateMapPage(vm.map);
    vm.pageProperty()
        .addListener(
            (o, a, p) -> {
              if (p == UnitsViewModel.Page.MAP) {
                vm.map.ensure();
              }
            });
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

  // ---- keys ----

  private void bindKeys() {
    Keys.bind(this, "Shortcut+Up", () -> vm.card.unitBy(-1));
    Keys.bind(this, "Shortcut+Down", () -> vm.card.unitBy(1));
  }
}

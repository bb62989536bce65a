package io.gatescope.ui.shell;

import io.gatescope.core.Messages;
import io.gatescope.ui.common.ModelEntry;
import io.gatescope.ui.common.ModelShelf;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;

/**
 * Models: every model of this window (shipped, opened, trained, taught) with its accuracy on the
 * test set; the ticked one is the model every workspace shows.
 */
final class ModelsMenu {
  private ModelsMenu() {}

  static Menu of(ShellViewModel vm) {
    ModelShelf shelf = vm.session().models();
    Menu menu = new Menu(Messages.get("menu.models"));
    menu.setId("menu-models");
    ToggleGroup group = new ToggleGroup();
    Runnable fill =
        () -> {
          menu.getItems().clear();
          group.getToggles().clear();
          for (ModelEntry e : shelf.entries()) {
            menu.getItems().add(item(vm, e, group, e == shelf.currentProperty().get()));
          }
          if (shelf.entries().isEmpty()) {
            MenuItem none = new MenuItem(Messages.get("models.none"));
            none.setDisable(true);
            menu.getItems().add(none);
          }
        };
    shelf.entries().addListener((ListChangeListener<ModelEntry>) c -> fill.run());
    shelf.currentProperty().addListener(o -> fill.run());
    fill.run();
    return menu;
  }

  /** One model: its name and accuracy, marked while no file holds it. */
  private static RadioMenuItem item(
      ShellViewModel vm, ModelEntry e, ToggleGroup group, boolean current) {
    RadioMenuItem item = new RadioMenuItem();
    item.textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    e.labelBinding().get()
                        + (e.needsSaving() ? Messages.get("models.unsaved") : ""),
                e.labelBinding(),
                e.fileProperty()));
    item.setToggleGroup(group);
    item.setSelected(current);
    item.setOnAction(a -> vm.useModel(e));
    return item;
  }
}

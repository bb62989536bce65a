package io.gatescope.ui.shell;

import io.gatescope.core.Messages;
import io.gatescope.ui.common.Presenter;
import io.gatescope.ui.common.Workspace;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;

/**
 * View: a workspace per item (greyed while a lesson hides its tab), presenter mode and its size,
 * and the language.
 */
final class ViewMenu {
  private ViewMenu() {}

  /**
   * View: one item per workspace (Shortcut+1..5), then presenter mode, its size and the language.
   *
   * @param tabs the workspaces' tabs shown
   * @param allTabs every workspace's tab, in {@link Workspace} order
   * @param select shows a workspace
   */
  static Menu of(
      ShellViewModel vm,
      Presenter presenter,
      TabPane tabs,
      List<Tab> allTabs,
      Consumer<Workspace> select) {
    Menu view = new Menu(Messages.get("menu.view"));
    for (Workspace w : Workspace.values()) {
      MenuItem go =
          new MenuItem(Messages.get("menu.view.workspace", Messages.get("tab." + w.id())));
      go.setAccelerator(KeyCombination.keyCombination("Shortcut+" + (w.ordinal() + 1)));
      go.setOnAction(e -> select.accept(w));
      Tab tab = allTabs.get(w.ordinal());
      go.disableProperty()
          .bind(
              javafx.beans.binding.Bindings.createBooleanBinding(
                  () -> !tabs.getTabs().contains(tab), tabs.getTabs()));
      view.getItems().add(go);
    }
    view.getItems()
        .addAll(
            new SeparatorMenuItem(),
            presenterItem(presenter),
            presenterSizeMenu(presenter),
            new SeparatorMenuItem(),
            languageMenu(vm));
    return view;
  }

  /** View ▸ Presenter mode (Ctrl+Shift+P): on and off, live. */
  private static MenuItem presenterItem(Presenter presenter) {
    CheckMenuItem item = new CheckMenuItem(Messages.get("menu.presenter"));
    item.setId("menu-presenter");
    item.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+P"));
    item.setSelected(presenter.onProperty().get());
    item.setOnAction(e -> presenter.setOn(item.isSelected()));
    presenter.onProperty().addListener((o, a, on) -> item.setSelected(on));
    return item;
  }

  /** View ▸ Presenter size: 150 %, 175 % or 200 %. */
  private static Menu presenterSizeMenu(Presenter presenter) {
    return radioMenu(
        "menu.presenter.size",
        Presenter.SCALES,
        p -> Messages.get("menu.presenter.percent", p),
        p -> "presenter-" + p,
        presenter::choosePercent,
        presenter.percentProperty());
  }

  /** View ▸ Language: the system's, English or 简体中文; takes effect at the next start. */
  private static Menu languageMenu(ShellViewModel vm) {
    return radioMenu(
        "menu.language",
        ShellViewModel.LANGUAGE_CHOICES,
        tag -> Messages.get("language." + tag),
        tag -> "language-" + tag,
        vm::chooseLanguage,
        vm.languageProperty());
  }

  /**
   * A menu of {@code choices}, one radio item each: choosing one calls {@code choose}, and the item
   * ticked is always the one {@code current} holds.
   */
  private static <T> Menu radioMenu(
      String titleKey,
      List<T> choices,
      Function<T, String> label,
      Function<T, String> id,
      Consumer<T> choose,
      ObservableValue<?> current) {
    Menu menu = new Menu(Messages.get(titleKey));
    ToggleGroup group = new ToggleGroup();
    for (T choice : choices) {
      RadioMenuItem item = new RadioMenuItem(label.apply(choice));
      item.setId(id.apply(choice));
      item.setToggleGroup(group);
      item.setUserData(choice);
      item.setOnAction(e -> choose.accept(choice));
      menu.getItems().add(item);
    }
    Runnable tick =
        () ->
            group.getToggles().stream()
                .filter(t -> t.getUserData().equals(current.getValue()))
                .forEach(t -> t.setSelected(true));
    current.addListener(o -> tick.run());
    tick.run();
    return menu;
  }
}

package io.gatescope.ui.shell;

import io.gatescope.core.AppInfo;
import io.gatescope.core.Messages;
import io.gatescope.ui.common.ModelEntry;
import io.gatescope.ui.common.ModelShelf;
import io.gatescope.ui.common.Notice;
import io.gatescope.ui.common.Session;
import java.io.File;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.kordamp.ikonli.javafx.FontIcon;

/** The main window: menu, one tab per workspace, status bar. */
public final class ShellView extends BorderPane {
  /** How long a notice stays: time to read two lines aloud in a classroom. */
  static final double NOTICE_SECONDS = 8;

  private final TabPane tabs = new TabPane();
  private FileChooser chooser;
  private ShellViewModel vm;

  /**
   * @param onOpen called with a model file the user chose
   * @param onSave called with the file to save the current model to
   */
  public ShellView(
      ShellViewModel vm,
      Node train,
      Node draw,
      Node inside,
      Node evaluate,
      Consumer<File> onOpen,
      Consumer<File> onSave,
      Runnable onQuit) {
    setId("shell");
    this.vm = vm;
    Session s = vm.session();
    tabs.getTabs()
        .addAll(
            tab("train", "mdi2c-chart-line", train),
            tab("draw", "mdi2d-draw", draw),
            tab("inside", "mdi2m-microscope", inside),
            tab("evaluate", "mdi2t-table-eye", evaluate));
    s.workspaceRequestProperty()
        .addListener(
            (o, a, w) -> {
              if (w != null) {
                select(w);
              }
            });
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    tabs.setId("workspaces");
    setCenter(tabs);

    FileChooser chooser = new FileChooser();
    chooser
        .getExtensionFilters()
        .addAll(
            new FileChooser.ExtensionFilter(Messages.get("file.filter.models"), "*.gatescope"),
            new FileChooser.ExtensionFilter(Messages.get("file.filter.dl4j"), "*.zip"),
            new FileChooser.ExtensionFilter(Messages.get("file.filter.all"), "*"));
    MenuItem open =
        new MenuItem(Messages.get("menu.open"), new FontIcon("mdi2f-folder-open-outline"));
    open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
    open.setOnAction(
        e -> {
          File f = chooser.showOpenDialog(getScene().getWindow());
          if (f != null) {
            onOpen.accept(f);
          }
        });
    MenuItem save =
        new MenuItem(Messages.get("menu.save"), new FontIcon("mdi2c-content-save-outline"));
    save.setAccelerator(KeyCombination.keyCombination("Shortcut+S"));
    save.setOnAction(
        e -> {
          chooser.setInitialFileName("model.gatescope");
          File f = chooser.showSaveDialog(getScene().getWindow());
          if (f != null) {
            onSave.accept(f);
          }
        });
    MenuItem quit = new MenuItem(Messages.get("menu.quit"));
    quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
    quit.setOnAction(
        e -> {
          if (confirmQuit()) {
            onQuit.run();
          }
        });
    Menu file = new Menu(Messages.get("menu.file"), null, open, save, quit);
    this.chooser = chooser;
    Menu view = new Menu(Messages.get("menu.view"));
    for (int i = 0; i < tabs.getTabs().size(); i++) {
      int k = i;
      MenuItem go =
          new MenuItem(Messages.get("menu.view.workspace", tabs.getTabs().get(i).getText()));
      go.setAccelerator(KeyCombination.keyCombination("Shortcut+" + (i + 1)));
      go.setOnAction(e -> tabs.getSelectionModel().select(k));
      view.getItems().add(go);
    }
    view.getItems().add(new SeparatorMenuItem());
    view.getItems().add(languageMenu(vm));
    MenuItem about = new MenuItem(Messages.get("menu.about"));
    about.setOnAction(e -> about());
    MenuItem keys = new MenuItem(Messages.get("menu.keys"));
    keys.setAccelerator(KeyCombination.keyCombination("F1"));
    keys.setOnAction(e -> keys());
    Menu help = new Menu(Messages.get("menu.help"), null, keys, about);
    setTop(new MenuBar(file, modelsMenu(s), view, help));
    vm.noticeProperty().addListener((o, a, n) -> showNotice(n));

    Label status = new Label();
    status.setId("status-text");
    status.textProperty().bind(s.statusProperty());
    // A long message wraps onto a second line rather than being cut; the model's name stays whole.
    status.setWrapText(true);
    status.setMinWidth(0);
    status.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(status, Priority.ALWAYS);
    Label model = new Label();
    model.setId("status-model");
    model.textProperty().bind(s.modelNameProperty());
    model.setMinWidth(Region.USE_PREF_SIZE);
    ProgressBar progress = new ProgressBar();
    progress.setId("status-progress");
    progress.setPrefWidth(140);
    progress.progressProperty().bind(s.progressProperty());
    progress.visibleProperty().bind(s.progressProperty().lessThan(1));
    HBox bar = new HBox(10, status, new FontIcon("mdi2b-brain"), model, progress);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(4, 10, 4, 10));
    bar.setId("status-bar");
    bar.getStyleClass().add("status-bar");
    setBottom(bar);
  }

  /**
   * A notice as a ControlsFX notification at the window's bottom right (above the status bar, clear
   * of the menus and tabs), in its dark style: seen on a small screen where the status bar's text
   * may be cut; it fades after a while.
   */
  private void showNotice(Notice n) {
    if (n == null || getScene() == null || getScene().getWindow() == null) {
      return;
    }
    Notifications.create()
        .owner(getScene().getWindow())
        .title(n.title())
        .text(n.text())
        .graphic(new FontIcon("mdi2i-information-outline"))
        .position(Pos.BOTTOM_RIGHT)
        .hideAfter(Duration.seconds(NOTICE_SECONDS))
        .darkStyle()
        .styleClass("gatescope-notice")
        .show();
  }

  public TabPane tabs() {
    return tabs;
  }

  /** Shows a workspace by id: "train", "draw", "inside" or "evaluate" (any case). */
  public void select(String workspace) {
    for (Tab t : tabs.getTabs()) {
      if (t.getId().equals("tab-" + workspace.toLowerCase(java.util.Locale.ROOT))) {
        tabs.getSelectionModel().select(t);
      }
    }
  }

  /** The id of the workspace shown ("train", "draw", ...), for the settings. */
  public String selectedWorkspace() {
    return tabs.getSelectionModel().getSelectedItem().getId().substring("tab-".length());
  }

  private static Tab tab(String id, String icon, Node content) {
    Tab t = new Tab(Messages.get("tab." + id), content);
    t.setGraphic(new FontIcon(icon));
    t.setId("tab-" + id);
    return t;
  }

  /** View ▸ Language: the system's, English or 简体中文; takes effect at the next start. */
  private Menu languageMenu(ShellViewModel vm) {
    Menu menu = new Menu(Messages.get("menu.language"));
    ToggleGroup group = new ToggleGroup();
    for (String tag : ShellViewModel.LANGUAGE_CHOICES) {
      RadioMenuItem item = new RadioMenuItem(Messages.get("language." + tag));
      item.setId("language-" + tag);
      item.setToggleGroup(group);
      item.setUserData(tag);
      item.setOnAction(e -> vm.chooseLanguage(tag));
      menu.getItems().add(item);
    }
    Runnable tick =
        () ->
            group.getToggles().stream()
                .filter(t -> t.getUserData().equals(vm.languageProperty().get()))
                .forEach(t -> t.setSelected(true));
    vm.languageProperty().addListener(o -> tick.run());
    tick.run();
    return menu;
  }

  /**
   * Models: every model of this window (shipped, opened, trained, taught) with its accuracy on the
   * test set; the ticked one is the model every workspace shows.
   */
  private Menu modelsMenu(Session s) {
    ModelShelf shelf = s.models();
    Menu menu = new Menu(Messages.get("menu.models"));
    menu.setId("menu-models");
    ToggleGroup group = new ToggleGroup();
    Runnable fill =
        () -> {
          menu.getItems().clear();
          group.getToggles().clear();
          for (ModelEntry e : shelf.entries()) {
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
            item.setSelected(e == shelf.currentProperty().get());
            item.setOnAction(a -> vm.useModel(e));
            menu.getItems().add(item);
          }
          if (shelf.entries().isEmpty()) {
            MenuItem none = new MenuItem(Messages.get("models.none"));
            none.setDisable(true);
            menu.getItems().add(none);
          }
        };
    shelf
        .entries()
        .addListener((javafx.collections.ListChangeListener<ModelEntry>) c -> fill.run());
    shelf.currentProperty().addListener(o -> fill.run());
    fill.run();
    return menu;
  }

  /**
   * Before the window closes: offers to save each trained or taught model that no file holds.
   *
   * @return false when the user cancelled (the window stays open)
   */
  public boolean confirmQuit() {
    ModelShelf shelf = vm.session().models();
    for (ModelEntry e : shelf.unsaved()) {
      ButtonType saveIt = new ButtonType(Messages.get("quit.save"), ButtonBar.ButtonData.YES);
      ButtonType drop = new ButtonType(Messages.get("quit.discard"), ButtonBar.ButtonData.NO);
      Alert a =
          new Alert(
              Alert.AlertType.CONFIRMATION,
              Messages.get("quit.unsaved.text", e.labelBinding().get()),
              saveIt,
              drop,
              ButtonType.CANCEL);
      a.initOwner(getScene().getWindow());
      a.setTitle(Messages.get("quit.title"));
      a.setHeaderText(Messages.get("quit.unsaved.header", e.name()));
      a.getDialogPane().setId("quit-dialog");
      a.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
      ButtonType answer = a.showAndWait().orElse(ButtonType.CANCEL);
      if (answer == ButtonType.CANCEL) {
        return false;
      }
      if (answer == saveIt && !saveBeforeQuit(shelf, e)) {
        return false;
      }
    }
    return true;
  }

  private boolean saveBeforeQuit(ModelShelf shelf, ModelEntry e) {
    chooser.setInitialFileName("model.gatescope");
    File f = chooser.showSaveDialog(getScene().getWindow());
    if (f == null) {
      return false;
    }
    try {
      shelf.save(e, f.toPath());
      return true;
    } catch (io.gatescope.core.model.ModelFileException ex) {
      Alert err = new Alert(Alert.AlertType.ERROR, ex.getMessage());
      err.initOwner(getScene().getWindow());
      err.showAndWait();
      return false;
    }
  }

  private void keys() {
    Alert a = new Alert(Alert.AlertType.INFORMATION);
    a.initOwner(getScene().getWindow());
    a.setTitle(Messages.get("keys.title"));
    a.setHeaderText(Messages.get("keys.title"));
    TextArea text = new TextArea(Messages.get("keys.text"));
    text.setEditable(false);
    text.setWrapText(true);
    text.setPrefRowCount(16);
    text.getStyleClass().add("mono");
    a.getDialogPane().setContent(text);
    // A dialog is its own scene: give it the window's style sheets (the list is in columns).
    a.getDialogPane().getStylesheets().addAll(getScene().getStylesheets());
    a.showAndWait();
  }

  private void about() {
    Alert a = new Alert(Alert.AlertType.INFORMATION);
    a.initOwner(getScene().getWindow());
    a.setTitle(Messages.get("about.title"));
    a.setHeaderText("GateScope " + AppInfo.version());
    TextArea text = new TextArea(Messages.get("about.text"));
    text.setEditable(false);
    text.setWrapText(true);
    text.setPrefRowCount(12);
    a.getDialogPane().setContent(text);
    a.showAndWait();
  }
}

package io.gatescope.ui.shell;

import io.gatescope.core.AppInfo;
import io.gatescope.core.Messages;
import io.gatescope.ui.common.Session;
import java.io.File;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;

/** The main window: menu, one tab per workspace, status bar. */
public final class ShellView extends BorderPane {
  private final TabPane tabs = new TabPane();

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
    quit.setOnAction(e -> onQuit.run());
    Menu file = new Menu(Messages.get("menu.file"), null, open, save, quit);
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
    setTop(new MenuBar(file, view, help));

    Label status = new Label();
    status.setId("status-text");
    status.textProperty().bind(s.statusProperty());
    Label model = new Label();
    model.setId("status-model");
    model.textProperty().bind(s.modelNameProperty());
    ProgressBar progress = new ProgressBar();
    progress.setId("status-progress");
    progress.setPrefWidth(140);
    progress.progressProperty().bind(s.progressProperty());
    progress.visibleProperty().bind(s.progressProperty().lessThan(1));
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox bar = new HBox(10, status, gap, new FontIcon("mdi2b-brain"), model, progress);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(4, 10, 4, 10));
    bar.setId("status-bar");
    bar.getStyleClass().add("status-bar");
    setBottom(bar);
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
    javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
    for (String tag : ShellViewModel.LANGUAGE_CHOICES) {
      javafx.scene.control.RadioMenuItem item =
          new javafx.scene.control.RadioMenuItem(Messages.get("language." + tag));
      item.setToggleGroup(group);
      item.setSelected(tag.equals(vm.languageProperty().get()));
      item.setOnAction(e -> vm.languageProperty().set(tag));
      menu.getItems().add(item);
    }
    return menu;
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

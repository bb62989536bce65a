package io.gatescope.ui.shell;

import io.gatescope.core.AppInfo;
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
            tab("Train", "mdi2c-chart-line", train),
            tab("Draw", "mdi2d-draw", draw),
            tab("Inside", "mdi2m-microscope", inside),
            tab("Evaluate", "mdi2t-table-eye", evaluate));
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
            new FileChooser.ExtensionFilter("GateScope models", "*.gatescope"),
            new FileChooser.ExtensionFilter("DL4J network zips", "*.zip"),
            new FileChooser.ExtensionFilter("All files", "*"));
    MenuItem open = new MenuItem("_Open model…", new FontIcon("mdi2f-folder-open-outline"));
    open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
    open.setOnAction(
        e -> {
          File f = chooser.showOpenDialog(getScene().getWindow());
          if (f != null) {
            onOpen.accept(f);
          }
        });
    MenuItem save = new MenuItem("_Save model…", new FontIcon("mdi2c-content-save-outline"));
    save.setAccelerator(KeyCombination.keyCombination("Shortcut+S"));
    save.setOnAction(
        e -> {
          chooser.setInitialFileName("model.gatescope");
          File f = chooser.showSaveDialog(getScene().getWindow());
          if (f != null) {
            onSave.accept(f);
          }
        });
    MenuItem quit = new MenuItem("_Quit");
    quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
    quit.setOnAction(e -> onQuit.run());
    Menu file = new Menu("_File", null, open, save, quit);
    Menu view = new Menu("_View");
    for (int i = 0; i < tabs.getTabs().size(); i++) {
      int k = i;
      MenuItem go = new MenuItem(tabs.getTabs().get(i).getText());
      go.setAccelerator(KeyCombination.keyCombination("Shortcut+" + (i + 1)));
      go.setOnAction(e -> tabs.getSelectionModel().select(k));
      view.getItems().add(go);
    }
    MenuItem about = new MenuItem("_About GateScope");
    about.setOnAction(e -> about());
    Menu help = new Menu("_Help", null, about);
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

  public void select(String workspace) {
    for (Tab t : tabs.getTabs()) {
      if (t.getText().equalsIgnoreCase(workspace)) {
        tabs.getSelectionModel().select(t);
      }
    }
  }

  private static Tab tab(String name, String icon, Node content) {
    Tab t = new Tab(name, content);
    t.setGraphic(new FontIcon(icon));
    t.setId("tab-" + name.toLowerCase());
    return t;
  }

  private void about() {
    Alert a = new Alert(Alert.AlertType.INFORMATION);
    a.initOwner(getScene().getWindow());
    a.setTitle("About GateScope");
    a.setHeaderText("GateScope " + AppInfo.version());
    TextArea text = new TextArea(ABOUT);
    text.setEditable(false);
    text.setWrapText(true);
    text.setPrefRowCount(12);
    a.getDialogPane().setContent(text);
    a.showAndWait();
  }

  static final String ABOUT =
      """
      GateScope: train an LSTM on MNIST, draw digits for it to read, and watch every gate at \
      every timestep.

      MNIST database of handwritten digits by Yann LeCun and Corinna Cortes, licensed under \
      Creative Commons Attribution-Share Alike 3.0 (CC BY-SA 3.0).

      Built with OpenJFX (GPL v2 with Classpath Exception), Deeplearning4j and ND4J \
      (Apache 2.0), OpenBLAS (BSD), ControlsFX (BSD 3-Clause), Ikonli and Material Design \
      Icons (Apache 2.0 / Pictogrammers Free License), picocli (Apache 2.0), Gson (Apache 2.0), \
      Logback (EPL 1.0 / LGPL 2.1).
      """;
}

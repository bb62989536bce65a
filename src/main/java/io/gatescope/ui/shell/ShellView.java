package io.gatescope.ui.shell;

import io.gatescope.core.Messages;
import io.gatescope.ui.common.Notice;
import io.gatescope.ui.common.Presenter;
import io.gatescope.ui.common.ReadingExport;
import io.gatescope.ui.common.Session;
import io.gatescope.ui.common.Workspace;
import java.io.File;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;

/** The main window: menu, one tab per workspace, status bar. */
public final class ShellView extends BorderPane {
  private final TabPane tabs = new TabPane();
  private final List<Tab> allTabs = new java.util.ArrayList<>();
  private final Presenter presenter = new Presenter();
  private final WorkspaceSlots slots;
  private final PanelHelp help;
  private final PresenterMode presenterMode;
  private final PresenterWindows presenterWindows =
      new PresenterWindows(presenter, () -> getScene() == null ? null : getScene().getWindow());

  /** The window under the menu: a lesson bar on top (when one is open), the workspaces below. */
  private final BorderPane area = new BorderPane();

  private final FileChooser chooser = modelChooser();
  private final ShellViewModel vm;
  private final QuitGuard quitGuard;
  private Menu fileMenu;

  /**
   * @param workspaces the five workspaces' content, in {@link Workspace} order
   * @param onOpen called with a model file the user chose
   * @param onSave called with the file to save the current model to
   */
  public ShellView(
      ShellViewModel vm,
      List<Node> workspaces,
      Consumer<File> onOpen,
      Consumer<File> onSave,
      Runnable onQuit) {
    setId("shell");
    this.vm = vm;
    this.quitGuard = new QuitGuard(vm.session().models(), chooser, () -> getScene().getWindow());
    this.slots = new WorkspaceSlots(tabs, workspaces);
    StackPane body = new StackPane(buildTabs());
    this.help = new PanelHelp(body, slots.views(), presenter);
    body.getChildren().add(help.layer());
    MenuBar menus =
        new MenuBar(
            buildFileMenu(onOpen, onSave, onQuit),
            ModelsMenu.of(vm),
            ViewMenu.of(vm, presenter, tabs, allTabs, this::select),
            buildHelpMenu());
    HBox status = buildStatusBar();
    this.presenterMode =
        new PresenterMode(presenter, this, area, slots.views(), body, List.of(menus, status));
    area.setCenter(presenterMode.centre());
    setCenter(area);
    setTop(menus);
    setBottom(status);
    getStylesheets().add(ShellView.class.getResource("shell.css").toExternalForm());
    sceneProperty()
        .addListener(
            (o, a, scene) -> {
              if (a == null && scene != null) {
                help.install(scene);
                slots.primeAfterFirstLayout(scene);
              }
            });
    followNavigation();
    vm.noticeProperty().addListener((o, a, n) -> showNotice(n));
  }

  // ---- the workspaces ----

  private TabPane buildTabs() {
    String[] icons = {
      "mdi2c-chart-line",
      "mdi2d-draw",
      "mdi2m-microscope",
      "mdi2c-chart-scatter-plot",
      "mdi2t-table-eye"
    };
    for (Workspace w : Workspace.values()) {
      Tab t = new Tab(Messages.get("tab." + w.id()), slots.slot(w.ordinal()));
      t.setGraphic(new FontIcon(icons[w.ordinal()]));
      t.setId("tab-" + w.id());
      t.setUserData(w);
      tabs.getTabs().add(t);
      allTabs.add(t);
    }
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    tabs.setId("workspaces");
    return tabs;
  }

  /** A screen asked to go elsewhere: show that workspace. */
  private void followNavigation() {
    vm.session().addNavigationListener(n -> select(n.workspace()));
  }

  public TabPane tabs() {
    return tabs;
  }

  /**
   * Where a control is looked for by its id: the window, and every workspace's view (a workspace
   * not shown is out of the window, see {@link WorkspaceSlots}).
   */
  public List<Node> controlRoots() {
    List<Node> out = new java.util.ArrayList<>(List.of(this));
    out.addAll(slots.views());
    return out;
  }

  /** Shows workspace {@code w} (nothing happens while its tab is hidden). */
  public void select(Workspace w) {
    tabs.getTabs().stream()
        .filter(t -> t.getUserData() == w)
        .findFirst()
        .ifPresent(t -> tabs.getSelectionModel().select(t));
  }

  /**
   * Hides the tabs of {@code hidden} (a lesson step keeps its students in one workspace) and shows
   * every other tab again, in workspace order; the workspace shown stays shown unless it is hidden.
   */
  public void hideWorkspaces(java.util.Collection<Workspace> hidden) {
    Tab shown = tabs.getSelectionModel().getSelectedItem();
    List<Tab> keep =
        allTabs.stream().filter(t -> !hidden.contains((Workspace) t.getUserData())).toList();
    if (keep.equals(tabs.getTabs())) {
      return;
    }
    tabs.getTabs().setAll(keep);
    if (keep.contains(shown)) {
      tabs.getSelectionModel().select(shown);
    }
  }

  /** The workspaces whose tabs are shown, in order. */
  public List<Workspace> shownWorkspaces() {
    return tabs.getTabs().stream().map(t -> (Workspace) t.getUserData()).toList();
  }

  /** The workspace shown. */
  public Workspace selectedWorkspace() {
    return (Workspace) tabs.getSelectionModel().getSelectedItem().getUserData();
  }

  // ---- menus ----

  private Menu buildFileMenu(Consumer<File> onOpen, Consumer<File> onSave, Runnable onQuit) {
    MenuItem open = item("menu.open", "mdi2f-folder-open-outline", "Shortcut+O");
    open.setOnAction(e -> chosen(chooser.showOpenDialog(getScene().getWindow()), onOpen));
    MenuItem save = item("menu.save", "mdi2c-content-save-outline", "Shortcut+S");
    save.setOnAction(
        e -> {
          chooser.setInitialFileName("model.gatescope");
          chosen(chooser.showSaveDialog(getScene().getWindow()), onSave);
        });
    MenuItem reading = item("export.reading", "mdi2f-file-gif-box", null);
    reading.setId("menu-export-reading");
    reading.setOnAction(e -> ReadingExport.ask(vm.session(), getScene().getWindow()));
    MenuItem quit = item("menu.quit", null, "Shortcut+Q");
    quit.setOnAction(
        e -> {
          if (confirmQuit()) {
            onQuit.run();
          }
        });
    fileMenu =
        new Menu(
            Messages.get("menu.file"), null, open, save, new SeparatorMenuItem(), reading, quit);
    return fileMenu;
  }

  /** Adds items to the File menu, in a group of their own after Save (the lesson's items). */
  public void addFileItems(List<MenuItem> items) {
    fileMenu.getItems().add(2, new SeparatorMenuItem());
    fileMenu.getItems().addAll(3, items);
  }

  /** Shows {@code bar} under the menu, above the workspaces (the lesson bar). */
  public void showUnderMenu(Node bar) {
    area.setTop(bar);
    // While it shows, the workspaces keep the height they need and scroll under it.
    bar.visibleProperty().addListener((o, a, shown) -> presenterMode.barAbove(shown));
    presenterMode.barAbove(bar.isVisible());
  }

  private static void chosen(File f, Consumer<File> then) {
    if (f != null) {
      then.accept(f);
    }
  }

  private static FileChooser modelChooser() {
    FileChooser chooser = new FileChooser();
    chooser
        .getExtensionFilters()
        .addAll(
            new FileChooser.ExtensionFilter(Messages.get("file.filter.models"), "*.gatescope"),
            new FileChooser.ExtensionFilter(Messages.get("file.filter.dl4j"), "*.zip"),
            new FileChooser.ExtensionFilter(Messages.get("file.filter.all"), "*"));
    return chooser;
  }

  /** Presenter mode: on or off, its size; remembered in the settings. */
  public Presenter presenter() {
    return presenter;
  }

  /** Puts the window in presenter mode as the settings say (at start), live. */
  public void restorePresenter(java.util.function.Function<String, java.util.Optional<String>> s) {
    presenter.restore(s);
    presenterMode.apply();
  }

  /** The zoom around the workspaces while presenter mode is on (for tests). */
  Region presenterZoom() {
    return presenterMode.zoom();
  }

  /**
   * Opens the explanation of the panel with id {@code panelId} (snapshot --explain).
   *
   * @return false when no such panel is on screen
   */
  public boolean explain(String panelId) {
    getScene().getRoot().applyCss();
    getScene().getRoot().layout();
    help.placeNow();
    return help.explain(panelId);
  }

  PanelHelp panelHelp() {
    return help;
  }

  private Menu buildHelpMenu() {
    MenuItem keys = item("menu.keys", null, "F1");
    keys.setOnAction(e -> HelpDialogs.keys(getScene()));
    MenuItem explain = item("menu.explain", "mdi2i-information-outline", "F2");
    explain.setId("menu-explain");
    explain.setOnAction(
        e -> {
          if (!help.explainPointedOrFocused(getScene())) {
            vm.session().setStatus(Messages.get("help.none"));
          }
        });
    MenuItem about = item("menu.about", null, null);
    about.setOnAction(e -> HelpDialogs.about(getScene()));
    return new Menu(Messages.get("menu.help"), null, keys, explain, about);
  }

  private static MenuItem item(String key, String icon, String accelerator) {
    MenuItem item = new MenuItem(Messages.get(key), icon == null ? null : new FontIcon(icon));
    if (accelerator != null) {
      item.setAccelerator(KeyCombination.keyCombination(accelerator));
    }
    return item;
  }

  // ---- status bar and notices ----

  private HBox buildStatusBar() {
    Session s = vm.session();
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
    return bar;
  }

  /** A notice over the window's bottom right (above the status bar), once the window shows. */
  private void showNotice(Notice n) {
    if (n == null || getScene() == null || getScene().getWindow() == null) {
      return;
    }
    NoticePopup.show(getScene().getWindow(), n);
  }

  /**
   * Before the window closes: offers to save each trained or taught model that no file holds.
   *
   * @return false when the user cancelled (the window stays open)
   */
  public boolean confirmQuit() {
    return quitGuard.confirm();
  }
}

package io.gatescope.ui.lesson;

import io.gatescope.core.Messages;
import io.gatescope.ui.common.Controls;
import io.gatescope.ui.common.FlowText;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;
import org.controlsfx.control.PopOver;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The lesson bar under the menu: the lesson's title and "step k of n", Back and Next (also Page Up
 * and Page Down, which presentation clickers send), the caption and the question (edited in place),
 * whether the step's check holds, Record step, Save lesson and Close. Absent while no lesson is
 * open.
 */
public final class LessonBar extends VBox {
  private final LessonViewModel vm;
  private final HiddenControls hider;
  private final TextFlow caption = new TextFlow();
  private final TextFlow question = new TextFlow();
  private final TextArea captionEdit = new TextArea();
  private final TextField questionEdit = new TextField();
  private final Button edit;
  private final Button settings;
  private final PopOver settingsPopOver = new PopOver();
  private final StepEditor editor;
  private final LessonFiles files;
  private boolean editing;

  /**
   * @param roots where the ids a step hides are looked for
   */
  public LessonBar(LessonViewModel vm, Supplier<List<Node>> roots) {
    this.vm = vm;
    this.hider = new HiddenControls(roots);
    setId("lesson-bar");
    // Never wider than the window: the texts wrap to whatever width it has.
    setMinWidth(0);
    getStyleClass().add("lesson-bar");
    getStylesheets().add(getClass().getResource("lesson.css").toExternalForm());
    files =
        new LessonFiles(
            vm,
            () -> getScene().getWindow(),
            () -> {
              if (editing) {
                toggleEditing();
              }
            });
    edit =
        Controls.button(
            Messages.get("lesson.bar.edit"),
            "mdi2p-pencil-outline",
            Messages.get("lesson.bar.edit.tip"),
            this::toggleEditing);
    edit.setId("lesson-edit");
    editor = new StepEditor(vm, settingsPopOver::hide);
    settings =
        Controls.button(
            Messages.get("lesson.bar.settings"),
            "mdi2t-tune-variant",
            Messages.get("lesson.bar.settings.tip"),
            this::showSettings);
    settings.setId("lesson-settings-button");
    getChildren()
        .addAll(
            buildHeader(),
            new SteadyTexts(buildTexts(), buildCheck(), vm.lessonProperty()::get, () -> !editing));
    buildSettings();
    followLesson();
    PageKeys.bind(this, vm, () -> editing);
  }

  private HBox buildHeader() {
    FontIcon icon = new FontIcon("mdi2s-school-outline");
    Label title = new Label();
    title.setId("lesson-title");
    title.getStyleClass().add("lesson-title");
    title.textProperty().bind(vm.titleProperty());
    // A long title wraps (while editing, the header has one button more): never cut.
    title.setWrapText(true);
    title.setMinWidth(0);
    title.setMinHeight(Region.USE_PREF_SIZE);
    Label position = new Label();
    position.setId("lesson-position");
    position.textProperty().bind(vm.positionProperty());
    position.setMinWidth(Region.USE_PREF_SIZE);
    Button back =
        Controls.button(
            Messages.get("lesson.bar.back"),
            "mdi2c-chevron-left",
            Messages.get("lesson.bar.back.tip"),
            vm::back);
    back.setId("lesson-back");
    Button next =
        Controls.button(
            Messages.get("lesson.bar.next"),
            "mdi2c-chevron-right",
            Messages.get("lesson.bar.next.tip"),
            vm::next);
    next.setId("lesson-next");
    back.disableProperty().bind(vm.indexProperty().lessThan(1));
    vm.lessonProperty()
        .addListener(
            (o, a, l) ->
                next.setDisable(l == null || vm.indexProperty().get() >= l.steps().size() - 1));
    vm.indexProperty()
        .addListener(
            (o, a, k) ->
                next.setDisable(
                    vm.lessonProperty().get() == null
                        || k.intValue() >= vm.lessonProperty().get().steps().size() - 1));
    Button record =
        Controls.button(
            Messages.get("lesson.bar.record"),
            "mdi2r-record-circle-outline",
            Messages.get("lesson.bar.record.tip"),
            vm.authoring()::record);
    record.setId("lesson-record");
    Button save =
        Controls.button(
            Messages.get("lesson.bar.save"),
            "mdi2c-content-save-outline",
            Messages.get("lesson.bar.save.tip"),
            files::askSave);
    save.setId("lesson-save");
    Button close = new Button(null, new FontIcon("mdi2c-close"));
    close.setTooltip(new Tooltip(Messages.get("lesson.bar.close.tip")));
    close.setOnAction(e -> vm.close());
    close.setId("lesson-close");
    Controls.keepWidth(back, next, record, save, edit, settings, close);
    HBox header =
        Controls.row(
            8,
            icon,
            title,
            position,
            Controls.spacer(),
            back,
            next,
            edit,
            settings,
            record,
            save,
            close);
    HBox.setHgrow(title, Priority.SOMETIMES);
    return header;
  }

  private VBox buildTexts() {
    // Text flows of words (FlowText), not labels: every line whole, in either language.
    caption.setId("lesson-caption");
    question.setId("lesson-question");
    vm.captionProperty().addListener((o, a, t) -> FlowText.show(caption, t, "lesson-caption"));
    vm.questionProperty().addListener((o, a, t) -> FlowText.show(question, t, "lesson-question"));
    caption.setMinWidth(0);
    question.setMinWidth(0);
    question.visibleProperty().bind(vm.questionProperty().isNotEmpty());
    question.managedProperty().bind(question.visibleProperty());
    captionEdit.setId("lesson-caption-edit");
    captionEdit.setPrefRowCount(2);
    captionEdit.setWrapText(true);
    captionEdit.setPromptText(Messages.get("lesson.bar.caption.prompt"));
    questionEdit.setId("lesson-question-edit");
    questionEdit.setPromptText(Messages.get("lesson.bar.question.prompt"));
    for (Node n : List.of(captionEdit, questionEdit)) {
      n.setVisible(false);
      n.setManaged(false);
    }
    captionEdit.addEventFilter(KeyEvent.KEY_PRESSED, this::editKeys);
    questionEdit.addEventFilter(KeyEvent.KEY_PRESSED, this::editKeys);
    VBox texts = new VBox(2, caption, buildCaptionEdit(), question, questionEdit);
    texts.setMinWidth(0);
    texts.getStyleClass().add("lesson-texts");
    return texts;
  }

  /** The caption's edit box and, beside it, Insert a number ({@link NumberMenu}). */
  private HBox buildCaptionEdit() {
    NumberMenu insert =
        new NumberMenu(vm.authoring()::numberChoices, List.of(captionEdit, questionEdit));
    HBox row = new HBox(4, captionEdit, insert);
    HBox.setHgrow(captionEdit, Priority.ALWAYS);
    row.visibleProperty().bind(captionEdit.visibleProperty());
    row.managedProperty().bind(captionEdit.managedProperty());
    return row;
  }

  private Label buildCheck() {
    Label check = new Label();
    check.setId("lesson-check");
    Controls.wrap(check);
    check.setMinWidth(0);
    check.textProperty().bind(vm.checkTextProperty());
    check.visibleProperty().bind(vm.checkTextProperty().isNotEmpty());
    check.managedProperty().bind(check.visibleProperty());
    vm.holdsProperty()
        .addListener(
            (o, a, h) -> {
              check.getStyleClass().removeAll("lesson-holds", "lesson-not-yet");
              check.setGraphic(null);
              if (h != null) {
                check.getStyleClass().add(h ? "lesson-holds" : "lesson-not-yet");
                check.setGraphic(
                    new FontIcon(h ? "mdi2c-check-circle-outline" : "mdi2c-circle-outline"));
              }
            });
    return check;
  }

  /** Shown with a lesson; the step's hidden controls follow the step. */
  private void followLesson() {
    Runnable shown =
        () -> {
          boolean open = vm.lessonProperty().get() != null;
          setVisible(open);
          setManaged(open);
          if (!open && editing) {
            showEditing(false); // the edit goes with the lesson, kept or not
          }
        };
    vm.lessonProperty().addListener((o, a, b) -> shown.run());
    shown.run();
    vm.hiddenProperty().addListener((o, a, ids) -> hider.hide(ids));
    vm.indexProperty()
        .addListener(
            (o, a, b) -> {
              if (editing) {
                captionEdit.setText(vm.captionAsWritten());
                questionEdit.setText(vm.questionAsWritten());
              }
            });
  }

  // ---- the step's editor ----

  /** Settings… (shown while editing): the pop-over with the title, the check and the hiding. */
  private void buildSettings() {
    settings.setVisible(false);
    settings.setManaged(false);
    settingsPopOver.setContentNode(editor);
    settingsPopOver.setArrowLocation(PopOver.ArrowLocation.TOP_RIGHT);
    settingsPopOver.setDetachable(false);
    settingsPopOver.setTitle(Messages.get("lesson.settings.heading"));
    settingsPopOver.setHeaderAlwaysVisible(true);
    settingsPopOver.getStyleClass().add("lesson-settings-popover");
    // a pop-up is a window of its own: it needs the style sheet itself
    settingsPopOver
        .getRoot()
        .getStylesheets()
        .add(getClass().getResource("lesson.css").toExternalForm());
  }

  /** Opens the step's editor under Settings…, showing the current step. */
  public void showSettings() {
    if (vm.currentStep() == null) {
      return;
    }
    editor.refresh();
    settingsPopOver.show(settings);
  }

  /** The step's editor (its pop-over's content). */
  StepEditor editor() {
    return editor;
  }

  // ---- editing in place ----

  /** Edit: the caption and the question become text fields; again (or Enter) keeps the edit. */
  public void toggleEditing() {
    if (editing) {
      // both kept, or neither: a number GateScope cannot compute keeps the edit open (the status
      // bar says why)
      if (!vm.authoring().computable(captionEdit.getText())
          || !vm.authoring().computable(questionEdit.getText())) {
        return;
      }
      vm.authoring().editCaption(captionEdit.getText());
      vm.authoring().editQuestion(questionEdit.getText());
    } else {
      captionEdit.setText(vm.captionAsWritten());
      questionEdit.setText(vm.questionAsWritten());
    }
    showEditing(!editing);
  }

  /** Shows the edit boxes and Settings… ({@code on}) or the texts again. */
  private void showEditing(boolean on) {
    editing = on;
    for (Node n : List.of(captionEdit, questionEdit)) {
      n.setVisible(editing);
      n.setManaged(editing);
    }
    caption.setVisible(!editing);
    caption.setManaged(!editing);
    question.visibleProperty().unbind();
    question.setVisible(false);
    if (!editing) {
      question.visibleProperty().bind(vm.questionProperty().isNotEmpty());
    }
    settings.setVisible(editing);
    settings.setManaged(editing);
    if (!editing) {
      settingsPopOver.hide();
    }
    ((FontIcon) edit.getGraphic()).setIconLiteral(editing ? "mdi2c-check" : "mdi2p-pencil-outline");
    edit.setText(Messages.get(editing ? "lesson.bar.done" : "lesson.bar.edit"));
    if (editing) {
      captionEdit.requestFocus();
    }
  }

  private void editKeys(KeyEvent e) {
    if (e.getCode() == KeyCode.ENTER && !e.isShiftDown()) {
      toggleEditing();
      e.consume();
    } else if (e.getCode() == KeyCode.ESCAPE) {
      editing = true;
      captionEdit.setText(vm.captionAsWritten());
      questionEdit.setText(vm.questionAsWritten());
      toggleEditing();
      e.consume();
    }
  }

  // ---- files ----

  /**
   * File ▸ Open lesson…, Record lesson step (the first one starts a new lesson) and Save lesson…
   */
  public List<MenuItem> menuItems() {
    return files.menuItems();
  }
}

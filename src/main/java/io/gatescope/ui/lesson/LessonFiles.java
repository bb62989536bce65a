package io.gatescope.ui.lesson;

import io.gatescope.core.Messages;
import io.gatescope.core.lesson.LessonFile;
import io.gatescope.core.lesson.LessonFileException;
import io.gatescope.core.lesson.ShippedLessons;
import java.io.File;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

/** The lesson's files: its items of the File menu and Save lesson…, with a chooser of lessons. */
final class LessonFiles {
  private final LessonViewModel vm;
  private final Supplier<Window> window;
  private final Runnable beforeSave;

  /**
   * @param window the window the choosers belong to
   * @param beforeSave run before the chooser opens (the bar keeps an edit in progress)
   */
  LessonFiles(LessonViewModel vm, Supplier<Window> window, Runnable beforeSave) {
    this.vm = vm;
    this.window = window;
    this.beforeSave = beforeSave;
  }

  /**
   * File ▸ Open lesson…, Lessons that come with GateScope, Record lesson step (the first one starts
   * a new lesson) and Save lesson…
   */
  List<MenuItem> menuItems() {
    MenuItem open =
        new MenuItem(Messages.get("lesson.menu.open"), new FontIcon("mdi2s-school-outline"));
    open.setId("menu-open-lesson");
    open.setAccelerator(KeyCombination.keyCombination("Shortcut+L"));
    open.setOnAction(
        e -> {
          File f = chooser().showOpenDialog(window.get());
          if (f != null) {
            vm.openFile(f.toPath());
          }
        });
    MenuItem record =
        new MenuItem(
            Messages.get("lesson.menu.record"), new FontIcon("mdi2r-record-circle-outline"));
    record.setId("menu-record-step");
    record.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+L"));
    record.setOnAction(e -> vm.authoring().record());
    MenuItem save = new MenuItem(Messages.get("lesson.menu.save"));
    save.setId("menu-save-lesson");
    save.disableProperty().bind(vm.lessonProperty().isNull());
    save.setOnAction(e -> askSave());
    return List.of(open, shipped(), record, save);
  }

  /** File ▸ Lessons that come with GateScope ▸ one item per lesson, by its title. */
  private Menu shipped() {
    Menu m = new Menu(Messages.get("lesson.menu.shipped"));
    m.setId("menu-shipped-lessons");
    for (String id : ShippedLessons.ids()) {
      MenuItem item;
      try {
        item = new MenuItem(ShippedLessons.load(id).title().text());
      } catch (LessonFileException e) {
        continue; // the build's own check (ShippedLessonsTest) keeps this from happening
      }
      item.setId("menu-lesson-" + id);
      item.setOnAction(e -> vm.openShipped(id));
      m.getItems().add(item);
    }
    return m;
  }

  /** Save lesson…: asks where, then saves there. */
  void askSave() {
    beforeSave.run();
    FileChooser c = chooser();
    c.setInitialFileName(
        (vm.lessonProperty().get() == null ? "lesson" : vm.lessonProperty().get().id())
            + LessonFile.EXTENSION);
    File f = c.showSaveDialog(window.get());
    if (f != null) {
      vm.authoring().save(f.toPath());
    }
  }

  private static FileChooser chooser() {
    FileChooser c = new FileChooser();
    c.getExtensionFilters()
        .addAll(
            new FileChooser.ExtensionFilter(
                Messages.get("lesson.filter"), "*" + LessonFile.EXTENSION),
            new FileChooser.ExtensionFilter(Messages.get("file.filter.all"), "*"));
    return c;
  }
}

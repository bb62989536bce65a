package io.gatescope.ui.shell;

import io.gatescope.core.Messages;
import io.gatescope.core.data.DataLocator;
import io.gatescope.core.data.Mnist;
import io.gatescope.core.model.ModelFile;
import io.gatescope.core.model.ModelLocator;
import io.gatescope.core.model.SavedModel;
import io.gatescope.ui.common.ModelEntry;
import io.gatescope.ui.common.Notice;
import io.gatescope.ui.common.Session;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;

/**
 * The window's state: loads MNIST and the shipped model in the background at start, with progress
 * in the status bar, and never blocks the window.
 */
public final class ShellViewModel {
  private final Session session;
  private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(false);
  private final Optional<Path> dataFolder;

  /** The language setting's values: the system's language, English, Simplified Chinese. */
  public static final java.util.List<String> LANGUAGE_CHOICES =
      java.util.List.of("system", "en", "zh-CN");

  private final ReadOnlyStringWrapper language = new ReadOnlyStringWrapper("system");

  public ShellViewModel(Session session, Optional<Path> dataFolder) {
    this.session = session;
    this.dataFolder = dataFolder;
  }

  /** The language setting: one of {@link #LANGUAGE_CHOICES}, as saved. */
  public ReadOnlyStringProperty languageProperty() {
    return language.getReadOnlyProperty();
  }

  /** The saved language setting, at start (no notice). */
  public void restoreLanguage(String tag) {
    language.set(LANGUAGE_CHOICES.contains(tag) ? tag : "system");
  }

  /**
   * The user chose a language. Every text is made once, when a screen is built, so the switch waits
   * for the next start: say so, in the language chosen, as a notice and in the status bar.
   */
  public void chooseLanguage(String tag) {
    restoreLanguage(tag);
    // Said in the language chosen, and in the one on screen too: a wrong choice must be readable.
    String chosen = Messages.in(Messages.fromSetting(language.get()), "shell.languageNext");
    String current = Messages.get("shell.languageNext");
    String text = chosen.equals(current) ? chosen : current + "\n" + chosen;
    session.setStatus(chosen);
    session.notify(new Notice(Messages.get("notice.language"), text));
  }

  /**
   * The user chose a model from the Models menu: every workspace uses it, and the status says so.
   */
  public void useModel(ModelEntry e) {
    session.models().select(e);
    session.setStatus(Messages.get("models.inUse", e.name()));
  }

  /** A short notice the window shows where it is seen (not only in the status bar); may repeat. */
  public javafx.beans.property.ReadOnlyObjectProperty<Notice> noticeProperty() {
    return session.noticeProperty();
  }

  /** Starts loading data and the default model; returns the task (for tests to wait on). */
  public Task<Void> load() {
    Task<Void> task =
        new Task<>() {
          private Mnist data;
          private SavedModel model;
          private Path modelFile;
          private String modelProblem;

          @Override
          protected Void call() throws Exception {
            updateProgress(-1, 1);
            updateMessage(Messages.get("shell.loading.natives"));
            io.gatescope.core.engine.NativeSetup.init(1);
            org.nd4j.linalg.factory.Nd4j.create(1); // loads the native backend now
            updateMessage(Messages.get("shell.loading.mnist"));
            data = Mnist.load(DataLocator.mnistFolder(dataFolder));
            updateMessage(Messages.get("shell.loading.model"));
            try {
              modelFile = ModelLocator.resolve(Optional.empty());
              model = ModelFile.load(modelFile);
            } catch (Exception e) {
              modelProblem = e.getMessage();
            }
            return null;
          }

          @Override
          protected void succeeded() {
            session.setData(data);
            if (model != null) {
              session
                  .models()
                  .add(
                      new ModelEntry(
                          ModelEntry.Kind.SHIPPED,
                          Messages.get("shell.shippedModel"),
                          model.model(),
                          model.summary(),
                          modelFile.toAbsolutePath()));
              session.setStatus(
                  Messages.get("shell.ready", data.train().size(), data.test().size()));
            } else {
              session.setStatus(Messages.get("shell.noModel", modelProblem));
            }
            session.setProgress(1);
            ready.set(true);
            org.slf4j.LoggerFactory.getLogger(ShellViewModel.class)
                .info(
                    "ready {} ms after start",
                    java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
          }

          @Override
          protected void failed() {
            session.setStatus(getException().getMessage());
            session.setProgress(1);
          }
        };
    task.messageProperty().addListener((o, a, m) -> session.setStatus(m));
    session.setProgress(-1);
    Thread t = new Thread(task, "gatescope-loader");
    t.setDaemon(true);
    t.start();
    return task;
  }

  /** True once MNIST (and the shipped model, if there is one) is loaded. */
  public ReadOnlyBooleanProperty readyProperty() {
    return ready.getReadOnlyProperty();
  }

  public Session session() {
    return session;
  }
}

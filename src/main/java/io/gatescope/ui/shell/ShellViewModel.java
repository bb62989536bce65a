package io.gatescope.ui.shell;

import io.gatescope.core.Messages;
import io.gatescope.core.data.DataLocator;
import io.gatescope.core.data.Mnist;
import io.gatescope.core.model.ModelFile;
import io.gatescope.core.model.ModelLocator;
import io.gatescope.core.model.SavedModel;
import io.gatescope.ui.common.Session;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.concurrent.Task;

/**
 * The window's state: loads MNIST and the shipped model in the background at start, with progress
 * in the status bar, and never blocks the window.
 */
public final class ShellViewModel {
  private final Session session;
  private final BooleanProperty ready = new SimpleBooleanProperty(false);
  private final Optional<Path> dataFolder;

  /** The language setting's values: the system's language, English, Simplified Chinese. */
  public static final java.util.List<String> LANGUAGE_CHOICES =
      java.util.List.of("system", "en", "zh-CN");

  private final javafx.beans.property.StringProperty language =
      new javafx.beans.property.SimpleStringProperty("system");

  public ShellViewModel(Session session, Optional<Path> dataFolder) {
    this.session = session;
    this.dataFolder = dataFolder;
    language.addListener(
        (o, a, tag) -> {
          // Every text is made once, when a screen is built, so the switch waits for a restart;
          // say so in the language chosen.
          session
              .statusProperty()
              .set(Messages.in(Messages.fromSetting(tag), "shell.languageNext"));
        });
  }

  /** The language setting: one of {@link #LANGUAGE_CHOICES}. */
  public javafx.beans.property.StringProperty languageProperty() {
    return language;
  }

  /** Starts loading data and the default model; returns the task (for tests to wait on). */
  public Task<Void> load() {
    Task<Void> task =
        new Task<>() {
          private Mnist data;
          private SavedModel model;
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
              model = ModelFile.load(ModelLocator.resolve(Optional.empty()));
            } catch (Exception e) {
              modelProblem = e.getMessage();
            }
            return null;
          }

          @Override
          protected void succeeded() {
            session.dataProperty().set(data);
            if (model != null) {
              session.modelProperty().set(model.model());
              session
                  .modelNameProperty()
                  .set(
                      Double.isFinite(model.summary().testAccuracy())
                          ? Messages.get(
                              "shell.shippedModel.accuracy", 100 * model.summary().testAccuracy())
                          : Messages.get("shell.shippedModel"));
              session
                  .statusProperty()
                  .set(Messages.get("shell.ready", data.train().size(), data.test().size()));
            } else {
              session.statusProperty().set(Messages.get("shell.noModel", modelProblem));
            }
            session.progressProperty().set(1);
            ready.set(true);
            org.slf4j.LoggerFactory.getLogger(ShellViewModel.class)
                .info(
                    "ready {} ms after start",
                    java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
          }

          @Override
          protected void failed() {
            session.statusProperty().set(getException().getMessage());
            session.progressProperty().set(1);
          }
        };
    task.messageProperty().addListener((o, a, m) -> session.statusProperty().set(m));
    session.progressProperty().set(-1);
    Thread t = new Thread(task, "gatescope-loader");
    t.setDaemon(true);
    t.start();
    return task;
  }

  public BooleanProperty readyProperty() {
    return ready;
  }

  public Session session() {
    return session;
  }
}

package io.gatescope.ui;

import io.gatescope.app.Workbench;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/** A UI test on the real window, opened on one workspace; background work stops afterwards. */
@ExtendWith(ApplicationExtension.class)
public abstract class WorkbenchTestBase {
  protected Workbench wb;

  /** The workspace the window opens on. */
  protected abstract String workspace();

  // TestFX finds @Start only on the test class itself, so the window is opened here.
  @BeforeEach
  void openWindow() throws Exception {
    FxToolkit.registerPrimaryStage();
    FxToolkit.setupStage(stage -> wb = WorkbenchFixture.show(stage, workspace()));
  }

  @AfterEach
  void stopBackgroundWork() throws Exception {
    FxTestSupport.run(wb::shutdown);
  }
}

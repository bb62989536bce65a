package io.gatescope.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** core is plain Java + ND4J: the engine must run in the CLI and in tests without a UI toolkit. */
class ArchitectureTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.gatescope");

  @Test
  void coreUsesNoUiToolkit() {
    noClasses()
        .that()
        .resideInAPackage("io.gatescope.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("javafx..", "org.controlsfx..", "org.kordamp..")
        .because("the engine runs in the CLI and in tests without a UI toolkit")
        .check(MAIN);
  }

  @Test
  void coreDoesNotReachUpIntoUiCliOrApp() {
    noClasses()
        .that()
        .resideInAPackage("io.gatescope.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.gatescope.ui..", "io.gatescope.cli..", "io.gatescope.app..")
        .because("core is the engine the CLI and the screens share; it knows neither")
        .check(MAIN);
  }

  /** Every screen package: io.gatescope.ui.<screen>, except the shared ui.common. */
  static SortedSet<String> screens(JavaClasses classes) {
    SortedSet<String> out = new TreeSet<>();
    for (JavaClass c : classes) {
      String p = c.getPackageName();
      if (p.startsWith(UI)) {
        String screen = p.substring(UI.length()).split("\\.")[0];
        if (!screen.equals("common")) {
          out.add(screen);
        }
      }
    }
    return out;
  }

  private static final String UI = "io.gatescope.ui.";

  @Test
  void screensAreFoundFromThePackages() {
    SortedSet<String> screens = screens(MAIN);
    assertTrue(screens.size() >= 2, "screens found: " + screens);
    assertFalse(screens.contains("common"));
  }

  @Test
  void screensDoNotDependOnEachOther() {
    SortedSet<String> screens = screens(MAIN);
    for (String screen : screens) {
      noClasses()
          .that()
          .resideInAPackage(UI + screen + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              screens.stream()
                  .filter(s -> !s.equals(screen))
                  .map(s -> UI + s + "..")
                  .toArray(String[]::new))
          .because(
              "a screen is its View, ViewModel and css; what screens share lives in ui.common"
                  + " and the wiring in app")
          .check(MAIN);
    }
  }
}

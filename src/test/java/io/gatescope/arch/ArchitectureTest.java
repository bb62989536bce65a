package io.gatescope.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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
        .check(MAIN);
  }

  @Test
  void screensDoNotDependOnEachOther() {
    for (String screen : new String[] {"train", "draw", "inside", "evaluate"}) {
      noClasses()
          .that()
          .resideInAPackage("io.gatescope.ui." + screen + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              java.util.stream.Stream.of("train", "draw", "inside", "evaluate")
                  .filter(s -> !s.equals(screen))
                  .map(s -> "io.gatescope.ui." + s + "..")
                  .toArray(String[]::new))
          .allowEmptyShould(true)
          .check(MAIN);
    }
  }
}

package io.gatescope.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
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

  /**
   * The view-model side of the screens: every class named {@code *ViewModel} in a ui package, and
   * every class in the ui packages it uses, directly or through another (its form, series, run
   * controller, the session ...). Derived from the code, not a list of names: a helper a view-model
   * starts to use is checked from then on.
   */
  static Set<JavaClass> viewModelSide(JavaClasses classes) {
    Deque<JavaClass> todo = new ArrayDeque<>();
    for (JavaClass c : classes) {
      if (c.getPackageName().startsWith(UI) && c.getSimpleName().endsWith("ViewModel")) {
        todo.add(c);
      }
    }
    Set<JavaClass> side = new HashSet<>();
    while (!todo.isEmpty()) {
      JavaClass c = todo.pop();
      if (side.add(c)) {
        for (Dependency d : c.getDirectDependenciesFromSelf()) {
          JavaClass t = d.getTargetClass();
          if (t.getPackageName().startsWith(UI) && !side.contains(t)) {
            todo.add(t);
          }
        }
      }
    }
    return side;
  }

  @Test
  void theViewModelSideIsFoundFromTheCode() {
    Set<String> names = new HashSet<>();
    viewModelSide(MAIN).forEach(c -> names.add(c.getName()));
    for (String n :
        new String[] {
          "io.gatescope.ui.train.TrainViewModel",
          "io.gatescope.ui.train.TrainForm",
          "io.gatescope.ui.train.RunSeries",
          "io.gatescope.ui.train.RunHistory",
          "io.gatescope.ui.train.TrainingRun",
          "io.gatescope.ui.draw.DrawViewModel",
          "io.gatescope.ui.common.Session"
        }) {
      assertTrue(names.contains(n), n + " is on the view-model side: " + names);
    }
    assertFalse(names.contains("io.gatescope.ui.train.TrainView"), "a view is not");
  }

  @Test
  void viewModelsHoldNoNodeChartOrAnimation() {
    Set<JavaClass> side = viewModelSide(MAIN);
    noClasses()
        .that(
            DescribedPredicate.describe(
                "are view-models or what they use in the ui packages", side::contains))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("javafx.scene..", "javafx.animation..")
        .because(
            "a view-model is the screen's state: a test reads it without a window, and the view"
                + " alone decides how it is drawn (charts, nodes) and animated")
        .check(MAIN);
  }
}

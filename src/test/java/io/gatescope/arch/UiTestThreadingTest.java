package io.gatescope.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * UI tests find where to click on the FX thread. TestFX's pointer calls that take a node or a query
 * measure the node on the test thread, and measuring can lay out text: JavaFX's text layout
 * (FreeType, Pango) running beside the FX thread's own corrupted the native heap (the start-up
 * crash in docs/faults.md). Tests pass a point from {@code FxTestSupport.centre} instead.
 */
class UiTestThreadingTest {
  private static final Set<String> POINTER =
      Set.of(
          "clickOn", "doubleClickOn", "rightClickOn", "moveTo", "drag", "drop", "dropTo", "scroll");

  /** A pointer call of TestFX whose first argument is a node, a query or a matcher, not a point. */
  static final DescribedPredicate<JavaMethodCall> MEASURES_OFF_THE_FX_THREAD =
      DescribedPredicate.describe(
          "a TestFX pointer call given a node or a query (measured on the test thread)",
          call -> {
            if (!call.getTargetOwner().getPackageName().startsWith("org.testfx")
                || !POINTER.contains(call.getName())) {
              return false;
            }
            var params = call.getTarget().getRawParameterTypes();
            if (params.isEmpty()) {
              return false;
            }
            String first = params.get(0).getName();
            return first.equals("java.lang.String")
                || first.startsWith("javafx.scene.")
                || first.equals("org.hamcrest.Matcher")
                || first.equals("java.util.function.Predicate")
                || first.equals("org.testfx.service.query.PointQuery")
                || first.equals("javafx.geometry.Bounds");
          });

  static ArchRule rule() {
    return noClasses()
        .that()
        .doNotHaveFullyQualifiedName(ClicksOnAQuery.class.getName())
        .should()
        .callMethodWhere(MEASURES_OFF_THE_FX_THREAD)
        .because(
            "TestFX would measure the node on the test thread, beside the FX thread's own text"
                + " layout; pass FxTestSupport.centre(...) instead (docs/faults.md)");
  }

  @Test
  void uiTestsClickOnPointsWorkedOutOnTheFxThread() {
    JavaClasses tests =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages("io.gatescope");
    rule().check(tests);
  }

  /** The rule can fail: a class that clicks on a query is caught. */
  @Test
  void aClickOnAQueryIsCaught() {
    JavaClasses bad = new ClassFileImporter().importClasses(ClicksOnAQuery.class);
    ArchRule anyClass =
        noClasses().should().callMethodWhere(MEASURES_OFF_THE_FX_THREAD).because("it measures");
    assertThrows(AssertionError.class, () -> anyClass.check(bad));
  }

  static final class ClicksOnAQuery {
    void click(org.testfx.api.FxRobot robot) {
      robot.clickOn("#somewhere");
    }
  }
}

package io.gatescope.fuzz;

import static io.gatescope.fuzz.FuzzSupport.assertClearRefusal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.gatescope.core.runs.RunFile;
import io.gatescope.core.runs.RunFileException;
import io.gatescope.core.runs.RunRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Any bytes as a file in the runs folder: a run whose config GateScope could train again, or a
 * {@link RunFileException} naming the file (the Train workspace then skips it and says so).
 */
class RunFileFuzzTest {
  static Stream<Arguments> corpus() {
    return FuzzSupport.corpus("run");
  }

  @MethodSource("corpus")
  @FuzzTest
  void anyBytesAsARunFile(byte[] bytes) {
    Path file = FuzzSupport.file("run-20261201.json", bytes);
    RunRecord run;
    try {
      run = RunFile.read(file);
    } catch (RunFileException e) {
      assertClearRefusal(e, file);
      return;
    }
    assertNotNull(run.name());
    assertNotNull(run.finished());
    assertNotNull(run.result());
    assertEquals(List.of(), run.config().validate(), "a run's config must be one GateScope allows");
  }
}

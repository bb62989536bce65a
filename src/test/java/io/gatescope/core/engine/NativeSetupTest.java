package io.gatescope.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report of native settings is asked from the libraries, not read from /proc. */
class NativeSetupTest {
  @Test
  void theReportNamesTheLoadedOpenBlasItsKernelsAndTheThreadCountInForce() {
    NativeSetup.init(1);
    Map<String, String> m = NativeSetup.describe();
    assertEquals("1", m.get("blas_threads"));
    assertEquals("1", m.get("omp_threads"));
    assertFalse(m.get("openblas_core").startsWith("unknown"), m.toString());
    Path lib = Path.of(m.get("openblas_library"));
    assertTrue(Files.isRegularFile(lib), m.toString());
    assertTrue(lib.getFileName().toString().contains("openblas"), m.toString());
    assertFalse(lib.getFileName().toString().contains("jni"), "the wrapper, not OpenBLAS: " + lib);
  }
}

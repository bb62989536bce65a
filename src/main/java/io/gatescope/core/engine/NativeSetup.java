package io.gatescope.core.engine;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks native settings before ND4J loads, so users never set environment variables:
 *
 * <ul>
 *   <li>OpenBLAS chooses its kernels from the CPU id and runs old, slow ones on CPUs it does not
 *       know (common on virtual machines). Where the CPU has AVX-512 and nobody chose a core type,
 *       GateScope sets OPENBLAS_CORETYPE=SKYLAKEX, the AVX-512 kernels.
 *   <li>Threads: on small machines one BLAS/OpenMP thread is faster than two for these small
 *       matrices (measured on 2 cores), so the default is one thread; --threads overrides it.
 * </ul>
 *
 * The variables are set with libc's setenv through JNA, because OpenBLAS and OpenMP read them once,
 * when the native libraries load.
 */
public final class NativeSetup {
  private static final Logger LOG = LoggerFactory.getLogger(NativeSetup.class);
  private static volatile boolean done;
  private static final Map<String, String> CHOSEN = new LinkedHashMap<>();

  private NativeSetup() {}

  interface LibC extends Library {
    int setenv(String name, String value, int overwrite);
  }

  /** Call once, as early as possible; later calls only adjust the thread count. */
  public static synchronized void init(int threads) {
    int n = Math.max(1, threads);
    if (!done) {
      if (System.getenv("OPENBLAS_CORETYPE") == null && hasAvx512()) {
        setenv("OPENBLAS_CORETYPE", "SKYLAKEX");
      }
      setenvIfUnset("OMP_NUM_THREADS", Integer.toString(n));
      setenvIfUnset("OPENBLAS_NUM_THREADS", Integer.toString(n));
      done = true;
    }
    try {
      Nd4j.getEnvironment().setMaxMasterThreads(n);
      Nd4j.getEnvironment().setMaxThreads(n);
      Nd4j.factory().blas().setMaxThreads(n);
      CHOSEN.put("threads", Integer.toString(n));
    } catch (RuntimeException | LinkageError e) {
      LOG.warn("could not set ND4J thread count: {}", e.toString());
    }
  }

  /** The settings in force, for the benchmark report and the About dialog. */
  public static Map<String, String> describe() {
    Map<String, String> m = new LinkedHashMap<>(CHOSEN);
    m.putIfAbsent("OPENBLAS_CORETYPE", envOr("OPENBLAS_CORETYPE", "unset (autodetect)"));
    m.put("cpu_avx512", Boolean.toString(hasAvx512()));
    m.put("blas_vendor", String.valueOf(Nd4j.factory().blas().getBlasVendor()));
    m.put("blas_threads", Integer.toString(Nd4j.factory().blas().getMaxThreads()));
    m.put("omp_threads", Integer.toString(Nd4j.getEnvironment().maxThreads()));
    m.put("openblas_core", openblasCore());
    m.put("openblas_library", openblasLibrary());
    m.put("backend", Nd4j.getBackend().getClass().getSimpleName());
    return m;
  }

  /**
   * The kernel set OpenBLAS actually runs, asked from the loaded library itself (found in
   * /proc/self/maps, so it is the same copy ND4J uses).
   */
  public static String openblasCore() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
        int i = line.indexOf('/');
        if (i >= 0 && line.contains("libopenblas") && line.endsWith(".so.0")) {
          com.sun.jna.NativeLibrary lib = com.sun.jna.NativeLibrary.getInstance(line.substring(i));
          return lib.getFunction("openblas_get_corename").invokeString(new Object[0], false);
        }
      }
    } catch (IOException | RuntimeException | LinkageError e) {
      return "unknown (" + e.getClass().getSimpleName() + ")";
    }
    return "unknown";
  }

  /** Path of the OpenBLAS library this process loaded (bundled, or the system's on request). */
  public static String openblasLibrary() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
        int i = line.indexOf('/');
        if (i >= 0 && line.contains("libopenblas") && line.endsWith(".so.0")) {
          return line.substring(i);
        }
      }
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
    return "unknown";
  }

  private static String envOr(String k, String dflt) {
    String v = System.getenv(k);
    return v == null ? dflt : v;
  }

  private static void setenvIfUnset(String name, String value) {
    if (System.getenv(name) == null) {
      setenv(name, value);
    } else {
      CHOSEN.put(name, System.getenv(name) + " (from environment)");
    }
  }

  private static void setenv(String name, String value) {
    try {
      LibC c = Native.load("c", LibC.class);
      c.setenv(name, value, 1);
      CHOSEN.put(name, value);
    } catch (RuntimeException | LinkageError e) {
      LOG.warn("could not set {}: {}", name, e.toString());
    }
  }

  static boolean hasAvx512() {
    try {
      String info = Files.readString(Path.of("/proc/cpuinfo"));
      for (String line : info.split("\n")) {
        if (line.startsWith("flags")) {
          Set<String> flags = Set.of(line.substring(line.indexOf(':') + 1).trim().split("\\s+"));
          return flags.containsAll(Set.of("avx512f", "avx512bw", "avx512vl", "avx512dq"));
        }
      }
    } catch (IOException | RuntimeException e) {
      return false;
    }
    return false;
  }
}

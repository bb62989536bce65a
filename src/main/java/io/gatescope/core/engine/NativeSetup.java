package io.gatescope.core.engine;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks native settings, so users never set environment variables:
 *
 * <ul>
 *   <li>Threads: on small machines one BLAS/OpenMP thread is faster than two for these small
 *       matrices (measured on 2 cores), so the default is one thread; --threads overrides it. The
 *       count is set through the libraries' own calls (OpenBLAS's openblas_set_num_threads, ND4J's
 *       environment), which work on every system.
 *   <li>OpenBLAS chooses its kernels from the CPU id and runs old, slow ones on CPUs it does not
 *       know (common on Linux virtual machines). Where /proc/cpuinfo shows AVX-512 and nobody chose
 *       a core type, GateScope sets OPENBLAS_CORETYPE=SKYLAKEX, the AVX-512 kernels. OpenBLAS reads
 *       that variable only once, when it loads, so it is set with libc's setenv before ND4J loads;
 *       on Linux and macOS the thread variables are set the same way, for the pools the libraries
 *       create as they load. Windows and macOS detect their CPUs themselves.
 * </ul>
 */
public final class NativeSetup {
  private static final Logger LOG = LoggerFactory.getLogger(NativeSetup.class);
  private static volatile boolean done;
  private static final Map<String, String> CHOSEN = new LinkedHashMap<>();
  private static final boolean POSIX =
      !System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

  private NativeSetup() {}

  interface LibC extends Library {
    int setenv(String name, String value, int overwrite);
  }

  /**
   * The environment part of {@link #init}, for a program that is about to start threads (the
   * window): libc's setenv is not safe while another thread reads the environment, so it runs here,
   * before those threads exist. Only the first call sets anything.
   */
  public static synchronized void prepareEnvironment(int threads) {
    if (done) {
      return;
    }
    int n = Math.max(1, threads);
    if (System.getenv("OPENBLAS_CORETYPE") == null && hasAvx512()) {
      setenv("OPENBLAS_CORETYPE", "SKYLAKEX");
    }
    setenvIfUnset("OMP_NUM_THREADS", Integer.toString(n));
    setenvIfUnset("OPENBLAS_NUM_THREADS", Integer.toString(n));
    done = true;
  }

  /** Call once, as early as possible; later calls only adjust the thread count. */
  public static synchronized void init(int threads) {
    int n = Math.max(1, threads);
    prepareEnvironment(n);
    try {
      Nd4j.getEnvironment().setMaxMasterThreads(n);
      Nd4j.getEnvironment().setMaxThreads(n);
      Nd4j.factory().blas().setMaxThreads(n); // openblas_set_num_threads, through ND4J
      CHOSEN.put("threads", Integer.toString(n));
    } catch (RuntimeException | LinkageError e) {
      LOG.warn("could not set the thread count: {}", e.toString());
    }
  }

  /** The settings in force, asked from the libraries themselves (bench report, About dialog). */
  public static Map<String, String> describe() {
    Map<String, String> m = new LinkedHashMap<>(CHOSEN);
    m.putIfAbsent("OPENBLAS_CORETYPE", envOr("OPENBLAS_CORETYPE", "unset (autodetect)"));
    m.put("cpu_avx512", Files.isReadable(CPUINFO) ? Boolean.toString(hasAvx512()) : "unknown");
    m.put("blas_vendor", String.valueOf(Nd4j.factory().blas().getBlasVendor()));
    m.put("blas_threads", Integer.toString(Nd4j.factory().blas().getMaxThreads()));
    m.put("omp_threads", Integer.toString(Nd4j.getEnvironment().maxThreads()));
    m.put("openblas_core", openblasCore());
    m.put("openblas_library", openblasLibrary());
    m.put("backend", Nd4j.getBackend().getClass().getSimpleName());
    return m;
  }

  /** The kernel set OpenBLAS runs, asked from the copy the engine and ND4J call. */
  public static String openblasCore() {
    try {
      com.sun.jna.NativeLibrary lib = com.sun.jna.NativeLibrary.getInstance(openblasLibrary());
      return lib.getFunction("openblas_get_corename").invokeString(new Object[0], false);
    } catch (RuntimeException | LinkageError e) {
      return "unknown (" + e.getClass().getSimpleName() + ")";
    }
  }

  /**
   * The OpenBLAS library file this process loaded (bundled, or the system's on request), as JavaCPP
   * loaded it for ND4J and the engine's products.
   */
  public static String openblasLibrary() {
    String jni = Loader.load(openblas.class);
    // The library itself (libopenblas.so.0, libopenblas.dylib, openblas.dll), not its JNI wrapper.
    return Loader.getLoadedLibraries().entrySet().stream()
        .filter(e -> e.getKey().startsWith("openblas@") || e.getKey().equals("openblas"))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(jni);
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

  /** libc's setenv, where there is one (Linux, macOS); Windows gets the library calls only. */
  private static void setenv(String name, String value) {
    if (!POSIX) {
      return;
    }
    try {
      LibC c = Native.load("c", LibC.class);
      c.setenv(name, value, 1);
      CHOSEN.put(name, value);
    } catch (RuntimeException | LinkageError e) {
      LOG.warn("could not set {}: {}", name, e.toString());
    }
  }

  private static final Path CPUINFO = Path.of("/proc/cpuinfo");

  static boolean hasAvx512() {
    try {
      String info = Files.readString(CPUINFO);
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

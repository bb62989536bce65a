package io.gatescope.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine stays readable file by file: no source file in {@code core/engine} is longer than 300
 * lines (the engine's second edition set that bound; a file that grows past it has two ideas).
 */
class EngineFileSizeTest {
  private static final Path ENGINE = Path.of("src/main/java/io/gatescope/core/engine");
  private static final int MAX_LINES = 300;

  @Test
  void noEngineFileIsLongerThan300Lines() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(ENGINE)) {
      files = s.filter(p -> p.toString().endsWith(".java")).toList();
    }
    assertTrue(
        files.size() > 20,
        "the engine's sources were not found from " + Path.of("").toAbsolutePath());
    Map<String, Long> tooLong = new TreeMap<>();
    for (Path f : files) {
      long lines;
      try (Stream<String> l = Files.lines(f)) {
        lines = l.count();
      }
      if (lines > MAX_LINES) {
        tooLong.put(f.getFileName().toString(), lines);
      }
    }
    assertEquals(Map.of(), tooLong, "engine files over " + MAX_LINES + " lines");
  }
}

package io.gatescope.core.data;

import io.gatescope.core.Messages;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the data folder: an explicit choice (--data or a setting), else the folder next to the
 * installed app, else ./data. The folder holds mnist/ with the IDX files.
 */
public final class DataLocator {
  /** System property the tests and launchers may set instead of --data. */
  public static final String PROPERTY = "gatescope.data";

  private DataLocator() {}

  /** Candidate data folders, most specific first. */
  public static List<Path> candidates(Optional<Path> explicit) {
    List<Path> out = new ArrayList<>();
    explicit.ifPresent(out::add);
    String prop = System.getProperty(PROPERTY);
    if (prop != null && !prop.isBlank()) {
      out.add(Path.of(prop));
    }
    appFolder().ifPresent(dir -> out.add(dir.resolve("data"))); // installed: data beside the jar
    appHome().ifPresent(home -> out.add(home.resolve("data")));
    out.add(Path.of("data"));
    return out;
  }

  /**
   * The MNIST folder to use. An explicit choice that does not exist is an error (the user asked for
   * it); otherwise the first candidate that holds mnist/.
   */
  public static Path mnistFolder(Optional<Path> explicit) throws DataFileException {
    if (explicit.isPresent()) {
      Path p = explicit.get();
      Path mnist = p.resolve("mnist");
      if (Files.isDirectory(mnist)) {
        return mnist;
      }
      if (Files.isDirectory(p)) {
        return p; // the user pointed straight at the folder with the IDX files
      }
      throw new DataFileException(p, Messages.get("data.notFolder"));
    }
    for (Path c : candidates(Optional.empty())) {
      if (Files.isDirectory(c.resolve("mnist"))) {
        return c.resolve("mnist");
      }
    }
    throw new DataFileException(
        Path.of("data", "mnist"), Messages.get("data.noFolder", candidates(Optional.empty())));
  }

  /** Folder of the running jar's parent (the installed app), if it can be found. */
  /** The folder of the jar (or classes folder) itself; an installed app keeps its data here. */
  public static Optional<Path> appFolder() {
    try {
      var src = DataLocator.class.getProtectionDomain().getCodeSource();
      if (src == null) {
        return Optional.empty();
      }
      Path jar = Path.of(src.getLocation().toURI());
      return Optional.ofNullable(Files.isDirectory(jar) ? jar : jar.getParent());
    } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The folder above the jar or classes folder: the checkout when run from target/. */
  public static Optional<Path> appHome() {
    // target/classes or target/gatescope.jar: data sits one level up, in the checkout.
    return appFolder().map(Path::getParent);
  }
}

package io.gatescope.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gatescope.core.AppFolders.Places;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Where settings, runs, the log and the native cache go on each system, by its rules. */
class AppFoldersTest {
  private static final Path HOME = Path.of("/home/ana");

  @Test
  void linuxFollowsXdgAndItsDefaults() {
    assertEquals(
        new Places(
            Path.of("/home/ana/.config/gatescope"),
            Path.of("/home/ana/.local/share/gatescope"),
            Path.of("/home/ana/.cache/gatescope")),
        AppFolders.places("Linux", Map.of(), HOME));
    assertEquals(
        new Places(
            Path.of("/xdg/config/gatescope"),
            Path.of("/xdg/data/gatescope"),
            Path.of("/xdg/cache/gatescope")),
        AppFolders.places(
            "Linux",
            Map.of(
                "XDG_CONFIG_HOME", "/xdg/config",
                "XDG_DATA_HOME", "/xdg/data",
                "XDG_CACHE_HOME", "/xdg/cache"),
            HOME));
  }

  @Test
  void linuxIgnoresEmptyAndRelativeXdgValues() {
    Places p =
        AppFolders.places(
            "Linux", Map.of("XDG_CONFIG_HOME", "relative/dir", "XDG_DATA_HOME", "  "), HOME);
    assertEquals(Path.of("/home/ana/.config/gatescope"), p.config());
    assertEquals(Path.of("/home/ana/.local/share/gatescope"), p.data());
  }

  @Test
  void windowsUsesRoamingAppDataForSettingsAndLocalAppDataForTheRest() {
    String roaming = "C:\\Users\\ana\\AppData\\Roaming";
    String local = "C:\\Users\\ana\\AppData\\Local";
    Places p =
        AppFolders.places(
            "Windows 11",
            Map.of("APPDATA", roaming, "LOCALAPPDATA", local),
            Path.of("C:\\Users\\ana"));
    assertEquals(Path.of(roaming).resolve("GateScope"), p.config());
    assertEquals(Path.of(local).resolve("GateScope"), p.data());
    assertEquals(Path.of(local).resolve("GateScope").resolve("Cache"), p.cache());
  }

  @Test
  void windowsWithoutItsVariablesFallsBackUnderTheProfile() {
    Path profile = Path.of("/profiles/ana");
    Places p = AppFolders.places("Windows 10", Map.of(), profile);
    assertEquals(profile.resolve("AppData/Roaming/GateScope"), p.config());
    assertEquals(profile.resolve("AppData/Local/GateScope"), p.data());
  }

  @Test
  void macOsUsesApplicationSupportAndCaches() {
    Places p =
        AppFolders.places("Mac OS X", Map.of("XDG_CONFIG_HOME", "/xdg"), Path.of("/Users/ana"));
    assertEquals(Path.of("/Users/ana/Library/Application Support/GateScope"), p.config());
    assertEquals(Path.of("/Users/ana/Library/Application Support/GateScope"), p.data());
    assertEquals(Path.of("/Users/ana/Library/Caches/GateScope"), p.cache());
  }

  @Test
  void anEarlierVersionsFoldersAreKeptUntilTheNewOnesExist() {
    Path mac = Path.of("/Users/ana");
    Places current = AppFolders.places("Mac OS X", Map.of(), mac);
    Places earlier = AppFolders.places("Linux", Map.of(), mac);
    // Settings and runs from an earlier version, nothing in the new places yet: keep using them.
    Set<Path> existing = Set.of(earlier.config(), earlier.data());
    Places chosen = AppFolders.keepingEarlier(current, earlier, existing::contains);
    assertEquals(earlier.config(), chosen.config());
    assertEquals(earlier.data(), chosen.data());
    assertEquals(current.cache(), chosen.cache());
    // Once the new folder exists it wins; with nothing anywhere, the new places are used.
    Set<Path> both = Set.of(earlier.config(), current.config());
    assertEquals(
        current.config(), AppFolders.keepingEarlier(current, earlier, both::contains).config());
    assertEquals(current, AppFolders.keepingEarlier(current, earlier, p -> false));
  }
}

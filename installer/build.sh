#!/usr/bin/env bash
# Builds GateScope's native installers with the JDK's jpackage into target/installer/:
#   Linux: an app-image, a .deb and, where rpmbuild exists, an .rpm
#   macOS: an app-image and a .dmg          Windows (Git Bash): an app-image and an .msi (WiX 3)
# Run after `./mvnw package`; the Maven profile `installer` does both: ./mvnw -Pinstaller package.
# Argument: the JavaFX platform classifier the build used (linux, mac, mac-aarch64, win).
set -euo pipefail
cd "$(dirname "$0")/.."
fxplatform=${1:-linux}

version=$(sed -n 's:.*<version>\([0-9][0-9.]*\).*</version>.*:\1:p' pom.xml | head -n 1)
out=target/installer
stage=$out/stage
rm -rf "$out"
mkdir -p "$stage/input" "$stage/fx"

# JavaFX goes into the trimmed runtime as modules; everything else stays on the class path.
for jar in target/lib/*.jar; do
  name=$(basename "$jar")
  case "$name" in
    javafx-*-"$fxplatform".jar) cp "$jar" "$stage/fx/" ;;
    javafx-*.jar) ;; # the empty platform-neutral JavaFX jars
    *) cp "$jar" "$stage/input/" ;;
  esac
done
cp target/gatescope.jar "$stage/input/"
# Data and the shipped model travel inside the app: nothing is downloaded at first launch.
mkdir -p "$stage/input/data" "$stage/input/assets"
cp -r data/mnist data/README.md "$stage/input/data/"
cp -r assets/models assets/pictures "$stage/input/assets/"
cp installer/THIRD-PARTY.txt "$stage/input/"

modules=javafx.controls,javafx.graphics,javafx.base,java.desktop,java.sql,java.naming
modules=$modules,java.management,jdk.management,jdk.unsupported,jdk.zipfs,java.compiler
modules=$modules,java.logging,java.xml,jdk.crypto.ec,java.scripting

lic=(--license-file installer/THIRD-PARTY.txt)
# Double-clicking a .gatescope or .gslesson file opens it in GateScope (the launcher gets it as its argument).
assoc=(--file-associations installer/gatescope-model.properties --file-associations installer/gatescope-lesson.properties)
common=(--name GateScope --app-version "$version" --vendor GateScope
  --description "Train an LSTM on handwritten digits and watch every gate at every timestep"
  --copyright "GateScope authors; MNIST by Yann LeCun and Corinna Cortes, CC BY-SA 3.0")

case "$(uname -s)" in
  Linux*) os=linux; icon=installer/gatescope.png ;;
  Darwin*) os=mac; icon=installer/gatescope.icns ;;
  MINGW* | MSYS* | CYGWIN*) os=win; icon=installer/gatescope.ico ;;
  *) echo "unsupported build OS: $(uname -s)" >&2; exit 2 ;;
esac
iconopt=()
if [ -f "$icon" ]; then iconopt=(--icon "$icon"); fi
# Windows: GateScope.exe is windowed; GateScope-cli.exe prints what the commands say.
cli=()
if [ "$os" = win ]; then cli=(--add-launcher GateScope-cli=installer/cli-launcher.properties); fi

# JavaFX is a module of the runtime image: TextLayoutGuard needs its text package (docs/faults.md).
jpackage --type app-image "${common[@]}" \
  --input "$stage/input" --main-jar gatescope.jar --main-class io.gatescope.app.Launcher \
  --module-path "$stage/fx" --add-modules "$modules" \
  --java-options "-XX:+UseZGC" \
  --java-options "--add-exports=javafx.graphics/com.sun.javafx.text=ALL-UNNAMED" \
  ${iconopt[@]+"${iconopt[@]}"} ${cli[@]+"${cli[@]}"} \
  --dest "$out"

case "$os" in
  linux)
    # installer/linux: the desktop entry (Exec takes the file double-clicked) and install scripts
    # that also work on systems without a desktop menu.
    linux=(--linux-menu-group "Education;Science" --linux-shortcut --linux-app-category education
      --resource-dir installer/linux)
    export DPKG_DEB_COMPRESSOR_TYPE=zstd # xz takes ~90 s here, zstd a few seconds
    jpackage --type deb "${common[@]}" --app-image "$out/GateScope" "${linux[@]}" "${lic[@]}" "${assoc[@]}" \
      --linux-package-name gatescope --linux-deb-maintainer "gatescope@localhost" \
      --linux-package-deps "libgtk-3-0, libgl1, libxtst6, desktop-file-utils" --dest "$out"
    if command -v rpmbuild >/dev/null 2>&1; then
      jpackage --type rpm "${common[@]}" --app-image "$out/GateScope" "${linux[@]}" "${lic[@]}" "${assoc[@]}" \
        --linux-package-name gatescope --linux-package-deps "gtk3, mesa-libGL, libXtst, desktop-file-utils" \
        --dest "$out"
    fi
    ;;
  mac)
    jpackage --type dmg "${common[@]}" --app-image "$out/GateScope.app" "${lic[@]}" "${assoc[@]}" \
      --mac-package-identifier io.gatescope --dest "$out"
    ;;
  win)
    jpackage --type msi "${common[@]}" --app-image "$out/GateScope" "${lic[@]}" "${assoc[@]}" \
      --win-menu --win-menu-group GateScope --win-shortcut --win-dir-chooser --dest "$out"
    ;;
esac
rm -rf "$stage"
ls -la "$out"

#!/usr/bin/env bash
# Checks a built installer the way a user would, on every OS (bash: Linux, macOS, Git Bash on
# Windows). Run after ./mvnw -Pinstaller package.
#   1. installs it: Linux .deb with dpkg (as root or with sudo; --unpack only unpacks it, no root),
#      macOS .dmg copied out of the mounted image, Windows .msi with msiexec;
#   2. runs the installed launcher's command line: `evaluate --limit 500` must print an accuracy
#      of at least 0.90, `predict` on a shipped picture must read the digit its name gives;
#   3. checks that .gatescope files open with GateScope where the system can say (Linux:
#      xdg-mime; Windows: the registry);
#   4. on Linux with Xvfb, starts the installed app with a model file, as a double-click would, and
#      leaves a screenshot in target/installer/smoke.png to look at.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-install}
out=target/installer
fail() { echo "smoke test FAILED: $*" >&2; exit 1; }

case "$(uname -s)" in
  Linux*)
    deb=$(ls "$out"/*.deb | head -n 1)
    if [ "$mode" = --unpack ]; then
      root=$(mktemp -d)
      trap 'rm -rf "$root"' EXIT
      dpkg-deb -x "$deb" "$root"
      home="$root/opt/gatescope"
    else
      sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
      $sudo apt-get install -y "./$deb" >/dev/null || $sudo dpkg -i "$deb"
      home=/opt/gatescope
    fi
    cli="$home/bin/GateScope"
    app="$home/lib/app"
    ;;
  Darwin*)
    dmg=$(ls "$out"/*.dmg | head -n 1)
    mnt=$(mktemp -d)
    hdiutil attach "$dmg" -mountpoint "$mnt" -nobrowse -quiet
    mkdir -p "$HOME/Applications"
    rm -rf "$HOME/Applications/GateScope.app"
    cp -R "$mnt/GateScope.app" "$HOME/Applications/"
    hdiutil detach "$mnt" -quiet
    cli="$HOME/Applications/GateScope.app/Contents/MacOS/GateScope"
    app="$HOME/Applications/GateScope.app/Contents/app"
    ;;
  MINGW* | MSYS* | CYGWIN*)
    msi=$(ls "$out"/*.msi | head -n 1)
    msiexec //i "$(cygpath -w "$msi")" //qn //norestart //l*v "$(cygpath -w "$out/msi.log")" \
      || fail "msiexec (see $out/msi.log)"
    home="/c/Program Files/GateScope"
    # GateScope.exe is a windowed program; the console launcher prints what the commands say.
    cli="$home/GateScope-cli.exe"
    app="$home/app"
    ;;
  *) fail "unsupported OS: $(uname -s)" ;;
esac
[ -x "$cli" ] || fail "no installed launcher at $cli"

echo "== installed command line: evaluate"
result=$("$cli" evaluate --limit 500)
echo "$result" | head -n 4
accuracy=$(echo "$result" | sed -n 's/^accuracy *\([0-9.]*\).*/\1/p')
awk -v a="$accuracy" 'BEGIN { exit !(a >= 0.90) }' || fail "accuracy '$accuracy' below 0.90"

echo "== installed command line: predict on the shipped pictures"
for picture in "$app"/assets/pictures/*.png; do
  digit=$(basename "$picture" .png | sed 's/.*-digit-//')
  line=$("$cli" predict "$picture")
  echo "$line"
  echo "$line" | grep -q ": $digit (" || fail "$(basename "$picture") not read as $digit"
done

echo "== .gatescope files open with GateScope"
case "$(uname -s)" in
  Linux*)
    if [ "$mode" != --unpack ] && command -v xdg-mime >/dev/null; then
      handler=$(xdg-mime query default application/x-gatescope-model)
      echo "application/x-gatescope-model -> $handler"
      echo "$handler" | grep -qi gatescope || fail "no file association ($handler)"
      # The type itself: *.gatescope in the shared MIME database (the system's or the user's).
      globs=$(cat /usr/share/mime/globs2 "${XDG_DATA_HOME:-$HOME/.local/share}/mime/globs2" \
        2>/dev/null | grep -i 'gatescope' || true)
      echo "MIME globs: $globs"
      echo "$globs" | grep -q 'application/x-gatescope-model:\*\.gatescope' \
        || fail "*.gatescope is not application/x-gatescope-model in the MIME database"
    else
      echo "(not installed, or no xdg-mime: skipped)"
    fi
    ;;
  MINGW* | MSYS* | CYGWIN*)
    reg query 'HKCR\.gatescope' || fail "no .gatescope association in the registry"
    ;;
  *) echo "(the Finder keeps its associations to itself: skipped)" ;;
esac

if [ "$(uname -s | cut -c1-5)" = Linux ] && command -v xvfb-run >/dev/null \
  && command -v import >/dev/null; then
  echo "== installed app under Xvfb, opening a model file as a double-click would"
  log=$(mktemp)
  xvfb-run -a -s "-screen 0 1280x800x24" bash -c "
    '$cli' '$app/assets/models/lstm-classic.gatescope' >'$log' 2>&1 &
    sleep 30
    import -window root $out/smoke.png
    kill %1"
  echo "screenshot: $out/smoke.png"
  # JavaFX is a module of the installed runtime; the launcher must open its text package to the
  # guard against the native text-layout crash (docs/faults.md).
  grep -q "ready .* ms after start" "$log" || { cat "$log" >&2; fail "the installed app did not start"; }
  if grep -q "text layout guard not installed" "$log"; then
    cat "$log" >&2
    fail "the text layout guard is not installed in the installed app"
  fi
fi
echo "smoke test passed"

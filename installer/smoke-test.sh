#!/usr/bin/env bash
# Checks a built .deb the way a user would: unpack it, run the installed command line, start the
# installed app under Xvfb and take a screenshot (target/installer/smoke.png) to look at.
# Needs: dpkg-deb, xvfb-run, imagemagick (import). Run after ./mvnw -Pinstaller package.
set -euo pipefail
cd "$(dirname "$0")/.."
deb=$(ls target/installer/*.deb | head -n 1)
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root"
app="$root/opt/gatescope/bin/GateScope"

echo "== installed CLI"
out=$("$app" evaluate --limit 500)
echo "$out" | head -n 4
echo "$out" | grep -q '^accuracy  0\.9[0-9]' || { echo "unexpected accuracy" >&2; exit 1; }

echo "== installed app under Xvfb"
xvfb-run -a -s "-screen 0 1280x800x24" bash -c "
  '$app' >'$root/app.log' 2>&1 &
  sleep 30
  import -window root target/installer/smoke.png
  kill %1"
echo "screenshot: target/installer/smoke.png"

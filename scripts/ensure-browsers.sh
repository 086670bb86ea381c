#!/usr/bin/env bash
# Makes sure the three browser engines the e2e tests drive are installed, from Debian packages
# only (nothing downloads a browser of its own; the project's machines reach no browser CDN):
#   chromium            Blink, driven by playwright-core over the DevTools protocol
#   firefox-esr         Gecko, driven by puppeteer-core over WebDriver BiDi
#   webkit2gtk-driver   WebKitGTK: WebKitWebDriver + MiniBrowser (libwebkit2gtk-4.1-0), classic WebDriver
#   xvfb                the virtual X display WebKitGTK draws into (it has no headless mode)
# Idempotent: silent and quick when everything is there; one apt-get run for whatever is missing.
set -euo pipefail

MULTIARCH="$(gcc -dumpmachine 2>/dev/null || echo "$(uname -m)-linux-gnu")"
declare -A NEEDS=(
  [chromium]=/usr/bin/chromium
  [firefox-esr]=/usr/bin/firefox-esr
  [webkit2gtk-driver]=/usr/bin/WebKitWebDriver
  [xvfb]=/usr/bin/Xvfb
)
missing=()
for package in "${!NEEDS[@]}"; do
  [ -x "${NEEDS[$package]}" ] || missing+=("$package")
done
if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo -n"
  else
    echo "ensure-browsers: missing ${missing[*]} and this user cannot install packages (not root, no sudo)." >&2
    echo "ensure-browsers: install these Debian packages, then run the tests again: ${missing[*]}" >&2
    exit 1
  fi
fi

echo "ensure-browsers: installing Debian packages: ${missing[*]}..."
$SUDO apt-get update -qq >/dev/null
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

for package in "${!NEEDS[@]}"; do
  if [ ! -x "${NEEDS[$package]}" ]; then
    echo "ensure-browsers: apt-get finished but ${NEEDS[$package]} ($package) is still missing." >&2
    exit 1
  fi
done
if ! ls /usr/lib/*/webkit2gtk-4.1/MiniBrowser >/dev/null 2>&1; then
  echo "ensure-browsers: MiniBrowser is missing (expected under /usr/lib/$MULTIARCH/webkit2gtk-4.1/)." >&2
  exit 1
fi
echo "ensure-browsers: $(/usr/bin/chromium --version 2>/dev/null | head -1); $(/usr/bin/firefox-esr --version 2>/dev/null | head -1); webkit2gtk-driver $(dpkg-query -W -f='${Version}' webkit2gtk-driver 2>/dev/null)."

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
source "$(dirname "$0")/apt-ensure.sh" ensure-browsers \
  chromium=/usr/bin/chromium \
  firefox-esr=/usr/bin/firefox-esr \
  webkit2gtk-driver=/usr/bin/WebKitWebDriver \
  xvfb=/usr/bin/Xvfb
[ "${#MISSING[@]}" -eq 0 ] && exit 0

if ! ls /usr/lib/*/webkit2gtk-4.1/MiniBrowser >/dev/null 2>&1; then
  echo "ensure-browsers: MiniBrowser is missing (expected under /usr/lib/$MULTIARCH/webkit2gtk-4.1/)." >&2
  exit 1
fi
echo "ensure-browsers: $(/usr/bin/chromium --version 2>/dev/null | head -1); $(/usr/bin/firefox-esr --version 2>/dev/null | head -1); webkit2gtk-driver $(dpkg-query -W -f='${Version}' webkit2gtk-driver 2>/dev/null)."

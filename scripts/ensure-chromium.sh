#!/usr/bin/env bash
# Kept for old callers: the e2e tests now drive three engines, which scripts/ensure-browsers.sh
# installs (Chromium among them).
set -euo pipefail
exec bash "$(dirname "$0")/ensure-browsers.sh"

#!/usr/bin/env bash
# Installs the Debian packages whose files are missing, in one apt-get run, and checks they arrived.
# Usage: bash scripts/apt-ensure.sh <label> <package>=<file> [<package>=<file> ...]
# Exits 0 at once when every file is there; prints what it installs; fails with a sentence when this
# user cannot install (not root, no sudo) or a file is still missing afterwards. Sets MISSING for a
# caller that sources it (`source scripts/apt-ensure.sh …`), e.g. to stop services apt started.
set -euo pipefail

label="$1"
shift
MISSING=()
declare -A FILE_OF=()
for pair in "$@"; do
  package="${pair%%=*}"
  FILE_OF[$package]="${pair#*=}"
  [ -e "${FILE_OF[$package]}" ] || MISSING+=("$package")
done
if [ "${#MISSING[@]}" -eq 0 ]; then
  return 0 2>/dev/null || exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo -n"
  else
    echo "$label: missing ${MISSING[*]} and this user cannot install packages (not root, no sudo)." >&2
    echo "$label: install these Debian packages, then run the tests again: ${MISSING[*]}" >&2
    exit 1
  fi
fi

echo "$label: installing Debian packages: ${MISSING[*]}..."
$SUDO apt-get update -qq >/dev/null
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${MISSING[@]}" >/dev/null
for package in "${MISSING[@]}"; do
  if [ ! -e "${FILE_OF[$package]}" ]; then
    echo "$label: apt-get finished but ${FILE_OF[$package]} ($package) is still missing." >&2
    exit 1
  fi
done

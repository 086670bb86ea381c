#!/usr/bin/env bash
# Makes sure Debian's nginx and Apache are installed for the server-recipe tests (test/servers/).
# The tests start them themselves, as the current user with a temporary configuration on loopback
# ports; the system services are never used, so they are stopped and disabled after a fresh
# install (Debian starts them on port 80 by default). Idempotent and silent when both are there.
set -euo pipefail

NGINX=/usr/sbin/nginx
APACHE=/usr/sbin/apache2
missing=()
[ -x "$NGINX" ] || missing+=(nginx)
[ -x "$APACHE" ] || missing+=(apache2)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo -n"
  else
    echo "ensure-servers: ${missing[*]} missing and this user cannot install packages (not root, no sudo)." >&2
    echo "ensure-servers: install Debian's ${missing[*]} package(s), then run the tests again." >&2
    exit 1
  fi
fi

echo "ensure-servers: installing Debian's ${missing[*]} package(s)..."
$SUDO apt-get update -qq >/dev/null
# policy-rc.d 101 would be the classic way to keep services from starting; stopping them after the
# install is enough here and works whether or not systemd runs (containers have none).
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
for service in "${missing[@]}"; do
  $SUDO service "$service" stop >/dev/null 2>&1 || true
done

[ -x "$NGINX" ] || { echo "ensure-servers: apt-get finished but $NGINX is still missing." >&2; exit 1; }
[ -x "$APACHE" ] || { echo "ensure-servers: apt-get finished but $APACHE is still missing." >&2; exit 1; }
echo "ensure-servers: $("$NGINX" -v 2>&1), $("$APACHE" -v | head -n 1) installed."

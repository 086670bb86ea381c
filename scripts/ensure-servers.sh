#!/usr/bin/env bash
# Makes sure Debian's nginx and Apache are installed for the server-recipe tests (test/servers/).
# The tests start them themselves, as the current user with a temporary configuration on loopback
# ports; the system services are never used, so they are stopped and disabled after a fresh
# install (Debian starts them on port 80 by default). Idempotent and silent when both are there.
set -euo pipefail

NGINX=/usr/sbin/nginx
APACHE=/usr/sbin/apache2
source "$(dirname "$0")/apt-ensure.sh" ensure-servers nginx="$NGINX" apache2="$APACHE"
[ "${#MISSING[@]}" -eq 0 ] && exit 0
# policy-rc.d 101 would be the classic way to keep services from starting; stopping them after the
# install is enough here and works whether or not systemd runs (containers have none).
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo -n"
for service in "${MISSING[@]}"; do
  $SUDO service "$service" stop >/dev/null 2>&1 || true
done
echo "ensure-servers: $("$NGINX" -v 2>&1), $("$APACHE" -v | head -n 1) installed."

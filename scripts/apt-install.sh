#!/usr/bin/env bash
# Installs the Debian packages named as arguments that are not installed yet.
# Runs `apt-get update` at most once per machine boot-ish (stamp in /tmp).
# Used by the mk/*.mk targets so that `make test` works on a fresh machine.
set -euo pipefail
missing=()
for pkg in "$@"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
stamp=/tmp/.agoratoken-apt-updated
if [ ! -f "$stamp" ]; then
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  touch "$stamp"
fi
echo "apt-get install ${missing[*]}" >&2
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

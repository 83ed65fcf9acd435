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
# Another apt or dpkg (unattended-upgrades, a parallel make target) may hold
# the lock: apt waits for it up to LOCK_WAIT seconds, and a failed attempt is
# retried a few times before giving up.
LOCK_WAIT=${AGORATOKEN_APT_LOCK_WAIT:-300}
apt() {
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout="$LOCK_WAIT" "$@"
}
retry() {
  local attempt
  for attempt in 1 2 3; do
    "$@" && return 0
    echo "apt-install: attempt $attempt of 3 failed: $*" >&2
    sleep $((attempt * 5))
  done
  return 1
}
stamp=/tmp/.agoratoken-apt-updated
if [ ! -f "$stamp" ]; then
  retry apt update -qq
  touch "$stamp"
fi
echo "apt-get install ${missing[*]}" >&2
retry apt install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

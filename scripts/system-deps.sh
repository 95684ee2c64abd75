#!/usr/bin/env bash
# Installs the Debian packages WindowDesk's tests (or the demo) need, only those missing.
# Usage: scripts/system-deps.sh test|run
set -euo pipefail
want=${1:-test}

run_pkgs=(python3-venv gcc python3-dev swig libpcsclite-dev pcscd fonts-wqy-microhei fonts-wqy-zenhei fonts-hanazono libgl1 libegl1 libxkbcommon0
          libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libxcb-cursor0 libxcb-icccm4
          libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-image0
          libxcb-render-util0 libpulse0)
test_pkgs=(make vsmartcard-vpcd cups cups-client
           printer-driver-cups-pdf postgresql openssl xvfb xauth xdotool poppler-utils zbar-tools
           faketime)

pkgs=("${run_pkgs[@]}")
[ "$want" = test ] && pkgs+=("${test_pkgs[@]}")

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
    echo "These Debian packages are missing and you are not root: ${missing[*]}" >&2
    echo "Install them (apt-get install ${missing[*]}) and run make again." >&2
    exit 1
  fi
else SUDO=; fi
echo "Installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# Services must not start at install time (CI containers have no init); tests start their own.
if [ -z "$SUDO" ] && [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d
  trap 'rm -f /usr/sbin/policy-rc.d' EXIT
fi
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"

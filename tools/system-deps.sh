#!/usr/bin/env bash
# The Debian/Ubuntu libraries Qt needs, installed when missing: one list for `make system-deps`
# (a newcomer's machine) and for .ci/run (a bare CI machine). Even offscreen Qt links libEGL,
# libfontconfig, libxkbcommon and libdbus; on a desktop the xcb plugin also needs the
# libxcb-* packages (its error message names only xcb-cursor0).
set -euo pipefail

QT_DEBS=(libgl1 libegl1 libfontconfig1 libfreetype6 libxkbcommon0 libxkbcommon-x11-0 libdbus-1-3
         libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0
         libxcb-randr0 libxcb-render-util0 libxcb-image0
         fonts-dejavu-core
         binutils)   # objcopy and strip, for PyInstaller (make installer)
missing=()
for p in "${QT_DEBS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "All the system libraries Qt needs are installed."
  exit 0
fi
echo "Installing Debian packages Qt needs: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"

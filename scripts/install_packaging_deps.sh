#!/bin/sh
# Install the Debian 12 packages that building and testing the .deb needs,
# and only those that are missing (so a prepared CI image costs no network).
#
# Usage (as root, or with sudo available): scripts/install_packaging_deps.sh
#
# Build tools: dpkg-deb and dpkg-shlibdeps (dpkg-dev), lintian,
# desktop-file-validate (desktop-file-utils), appstreamcli (appstream),
# rsvg-convert (librsvg2-bin), binutils (objdump, used by PyInstaller),
# patchelf (drops build-machine RUNPATHs from the bundled Python modules).
# Test tools: Xvfb and xauth for the real-X run; unshare is in util-linux,
# which is essential on Debian; shellcheck for the shell scripts (the
# packaging tests of the normal run use it, and fail without it in CI).
# Runtime libraries: the system libraries the frozen bundle does not carry and
# Qt's xcb platform plugin needs; they are the .deb's Depends, so `dpkg -i`
# succeeds without a network. Keep this list in step with the libraries
# dpkg-shlibdeps reports in packaging/build_deb.sh.
set -eu

PACKAGES="
dpkg-dev
patchelf
binutils
lintian
desktop-file-utils
appstream
librsvg2-bin
xvfb
xauth
shellcheck
libegl1
libgl1
libopengl0
libfontconfig1
libfreetype6
libglib2.0-0
libdbus-1-3
libx11-6
libx11-xcb1
libxkbcommon0
libxkbcommon-x11-0
libxcb1
libxcb-cursor0
libxcb-icccm4
libxcb-image0
libxcb-keysyms1
libxcb-randr0
libxcb-render-util0
libxcb-render0
libxcb-shape0
libxcb-shm0
libxcb-sync1
libxcb-xfixes0
libxcb-xkb1
libwayland-client0
libwayland-cursor0
libwayland-egl1
"

# PyInstaller copies libpython into the bundle. Debian's own python3 is linked
# statically and ships that library separately, as libpython3.X.
PY=${PYTHON:-.venv/bin/python}
[ -x "$PY" ] || PY=python3
if [ "$("$PY" -c 'import sys; print(sys.base_prefix)')" = /usr ]; then
    PACKAGES="$PACKAGES libpython$("$PY" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
fi

missing=""
for pkg in $PACKAGES; do
    # dpkg-query prints "install ok installed" only for a fully installed package.
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    if [ "$status" != "install ok installed" ]; then
        missing="$missing $pkg"
    fi
done

if [ -z "$missing" ]; then
    echo "packaging dependencies: all present"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
echo "packaging dependencies: installing$missing"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086  # word splitting of the package list is intended
$SUDO apt-get install -y -qq --no-install-recommends $missing

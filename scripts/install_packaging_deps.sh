#!/bin/sh
# Install the Debian 12 packages that building and testing the .deb needs,
# and only those that are missing (so a prepared CI image costs no network).
# `bash scripts/dev.sh test` runs it, so that the whole test run has its tools.
#
# Usage (as root, or with sudo available): scripts/install_packaging_deps.sh
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)

# Tools, each with the reason it is here. unshare (util-linux) and ldd
# (libc-bin), which test_deb.py also runs, are essential: always installed.
TOOLS=""
# dpkg-shlibdeps (Depends) and dpkg-parsechangelog, in build_deb.sh
TOOLS="$TOOLS dpkg-dev"
# build_deb.sh drops build-machine RUNPATHs from the bundled modules
TOOLS="$TOOLS patchelf"
# objdump: PyInstaller and dpkg-shlibdeps read ELF files with it
TOOLS="$TOOLS binutils"
# build_deb.sh fails the build on lintian errors and warnings
TOOLS="$TOOLS lintian"
# desktop-file-validate, in build_deb.sh and test_deb.py
TOOLS="$TOOLS desktop-file-utils"
# appstreamcli validates the metainfo, in build_deb.sh and test_deb.py
TOOLS="$TOOLS appstream"
# rsvg-convert: packaging/icons.py renders the PNG icons with it
TOOLS="$TOOLS librsvg2-bin"
# xvfb-run (it needs xauth): test_deb.py starts the installed app on a real X server
TOOLS="$TOOLS xvfb xauth"
# tests/packaging/test_shell_scripts.py, in the normal run (it fails in CI without it)
TOOLS="$TOOLS shellcheck"

# Runtime libraries: the packages the .deb depends on for the libraries its
# bundle does not carry, from the one list build_deb.sh checks against the
# real Depends (reasons in the file). dpkg-shlibdeps needs them installed to
# name them, and test_deb.py's `dpkg -i` needs them without a network.
RUNTIME=$(sed 's/#.*//' "$ROOT/packaging/linux/depends")

PACKAGES="$TOOLS $RUNTIME"

# PyInstaller copies libpython into the bundle. Debian's own python3 is linked
# statically and ships that library separately, as libpython3.X.
PY=${PYTHON:-$ROOT/.venv/bin/python}
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

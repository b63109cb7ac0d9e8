#!/usr/bin/env bash
# Set up SJSRef on a fresh Debian 12 (run as root from the repository root),
# then launch the app or run the whole test suite. Safe to run again: each
# step does nothing when its work is already done.
#
#   bash scripts/dev.sh run    # set up and open the window (prints CLI help if no display)
#   bash scripts/dev.sh test   # set up and run lint, types, layer contracts and every test
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-run}

# System libraries Qt's xcb plugin needs on Debian 12 (the wheels carry Qt itself).
RUNTIME_APT="libegl1 libgl1 libopengl0 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3
libx11-6 libx11-xcb1 libxkbcommon0 libxkbcommon-x11-0 libxcb1 libxcb-cursor0 libxcb-icccm4
libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-render0 libxcb-shape0
libxcb-shm0 libxcb-sync1 libxcb-xfixes0 libxcb-xkb1 fonts-dejavu-core"
# The tests read the printed PDFs back with pdftotext and pdfinfo.
TEST_APT="poppler-utils"

apt_install() {
  local missing=()
  for pkg in "$@"; do
    [ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)" = "install ok installed" ] \
      || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "dev.sh: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

python=${PYTHON:-python3}
if ! command -v "$python" >/dev/null || ! "$python" -c 'import ensurepip, venv' 2>/dev/null; then
  apt_install python3 python3-venv
  python=python3
fi
# shellcheck disable=SC2086  # the package list is split on purpose
apt_install $RUNTIME_APT
if [ "$mode" = test ]; then
  # shellcheck disable=SC2086
  apt_install $TEST_APT
fi

# The virtual environment, pinned by constraints.txt; reinstalled only when
# pyproject.toml or constraints.txt change.
extras=$([ "$mode" = test ] && echo "[dev]" || echo "")
stamp=.venv/.installed$extras-$(cat pyproject.toml constraints.txt | sha256sum | cut -c1-16)
if [ ! -f "$stamp" ]; then
  [ -x .venv/bin/python ] || "$python" -m venv .venv
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -c constraints.txt -e ".$extras"
  touch "$stamp"
fi

# The content pack (resources/library.sqlite): the library checked, rendered
# and indexed once. Rebuilt only when the sources or the code that shapes it
# changed since; a broken library stops here with its problems listed.
.venv/bin/python -m sjsref.search.build

case "$mode" in
  run)
    if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
      echo "dev.sh: no display found; here is the command line instead of the window."
      exec .venv/bin/sjsref --help
    fi
    exec .venv/bin/sjsref
    ;;
  test)
    bash scripts/install_packaging_deps.sh
    .venv/bin/ruff check .
    .venv/bin/ruff format --check .
    .venv/bin/mypy
    .venv/bin/lint-imports
    QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest \
      --cov=sjsref.clinical --cov-branch --cov-report=term-missing --cov-fail-under=100
    ;;
  *)
    echo "usage: bash scripts/dev.sh run|test" >&2
    exit 2
    ;;
esac

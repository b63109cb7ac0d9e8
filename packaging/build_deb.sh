#!/bin/sh
# Build sjsref_<version>_amd64.deb: the PyInstaller bundle under
# /usr/lib/sjsref, /usr/bin/sjsref, menu entry, AppStream metainfo, icons,
# copyright and changelog; Depends computed by dpkg-shlibdeps. Runs lintian.
#
# Usage: packaging/build_deb.sh [--out DIR] [--bundle DIR] [--no-lintian]
#   --out DIR     where the .deb and the build tree go (default: build/deb)
#   --bundle DIR  reuse a bundle already built from packaging/sjsref.spec
#                 (DIR is the folder holding the sjsref executable)
#   --no-lintian  skip lintian (it is run, and fails the build, by default)
# Environment: PYTHON (default .venv/bin/python), SJSREF_MAINTAINER.
# Needs: dpkg-dev, binutils, patchelf, librsvg2-bin, lintian,
# desktop-file-utils, appstream, and the libraries packaging/linux/depends
# lists (scripts/install_packaging_deps.sh installs what is missing).
# Prints the path of the .deb on its last line.
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT="$ROOT/build/deb"
BUNDLE=""
LINTIAN=1
while [ $# -gt 0 ]; do
    case "$1" in
        --out) OUT=$2; shift 2 ;;
        --bundle) BUNDLE=$2; shift 2 ;;
        --no-lintian) LINTIAN=0; shift ;;
        *) echo "build_deb.sh: unknown argument: $1" >&2; exit 2 ;;
    esac
done
PYTHON=${PYTHON:-$ROOT/.venv/bin/python}
MAINTAINER=${SJSREF_MAINTAINER:-"SJSRef maintainers <maintainers@sjsref.invalid>"}
APP_ID=org.sjsref.SJSRef
PKG=sjsref
LINUX="$ROOT/packaging/linux"

mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)

# The version has one home: [project].version in pyproject.toml. The .deb
# carries its Debian spelling, which sorts the same way (0.2.0rc1 is
# 0.2.0~rc1, below 0.2.0): bundle_policy.debian_version.
VERSIONS=$("$PYTHON" -c 'import pathlib, sys; sys.path.insert(0, sys.argv[1]); import bundle_policy; v = bundle_policy.project_version(pathlib.Path(sys.argv[2])); print(v); print(bundle_policy.debian_version(v))' "$ROOT/packaging" "$ROOT")
VERSION=$(printf '%s\n' "$VERSIONS" | sed -n 1p)
DEB_VERSION=$(printf '%s\n' "$VERSIONS" | sed -n 2p)
# The newest changelog entry, parsed once (by dpkg's own parser): its version
# must be this one, and its date is the release date in the metainfo and the
# timestamp of every file in the .deb.
CHANGELOG=$(dpkg-parsechangelog -l "$LINUX/changelog")
CHANGELOG_VERSION=$(printf '%s\n' "$CHANGELOG" | sed -n 's/^Version: //p')
CHANGELOG_EPOCH=$(printf '%s\n' "$CHANGELOG" | sed -n 's/^Timestamp: //p')
RELEASE_DATE=$(date -u -d "@$CHANGELOG_EPOCH" +%Y-%m-%d)
if [ "$CHANGELOG_VERSION" != "$DEB_VERSION" ]; then
    echo "build_deb.sh: packaging/linux/changelog starts at $CHANGELOG_VERSION but pyproject.toml says $VERSION: add a changelog entry" >&2
    exit 1
fi

# 1. The bundle.
if [ -z "$BUNDLE" ]; then
    "$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
        --workpath "$OUT/pyinstaller" --distpath "$OUT/dist" "$ROOT/packaging/sjsref.spec" >&2
    BUNDLE="$OUT/dist/sjsref"
fi
[ -x "$BUNDLE/sjsref" ] || { echo "build_deb.sh: no bundle at $BUNDLE" >&2; exit 1; }

# 2. The package tree. It lives in debian/<pkg> under a scratch directory so
#    dpkg-shlibdeps recognises the bundle's own libraries as the package's.
WORK="$OUT/work"
rm -rf "$WORK"
STAGE="$WORK/debian/$PKG"
mkdir -p "$STAGE/DEBIAN" "$STAGE/usr/lib" "$STAGE/usr/bin" \
    "$STAGE/usr/share/applications" "$STAGE/usr/share/metainfo" \
    "$STAGE/usr/share/doc/$PKG" "$STAGE/usr/share/icons/hicolor/scalable/apps"
cp -a "$BUNDLE" "$STAGE/usr/lib/$PKG"
ln -s "../lib/$PKG/sjsref" "$STAGE/usr/bin/sjsref"

install -m 0644 "$LINUX/$APP_ID.desktop" "$STAGE/usr/share/applications/$APP_ID.desktop"
sed -e "s/@VERSION@/$VERSION/" -e "s/@DATE@/$RELEASE_DATE/" \
    "$LINUX/$APP_ID.metainfo.xml" > "$STAGE/usr/share/metainfo/$APP_ID.metainfo.xml"

install -m 0644 "$ROOT/packaging/icons/sjsref.svg" "$STAGE/usr/share/icons/hicolor/scalable/apps/$APP_ID.svg"
# The PNG sizes and their rendering have one home, packaging/icons.py (the
# Windows and macOS recipes use it too); it names each file after its hicolor
# folder (48x48.png goes to hicolor/48x48/apps).
"$PYTHON" "$ROOT/packaging/icons.py" --png-dir "$WORK/icons"
for png in "$WORK/icons"/*.png; do
    install -D -m 0644 "$png" "$STAGE/usr/share/icons/hicolor/$(basename "$png" .png)/apps/$APP_ID.png"
done

install -m 0644 "$LINUX/copyright" "$STAGE/usr/share/doc/$PKG/copyright"
mkdir -p "$STAGE/usr/share/man/man1"
gzip -9n < "$LINUX/sjsref.1" > "$STAGE/usr/share/man/man1/sjsref.1.gz"
# Lintian overrides: only what a frozen bundle cannot avoid (reasons inside).
mkdir -p "$STAGE/usr/share/lintian/overrides"
install -m 0644 "$LINUX/lintian-overrides" "$STAGE/usr/share/lintian/overrides/$PKG"
# Native package (no Debian revision): the changelog is changelog.gz.
gzip -9n < "$LINUX/changelog" > "$STAGE/usr/share/doc/$PKG/changelog.gz"

# Debian wants 0644 for data and shared libraries, 0755 for directories and
# executables; PyInstaller copies .so files as executable.
find "$STAGE" -type d -exec chmod 0755 {} +
find "$STAGE" -type f -exec chmod 0644 {} +
chmod 0755 "$STAGE/usr/lib/$PKG/sjsref"

ELF_FILES=$(find "$STAGE/usr/lib/$PKG" -type f -exec sh -c 'head -c 4 "$1" | grep -q "ELF" && echo "$1"' _ {} \;)

# A Python built outside /usr (pyenv, a self-built CPython) leaves its own
# lib directory as RUNPATH in its extension modules: a path on the build
# machine that the installed app must not search. Keep only $ORIGIN entries.
for elf in $ELF_FILES; do
    rpath=$(patchelf --print-rpath "$elf" 2>/dev/null || true)
    [ -n "$rpath" ] || continue
    # shellcheck disable=SC2016  # a literal $ORIGIN, matched in the RUNPATH text
    kept=$(printf '%s' "$rpath" | tr ':' '\n' | grep '^\$ORIGIN' | paste -sd: - || true)
    if [ "$kept" != "$rpath" ]; then
        if [ -n "$kept" ]; then
            patchelf --set-rpath "$kept" "$elf"
        else
            patchelf --remove-rpath "$elf"
        fi
    fi
done

# 3. Depends: what the bundle's ELF files link from the system, as Debian
#    packages with minimum versions (dpkg-shlibdeps reads the shlibs/symbols
#    files of the installed libraries). Libraries inside the bundle are the
#    package's own and are skipped.
cat > "$WORK/debian/control" <<EOF
Source: $PKG

Package: $PKG
Architecture: amd64
EOF
LIBDIRS=$(find "$STAGE/usr/lib/$PKG" -type f -name '*.so*' -exec dirname {} \; | sort -u | sed "s|^$STAGE||" | sed 's/^/-l/')
# shellcheck disable=SC2086  # word splitting of the file lists is intended
SHLIBS=$(cd "$WORK" && dpkg-shlibdeps -O --warnings=0 $LIBDIRS -e $ELF_FILES 2>"$WORK/shlibdeps.log")
DEPENDS=${SHLIBS#shlibs:Depends=}
if [ -z "$DEPENDS" ]; then
    cat "$WORK/shlibdeps.log" >&2
    echo "build_deb.sh: dpkg-shlibdeps found no dependencies" >&2
    exit 1
fi

# The same for everything but the build's Python (libpython, lib-dynload),
# as package names: it must be exactly packaging/linux/depends, the list
# scripts/install_packaging_deps.sh installs (reasons in that file).
APP_ELF_FILES=$(printf '%s\n' "$ELF_FILES" | grep -v -e '/_internal/libpython3' -e '/lib-dynload/')
# shellcheck disable=SC2086  # word splitting of the file lists is intended
APP_SHLIBS=$(cd "$WORK" && dpkg-shlibdeps -O --warnings=0 $LIBDIRS -e $APP_ELF_FILES 2>>"$WORK/shlibdeps.log")
# "libfoo1 (>= 1.2), libbar2 | libbaz2" -> libfoo1, libbar2, libbaz2
printf '%s\n' "${APP_SHLIBS#shlibs:Depends=}" | sed 's/[,|]/\n/g' \
    | sed 's/(.*//; s/[[:space:]]//g; /^$/d' | LC_ALL=C sort -u > "$WORK/depends.found"
sed 's/#.*//; s/[[:space:]]//g; /^$/d' "$LINUX/depends" | LC_ALL=C sort -u > "$WORK/depends.listed"
if ! diff -U0 "$WORK/depends.listed" "$WORK/depends.found" > "$WORK/depends.diff"; then
    echo "build_deb.sh: the bundle links packages other than packaging/linux/depends lists" >&2
    echo "(- listed but not linked, + linked but not listed); update that file:" >&2
    tail -n +3 "$WORK/depends.diff" | grep -v "^@@" >&2
    exit 1
fi

INSTALLED_SIZE=$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
cat > "$STAGE/DEBIAN/control" <<EOF
Package: $PKG
Version: $DEB_VERSION
Architecture: amd64
Maintainer: $MAINTAINER
Installed-Size: $INSTALLED_SIZE
Depends: $DEPENDS
Section: science
Priority: optional
Description: offline reference and calculators for SJS/TEN
 SJSRef is a desktop reference for clinicians caring for patients with
 Stevens-Johnson syndrome (SJS) and toxic epidermal necrolysis (TEN):
 summaries of the literature with numbered references, the SCORTEN,
 ABCD-10 and detached body surface area calculators, and one search box
 over all of it. It never needs a network.
 .
 It is a reference, not a substitute for clinical judgement.
EOF
(cd "$STAGE" && find . -path ./DEBIAN -prune -o -type f -print | sed 's|^\./||' | LC_ALL=C sort | xargs -d '\n' md5sum) > "$STAGE/DEBIAN/md5sums"
chmod 0644 "$STAGE/DEBIAN/control" "$STAGE/DEBIAN/md5sums"

# Reproducible timestamps: the date of the newest changelog entry (dpkg-deb
# reads SOURCE_DATE_EPOCH too).
SOURCE_DATE_EPOCH=$CHANGELOG_EPOCH
export SOURCE_DATE_EPOCH
find "$STAGE" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +

DEB="$OUT/${PKG}_${DEB_VERSION}_amd64.deb"
rm -f "$DEB"
dpkg-deb --root-owner-group -Zxz --build "$STAGE" "$DEB" >&2

# 4. Checks.
desktop-file-validate "$STAGE/usr/share/applications/$APP_ID.desktop" >&2
if command -v appstreamcli >/dev/null 2>&1; then
    appstreamcli validate --no-net --explain "$STAGE/usr/share/metainfo/$APP_ID.metainfo.xml" >&2
fi
if [ "$LINTIAN" -eq 1 ]; then
    lintian --fail-on error,warning --display-info --info "$DEB" >&2
fi
echo "$DEB"

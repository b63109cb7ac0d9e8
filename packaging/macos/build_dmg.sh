#!/bin/sh
# Build SJSRef.app and build/macos/sjsref-<version>-macos-<arch>.dmg on macOS 13
# or later (Qt 6.11's floor), from anywhere: packaging/macos/build_dmg.sh
#
# Needs: the project's venv (.venv, see README "Installers") made with a Python
# of the architecture to build, arm64 or x86_64 (pydantic-core ships no
# universal2 wheel, so each architecture gets its own .dmg); the Xcode command
# line tools (codesign, hdiutil, xcrun, ditto, spctl).
#
# Optional:
#   SJSREF_CODESIGN_IDENTITY  "Developer ID Application: ..." in the keychain.
#                             PyInstaller signs every binary and the .app with
#                             it, hardened runtime and secure timestamp
#                             included; this script only verifies.
#   SJSREF_ENTITLEMENTS       an entitlements .plist for that signing (the app
#                             needs none so far)
#   SJSREF_NOTARY_PROFILE     a `xcrun notarytool store-credentials` profile:
#                             notarize and staple the .app, then the .dmg.
#                             Refused without SJSREF_CODESIGN_IDENTITY.
# Without an identity PyInstaller signs ad hoc: the app runs on the machine
# that built it, and Gatekeeper blocks it elsewhere until the user allows it.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
PY=.venv/bin/python
OUT=build/macos
IDENTITY=${SJSREF_CODESIGN_IDENTITY:-}
PROFILE=${SJSREF_NOTARY_PROFILE:-}

# fail, notarize, create_dmg
# shellcheck source=packaging/macos/functions.sh
. "$ROOT/packaging/macos/functions.sh"

if [ -n "$PROFILE" ] && [ -z "$IDENTITY" ]; then
    fail "SJSREF_NOTARY_PROFILE is set but SJSREF_CODESIGN_IDENTITY is not: Apple notarizes only code signed with a Developer ID"
fi
[ -x "$PY" ] || fail "no .venv here; create it first (README, Installers)"

# The version has one home, pyproject.toml, read by the function the .deb uses.
VERSION=$("$PY" packaging/platform_meta.py version)
ARCH=$("$PY" -c 'import platform; print(platform.machine())')
case "$ARCH" in
    arm64 | x86_64) ;;
    *) fail "unexpected architecture $ARCH" ;;
esac

rm -rf "$OUT"
mkdir -p "$OUT"

# 1. The icon (.icns written by packaging/icons.py).
"$PY" packaging/icons.py --icns "$OUT/sjsref.icns"
SJSREF_ICON="$ROOT/$OUT/sjsref.icns"
export SJSREF_ICON

# 2. The .app (bundle id, version and macOS 13 floor: packaging/platform_meta.py).
#    PyInstaller only warns when signing the .app fails; make it stop instead.
PYINSTALLER_STRICT_BUNDLE_CODESIGN_ERROR=1 "$PY" -m PyInstaller --noconfirm --clean \
    --distpath "$OUT/dist" --workpath "$OUT/work" packaging/sjsref.spec
APP="$OUT/dist/SJSRef.app"

# 3. The frozen app checks itself before it is shipped.
"$APP/Contents/MacOS/sjsref" --self-test

# 4. The signature PyInstaller made: complete, and with the hardened runtime
#    when signed with an identity (notarization requires it).
codesign --verify --deep --strict --verbose=2 "$APP"
if [ -n "$IDENTITY" ]; then
    codesign --display --verbose=2 "$APP" 2>&1 | grep -q 'flags=.*runtime' ||
        fail "$APP is not signed with the hardened runtime"
fi

# 5. Notarize and staple the .app, so Gatekeeper accepts it offline.
if [ -n "$PROFILE" ]; then
    ditto -c -k --keepParent "$APP" "$OUT/SJSRef.zip"
    notarize "$OUT/SJSRef.zip"
    rm "$OUT/SJSRef.zip"
    xcrun stapler staple "$APP"
    spctl --assess --type execute --verbose=4 "$APP"
fi

# 6. The disk image: the app and a link to /Applications to drag it onto.
STAGE="$OUT/dmg"
mkdir -p "$STAGE"
ditto "$APP" "$STAGE/SJSRef.app"
ln -s /Applications "$STAGE/Applications"
DMG="$OUT/sjsref-$VERSION-macos-$ARCH.dmg"
create_dmg "SJSRef $VERSION" "$STAGE" "$DMG"

# 7. Sign, notarize and staple the .dmg too.
if [ -n "$IDENTITY" ]; then
    codesign --sign "$IDENTITY" --timestamp "$DMG"
    codesign --verify --strict --verbose=2 "$DMG"
fi
if [ -n "$PROFILE" ]; then
    notarize "$DMG"
    xcrun stapler staple "$DMG"
    xcrun stapler validate "$DMG"
    spctl --assess --type open --context context:primary-signature --verbose=4 "$DMG"
fi
echo "$DMG"

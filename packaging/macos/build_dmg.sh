#!/bin/sh
# Build SJSRef.app and sjsref-<version>.dmg on macOS (12 or later), from the
# repository root: packaging/macos/build_dmg.sh
# Needs: the project's venv (.venv); Xcode command line tools (hdiutil,
# codesign, xcrun). Optional: SJSREF_CODESIGN_IDENTITY ("Developer ID
# Application: ...") to sign, SJSREF_NOTARY_PROFILE (a `xcrun notarytool
# store-credentials` profile) to notarize and staple.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
PY=.venv/bin/python
VERSION=$("$PY" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
OUT=build/macos
rm -rf "$OUT"
mkdir -p "$OUT"

# 1. Icon (.icns written by packaging/icons.py; QtSvg renders if no rsvg-convert).
"$PY" packaging/icons.py --icns "$OUT/sjsref.icns"
SJSREF_ICON="$ROOT/$OUT/sjsref.icns"
export SJSREF_ICON

# 2. The .app: the spec's BUNDLE step (bundle id org.sjsref.SJSRef, version
#    from pyproject.toml). The spec signs with SJSREF_CODESIGN_IDENTITY if set.
"$PY" -m PyInstaller --noconfirm --clean --distpath "$OUT/dist" --workpath "$OUT/work" packaging/sjsref.spec
APP="$OUT/dist/SJSRef.app"

# 3. The frozen app checks itself before it is shipped.
"$APP/Contents/MacOS/sjsref" --self-test

# 4. Sign the whole bundle with the hardened runtime (needed for notarization).
if [ -n "${SJSREF_CODESIGN_IDENTITY:-}" ]; then
    codesign --force --deep --options runtime --timestamp \
        --sign "$SJSREF_CODESIGN_IDENTITY" "$APP"
    codesign --verify --deep --strict --verbose=2 "$APP"
fi

# 5. The disk image: the app and a link to /Applications to drag it onto.
STAGE="$OUT/dmg"
mkdir -p "$STAGE"
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
DMG="$OUT/sjsref-$VERSION.dmg"
hdiutil create -volname "SJSRef $VERSION" -srcfolder "$STAGE" -fs HFS+ -format UDZO -ov "$DMG"

# 6. Notarize and staple, so Gatekeeper opens it offline.
if [ -n "${SJSREF_NOTARY_PROFILE:-}" ]; then
    [ -n "${SJSREF_CODESIGN_IDENTITY:-}" ] && codesign --sign "$SJSREF_CODESIGN_IDENTITY" --timestamp "$DMG"
    xcrun notarytool submit "$DMG" --keychain-profile "$SJSREF_NOTARY_PROFILE" --wait
    xcrun stapler staple "$DMG"
fi
echo "$DMG"

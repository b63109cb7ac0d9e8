# shellcheck shell=sh
# Steps of packaging/macos/build_dmg.sh that talk to Apple's tools, kept
# apart so tests/packaging/test_shell_scripts.py can run them on Linux
# against stand-ins for xcrun and hdiutil. POSIX sh; sourced, not run.
#
# Expects: PY (a Python 3 for reading JSON), PROFILE (notarytool keychain
# profile) for notarize.

fail() {
    echo "build_dmg.sh: $*" >&2
    exit 1
}

# notarize FILE: submit FILE to Apple's notary service and wait. notarytool
# exits 0 whatever the verdict, so the status is read from its JSON: anything
# but Accepted stops the build, with Apple's log of what it found.
notarize() {
    result=$(xcrun notarytool submit "$1" --keychain-profile "$PROFILE" --wait --output-format json) ||
        fail "notarytool could not submit $1: $result"
    verdict=$(printf '%s\n' "$result" | "$PY" -c '
import json, sys
lines = [line for line in sys.stdin.read().splitlines() if line.startswith("{")]
reply = json.loads(lines[-1]) if lines else {}
print(reply.get("id") or "-", reply.get("status") or "unreadable")
') || verdict="- unreadable"
    # The id first: a status can hold a space ("In Progress").
    id=${verdict%% *}
    status=${verdict#* }
    echo "notarytool: $1: $status (submission $id)"
    if [ "$status" != "Accepted" ]; then
        echo "$result" >&2
        if [ "$id" != "-" ]; then
            xcrun notarytool log "$id" --keychain-profile "$PROFILE" >&2 || true
        fi
        fail "notarization of $1 ended with status $status"
    fi
}

# create_dmg VOLUME_NAME SOURCE_FOLDER DMG: "hdiutil create" now and then
# fails with "Resource busy" while the new image is being scanned; retry that
# (up to 5 tries, HDIUTIL_RETRY_DELAY seconds apart), as Picard's and
# create-dmg's recipes do, and stop at once on any other error.
create_dmg() {
    log="$3.log"
    attempt=1
    until hdiutil create -volname "$1" -srcfolder "$2" -fs HFS+ -format UDZO -ov "$3" \
        >"$log" 2>&1; do
        cat "$log" >&2
        grep -q "Resource busy" "$log" || fail "hdiutil create failed"
        [ "$attempt" -lt 5 ] || fail "hdiutil create still busy after $attempt attempts"
        echo "build_dmg.sh: hdiutil busy (attempt $attempt of 5); retrying" >&2
        attempt=$((attempt + 1))
        sleep "${HDIUTIL_RETRY_DELAY:-5}"
    done
    cat "$log"
    rm -f "$log"
}

"""The shell scripts: shellcheck over all of them, and the macOS steps that talk
to Apple's tools run against stand-ins for xcrun and hdiutil.

The macOS recipe cannot run here, so its two steps with real decisions in
them (reading notarytool's verdict, retrying a busy hdiutil) live in
packaging/macos/functions.sh and are run with small scripts on PATH that
answer as notarytool and hdiutil do. What the stand-ins cannot show (Apple
accepting the app) is listed in README, Installers.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FUNCTIONS = ROOT / "packaging" / "macos" / "functions.sh"
SKIP_DIRS = {".git", ".venv", "build", "dist", "__pycache__", ".mypy_cache", ".ruff_cache"}
SHEBANG = re.compile(r"^#!\s*(/usr/bin/env\s+)?(/bin/)?(ba|da)?sh\b")


def shell_scripts() -> list[Path]:
    """Every shell script in the repository: *.sh, or a shell shebang."""
    found = []
    for folder, dirs, files in os.walk(ROOT):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS)
        for name in sorted(files):
            path = Path(folder) / name
            if path.suffix == ".sh":
                found.append(path)
            elif not path.suffix:
                with path.open("rb") as handle:
                    first = handle.readline().decode("utf-8", "replace")
                if SHEBANG.match(first):
                    found.append(path)
    return found


def _shellcheck() -> str:
    tool = shutil.which("shellcheck")
    if tool is None:
        message = "shellcheck is not installed (scripts/install_packaging_deps.sh installs it)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)  # the test command installs it: missing in CI is a fault
        pytest.skip(message)
    return tool


def test_all_the_shell_scripts_are_found():
    names = {p.relative_to(ROOT).as_posix() for p in shell_scripts()}
    assert {
        ".ci/run",
        "scripts/dev.sh",
        "scripts/install_packaging_deps.sh",
        "packaging/build_deb.sh",
        "packaging/macos/build_dmg.sh",
        "packaging/macos/functions.sh",
    } <= names


@pytest.mark.shellcheck
def test_shellcheck_passes_on_every_shell_script():
    tool = _shellcheck()
    scripts = [str(p.relative_to(ROOT)) for p in shell_scripts()]
    # -x follows `. file` with a `# shellcheck source=` path, from the root.
    done = subprocess.run(
        [tool, "--external-sources", *scripts],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr


# ---------------------------------------------------------------- macOS steps

FAKE_XCRUN = """#!/bin/sh
# Stand-in for Apple's xcrun notarytool: replies from files the test wrote.
echo "$*" >> "$FAKE_DIR/xcrun.calls"
case "$1 $2" in
    "notarytool submit") cat "$FAKE_DIR/reply" ;;
    "notarytool log") echo "notary log of $3" ;;
    *) echo "unexpected: $*" >&2; exit 64 ;;
esac
"""

FAKE_HDIUTIL = """#!/bin/sh
# Stand-in for hdiutil create: busy for the first $FAKE_BUSY calls, then
# $FAKE_ERROR if set, else success.
echo "$*" >> "$FAKE_DIR/hdiutil.calls"
calls=$(wc -l < "$FAKE_DIR/hdiutil.calls")
if [ "$calls" -le "${FAKE_BUSY:-0}" ]; then
    echo "hdiutil: create failed - Resource busy" >&2
    exit 1
fi
if [ -n "${FAKE_ERROR:-}" ]; then
    echo "hdiutil: create failed - $FAKE_ERROR" >&2
    exit 1
fi
echo "created: $(eval echo \\${$#})"
"""


@pytest.fixture
def fake_tools(tmp_path: Path) -> Path:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name, script in (("xcrun", FAKE_XCRUN), ("hdiutil", FAKE_HDIUTIL)):
        path = bin_dir / name
        path.write_text(script)
        path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return tmp_path


def run_step(fake: Path, call: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Source functions.sh in POSIX sh and run one of its steps."""
    environment = {
        **os.environ,
        "PATH": f"{fake / 'bin'}{os.pathsep}{os.environ['PATH']}",
        "FAKE_DIR": str(fake),
        "PY": sys.executable,
        "PROFILE": "sjsref-notary",
        "HDIUTIL_RETRY_DELAY": "0",
        **env,
    }
    return subprocess.run(
        ["sh", "-c", f'set -eu; . "{FUNCTIONS}"; {call}'],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def _reply(fake: Path, status: str, submission: str = "2efe2717-52ef-43a5-96dc-0797e4ca1041"):
    # The shape notarytool prints with --output-format json (seen in
    # electron/notarize#173): one object with id, status and message.
    reply = {"id": submission, "status": status, "message": "Processing complete"}
    (fake / "reply").write_text("Conducting pre-submission checks...\n" + json.dumps(reply) + "\n")


def test_notarize_goes_on_when_apple_accepts(fake_tools):
    _reply(fake_tools, "Accepted")
    done = run_step(fake_tools, 'notarize build/SJSRef.zip; echo "after notarize"')
    assert done.returncode == 0, done.stderr
    assert "Accepted" in done.stdout and "after notarize" in done.stdout
    (call,) = (fake_tools / "xcrun.calls").read_text().splitlines()
    assert call == (
        "notarytool submit build/SJSRef.zip --keychain-profile sjsref-notary "
        "--wait --output-format json"
    )


@pytest.mark.parametrize("status", ["Invalid", "Rejected", "In Progress"])
def test_notarize_stops_on_any_other_status_and_prints_apples_log(fake_tools, status):
    _reply(fake_tools, status, submission="abc-123")
    done = run_step(fake_tools, 'notarize build/x.dmg; echo "after notarize"')
    assert done.returncode == 1
    assert "after notarize" not in done.stdout
    assert "notary log of abc-123" in done.stderr
    assert f"ended with status {status}" in done.stderr


def test_notarize_stops_on_an_unreadable_reply(fake_tools):
    (fake_tools / "reply").write_text("Error: HTTP status code: 401. Unable to authenticate.\n")
    done = run_step(fake_tools, "notarize build/x.dmg")
    assert done.returncode == 1
    assert "ended with status unreadable" in done.stderr
    assert "notarytool log" not in (fake_tools / "xcrun.calls").read_text()  # no id to ask for


def test_create_dmg_retries_while_hdiutil_is_busy(fake_tools):
    done = run_step(
        fake_tools, f'create_dmg "SJSRef 0.1.0" stage "{fake_tools}/s.dmg"', FAKE_BUSY="2"
    )
    assert done.returncode == 0, done.stderr
    assert len((fake_tools / "hdiutil.calls").read_text().splitlines()) == 3
    assert done.stderr.count("Resource busy") == 2
    assert f"created: {fake_tools}/s.dmg" in done.stdout


def test_create_dmg_gives_up_after_five_busy_tries(fake_tools):
    done = run_step(fake_tools, f'create_dmg V stage "{fake_tools}/s.dmg"', FAKE_BUSY="99")
    assert done.returncode == 1
    assert len((fake_tools / "hdiutil.calls").read_text().splitlines()) == 5
    assert "still busy after 5 attempts" in done.stderr


def test_create_dmg_stops_at_once_on_another_error(fake_tools):
    done = run_step(
        fake_tools, f'create_dmg V stage "{fake_tools}/s.dmg"', FAKE_ERROR="No space left on device"
    )
    assert done.returncode == 1
    assert len((fake_tools / "hdiutil.calls").read_text().splitlines()) == 1
    assert "No space left on device" in done.stderr


def test_build_dmg_refuses_to_notarize_without_a_signing_identity(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("SJSREF_")}
    env["SJSREF_NOTARY_PROFILE"] = "sjsref-notary"
    done = subprocess.run(
        ["sh", str(ROOT / "packaging" / "macos" / "build_dmg.sh")],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 1
    assert "SJSREF_CODESIGN_IDENTITY is not" in done.stderr
    assert done.stdout == ""  # refused before building anything

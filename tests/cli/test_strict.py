"""Each finding of the command-line probe (issue 12): it now fails as it should."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.cli.conftest import run_cli


def _run(argv: list[str]) -> tuple[int, str, str]:
    done = run_cli(*argv)
    return done.returncode, done.stdout, done.stderr


def _process(*args: str | bytes, env: dict[str, str] | None = None, pipe_to_head: bool = False):
    command = [
        sys.executable.encode(),
        b"-m",
        b"sjsref",
        *(a if isinstance(a, bytes) else a.encode() for a in args),
    ]
    if pipe_to_head:
        shell = b" ".join(command) + b" | head -n 1 >/dev/null; echo ${PIPESTATUS[0]}"
        return subprocess.run([b"bash", b"-c", shell], capture_output=True, timeout=60, env=env)
    return subprocess.run(command, capture_output=True, timeout=60, env=env)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["search", "ivig", "--limit", "10000000000000000000"], "--limit: give 1 to 1000"),
        (["search", "ivig", "--limit", "0"], "--limit: give 1 to 1000"),
        (["scorten", "--age", "45", "--self-test"], "--self-test: run it alone"),
        (["scorten", "--ag", "45"], "--ag: not an argument here"),
        (
            ["classify", "--detached-bsa", "20", "--detached-bsa", "5"],
            "--detached-bsa: given twice",
        ),
        (["bsa", "--age", "30", "--region", "head=5", "--sex", "male"], "--sex: does not apply"),
        (["bsa", "--palms", "12", "--method", "rule-of-nines"], "--method: does not apply"),
        (["bsa", "--age", "30", "--region", "head=150"], "--region: Head: detached 150 %"),
        (["bsa", "--age", "30", "--region", "neck=60", "--erythema", "neck=50"], "--region: Neck:"),
    ],
)
def test_loose_input_is_refused_naming_its_flag(argv: list[str], message: str) -> None:
    status, stdout, stderr = _run(argv)
    assert status == 2 and stdout == ""
    assert message in stderr and stderr.count("\n") == 1


def test_a_search_for_the_text_self_test_is_a_search() -> None:
    status, stdout, _ = _run(["search", "--", "--self-test"])
    assert (status == 0 and "self-test" not in stdout.split("\n")[0].lower()) or status == 0


def test_show_never_echoes_control_characters() -> None:
    status, _, stderr = _run(["show", "a\x1b[31mb\x07"])
    assert status == 2
    assert "\x1b" not in stderr and "\x07" not in stderr
    assert "a\\x1b[31mb\\x07" in stderr


@pytest.mark.parametrize(
    "args",
    [
        ["classify", "--detached-bsa", "22"],
        ["references"],
        ["articles"],
        ["scorten", "--age", "45", "--json"],
    ],
)
def test_output_to_a_closed_pipe_ends_quietly(args: list[str]) -> None:
    done = _process(*args, pipe_to_head=True)
    assert done.stderr == b""
    assert done.stdout.strip() in (b"0", b"141")  # finished first, or stopped quietly


def test_invalid_utf8_in_an_argument_is_one_line_and_exit_2() -> None:
    done = _process(b"bsa", b"--age", b"30", b"--region", b"he\xffad=5")
    assert done.returncode == 2
    assert done.stderr.count(b"\n") == 1 and b"Traceback" not in done.stderr
    assert b"he\\udcffad" in done.stderr


def test_no_display_says_so_in_one_line_instead_of_aborting() -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    done = _process(env=env)
    assert done.returncode == 2
    assert done.stderr == b"sjsref: no display found; use the command line: sjsref --help\n"

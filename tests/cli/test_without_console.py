"""The command line when the process has no console streams.

A windowed PyInstaller exe on Windows (sjsref.exe, as opposed to the console
twin sjsref-cli.exe) starts with ``sys.stdout`` and ``sys.stderr`` set to
None, as ``pythonw`` does. Each run here is a real process whose wrapper sets
both streams to None before calling the entry point: a command must still end
with its own exit status (0 done, 2 bad input) rather than die on a write to
None (which would exit 1 with nowhere to print the traceback).
"""

import subprocess
import sys

import pytest

# What the frozen windowed exe amounts to: the entry point with no streams.
WRAPPER = (
    "import sys\n"
    "sys.stdout = None\n"
    "sys.stderr = None\n"
    "from sjsref.__main__ import main\n"
    "raise SystemExit(main(sys.argv[1:]))\n"
)

SCORTEN = [
    "scorten", "--age", "45", "--heart-rate", "125", "--malignancy", "no",
    "--detached-bsa", "12", "--urea", "11", "--urea-unit", "mmol/L",
    "--bicarbonate", "18", "--glucose", "15", "--glucose-unit", "mmol/L",
]  # fmt: skip


def run_without_streams(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", WRAPPER, *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    ("args", "status"),
    [
        (SCORTEN, 0),
        ([*SCORTEN, "--json"], 0),
        (["articles"], 0),
        (["search", "scorten"], 0),
        (["--version"], 0),
        (["scorten", "--age", "-4"], 2),  # out of range: one line on stderr, status 2
        (["scorten", "--no-such-flag"], 2),  # argparse error through our parser
        (["show", "no-such-article"], 2),
    ],
    ids=["text", "json", "articles", "search", "version", "bad-value", "bad-flag", "bad-id"],
)
def test_commands_end_with_their_own_status(args: list[str], status: int) -> None:
    done = run_without_streams(*args)
    assert done.returncode == status
    # Nothing leaks to the real descriptors either: the writes were dropped.
    assert done.stdout == ""
    assert done.stderr == ""


def test_the_same_commands_still_print_with_a_console() -> None:
    """The guard only fills a missing stream; a console keeps its output."""
    done = subprocess.run(
        [sys.executable, "-m", "sjsref", "scorten", "--age", "-4"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.startswith("sjsref scorten: --age")

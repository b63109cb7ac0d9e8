"""The window when the process has no console streams (windowed exe on Windows).

PyInstaller's windowed bootloader, like ``pythonw``, leaves ``sys.stderr`` and
``sys.stdout`` as None. The error hook must still show its dialog, and the
frozen app's ``--self-test`` must still run to its verdict.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from sjsref.ui.errors import ERROR_TEXT, make_excepthook


@pytest.mark.parametrize("stream", ["stderr", "stdout"])
def test_error_dialog_shows_without_console_streams(window, monkeypatch, stream):
    monkeypatch.setattr(sys, "stderr", None)
    if stream == "stdout":
        monkeypatch.setattr(sys, "stdout", None)
    shown: list[QMessageBox] = []
    hook = make_excepthook(lambda: window, show=shown.append)
    try:
        raise RuntimeError("boom with no console")
    except RuntimeError as exc:
        hook(type(exc), exc, exc.__traceback__)
    (box,) = shown
    assert box.text() == ERROR_TEXT
    assert "RuntimeError: boom with no console" in box.detailedText()
    assert window.isVisible()
    box.deleteLater()


class _ClosedStream:
    """A console that went away: every write fails as a closed file does."""

    def write(self, text: str) -> int:
        raise ValueError("I/O operation on closed file.")

    def flush(self) -> None:
        raise ValueError("I/O operation on closed file.")


def test_error_dialog_shows_when_the_console_is_gone(window, monkeypatch):
    monkeypatch.setattr(sys, "stderr", _ClosedStream())
    shown: list[QMessageBox] = []
    hook = make_excepthook(lambda: window, show=shown.append)
    try:
        raise KeyError("lost console")
    except KeyError as exc:
        hook(type(exc), exc, exc.__traceback__)
    (box,) = shown
    assert "KeyError: 'lost console'" in box.detailedText()
    box.deleteLater()


# The frozen windowed exe, in effect: the entry point with no console streams.
# The verdict goes to a file because there is nowhere else to print it.
_SELF_TEST = (
    "import sys\n"
    "sys.stdout = None\n"
    "sys.stderr = None\n"
    "from sjsref.__main__ import main\n"
    "status = main(['--self-test'])\n"
    "open(sys.argv[1], 'w').write(str(status))\n"
    "raise SystemExit(status)\n"
)


def test_self_test_runs_to_its_verdict_without_console_streams(resources_root, tmp_path: Path):
    verdict = tmp_path / "status"
    env = dict(os.environ, SJSREF_RESOURCES=str(resources_root), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", _SELF_TEST, str(verdict)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert (done.returncode, verdict.read_text()) == (0, "0"), done.stderr

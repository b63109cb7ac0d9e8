"""The command line run in-process through ``sjsref.__main__.main``, as a clinician runs it.

In-process is fast and sees the same code; only what is about the process
itself (a closed pipe, invalid bytes from the shell, no display, no console
streams) runs as a real process, in the tests that say so.
"""

from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass

from sjsref.__main__ import main
from tests.content.conftest import make_library  # noqa: F401 (a fixture the library tests use)


@dataclass(frozen=True)
class Done:
    """What a command printed and returned (the shape of subprocess.CompletedProcess)."""

    returncode: int
    stdout: str
    stderr: str


def run_cli(*args: str) -> Done:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(list(args))
        except SystemExit as done:
            status = int(done.code or 0)
    return Done(status, out.getvalue(), err.getvalue())

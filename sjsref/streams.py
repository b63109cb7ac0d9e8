"""Console streams that may be missing: the windowed Windows exe has none.

PyInstaller's windowed bootloader on Windows, like ``pythonw``, starts Python
with ``sys.stdout`` and ``sys.stderr`` set to None, so a bare
``sys.stderr.write`` raises AttributeError. What would have been printed is
dropped rather than written to a log file: command-line output and error
details can carry what a clinician typed, and nothing about a patient is
written to disk. The console twin ``sjsref-cli.exe`` is the way to see output
on Windows.
"""

from __future__ import annotations

import io
import sys


class Discard(io.TextIOBase):
    """A text stream that accepts every write and keeps nothing.

    Unlike ``open(os.devnull)`` it holds no file descriptor, so it never needs
    closing and never leaks one.
    """

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        return len(text)


def fill_missing_streams() -> list[str]:
    """Give ``sys.stdout`` and ``sys.stderr`` a :class:`Discard` where they are None.

    Streams that exist (a console, a pipe, pytest's capture) are left alone.

    Returns:
        The names of the streams that were missing, for tests and diagnostics.
    """
    missing = [name for name in ("stdout", "stderr") if getattr(sys, name) is None]
    for name in missing:
        setattr(sys, name, Discard())
    return missing


def write_stderr(text: str) -> None:
    """Write to ``sys.stderr`` if there is one; never raise.

    A missing stream (windowed exe) or one that has gone away (closed, broken
    pipe) must not stop the caller: the error dialog has to appear anyway.
    """
    stream = sys.stderr
    if stream is None:
        return
    try:
        stream.write(text)
        stream.flush()
    except (OSError, ValueError):
        pass  # nowhere to report it; the caller's own job matters more

"""Entry point of both the command line and the window.

With a sub-command (``sjsref scorten ...``) it runs the command line; with no
argument (or ``--self-test``) it opens the window. Each path imports only its
own side: the command line starts without Qt, and the window's first paint
does not wait for the command line's imports (pydantic, the library loader).

The windowed Windows exe starts without console streams; both paths get a
discarding stream in their place first (see :mod:`sjsref.streams`).
"""

import os
import sys

from sjsref.streams import fill_missing_streams, write_stderr

SELF_TEST = "--self-test"
NO_DISPLAY = "sjsref: no display found; use the command line: sjsref --help\n"


def wants_cli(argv: list[str]) -> bool:
    """True when the arguments ask for the command line, not the window.

    ``--self-test`` opens the window only on its own; anywhere else it is an
    argument the command line refuses.
    """
    return bool(argv) and argv != [SELF_TEST]


def has_display() -> bool:
    """False on a Linux machine with no X or Wayland display and no Qt platform chosen."""
    if not sys.platform.startswith("linux"):
        return True
    return any(os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def main(argv: list[str] | None = None) -> int:
    # Before anything can print: a write to a None stream would raise.
    fill_missing_streams()
    args = sys.argv[1:] if argv is None else argv
    if wants_cli(args):
        from sjsref import cli

        return cli.main(args)
    if not args and not has_display():
        write_stderr(NO_DISPLAY)  # Qt would abort with a misleading xcb message
        return 2
    from sjsref.ui.app import run  # the window; imports Qt

    return int(run(args))


if __name__ == "__main__":
    sys.exit(main())

"""Entry point of both the command line and the window.

With a sub-command (``sjsref scorten ...``) it runs the command line; with no
argument (or ``--self-test``) it opens the window. Each path imports only its
own side: the command line starts without Qt, and the window's first paint
does not wait for the command line's imports (pydantic, the library loader).

The windowed Windows exe starts without console streams; both paths get a
discarding stream in their place first (see :mod:`sjsref.streams`).
"""

import sys

from sjsref.streams import fill_missing_streams

# Flags that open the window rather than the command line.
GUI_FLAGS = {"--self-test"}


def wants_cli(argv: list[str]) -> bool:
    """True when the arguments ask for the command line, not the window."""
    return bool(argv) and not any(a in GUI_FLAGS for a in argv)


def main(argv: list[str] | None = None) -> int:
    # Before anything can print: a write to a None stream would raise.
    fill_missing_streams()
    args = sys.argv[1:] if argv is None else argv
    if wants_cli(args):
        from sjsref import cli

        return cli.main(args)
    from sjsref.ui.app import run  # the window; imports Qt

    return int(run(args))


if __name__ == "__main__":
    sys.exit(main())

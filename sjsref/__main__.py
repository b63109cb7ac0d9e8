"""Entry point of both the command line and the window.

With a sub-command (``sjsref scorten ...``) it runs the command line; with no
argument it opens the window. Qt is imported only on the window path, so the
command line starts without it.
"""

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    from sjsref import cli

    if cli.wants_cli(args):
        return cli.main(args)
    from sjsref.ui.app import run  # the window; imports Qt

    return int(run(args))


if __name__ == "__main__":
    sys.exit(main())

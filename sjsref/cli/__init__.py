"""The command line: the same functions as the window, JSON or chart-note text out.

Each sub-command lives in a small module that exposes ``register(subparsers)``;
this module only assembles them and turns bad input into exit status 2 with one
clear line on stderr.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from sjsref import version
from sjsref.cli import library, scores, search

# Modules that add sub-commands. Each has register(subparsers) -> None.
_COMMAND_MODULES = [scores, library, search]


class _Parser(argparse.ArgumentParser):
    """argparse that reports errors as one line, starting with the flag, and exits 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        # argparse says "argument --age: ..."; a clinician reads "--age: ...".
        flag, sep, rest = message.removeprefix("argument ").partition(": ")
        if message.startswith("argument ") and sep:
            message = f"{flag.split('/')[-1]}: {rest}"
        required = message.removeprefix("the following arguments are required: ")
        if required != message:
            message = f"{required}: required; see sjsref {self.prog.split()[-1]} --help"
        sys.stderr.write(f"{self.prog}: {message}\n")
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="sjsref",
        description="SJSRef: offline SJS/TEN reference and bedside calculators. "
        "Run without arguments to open the window.",
    )
    parser.add_argument("--version", action="version", version=f"sjsref {version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in _COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(list(argv))
    if args.command is None:
        parser.print_help()
        return 0
    result: int = args.handler(args)
    return result

"""The command line: the same functions as the window, JSON or chart-note text out.

Each sub-command lives in a small module that exposes ``register(subparsers)``;
this module only assembles them and turns bad input into exit status 2 with one
clear line on stderr. Parsing is strict: no abbreviated flags, a single-value
flag given twice is an error, and nothing typed is echoed with its control
characters. Output to a closed pipe (``| head``) ends quietly.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Sequence
from typing import Any

from sjsref import version
from sjsref.cli import alden, calculators, library, search, tables
from sjsref.clinical.numbers import printable

# The status a shell reports for a command stopped by SIGPIPE (128 + 13).
BROKEN_PIPE_STATUS = 141

# Modules that add sub-commands. Each has register(subparsers) -> None.
_COMMAND_MODULES = [calculators, alden, library, tables, search]


class _Once(argparse.Action):
    """A single-value flag given twice is an error, not "the last one wins"."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        given: set[str] = namespace.__dict__.setdefault("_given", set())
        if self.dest in given:
            parser.error(f"argument {option_string}: given twice; give it once")
        given.add(self.dest)
        setattr(namespace, self.dest, values)


class _Parser(argparse.ArgumentParser):
    """argparse that reports errors as one line, starting with the flag, and exits 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("allow_abbrev", False)  # "--ag 45" is not "--age 45"
        super().__init__(*args, **kwargs)

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        if args and str(args[0]).startswith("--") and kwargs.get("action", "store") == "store":
            kwargs["action"] = _Once
        return super().add_argument(*args, **kwargs)

    def error(self, message: str) -> None:  # type: ignore[override]
        # argparse says "argument --age: ..."; a clinician reads "--age: ...".
        flag, sep, rest = message.removeprefix("argument ").partition(": ")
        if message.startswith("argument ") and sep:
            message = f"{flag.split('/')[-1]}: {rest}"
        required = message.removeprefix("the following arguments are required: ")
        if required != message:
            message = f"{required}: required; see sjsref {self.prog.split()[-1]} --help"
        unknown = message.removeprefix("unrecognized arguments: ")
        if unknown != message:
            first = unknown.split(" ")[0] or "''"
            message = f"{first}: not an argument here; see sjsref --help"
        if "--self-test" in message:
            message = "--self-test: run it alone: sjsref --self-test"
        sys.stderr.write(f"{self.prog}: {printable(message, limit=400)}\n")
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
    _escaping_streams()
    try:
        parser = build_parser()
        args = parser.parse_args(list(argv))
        if args.command is None:
            parser.print_help()
            return 0
        result: int = args.handler(args)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (``sjsref references | head``): stop quietly, and
        # point stdout at nothing so Python's own flush at exit finds no pipe.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return BROKEN_PIPE_STATUS
    return result


def _escaping_streams() -> None:
    """Print what cannot be encoded (an invalid byte in an argument) as an escape."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")

"""Bad input on the command line: one line on stderr, exit status 2."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable


class InputError(Exception):
    """Bad input: reported as one line on stderr with exit status 2."""


def guarded(handler: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Wrap a handler so an InputError becomes one line and exit status 2."""

    def run(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except InputError as exc:
            sys.stderr.write(f"sjsref {args.command}: {exc}\n")
            return 2

    return run

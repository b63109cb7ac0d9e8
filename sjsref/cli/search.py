"""``sjsref search QUERY [--json] [--limit N]``: the search box on the command line."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any

from sjsref.clinical.numbers import printable
from sjsref.search.loaded import LOAD_ERRORS, load_content
from sjsref.search.results import Hit

# Matches in plain-text output are wrapped in these (ANSI bold on a terminal).
_PLAIN_MARKS = ("«", "»")
_TTY_MARKS = ("\x1b[1m", "\x1b[0m")


def register(subparsers: Any) -> None:
    """Add the ``search`` sub-command."""
    parser = subparsers.add_parser(
        "search",
        help="search the articles, calculators and references",
        description="Search the library the way the window's search box does.",
    )
    parser.add_argument("query", metavar="QUERY", help="words to search for (quote several)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument(
        "--limit", type=_positive_int, default=10, metavar="N", help="most results (default 10)"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Search and print; 0 on success (also with no hits), 1 if the library is broken."""
    try:
        index = load_content().index
    except LOAD_ERRORS as exc:
        sys.stderr.write(f"sjsref: error: {exc}\n")
        return 1
    result = index.search(args.query, limit=args.limit)
    if args.json:
        payload = {"query": args.query, **result.as_dict()}
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        for typed, meant in result.corrections.items():
            sys.stdout.write(f"(also searched for {' or '.join(meant)} instead of {typed})\n")
        for word in result.dropped:
            sys.stdout.write(f"(nothing matched {word}; left out)\n")
        sys.stdout.write(format_hits(result, marks=_TTY_MARKS if sys.stdout.isatty() else None))
    return 0


def format_hits(hits: Sequence[Hit], marks: tuple[str, str] | None = None) -> str:
    """Plain-text results: rank, kind, title, snippet and target of each hit.

    Args:
        hits: What :meth:`SearchIndex.search` returned.
        marks: Strings put around matched words (default « and »).
    """
    if not hits:
        return "No results.\n"
    open_mark, close_mark = marks or _PLAIN_MARKS
    lines: list[str] = []
    for hit in hits:
        context = f"  ({hit.context})" if hit.context else ""
        lines.append(f"{hit.rank:>2}. [{hit.kind}] {hit.title}{context}")
        snippet = hit.marked(open_mark, close_mark)
        if snippet:
            lines.append(f"    {snippet}")
        lines.append(f"    -> {hit.target}")
    return "\n".join(lines) + "\n"


# More results than anyone reads; also keeps SQLite's LIMIT in range.
MAX_LIMIT = 1000


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: '{printable(text)}'") from None
    if not 1 <= value <= MAX_LIMIT:
        raise argparse.ArgumentTypeError(f"give 1 to {MAX_LIMIT} (got {printable(text)})")
    return value

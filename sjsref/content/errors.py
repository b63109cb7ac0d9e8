"""The one exception the content layer raises, and the collector that builds it."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any


class ContentError(Exception):
    """The bundled library is missing, unreadable or breaks an integrity rule.

    Each problem names the file (and the line when there is one), so a writer
    can fix the source without reading a traceback. ``str(error)`` is one line:
    the first problem, plus a count of the others; ``problems`` lists them all.
    """

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        self.problems = list(problems) if problems else [message]
        super().__init__(message)

    @classmethod
    def at(cls, path: Path | str, line: int | None, message: str) -> ContentError:
        """Build an error for one problem located at ``path:line``."""
        return cls(located(path, line, message))


def located(path: Path | str, line: int | None, message: str) -> str:
    """Format ``"articles/01-x.md:12: message"``.

    Args:
        path: The offending file; shown relative to ``resources/`` when inside it.
        line: 1-based line number, or None when the fault is the whole file.
        message: What is wrong, in words a writer understands.
    """
    where = _display(path)
    if line is not None:
        where = f"{where}:{line}"
    return f"{where}: {message}"


def plain_message(error: Mapping[str, Any]) -> str:
    """A pydantic error message without pydantic's "Value error, " prefix."""
    return str(error["msg"]).removeprefix("Value error, ")


class Problems:
    """Collects every problem of a load so that a writer sees them all at once."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, path: Path | str, line: int | None, message: str) -> None:
        """Record one problem at ``path:line``."""
        self.items.append(located(path, line, message))

    def raise_if_any(self) -> None:
        """Raise one ContentError carrying every recorded problem.

        Raises:
            ContentError: When at least one problem was recorded.
        """
        if not self.items:
            return
        first = self.items[0]
        more = len(self.items) - 1
        if more:
            first += f" (and {more} more; `python -m sjsref.content.loader` lists all)"
        raise ContentError(first, self.items)


def _display(path: Path | str) -> str:
    p = Path(path)
    # Show "articles/01-x.md" rather than a long absolute path: the writer knows
    # where resources/ is, and messages stay the same on every machine.
    parents = p.parts[:-1]
    for anchor in ("articles", "references.d", "tables"):
        if anchor in parents:
            return str(Path(*p.parts[parents.index(anchor) :]))
    return p.name or str(p)

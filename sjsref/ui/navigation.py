"""Back/forward history of targets.

Pure Python: a target is a string (``article:ID#SECTION``, ``calc:ID``,
``ref:KEY``, ``refs:``, ``home:``, ``home:shortcuts``), each entry remembers where the reader had
scrolled so Back returns to the same place.
"""

from __future__ import annotations

from dataclasses import dataclass

HOME = "home:"
REFERENCES = "refs:"
SHORTCUTS_PAGE = "home:shortcuts"  # the window's own page of keyboard shortcuts (F1)


@dataclass
class Entry:
    target: str
    scroll: int = 0


class History:
    """A browser-style history: a list and a position in it."""

    def __init__(self) -> None:
        self._entries: list[Entry] = []
        self._position = -1

    @property
    def current(self) -> Entry | None:
        return self._entries[self._position] if self._position >= 0 else None

    def push(self, target: str) -> None:
        """Add a target after the current one; forward entries are dropped."""
        del self._entries[self._position + 1 :]
        self._entries.append(Entry(target))
        self._position = len(self._entries) - 1

    def can_go(self, step: int) -> bool:
        return 0 <= self._position + step < len(self._entries)

    def go(self, step: int) -> Entry | None:
        if not self.can_go(step):
            return None
        self._position += step
        return self._entries[self._position]

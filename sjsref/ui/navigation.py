"""Back/forward history of targets, and the home page's links.

Pure Python: a target is a string (``article:ID#SECTION``, ``calc:ID``,
``ref:KEY``, ``refs:``, ``home:``), each entry remembers where the reader had
scrolled so Back returns to the same place.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only for annotations: this module is imported before first paint
    from sjsref.clinical.registry import CalculatorInfo
    from sjsref.content.models import Library

HOME = "home:"
REFERENCES = "refs:"


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


def home_html(library: Library, calculators: tuple[CalculatorInfo, ...]) -> str:
    """The start page: calculators, articles, references, in that order."""
    calcs = "".join(
        f'<li><a href="calc:{c.id}"><b>{html.escape(c.name)}</b></a>: {html.escape(c.purpose)}</li>'
        for c in calculators
    )
    articles = "".join(
        f'<li><a href="article:{a.id}"><b>{html.escape(a.title)}</b></a>: '
        f"{html.escape(a.summary)}</li>"
        for a in library.articles
    )
    return (
        "<h1>SJSRef</h1>"
        "<p>Type in the search box above (Ctrl+K) to find an article section, a calculator, "
        "a drug or a reference.</p>"
        f"<h2>Calculators</h2><ul>{calcs}</ul>"
        f"<h2>Articles</h2><ul>{articles}</ul>"
        f'<h2>References</h2><p><a href="{REFERENCES}">All {len(library.references)} '
        "references</a>, in AMA style.</p>"
        "<p><i>A reference, not a substitute for clinical judgement.</i></p>"
    )

"""Pinned and recent pages: the app's own pages, kept between runs by ``ViewState``.

A pin or a recent entry is the link target of a page (``calc:scorten``,
``article:severity#scorten``, ``table:drugs``, ``refs:``). It comes from the
page opened, never from what was typed: a search text or a value typed into a
calculator has no way in here.
"""

from __future__ import annotations

from sjsref.content.targets import Scheme, Target
from sjsref.ui.navigation import REFERENCES
from sjsref.ui.state import MAX_PINNED, ViewState


def page_target(target: Target, section: str = "") -> str | None:
    """What a pin or a recent entry keeps for a page opened at ``target``.

    Args:
        target: Where the window went.
        section: For an article, the section shown (a pin keeps the section).

    Returns:
        The page's own target (a table without its row, the references
        without the reference), or None for a page that is not kept (home).
    """
    if target.scheme is Scheme.CALC:
        return f"calc:{target.id}"
    if target.scheme is Scheme.ARTICLE:
        return f"article:{target.id}" + (f"#{section}" if section else "")
    if target.scheme is Scheme.TABLE:
        return f"table:{target.id}"
    if target.scheme in (Scheme.REF, Scheme.REFS):
        return REFERENCES
    return None


class Pins:
    """Pins and the recent list, over the remembered settings.

    Args:
        state: Where they are kept.
    """

    def __init__(self, state: ViewState) -> None:
        self._state = state

    def pinned(self) -> list[str]:
        return self._state.pinned()

    def recent(self) -> list[str]:
        return self._state.recent()

    def is_pinned(self, target: str | None) -> bool:
        return target is not None and target in self._state.pinned()

    def toggle(self, target: str) -> bool | None:
        """Pin ``target``, or unpin it if it was; True when it is now pinned, None when full."""
        pinned = self._state.pinned()
        if target in pinned:
            pinned.remove(target)
            self._state.set_pinned(pinned)
            return False
        if len(pinned) >= MAX_PINNED:
            return None
        self._state.set_pinned([*pinned, target])
        return True

    def opened(self, target: str | None) -> None:
        """Put a page just opened first in the recent list (one entry per page)."""
        if target is not None:
            self._state.add_recent(target, same_page=target.partition("#")[0])

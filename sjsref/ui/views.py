"""Builds the views that need the lower layers, when the window first asks for them.

A calculator's view comes from its spec: the generated form, or the custom
view the spec names. Imports stay inside the methods, so the first paint waits
for none of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from datetime import datetime

    from PySide6.QtWidgets import QWidget

    from sjsref.content.packed import Library, Tables
    from sjsref.search.pack import Packed
    from sjsref.ui.article_view import ArticleView
    from sjsref.ui.calc_page import CalculatorPage
    from sjsref.ui.references_view import ReferencesView
    from sjsref.ui.result_panel import Citer
    from sjsref.ui.spec_form import UnitPrefs
    from sjsref.ui.tables_view import TablesView


class Views:
    """The window's factory for pages and dialogs.

    Args:
        clock: Gives the time stamped on chart notes (tests pass a fixed one).
    """

    def __init__(self, clock: Callable[[], datetime] | None = None) -> None:
        self._clock = clock
        self._citer: Citer | None = None
        self._library: Library | None = None

    def citer(self) -> Citer:
        if self._citer is None:
            # The calculators' module (and pydantic with it) loads with the first
            # calculator page, not with the library.
            from sjsref.ui.result_panel import Citer

            self._citer = Citer(self._library)
        return self._citer

    def calculator(self, calc_id: str, prefs: UnitPrefs | None = None) -> CalculatorPage | None:
        """The view of one calculator, from its spec; ``prefs`` remembers the lab units chosen."""
        from sjsref.clinical.registry import spec
        from sjsref.ui.bsa_view import BsaView
        from sjsref.ui.spec_form import SpecForm

        try:
            found = spec(calc_id)
        except KeyError:
            return None
        extra: dict[str, Any] = {"clock": self._clock} if self._clock else {}
        if found.view == "bsa":
            return BsaView(self.citer(), found, **extra)
        if found.view == "alden":
            from sjsref.ui.alden_view import AldenView

            return AldenView(self.citer(), self._tables, **extra)
        if found.id == "scorten":  # its own inputs per day of admission
            from sjsref.ui.scorten_view import ScortenView

            return ScortenView(found, self.citer(), prefs=prefs, **extra)
        return SpecForm(found, self.citer(), prefs=prefs, **extra)

    def reading_views(self, library: Library, wire: Callable[[QWidget], object]) -> ReadingViews:
        """Builders of the library's pages, each called when its page is first opened;
        ``wire`` connects a page to the window once built."""
        return ReadingViews(library, wire)

    def _tables(self) -> Tables | None:
        return self._library.tables if self._library is not None else None

    def library_loaded(self, library: Library, pages: Iterable[CalculatorPage]) -> None:
        self._library = library
        if self._citer is not None:
            self._citer.set_library(library)
        for page in pages:
            page.recompute()  # their sources become numbered references

    def about(self, parent: QWidget, loaded: Packed | None) -> None:
        from sjsref.ui.about import AboutDialog

        reviewed = loaded.library.last_reviewed if loaded else None
        integrity = loaded.integrity if loaded else "not checked (library not loaded)"
        AboutDialog(reviewed, integrity, parent).exec()


class ReadingViews:
    """Builds the article, references and tables pages of a loaded library, one by one.

    Each costs 10-30 ms of the GUI thread (its module, its widgets, its HTML):
    built on first use, none of it delays the moment the library is searchable.
    """

    def __init__(self, library: Library, wire: Callable[[QWidget], object]) -> None:
        self._library, self._wire = library, wire

    def article(self) -> ArticleView:
        from sjsref.ui.article_view import ArticleView

        view = ArticleView(self._library)
        self._wire(view)
        return view

    def references(self) -> ReferencesView:
        from sjsref.ui.references_view import ReferencesView

        view = ReferencesView(self._library)
        view.setWindowTitle("References")
        self._wire(view)
        return view

    def tables(self) -> TablesView:
        from sjsref.ui.tables_view import TablesView

        view = TablesView(self._library)
        view.setWindowTitle("Drug and HLA tables")
        self._wire(view)
        return view
